"""Tournament GUI tests use the tournament world on the real hub, and close the
features they make."""

from collections.abc import AsyncIterator

import pytest

from gfdesk.tournament.feature import TournamentFeature
from tests.helpers.tournamentworld import tournament_world

__all__ = ["tournament_world"]


@pytest.fixture
async def features() -> AsyncIterator[list[TournamentFeature]]:
    """The features a test made, closed at its end (also when it fails)."""
    made: list[TournamentFeature] = []
    yield made
    for feature in made:
        await feature.aclose()
