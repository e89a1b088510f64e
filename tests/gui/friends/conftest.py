"""Friends GUI tests close the supervisors they start through the shared fixture."""

from tests.helpers.supervisors import supervisors

__all__ = ["supervisors"]
