from reports.analysis.sections import split_passages, split_sections

HALF_YEAR_NUMBERED = """政府上半年工作情况报告

——2022年7月28日在某某镇第三届人民代表大会第二次会议上

各位代表：

现在，我代表镇人民政府，向大会报告上半年政府工作情况，请予审议。

## 一、关于上半年政府工作情况

上半年，完成财政总收入11亿元，建成道路3条。

## 二、关于下半年政府工作安排

（一）扎实做好经济运行。确保新增企业60家。

各位代表：让我们团结一心，奋力完成全年目标！

## 名词解释

1、“三件套”：口罩、距离、卫生。
"""

HALF_YEAR_PLAIN = """某镇2022年上半年政府工作报告

上半年工作回顾

一、抓好疫情防控

完成核酸筛查55轮。

下半年工作要点

一、抢抓进度

完成《某镇国土空间总体规划》。

各位代表、同志们:

全面实现今年目标！

名词解释

1.“规上工业企业”:主营业务收入2000万元及以上的工业法人单位。
"""


def _kinds(text, kind=None):
    return [s.kind for s in split_sections(text, kind)]


def test_it_finds_a_numbered_plan_section_and_the_parts_around_it():
    sections = split_sections(HALF_YEAR_NUMBERED, "half_year")
    assert [s.kind for s in sections] == ["header", "review", "plan", "closing", "glossary"]
    plan = sections[2]
    assert plan.heading == "## 二、关于下半年政府工作安排"
    assert "确保新增企业60家" in HALF_YEAR_NUMBERED[plan.start : plan.end]
    assert "让我们团结一心" not in HALF_YEAR_NUMBERED[plan.start : plan.end]


def test_sections_cover_the_whole_text_in_order():
    sections = split_sections(HALF_YEAR_NUMBERED)
    assert sections[0].start == 0 and sections[-1].end == len(HALF_YEAR_NUMBERED)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))


def test_it_finds_an_unnumbered_plan_heading_and_skips_the_title():
    sections = split_sections(HALF_YEAR_PLAIN, "half_year")
    assert [s.kind for s in sections] == ["header", "review", "plan", "closing", "glossary"]
    assert sections[1].heading == "上半年工作回顾"
    assert sections[2].heading == "下半年工作要点"


def test_it_reads_every_form_of_plan_heading():
    for heading in ("三、下半年工作打算", "2021下半年主要工作安排", "（二）下半年主要工作安排", "二、下半年工作安排"):
        text = f"上半年工作回顾\n\n完成道路3条。\n\n{heading}\n\n完成道路5条。\n"
        assert _kinds(text, "half_year")[-1] == "plan", heading


def test_it_finds_the_plan_part_of_an_annual_report():
    for review, plan in (
        ("一、2022年工作回顾", "三、2023年工作安排"),
        ("过去一年的工作", "今年工作任务"),
        ("一、过去一年的工作", "二、对今年政府工作的建议"),
        ("2022年工作回顾", "今年发展主要预期目标"),
        ("一、2022年工作回顾", "二、2023年主要工作"),
    ):
        text = f"政府工作报告\n\n各位代表：\n\n{review}\n\n全年新增就业岗位5000个。\n\n{plan}\n\n新增就业岗位5000个以上。\n"
        kinds = _kinds(text, "annual")
        assert kinds[-2:] == ["review", "plan"], (review, plan, kinds)


def test_a_problems_section_between_review_and_plan_is_no_plan():
    text = "一、2022年工作回顾\n\n完成A。\n\n二、存在的问题和不足\n\n仍有差距。\n\n三、2023年工作安排\n\n完成B。\n"
    sections = split_sections(text, "annual")
    assert [s.kind for s in sections] == ["review", "plan"]
    assert "仍有差距" in text[sections[0].start : sections[0].end]


def test_embedded_forward_looking_paragraphs_of_a_district_report_become_plan_sections():
    text = (
        "区政府工作报告\n\n各位代表：\n\n现在，我代表区人民政府报告上半年工作，请予审议。\n\n"
        "一、经济发展\n\n上半年，全区完成税收100亿元。\n\n"
        "下半年，我们将重点抓好三方面工作：一是新增企业200家；二是完成某路竣工。\n\n"
        "二、城市建设\n\n上半年，建成道路5条。下一步，将启动某某公园建设。\n"
    )
    sections = split_sections(text, "half_year")
    plans = [text[s.start : s.end] for s in sections if s.kind == "plan"]
    assert plans[0].startswith("下半年，我们将重点抓好三方面工作")
    assert plans[1].startswith("下一步，将启动某某公园建设")
    reviews = "".join(text[s.start : s.end] for s in sections if s.kind == "review")
    assert "完成税收100亿元" in reviews and "建成道路5条" in reviews


def test_passages_never_cross_a_section_boundary():
    sections = split_sections(HALF_YEAR_NUMBERED)
    passages = split_passages(HALF_YEAR_NUMBERED, sections)
    for index, start, end in passages:
        assert sections[index].start <= start < end <= sections[index].end
        assert HALF_YEAR_NUMBERED[start:end].strip()
    assert any(HALF_YEAR_NUMBERED[s:e] == "（一）扎实做好经济运行。确保新增企业60家。" for _, s, e in passages)


def test_it_splits_each_seed_into_the_expected_parts(shared_dir):
    from reports.analysis.text import normalize

    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        text = normalize(seed.read_text(encoding="utf-8"))
        kinds = [s.kind for s in split_sections(text, "half_year")]
        assert kinds.count("plan") >= 1 and kinds[-2:] == ["closing", "glossary"], (seed.name, kinds)


STANDING_COMMITTEE = """某区人民政府关于上半年工作情况的报告

主任、各位副主任、各位委员：

我代表区人民政府报告上半年工作，请予审议。

一、经济运行总体情况

上半年，全区地区生产总值增长5%。

下半年，我们将确保全年增长6%左右。

二、存在问题

一是动能不足。

三、下半年重点抓好以下几项工作

（一）年内建成区图书馆。

主任、各位副主任、各位委员，让我们共同努力！
"""


def test_a_standing_committee_report_with_unnamed_topics_embedded_plans_and_its_own_closing():
    sections = split_sections(STANDING_COMMITTEE, "half_year")
    kinds = [s.kind for s in sections]
    assert kinds == ["header", "review", "plan", "review", "plan", "closing"]
    embedded = sections[2]
    assert STANDING_COMMITTEE[embedded.start : embedded.end].startswith("下半年，我们将")
    assert sections[-2].heading == "三、下半年重点抓好以下几项工作"
    assert "让我们共同努力" not in STANDING_COMMITTEE[sections[-2].start : sections[-2].end]


def test_headings_with_full_width_digits_chinese_numeral_years_and_next_step_words():
    for heading in ("二、２０２４年工作安排", "二、二〇二四年工作安排", "三、下步工作打算", "三、2023年下半年工作重点"):
        text = f"一、2023年工作回顾\n\n完成道路3条。\n\n{heading}\n\n完成道路5条。\n"
        assert _kinds(text, "annual")[-1] == "plan", heading
    assert _kinds("一、上半年工作回顾\n\n完成道路3条。\n\n二、存在问题\n\n资金紧张。\n", "half_year")[-1] == "review"


def test_embedded_forward_passages_of_any_reporting_body():
    for lead in ("接下来，全县将", "下步，我乡将", "下一步，乡政府将"):
        text = f"一、上半年工作回顾\n\n上半年，完成道路3条。\n\n{lead}新建道路5条。\n"
        assert _kinds(text, "half_year")[-1] == "plan", lead
