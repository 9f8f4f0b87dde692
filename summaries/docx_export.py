"""The summary as a Word document: the same content as the HTML page, for congress offices.

The SVG chart becomes a table of the same counts (Word cannot show our SVG reliably).
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from summaries.summary import UNCONFIRMED_FLAG, PledgeRow, Summary
from tracker.models import Status

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
STATUS_COLOURS = {
    Status.MISSED: RGBColor(0xC6, 0x28, 0x28),
    Status.PARTIAL: RGBColor(0xB0, 0x6A, 0x00),
    Status.FULFILLED: RGBColor(0x2E, 0x7D, 0x32),
    Status.PENDING: RGBColor(0x61, 0x61, 0x61),
}
GREY = RGBColor(0x55, 0x55, 0x55)


def _set_font(style, name: str, size: float | None = None, bold: bool | None = None) -> None:
    style.font.name = name
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold


def _styles(doc: Document) -> None:
    _set_font(doc.styles["Normal"], BODY_FONT, 11)
    for name, size in (("Title", 20), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 11.5)):
        _set_font(doc.styles[name], HEADING_FONT, size, bold=True)
        doc.styles[name].font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)


def _page(doc: Document, summary: Summary) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.0)
    header = section.header.paragraphs[0]
    header.text = summary.running_header
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in header.runs:
        run.font.size = Pt(8.5)
        run.font.color.rgb = GREY


def _table(doc: Document, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
        cell.text = text
        cell.width = Cm(width)
        cell.paragraphs[0].runs[0].font.bold = True
    for values in rows:
        for cell, text, width in zip(table.add_row().cells, values, widths, strict=True):
            cell.text = text
            cell.width = Cm(width)


class _Styles:
    """Style ids made once per document, so the pledge list refers to styles by id: python-docx's
    lookup by name scans every style on each call, and per-run formatting would repeat it
    thousands of times for 500 pledges."""

    def __init__(self, doc: Document) -> None:
        styles = doc.styles
        self.heading = styles["Heading 3"].style_id
        # The body's last child; new paragraphs go before it, as python-docx's own do.
        self.anchor = doc.element.body.find(qn("w:sectPr"))
        facts = styles.add_style("Pledge Facts", WD_STYLE_TYPE.PARAGRAPH)
        facts.base_style = styles["Normal"]
        facts.font.size = Pt(10)
        facts.paragraph_format.space_after = Pt(2)
        question = styles.add_style("Pledge Question", WD_STYLE_TYPE.PARAGRAPH)
        question.base_style = styles["Normal"]
        question.paragraph_format.left_indent = Cm(0.5)
        question.paragraph_format.space_after = Pt(8)
        question.font.color.rgb = STATUS_COLOURS[Status.MISSED]
        label = styles.add_style("Label", WD_STYLE_TYPE.CHARACTER)
        label.font.bold = True
        self.facts, self.question, self.label = facts.style_id, question.style_id, label.style_id
        self.status = {}
        for status, colour in STATUS_COLOURS.items():
            flag = styles.add_style(f"Flag {status}", WD_STYLE_TYPE.CHARACTER)
            flag.font.color.rgb = colour
            flag.font.size = Pt(9.5)
            self.status[status] = flag.style_id


_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _VAL = (
    qn(tag) for tag in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:rStyle", "w:t", "w:val")
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _para(st: _Styles, style_id: str, *runs: tuple[str, str | None]) -> None:
    """Append a paragraph of styled runs to the body, built with lxml directly.

    Same XML as paragraph.add_run(), several times faster: python-docx's element classes
    search the schema's child order on every insertion, which cost 3 s for 500 pledges.
    """
    p = etree.Element(_P)
    etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
    for text, run_style in runs:
        r = etree.SubElement(p, _R)
        if run_style:
            etree.SubElement(etree.SubElement(r, _RPR), _RSTYLE).set(_VAL, run_style)
        t = etree.SubElement(r, _T)
        t.text = _CONTROL.sub("", text)
        t.set(_XML_SPACE, "preserve")
    st.anchor.addprevious(p)


def _pledge(st: _Styles, row: PledgeRow, status: str) -> None:
    p = row.pledge
    flags = [row.status_label]
    if p.status_reason:
        flags.append(row.reason_label)
    if not p.confirmed:
        flags.append(UNCONFIRMED_FLAG)
    if row.carried:
        flags.append(row.carried_flag)
    _para(st, st.heading, (f"{row.number}. {p.text}", None), (f"　〔{'｜'.join(flags)}〕", st.status[status]))
    _para(
        st,
        st.facts,
        ("目标：", st.label),
        (f"{row.target}　", None),
        ("完成：", st.label),
        (f"{row.achieved}　", None),
        ("完成比例：", st.label),
        (f"{row.ratio}　", None),
        ("截止：", st.label),
        (f"{row.deadline}　", None),
        ("力度：", st.label),
        (row.strength_label, None),
    )
    origin = [("来源：", st.label), (row.source, None)]
    if p.section:
        origin += [("　章节：", st.label), (p.section, None)]
    _para(st, st.facts, *origin)
    ev = p.evidence
    quote = f"“{ev.quote}”（{row.evidence_source}）" if ev is not None else row.no_evidence
    _para(st, st.facts, ("依据：", st.label), (quote, None))
    if row.carried:
        _para(st, st.facts, ("注：", st.label), (row.carried_note, None))
    if row.ratings:
        _para(st, st.facts, (row.ratings_text, None))
    if row.question:
        _para(st, st.question, ("询问要点：", st.label), (row.question, None))


def summary_docx(summary: Summary) -> bytes:
    doc = Document()
    _styles(doc)
    st = _Styles(doc)
    _page(doc, summary)
    doc.add_paragraph(summary.title, style="Title")
    meta = doc.add_paragraph()
    meta.add_run(f"期间：{summary.period.label}\n生成时间：{summary.generated_at:%Y-%m-%d %H:%M}").font.color.rgb = GREY

    doc.add_heading("一、总体情况", level=1)
    doc.add_paragraph(summary.figures.headline())
    _table(doc, ["项目", "数量"], [list(r) for r in summary.figures.as_rows()], [9.0, 4.0])

    doc.add_heading("二、各章节兑现情况", level=1)
    _table(
        doc,
        ["章节", "未兑现", "部分兑现", "已兑现", "待核查", "合计"],
        [
            [s.section, str(s.missed), str(s.partial), str(s.fulfilled), str(s.pending), str(s.total)]
            for s in summary.figures.by_section
        ],
        [7.0, 1.8, 1.8, 1.8, 1.8, 1.8],
    )

    doc.add_heading("三、承诺明细", level=1)
    if not summary.groups:
        doc.add_paragraph("该期间没有承诺。")
    for group in summary.groups:
        doc.add_heading(f"{group.label}（{len(group.rows)}项）", level=2)
        for row in group.rows:
            _pledge(st, row, group.status)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
