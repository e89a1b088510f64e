"""``gfdesk://`` links: what they may name and how they are read. Qt-free, pure.

A link reaches the app from the command line (the OS hands it over when the user
clicks one), maybe from another program or a web page, so it is read strictly: the
scheme, one of three kinds and a UUID, nothing else (no query, no fragment, no user
or port, no extra path). Anything else is refused with a reason the log can say.

    gfdesk://conversation/<uuid>
    gfdesk://tournament/<uuid>
    gfdesk://call/<uuid>
"""

from __future__ import annotations

import re
import uuid

from gfdesk.targets import Target, TargetKind

SCHEME = "gfdesk"
#: Longer than any valid link by far; a longer argument is refused unread.
MAX_LINK_LENGTH = 200
_KINDS = {"conversation": TargetKind.CONVERSATION, "tournament": TargetKind.TOURNAMENT,
          "call": TargetKind.CALL}
# The canonical 8-4-4-4-12 form only: uuid.UUID alone also takes braces, "urn:uuid:"
# and hex without dashes.
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}$")


class LinkError(ValueError):
    """A ``gfdesk://`` link that is refused; the message says why."""


def is_link(text: str) -> bool:
    """Whether ``text`` is meant as a ``gfdesk://`` link (valid or not)."""
    return text[:len(SCHEME) + 3].lower() == f"{SCHEME}://"


def parse_link(text: str) -> Target:
    """What a ``gfdesk://`` link opens.

    Raises:
        LinkError: not one of the three forms (the message says what is wrong).
    """
    if len(text) > MAX_LINK_LENGTH:
        raise LinkError(f"longer than {MAX_LINK_LENGTH} characters")
    if not is_link(text):
        raise LinkError(f"not a {SCHEME}:// link")
    rest = text[len(SCHEME) + 3:]
    if any(c in rest for c in "?#@:\\%") or any(not c.isprintable() or c.isspace()
                                               for c in rest):
        raise LinkError("a link holds only a kind and an id (no query, fragment, user, "
                        "port, escapes or spaces)")
    # Some launchers add one slash at the end ("gfdesk://call/<id>/").
    parts = rest.removesuffix("/").split("/")
    if len(parts) != 2:
        raise LinkError("expected gfdesk://<kind>/<id>")
    kind_text, ident = parts
    kind = _KINDS.get(kind_text.lower())
    if kind is None:
        raise LinkError(f"unknown kind {kind_text[:20]!r}; one of {', '.join(_KINDS)}")
    if not _UUID.match(ident):
        raise LinkError(f"the {kind_text.lower()} id is not a UUID")
    return Target(kind, str(uuid.UUID(ident)))


def link_for(target: Target) -> str:
    """The link that opens ``target`` (the inverse of ``parse_link``).

    Raises:
        LinkError: this kind of target has no link.
    """
    for name, kind in _KINDS.items():
        if kind is target.kind:
            return f"{SCHEME}://{name}/{target.id}"
    raise LinkError(f"a {target.kind.value} has no link")
