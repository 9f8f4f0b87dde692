"""Server-rendered SVG charts; every piece of text goes through format_html, so a section
heading such as "<script>" is shown, not run. No JavaScript, no CDN."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from summaries.figures import SectionCounts
from tracker.models import Status

COLOURS = {
    Status.FULFILLED: "#2e7d32",
    Status.PARTIAL: "#f0a202",
    Status.MISSED: "#c62828",
    Status.PENDING: "#9e9e9e",
}
ORDER = (Status.MISSED, Status.PARTIAL, Status.FULFILLED, Status.PENDING)
WIDTH = 680
LABEL_WIDTH = 200
BAR_WIDTH = 400
ROW = 28
TOP = 34
LABEL_CHARS = 13
FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _legend() -> SafeString:
    items = []
    for i, status in enumerate(ORDER):
        x = LABEL_WIDTH + i * 100
        items.append((x, COLOURS[status], x + 18, status.label))
    return format_html_join(
        "",
        '<rect x="{}" y="6" width="14" height="14" fill="{}"/><text x="{}" y="18">{}</text>',
        items,
    )


def _row(i: int, s: SectionCounts, scale: float) -> SafeString:
    y = TOP + i * ROW
    x = LABEL_WIDTH
    segments = []
    for status in ORDER:
        n = getattr(s, status.value)
        if not n:
            continue
        w = n * scale
        segments.append((x, y + 4, f"{w:.1f}", COLOURS[status], s.section, status.label, n))
        x += w
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="18" fill="{}"><title>{}：{} {}</title></rect>',
        segments,
    )
    return format_html(
        '<g class="row"><text x="{}" y="{}" text-anchor="end"><title>{}</title>{}</text>{}'
        '<text x="{}" y="{}" class="total">{}</text></g>',
        LABEL_WIDTH - 8,
        y + 18,
        s.section,
        _short(s.section),
        bars,
        f"{x + 6:.1f}",
        y + 18,
        s.total,
    )


def status_by_section_svg(sections: list[SectionCounts], title: str = "各章节承诺兑现情况") -> SafeString:
    """A horizontal stacked bar per section (missed, partial, fulfilled, pending), to scale."""
    biggest = max((s.total for s in sections), default=0)
    scale = BAR_WIDTH / biggest if biggest else 0
    height = TOP + max(len(sections), 1) * ROW + 8
    rows = format_html_join("", "{}", ((_row(i, s, scale),) for i, s in enumerate(sections)))
    if not sections:
        rows = format_html('<text x="{}" y="{}">暂无承诺</text>', LABEL_WIDTH, TOP + 18)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-label="{title}" font-family="{font}" font-size="13"><title>{title}</title>{legend}{rows}</svg>',
        w=WIDTH,
        h=height,
        title=title,
        font=FONT,
        legend=_legend(),
        rows=rows,
    )
