"""Tournament integration tests use the tournament world on the real hub."""

from tests.helpers.tournamentworld import tournament_world

__all__ = ["tournament_world"]
