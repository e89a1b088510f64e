"""Round robin by the circle method. Qt-free, pure (no I/O, no clock, no asyncio).

Everyone meets everyone once. With an even count ``n`` there are ``n - 1`` rounds of
``n / 2`` matches; with an odd count a phantom player makes it even and whoever meets
the phantom rests that round (no row is stored for a rest), so there are ``n`` rounds.
In each round the players stand in a circle: seed 1 stays put, the others turn one
place, and the player ``i`` places from one end meets the player ``i`` places from the
other. Nobody plays twice in a round.

Matches are ``round_robin`` rows, numbered from 1 in each round without gaps, all
ready from the start (no links). Seed 1 alternates between slots 1 and 2 from round to
round; the table's order decides nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence

from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import Format, Match, MatchStatus, Participant, Section, match_id
from gfdesk.tournament.seeding import by_seed


def league_match(tournament_id: str, round_: int, position: int, player1: str,
                 player2: str | None) -> Match:
    """A ``round_robin`` match; without ``player2`` it is a bye won by ``player1``."""
    mid = match_id(tournament_id, Section.ROUND_ROBIN, round_, position)
    if player2 is None:
        return Match(mid, tournament_id, Section.ROUND_ROBIN, round_, position, player1,
                     None, winner_id=player1, status=MatchStatus.DONE)
    return Match(mid, tournament_id, Section.ROUND_ROBIN, round_, position, player1, player2,
                 status=MatchStatus.READY)


def circle_rounds(players: Sequence[str]) -> list[list[tuple[str, str]]]:
    """The pairs of every round by the circle method (rests left out)."""
    line: list[str | None] = list(players)
    if len(line) % 2:
        line.append(None)
    size = len(line)
    fixed, ring = line[0], line[1:]
    rounds: list[list[tuple[str, str]]] = []
    for r in range(size - 1):
        circle = [fixed, *ring]
        pairs: list[tuple[str, str]] = []
        for i in range(size // 2):
            a, b = circle[i], circle[size - 1 - i]
            if a is None or b is None:
                continue
            pairs.append((b, a) if i == 0 and r % 2 else (a, b))
        rounds.append(pairs)
        ring = [ring[-1], *ring[:-1]]
    return rounds


def round_robin(tournament_id: str, participants: Sequence[Participant]) -> Bracket:
    """A round-robin bracket of every round.

    Raises:
        BracketError: bad participants or tournament id.
    """
    ranked = by_seed(participants)
    matches = [league_match(tournament_id, r, pos, a, b)
               for r, pairs in enumerate(circle_rounds([p.id for p in ranked]), start=1)
               for pos, (a, b) in enumerate(pairs, start=1)]
    return Bracket(tournament_id, Format.ROUND_ROBIN, ranked, tuple(matches))
