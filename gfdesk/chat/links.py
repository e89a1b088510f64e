"""Finding links in chat text. Qt-free, pure.

Message bodies are remote text: they are never interpreted as markup. Links are found
here as spans of the plain text, and the view formats those spans (and only those) as
clickable; the URL opens in the browser on click, never by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: http(s) URLs and bare ``www.`` hosts, up to the next whitespace or angle bracket.
_LINK = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"]+")
#: Punctuation that ends a sentence rather than a URL ("see https://x.io.").
_TRAILING = ".,;:!?'\")]}"
_PAIRS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True, slots=True)
class LinkSpan:
    """A link inside a text: ``text[start:end]``, opened as ``url``."""

    start: int
    end: int
    url: str


def _trim(candidate: str) -> str:
    # Keep a closing bracket that closes one inside the URL (Wikipedia-style links).
    while candidate and candidate[-1] in _TRAILING:
        last = candidate[-1]
        opener = _PAIRS.get(last)
        if opener is not None and candidate.count(opener) >= candidate.count(last):
            break
        candidate = candidate[:-1]
    return candidate


def find_links(text: str) -> list[LinkSpan]:
    """The links in ``text``, in order.

    >>> [s.url for s in find_links("gg https://x.io/a. and www.y.gg")]
    ['https://x.io/a', 'http://www.y.gg']
    """
    spans: list[LinkSpan] = []
    for match in _LINK.finditer(text):
        body = _trim(match.group(0))
        if len(body) <= len("www.") or body.lower() in ("http://", "https://"):
            continue
        url = body if "://" in body else f"http://{body}"
        spans.append(LinkSpan(match.start(), match.start() + len(body), url))
    return spans


def link_at(spans: list[LinkSpan], position: int) -> LinkSpan | None:
    """The link covering character ``position``, if any."""
    for span in spans:
        if span.start <= position < span.end:
            return span
    return None
