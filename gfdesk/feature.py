"""The one boundary every feature plugs into. Qt-free (types only).

A feature (friends, notifications, chat, and the ones to come) is built after sign-in
from one ``FeatureScope`` and lives until sign-out::

    feature = ChatFeature(scope, parent=window)
    await feature.start()      # load, join channels
    ...                        # feature.view is on screen
    await feature.aclose()     # leave channels; the outbox keeps unsent writes

What other parts need from a feature it publishes as its own Qt signals (friends
announces who is online, notifications what a click opens); the account flow connects
them and the shell lays the views out. No feature imports another, nor the shell.

A feature with things to jump to (friends, conversations, tournaments) also follows
``Switchable``: the quick switcher (Ctrl+K) asks each one for its ``SwitcherEntry``s when
it opens and hands the chosen entry back to the feature that listed it, so the shell
never reaches into a feature's models.

Must not import Qt, the hub or any feature at run time.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox
    from gfdesk.core.session import Account
    from gfdesk.kit.avatarstore import AvatarStore


@dataclass(frozen=True)
class FeatureScope:
    """What every feature of one signed-in account is built from."""

    connection: ConnectionSupervisor
    """The realtime supervisor (channels, reconnects, gap fill)."""
    client: AsyncClient
    """The signed-in official client (REST)."""
    outbox: Outbox | None
    """The account's outbox; None only in throwaway runs (a screenshot), where a
    feature that needs one refuses to build."""
    account: Account
    """Who is signed in."""
    data_dir: Path | None = None
    """Where a feature may keep small per-account files (None: nothing is kept)."""
    avatars: AvatarStore | None = None
    """Profile pictures, shared by every feature of the account (None: initials)."""

    @property
    def user_id(self) -> str:
        return self.account.user_id

    def require_outbox(self) -> Outbox:
        """The outbox, for a feature whose writes must survive going offline."""
        if self.outbox is None:
            raise ValueError("this feature needs the account's outbox")
        return self.outbox


class Feature(Protocol):
    """A feature as the account flow sees it."""

    @property
    def view(self) -> QWidget:
        """Its page (the shell decides where it goes)."""
        ...

    async def start(self) -> None:
        """Load what it shows and follow it live."""
        ...

    async def aclose(self) -> None:
        """Leave its channels and stop its work (the outbox keeps unsent writes)."""
        ...


class SwitcherKind(enum.Enum):
    """What a quick-switcher entry is (its icon, and the section it opens)."""

    FRIEND = "friend"
    CONVERSATION = "conversation"
    TOURNAMENT = "tournament"


@dataclass(frozen=True)
class SwitcherEntry:
    """One thing the quick switcher can open."""

    kind: SwitcherKind
    id: str
    """The feature's own id for it (a user id, a conversation id, a tournament id)."""
    title: str
    """What the user searches and reads (a name); remote text, shown as plain text."""
    detail: str = ""
    """A second, searchable line ("Playing Valorant", "Group", "Live")."""


@runtime_checkable
class Switchable(Protocol):
    """A feature that lists entries in the quick switcher (Ctrl+K)."""

    def switcher_entries(self) -> Sequence[SwitcherEntry]:
        """What it holds now, in the order it would list them (asked at each opening)."""
        ...

    def open_switcher_entry(self, entry: SwitcherEntry) -> None:
        """Open ``entry``, one of those it listed (the switcher has closed)."""
        ...
