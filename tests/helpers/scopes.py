"""A ``FeatureScope`` for tests that build one feature by hand."""

from __future__ import annotations

from typing import Any

from gfdesk.core.session import Account
from gfdesk.feature import FeatureScope


def scope_for(connection: Any, client: Any, user_id: str, outbox: Any = None) -> FeatureScope:
    """The scope of ``user_id`` (no outbox: writes go straight to the server).

    ``connection`` and ``client`` may be None for a feature that never reaches the
    server in the test (a model fed by hand)."""
    return FeatureScope(connection, client, outbox,
                        Account(user_id, f"{user_id}@example.com", user_id))
