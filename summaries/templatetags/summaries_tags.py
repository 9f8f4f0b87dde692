from __future__ import annotations

from django import template
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def css_string(value) -> SafeString:
    """A quoted CSS string literal; every character other than a letter or digit is hex-escaped,
    so text from the database can go into a <style> block ("</style>" cannot close it)."""
    out = []
    for ch in str(value):
        out.append(ch if ch.isalnum() else f"\\{ord(ch):x} ")
    return mark_safe('"' + "".join(out) + '"')


@register.simple_tag
def sort_query(params, key: str, current: str) -> str:
    """The query string that sorts by `key`, toggling the direction when already sorted by it.

    Numbers sort high first on the first click, the town name A→Z.
    """
    first = key if key == "town" else f"-{key}"
    if current == first:
        first = first[1:] if first.startswith("-") else f"-{first}"
    query = params.copy()
    query["sort"] = first
    return urlencode(query)


@register.filter
def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


@register.simple_tag
def sort_mark(key: str, current: str) -> str:
    """▼ or ▲ beside the column the table is sorted by."""
    if current.lstrip("-") != key:
        return ""
    return " ▼" if current.startswith("-") else " ▲"
