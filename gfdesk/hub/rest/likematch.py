"""PostgreSQL ``LIKE``/``ILIKE`` matching for SQLite. Qt-free, pure.

SQLite's own LIKE ignores ASCII case and has no default escape character, so the hub
registers these as SQL functions instead (see ``sqlbuild.install_functions``). Semantics
are PostgreSQL's: ``%`` matches any run of characters, ``_`` exactly one, a backslash
makes the next character literal, and the pattern must match the whole value. ``LIKE``
is case-sensitive, ``ILIKE`` compares lower-cased text. The matcher is the iterative
wildcard algorithm (backtracking only to the last ``%``), so no pattern can make it
explode the way a translated regular expression can. Its worst case is still text
length times pattern length (as PostgreSQL's), so it looks at the statement's time
limit (``timelimit.check``) every ``CHECK_EVERY`` steps.
"""

from __future__ import annotations

import time
from functools import lru_cache

from gfdesk.hub import timelimit

from .errors import RestError

#: Matching steps between two looks at the statement's deadline.
CHECK_EVERY = 1 << 11
ANY_RUN = object()
ANY_ONE = object()
Token = object | str


def check_pattern(pattern: str) -> None:
    """Raise what PostgreSQL raises for a pattern ending in a lone escape.

    Raises:
        RestError: 22025 "LIKE pattern must not end with escape character".
    """
    escaped = False
    for char in pattern:
        escaped = not escaped and char == "\\"
    if escaped:
        raise RestError(400, "22025", "LIKE pattern must not end with escape character")


@lru_cache(maxsize=256)
def _tokens(pattern: str, escape: bool = True) -> tuple[Token, ...]:
    out: list[Token] = []
    chars = iter(pattern)
    for char in chars:
        if escape and char == "\\":
            out.append(next(chars, ""))
        elif char == "%":
            if not out or out[-1] is not ANY_RUN:
                out.append(ANY_RUN)
        elif char == "_":
            out.append(ANY_ONE)
        else:
            out.append(char)
    return tuple(t for t in out if t != "")


def like(value: str, pattern: str, *, escape: bool = True) -> bool:
    """Whether ``value`` matches the LIKE ``pattern`` (case-sensitive).

    Args:
        value: the text.
        pattern: the LIKE pattern.
        escape: a backslash makes the next character literal (PostgreSQL's default);
            False for ``ESCAPE ''``.
    """
    tokens = _tokens(pattern, escape)
    t = v = 0
    star_t = star_v = -1
    steps = 0
    while v < len(value):
        steps += 1
        if not steps % CHECK_EVERY:
            timelimit.check()
            # Let the event loop's thread have the GIL: this runs on a reader thread
            # for up to the statement time limit, and requests must not wait on it.
            time.sleep(0)
        if t < len(tokens) and tokens[t] is not ANY_RUN and (
            tokens[t] is ANY_ONE or tokens[t] == value[v]
        ):
            t += 1
            v += 1
        elif t < len(tokens) and tokens[t] is ANY_RUN:
            star_t, star_v = t, v
            t += 1
        elif star_t >= 0:
            star_v += 1
            t, v = star_t + 1, star_v
        else:
            return False
    while t < len(tokens) and tokens[t] is ANY_RUN:
        t += 1
    return t == len(tokens)


def sql_like(value: object, pattern: object) -> int | None:
    """``gf_like(value, pattern)``: NULL in, NULL out, as SQL comparisons do."""
    if value is None or pattern is None:
        return None
    return int(like(str(value), str(pattern)))


def sql_ilike(value: object, pattern: object) -> int | None:
    """``gf_ilike(value, pattern)``: case-insensitive :func:`sql_like`."""
    if value is None or pattern is None:
        return None
    return int(like(str(value).lower(), str(pattern).lower()))
