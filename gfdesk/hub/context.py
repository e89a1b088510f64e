"""Typed application state shared by the hub's sub-apps (aiohttp ``AppKey``). Qt-free.

The root app created by ``gfdesk.hub.app.create_app`` holds these; sub-apps read them
through ``request.config_dict[KEY]``. No module-level singletons. A service's own state
has its key beside the service (``realtime.REALTIME``), so this module imports none of
them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from gfdesk.hub.keys import Keys
from gfdesk.hub.store import Store, Transaction

DEFAULT_ACCESS_TOKEN_TTL_S = 3600
#: How long one request's statements may run (PostgREST runs under Supabase's
#: ``statement_timeout``, 3 s for anon and 8 s for authenticated).
DEFAULT_STATEMENT_TIMEOUT_S = 3.0
#: A connection must deliver a request's headers this soon after it opened or after
#: its previous response (aiohttp's keep-alive timer, which data does not extend).
DEFAULT_HEADER_TIMEOUT_S = 15.0
#: And then its body within this.
DEFAULT_BODY_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class HubConfig:
    """How one hub runs. Tests shorten ``access_token_ttl_s`` to seconds."""

    data_dir: Path
    access_token_ttl_s: int = DEFAULT_ACCESS_TOKEN_TTL_S
    #: Issuer of user access tokens; set to ``<API URL>/auth/v1`` once the port is known.
    issuer: str = "gfdesk-hub"
    #: Seed the demo world (users, friendships, chats, a tournament) on start.
    demo: bool = False
    #: Time limit of one REST request's SQL (a clear 57014 error when exceeded).
    statement_timeout_s: float = DEFAULT_STATEMENT_TIMEOUT_S
    #: Request header and body time limits (half-open requests are closed).
    header_timeout_s: float = DEFAULT_HEADER_TIMEOUT_S
    body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S


@dataclass(frozen=True)
class NewUser:
    """What the auth service knows of a user it just created, for the profile hook."""

    id: str
    email: str
    user_metadata: dict[str, Any]


#: Runs inside the sign-up transaction, like Supabase's ``on_auth_user_created`` trigger.
UserCreatedHook = Callable[[Transaction, NewUser], None]

CONFIG = web.AppKey("config", HubConfig)
KEYS = web.AppKey("keys", Keys)
STORE = web.AppKey("store", Store)
ON_USER_CREATED = web.AppKey("on_user_created", list[UserCreatedHook])
