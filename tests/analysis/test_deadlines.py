from datetime import date

import pytest

from reports.analysis.deadlines import default_deadline, find_deadlines, resolve


@pytest.mark.parametrize(
    "written, due",
    [
        ("年内", date(2022, 12, 31)),
        ("年底前", date(2022, 12, 31)),
        ("12月底", date(2022, 12, 31)),
        ("9月底前", date(2022, 9, 30)),
        ("8月底", date(2022, 8, 31)),
        ("8月31日前", date(2022, 8, 31)),
        ("明年", date(2023, 12, 31)),
        ("全年", date(2022, 12, 31)),
        ("三季度末", date(2022, 9, 30)),
        ("一季度", date(2022, 3, 31)),
        ("上半年", date(2022, 6, 30)),
        ("明年上半年", date(2023, 6, 30)),
        ("2023年底前", date(2023, 12, 31)),
        ("10月前", date(2022, 9, 30)),
    ],
)
def test_it_resolves_relative_deadlines_against_the_plan_year(written, due):
    assert resolve(written, 2022) == due


def test_a_bare_year_or_point_in_time_is_no_deadline():
    assert resolve("完成2022年农村杆线序化整治任务", 2022) is None
    assert resolve("截至9月1日，累计接种", 2022) is None
    assert resolve("6月以来", 2022) is None


def test_the_first_half_is_history_in_a_half_year_report():
    assert find_deadlines("在上半年签约90个门洞的基础上", 2021, "half_year") == []
    assert find_deadlines("下半年，我们要", 2021, "half_year") == []
    assert [d.text for d in find_deadlines("力争新镇总体规划上半年获批", 2023, "annual")] == ["上半年"]


def test_it_reports_the_deadline_words_as_written_with_offsets():
    (d,) = find_deadlines("确保9月底前完成全程接种", 2021)
    assert (d.text, d.date, d.start, d.end) == ("9月底前", date(2021, 9, 30), 2, 6)


def test_the_default_deadline_is_the_end_of_the_plan_year():
    assert default_deadline(2021, "half_year") == date(2021, 12, 31)
    assert default_deadline(2023, "annual") == date(2023, 12, 31)


def test_a_bare_month_that_dates_a_task_is_due_at_its_end():
    assert [(d.text, d.date) for d in find_deadlines("11月举办首届桂花节", 2023)] == [("11月", date(2023, 11, 30))]
    assert [d.date for d in find_deadlines("镇文化站10月投入使用", 2023)] == [date(2023, 10, 31)]


def test_a_month_that_opens_a_span_or_closes_a_count_is_no_deadline():
    assert find_deadlines("8月以来累计接待游客", 2023, "annual") == []
    assert find_deadlines("截至8月，完成", 2023, "annual") == []
    assert [d.text for d in find_deadlines("8月至10月开展专项整治", 2023)] == ["10月"]


def test_a_holiday_deadline_is_the_day_before_it():
    assert resolve("国庆节前", 2023) == date(2023, 9, 30)
    assert [d.date for d in find_deadlines("明年春节前完成改造", 2023)] == [date(2024, 2, 9)]
    # in a half-year plan the coming Spring Festival is next year's
    assert [d.date for d in find_deadlines("春节前投入使用", 2024, "half_year")] == [date(2025, 1, 28)]
    assert [d.date for d in find_deadlines("春节前投入使用", 2024, "annual")] == [date(2024, 2, 9)]


def test_full_width_digits_in_a_deadline():
    (d,) = find_deadlines("确保１０月底前完工", 2023)
    assert (d.text, d.date) == ("１０月底前", date(2023, 10, 31))
