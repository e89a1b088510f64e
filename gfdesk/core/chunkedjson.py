"""JSON parsing in small steps, so a huge frame never blocks the loop for long. Qt-free.

``json.loads`` (and pydantic's ``validate_json``) parse a whole document in one C
call that holds the GIL throughout: even on a worker thread, a 20 MB presence state
freezes the GUI thread for most of the parse (hundreds of ms at 100,000 members),
because the GUI thread cannot take the GIL back until the call returns. Here the
top-level object, and the object value of a chosen key (a frame's ``payload``), are
walked entry by entry with ``raw_decode``: ``iter_object`` is a generator that yields
every few entries, and ``aloads_object`` drives it on the event loop within a time
budget per step, so other callbacks (the GUI's) run between steps.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import re
import time
from collections.abc import Generator
from typing import Any

#: Entries parsed between two yields of the generator.
ENTRIES_PER_YIELD = 256
#: Bytes decoded from UTF-8 between two yields (a 20 MB frame in one ``decode()`` is
#: an 11 ms call).
DECODE_SLICE_BYTES = 1024 * 1024
#: Longest a step of ``aloads_object`` keeps the loop, in seconds.
STEP_BUDGET_S = 0.004

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class ChunkedJsonError(ValueError):
    """The text is not a JSON object (or not one this parser walks)."""


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def _expect(text: str, pos: int, char: str) -> int:
    pos = _skip(text, pos)
    if pos >= len(text) or text[pos] != char:
        raise ChunkedJsonError(f"expected {char!r} at {pos}")
    return pos + 1


def _object(text: str, pos: int, deep_keys: frozenset[str]
            ) -> Generator[None, None, tuple[dict[str, Any], int]]:
    """Parse the object starting at ``text[pos] == "{"`` entry by entry."""
    pos = _expect(text, pos, "{")
    result: dict[str, Any] = {}
    pos = _skip(text, pos)
    if pos < len(text) and text[pos] == "}":
        return result, pos + 1
    count = 0
    while True:
        pos = _skip(text, pos)
        try:
            key, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise ChunkedJsonError(str(exc)) from None
        if not isinstance(key, str):
            raise ChunkedJsonError(f"object key expected at {pos}")
        pos = _skip(text, _expect(text, pos, ":"))
        if key in deep_keys and pos < len(text) and text[pos] == "{":
            value, pos = yield from _object(text, pos, frozenset())
        else:
            try:
                value, pos = _DECODER.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                raise ChunkedJsonError(str(exc)) from None
        result[key] = value
        count += 1
        if count % ENTRIES_PER_YIELD == 0:
            yield
        pos = _skip(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        if pos < len(text) and text[pos] == "}":
            return result, pos + 1
        raise ChunkedJsonError(f"expected ',' or '}}' at {pos}")


def iter_object(text: str | bytes, *, deep_keys: frozenset[str] = frozenset({"payload"})
                ) -> Generator[None, None, dict[str, Any]]:
    """Parse a JSON object step by step: a generator that yields every
    ``ENTRIES_PER_YIELD`` entries and returns the object.

    The object values of the top-level ``deep_keys`` are walked entry by entry too;
    any other value is parsed in one piece.

    Raises:
        ChunkedJsonError: not a JSON object, or malformed.
    """
    if isinstance(text, bytes | bytearray):
        text = yield from _decode(text)
    result, pos = yield from _object(text, 0, deep_keys)
    if _skip(text, pos) != len(text):
        raise ChunkedJsonError(f"extra data at {pos}")
    return result


def _decode(data: bytes | bytearray) -> Generator[None, None, str]:
    """``data`` decoded from UTF-8 a slice at a time (a slice may end inside a
    character: the incremental decoder carries it over)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    parts: list[str] = []
    try:
        for start in range(0, len(view), DECODE_SLICE_BYTES):
            end = start + DECODE_SLICE_BYTES
            parts.append(decoder.decode(view[start:end], final=end >= len(view)))
            yield
        if not len(view):
            parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError as exc:
        raise ChunkedJsonError(str(exc)) from None
    finally:
        view.release()
    return "".join(parts)


def _step(steps: Generator[None, None, dict[str, Any]]) -> dict[str, Any] | None:
    """Run ``steps`` one step; the object once it is done, else None."""
    try:
        next(steps)
    except StopIteration as done:
        result: dict[str, Any] = done.value
        return result
    return None


def loads_object(text: str | bytes, *, deep_keys: frozenset[str] = frozenset({"payload"})
                 ) -> dict[str, Any]:
    """``iter_object`` run to the end in one go."""
    steps = iter_object(text, deep_keys=deep_keys)
    while (result := _step(steps)) is None:
        pass
    return result


async def aloads_object(text: str | bytes, *,
                        deep_keys: frozenset[str] = frozenset({"payload"}),
                        budget_s: float = STEP_BUDGET_S) -> dict[str, Any]:
    """``iter_object`` on the running loop, yielding to it after each ``budget_s``."""
    steps = iter_object(text, deep_keys=deep_keys)
    deadline = time.perf_counter() + budget_s
    while (result := _step(steps)) is None:
        if time.perf_counter() >= deadline:
            await asyncio.sleep(0)
            deadline = time.perf_counter() + budget_s
    return result
