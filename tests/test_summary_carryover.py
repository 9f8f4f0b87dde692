"""link_carry_overs: pledges of a new report linked to the earlier pledges they promise again."""

from __future__ import annotations

from datetime import date

from summaries_fixtures import _pledge, _report

from reports.models import ReportKind
from tracker.carryover import link_carry_overs
from tracker.models import Pledge, PledgeKind, Town


def test_it_links_a_restated_pledge_to_its_earlier_self(summary_data):
    again = summary_data.lifts_again
    again.carried_from = None
    again.save(update_fields=["carried_from"])
    new_market = _pledge(summary_data.january, 2, "年内建成东湖菜市场")
    unrelated = _pledge(summary_data.january, 3, "新建3座公共厕所", kind=PledgeKind.QUANTITATIVE, value=3, unit="座")

    assert link_carry_overs(summary_data.january) == 2

    again.refresh_from_db()
    new_market.refresh_from_db()
    unrelated.refresh_from_db()
    assert again.carried_from == summary_data.lifts
    assert new_market.carried_from == summary_data.market
    assert unrelated.carried_from is None


def test_it_is_idempotent_and_clears_a_link_that_no_longer_holds(summary_data):
    link_carry_overs(summary_data.january)
    assert link_carry_overs(summary_data.january) == 1
    again = summary_data.lifts_again
    again.text = "新建3座公共厕所"
    again.unit = "座"
    again.save(update_fields=["text", "unit"])
    assert link_carry_overs(summary_data.january) == 0
    again.refresh_from_db()
    assert again.carried_from is None


def test_it_looks_only_at_earlier_reports_of_the_same_town(summary_data):
    other = Town.objects.create(name="北湾镇", district="滨江区")
    their_report = _report(other, ReportKind.ANNUAL, date(2023, 1, 11), 2023, "北湾镇工作安排。")
    theirs = _pledge(their_report, 1, "确保完成40台加装电梯", kind=PledgeKind.QUANTITATIVE, value=40, unit="台")
    assert link_carry_overs(their_report) == 0
    # the July report has nothing earlier: its pledges link to nothing
    assert link_carry_overs(summary_data.july) == 0
    assert not Pledge.objects.filter(report=summary_data.july, carried_from__isnull=False).exists()
    theirs.refresh_from_db()
    assert theirs.carried_from is None


def test_a_report_without_pledges_links_nothing(summary_data):
    empty = _report(summary_data.town, ReportKind.HALF_YEAR, date(2023, 7, 10), 2023, "空报告。")
    assert link_carry_overs(empty) == 0
