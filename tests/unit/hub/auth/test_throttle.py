"""SignInThrottle: failures per key within a sliding window."""

from __future__ import annotations

import pytest

from gfdesk.hub.auth.throttle import SignInThrottle

EMAIL = "ann@example.com"


def fail_at(throttle: SignInThrottle, key: str, times: list[float]) -> list[bool]:
    """Attempt and fail at each time; return which attempts were allowed."""
    allowed = []
    for t in times:
        allowed.append(not throttle.is_throttled(key, t))
        if allowed[-1]:
            throttle.record_failure(key, t)
    return allowed


def test_it_should_refuse_attempts_after_the_limit_within_the_window() -> None:
    throttle = SignInThrottle(limit=5, window_s=300)
    assert fail_at(throttle, EMAIL, [0, 10, 20, 30, 40]) == [True] * 5
    assert throttle.is_throttled(EMAIL, 50) is True
    assert throttle.retry_after(EMAIL, 50) == pytest.approx(250)


@pytest.mark.parametrize(
    ("now", "throttled"),
    [(299.9, True), (300.0, False), (1000.0, False)],
)
def test_it_should_allow_again_once_the_oldest_failure_leaves_the_window(
    now: float, throttled: bool
) -> None:
    throttle = SignInThrottle(limit=5, window_s=300)
    fail_at(throttle, EMAIL, [0, 1, 2, 3, 4])
    assert throttle.is_throttled(EMAIL, now) is throttled


def test_refused_attempts_do_not_extend_the_lockout() -> None:
    throttle = SignInThrottle(limit=2, window_s=60)
    fail_at(throttle, EMAIL, [0, 1])
    assert fail_at(throttle, EMAIL, [10, 20, 30, 59]) == [False] * 4
    assert throttle.is_throttled(EMAIL, 60) is False


def test_a_success_should_clear_the_record() -> None:
    throttle = SignInThrottle(limit=3, window_s=300)
    fail_at(throttle, EMAIL, [0, 1])
    throttle.succeeded(EMAIL)
    assert fail_at(throttle, EMAIL, [3, 4, 5]) == [True] * 3
    assert throttle.retry_after(EMAIL, 5) > 0


def test_keys_are_independent() -> None:
    throttle = SignInThrottle(limit=1, window_s=300)
    fail_at(throttle, EMAIL, [0])
    assert throttle.is_throttled(EMAIL, 1) is True
    assert throttle.is_throttled("bob@example.com", 1) is False
    assert throttle.retry_after("carl@example.com", 1) == 0


def test_memory_is_bounded_by_evicting_the_least_recent_key() -> None:
    throttle = SignInThrottle(limit=1, window_s=300, max_keys=3)
    for i in range(4):
        throttle.record_failure(f"user{i}@example.com", float(i))
    # user0 was evicted, so it may try again; user3 is still locked.
    assert throttle.is_throttled("user0@example.com", 5) is False
    assert throttle.is_throttled("user3@example.com", 5) is True
