"""A small world of towns, reports, pledges and verdicts for the view and browser tests.

Texts are short phrases of the genre written for these tests (never the seeds' text).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from reports.analysis import lexicon
from reports.models import Part, Passage, Report
from tracker.models import Evidence, Pledge, Town

R1_PARTS = [
    ("header", "", ["东湖镇人民政府工作报告"]),
    ("review", "一、上半年工作回顾", ["上半年，全镇道路修缮顺利推进。"]),
    (
        "plan",
        "二、下半年工作安排",
        [
            "（一）民生保障。确保完成加装电梯20台。年底前建成社区食堂。",
            "（二）稳就业。力争新增就业岗位500个。推进老旧小区综合改造。",
        ],
    ),
]
R2_PARTS = [
    ("header", "", ["东湖镇人民政府工作报告"]),
    (
        "review",
        "一、2021年工作回顾",
        ["民生实事有序推进。全年完成加装电梯12台，社区食堂建成投用。老旧小区改造尚在设计。"],
    ),
    ("plan", "二、2022年工作安排", ["确保新建口袋公园3个。"]),
]
R3_PARTS = [
    ("header", "", ["西山街道办事处工作报告"]),
    ("plan", "二、下半年工作安排", ["确保完成拆除违法建筑2万平方米。年内完成垃圾分类示范小区建设。"]),
]


def make_report(town: Town, kind: str, delivered_on: date, parts_spec, title: str = "") -> Report:
    text, layout = "", []
    for kind_, heading, paragraphs in parts_spec:
        start = len(text)
        if heading:
            text += heading + "\n"
        spans = []
        for para in paragraphs:
            spans.append((len(text), len(text) + len(para)))
            text += para + "\n"
        layout.append((kind_, heading, start, len(text), spans))
    report = Report.objects.create(
        town=town,
        kind=kind,
        delivered_on=delivered_on,
        plan_year=delivered_on.year,
        title=title or f"{town.name}{delivered_on.year}年工作报告",
        source_name=f"{town.name}-{delivered_on}.txt",
        text=text,
        checksum=hashlib.sha256(text.encode()).hexdigest(),
    )
    for order, (kind_, heading, start, end, spans) in enumerate(layout):
        part = Part.objects.create(report=report, kind=kind_, heading=heading, start=start, end=end, order=order)
        for a, b in spans:
            Passage.objects.create(report=report, part=part, start=a, end=b, order=a, text=text[a:b])
    return report


def make_pledge(report: Report, phrase: str, seq: int, **fields) -> Pledge:
    start = report.text.index(phrase)
    passage = report.passages.filter(start__lte=start, end__gt=start).first()
    fields.setdefault("kind", "milestone")
    fields.setdefault("deadline", date(report.plan_year, 12, 31))
    return Pledge.objects.create(
        report=report,
        town=report.town,
        passage=passage,
        start=start,
        end=start + len(phrase),
        sequence=seq,
        text=phrase,
        search_text=lexicon.search_text(phrase),
        section=passage.text.split("。")[0] if passage else "",
        **fields,
    )


def make_evidence(pledge: Pledge, report: Report, quote: str, achieved_value=None, score=0.5) -> Evidence:
    start = report.text.index(quote)
    passage = report.passages.filter(start__lte=start, end__gt=start).first()
    return Evidence.objects.create(
        pledge=pledge,
        report=report,
        passage=passage,
        quote=quote,
        start=start,
        end=start + len(quote),
        achieved_value=achieved_value,
        score=score,
    )


@dataclass
class World:
    donghu: Town
    xishan: Town
    beitang: Town
    r1: Report
    r2: Report
    r3: Report
    lift: Pledge  # partial, machine, low confidence
    canteen: Pledge  # fulfilled, machine, high confidence
    jobs: Pledge  # missed (not reported), machine
    housing: Pledge  # pending
    park: Pledge  # pending, from the annual report
    demolition: Pledge  # fulfilled, confirmed by a person
    sorting: Pledge  # pending


def build_world(staff=None) -> World:
    donghu = Town.objects.create(name="东湖镇", district="临江区")
    xishan = Town.objects.create(name="西山街道", district="临江区", level="街道")
    beitang = Town.objects.create(name="北塘镇", district="云江区")
    r1 = make_report(donghu, "half_year", date(2021, 7, 15), R1_PARTS)
    r2 = make_report(donghu, "annual", date(2022, 1, 10), R2_PARTS)
    r3 = make_report(xishan, "half_year", date(2021, 7, 20), R3_PARTS)

    lift = make_pledge(
        r1,
        "确保完成加装电梯20台",
        0,
        kind="quantitative",
        value=20,
        unit="台",
        value_raw="20",
        comparator=">=",
        strength="firm",
        deadline_text="年底前",
    )
    canteen = make_pledge(r1, "年底前建成社区食堂", 1, deadline_text="年底前")
    jobs = make_pledge(
        r1,
        "力争新增就业岗位500个",
        2,
        kind="quantitative",
        value=500,
        unit="个",
        value_raw="500",
        comparator=">=",
        strength="aspirational",
    )
    housing = make_pledge(r1, "推进老旧小区综合改造", 3)
    park = make_pledge(r2, "确保新建口袋公园3个", 0, kind="quantitative", value=3, unit="个", strength="firm")
    demolition = make_pledge(
        r3,
        "确保完成拆除违法建筑2万平方米",
        0,
        kind="quantitative",
        value=20000,
        unit="平方米",
        value_raw="2万",
        comparator=">=",
        strength="firm",
    )
    sorting = make_pledge(r3, "年内完成垃圾分类示范小区建设", 1)

    lift_ev = make_evidence(lift, r2, "全年完成加装电梯12台", achieved_value=12, score=0.42)
    lift.record_status("partial", reason="shortfall", achieved_value=12, evidence=lift_ev, confidence=0.42)
    canteen_ev = make_evidence(canteen, r2, "社区食堂建成投用", score=0.91)
    canteen.record_status("fulfilled", evidence=canteen_ev, confidence=0.91)
    jobs.record_status("missed", reason="not_reported", confidence=0.6)
    demolition.record_status("fulfilled", achieved_value=20000, confidence=0.8)
    if staff is not None:
        demolition.record_status("fulfilled", achieved_value=20000, actor=staff, note="经核实已完成")
    for p in (lift, canteen, jobs, demolition):
        p.refresh_from_db()
    return World(donghu, xishan, beitang, r1, r2, r3, lift, canteen, jobs, housing, park, demolition, sorting)


def add_pledges(report: Report, n: int, status: str = "missed") -> None:
    """More rows of the same shape, to check that a page's query count does not grow with them."""
    for i in range(n):
        p = Pledge.objects.create(
            report=report,
            town=report.town,
            start=0,
            end=4,
            sequence=100 + i,
            text=f"补充承诺{i}号",
            kind="milestone",
            deadline=date(report.plan_year, 12, 31),
            search_text=f"补充 承诺 {i}",
        )
        p.record_status(status, reason="not_reported" if status == "missed" else "", confidence=0.5)
