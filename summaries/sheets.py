"""A list of pledges as CSV or XLSX, one row per pledge, the same columns in both.

Cells that a spreadsheet would run as a formula (starting with = + - @) are kept as text:
in CSV with a leading apostrophe, in XLSX as string cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from summaries.questions import draft_question, report_label
from summaries.summary import CARRIED_FLAG
from tracker.models import Pledge

COLUMNS: list[tuple[str, int]] = [
    ("编号", 8),
    ("区县", 10),
    ("镇/街道", 10),
    ("来源报告", 22),
    ("报告日期", 12),
    ("所属章节", 20),
    ("承诺原文", 50),
    ("类型", 10),
    ("目标值", 10),
    ("单位", 8),
    ("原文数值", 10),
    ("比较方式", 8),
    ("截止日期", 12),
    ("原文时限", 10),
    ("承诺力度", 8),
    ("状态", 10),
    ("原因", 10),
    ("完成值", 10),
    ("完成比例", 10),
    ("人工确认", 8),
    (CARRIED_FLAG, 12),
    ("依据引文", 50),
    ("依据报告", 22),
    ("依据报告日期", 12),
    ("询问要点", 60),
]
HEADERS = [name for name, _width in COLUMNS]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def pledge_row(p: Pledge) -> list:
    ev = p.evidence
    ratio = p.ratio()
    return [
        p.pk,
        p.town.district,
        p.town.name,
        report_label(p.report),
        p.report.delivered_on,
        p.section,
        p.text,
        p.get_kind_display(),
        p.value,
        p.unit,
        p.value_raw,
        p.get_comparator_display() if p.comparator else "",
        p.deadline,
        p.deadline_text,
        p.get_strength_display(),
        p.get_status_display(),
        p.get_status_reason_display() if p.status_reason else "",
        p.achieved_value,
        round(ratio, 4) if ratio is not None else None,
        "是" if p.confirmed else "否",
        "是" if p.carried_from_id else "",
        ev.quote if ev else "",
        report_label(ev.report) if ev else "",
        ev.report.delivered_on if ev else None,
        draft_question(p) or "",
    ]


def _text_safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return _text_safe(str(value))


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(pledges: Iterable[Pledge]) -> Iterator[str]:
    """CSV text line by line, starting with a UTF-8 BOM so Excel reads the Chinese right."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADERS)
    for p in pledges:
        yield writer.writerow([_csv_cell(v) for v in pledge_row(p)])


def pledges_csv(pledges: Iterable[Pledge]) -> str:
    return "".join(csv_lines(pledges))


def pledges_xlsx(pledges: Iterable[Pledge], title: str = "承诺清单") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(HEADERS)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE4EE")
    for i, (_name, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = bold
        cell.fill = fill
        ws.column_dimensions[get_column_letter(i)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    wrapped_columns = {HEADERS.index(h) + 1 for h in ("承诺原文", "依据引文", "询问要点")}
    for r, p in enumerate(pledges, start=2):
        for c, value in enumerate(pledge_row(p), start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # openpyxl would otherwise store it as a formula
            if c in wrapped_columns:
                cell.alignment = wrap
            elif hasattr(value, "year"):
                cell.number_format = "yyyy-mm-dd"
    ratio_col = HEADERS.index("完成比例") + 1
    for row in ws.iter_rows(min_row=2, min_col=ratio_col, max_col=ratio_col):
        row[0].number_format = "0%"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
