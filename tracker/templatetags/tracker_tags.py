from __future__ import annotations

from django import template

from tracker import access
from tracker.models import Status

register = template.Library()


@register.inclusion_tag("partials/status_bar.html")
def status_bar(counts) -> dict:
    """A stacked bar of fulfilled / partial / missed / pending; widths are shares of the total.

    `counts` is {status: n}, or an object annotated by Town.objects.with_status_counts() (fulfilled_count …).
    """
    if not isinstance(counts, dict):
        counts = {s.value: getattr(counts, f"{s.value}_count", 0) for s in Status}
    total = sum(counts.get(s.value, 0) for s in Status)
    parts = [
        {
            "status": s.value,
            "label": s.label,
            "count": counts.get(s.value, 0),
            "width": f"{100 * counts.get(s.value, 0) / total:.2f}" if total else "0",
        }
        for s in Status
    ]
    return {"parts": parts, "total": total}


@register.filter
def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


@register.filter
def can_edit(user) -> bool:
    return access.can_edit(user)


@register.filter
def can_comment(user) -> bool:
    return access.can_comment(user)


@register.filter
def can_read(user) -> bool:
    return access.can_read(user)
