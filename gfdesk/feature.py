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

Must not import Qt, the hub or any feature at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

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
