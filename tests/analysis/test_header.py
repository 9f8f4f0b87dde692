"""detect_header(): town, district, level, date, kind, plan year, title and speaker without user flags."""

import json
from datetime import date

import pytest

from reports.analysis.documents import read_document
from reports.analysis.header import detect_header
from reports.analysis.text import normalize

BODY = "\n\n各位代表：\n\n现在，我代表{body}人民政府，向大会报告{what}，请予审议。\n\n一、工作回顾\n\n正文。"


def report(*header_lines: str, body: str = "青禾镇", what: str = "上半年政府工作情况") -> str:
    return "\n\n".join(header_lines) + BODY.format(body=body, what=what)


def test_it_reads_the_meeting_line():
    h = detect_header(
        report(
            "政府上半年工作情况报告",
            "——2022年7月28日在川沙新镇第三届人民代表大会",
            "第二次会议上",
            "沈 敏",
            body="川沙新镇",
        )
    )
    assert (h.town, h.district, h.level) == ("川沙新镇", "浦东新区", "镇")
    assert h.date == date(2022, 7, 28)
    assert (h.kind, h.plan_year) == ("half_year", 2022)
    assert h.title == "政府上半年工作情况报告"
    assert h.speaker == "沈敏"
    assert h.notes == []


def test_it_reads_a_date_in_parentheses():
    h = detect_header(report("青禾镇2023年上半年政府工作报告", "（2023年8月1日）", "镇长 林晓"))
    assert h.date == date(2023, 8, 1)
    assert h.town == "青禾镇" and h.speaker == "林晓"


def test_it_falls_back_to_the_publish_date_and_says_so():
    h = detect_header(
        report("2021七宝镇上半年政府工作报告", "来源:上海市闵行区七宝镇人民政府  发布时间:2021年9月14日", body="镇")
    )
    assert (h.town, h.district, h.date, h.kind, h.plan_year) == (
        "七宝镇",
        "闵行区",
        date(2021, 9, 14),
        "half_year",
        2021,
    )
    assert h.title == "2021七宝镇上半年政府工作报告"
    assert any("发布时间2021年9月14日" in n for n in h.notes)


def test_it_reads_an_iso_publish_date():
    h = detect_header(
        report(
            "青禾镇2023年上半年政府工作报告", "索引号 QH001 发布机构 青禾镇", "公开类别 主动公开 发布时间 2023-08-10"
        )
    )
    assert h.date == date(2023, 8, 10)


def test_it_repairs_a_garbled_meeting_date_and_says_so():
    h = detect_header(
        report(
            "周浦镇2022年上半年政府工作报告",
            "索引号 X1 发布机构 周浦镇",
            "公开类别 主动公开 发布时间 2022-08-10",
            "政府工作报告",
            "——202289日在周浦镇第",
            "人民代表大会第次会议上",
            "赵辉茂",
            body="周浦镇",
        )
    )
    assert h.date == date(2022, 8, 9)
    assert h.town == "周浦镇" and h.district == "浦东新区"
    assert h.title == "周浦镇2022年上半年政府工作报告"
    assert h.speaker == "赵辉茂"
    assert h.notes[0].startswith("报告日期“202289日”不完整，按2022年8月9日处理")


def test_an_ambiguous_garbled_date_is_resolved_against_the_publish_date():
    h = detect_header(
        report("青禾镇政府工作报告", "发布时间:2022年11月3日", "——2022111日在青禾镇第二届人民代表大会第二次会议上")
    )
    assert h.date == date(2022, 11, 1)  # not 2022-01-11: the closest split on or before publishing


def test_it_reads_a_chinese_numeral_date():
    h = detect_header(
        report("政府工作报告", "——二〇二三年一月十日在青禾镇第二届人民代表大会第三次会议上", what="2022年政府工作")
    )
    assert h.date == date(2023, 1, 10)
    assert (h.kind, h.plan_year) == ("annual", 2023)


def test_it_rejects_an_implausible_year():
    h = detect_header(report("政府工作报告", "——1899年7月1日在青禾镇第一届人民代表大会第一次会议上"))
    assert h.date is None
    assert any("未能识别报告日期" in n for n in h.notes)


def test_it_takes_the_district_from_a_breadcrumb():
    h = detect_header(
        report(
            "当前位置:首页 > 闵行区七宝镇人民政府 > 重点工作",
            "七宝镇上半年政府工作报告",
            "发布时间:2021年9月14日",
            body="镇",
        )
    )
    assert (h.town, h.district) == ("七宝镇", "闵行区")


def test_it_infers_the_district_from_the_text_and_says_so():
    text = (
        report("青禾镇2023年上半年政府工作报告", "——2023年7月20日在青禾镇第二届人民代表大会第三次会议上")
        + "\n\n全镇为浦东新区引领区建设贡献力量。"
    )
    h = detect_header(text)
    assert h.district == "浦东新区"
    assert any("推断为浦东新区" in n for n in h.notes)


def test_a_county_short_name_inside_an_ordinary_word_is_not_a_district():
    text = (
        report("青禾镇2023年上半年政府工作报告", "——2023年7月20日在青禾镇第二届人民代表大会第三次会议上")
        + "\n\n完成搬迁安置120户，补短板、惠民生。"
    )
    assert detect_header(text).district is None


def test_it_finds_the_district_of_a_known_town_in_the_gazetteer():
    assert (
        detect_header(report("——2023年1月12日在周浦镇第七届人民代表大会第三次会议上", body="镇")).district == "浦东新区"
    )


def test_a_town_name_shared_by_many_counties_is_not_guessed():
    h = detect_header(report("——2023年1月12日在城关镇第七届人民代表大会第三次会议上", body="城关镇"))
    assert h.town == "城关镇" and h.district is None
    assert any("请手动填写" in n for n in h.notes)


@pytest.mark.parametrize(
    "title",
    ["周浦镇2022年上半年政府工作报告", "2022周浦镇上半年政府工作报告", "周浦镇人民政府2022年上半年工作报告"],
)
def test_it_reads_the_town_from_the_title(title):
    h = detect_header(report(title, "发布时间:2022年8月10日", body="镇"))
    assert h.town == "周浦镇" and h.title == title


def test_a_street_report():
    h = detect_header(report("青禾路街道2023年上半年工作报告", "（2023年7月18日）", body="青禾路街道办事处"))
    assert (h.town, h.level) == ("青禾路街道", "街道")


def test_a_district_report():
    h = detect_header(
        report("政府工作报告", "——2023年1月5日在闵行区第十七届人民代表大会第三次会议上", body="闵行区", what="政府工作")
    )
    assert (h.town, h.district, h.level, h.kind) == ("闵行区", "闵行区", "区", "annual")


def test_a_city_report():
    h = detect_header(
        report(
            "政府工作报告", "——2023年1月15日在上海市第十六届人民代表大会第一次会议上", body="上海市", what="政府工作"
        )
    )
    assert (h.town, h.district, h.level) == ("上海市", None, "市")


def test_a_state_council_report():
    h = detect_header(
        "政府工作报告\n\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n\n国务院总理 李强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议。"
    )
    assert (h.town, h.level, h.date, h.kind) == ("国务院", "国务院", date(2023, 3, 5), "annual")
    assert h.speaker == "李强"


def test_an_annual_report_reviewing_the_whole_year():
    h = detect_header(
        report(
            "政府工作报告",
            "——2023年1月10日在青禾镇第二届人民代表大会第三次会议上",
            what="2022年政府工作情况和2023年工作安排",
        )
    )
    assert (h.kind, h.plan_year) == ("annual", 2023)


def test_an_annual_report_without_a_date_takes_its_year_from_the_review():
    h = detect_header(report("青禾镇人民政府工作报告", what="政府工作") + "\n\n2022年工作回顾\n\n正文。")
    assert (h.kind, h.plan_year, h.date) == ("annual", 2023, None)


def test_a_mid_year_report_without_the_word_half_year_is_taken_as_half_year_and_noted():
    h = detect_header(
        report("青禾镇政府工作报告", "——2023年7月20日在青禾镇第二届人民代表大会第三次会议上", what="工作")
    )
    assert h.kind == "half_year"
    assert any("按上半年报告处理" in n for n in h.notes)


def test_it_reads_fixture_files_of_every_format():
    from pathlib import Path

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    for name in (
        "report.pdf",
        "report.docx",
        "report.html",
        "report_gbk.html",
        "report_gb18030.txt",
        "report_utf8_bom.md",
    ):
        raw = read_document((fixtures / name).read_bytes(), name)
        for text in (raw, normalize(raw)):
            h = detect_header(text)
            assert (h.town, h.district, h.level) == ("青禾镇", "浦东新区", "镇"), name
            assert (h.date, h.kind, h.plan_year) == (date(2023, 7, 20), "half_year", 2023), name
            assert (h.title, h.speaker) == ("青禾镇2023年上半年政府工作报告", "林晓"), name


def test_it_matches_the_gold_metadata_of_the_seeds(shared_dir):
    for gold_path in sorted((shared_dir / "gold").glob("*.pledges.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (shared_dir / "seeds" / gold["source"]).read_text(encoding="utf-8")
        for text in (raw, normalize(raw)):
            h = detect_header(text)
            assert h.town == gold["town"], gold["source"]
            assert h.district == gold["district"], gold["source"]
            assert h.date.isoformat() == gold["report_date"], gold["source"]
            assert h.kind == gold["report_kind"], gold["source"]
            assert h.plan_year == gold["period_year"], gold["source"]


def test_it_reads_the_followup_annual_reports(shared_dir):
    towns = {"chuansha": ("川沙新镇", "浦东新区"), "qibao": ("七宝镇", "闵行区"), "zhoupu": ("周浦镇", "浦东新区")}
    for path in sorted((shared_dir / "gold" / "followups").glob("*.txt")):
        slug, _, when = path.stem.partition("-")
        h = detect_header(normalize(path.read_text(encoding="utf-8")))
        assert (h.town, h.district) == towns[slug], path.name
        assert h.date == date.fromisoformat(when), path.name
        assert (h.kind, h.plan_year) == ("annual", h.date.year), path.name
