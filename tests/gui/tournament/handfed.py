"""A tournament page's models fed by hand (no server): a feed holding a bracket, with
names, for view tests."""

from __future__ import annotations

import uuid
from typing import Any

from gfdesk.tournament.bracket import Bracket, Format, Participant, generate
from gfdesk.tournament.feed import TournamentFeed
from gfdesk.tournament.info import Entrant
from gfdesk.tournament.service import TournamentService

TID = str(uuid.UUID("8a1c2f3e-4b5d-4c6e-8f70-91a2b3c4d5e6"))


def people(count: int) -> list[Participant]:
    return [Participant(str(uuid.UUID(int=1000 + i)), i) for i in range(1, count + 1)]


def stamped(row: dict[str, Any], n: int) -> dict[str, Any]:
    """A row as the server sends it: with an ``updated_at`` version."""
    return {**row, "updated_at": f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}.000000+00:00"}


def fed(count: int, fmt: Format = Format.DOUBLE_ELIM, *, me: int | None = 1,
        bracket: Bracket | None = None) -> TournamentFeed:
    """A feed of a ``count``-player bracket (fresh unless given), names "Player i"."""
    players = people(count)
    bracket = bracket or generate(TID, fmt, players)
    me_id = players[me - 1].id if me is not None else "nobody"
    service = TournamentService(None, None, None, me_id)  # type: ignore[arg-type]
    feed = TournamentFeed(service, TID, on_matches=lambda _ids: None,
                          on_score=lambda _m, _s: None, on_tournament=lambda _t: None,
                          on_message=lambda _m: None)
    feed.entrants = [Entrant(p.id, p.seed, f"Player {p.seed}") for p in players]
    feed.live.load(bracket, [stamped(r, 0) for r in bracket.to_rows()])
    return feed
