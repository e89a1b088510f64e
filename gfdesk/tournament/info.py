"""Tournaments, entrants and tournament chat messages as the client holds them. Qt-free,
pure (no I/O, no clock).

A ``Tournament`` is a ``tournaments`` row with enums instead of strings, plus how many
players are registered (a count the list shows and the ``participant_count`` broadcast
keeps current). ``TournamentStatus`` is the row's ``status``: ``registration`` while
players register and withdraw themselves (the row rules allow it only then), ``live``
once the host started it, ``finished`` when the host closed it. A row from another
client with a status this one does not know reads as live when it has no better
guess: showing a bracket is safer than offering a registration the server refuses.

Names and bodies come from remote users: they are data, shown as plain text only.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from gfdesk.i18nmark import QT_TRANSLATE_NOOP, formats, plural, translate
from gfdesk.timestamps import parse as parse_time
from gfdesk.timestamps import parse_or_none
from gfdesk.tournament.matches import Format, Participant

#: The longest tournament chat message the composer sends.
MAX_MESSAGE_CHARS = 1000
#: The longest tournament name and game the create form takes.
MAX_NAME_CHARS = 80
#: The size choices of the create form (``max_participants``).
SIZES = (4, 8, 16, 32, 64, 128, 256)


class TournamentStatus(enum.Enum):
    """``tournaments.status``."""

    #: Open: players register and withdraw; the host seeds.
    REGISTRATION = "registration"
    #: Started: the bracket is being played.
    LIVE = "live"
    #: Closed by the host; nothing changes any more.
    FINISHED = "finished"

    @classmethod
    def parse(cls, value: Any) -> TournamentStatus:
        """The status of a row (unknown spellings of other clients read as live)."""
        text = str(value or "").strip().lower()
        for status in cls:
            if status.value == text:
                return status
        if text in ("open", "upcoming", "scheduled", "pending"):
            return cls.REGISTRATION
        if text in ("done", "completed", "complete", "ended", "closed", "cancelled"):
            return cls.FINISHED
        return cls.LIVE

    @property
    def title(self) -> str:
        """How a list groups it ("Upcoming", "Live", "Finished")."""
        return {TournamentStatus.REGISTRATION: translate("tournament", "Upcoming"),
                TournamentStatus.LIVE: translate("tournament", "Live"),
                TournamentStatus.FINISHED: translate("tournament", "Finished")}[self]


FORMAT_TITLES: dict[Format, str] = {
    Format.SINGLE_ELIM: QT_TRANSLATE_NOOP("tournament", "Single elimination"),
    Format.DOUBLE_ELIM: QT_TRANSLATE_NOOP("tournament", "Double elimination"),
    Format.ROUND_ROBIN: QT_TRANSLATE_NOOP("tournament", "Round robin"),
    Format.SWISS: QT_TRANSLATE_NOOP("tournament", "Swiss"),
}


def parse_format(value: Any) -> Format:
    """The format of a row; raises ``ValueError`` for one the engine does not know."""
    return Format(str(value))


@dataclass(frozen=True, slots=True)
class Tournament:
    """One tournament.

    Attributes:
        participant_count: players registered (not a column: counted, then kept by the
            ``participant_count`` broadcast).
    """

    id: str
    name: str
    game: str
    format: Format
    host_id: str
    status: TournamentStatus
    max_participants: int
    starts_at: dt.datetime | None
    created_at: dt.datetime
    participant_count: int = 0

    @classmethod
    def from_row(cls, row: Mapping[str, Any], participant_count: int = 0) -> Tournament:
        """A stored row; ``ValueError`` for one that does not fit (unknown format)."""
        return cls(
            id=str(row["id"]), name=str(row.get("name") or "Untitled"),
            game=str(row.get("game") or ""), format=parse_format(row.get("format")),
            host_id=str(row.get("host_id") or ""),
            status=TournamentStatus.parse(row.get("status")),
            max_participants=int(row.get("max_participants") or 0),
            starts_at=parse_or_none(row.get("starts_at")),
            created_at=parse_time(str(row["created_at"])),
            participant_count=participant_count)

    def with_count(self, count: int) -> Tournament:
        return replace(self, participant_count=max(0, count))

    def with_status(self, status: TournamentStatus) -> Tournament:
        return replace(self, status=status)

    @property
    def is_open(self) -> bool:
        """Taking registrations and not full."""
        return (self.status is TournamentStatus.REGISTRATION
                and self.participant_count < self.max_participants)

    @property
    def format_title(self) -> str:
        return translate("tournament", FORMAT_TITLES[self.format])

    def players_text(self) -> str:
        """"12 / 16 players" while registering, "16 players" after."""
        if self.status is TournamentStatus.REGISTRATION:
            return plural("{count} / %n players", self.max_participants).format(
                count=self.participant_count)
        return plural("%n players", self.participant_count)


def tournament_row(tournament_id: str, host_id: str, name: str, game: str, format: Format,
                   max_participants: int, starts_at: dt.datetime | None) -> dict[str, Any]:
    """The ``tournaments`` row a host creates (status ``registration``).

    Raises:
        ValueError: an empty or too long name or game, or a size outside 2..1024.
    """
    name, game = name.strip(), game.strip()
    for label, text in (("name", name), ("game", game)):
        if not text:
            raise ValueError(f"the tournament needs a {label}")
        if len(text) > MAX_NAME_CHARS:
            raise ValueError(f"the {label} can be at most {MAX_NAME_CHARS} characters")
    if not 2 <= max_participants <= 1024:
        raise ValueError("a tournament takes 2 to 1024 players")
    return {"id": tournament_id, "name": name, "game": game, "format": format.value,
            "host_id": host_id, "status": TournamentStatus.REGISTRATION.value,
            "max_participants": max_participants,
            "starts_at": starts_at.astimezone(dt.UTC).isoformat() if starts_at else None}


@dataclass(frozen=True, slots=True)
class Entrant:
    """A registered player with what the bracket shows of them.

    Attributes:
        seed: the host's seed (None until seeded).
        name: display name (plain text).
        avatar_url: their picture, if any.
    """

    user_id: str
    seed: int | None
    name: str
    avatar_url: str | None = None


def seeded(entrants: list[Entrant]) -> list[Participant]:
    """The engine's participants: seeded players by seed, then the unseeded ones (in
    the given order), renumbered 1..n."""
    ordered = sorted(entrants, key=lambda e: (e.seed is None, e.seed or 0))
    return [Participant(e.user_id, i) for i, e in enumerate(ordered, start=1)]


@dataclass(frozen=True, slots=True)
class TournamentMessage:
    """One ``tournament_messages`` row (``body`` is plain text)."""

    id: str
    tournament_id: str
    sender_id: str
    body: str
    created_at: dt.datetime

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TournamentMessage:
        return cls(str(row["id"]), str(row["tournament_id"]), str(row["sender_id"]),
                   str(row.get("body") or ""), parse_time(str(row["created_at"])))

    @property
    def key(self) -> tuple[dt.datetime, str]:
        return (self.created_at, self.id)


def message_problem(body: str) -> str:
    """Why ``body`` cannot be sent ("" when it can)."""
    if len(body) > MAX_MESSAGE_CHARS:
        return translate("tournament", "Messages can be at most {limit} characters.").format(
            limit=formats().number(MAX_MESSAGE_CHARS))
    return ""
