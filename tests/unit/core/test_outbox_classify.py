"""Which failed sends the outbox retries and which it drops and reports."""

from __future__ import annotations

import httpx
import pytest
from postgrest.exceptions import APIError

from gfdesk.core.outbox import Outcome, classify


def api_error(code: str, message: str = "boom") -> APIError:
    return APIError({"code": code, "message": message, "hint": None, "details": None})


@pytest.mark.parametrize("code", ["42501", "23502", "23503", "22P02", "PGRST204", "23514",
                                  "42P01", "PGRST116", "400", "404", "413"])
def test_refusals_are_final(code: str) -> None:
    outcome, got, reason = classify(api_error(code, "new row violates row-level security"))
    assert (outcome, got) == (Outcome.REJECTED, code) and reason


@pytest.mark.parametrize("code", ["500", "502", "503", "504", "429", "408", "PGRST000",
                                  "PGRST003", "PGRST301", "PGRST303", "40001", "08006",
                                  "57P01"])
def test_overload_outages_and_expired_tokens_are_retried(code: str) -> None:
    assert classify(api_error(code))[0] is Outcome.RETRY


@pytest.mark.parametrize("exc", [
    httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("eof"),
])
def test_network_errors_are_retried(exc: httpx.HTTPError) -> None:
    outcome, code, _ = classify(exc)
    assert (outcome, code) == (Outcome.RETRY, "network")


def test_anything_else_is_a_bug_and_propagates() -> None:
    with pytest.raises(KeyError):
        classify(KeyError("x"))
