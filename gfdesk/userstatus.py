"""A player's status as every part of the app shows it. Qt-free, pure.

One vocabulary for the friends list, the chat header, the conversation list and the
profile card: the ``Status`` (its wire spelling is the value tracked on
``presence:online``), what it reads as ("Playing Valorant", "Do not disturb") and its
colour. The friends feature decides a friend's status (presence); the others only show
what it announced, so the same friend never reads two ways at once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate


class Status(enum.Enum):
    """A user's presence status; the wire spellings are the values."""

    ONLINE = "online"
    AWAY = "away"
    BUSY = "busy"
    IN_GAME = "in_game"
    #: Chosen by a user who wants to look offline: never tracked, so others see
    #: OFFLINE, while the app still receives everything.
    INVISIBLE = "invisible"
    OFFLINE = "offline"

    @property
    def label(self) -> str:
        """What the user reads ("In game", "Do not disturb")."""
        return translate("userstatus", _LABELS[self])

    @property
    def rank(self) -> int:
        """Sort rank in the friends list (lower first)."""
        return _RANKS[self]

    @property
    def priority(self) -> int:
        """Which status wins across a user's devices (lower wins)."""
        return _PRIORITIES[self]

    @property
    def color(self) -> str:
        """The status dot's colour (``#rrggbb``)."""
        return _COLORS[self]

    @property
    def visible(self) -> bool:
        """Whether others see this user online with it."""
        return self not in (Status.OFFLINE, Status.INVISIBLE)


_LABELS = {Status.ONLINE: QT_TRANSLATE_NOOP("userstatus", "Online"),
           Status.AWAY: QT_TRANSLATE_NOOP("userstatus", "Away"),
           Status.BUSY: QT_TRANSLATE_NOOP("userstatus", "Do not disturb"),
           Status.IN_GAME: QT_TRANSLATE_NOOP("userstatus", "In game"),
           Status.INVISIBLE: QT_TRANSLATE_NOOP("userstatus", "Invisible"),
           Status.OFFLINE: QT_TRANSLATE_NOOP("userstatus", "Offline")}
# The list shows who is playing first, then who is free, then busy, away, offline.
_RANKS = {Status.IN_GAME: 0, Status.ONLINE: 1, Status.BUSY: 2, Status.AWAY: 3,
          Status.INVISIBLE: 4, Status.OFFLINE: 4}
# Across devices, an explicit state beats a passive one: playing on the PC beats
# "online" on the phone, and do-not-disturb set anywhere is respected over plain
# online elsewhere; "away" (often automatic) loses to every active device.
_PRIORITIES = {Status.IN_GAME: 0, Status.BUSY: 1, Status.ONLINE: 2, Status.AWAY: 3,
               Status.INVISIBLE: 4, Status.OFFLINE: 4}
_COLORS = {Status.ONLINE: "#23a55a", Status.AWAY: "#f0b232", Status.BUSY: "#f23f43",
           Status.IN_GAME: "#7b61ff", Status.INVISIBLE: "#80848e", Status.OFFLINE: "#80848e"}

#: The statuses a user can choose (offline is not chosen, it is leaving).
CHOOSABLE = (Status.ONLINE, Status.AWAY, Status.BUSY, Status.INVISIBLE, Status.IN_GAME)


def status_text(status: Status, game: str | None = None) -> str:
    """One line for a status: "Playing Valorant", "Do not disturb", "Offline"."""
    if status is Status.IN_GAME:
        return (translate("userstatus", "Playing {game}").format(game=game) if game
                else Status.IN_GAME.label)
    return status.label


@dataclass(frozen=True)
class StatusInfo:
    """What a player's status says now (the game only while in game)."""

    status: Status = Status.OFFLINE
    game: str | None = None

    @property
    def text(self) -> str:
        return status_text(self.status, self.game)

    @property
    def online(self) -> bool:
        return self.status.visible


OFFLINE = StatusInfo()
