"""Joining and leaving channels, and tokens on live channels (spec 2.6-2.11, 9.3-9.4)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from gfdesk.hub import keys as hubkeys
from gfdesk.hub.context import KEYS
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import anon_client
from tests.helpers.logfail import ExpectedLogs
from tests.integration.hub.realtime.rawws import raw_socket, user_token

BINDINGS = [
    {"event": "*", "schema": "public", "table": "tournament_matches",
     "filter": "tournament_id=eq.1"},
    {"event": "INSERT", "schema": "public", "table": "notifications"},
]


class States:
    """Collects a channel's subscribe states; ``wait(state)`` awaits one."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, Exception | None]] = []
        self._event = asyncio.Event()

    def __call__(self, state: Any, error: Exception | None) -> None:
        self.seen.append((state.value, error))
        self._event.set()

    async def wait(self, state: str) -> Exception | None:
        while True:
            for seen, error in self.seen:
                if seen == state:
                    return error
            self._event.clear()
            await asyncio.wait_for(self._event.wait(), 10)


async def test_join_reply_is_ok_with_an_empty_postgres_changes_list(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, reply = await sock.join("realtime:room1", {
            "broadcast": {"ack": False, "self": False},
            "presence": {"key": "", "enabled": False}, "private": False})
        assert reply == {"topic": "realtime:room1", "event": "phx_reply", "ref": join_ref,
                         "payload": {"status": "ok", "response": {"postgres_changes": []}}}


async def test_join_echoes_bindings_verbatim_in_order_with_positive_int_ids(
        hub: RunningHub) -> None:
    async with raw_socket(hub, "2.0.0") as sock:
        join_ref, reply = await sock.join("realtime:room1", {"postgres_changes": BINDINGS})
        assert reply[:4] == [join_ref, join_ref, "realtime:room1", "phx_reply"]
        echoed = reply[4]["response"]["postgres_changes"]
        assert [{k: v for k, v in b.items() if k != "id"} for b in echoed] == BINDINGS
        assert all(isinstance(b["id"], int) and b["id"] > 0 for b in echoed)


async def test_presence_state_follows_a_join_with_presence_enabled(hub: RunningHub) -> None:
    async with raw_socket(hub) as first, raw_socket(hub, "2.0.0") as second:
        join_ref, _ = await first.join("realtime:room1",
                                       {"presence": {"enabled": True, "key": "alice"}})
        assert await first.recv() == {"topic": "realtime:room1", "event": "presence_state",
                                      "payload": {}, "ref": None}
        await first.push("realtime:room1", "presence",
                         {"event": "track", "payload": {"name": "alice"}}, ref="5",
                         join_ref=join_ref)
        await first.expect(lambda f: f.get("ref") == "5")
        ref2, _ = await second.join("realtime:room1", {"presence": {"enabled": True}})
        state = await second.expect(lambda f: f[3] == "presence_state")
        assert state[0] == ref2 and state[1] is None  # a channel push: its join_ref
        metas = state[4]["alice"]["metas"]
        assert len(metas) == 1 and metas[0]["name"] == "alice"
        assert len(metas[0]["phx_ref"]) == 16


async def test_no_presence_state_without_presence(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        await sock.join("realtime:room1")
        await sock.push("phoenix", "heartbeat", {}, ref="hb")
        assert (await sock.recv())["event"] == "phx_reply"  # the heartbeat's, nothing before


async def test_leave_is_answered_ok_then_phx_close_with_the_join_ref(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1")
        await sock.push("realtime:room1", "phx_leave", {}, ref="5", join_ref=join_ref)
        assert await sock.recv() == {"topic": "realtime:room1", "event": "phx_reply",
                                     "payload": {"status": "ok", "response": {}}, "ref": "5"}
        assert await sock.recv() == {"topic": "realtime:room1", "event": "phx_close",
                                     "payload": {}, "ref": join_ref}
        await sock.push("realtime:room1", "broadcast", {"event": "x", "payload": {}}, ref="6")
        assert (await sock.recv())["payload"]["response"] == {"reason": "unmatched topic"}


async def test_leave_in_v2_carries_join_refs(hub: RunningHub) -> None:
    async with raw_socket(hub, "2.0.0") as sock:
        join_ref, _ = await sock.join("realtime:room1")
        await sock.push("realtime:room1", "phx_leave", {}, ref="10", join_ref=join_ref)
        assert await sock.recv() == [join_ref, "10", "realtime:room1", "phx_reply",
                                     {"status": "ok", "response": {}}]
        assert await sock.recv() == [join_ref, join_ref, "realtime:room1", "phx_close", {}]


async def test_official_client_unsubscribe_reports_closed(hub: RunningHub) -> None:
    client = await anon_client(hub)
    states = States()
    channel = client.channel("room1")
    await channel.subscribe(states)
    await channel.unsubscribe()
    await states.wait("CLOSED")


async def test_duplicate_join_closes_the_old_instance(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        first_ref, _ = await sock.join("realtime:room1")
        second_ref = sock.ref()
        await sock.push("realtime:room1", "phx_join", {"config": {}}, ref=second_ref,
                        join_ref=second_ref)
        assert await sock.recv() == {"topic": "realtime:room1", "event": "phx_close",
                                     "payload": {}, "ref": first_ref}
        reply = await sock.recv()
        assert reply["ref"] == second_ref and reply["payload"]["status"] == "ok"


async def test_stale_join_ref_is_ignored(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1", {"broadcast": {"ack": True}})
        await sock.push("realtime:room1", "broadcast", {"event": "x", "payload": {}},
                        ref="8", join_ref="stale")
        await sock.push("realtime:room1", "broadcast", {"event": "x", "payload": {}},
                        ref="9", join_ref=join_ref)
        assert (await sock.recv())["ref"] == "9"


def _bad_tokens(hub: RunningHub) -> dict[str, tuple[str, str]]:
    secret = hub.app[KEYS].secret
    return {
        "expired": (user_token(hub, exp_in_s=-30),
                    "InvalidJWTToken: Token has expired 30 seconds ago"),
        "malformed": ("abc.def", "MalformedJWT: The token provided is not a valid JWT"),
        "bad_signature": (hubkeys.sign("another-secret-of-sufficient-length-000000",
                                       {"role": "authenticated", "exp": 4102444800}),
                          "JwtSignatureError: Failed to validate JWT signature"),
        "no_role": (hubkeys.sign(secret, {"exp": 4102444800}),
                    "InvalidJWTToken: Fields `role` and `exp` are required in JWT"),
    }


@pytest.mark.parametrize("kind", ["expired", "malformed", "bad_signature", "no_role"])
async def test_join_with_a_bad_token_is_refused_with_the_real_reason(
        hub: RunningHub, kind: str) -> None:
    token, reason = _bad_tokens(hub)[kind]
    async with raw_socket(hub) as sock:
        _, reply = await sock.join("realtime:room1", access_token=token)
    payload = reply["payload"]
    assert payload["status"] == "error"
    # The age is measured by the server; allow the second that may pass meanwhile.
    if kind == "expired":
        assert payload["response"]["reason"] in (reason, reason.replace("30", "31"))
    else:
        assert payload == {"status": "error", "response": {"reason": reason}}


async def test_official_client_sees_the_expired_token_reason(
        hub: RunningHub, expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("realtime", "join push error")
    client = await anon_client(hub)
    await client.realtime.set_auth(user_token(hub, exp_in_s=-5))
    states = States()
    channel = client.channel("room1")
    await channel.subscribe(states)
    error = await states.wait("CHANNEL_ERROR")
    reason = json.loads(str(error))["reason"]
    assert reason.startswith("InvalidJWTToken: Token has expired ")
    await client.remove_channel(channel)


async def test_topic_name_is_required(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        _, reply = await sock.join("realtime:")
        assert reply["payload"] == {"status": "error", "response": {
            "reason": "TopicNameRequired: You must provide a topic name"}}


async def test_join_without_access_token_uses_the_socket_key(hub: RunningHub) -> None:
    async with raw_socket(hub, "2.0.0") as sock:
        _, reply = await sock.join("realtime:room1")
        assert reply[4]["status"] == "ok"


async def test_expired_access_token_shuts_the_channel_down(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1", access_token=user_token(hub))
        await sock.push("realtime:room1", "access_token",
                        {"access_token": user_token(hub, exp_in_s=-12)}, ref="4",
                        join_ref=join_ref)
        system = await sock.recv()
        assert system["event"] == "system" and system["ref"] is None
        assert system["payload"]["status"] == "error"
        assert system["payload"]["extension"] == "system"
        assert system["payload"]["channel"] == "room1"
        assert system["payload"]["message"] in ("Token has expired 12 seconds ago",
                                                "Token has expired 13 seconds ago")
        assert await sock.recv() == {"topic": "realtime:room1", "event": "phx_close",
                                     "payload": {}, "ref": join_ref}


async def test_a_valid_access_token_keeps_the_channel(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1", {"broadcast": {"ack": True}})
        for token in (user_token(hub), "sb_publishable_x", None):
            await sock.push("realtime:room1", "access_token", {"access_token": token},
                            ref="4", join_ref=join_ref)
        await sock.push("realtime:room1", "broadcast", {"event": "x", "payload": {}},
                        ref="5", join_ref=join_ref)
        assert (await sock.recv())["payload"] == {"status": "ok", "response": {}}


async def test_official_client_set_auth_with_expired_token_closes_the_channel(
        hub: RunningHub) -> None:
    client = await anon_client(hub)
    states = States()
    channel = client.channel("room1")
    await channel.subscribe(states)
    await client.realtime.set_auth(user_token(hub, exp_in_s=-3))
    error = await states.wait("CHANNEL_ERROR")
    assert json.loads(str(error))["message"].startswith("Token has expired")
    await states.wait("CLOSED")
    assert "realtime:room1" not in client.realtime.channels


async def test_channel_is_shut_down_when_its_token_expires(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1",
                                      access_token=user_token(hub, exp_in_s=2))
        system = await sock.expect(lambda f: f["event"] == "system")
        assert system["payload"]["message"].startswith("Token has expired")
        assert (await sock.recv())["event"] == "phx_close"


async def test_a_binding_that_is_not_an_object_gets_the_servers_error(hub: RunningHub) -> None:
    # Known from before issue 13: such bindings were dropped with no reply at all.
    async with raw_socket(hub) as sock:
        _, reply = await sock.join("realtime:room1", {"postgres_changes": [42]})
        assert reply["payload"] == {"status": "ok", "response": {"postgres_changes": []}}
        system = await sock.expect(lambda f: f["event"] == "system")
        assert system["payload"]["status"] == "error"
        assert system["payload"]["extension"] == "postgres_changes"
        assert system["payload"]["message"] == (
            "No subscription params provided. Please provide at least a `schema` or `table`"
            " to subscribe to: 42")


async def test_a_regex_filter_is_refused_with_the_servers_error(hub: RunningHub) -> None:
    # Issue 13, finding 4: `match` ran a client's regex on the loop for every change.
    binding = {"event": "INSERT", "schema": "public", "table": "messages",
               "filter": "body=match.^(a+)+$"}
    async with raw_socket(hub) as sock:
        await sock.join("realtime:room1", {"postgres_changes": [binding]})
        system = await sock.expect(lambda f: f["event"] == "system")
        assert system["payload"]["status"] == "error"
        assert system["payload"]["message"] == (
            'Error parsing `filter` params: ["match", "^(a+)+$"]')
