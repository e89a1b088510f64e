"""The signed-in user's own profile: display name and picture, read and changed. Qt-free.

The row rules let a user update only their own ``profiles`` row; what is written is
checked here first so a mistake is explained, not refused by the server: a display
name is one line of 1 to ``DISPLAY_NAME_MAX`` characters, a picture URL is an
``http(s)`` URL (or nothing, to go back to initials).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from gfdesk.core.avatarfetch import AvatarError, resolve_url

if TYPE_CHECKING:
    from supabase import AsyncClient

DISPLAY_NAME_MAX = 50


@dataclass(frozen=True)
class PlayerProfile:
    """A player's ``profiles`` row as every view shows it (remote text: plain text)."""

    user_id: str
    username: str
    display_name: str
    avatar_url: str | None = None

    @property
    def name(self) -> str:
        return self.display_name or self.username or "?"


#: The signed-in user's own profile (the profile card, the settings' Profile tab).
OwnProfile = PlayerProfile


def profile_from_row(row: dict[str, Any]) -> PlayerProfile:
    """A ``profiles`` row (``id, username, display_name, avatar_url``)."""
    avatar = row.get("avatar_url")
    return PlayerProfile(str(row["id"]), str(row.get("username") or ""),
                         str(row.get("display_name") or ""),
                         avatar if isinstance(avatar, str) and avatar.strip() else None)


def check_profile(display_name: str, avatar_url: str) -> tuple[str, str | None]:
    """The values to store, cleaned.

    Raises:
        ValueError: what is wrong, worded for the user.
    """
    name = " ".join(display_name.split())
    if not name:
        raise ValueError("Choose a display name.")
    if len(name) > DISPLAY_NAME_MAX:
        raise ValueError(f"A display name has at most {DISPLAY_NAME_MAX} characters.")
    url = avatar_url.strip()
    if not url:
        return name, None
    try:
        resolve_url(url)
    except AvatarError as exc:
        raise ValueError(f"The picture must be an http(s) link ({exc}).") from None
    return name, url


async def load_own_profile(client: AsyncClient, user_id: str) -> OwnProfile:
    """The user's profile row."""
    rows = cast(list[dict[str, Any]], (await client.table("profiles").select(
        "id,username,display_name,avatar_url").eq("id", user_id).execute()).data)
    if not rows:
        return OwnProfile(user_id, "", "")
    return profile_from_row(rows[0])


async def save_own_profile(client: AsyncClient, user_id: str, display_name: str,
                           avatar_url: str) -> OwnProfile:
    """Store the user's display name and picture URL; the profile as stored.

    Raises:
        ValueError: the values are not acceptable (see ``check_profile``), or the
            server did not change the row.
    """
    name, url = check_profile(display_name, avatar_url)
    rows = cast(list[dict[str, Any]], (await client.table("profiles").update(
        {"display_name": name, "avatar_url": url}).eq("id", user_id).execute()).data)
    if not rows:
        raise ValueError("Your profile could not be changed.")
    row = rows[0]
    return OwnProfile(user_id, str(row.get("username") or ""), name, url)
