"""The topic registry: who is subscribed to what, and fan-out to them (spec 3, 4). Qt-free.

A ``Channel`` is one successful ``phx_join`` of one connection; a ``Topic`` groups the
channels of one topic name (public and private names are separate namespaces, as on
the real server) with the topic's presence. Fan-out is the hot path: each outgoing
message is serialized once per serializer version present on the topic, wrapped once
in a WebSocket frame, and the same bytes are written to every subscriber of that
version. Nothing per subscriber touches JSON.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import deque
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from aiohttp import web

from gfdesk.hub.keys import Keys
from gfdesk.hub.realtime.authorization import Authorizer
from gfdesk.hub.realtime.framing import (
    OPCODE_BINARY,
    FrameError,
    Version,
    encode,
    encode_user_broadcast,
    ws_frame,
)
from gfdesk.hub.realtime.presence import PresenceDiff, TopicPresence
from gfdesk.hub.realtime.settings import RealtimeSettings
from gfdesk.log import hub as log

TOPIC_PREFIX = "realtime:"
EVENT_BROADCAST = "broadcast"
EVENT_PRESENCE_DIFF = "presence_diff"
EVENT_POSTGRES_CHANGES = "postgres_changes"
#: Bytes handed to sockets in one loop iteration before the rest waits for the next:
#: a 2 MB broadcast to 500 sockets is 1 GB of copying, which in one piece would stall
#: every other request on the loop for seconds.
FLUSH_SLICE_BYTES = 1024 * 1024
#: What visiting one socket costs a slice at least (a drop closes a socket, which is
#: not free), so a slice of cut-off consumers stays short too.
FLUSH_VISIT_BYTES = 64 * 1024
#: How often sockets whose transport was busy are offered their queued frames again;
#: sooner while some of them are taking what they are sent (a large message on its way
#: to a client that reads), later while none is (clients that do not read).
DRAIN_POLL_S = 0.005
DRAIN_POLL_BUSY_S = 0.001


class Outlet(Protocol):
    """What the registry needs of a client socket (``connection.Connection``): its
    serializer, a way to queue complete frames, to flush them, to say how much of its
    output is still unsent, and to drop it."""

    @property
    def version(self) -> Version: ...

    def write(self, frame: bytes) -> None: ...

    def flush(self, limit: int | None = None) -> int: ...

    def has_pending(self) -> bool: ...

    def keeping_up(self) -> bool: ...

    def ready_for_more(self) -> bool: ...

    def unsent_bytes(self) -> int: ...

    def drop(self, reason: str) -> None: ...

    def abort(self) -> None: ...


class ChangeFeedLike(Protocol):
    """What the registry needs of ``gfdesk.hub.realtime.changes.ChangeFeed``."""

    def subscribe(self, sub: Any) -> Any: ...

    def update_claims(self, key: object, claims: dict[str, Any]) -> None: ...

    def unsubscribe(self, key: object) -> None: ...

    def close(self) -> None: ...


def sub_topic(topic: str) -> str:
    """The name after ``realtime:`` (what REST broadcast and system messages use)."""
    return topic[len(TOPIC_PREFIX):] if topic.startswith(TOPIC_PREFIX) else topic


@dataclass(eq=False)
class Channel:
    """One joined channel instance on one connection."""

    conn: Outlet
    topic: str
    join_ref: str | None
    private: bool
    self_broadcast: bool
    ack: bool
    presence_key: str
    presence_enabled: bool
    claims: dict[str, Any] = field(repr=False)
    token: str = field(repr=False)
    #: May broadcast and track presence (a private channel's write rule, evaluated at
    #: join and at each token refresh, as the real server does; public: always).
    may_send: bool = True
    #: Key of this join's postgres_changes subscription, None without bindings.
    change_key: object | None = None
    expiry: asyncio.TimerHandle | None = field(default=None, repr=False)
    #: Frame prefix/suffix around a postgres_changes payload, built on first use.
    _changes_affixes: tuple[bytes, bytes] | None = field(default=None, repr=False)

    @property
    def sub_topic(self) -> str:
        return sub_topic(self.topic)

    def deliver_change(self, payload: bytes) -> None:
        """Send one postgres_changes payload; the bytes are spliced in, never parsed."""
        if self._changes_affixes is None:
            topic = json.dumps(self.topic).encode()
            if self.conn.version is Version.V1:
                self._changes_affixes = (
                    b'{"topic":' + topic + b',"event":"postgres_changes","payload":',
                    b',"ref":null}')
            else:
                self._changes_affixes = (
                    b"[null,null," + topic + b',"postgres_changes",', b"]")
        prefix, suffix = self._changes_affixes
        self.conn.write(ws_frame(prefix + payload + suffix))


@dataclass(eq=False)
class Topic:
    """The channels joined to one topic name, grouped by serializer version."""

    name: str
    members: dict[Version, dict[Channel, None]] = field(
        default_factory=lambda: {Version.V1: {}, Version.V2: {}})
    presence: TopicPresence = field(default_factory=TopicPresence)

    def __len__(self) -> int:
        return sum(len(m) for m in self.members.values())


def _write_all(members: dict[Channel, None], frame: bytes, exclude: Channel | None) -> int:
    """Queue the same ``frame`` on each member's connection; how many got it."""
    sent = 0
    for channel in members:
        if channel is not exclude:
            channel.conn.write(frame)
            sent += 1
    return sent


class Registry:
    """All live connections and topics of one hub; lives on the hub's event loop."""

    def __init__(self, keys: Keys, authorizer: Authorizer,
                 settings: RealtimeSettings | None = None,
                 change_feed: ChangeFeedLike | None = None) -> None:
        self.keys = keys
        self.authorizer = authorizer
        self.settings = settings or RealtimeSettings()
        self.change_feed = change_feed
        self.topics: dict[tuple[str, bool], Topic] = {}
        self.connections: set[Outlet] = set()
        self._ids: Iterator[int] = itertools.count(1)
        self._pending: deque[Outlet] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        #: Sockets with output still unsent when last flushed, and how much.
        self._backlogs: dict[Outlet, int] = {}
        self._unsent = 0
        #: Sockets with frames queued whose transport was busy, offered them again soon.
        self._draining: dict[Outlet, None] = {}
        self._drain_timer: asyncio.TimerHandle | None = None
        #: Unsent output of the hub's other sockets (the call relay's), which counts
        #: towards the same budget; None: there are none.
        self.outside_unsent: Callable[[], int] | None = None

    def mark_pending(self, conn: Outlet) -> None:
        """``conn`` has output queued: flush it (with all others) when this iteration ends."""
        if not self._pending:
            if self._loop is None:
                self._loop = asyncio.get_running_loop()
            self._loop.call_soon(self._flush_pending)
        self._pending.append(conn)

    def _flush_pending(self) -> None:
        pending, written = self._pending, 0
        while pending:
            conn = pending.popleft()
            handed = conn.flush(FLUSH_SLICE_BYTES - written)
            written += max(handed, FLUSH_VISIT_BYTES)
            self._account(conn)
            if conn.has_pending():
                if conn.ready_for_more():
                    pending.append(conn)  # the rest of its frames in a later slice
                else:
                    self._wait_for_drain(conn)
            if written >= FLUSH_SLICE_BYTES and pending:
                # The rest in the next iteration: other requests get their turn between.
                assert self._loop is not None
                self._loop.call_soon(self._flush_pending)
                return

    def _wait_for_drain(self, conn: Outlet) -> None:
        self._draining[conn] = None
        if self._drain_timer is None and self._loop is not None:
            self._drain_timer = self._loop.call_later(DRAIN_POLL_S, self._drained)

    def _drained(self) -> None:
        """Offer the waiting sockets whose transport has sent what it had their queued
        frames again (they stayed queued, shared); count the others' backlogs, which
        grow while they wait, and cut off any that no longer keeps up."""
        self._drain_timer = None
        ready = []
        for conn in list(self._draining):
            if conn.ready_for_more() or not conn.keeping_up():
                del self._draining[conn]
                if conn.has_pending():
                    ready.append(conn)
            if conn.unsent_bytes() != self._backlogs.get(conn, 0):
                self._account(conn)  # only what changed: this runs every few ms
        if ready:
            if not self._pending and self._loop is not None:
                self._loop.call_soon(self._flush_pending)
            self._pending.extend(ready)
        if self._draining and self._loop is not None:
            self._drain_timer = self._loop.call_later(
                DRAIN_POLL_BUSY_S if ready else DRAIN_POLL_S, self._drained)

    @property
    def unsent_bytes(self) -> int:
        """Output of all sockets not yet taken by the network, as last counted."""
        return self._unsent

    def _account(self, conn: Outlet) -> None:
        """Count ``conn``'s backlog into the hub-wide one; shed when over budget."""
        now = conn.unsent_bytes()
        self._unsent += now - self._backlogs.pop(conn, 0)
        if now:
            self._backlogs[conn] = now
        if self._unsent > self._budget():
            self._shed()

    def _budget(self) -> int:
        """What this registry's sockets may leave unsent: the hub-wide budget less the
        other sockets' share."""
        outside = self.outside_unsent() if self.outside_unsent is not None else 0
        return self.settings.max_outbound_bytes - outside

    def _shed(self) -> None:
        """Cut off the slowest consumers, largest backlog first, until within budget."""
        # Count afresh: backlogs shrink while clients read, between two flushes.
        fresh = {c: c.unsent_bytes() for c in self._backlogs}
        self._backlogs = {c: n for c, n in fresh.items() if n}
        self._unsent = sum(self._backlogs.values())
        budget = self._budget()
        for conn, size in sorted(self._backlogs.items(), key=lambda item: -item[1]):
            if self._unsent <= budget:
                break
            conn.drop(f"too slow: {size} bytes unsent while the hub's {self._unsent} "
                      f"unsent bytes passed its budget of {budget}")
            del self._backlogs[conn]
            self._unsent -= size

    def forget(self, conn: Outlet) -> None:
        """``conn`` is closed: its backlog no longer counts."""
        self._unsent -= self._backlogs.pop(conn, 0)
        self._draining.pop(conn, None)
        self.connections.discard(conn)

    def next_id(self) -> int:
        return next(self._ids)

    def _topic_or_new(self, name: str, private: bool) -> Topic:
        topic = self.topics.get((name, private))
        if topic is None:
            topic = self.topics[(name, private)] = Topic(name)
        return topic

    def add(self, channel: Channel) -> Topic:
        """Subscribe ``channel`` to its topic."""
        topic = self._topic_or_new(channel.topic, channel.private)
        topic.members[channel.conn.version][channel] = None
        return topic

    def remove(self, channel: Channel) -> None:
        """Unsubscribe ``channel``: untrack its presence, end its change feed."""
        if channel.expiry is not None:
            channel.expiry.cancel()
            channel.expiry = None
        if channel.change_key is not None and self.change_feed is not None:
            key, channel.change_key = channel.change_key, None
            try:
                self.change_feed.unsubscribe(key)
            except Exception:
                log.exception("realtime: change feed unsubscribe failed")
        topic_key = (channel.topic, channel.private)
        topic = self.topics.get(topic_key)
        if topic is None:
            return
        topic.members[channel.conn.version].pop(channel, None)
        diff = topic.presence.untrack(channel)
        if diff is not None:
            self.fan_presence_diff(topic, diff)
        if not len(topic) and not len(topic.presence):
            del self.topics[topic_key]

    # -- presence without a socket ----------------------------------------------------

    def server_track(self, topic_name: str, owner: Hashable, key: str, meta: dict[str, Any],
                     *, private: bool = True) -> bool:
        """Track a presence that has no socket (a demo bot, a benchmark's members) on
        ``topic_name`` (without ``realtime:``; private unless said, as the app's topics
        are), exactly as a client's track would look to every subscriber; ``owner``
        identifies it for updates and ``server_untrack``.

        Returns:
            Whether anything changed.
        """
        topic = self._topic_or_new(TOPIC_PREFIX + topic_name, private)
        diff = topic.presence.track(owner, key, meta)
        if diff is not None and len(topic):
            self.fan_presence_diff(topic, diff)
        return diff is not None

    def server_untrack(self, topic_name: str, owner: Hashable, *,
                       private: bool = True) -> bool:
        """Remove a presence tracked with ``server_track``; whether it was tracked."""
        topic = self.topics.get((TOPIC_PREFIX + topic_name, private))
        if topic is None:
            return False
        diff = topic.presence.untrack(owner)
        if diff is not None and len(topic):
            self.fan_presence_diff(topic, diff)
        return diff is not None

    # -- fan-out -------------------------------------------------------------------

    def broadcast(self, topic_name: str, private: bool, payload_json: str, *,
                  exclude: Channel | None = None) -> int:
        """Send a ``broadcast`` (payload already JSON) to the topic's subscribers.

        Returns:
            How many subscribers it was written to.
        """
        topic = self.topics.get((topic_name, private))
        if topic is None:
            return 0
        return self._fan(topic, EVENT_BROADCAST, payload_json, exclude)

    def broadcast_binary(self, topic_name: str, private: bool, user_event: str,
                         body: bytes, *, exclude: Channel | None = None) -> int:
        """A user broadcast whose payload is raw bytes: kind-4 frames to V2 subscribers
        only, since V1 cannot represent it (spec 2.2)."""
        topic = self.topics.get((topic_name, private))
        if topic is None or not topic.members[Version.V2]:
            return 0
        try:
            data = encode_user_broadcast(topic_name, user_event, body, json_payload=False)
        except FrameError:
            return 0
        return _write_all(topic.members[Version.V2], ws_frame(data, OPCODE_BINARY), exclude)

    def fan_presence_diff(self, topic: Topic, diff: PresenceDiff) -> int:
        """``presence_diff`` to every subscriber, the tracker included (spec 4.3)."""
        return self._fan(topic, EVENT_PRESENCE_DIFF, json.dumps(
            diff.payload(), separators=(",", ":"), ensure_ascii=False), None)

    def _fan(self, topic: Topic, event: str, payload_json: str,
             exclude: Channel | None) -> int:
        sent = 0
        for version, members in topic.members.items():
            if not members:
                continue
            # Fastlane messages carry no join_ref/ref (spec 2.3), so one frame fits all.
            frame = ws_frame(encode(version, None, None, topic.name, event,
                                    payload_json).encode())
            sent += _write_all(members, frame, exclude)
        return sent

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        """Forget all state (the sockets are closed by then)."""
        if self._drain_timer is not None:
            self._drain_timer.cancel()
            self._drain_timer = None
        self._draining.clear()
        for conn in list(self.connections):
            conn.abort()
        self.connections.clear()
        self.topics.clear()


#: The hub's topic registry (live sockets, channels, presence), on the root app.
REALTIME = web.AppKey("realtime", Registry)
