"""Headline figures, drafted questions and the SVG chart of a summary."""

from __future__ import annotations

from xml.etree import ElementTree

from summaries_fixtures import rate

from summaries.charts import status_by_section_svg
from summaries.figures import SectionCounts, figures_for
from summaries.questions import draft_question, format_quantity, report_label
from summaries.summary import Period, build_summary
from tracker.models import Pledge, Reason, Status


def test_figures_split_misses_and_count_firm_pledges_apart(summary_data):
    f = figures_for(Pledge.objects.filter(report=summary_data.july))
    assert (f.total, f.fulfilled, f.partial, f.missed, f.pending) == (7, 1, 2, 3, 1)
    assert (f.missed_stated, f.missed_cancelled, f.missed_not_reported) == (1, 1, 1)
    assert (f.firm, f.firm_missed, f.firm_partial) == (2, 1, 1)
    assert f.fulfilment_rate == 1 / 6
    assert f.unconfirmed == 6  # the road verdict was confirmed by staff
    assert f.carried_over == 0


def test_figures_count_carried_over_pledges(summary_data):
    f = figures_for(Pledge.objects.filter(report=summary_data.january))
    assert (f.total, f.pending, f.carried_over, f.fulfilment_rate) == (1, 1, 1, None)


def test_figures_per_section_keep_report_order(summary_data):
    f = figures_for(Pledge.objects.filter(report=summary_data.july))
    assert [s.section for s in f.by_section] == ["城市更新", "城市建设", "民生保障", "文化旅游"]
    building = f.by_section[1]
    assert (building.missed, building.partial, building.pending, building.total) == (1, 1, 1, 3)


def test_figures_of_nothing_are_zero(db):
    f = figures_for(Pledge.objects.none())
    assert f.total == 0 and f.fulfilment_rate is None and f.by_section == []
    assert "兑现率—" in f.headline()


def test_a_shortfall_question_quotes_target_and_achieved_figure(summary_data):
    assert draft_question(summary_data.lifts) == (
        "2022年7月半年工作报告承诺年内完成35台加梯任务，2023年1月年度工作报告显示竣工20台，为目标的57%，"
        "请说明未完成原因及后续安排。该项为“确保”类承诺，请一并说明责任落实情况。"
    )


def test_questions_vary_with_the_reason(summary_data):
    d = summary_data
    assert "请说明延期原因、目前进度及调整后的完成时限" in draft_question(d.road)
    assert "“聚溪路因管线搬迁延期至明年竣工”" in draft_question(d.road)
    assert "此后的工作报告未提及该项进展，请说明完成情况" in draft_question(d.festival)
    assert "显示该事项已取消" in draft_question(d.market)
    assert "请说明取消的原因、决策过程及替代安排" in draft_question(d.market)
    partial = draft_question(d.roads_repair)
    assert "显示“完成湖滨路大修”" in partial and "请说明尚未完成部分的进度安排及完成时限" in partial


def test_fulfilled_and_pending_pledges_get_no_question(summary_data):
    assert draft_question(summary_data.jobs) is None
    assert draft_question(summary_data.design) is None


def test_a_carried_over_miss_asks_why_it_was_promised_twice(summary_data):
    again = summary_data.lifts_again
    again.record_status(Status.MISSED, reason=Reason.NOT_REPORTED)
    question = draft_question(again)
    assert question.startswith("2023年1月年度工作报告承诺确保完成40台加装电梯，")
    assert (
        "此前2022年7月半年工作报告已作同一承诺，结果为部分兑现，此次再次承诺仍未完成，请说明连续两次承诺仍未兑现的原因。"
        in question
    )


def test_a_missed_continuing_pledge_does_not_ask_why_it_was_promised_twice(summary_data):
    again = summary_data.lifts_again
    again.carried_from = summary_data.jobs
    again.save(update_fields=["carried_from"])
    again.record_status(Status.MISSED, reason=Reason.NOT_REPORTED)
    question = draft_question(again)
    assert question.startswith("2023年1月年度工作报告承诺确保完成40台加装电梯，")
    assert "此前" not in question and "连续两次" not in question


def test_figures_split_carried_over_pledges_by_the_earlier_outcome(summary_data):
    f = figures_for(Pledge.objects.filter(report=summary_data.january))
    assert (f.carried_over, f.carried_unfulfilled, f.carried_continuing) == (1, 1, 0)
    again = summary_data.lifts_again
    again.carried_from = summary_data.jobs
    again.save(update_fields=["carried_from"])
    f = figures_for(Pledge.objects.filter(report=summary_data.january))
    assert (f.carried_over, f.carried_unfulfilled, f.carried_continuing) == (1, 0, 1)
    assert "连续两次承诺1项（其中上次未兑现、再次承诺0项，延续性承诺1项）。" in f.headline()


def test_figures_total_the_deputies_ratings_of_the_period(summary_data):
    rate(summary_data.road, "unsatisfied", "mostly", "")
    rate(summary_data.lifts_again, "satisfied")
    f = figures_for(Pledge.objects.filter(report=summary_data.july))
    assert f.ratings == {"satisfied": 0, "mostly": 1, "unsatisfied": 1}
    assert f.rated == 2
    assert "代表评价2条：满意 0、基本满意 1、不满意 1。" in f.headline()


def test_the_deadline_words_join_the_promise_when_the_quote_lacks_them(summary_data):
    p = summary_data.festival
    p.deadline_text = "9月底前"
    assert draft_question(p).startswith("2022年7月半年工作报告承诺9月底前举办首届桃花文化节，")


def test_quantities_read_as_written():
    assert format_quantity(35.0, "台") == "35台"
    assert format_quantity(20000.0, "平方米") == "2万平方米"
    assert format_quantity(270000000.0, "美元") == "2.7亿美元"
    assert format_quantity(91.25, "%") == "91.25%"
    assert format_quantity(None, "台") == ""


def test_report_label_names_month_and_kind(summary_data):
    assert report_label(summary_data.july) == "2022年7月半年工作报告"
    assert report_label(summary_data.january) == "2023年1月年度工作报告"


def test_the_chart_is_valid_svg_with_escaped_labels():
    svg = str(
        status_by_section_svg(
            [
                SectionCounts("城市建设", fulfilled=2, missed=1),
                SectionCounts('<b>"民生"</b> & 保障', partial=3, pending=1),
            ]
        )
    )
    root = ElementTree.fromstring(svg)  # well-formed XML
    texts = "".join(root.itertext())
    assert '<b>"民生"</b> & 保障' in texts
    assert "<b>" not in svg
    rects = root.findall("{http://www.w3.org/2000/svg}g/{http://www.w3.org/2000/svg}rect")
    assert len(rects) == 4  # one per non-empty status segment


def test_the_chart_of_nothing_says_so():
    assert "暂无承诺" in str(status_by_section_svg([]))


def test_the_summary_groups_missed_first_and_numbers_the_pledges(summary_data):
    summary = build_summary(summary_data.town, Period(report=summary_data.july))
    assert [g.status for g in summary.groups] == ["missed", "partial", "fulfilled", "pending"]
    assert [r.number for r in summary.rows] == list(range(1, 8))
    assert summary.rows[0].pledge == summary_data.road
