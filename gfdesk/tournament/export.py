"""Final placements of elimination brackets and the standings as CSV. Qt-free, pure.

Round robin and Swiss rank by the league standings (``standings``). An elimination
bracket ranks its players by how far they got: the champion first, then the final's
loser, then by the round they went out in (later is better; the losers bracket of a
double elimination counts after the whole winners bracket), sharing a place with those
who went out in the same round. A single elimination's third-place match decides
third and fourth.

CSV cells come from remote users (display names): a cell that a spreadsheet would
run as a formula (``=``, ``+``, ``-``, ``@`` first) is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from gfdesk.tournament.elimination import final as final_match
from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import Match, MatchStatus, Section, is_third_place
from gfdesk.tournament.standings import standings

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Placement:
    """A player's place; ``out_in`` says where they went out ("" for the champion)."""

    place: int
    participant_id: str
    seed: int
    wins: int
    losses: int
    out_in: str


def _out_key(bracket: Bracket, match: Match) -> tuple[int, int]:
    """How far a player who went out in ``match`` got (bigger is further)."""
    if match.bracket is Section.WINNERS:
        return (0, match.round)
    if match.bracket is Section.LOSERS:
        return (1, match.round)
    return (2, match.round)


def placements(bracket: Bracket, describe: Callable[[Match], str]) -> tuple[Placement, ...]:
    """Every player's place in an elimination bracket. A player is out in the last
    match they lost once no unfinished match holds them; players still in share the
    best place not decided yet."""
    seeds = {p.id: p.seed for p in bracket.participants}
    wins = dict.fromkeys(seeds, 0)
    losses = dict.fromkeys(seeds, 0)
    last_loss: dict[str, Match] = {}
    alive: set[str] = set()
    last = bracket.last_round(Section.WINNERS)
    third = next((m for m in bracket.matches if is_third_place(m, last)), None)
    for m in sorted(bracket.matches, key=lambda m: bracket.topo_index(m.id)):
        if m.status is not MatchStatus.DONE:
            alive.update(m.players)
            continue
        if len(m.players) != 2 or m.winner_id is None or m is third:
            continue
        loser = m.opponent(m.winner_id)
        assert loser is not None
        wins[m.winner_id] += 1
        losses[loser] += 1
        last_loss[loser] = m
    decider = final_match(bracket)
    champion = decider.winner_id if decider is not None else None
    if third is not None and third.status is MatchStatus.DONE and third.winner_id:
        third_loser = third.opponent(third.winner_id)
        wins[third.winner_id] += 1
        if third_loser is not None:
            losses[third_loser] += 1
    order: dict[str, tuple[int, ...]] = {}
    for pid in seeds:
        if pid == champion:
            order[pid] = (0,)
        elif pid in alive or pid not in last_loss:
            order[pid] = (1,)
        else:
            key = _out_key(bracket, last_loss[pid])
            order[pid] = (2, -key[0], -key[1])
            if third is not None and third.status is MatchStatus.DONE and pid in third.players:
                order[pid] += (0 if pid == third.winner_id else 1,)
    ranked = sorted(seeds, key=lambda pid: (order[pid], seeds[pid]))
    out: list[Placement] = []
    place, previous = 0, None
    for index, pid in enumerate(ranked, start=1):
        if order[pid] != previous:
            place, previous = index, order[pid]
        gone = last_loss.get(pid) if order[pid][0] == 2 else None
        out.append(Placement(place, pid, seeds[pid], wins[pid], losses[pid],
                             describe(gone) if gone is not None else ""))
    return tuple(out)


def safe_cell(text: str) -> str:
    """``text`` for a CSV cell that a spreadsheet shows as text, never runs."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def standings_csv(bracket: Bracket, name_of: Callable[[str], str],
                  describe: Callable[[Match], str]) -> str:
    """The standings (leagues) or final placements (elimination) as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if bracket.format.is_league:
        writer.writerow(["rank", "player", "seed", "played", "wins", "draws", "losses",
                         "byes", "points", "tiebreak", "score_for", "score_against"])
        for s in standings(bracket):
            writer.writerow([s.rank, safe_cell(name_of(s.participant_id)), s.seed, s.played,
                             s.wins, s.draws, s.losses, s.byes, f"{s.points:g}",
                             f"{s.tiebreak / 2:g}", s.score_for, s.score_against])
    else:
        writer.writerow(["place", "player", "seed", "wins", "losses", "out_in"])
        for p in placements(bracket, describe):
            writer.writerow([p.place, safe_cell(name_of(p.participant_id)), p.seed, p.wins,
                             p.losses, p.out_in])
    return buffer.getvalue()
