"""Cut a report's text into plain and marked segments, for the reader and the pledge page.

Templates loop over the segments and escape each one; no HTML is assembled here.

    >>> segments("甲乙丙丁", [Mark(1, 3, "pledge")])
    [Segment(text='甲', mark='', href='', title=''), Segment(text='乙丙', mark='pledge', href='', title=''), Segment(text='丁', mark='', href='', title='')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    start: int  # offsets in the report's text
    end: int
    mark: str  # css class: "pledge", "evidence", "focus" …
    href: str = ""
    title: str = ""


@dataclass(frozen=True)
class Segment:
    text: str
    mark: str = ""
    href: str = ""
    title: str = ""


def segments(text: str, marks: Iterable[Mark], offset: int = 0) -> list[Segment]:
    """`text` starts at `offset` of the report; marks outside it are ignored, overlaps go to the earlier mark."""
    out: list[Segment] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, end = max(m.start - offset, pos), min(m.end - offset, len(text))
        if end <= start:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], m.mark, m.href, m.title))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def locate(text: str, quote: str, offset: int = 0) -> tuple[int, int] | None:
    """Where `quote` stands in `text` (shifted by `offset`), or None; for evidence stored without offsets."""
    quote = quote.strip()
    at = text.find(quote) if quote else -1
    return (offset + at, offset + at + len(quote)) if at >= 0 else None
