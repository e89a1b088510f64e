"""Seeding: bracket sizes, the standard seed order, and who meets whom first. Qt-free,
pure (no I/O, no clock, no asyncio).

The standard order places seeds so that, if the stronger seed always wins, the best
two meet only in the final, the best four only in the semi-finals, and so on: the order
for ``2m`` slots replaces each seed ``s`` of the order for ``m`` slots by the pair
``(s, 2m + 1 - s)``. ``[1, 2]`` becomes ``[1, 4, 2, 3]``, then
``[1, 8, 4, 5, 2, 7, 3, 6]``. Seeds beyond the participant count are byes, which
therefore go to the top seeds, and (as long as more than half the slots are taken) a
bye never meets a bye.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from gfdesk.tournament.matches import MAX_PARTICIPANTS, BracketError, Participant

#: The fewest participants a tournament can start with.
MIN_PARTICIPANTS = 2


def check_participants(participants: Sequence[Participant]) -> None:
    """Raise ``BracketError`` unless there are 2 to ``MAX_PARTICIPANTS`` participants with
    distinct non-empty ids and distinct positive seeds."""
    n = len(participants)
    if not MIN_PARTICIPANTS <= n <= MAX_PARTICIPANTS:
        raise BracketError(
            f"a tournament needs {MIN_PARTICIPANTS} to {MAX_PARTICIPANTS} participants, "
            f"not {n}")
    ids = [p.id for p in participants]
    if any(not i for i in ids) or len(set(ids)) != n:
        raise BracketError("participant ids must be distinct and not empty")
    seeds = [p.seed for p in participants]
    if any(isinstance(s, bool) or not isinstance(s, int) or s < 1 for s in seeds):
        raise BracketError("seeds must be positive integers")
    if len(set(seeds)) != n:
        raise BracketError("two participants have the same seed")


def by_seed(participants: Sequence[Participant]) -> tuple[Participant, ...]:
    """The participants checked and ordered by seed (1 first)."""
    check_participants(participants)
    return tuple(sorted(participants, key=lambda p: p.seed))


def bracket_size(count: int) -> int:
    """The smallest power of two holding ``count`` players (at least 2)."""
    size = 2
    while size < count:
        size *= 2
    return size


@functools.lru_cache(maxsize=16)
def seed_order(size: int) -> tuple[int, ...]:
    """Seed numbers (1-based) in first-round slot order for a bracket of ``size`` slots.

    Slots ``2i`` and ``2i + 1`` (0-based) meet in the first round.
    """
    if size < 2 or size & (size - 1):
        raise BracketError(f"a bracket size must be a power of two >= 2, not {size}")
    order = [1, 2]
    while len(order) < size:
        total = 2 * len(order) + 1
        order = [x for s in order for x in (s, total - s)]
    return tuple(order)


def first_round(participants: Sequence[Participant]
                ) -> list[tuple[Participant | None, Participant | None]]:
    """The first-round pairs of an elimination bracket, top of the bracket first; ``None``
    is a bye. Participants are ranked by seed (seed numbers need not be contiguous)."""
    ranked = by_seed(participants)
    order = seed_order(bracket_size(len(ranked)))

    def at(seed: int) -> Participant | None:
        return ranked[seed - 1] if seed <= len(ranked) else None

    return [(at(order[i]), at(order[i + 1])) for i in range(0, len(order), 2)]
