"""Call integration tests use the call world on the real hub."""

from tests.helpers.callworld import call_world

__all__ = ["call_world"]
