"""DOCX of a summary, CSV and XLSX of a filtered pledge list: opened and read back."""

from __future__ import annotations

import csv
import io
from urllib.parse import unquote

from docx import Document
from openpyxl import load_workbook
from summaries_fixtures import rate

MISSED_QUESTION = (
    "2022年7月半年工作报告承诺确保聚溪路年内竣工，2023年1月年度工作报告显示“聚溪路因管线搬迁延期至明年竣工”"
)


def _docx(client, data, **params) -> Document:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    r = client.get(f"/summaries/town/{data.town.pk}/docx?{query}")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "attachment" in r["Content-Disposition"]
    assert "东湖镇-承诺兑现情况-20220712.docx" in unquote(r["Content-Disposition"])
    return Document(io.BytesIO(r.content))


def test_docx_has_the_figures_the_questions_and_the_evidence(client, deputy, summary_data):
    client.force_login(deputy)
    doc = _docx(client, summary_data, report=summary_data.july.pk)
    paragraphs = [p.text for p in doc.paragraphs]
    body = "\n".join(paragraphs)
    assert "滨江区东湖镇承诺兑现情况" in paragraphs[0]
    assert "共7项承诺：已兑现1项，部分兑现2项，未兑现3项" in body
    assert MISSED_QUESTION in body  # a missed pledge's drafted question
    assert "询问要点：" in body
    assert "依据：“全年竣工加装电梯20台”（2023年1月年度工作报告，2023-01-10）" in body  # an evidence quote
    assert "未经人工确认" in body
    # figures as a table
    figures = {row.cells[0].text.strip(): row.cells[1].text for row in doc.tables[0].rows}
    assert figures["承诺总数"] == "7"
    assert figures["未兑现"] == "3"
    assert figures["其中：后续报告未提及"] == "1"
    assert figures["兑现率（已兑现 ÷ 已有结论）"] == "17%"
    assert figures["“确保”类承诺未兑现"] == "1 / 2"
    # the chart's counts as a table
    sections = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert sections[0] == ["章节", "未兑现", "部分兑现", "已兑现", "待核查", "合计"]
    assert ["城市建设", "1", "1", "0", "1", "3"] in sections


def test_docx_uses_styled_headings_and_a_page_header(client, deputy, summary_data):
    client.force_login(deputy)
    doc = _docx(client, summary_data, report=summary_data.july.pk)
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", "滨江区东湖镇承诺兑现情况") in headings
    assert ("Heading 1", "一、总体情况") in headings
    assert ("Heading 1", "三、承诺明细") in headings
    assert ("Heading 2", "未兑现（3项）") in headings
    assert [name for name, text in headings if text.startswith("1. 确保聚溪路年内竣工")] == ["Heading 3"]
    # the missed group comes before the fulfilled one, as on the page
    order = [text for _name, text in headings]
    assert order.index("未兑现（3项）") < order.index("部分兑现（2项）") < order.index("已兑现（1项）")
    lifts = next(i for i, text in enumerate(order) if text.startswith("4. 年内完成35台加梯任务"))
    assert order.index("部分兑现（2项）") < lifts < order.index("已兑现（1项）")  # each pledge under its group
    header = doc.sections[0].header.paragraphs[0].text
    assert "东湖镇" in header and "2022年7月半年工作报告" in header and "生成于" in header
    assert (
        doc.styles["Normal"].element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        == "宋体"
    )


def test_docx_flags_a_carried_over_pledge(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get(f"/summaries/town/{summary_data.town.pk}/docx?report={summary_data.january.pk}")
    body = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    assert "〔待核查｜未经人工确认｜上次未兑现，再次承诺〕" in body
    assert "上次未兑现，再次承诺：2022年7月半年工作报告曾承诺“年内完成35台加梯任务”，结果为部分兑现" in body
    figures = {row.cells[0].text.strip(): row.cells[1].text for row in Document(io.BytesIO(r.content)).tables[0].rows}
    assert (figures["连续两次承诺"], figures["其中：上次未兑现，再次承诺"], figures["其中：延续性承诺"]) == (
        "1",
        "1",
        "0",
    )


def test_docx_notes_a_continuing_pledge_quietly(client, deputy, summary_data):
    again = summary_data.lifts_again
    again.carried_from = summary_data.jobs
    again.save(update_fields=["carried_from"])
    client.force_login(deputy)
    r = client.get(f"/summaries/town/{summary_data.town.pk}/docx?report={summary_data.january.pk}")
    body = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    assert "延续性承诺：2022年7月半年工作报告曾承诺“新增就业岗位2000个”，结果为已兑现" in body
    assert "〔待核查｜未经人工确认｜延续性承诺〕" in body
    assert "上次未兑现，再次承诺：" not in body


def test_docx_shows_the_deputies_ratings(client, deputy, summary_data):
    rate(summary_data.road, "unsatisfied", "unsatisfied", "satisfied")
    client.force_login(deputy)
    doc = _docx(client, summary_data, report=summary_data.july.pk)
    paragraphs = [p.text for p in doc.paragraphs]
    body = "\n".join(paragraphs)
    road = next(i for i, text in enumerate(paragraphs) if "确保聚溪路年内竣工" in text)
    question = next(i for i, text in enumerate(paragraphs) if text.startswith("询问要点：") and i > road)
    assert "代表评价：满意 1、不满意 2" in paragraphs[road:question]
    assert body.count("代表评价：") == 1  # only the rated pledge has a rating line
    assert "代表评价3条：满意 1、基本满意 0、不满意 2。" in body
    figures = {row.cells[0].text.strip(): row.cells[1].text for row in doc.tables[0].rows}
    assert (figures["代表评价：满意"], figures["代表评价：基本满意"], figures["代表评价：不满意"]) == ("1", "0", "2")


def test_a_bad_period_gives_a_page_with_the_message_not_a_file(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get(f"/summaries/town/{summary_data.town.pk}/docx?year=abc")
    assert r.status_code == 400
    assert r["Content-Type"].startswith("text/html")
    assert "该年度没有到期的承诺" in r.content.decode()


def _xlsx_rows(client, query: str) -> list[list]:
    r = client.get(f"/summaries/pledges.xlsx?{query}")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert ".xlsx" in unquote(r["Content-Disposition"])
    ws = load_workbook(io.BytesIO(r.content)).active
    return [list(row) for row in ws.iter_rows(values_only=True)]


def test_xlsx_holds_the_filtered_pledges_with_evidence_and_questions(client, deputy, summary_data):
    client.force_login(deputy)
    rows = _xlsx_rows(client, f"town={summary_data.town.pk}&status=missed")
    header, data = rows[0], rows[1:]
    assert header[:4] == ["编号", "区县", "镇/街道", "来源报告"]
    col = {name: i for i, name in enumerate(header)}
    assert sorted(r[col["承诺原文"]] for r in data) == sorted(
        ["确保聚溪路年内竣工", "举办首届桃花文化节", "建成东湖菜市场"]
    )
    road = next(r for r in data if r[col["承诺原文"]] == "确保聚溪路年内竣工")
    assert road[col["状态"]] == "未兑现" and road[col["原因"]] == "延期"
    assert road[col["依据引文"]] == "聚溪路因管线搬迁延期至明年竣工"
    assert road[col["询问要点"]].startswith(MISSED_QUESTION)
    assert road[col["人工确认"]] == "是"
    assert road[col["截止日期"]].date().isoformat() == "2022-12-31"


def test_xlsx_keeps_numbers_as_numbers(client, staff_user, summary_data):
    client.force_login(staff_user)
    rows = _xlsx_rows(client, f"town={summary_data.town.pk}&status=partial")
    col = {name: i for i, name in enumerate(rows[0])}
    lifts = next(r for r in rows[1:] if r[col["承诺原文"]] == "年内完成35台加梯任务")
    assert (lifts[col["目标值"]], lifts[col["完成值"]]) == (35, 20)
    assert round(lifts[col["完成比例"]], 2) == 0.57


def test_a_formula_in_a_pledge_stays_text(client, deputy, summary_data):
    p = summary_data.festival
    p.text = '=HYPERLINK("http://example.org","点击")'
    p.save(update_fields=["text"])
    client.force_login(deputy)
    rows = _xlsx_rows(client, f"town={summary_data.town.pk}&status=missed")
    assert p.text in [r[6] for r in rows]
    r = client.get(f"/summaries/pledges.csv?town={summary_data.town.pk}&status=missed")
    text = b"".join(r.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(" in text


def test_csv_opens_in_excel_and_follows_the_filter(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get(f"/summaries/pledges.csv?town={summary_data.town.pk}&status=partial")
    assert r.status_code == 200
    assert r["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(r.streaming_content)
    assert raw.startswith("\ufeff".encode())  # BOM: Excel reads the Chinese right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {row["承诺原文"] for row in rows} == {"年内完成35台加梯任务", "完成湖滨路、杏林路等道路大修"}
    lifts = next(row for row in rows if row["承诺原文"] == "年内完成35台加梯任务")
    assert (lifts["目标值"], lifts["完成值"], lifts["依据引文"]) == ("35", "20", "全年竣工加装电梯20台")


def test_export_of_everything_and_text_search(client, deputy, summary_data):
    client.force_login(deputy)
    rows = _xlsx_rows(client, "")
    assert len(rows) - 1 == 11  # 8 of 东湖镇, 3 of 东湖镇西
    rows = _xlsx_rows(client, "q=菜市场")
    assert [r[6] for r in rows[1:]] == ["建成东湖菜市场"]


def test_a_bad_filter_gets_a_chinese_message(client, deputy, summary_data):
    client.force_login(deputy)
    for url in ("/summaries/pledges.csv?status=bogus", "/summaries/pledges.xlsx?deadline_after=notadate"):
        r = client.get(url)
        assert r.status_code == 400, url
        html = r.content.decode()
        assert "筛选条件有误" in html
    assert "状态" in client.get("/summaries/pledges.csv?status=bogus").content.decode()
