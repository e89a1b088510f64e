"""SignInThrottle: failures per email within a sliding window."""

from __future__ import annotations

import pytest

from gfdesk.hub.auth.throttle import SignInThrottle

EMAIL = "ann@example.com"


def fail_times(throttle: SignInThrottle, key: str, times: list[float]) -> list[bool]:
    return [throttle.try_begin(key, t) for t in times]


def test_it_should_refuse_the_attempt_after_the_limit_within_the_window() -> None:
    throttle = SignInThrottle(limit=5, window_s=300)
    assert fail_times(throttle, EMAIL, [0, 10, 20, 30, 40]) == [True] * 5
    assert throttle.try_begin(EMAIL, 50) is False
    assert throttle.retry_after(EMAIL, 50) == pytest.approx(250)


@pytest.mark.parametrize(
    ("now", "allowed"),
    [(299.9, False), (300.0, True), (1000.0, True)],
)
def test_it_should_allow_again_once_the_oldest_failure_leaves_the_window(
    now: float, allowed: bool
) -> None:
    throttle = SignInThrottle(limit=5, window_s=300)
    fail_times(throttle, EMAIL, [0, 1, 2, 3, 4])
    assert throttle.try_begin(EMAIL, now) is allowed


def test_refused_attempts_do_not_extend_the_lockout() -> None:
    throttle = SignInThrottle(limit=2, window_s=60)
    fail_times(throttle, EMAIL, [0, 1])
    assert fail_times(throttle, EMAIL, [10, 20, 30, 59]) == [False] * 4
    assert throttle.try_begin(EMAIL, 60) is True


def test_a_success_should_clear_the_record() -> None:
    throttle = SignInThrottle(limit=3, window_s=300)
    fail_times(throttle, EMAIL, [0, 1])
    assert throttle.try_begin(EMAIL, 2) is True
    throttle.succeeded(EMAIL)
    assert fail_times(throttle, EMAIL, [3, 4, 5]) == [True] * 3
    assert throttle.retry_after(EMAIL, 5) > 0


def test_keys_are_independent() -> None:
    throttle = SignInThrottle(limit=1, window_s=300)
    assert throttle.try_begin(EMAIL, 0) is True
    assert throttle.try_begin(EMAIL, 1) is False
    assert throttle.try_begin("bob@example.com", 1) is True
    assert throttle.retry_after("carl@example.com", 1) == 0


def test_concurrent_attempts_count_before_they_finish() -> None:
    """Attempts begun but not yet verified already use up the allowance."""
    throttle = SignInThrottle(limit=2, window_s=300)
    assert [throttle.try_begin(EMAIL, 0) for _ in range(3)] == [True, True, False]


def test_memory_is_bounded_by_evicting_the_least_recent_key() -> None:
    throttle = SignInThrottle(limit=1, window_s=300, max_keys=3)
    for i in range(4):
        throttle.try_begin(f"user{i}@example.com", float(i))
    # user0 was evicted, so it is allowed again; user3 is still locked.
    assert throttle.try_begin("user0@example.com", 5) is True
    assert throttle.try_begin("user3@example.com", 5) is False
