"""Deadlines written in a plan ("年内", "9月底前", "明年") resolved against the plan year.

    >>> resolve("9月底前", 2021)
    datetime.date(2021, 9, 30)
    >>> resolve("年底前", 2022)
    datetime.date(2022, 12, 31)
    >>> resolve("明年上半年", 2022)
    datetime.date(2023, 6, 30)

dateparser is of no use here (it returns nothing for 年内 / 年底前 / 下半年 and a wrong year
for "9月底前"), so the relative forms are a table of our own. A deadline names the LAST day
the pledge may be met: "8月底" → 08-31, "8月31日前" → 08-31, "三季度末" → 09-30; a bare
month that dates a task ("10月举办…", "…9月开学投用") → that month's end; a holiday → the
day before it ("国庆前" → 09-30, "明年春节前" → the eve of next year's Spring Festival).
Where none is written the pledge falls due at the end of the plan period (``default_deadline``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .numbers import parse_number

__all__ = ["Deadline", "resolve", "find_deadlines", "default_deadline"]

# Spring Festival (正月初一), for "春节前"
_SPRING_FESTIVAL = {
    2020: (1, 25),
    2021: (2, 12),
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
}
# holidays on a fixed day of the solar year: the deadline is the day before
_FIXED_HOLIDAY = {"国庆节": (10, 1), "国庆": (10, 1), "十一": (10, 1), "元旦": (1, 1), "五一": (5, 1), "七一": (7, 1)}
# what follows a bare month when it is a point or a span, not a deadline: "6月以来", "9月至11月"
_MONTH_NOT_DUE = re.compile(r"^(?:份)?(?:以来|至|到|起|开始|上旬|中旬|下旬|初|中|[-－—~～])")
_MONTH_NOT_DUE_BEFORE = re.compile(r"(?:截至|截止|截止到|自|从|每年|每|今年以来|去年)$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_DEADLINE = re.compile(
    r"(?:到|于|在)?"
    r"(?:(?P<year>20\d\d)\s?年|(?P<rel>今年|本年|明年|次年|后年))?"
    r"(?:"
    r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?月"
    r"(?:(?P<day>[0-3]?\d)\s?日|(?P<tail>底|末|份))?(?P<before>前|之前|以前)?"
    r"|(?P<half>上半年|下半年|年中)"
    r"|第?(?P<quarter>[一二三四1-4])\s?季度(?:末|底)?前?"
    r"|(?P<yearend>底前|底|末|内)"
    r"|(?P<endword>年内|年底前|年底|年末|全年|当年|年度内)"
    r"|(?P<holiday>春节|国庆节|国庆|元旦|五一|七一)(?=前|之前|以前)(?:前|之前|以前)"
    r")?"
)


@dataclass(frozen=True)
class Deadline:
    date: date
    text: str  # the deadline words as written ("9月底前")
    start: int
    end: int


def _cn_month(raw: str) -> int | None:
    """ "十二" → 12; None for anything that is not a month."""
    n = parse_number(raw)
    return int(n) if n and n == int(n) and 1 <= n <= 12 else None


def default_deadline(plan_year: int, report_kind: str | None = None) -> date:
    """End of the plan period: 12-31 of the plan year for a half-year or an annual plan."""
    return date(plan_year, 12, 31)


def resolve(text: str, plan_year: int) -> date | None:
    """The date a deadline phrase stands for, or None when ``text`` is no deadline."""
    found = find_deadlines(text, plan_year, report_kind="annual")
    return found[0].date if found else None


def find_deadlines(text: str, plan_year: int, report_kind: str = "half_year") -> list[Deadline]:
    """Deadline phrases of ``text`` in order.

    In a half-year report the first half is the past: "上半年", "一季度", "二季度" and months up
    to June are history there ("在上半年签约90个门洞的基础上"), never a deadline. "下半年"
    itself is the plan period and is not reported as a written deadline either.
    """
    out = []
    folded = text.translate(_FULLWIDTH)
    for m in _DEADLINE.finditer(folded):
        if m.end() == m.start():
            continue
        d = _resolve_match(m, plan_year, report_kind)
        if d is None:
            continue
        explicit_year = bool(m.group("year") or m.group("rel") in ("明年", "次年", "后年"))
        if report_kind == "half_year" and m.group("half") and not explicit_year:
            continue  # 上半年 = the past, 下半年 = the plan period itself
        if report_kind == "half_year" and d < date(plan_year, 7, 1) and not m.group("year"):
            continue
        if m.group("month"):
            if m.group("day"):
                if not (m.group("before") or text[m.end() : m.end() + 2].startswith(("前", "之前", "以前"))):
                    continue  # "截至9月1日" reports, "于9月1日召开" dates an event
            elif not (m.group("tail") in ("底", "末") or m.group("before")) and (
                _MONTH_NOT_DUE.match(folded[m.end() :]) or _MONTH_NOT_DUE_BEFORE.search(folded[: m.start()])
            ):
                continue  # "6月以来", "截至9月", "9月至11月": a point in time or a span, not a deadline
        start = m.start()
        while start < m.end() and text[start] in "到于在":
            start += 1
        out.append(Deadline(d, text[start : m.end()], start, m.end()))
    return out


def _resolve_match(m: re.Match, plan_year: int, report_kind: str = "annual") -> date | None:
    rel = m.group("rel")
    if m.group("holiday"):
        return _holiday_eve(m.group("holiday"), m.group("year"), rel, plan_year, report_kind)
    if m.group("year"):
        year = int(m.group("year"))
        if not 2000 <= year <= 2100:
            return None
    elif rel in ("明年", "次年"):
        year = plan_year + 1
    elif rel == "后年":
        year = plan_year + 2
    else:
        year = plan_year
    if m.group("endword") or m.group("yearend"):
        if m.group("yearend") and not (m.group("year") or rel):
            return None  # a lone 底/末/内 is no deadline
        return date(year, 12, 31)
    if m.group("half"):
        return date(year, 6, 30) if m.group("half") in ("上半年", "年中") else date(year, 12, 31)
    if m.group("quarter"):
        month, day = _QUARTER_END[_CN_QUARTER[m.group("quarter")]]
        return date(year, month, day)
    if m.group("month"):
        raw = m.group("month")
        month = int(raw) if raw.isdigit() else _cn_month(raw)
        if not month or not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        if m.group("day"):
            day = int(m.group("day"))
            return date(year, month, day) if 1 <= day <= last else None
        if m.group("before") and not m.group("tail"):
            # "10月前": before October starts
            if month == 1:
                return date(year - 1, 12, 31)
            return date(year, month - 1, calendar.monthrange(year, month - 1)[1])
        return date(year, month, last)
    if rel in ("明年", "次年", "后年") and not m.group("year"):
        return date(year, 12, 31)  # "明年" alone: by the end of next year
    return None  # a bare "2022年" or "今年" qualifies, it sets no deadline


def _holiday_eve(name: str, year_written: str | None, rel: str | None, plan_year: int, report_kind: str) -> date | None:
    """The day before a holiday: "国庆前" → 09-30; "春节前" in a half-year plan → next year's eve."""
    if year_written:
        year = int(year_written)
    elif rel in ("明年", "次年"):
        year = plan_year + 1
    elif rel == "后年":
        year = plan_year + 2
    elif name in ("春节", "元旦") and report_kind == "half_year":
        year = plan_year + 1  # the next one: this year's has passed by July
    else:
        year = plan_year
    if name == "春节":
        if year not in _SPRING_FESTIVAL:
            return None
        month, day = _SPRING_FESTIVAL[year]
    else:
        month, day = _FIXED_HOLIDAY[name]
    return date(year, month, day) - timedelta(days=1)
