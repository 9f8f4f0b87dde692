"""A small town with pledges of every status, for the summary tests (short texts of our own).

Import the fixture into a test module: `from summaries_fixtures import summary_data  # noqa: F401`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from reports.models import Report, ReportKind
from tracker.models import Comment, Evidence, Pledge, PledgeKind, Reason, Status, Strength, Town

HALF_YEAR_TEXT = "东湖镇2022年上半年工作情况和下半年工作安排。"
ANNUAL_TEXT = "东湖镇2022年工作回顾和2023年工作安排。全年竣工加装电梯20台。"


@dataclass
class SummaryData:
    town: Town
    other_town: Town
    july: Report
    january: Report
    lifts: Pledge  # partial, shortfall, firm, machine verdict
    road: Pledge  # missed, delayed, firm, confirmed
    jobs: Pledge  # fulfilled
    festival: Pledge  # missed, not reported
    market: Pledge  # missed, cancelled
    roads_repair: Pledge  # partial milestone
    design: Pledge  # pending
    lifts_again: Pledge  # the lifts promised again in January


def _report(town: Town, kind: str, delivered: date, plan_year: int, text: str) -> Report:
    return Report.objects.create(
        town=town,
        kind=kind,
        delivered_on=delivered,
        plan_year=plan_year,
        title=f"{town.name}{delivered.year}年工作报告",
        source_name=f"{town.name}-{delivered}.txt",
        text=text,
        checksum=hashlib.sha256(f"{town.pk}{delivered}{text}".encode()).hexdigest(),
    )


def _pledge(report: Report, seq: int, text: str, **fields) -> Pledge:
    defaults = {
        "kind": PledgeKind.MILESTONE,
        "deadline": date(report.plan_year, 12, 31),
        "section": "城市建设",
    }
    defaults.update(fields)
    return Pledge.objects.create(
        report=report, town=report.town, start=seq * 10, end=seq * 10 + len(text), sequence=seq, text=text, **defaults
    )


def _verdict(pledge: Pledge, report: Report, status: str, quote: str | None, **fields) -> Pledge:
    evidence = None
    if quote:
        evidence = Evidence.objects.create(
            pledge=pledge, report=report, quote=quote, achieved_value=fields.get("achieved_value")
        )
    pledge.record_status(status, evidence=evidence, confidence=0.8, **fields)
    return pledge


def rate(pledge: Pledge, *ratings: str, text: str = "已到现场查看") -> None:
    """Deputies' comments on a pledge, one deputy per rating ("" for a comment without one)."""
    users = get_user_model().objects
    for rating in ratings:
        author = users.create_user(f"rater{users.count()}", password="x")
        Comment.objects.create(pledge=pledge, author=author, text=text, rating=rating)


def make_summary_data(prefix: str = "东湖镇", district: str = "滨江区") -> SummaryData:
    town = Town.objects.create(name=prefix, district=district)
    other = Town.objects.create(name=f"{prefix}西", district=district)
    july = _report(town, ReportKind.HALF_YEAR, date(2022, 7, 12), 2022, HALF_YEAR_TEXT)
    january = _report(town, ReportKind.ANNUAL, date(2023, 1, 10), 2023, ANNUAL_TEXT)

    lifts = _pledge(
        july,
        1,
        "年内完成35台加梯任务",
        kind=PledgeKind.QUANTITATIVE,
        value=35,
        unit="台",
        value_raw="35台",
        comparator=">=",
        deadline_text="年内",
        strength=Strength.FIRM,
        section="城市更新",
    )
    _verdict(lifts, january, Status.PARTIAL, "全年竣工加装电梯20台", reason=Reason.SHORTFALL, achieved_value=20)
    road = _pledge(july, 2, "确保聚溪路年内竣工", strength=Strength.FIRM, deadline_text="年内")
    _verdict(road, january, Status.MISSED, "聚溪路因管线搬迁延期至明年竣工", reason=Reason.DELAYED, achieved_value=0)
    jobs = _pledge(
        july,
        3,
        "新增就业岗位2000个",
        kind=PledgeKind.QUANTITATIVE,
        value=2000,
        unit="个",
        value_raw="2000个",
        comparator=">=",
        section="民生保障",
    )
    _verdict(jobs, january, Status.FULFILLED, "新增就业岗位2300个", achieved_value=2300)
    festival = _pledge(july, 4, "举办首届桃花文化节", section="文化旅游")
    _verdict(festival, january, Status.MISSED, None, reason=Reason.NOT_REPORTED)
    market = _pledge(july, 5, "建成东湖菜市场", section="民生保障")
    _verdict(market, january, Status.MISSED, "东湖菜市场项目经评估后取消", reason=Reason.CANCELLED, achieved_value=0)
    roads_repair = _pledge(july, 6, "完成湖滨路、杏林路等道路大修")
    _verdict(roads_repair, january, Status.PARTIAL, "完成湖滨路大修", reason=Reason.SHORTFALL)
    design = _pledge(july, 7, "启动七灶村村庄设计", deadline=date(2023, 6, 30), deadline_text="明年6月底前")

    lifts_again = _pledge(
        january,
        1,
        "确保完成40台加装电梯",
        kind=PledgeKind.QUANTITATIVE,
        value=40,
        unit="台",
        value_raw="40台",
        comparator=">=",
        strength=Strength.FIRM,
        section="城市更新",
    )
    lifts_again.carried_from = lifts
    lifts_again.save(update_fields=["carried_from"])

    # Another town of the district, all fulfilled, for the comparison.
    their_july = _report(other, ReportKind.HALF_YEAR, date(2022, 7, 14), 2022, "西镇下半年安排。")
    their_jan = _report(other, ReportKind.ANNUAL, date(2023, 1, 12), 2023, "西镇工作回顾。")
    for i in range(3):
        p = _pledge(their_july, i + 1, f"建成西镇第{i + 1}号口袋公园")
        _verdict(p, their_jan, Status.FULFILLED, f"建成第{i + 1}号口袋公园")

    return SummaryData(
        town=town,
        other_town=other,
        july=july,
        january=january,
        lifts=lifts,
        road=road,
        jobs=jobs,
        festival=festival,
        market=market,
        roads_repair=roads_repair,
        design=design,
        lifts_again=lifts_again,
    )


@pytest.fixture
def summary_data(db, staff_user) -> SummaryData:
    data = make_summary_data()
    data.road.confirm(actor=staff_user, note="核实属实")
    data.road.refresh_from_db()
    return data
