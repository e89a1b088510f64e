"""Playing brackets out in tests: participants, random results, and the invariants every
state of a bracket keeps."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Iterator

from gfdesk.tournament.bracket import (
    Bracket,
    Format,
    Match,
    MatchStatus,
    Participant,
    Result,
    Section,
    apply_result,
    forfeit,
    generate,
    next_round,
    recommended_rounds,
)
from gfdesk.tournament.progression import Empty, resolve_slot

TID = str(uuid.UUID("6f1c2a9e-6d3b-4a7e-9f0d-1b2c3d4e5f60"))


def players(count: int) -> list[Participant]:
    """``count`` participants p1..pN seeded in order."""
    return [Participant(f"p{i}", i) for i in range(1, count + 1)]


def random_result(match: Match, rnd: random.Random, *, league: bool) -> Result:
    """A plausible result: mostly a played score, sometimes a tie (a draw in leagues,
    decided by a named winner otherwise), sometimes a forfeit."""
    roll = rnd.random()
    if roll < 0.08:
        loser = rnd.choice(match.players)
        return forfeit(match, loser)
    a, b = rnd.randint(0, 3), rnd.randint(0, 3)
    if a == b and not league:
        return Result(match.id, a, b, winner_id=rnd.choice(match.players))
    return Result(match.id, a, b)


def open_matches(bracket: Bracket) -> list[Match]:
    return [m for m in bracket.matches if m.status in (MatchStatus.READY, MatchStatus.LIVE)]


def check_state(bracket: Bracket, *, disqualified: bool = False) -> None:
    """Invariants of every state: nobody is in two matches at once (elimination: in two
    unfinished matches; leagues: twice in a round), and no match has two byes (a void
    grand-final reset aside; with ``disqualified`` players, a match whose two players
    were both disqualified upstream is void too)."""
    if bracket.format.is_league:
        busy = Counter((m.round, p) for m in bracket.matches for p in m.players)
    else:
        busy = Counter((0, p) for m in bracket.matches if m.status is not MatchStatus.DONE
                       for p in m.players)
    assert all(c == 1 for c in busy.values()), busy.most_common(3)
    current = bracket.match
    for m in bracket.matches:
        if disqualified:
            continue
        slots = [resolve_slot(bracket, current, m, s) for s in (1, 2)]
        assert slots != [Empty.BYE, Empty.BYE], m
        if m.is_void:
            assert m.bracket is Section.GRAND_FINAL and m.round == 2


def play_out(bracket: Bracket, rnd: random.Random, *, check_every: int = 1,
             ) -> Iterator[tuple[Bracket, Match, Result]]:
    """Report random results on random ready matches (pairing Swiss rounds up to the
    recommended count) until nothing is left; yields the bracket before each report."""
    league = bracket.format.is_league
    step = 0
    while True:
        ready = open_matches(bracket)
        if not ready:
            if (bracket.format is Format.SWISS and bracket.last_round(Section.ROUND_ROBIN)
                    < recommended_rounds(len(bracket.participants))):
                bracket = next_round(bracket).bracket
                continue
            return
        match = rnd.choice(ready)
        result = random_result(match, rnd, league=league)
        yield bracket, match, result
        bracket = apply_result(bracket, result).bracket
        step += 1
        if step % check_every == 0:
            check_state(bracket)


def finished(fmt: Format, count: int, seed: int = 0, **options: bool) -> Bracket:
    """A bracket of ``count`` players played to the end with random results."""
    bracket = generate(TID, fmt, players(count), **options)
    last = bracket
    for before, _, result in play_out(bracket, random.Random(seed)):
        last = apply_result(before, result).bracket
    return last


def losses(bracket: Bracket, *, skip_third_place: bool = True) -> Counter[str]:
    """How often each player lost a match between two players."""
    last = bracket.last_round(Section.WINNERS)
    out: Counter[str] = Counter()
    for m in bracket.matches:
        if skip_third_place and m.bracket is Section.WINNERS and m.round == last \
                and m.position == 2:
            continue
        if m.loser_id is not None:
            out[m.loser_id] += 1
    return out


TAG = {Section.WINNERS: "W", Section.LOSERS: "L", Section.GRAND_FINAL: "G",
       Section.ROUND_ROBIN: "R"}


def render(bracket: Bracket) -> list[str]:
    """One line per match: place, players, status, winner, links."""
    def place(match_id: str) -> str:
        m = bracket.match(match_id)
        return f"{TAG[m.bracket]}{m.round}/{m.position}"

    lines = []
    for m in bracket.matches:
        line = f"{place(m.id)} {m.player1_id or '-'}:{m.player2_id or '-'} {m.status.value}"
        if m.winner_id:
            line += f" won:{m.winner_id}"
        if m.next_match_id:
            line += f" >{place(m.next_match_id)}.{m.next_slot}"
        if m.loser_next_match_id:
            line += f" L>{place(m.loser_next_match_id)}.{m.loser_next_slot}"
        lines.append(line)
    return lines


def at(bracket: Bracket, tag: str) -> str:
    """The id of the match at ``"W2/1"``-style place."""
    for m in bracket.matches:
        if f"{TAG[m.bracket]}{m.round}/{m.position}" == tag:
            return m.id
    raise KeyError(tag)


def win(bracket: Bracket, tag: str, winner: str, score: tuple[int, int] = (2, 0)) -> Bracket:
    """``winner`` wins the match at ``tag`` by ``score`` (winner's score first)."""
    m = bracket.match(at(bracket, tag))
    s1, s2 = score if winner == m.player1_id else score[::-1]
    return apply_result(bracket, Result(m.id, s1, s2)).bracket
