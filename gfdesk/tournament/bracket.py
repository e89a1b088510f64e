"""The bracket engine's front door: value types, generation, results, standings.
Qt-free, pure (no I/O, no clock, no asyncio, no randomness): the same input gives the
same bracket, match ids included, on every client.

The engine takes a format, seeded participants and results and returns matches in the
shape of the ``tournament_matches`` table, with their links. Callers (the tournament
service, the host console, tests, ``bench/bracket.py``) import from here::

    bracket = generate(tournament_id, Format.DOUBLE_ELIM, participants)
    update = apply_result(bracket, Result(match_id, 2, 1))   # write update.changed

How each format maps onto the table is in ``matches``; the formats in
``elimination``, ``doubleelim``, ``roundrobin`` and ``swiss``; results and their
progression in ``results`` and ``progression``; tables in ``standings``.
"""

from __future__ import annotations

from collections.abc import Sequence

from gfdesk.tournament.doubleelim import double_elimination
from gfdesk.tournament.elimination import champion as elimination_champion
from gfdesk.tournament.elimination import final, single_elimination
from gfdesk.tournament.graph import Bracket, Feed, Feeder
from gfdesk.tournament.matches import (
    MAX_PARTICIPANTS,
    BracketError,
    CorrectionRefused,
    Format,
    Match,
    MatchStatus,
    Participant,
    ResultError,
    Section,
    describe,
    is_third_place,
    match_id,
)
from gfdesk.tournament.progression import Update
from gfdesk.tournament.results import (
    Outcome,
    Result,
    apply_result,
    forfeit,
    reset_matches,
    start_match,
)
from gfdesk.tournament.roundrobin import round_robin
from gfdesk.tournament.seeding import bracket_size
from gfdesk.tournament.standings import Standing, standings
from gfdesk.tournament.swiss import PairingError, next_round, recommended_rounds
from gfdesk.tournament.swiss import first_round as swiss_first_round

__all__ = [
    "MAX_PARTICIPANTS", "Bracket", "BracketError", "CorrectionRefused", "Feed", "Feeder",
    "Format", "Match", "MatchStatus", "Outcome", "PairingError", "Participant", "Result",
    "ResultError", "Section", "Standing", "Update", "apply_result", "bracket_size",
    "champion", "describe", "final", "forfeit", "generate", "is_third_place", "match_id",
    "next_round", "recommended_rounds", "reset_matches", "standings", "start_match",
]


def generate(tournament_id: str, format: Format, participants: Sequence[Participant], *,
             third_place: bool = False, grand_final_reset: bool = True) -> Bracket:
    """The bracket a tournament starts with (a Swiss one: its first round).

    Args:
        tournament_id: the tournament's id (a UUID; match ids derive from it).
        format: the tournament's format.
        participants: 2 to ``MAX_PARTICIPANTS`` players with distinct seeds.
        third_place: single elimination: add a third-place match.
        grand_final_reset: double elimination: add the grand-final reset match.

    Raises:
        BracketError: bad participants or tournament id.
    """
    if format is Format.SINGLE_ELIM:
        return single_elimination(tournament_id, participants, third_place=third_place)
    if format is Format.DOUBLE_ELIM:
        return double_elimination(tournament_id, participants, reset=grand_final_reset)
    if format is Format.ROUND_ROBIN:
        return round_robin(tournament_id, participants)
    return swiss_first_round(tournament_id, participants)


def champion(bracket: Bracket) -> str | None:
    """The tournament's winner once it is decided: the final's winner in elimination, the
    standings leader once every league match is done (None before)."""
    if not bracket.format.is_league:
        return elimination_champion(bracket)
    if any(m.status is not MatchStatus.DONE for m in bracket.matches):
        return None
    return standings(bracket)[0].participant_id
