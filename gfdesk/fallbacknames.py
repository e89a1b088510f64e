"""The names shown for a person gfdesk cannot name. Qt-free.

A player, member or caller whose profile has no name, or could not be read, is still
shown: as "Unknown" (a tournament's players, a chat's members) or "Someone" (a caller).
Services and pure modules word them here, through ``gfdesk.i18nmark``, so they read in
the user's language though the module imports no Qt. Each call translates anew: a name
asked for after a language switch is in the new language.

The hub keeps its own English words: what it writes is data for every client, not UI.
"""

from __future__ import annotations

from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate

#: The translation context of these names.
CONTEXT = "fallbacknames"
UNKNOWN = QT_TRANSLATE_NOOP("fallbacknames", "Unknown")
SOMEONE = QT_TRANSLATE_NOOP("fallbacknames", "Someone")


def unknown() -> str:
    """A player or member without a name ("Unknown"), in the user's language."""
    return translate(CONTEXT, UNKNOWN)


def someone() -> str:
    """A caller without a name ("Someone"), in the user's language."""
    return translate(CONTEXT, SOMEONE)
