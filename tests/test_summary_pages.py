"""The town summary, its print page and the district comparison, as a deputy sees them."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from summaries_fixtures import make_summary_data, rate

from tracker.models import Pledge


def _url(data, suffix="", **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/summaries/town/{data.town.pk}/{suffix}" + (f"?{query}" if query else "")


def _text(html: bytes) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_login_is_required(client, summary_data):
    r = client.get(_url(summary_data))
    assert r.status_code == 302
    assert r["Location"].startswith("/accounts/login/")


def test_user_without_role_is_refused(client, outsider, summary_data):
    client.force_login(outsider)
    for url in (
        _url(summary_data),
        _url(summary_data, "print/"),
        _url(summary_data, "docx"),
        "/summaries/district/?district=滨江区",
        "/summaries/pledges.csv",
        "/summaries/pledges.xlsx",
    ):
        r = client.get(url)
        assert r.status_code == 403, url
        assert "东湖镇" not in r.content.decode()


def test_deputy_sees_figures_chart_and_missed_pledges_first(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get(_url(summary_data, report=summary_data.july.pk))
    assert r.status_code == 200
    html = r.content.decode()
    text = _text(r.content)
    assert "东湖镇承诺兑现情况" in text
    assert "2022年7月半年工作报告（2022-07-12）所作承诺" in text
    assert (
        "共7项承诺：已兑现1项，部分兑现2项，未兑现3项（其中报告称未完成或延期1项、已取消1项、后续报告未提及1项），待核查1项；兑现率17%"
        in text
    )
    assert "“确保”类承诺2项，其中未兑现1项、部分兑现1项" in text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in html
    # groups in the order a deputy asks about them
    positions = [html.index(f'group-{s}"') for s in ("missed", "partial", "fulfilled", "pending")]
    assert positions == sorted(positions)
    # a partial pledge: target, achieved, ratio, deadline, strength, evidence with its report and date
    card = BeautifulSoup(html, "html.parser").find(id=f"pledge-{summary_data.lifts.pk}")
    card_text = " ".join(card.get_text(" ").split())
    for expected in (
        "35台",
        "20台",
        "57%",
        "2022-12-31（年内）",
        "确保",
        "全年竣工加装电梯20台",
        "2023年1月年度工作报告，2023-01-10",
        "未经人工确认",
    ):
        assert expected in card_text, expected
    assert "询问要点" in card_text and "显示竣工20台，为目标的57%，请说明未完成原因及后续安排。" in card_text


def test_only_missed_and_partial_pledges_get_a_question(client, deputy, summary_data):
    client.force_login(deputy)
    soup = BeautifulSoup(client.get(_url(summary_data, report=summary_data.july.pk)).content, "html.parser")
    with_question = {int(c["id"].split("-")[1]) for c in soup.select(".pledge-card") if c.select_one(".question")}
    d = summary_data
    assert with_question == {d.lifts.pk, d.road.pk, d.festival.pk, d.market.pk, d.roads_repair.pk}


def test_a_confirmed_pledge_is_not_marked_unconfirmed(client, deputy, summary_data):
    client.force_login(deputy)
    soup = BeautifulSoup(client.get(_url(summary_data, report=summary_data.july.pk)).content, "html.parser")
    assert "未经人工确认" not in soup.find(id=f"pledge-{summary_data.road.pk}").get_text()
    assert "未经人工确认" in soup.find(id=f"pledge-{summary_data.festival.pk}").get_text()


def test_a_pledge_promised_again_is_flagged(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get(_url(summary_data, report=summary_data.january.pk))
    card = BeautifulSoup(r.content, "html.parser").find(id=f"pledge-{summary_data.lifts_again.pk}")
    text = card.get_text()
    # the lifts were only partly done in 2022: promised again, flagged loudly
    assert "上次未兑现，再次承诺" in text
    assert "2022年7月半年工作报告曾承诺“年内完成35台加梯任务”，结果为部分兑现" in text
    assert "延续性承诺" not in text
    assert card.find("span", class_="carried").get_text() == "上次未兑现，再次承诺"


def test_a_pledge_promised_again_after_being_fulfilled_is_a_quiet_continuing_task(client, deputy, summary_data):
    again = summary_data.lifts_again
    again.carried_from = summary_data.jobs
    again.save(update_fields=["carried_from"])
    client.force_login(deputy)
    r = client.get(_url(summary_data, report=summary_data.january.pk))
    card = BeautifulSoup(r.content, "html.parser").find(id=f"pledge-{again.pk}")
    text = card.get_text()
    assert "延续性承诺：2022年7月半年工作报告曾承诺“新增就业岗位2000个”，结果为已兑现" in text
    assert "上次未兑现" not in text
    assert card.find("span", class_="carried") is None
    assert "连续两次承诺1项（其中上次未兑现、再次承诺0项，延续性承诺1项）" in _text(r.content)


def test_the_figures_split_carried_over_pledges_by_the_earlier_outcome(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get(_url(summary_data, report=summary_data.january.pk))
    page = _text(r.content)
    assert "连续两次承诺1项（其中上次未兑现、再次承诺1项，延续性承诺0项）" in page
    soup = BeautifulSoup(r.content, "html.parser")
    figures = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in soup.select(".figure-list div")}
    assert figures["其中：上次未兑现，再次承诺"] == "1"
    assert figures["其中：延续性承诺"] == "0"


def test_deputies_ratings_show_on_each_pledge_and_in_the_figures(client, deputy, summary_data):
    rate(summary_data.road, "unsatisfied", "unsatisfied", "satisfied")
    rate(summary_data.jobs, "mostly", "")  # a comment without a rating counts for nothing
    rate(summary_data.lifts_again, "satisfied")  # another period's pledge
    client.force_login(deputy)
    r = client.get(_url(summary_data, report=summary_data.july.pk))
    soup = BeautifulSoup(r.content, "html.parser")
    assert (
        soup.find(id=f"pledge-{summary_data.road.pk}").find(class_="ratings").get_text() == "代表评价：满意 1、不满意 2"
    )
    assert soup.find(id=f"pledge-{summary_data.jobs.pk}").find(class_="ratings").get_text() == "代表评价：基本满意 1"
    assert "代表评价" not in soup.find(id=f"pledge-{summary_data.festival.pk}").get_text()
    headline = soup.find(class_="headline").get_text()
    assert "代表评价4条：满意 1、基本满意 1、不满意 2。" in headline
    figures = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in soup.select(".figure-list div")}
    assert (figures["代表评价：满意"], figures["代表评价：基本满意"], figures["代表评价：不满意"]) == ("1", "1", "2")


def test_a_period_without_ratings_says_nothing_of_them_in_the_headline(client, deputy, summary_data):
    client.force_login(deputy)
    soup = BeautifulSoup(client.get(_url(summary_data, report=summary_data.july.pk)).content, "html.parser")
    assert "代表评价" not in soup.find(class_="headline").get_text()
    assert soup.find(class_="ratings") is None


def test_a_year_shows_the_pledges_due_in_it(client, staff_user, summary_data):
    client.force_login(staff_user)
    r = client.get(_url(summary_data, year=2023))
    assert "2023年到期的承诺" in _text(r.content)
    cards = {c["id"] for c in BeautifulSoup(r.content, "html.parser").select(".pledge-card")}
    assert cards == {f"pledge-{summary_data.design.pk}", f"pledge-{summary_data.lifts_again.pk}"}


def test_without_a_period_it_shows_the_latest_report_a_later_report_has_settled(client, deputy, summary_data):
    client.force_login(deputy)
    text = _text(client.get(_url(summary_data)).content)
    # the annual report's own pledges are all still pending; the half-year report's are settled
    assert "2022年7月半年工作报告（2022-07-12）所作承诺" in text
    assert "2023年1月年度工作报告（2023-01-10）所作承诺" not in text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc"}, "该年度没有到期的承诺，请从列表中选择年度。"),
        ({"year": "1990"}, "该年度没有到期的承诺，请从列表中选择年度。"),
        ({"report": "999999"}, "所选报告不属于该镇/街道或其中没有承诺，请从列表中重新选择。"),
    ],
)
def test_a_bad_period_gets_a_chinese_message(client, deputy, summary_data, params, message):
    client.force_login(deputy)
    r = client.get(_url(summary_data, **params))
    assert r.status_code == 400
    assert message in r.content.decode()
    assert "承诺明细" not in r.content.decode()


def test_another_towns_report_is_refused_as_period(client, deputy, summary_data):
    client.force_login(deputy)
    their_report = summary_data.other_town.reports.first()
    r = client.get(_url(summary_data, report=their_report.pk))
    assert r.status_code == 400
    assert "所选报告不属于该镇/街道" in r.content.decode()


def test_choosing_both_a_report_and_a_year_is_refused_and_keeps_the_choice(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get(_url(summary_data, report=summary_data.july.pk, year=2022))
    html = r.content.decode()
    assert r.status_code == 400
    assert "请只选择一项：按报告，或按到期年度。" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#id_year option[selected]")["value"] == "2022"
    assert soup.select_one("#id_report option[selected]")["value"] == str(summary_data.july.pk)


def _summary_article_text(html: bytes) -> str:
    article = BeautifulSoup(html, "html.parser").select_one("article.summary")
    text = " ".join(article.get_text(" ").split())
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "<time>", text)


def test_print_page_contains_what_the_screen_has(client, deputy, summary_data):
    client.force_login(deputy)
    for period in ({"report": summary_data.july.pk}, {"year": 2023}):
        screen = client.get(_url(summary_data, **period))
        paper = client.get(_url(summary_data, "print/", **period))
        assert paper.status_code == 200
        assert _summary_article_text(paper.content) == _summary_article_text(screen.content)
        for p in Pledge.objects.filter(pk__in=[summary_data.lifts.pk, summary_data.design.pk]):
            if (period.get("year") == 2023) == (p == summary_data.design):
                assert p.text in paper.content.decode()


def test_print_page_has_a4_stylesheet_running_header_and_no_navigation(client, deputy, summary_data):
    client.force_login(deputy)
    html = client.get(_url(summary_data, "print/", report=summary_data.july.pk)).content.decode()
    assert "css/print.css" in html
    assert "@top-center" in html and "counter(page)" in html
    # town, period and time sit in the running header, hex-escaped for CSS
    assert "东湖镇" in html.split("@top-center")[1].split(";")[0]
    assert 'class="main-nav"' not in html


def test_header_text_cannot_break_out_of_the_style_block(client, deputy, summary_data):
    town = summary_data.town
    town.name = "</style><script>alert(1)</script>"
    town.save(update_fields=["name"])
    client.force_login(deputy)
    html = client.get(_url(summary_data, "print/", report=summary_data.july.pk)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;/style&gt;&lt;script&gt;" in html  # shown as text in the page body


def test_chart_shows_section_names_as_text(client, deputy, summary_data):
    summary_data.jobs.section = '<img src=x onerror="alert(1)">民生'
    summary_data.jobs.save(update_fields=["section"])
    client.force_login(deputy)
    html = client.get(_url(summary_data, report=summary_data.july.pk)).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;民生" in html


def test_summary_query_count_does_not_grow_with_pledges(client, deputy, summary_data, django_assert_max_num_queries):
    client.force_login(deputy)
    url = _url(summary_data, report=summary_data.july.pk)
    with django_assert_max_num_queries(12) as before:
        client.get(url)
    for i in range(30):
        p = Pledge.objects.create(
            report=summary_data.july,
            town=summary_data.town,
            start=0,
            end=5,
            sequence=100 + i,
            text=f"新建第{i}号口袋公园",
            kind="milestone",
            deadline=summary_data.lifts.deadline,
            carried_from=summary_data.jobs if i == 0 else None,
        )
        p.record_status("missed", reason="not_reported")
        if i % 3 == 0:
            rate(p, "unsatisfied")
    with django_assert_max_num_queries(len(before.captured_queries)):
        r = client.get(url)
    assert "新建第29号口袋公园" in r.content.decode()
    assert "代表评价：不满意 1" in r.content.decode()


def test_district_comparison_shows_rates_firm_misses_and_not_reported(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get("/summaries/district/?district=滨江区")
    assert r.status_code == 200
    soup = BeautifulSoup(r.content, "html.parser")
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in soup.select("table.comparison tbody tr")]
    # default: highest fulfilment rate first
    assert rows[0][:3] == ["东湖镇西", "3", "100%"]
    # 东湖镇: 8 pledges; 1 of 6 decided fulfilled; firm missed 1 (聚溪路); not reported 1
    assert rows[1] == ["东湖镇", "8", "17%", "3", "1", "1", "2", "2"]


def test_district_comparison_sorts_by_any_column(client, deputy, summary_data):
    client.force_login(deputy)
    html = client.get("/summaries/district/?district=滨江区&sort=rate").content.decode()
    body = html.split("<tbody>")[1]
    assert body.index("东湖镇<") < body.index("东湖镇西<")
    html = client.get("/summaries/district/?district=滨江区&sort=-firm_missed").content.decode()
    body = html.split("<tbody>")[1]
    assert body.index("东湖镇<") < body.index("东湖镇西<")
    # the header link toggles the direction of the current column
    assert "sort=firm_missed" in html.split("<tbody>")[0]


def test_district_comparison_filters_by_year(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get("/summaries/district/?district=滨江区&year=2023")
    rows = [
        [td.get_text(strip=True) for td in tr.select("td")]
        for tr in BeautifulSoup(r.content, "html.parser").select("table.comparison tbody tr")
    ]
    # nothing decided in 2023: no rate, towns by name
    assert rows == [["东湖镇", "2", "—", "0", "0", "0", "0", "2"], ["东湖镇西", "0", "—", "0", "0", "0", "0", "0"]]


def test_district_comparison_needs_a_known_district(client, deputy, summary_data):
    client.force_login(deputy)
    r = client.get("/summaries/district/?district=不存在区")
    assert r.status_code == 400
    assert "没有该区县的镇/街道，请从列表中选择。" in r.content.decode()
    r = client.get("/summaries/district/?district=滨江区&sort=bogus")
    assert r.status_code == 400
    assert "无法按该列排序。" in r.content.decode()
    r = client.get("/summaries/district/")
    assert r.status_code == 200 and "滨江区" in r.content.decode()


def test_summary_links_to_print_word_and_exports(client, deputy, summary_data):
    client.force_login(deputy)
    html = client.get(_url(summary_data, report=summary_data.july.pk)).content.decode()
    town, report = summary_data.town.pk, summary_data.july.pk
    assert f'href="/summaries/town/{town}/print/?report={report}"' in html
    assert f'href="/summaries/town/{town}/docx?report={report}"' in html
    assert f'href="/summaries/pledges.xlsx?town={town}&amp;report={report}"' in html
    assert f'href="/summaries/pledges.csv?town={town}&amp;report={report}"' in html


def test_a_second_town_has_its_own_summary(client, deputy, db):
    data = make_summary_data(prefix="南湾镇", district="临海区")
    client.force_login(deputy)
    text = _text(client.get(_url(data, report=data.july.pk)).content)
    assert "南湾镇承诺兑现情况" in text and "东湖镇" not in text


def test_a_town_without_pledges_gets_an_empty_summary(client, deputy, db):
    from tracker.models import Town

    town = Town.objects.create(name="空白镇", district="滨江区")
    client.force_login(deputy)
    r = client.get(f"/summaries/town/{town.pk}/")
    assert r.status_code == 200
    text = _text(r.content)
    assert "空白镇承诺兑现情况" in text and "该期间没有承诺。" in text and "共0项承诺" in text
    assert client.get(f"/summaries/town/{town.pk}/docx").status_code == 200
    assert client.get("/summaries/town/999999/").status_code == 404
