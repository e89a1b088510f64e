"""Canaries for every private part of the official clients that gfdesk reaches.

``gfdesk/core/realtimeclient.py`` is the one adapter that touches underscored names of
realtime-py and supabase-py. Each reach is checked here, against the installed
versions, so an upgrade that moves one fails here by name instead of somewhere deep in
a reconnect. ``pyproject.toml`` pins both packages to the minor version these pass on.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest
from realtime import AsyncRealtimeChannel, AsyncRealtimeClient
from realtime.message import PresenceDiffMessage, PresenceStateMessage
from supabase import AsyncClient

from gfdesk.core import realtimeclient
from gfdesk.core.realtimeclient import (
    RealtimeClient,
    dispose_channel,
    forget_channel,
    has_joined_once,
    route_presence,
    stop_client_tasks,
)

#: realtime-py methods that RealtimeClient overrides or calls: each must still exist on
#: the library's client, or the override is dead code and the library's runs instead.
OVERRIDDEN = ["_listen", "_heartbeat", "_on_connect", "connect", "close", "set_auth"]
CALLED = ["_make_ref", "_rejoin_errored_channels", "_set_channels_errored",
          "_remove_channel"]
#: Instance attributes RealtimeClient reads.
CLIENT_ATTRIBUTES = ["_ws_connection", "_listen_task", "_heartbeat_task"]


def offline_client() -> AsyncRealtimeClient:
    # Never connects: nothing listens on port 9 of loopback.
    return AsyncRealtimeClient("ws://127.0.0.1:9/realtime/v1", "key")


@pytest.mark.parametrize("name", OVERRIDDEN + CALLED)
def test_the_realtime_client_still_has(name: str) -> None:
    assert callable(getattr(AsyncRealtimeClient, name, None)), name


@pytest.mark.parametrize("name", OVERRIDDEN)
def test_each_override_keeps_the_library_signature(name: str) -> None:
    ours = inspect.signature(getattr(RealtimeClient, name))
    theirs = inspect.signature(getattr(AsyncRealtimeClient, name))
    assert list(ours.parameters) == list(theirs.parameters), name


async def test_a_realtime_client_has_the_attributes_we_read() -> None:
    client = offline_client()
    for name in CLIENT_ATTRIBUTES:
        assert hasattr(client, name), name
        assert getattr(client, name) is None


async def test_a_new_channel_has_the_join_state_and_buffers_we_reach() -> None:
    channel = offline_client().channel("canary")
    assert has_joined_once(channel) is False
    assert channel._push_buffer == []
    assert isinstance(channel._background_tasks, set)
    assert isinstance(channel.messages_waiting_for_ack, dict)
    assert callable(channel.rejoin_timer.reset) and callable(channel.join_push.destroy)


async def test_disposing_a_channel_cancels_its_tasks_and_empties_its_buffers() -> None:
    channel = offline_client().channel("canary")
    task: asyncio.Task[None] = asyncio.ensure_future(asyncio.sleep(60))  # type: ignore[arg-type]
    channel._background_tasks.add(task)
    # A channel that joined once and lost its socket buffers what it is asked to push.
    channel._joined_once = True
    await channel.push("broadcast", {"event": "e", "payload": {}})
    assert len(channel._push_buffer) == 1
    tasks = dispose_channel(channel)
    assert tasks == [task]
    await asyncio.gather(*tasks, return_exceptions=True)
    assert task.cancelled()
    assert channel._push_buffer == [] and channel.messages_waiting_for_ack == {}


async def test_forgetting_a_channel_removes_it_without_closing_anything() -> None:
    client = offline_client()
    channel = client.channel("canary")
    assert client.channels["realtime:canary"] is channel
    forget_channel(client, channel)
    assert "realtime:canary" not in client.channels


async def test_routed_presence_hands_on_the_raw_payloads() -> None:
    channel: AsyncRealtimeChannel = offline_client().channel("canary")
    states: list[Any] = []
    diffs: list[Any] = []
    route_presence(channel, states.append, diffs.append)
    state = {"u1": {"metas": [{"phx_ref": "r1", "user_id": "u1"}]}}
    diff = {"joins": {}, "leaves": state}
    channel._handle_message(PresenceStateMessage(
        event="presence_state", topic="realtime:canary", payload=state, ref=None))
    channel._handle_message(PresenceDiffMessage(
        event="presence_diff", topic="realtime:canary", payload=diff, ref=None))
    assert [dict(s) for s in states] == [state]
    assert len(diffs) == 1 and dict(diffs[0]["leaves"]) == state


async def test_the_supabase_client_timer_and_tasks_are_where_we_stop_them() -> None:
    client = await AsyncClient.create("http://127.0.0.1:9", "key")
    try:
        assert hasattr(client.auth, "_refresh_token_timer")
        assert isinstance(client._background_tasks, set)
        assert stop_client_tasks(client) == []
        assert client.auth._refresh_token_timer is None
    finally:
        await client.auth.close()


def test_the_adapter_is_the_only_client_module_naming_private_parts() -> None:
    import pathlib

    package = pathlib.Path(realtimeclient.__file__).parents[1]
    private = ("._push_buffer", "._background_tasks", "._joined_once", "realtime._async",
               "._refresh_token_timer", "._remove_channel")
    offenders = sorted(
        str(path.relative_to(package)) for path in package.rglob("*.py")
        if "hub" not in path.parts and path.name != "realtimeclient.py"
        and any(name in path.read_text(encoding="utf-8") for name in private))
    assert offenders == []
