"""Tournaments over the backend: reads, the live ``tournament:{id}`` channel, writes. Qt-free.

Reads go straight to REST (everyone signed in reads tournaments, entrants, matches and
the tournament chat). The live channel is private (``tournament:{tournament_id}``,
joined through the ``ConnectionSupervisor``) and carries, as the seed has it:

- postgres_changes UPDATE on ``tournament_matches`` (``tournament_id=eq.{id}``), plus
  INSERT, so the matches of a started tournament and each new Swiss round arrive;
- postgres_changes INSERT on ``tournament_messages`` (the tournament chat);
- broadcasts ``score_update`` (a live score) and ``participant_count`` (``{count}``),
  which only the host sends.

After every (re)join the supervisor gap-fills: this service re-reads every match (a
bracket is at most a few thousand rows; a match's identity for deduplication is its id
and ``updated_at``, so only changed rows are delivered) and the chat messages newer
than the newest one delivered, and reports the ids of the matches read, so the caller
can notice rows deleted meanwhile (a Swiss reset).

Writes: chat messages go through the outbox (a client-chosen id, never stored twice);
registering and withdrawing go straight to the server, whose row rules decide (only
oneself, only while the tournament is open and not full), so the answer is immediate.
The host's writes are in ``host``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from postgrest.types import CountMethod, ReturnMethod

from gfdesk.core.gapfill import Row
from gfdesk.core.subscription import ChangeBinding, ChangeEvent, Subscription
from gfdesk.fallbacknames import unknown
from gfdesk.log import rest as log
from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.info import Entrant, Tournament, TournamentMessage, seeded
from gfdesk.tournament.scores import COUNT_EVENT, SCORE_EVENT, LiveScore, count_from_payload

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox
    from gfdesk.core.subscription import SubscriptionHandle


#: Rows per REST page (Supabase's default ``max_rows`` is 1000).
PAGE_ROWS = 1000
#: Tournaments the list shows at most.
LIST_LIMIT = 100
#: Chat messages loaded when a tournament opens.
CHAT_PAGE = 50
#: Participant counts read at once when the list loads.
PARALLEL_READS = 8
#: The largest ``in.(...)`` list sent in one request.
IN_CHUNK = 100
#: Profiles remembered (names and pictures of players seen).
MAX_PROFILES = 4096
_UNSAFE_LIKE = re.compile(r'[%*\\",():]')
#: Players a search for "add a participant" returns.
SEARCH_LIMIT = 20


def topic(tournament_id: str) -> str:
    """The channel of a tournament (the seed's name)."""
    return f"tournament:{tournament_id}"


def _rows(result: Any) -> list[dict[str, Any]]:
    return list(result.data)


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), IN_CHUNK):
        yield values[start:start + IN_CHUNK]


def is_match_row(row: Row) -> bool:
    """A ``tournament_matches`` row (the channel carries chat rows too)."""
    return "bracket" in row


def row_key(row: Row) -> Any:
    """A row's identity on the channel: a match by its version, a message by its id."""
    if is_match_row(row):
        return ("match", row["id"], row.get("updated_at"))
    return ("message", row["id"])


def row_order(row: Row) -> Any:
    """Rows in the order they were written (a match's ``updated_at``)."""
    stamp = row.get("updated_at") if is_match_row(row) else row.get("created_at")
    return (str(stamp or ""), str(row["id"]))


def like_pattern(text: str) -> str:
    """A PostgREST ``ilike`` value matching ``text`` anywhere. Characters that are
    wildcards or logic-tree syntax (``%*\\",():``) are left out rather than escaped
    through two layers of quoting; an ``_`` stays a one-character wildcard, which
    still matches itself."""
    return "*" + _UNSAFE_LIKE.sub("", text) + "*"


@dataclass(frozen=True, slots=True)
class Profile:
    """What the bracket shows of a player (remote text)."""

    id: str
    name: str
    avatar_url: str | None = None



def _named(profile: Profile) -> Profile:
    """``profile`` as shown: "Unknown" (in the user's language) for one without a name."""
    return profile if profile.name else replace(profile, name=unknown())

@dataclass(frozen=True)
class Listeners:
    """What the page does with the channel's events.

    Attributes:
        on_match: a ``tournament_matches`` row (live or gap-filled), once per version.
        on_message: a ``tournament_messages`` row, once each.
        on_score: a live score (a valid ``score_update``).
        on_count: a ``participant_count``.
        on_matches_read: the ids of every match a gap fill read.
    """

    on_match: Callable[[Row], None]
    on_message: Callable[[Row], None]
    on_score: Callable[[LiveScore], None]
    on_count: Callable[[int], None]
    on_matches_read: Callable[[frozenset[str]], None]


class TournamentService:
    """Tournaments for one signed-in user.

    Args:
        client: the signed-in official client.
        connection: the realtime supervisor the channels go through.
        outbox: where chat messages are queued.
        user_id: who we are.
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor, outbox: Outbox,
                 user_id: str) -> None:
        self.client = client
        self.connection = connection
        self.outbox = outbox
        self.user_id = user_id
        self._profiles: OrderedDict[str, Profile] = OrderedDict()
        self._handles: dict[str, SubscriptionHandle] = {}
        self._newest_message: dict[str, Row] = {}

    # -- profiles -------------------------------------------------------------------

    async def load_profiles(self, user_ids: Iterable[str]) -> None:
        """Fetch the profiles of ``user_ids`` not known yet."""
        missing = sorted({u for u in user_ids if u and u not in self._profiles})
        for chunk in _chunks(missing):
            result = await self.client.table("profiles").select(
                "id,username,display_name,avatar_url").in_("id", chunk).execute()
            for row in _rows(result):
                self._remember(row)

    def _remember(self, row: Mapping[str, Any]) -> Profile:
        # Kept as read ("" for no name): the fallback is worded when asked for, so it
        # follows a language switch.
        profile = Profile(str(row["id"]), str(row.get("display_name") or row.get("username")
                                              or ""), row.get("avatar_url") or None)
        self._profiles[profile.id] = profile
        self._profiles.move_to_end(profile.id)
        while len(self._profiles) > MAX_PROFILES:
            self._profiles.popitem(last=False)
        return _named(profile)

    def knows(self, user_id: str) -> bool:
        """Whether the profile of ``user_id`` was read."""
        return user_id in self._profiles

    def profile(self, user_id: str) -> Profile:
        return _named(self._profiles.get(user_id) or Profile(user_id, ""))

    def name_of(self, user_id: str) -> str:
        return self.profile(user_id).name

    async def search_players(self, text: str) -> list[Profile]:
        """Players whose username or display name contains ``text``."""
        text = text.strip()
        if not text:
            return []
        pattern = like_pattern(text)
        rows = _rows(await self.client.table("profiles").select(
            "id,username,display_name,avatar_url").or_(
            f"username.ilike.{pattern},display_name.ilike.{pattern}").order(
            "username").limit(SEARCH_LIMIT).execute())
        return [self._remember(r) for r in rows]

    # -- reads ----------------------------------------------------------------------

    async def tournaments(self) -> list[Tournament]:
        """The newest tournaments with their participant counts (rows the client
        cannot read, such as an unknown format, are left out)."""
        rows = _rows(await self.client.table("tournaments").select("*").order(
            "created_at", desc=True).limit(LIST_LIMIT).execute())
        limit = asyncio.Semaphore(PARALLEL_READS)

        async def counted(row: dict[str, Any]) -> Tournament | None:
            async with limit:
                count = await self.participant_count(str(row["id"]))
            try:
                return Tournament.from_row(row, count)
            except (ValueError, KeyError) as exc:
                log.info("tournament: row %s left out: %s", row.get("id"), exc)
                return None

        found = await asyncio.gather(*(counted(r) for r in rows))
        return [t for t in found if t is not None]

    async def tournament(self, tournament_id: str) -> Tournament | None:
        rows = _rows(await self.client.table("tournaments").select("*").eq(
            "id", tournament_id).execute())
        if not rows:
            return None
        return Tournament.from_row(rows[0], await self.participant_count(tournament_id))

    async def participant_count(self, tournament_id: str) -> int:
        result = await self.client.table("tournament_participants").select(
            "user_id", count=CountMethod.exact).eq("tournament_id", tournament_id).limit(
            1).execute()
        return int(result.count or 0)

    async def _all(self, table: str, column: str, value: str, columns: str = "*"
                   ) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        while True:
            page = _rows(await self.client.table(table).select(columns).eq(column, value)
                         .order("id" if table != "tournament_participants" else "user_id")
                         .range(len(rows), len(rows) + PAGE_ROWS - 1).retry(False)
                         .execute())
            rows += page
            if len(page) < PAGE_ROWS:
                return rows

    async def entrants(self, tournament_id: str) -> list[Entrant]:
        """The registered players, seeded ones by seed first, with names."""
        rows = await self._all("tournament_participants", "tournament_id", tournament_id,
                               "user_id,seed")
        await self.load_profiles(r["user_id"] for r in rows)
        entrants = [Entrant(str(r["user_id"]), r.get("seed"),
                            self.profile(str(r["user_id"])).name,
                            self.profile(str(r["user_id"])).avatar_url) for r in rows]
        return sorted(entrants, key=lambda e: (e.seed is None, e.seed or 0, e.name.casefold()))

    async def match_rows(self, tournament_id: str) -> list[dict[str, Any]]:
        """Every ``tournament_matches`` row of the tournament."""
        return await self._all("tournament_matches", "tournament_id", tournament_id)

    async def bracket(self, tournament: Tournament, entrants: list[Entrant]
                      ) -> tuple[Bracket | None, list[dict[str, Any]]]:
        """The stored bracket (None before the start) and the rows it was read from.

        Raises:
            BracketError: the stored rows do not make a bracket.
        """
        rows = await self.match_rows(tournament.id)
        if not rows:
            return None, rows
        players = {str(r[k]) for r in rows for k in ("player1_id", "player2_id")
                   if r.get(k)}
        known = {e.user_id for e in entrants}
        if not players <= known:
            # Someone left after the start (their row was removed): the bracket still
            # holds them; read their names and give them the places after the seeded.
            await self.load_profiles(players - known)
            entrants = entrants + [Entrant(p, None, self.name_of(p)) for p in sorted(
                players - known)]
        bracket = Bracket.from_rows(tournament.id, tournament.format, seeded(entrants), rows)
        return bracket, rows

    async def messages(self, tournament_id: str) -> list[TournamentMessage]:
        """The newest ``CHAT_PAGE`` chat messages, oldest first."""
        rows = _rows(await self.client.table("tournament_messages").select("*").eq(
            "tournament_id", tournament_id).order("created_at", desc=True).order(
            "id", desc=True).limit(CHAT_PAGE).execute())
        await self.load_profiles(r["sender_id"] for r in rows)
        if rows:
            self._newest_message[tournament_id] = rows[0]
        return [TournamentMessage.from_row(r) for r in reversed(rows)]

    # -- live -----------------------------------------------------------------------

    async def watch(self, tournament_id: str, listeners: Listeners) -> SubscriptionHandle:
        """Join ``tournament:{id}`` (private); returns once joined or queued offline."""

        async def gap_fill(_newest: Row | None) -> list[Row]:
            matches = await self.match_rows(tournament_id)
            listeners.on_matches_read(frozenset(str(r["id"]) for r in matches))
            query = self.client.table("tournament_messages").select("*").eq(
                "tournament_id", tournament_id)
            after = self._newest_message.get(tournament_id)
            if after is not None:
                messages = _rows(await query.gte("created_at", after["created_at"]).order(
                    "created_at").order("id").limit(PAGE_ROWS).retry(False).execute())
            else:  # the chat was empty when loaded: whatever came since
                messages = _rows(await query.order("created_at", desc=True).order(
                    "id", desc=True).limit(CHAT_PAGE).retry(False).execute())[::-1]
            await self.load_profiles(r["sender_id"] for r in messages)
            return [*matches, *messages]

        def on_row(row: Row) -> None:
            if str(row.get("tournament_id")) != tournament_id:
                return
            if is_match_row(row):
                listeners.on_match(row)
                return
            newest = self._newest_message.get(tournament_id)
            if newest is None or row_order(row) > row_order(newest):
                self._newest_message[tournament_id] = row
            listeners.on_message(row)

        def on_score(payload: dict[str, Any]) -> None:
            score = LiveScore.from_payload(payload)
            if score is not None:
                listeners.on_score(score)

        def on_count(payload: dict[str, Any]) -> None:
            count = count_from_payload(payload)
            if count is not None:
                listeners.on_count(count)

        name = topic(tournament_id)
        for stale in self.connection.subscriptions:
            if stale.topic == name:  # left by an open that was cancelled half-way
                await stale.close()
        filter_ = f"tournament_id=eq.{tournament_id}"
        handle = await self.connection.subscribe(Subscription(
            topic=name,
            changes=(ChangeBinding(ChangeEvent.UPDATE, "tournament_matches", filter_),
                     ChangeBinding(ChangeEvent.INSERT, "tournament_matches", filter_),
                     ChangeBinding(ChangeEvent.INSERT, "tournament_messages", filter_)),
            on_row=on_row, gap_fill=gap_fill, key=row_key, order=row_order,
            broadcasts={SCORE_EVENT: on_score, COUNT_EVENT: on_count}, private=True))
        self._handles[tournament_id] = handle
        return handle

    async def leave(self, tournament_id: str) -> None:
        """Leave the tournament's channel."""
        handle = self._handles.pop(tournament_id, None)
        self._newest_message.pop(tournament_id, None)
        if handle is not None:
            await handle.close()

    async def leave_all(self) -> None:
        for tournament_id in list(self._handles):
            await self.leave(tournament_id)

    async def broadcast(self, tournament_id: str, event: str, payload: dict[str, Any]) -> bool:
        """Broadcast on the tournament's channel; False (dropped) while not joined."""
        handle = self._handles.get(tournament_id)
        if handle is None:
            return False
        return await handle.send_broadcast(event, payload)

    async def send_score(self, tournament_id: str, score: LiveScore) -> bool:
        """Broadcast a live score (only the host's are accepted)."""
        sent_at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        return await self.broadcast(tournament_id, SCORE_EVENT, score.payload(sent_at))

    async def send_count(self, tournament_id: str, count: int) -> bool:
        """Broadcast the participant count."""
        return await self.broadcast(tournament_id, COUNT_EVENT, {"count": count})

    # -- a player's writes ----------------------------------------------------------

    async def register(self, tournament_id: str) -> None:
        """Register ourselves (refused unless the tournament is open and not full).

        Raises:
            APIError: the server refused (42501 by the row rules, 23505 already in).
        """
        await self.client.table("tournament_participants").insert(
            {"tournament_id": tournament_id, "user_id": self.user_id},
            returning=ReturnMethod.minimal).execute()

    async def withdraw(self, tournament_id: str) -> bool:
        """Withdraw ourselves; False when the server removed nothing (not registered,
        or the tournament is no longer open)."""
        result = await self.client.table("tournament_participants").delete().eq(
            "tournament_id", tournament_id).eq("user_id", self.user_id).execute()
        return bool(result.data)

    def compose(self, tournament_id: str, body: str) -> TournamentMessage:
        """A new chat message of ours (not sent yet) with a fresh client-chosen id."""
        return TournamentMessage(str(uuid.uuid4()), tournament_id, self.user_id, body,
                                 dt.datetime.now(dt.UTC))

    async def post(self, message: TournamentMessage) -> None:
        """Queue a chat message in the outbox."""
        await self.outbox.insert("tournament_messages", {
            "id": message.id, "tournament_id": message.tournament_id,
            "sender_id": message.sender_id, "body": message.body},
            label="tournament chat message")
