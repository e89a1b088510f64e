"""Single elimination, and the winners bracket double elimination builds on. Qt-free,
pure (no I/O, no clock, no asyncio).

For ``n`` participants the bracket has ``size`` = the next power of two slots and
``log2(size)`` rounds; round ``r`` has ``size / 2**r`` matches. The first round follows
the standard seed order (``seeding``), so byes go to the top seeds and seeds 1 and 2
can meet only in the final. A first-round match against a bye is stored (done, won by
the seeded player) so every round keeps its full shape for the view.

Match ``(r, p)`` sends its winner to ``(r + 1, ceil(p / 2))``, slot 1 from an odd
position and slot 2 from an even one. The optional third-place match is stored as
``winners`` in the final's round at position 2 (``matches.is_third_place``), fed by the
losers of the two semi-finals; with fewer than four slots there is no semi-final and
the option is ignored. A semi-final against a bye has no loser, so with three players
the third place goes to the first-round loser without a game.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import Format, Match, Participant, Section, match_id
from gfdesk.tournament.progression import settle_all
from gfdesk.tournament.seeding import by_seed, first_round

Key = tuple[Section, int, int]
Draft = dict[Key, Match]


def new_match(tournament_id: str, section: Section, round_: int, position: int,
              player1: Participant | None = None, player2: Participant | None = None
              ) -> Match:
    """A pending match at ``section``/``round_``/``position`` with its deterministic id."""
    return Match(match_id(tournament_id, section, round_, position), tournament_id, section,
                 round_, position, None if player1 is None else player1.id,
                 None if player2 is None else player2.id)


def link_winner(draft: Draft, source: Key, target: Key, slot: int) -> None:
    """The winner of ``source`` goes to ``slot`` of ``target``."""
    draft[source] = replace(draft[source], next_match_id=draft[target].id, next_slot=slot)


def link_loser(draft: Draft, source: Key, target: Key, slot: int) -> None:
    """The loser of ``source`` goes to ``slot`` of ``target``."""
    draft[source] = replace(draft[source], loser_next_match_id=draft[target].id,
                            loser_next_slot=slot)


def has_loser(draft: Draft, key: Key) -> bool:
    """Whether the match can have a loser: it is not a first-round match against a bye."""
    match = draft[key]
    return match.round > 1 or len(match.players) == 2


def winners_bracket(tournament_id: str, participants: Sequence[Participant]
                    ) -> tuple[Draft, int]:
    """The winners bracket with its winner links, and its number of rounds."""
    pairs = first_round(participants)
    rounds = (len(pairs) * 2).bit_length() - 1
    draft: Draft = {}
    for p, (a, b) in enumerate(pairs, start=1):
        draft[(Section.WINNERS, 1, p)] = new_match(tournament_id, Section.WINNERS, 1, p, a, b)
    for r in range(2, rounds + 1):
        for p in range(1, len(pairs) // 2 ** (r - 1) + 1):
            draft[(Section.WINNERS, r, p)] = new_match(tournament_id, Section.WINNERS, r, p)
    for r in range(1, rounds):
        for p in range(1, len(pairs) // 2 ** (r - 1) + 1):
            link_winner(draft, (Section.WINNERS, r, p), (Section.WINNERS, r + 1, (p + 1) // 2),
                        1 if p % 2 else 2)
    return draft, rounds


def freeze(tournament_id: str, format: Format, participants: Sequence[Participant],
           draft: Draft) -> Bracket:
    """The drafted matches as a settled bracket (byes advanced, ready matches marked)."""
    matches = tuple(sorted(draft.values(), key=lambda m: m.key))
    return settle_all(Bracket(tournament_id, format, by_seed(participants), matches))


def single_elimination(tournament_id: str, participants: Sequence[Participant], *,
                       third_place: bool = False) -> Bracket:
    """A single-elimination bracket, optionally with a third-place match.

    Raises:
        BracketError: bad participants or tournament id.
    """
    draft, rounds = winners_bracket(tournament_id, participants)
    if third_place and rounds >= 2:
        third: Key = (Section.WINNERS, rounds, 2)
        draft[third] = new_match(tournament_id, Section.WINNERS, rounds, 2)
        for slot in (1, 2):
            semi: Key = (Section.WINNERS, rounds - 1, slot)
            if has_loser(draft, semi):
                link_loser(draft, semi, third, slot)
    return freeze(tournament_id, Format.SINGLE_ELIM, participants, draft)


def final(bracket: Bracket) -> Match | None:
    """The match whose winner wins the tournament: the grand-final reset when it is played,
    else the grand final, else the winners bracket's final (None for league formats)."""
    finals = bracket.section(Section.GRAND_FINAL)
    if finals:
        reset = finals[-1]
        return finals[0] if reset.round == 1 or reset.is_void else reset
    last = bracket.last_round(Section.WINNERS)
    for m in bracket.section(Section.WINNERS):
        if m.round == last and m.position == 1:
            return m
    return None


def champion(bracket: Bracket) -> str | None:
    """The elimination bracket's winner, once its final is decided."""
    decider = final(bracket)
    return None if decider is None else decider.winner_id
