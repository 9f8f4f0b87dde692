"""History rules of the matcher on a real database: person beats machine, idempotent re-runs,
pending before the deadline, the machine's opinion kept beside a person's decision."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from reports.models import Report, ReportKind
from tracker.matcher import match_report, match_town
from tracker.models import Evidence, Pledge, StatusChange, Town

pytestmark = pytest.mark.django_db

PLEDGE_REPORT = """七宝镇2021年上半年政府工作报告

一、上半年工作回顾

上半年签约加装电梯20台。

二、下半年工作安排

年内完成加装电梯35台。9月底前建成社区食堂2家。完成东一地块开发主体变更。
"""

ANNUAL_REPORT = """七宝镇2022年政府工作报告

一、2021年工作回顾

（一）城市建设

既有多层住宅加装电梯全年签约52台、开工41台、竣工36台。两家社区食堂于11月建成运营。

二、2022年工作安排

年内完成加装电梯40台，完成东一地块开发主体变更。
"""

HALF_YEAR_REPORT = """七宝镇2022年上半年政府工作报告

一、上半年工作回顾

上半年新增就业岗位1800个。

二、下半年工作安排

年内完成加装电梯40台。
"""


def _report(town, text, delivered_on, kind, plan_year, name):
    return Report.objects.create(
        town=town,
        kind=kind,
        delivered_on=delivered_on,
        plan_year=plan_year,
        source_name=name,
        text=text,
        checksum=name,
    )


def _pledge(report, quote, kind, deadline, value=None, unit="", comparator="", seq=0):
    start = report.text.index(quote)
    return Pledge.objects.create(
        report=report,
        town=report.town,
        start=start,
        end=start + len(quote),
        sequence=seq,
        text=quote,
        kind=kind,
        value=value,
        unit=unit,
        comparator=comparator,
        deadline=deadline,
    )


@pytest.fixture
def town():
    return Town.objects.create(name="七宝镇", district="闵行区")


@pytest.fixture
def earlier(town):
    return _report(town, PLEDGE_REPORT, date(2021, 7, 20), ReportKind.HALF_YEAR, 2021, "qibao-2021-07.txt")


@pytest.fixture
def lift(earlier):
    return _pledge(earlier, "年内完成加装电梯35台", "quantitative", date(2021, 12, 31), 35, "台", ">=")


@pytest.fixture
def canteens(earlier):
    return _pledge(earlier, "9月底前建成社区食堂2家", "quantitative", date(2021, 9, 30), 2, "家", ">=", seq=1)


@pytest.fixture
def plot(earlier):
    return _pledge(earlier, "完成东一地块开发主体变更", "milestone", date(2021, 12, 31), seq=2)


@pytest.fixture
def annual(town):
    return _report(town, ANNUAL_REPORT, date(2022, 1, 11), ReportKind.ANNUAL, 2022, "qibao-2022-01.txt")


def test_machine_verdict_is_recorded_with_its_evidence(lift, annual):
    match_town(lift.town)
    lift.refresh_from_db()
    assert (lift.status, lift.achieved_value, lift.confirmed) == ("fulfilled", 36, False)
    assert "竣工36台" in lift.evidence.quote
    assert lift.evidence.report == annual
    assert annual.text[lift.evidence.start : lift.evidence.end] == lift.evidence.quote
    (change,) = lift.history.all()
    assert (change.old_status, change.new_status, change.actor, change.applied) == ("pending", "fulfilled", None, True)


def test_plan_part_of_the_later_report_is_never_evidence(plot, annual):
    match_town(plot.town)
    plot.refresh_from_db()
    # "完成东一地块开发主体变更" stands only in the 2022 plan: a new pledge, not evidence
    assert (plot.status, plot.status_reason, plot.achieved_value, plot.evidence) == (
        "missed",
        "not_reported",
        None,
        None,
    )


def test_rerun_is_idempotent(lift, plot, annual):
    first = match_town(lift.town)
    second = match_town(lift.town)
    assert first.recorded == 2
    assert second.recorded == 0
    assert StatusChange.objects.count() == 2
    assert Evidence.objects.count() == 1


def test_person_beats_machine_and_machine_opinion_is_kept_beside(lift, annual, staff_user):
    lift.record_status("partial", reason="shortfall", achieved_value=30, actor=staff_user, note="核实为30台")
    match_town(lift.town)
    lift.refresh_from_db()
    assert (lift.status, lift.achieved_value, lift.confirmed) == ("partial", 30, True)
    machine = lift.history.filter(actor__isnull=True).get()
    assert (machine.new_status, machine.achieved_value, machine.applied) == ("fulfilled", 36, False)
    match_town(lift.town)
    assert lift.history.count() == 2  # the same machine opinion is not recorded twice


def test_pledge_stays_pending_before_a_report_covers_its_deadline(town, lift):
    half = _report(
        town, HALF_YEAR_REPORT.replace("2022", "2021"), date(2021, 8, 1), ReportKind.HALF_YEAR, 2021, "h.txt"
    )
    # delivered after the pledge but its review ends 06-30, before the deadline
    lift.report.delivered_on = date(2021, 7, 1)
    lift.report.save(update_fields=["delivered_on"])
    summary = match_report(half)
    lift.refresh_from_db()
    assert lift.status == "pending"
    assert summary.counts["pending"] == 1


def test_later_covering_report_decides_over_an_earlier_one(town, lift, annual):
    _report(town, HALF_YEAR_REPORT, date(2022, 7, 20), ReportKind.HALF_YEAR, 2022, "qibao-2022-07.txt")
    match_town(town)
    lift.refresh_from_db()
    # the 2022 half-year report covers 2021-12-31 too but says nothing of the lifts: the annual
    # report's evidence of progress stands instead of "not reported"
    assert lift.status == "fulfilled"
    assert lift.evidence.report == annual


def test_met_after_the_deadline_is_recorded_as_late(canteens, annual):
    match_town(canteens.town)
    canteens.refresh_from_db()
    assert (canteens.status, canteens.achieved_value) == ("fulfilled", 2)
    assert canteens.fulfilled_late is True


def test_match_command_prints_a_chinese_summary(lift, annual, capsys):
    call_command("match", town="七宝镇")
    out = capsys.readouterr().out
    assert "已兑现 1 条" in out
    assert "新增状态记录 1 条" in out


def test_match_command_rejects_an_unknown_town(db):
    with pytest.raises(CommandError, match="未找到镇/街道“不存在镇”"):
        call_command("match", town="不存在镇")
