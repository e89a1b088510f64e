"""Backoff: capped exponential ceilings with full jitter."""

from __future__ import annotations

import pytest

from gfdesk.core.backoff import Backoff
from gfdesk.core.clock import Clock


@pytest.mark.parametrize(("attempt", "ceiling"), [
    (0, 0.5), (1, 1.0), (2, 2.0), (5, 16.0), (6, 30.0), (50, 30.0), (10_000, 30.0),
])
def test_ceiling_doubles_from_half_a_second_up_to_thirty(attempt: int, ceiling: float) -> None:
    assert Backoff().ceiling(attempt) == ceiling


@pytest.mark.parametrize("draw", [0.0, 0.25, 0.999])
def test_delay_is_the_draw_times_the_ceiling(draw: float) -> None:
    assert Backoff().delay(3, draw) == pytest.approx(4.0 * draw)


def test_delays_stay_within_the_ceiling_for_any_draw() -> None:
    clock = Clock(seed=7)
    policy = Backoff(base_s=0.5, cap_s=30.0)
    for attempt in range(40):
        for _ in range(50):
            assert 0.0 <= policy.delay(attempt, clock.random()) < policy.ceiling(attempt)


def test_jitter_spreads_the_delays() -> None:
    clock = Clock(seed=1)
    delays = {round(Backoff().delay(4, clock.random()), 3) for _ in range(100)}
    assert len(delays) > 50


@pytest.mark.parametrize(("attempt", "draw"), [(-1, 0.5), (0, 1.0), (0, -0.1)])
def test_bad_arguments_are_refused(attempt: int, draw: float) -> None:
    with pytest.raises(ValueError):
        Backoff().delay(attempt, draw)
