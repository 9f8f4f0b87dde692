from datetime import date

from reports.analysis.pledges import extract_pledges
from reports.analysis.sections import split_sections


def _plan(body: str, year: int = 2021, kind: str = "half_year"):
    text = f"上半年工作回顾\n\n上半年，完成道路3条，新增企业50家。\n\n下半年工作安排\n\n{body}\n\n各位代表！让我们努力完成20项任务！\n"
    return text, extract_pledges(text, split_sections(text, kind), year, kind)


def _quant(pledges):
    return [(p.value, p.unit, p.comparator, p.strength) for p in pledges if p.kind == "quantitative"]


def test_review_and_closing_yield_no_pledges():
    text, pledges = _plan("加强党的建设。")
    assert pledges == []


def test_each_target_number_is_one_pledge_and_a_firm_modal_governs_the_rest_of_its_sentence():
    _, pledges = _plan("推动新增内资企业创新高，并确保新增外资企业60家，新增合同吸引外资2.7亿美元。")
    assert _quant(pledges) == [(60, "家", ">=", "firm"), (270000000, "美元", ">=", "firm")]


def test_spans_are_exact_substrings_of_the_text():
    text, pledges = _plan("力争年底前完成红色物业达标社区不少于80%，示范社区不少于20个。")
    for p in pledges:
        assert p.text == text[p.start : p.end]
    assert [(p.value, p.deadline_text, p.strength) for p in pledges] == [
        (80, "年底前", "aspirational"),
        (20, "年底前", "aspirational"),
    ]


def test_two_targets_with_two_verbs_and_no_delimiter():
    _, pledges = _plan("全面梳理存量土地，完成建设用地减量化验收9.89公顷立项12.33公顷的任务。")
    assert [(p.value, p.unit) for p in pledges] == [(9.89, "公顷"), (12.33, "公顷")]


def test_a_count_with_its_share_is_two_pledges_with_the_same_deadline():
    _, pledges = _plan("攻坚全民疫苗接种，确保9月底前完成全程接种213921人(适龄人员的91.2%)，构筑免疫屏障。")
    assert [(p.value, p.unit, p.deadline, p.strength) for p in pledges] == [
        (213921, "人", date(2021, 9, 30), "firm"),
        (91.2, "%", date(2021, 9, 30), "firm"),
    ]


def test_a_baseline_is_not_a_target():
    _, pledges = _plan("在上半年签约90个门洞的基础上，再扩大签约门洞数量，确保完成今年指标任务。")
    assert all(p.value != 90 for p in pledges)
    assert [p.kind for p in pledges] == ["milestone"]
    assert pledges[0].deadline == date(2021, 12, 31)


def test_percentages_before_their_population_and_footnoted_names():
    _, pledges = _plan("力争95%居村和100%单位分类实效达标。按要求做到三个100⑩。")
    assert _quant(pledges) == [(95, "%", ">=", "aspirational"), (100, "%", ">=", "aspirational")]


def test_an_open_list_is_one_milestone_with_its_own_deadline():
    _, pledges = _plan("力争聚溪路、营洪路等项目年内竣工，新溪北路、宝溪路等项目年内开工。")
    assert [(p.kind, p.deadline_text, p.strength) for p in pledges] == [
        ("milestone", "年内", "aspirational"),
        ("milestone", "年内", "aspirational"),
    ]
    assert pledges[0].text == "力争聚溪路、营洪路等项目年内竣工"


def test_zero_targets():
    _, pledges = _plan(
        "确保不发生重特大案件。杜绝耕地“非粮化”现象产生。确保辖区内无重大安全事故发生。"
        "对新增违法建筑做到“零容忍、零发现、零增长”。居民区入室盗窃零发案率力争达到93%。"
    )
    assert _quant(pledges) == [
        (0, "起", "<=", "firm"),
        (0, "起", "<=", "plain"),
        (0, "起", "<=", "firm"),
        (0, "起", "<=", "plain"),
        (93, "%", ">=", "aspirational"),
    ]


def test_general_intentions_with_process_verbs_are_not_pledges():
    _, pledges = _plan(
        "持续深化多表合一，加大招商引资力度。不断提升服务水平，做好各项安全工作。深化22个创新型小区建设成果。"
        "坚持抓好疫情防控和经济发展两项重要工作。建立长效管理机制。"
    )
    assert pledges == []


def test_milestones_need_a_concrete_object():
    _, pledges = _plan(
        "启动七灶村村庄设计。完成《某镇国土空间总体规划》编制。建立失业青年信息库。举办首届羊肉文化节。"
        "万科19-04项目开工。做好老宅角敬老院竣工验收、海峡敬老院主体结构封顶工作。"
    )
    assert [p.text for p in pledges] == [
        "启动七灶村村庄设计",
        "完成《某镇国土空间总体规划》编制",
        "建立失业青年信息库",
        "举办首届羊肉文化节",
        "万科19-04项目开工",
        "做好老宅角敬老院竣工验收",
        "海峡敬老院主体结构封顶工作",
    ]


def test_identifiers_in_a_plan_are_not_targets():
    _, pledges = _plan(
        "完成六灶03-04、C06-03地块出让。推进21号线车辆段开发。优化15分钟服务圈。举办第二十届文化艺术节。"
    )
    assert all(p.kind == "milestone" for p in pledges)


def test_a_sentence_broken_by_pdf_conversion_inside_bold_markers_is_read_whole():
    text = (
        "上半年工作回顾\n\n完成道路3条。\n\n二、下半年工作安排\n\n**（一）扎实做好民生工作。**扩大加梯规模，年内完成**\n\n"
        "35台加梯任务。完成20户家庭适老化改造。\n"
    )
    pledges = extract_pledges(text, split_sections(text), 2022, "half_year")
    assert [(p.value, p.unit, p.deadline_text) for p in pledges] == [(35, "台", "年内"), (20, "户", "")]
    assert all(p.text == text[p.start : p.end] for p in pledges)
    assert pledges[0].section == "（一）扎实做好民生工作"


def test_an_annual_plan_reads_expected_targets_and_deadlines():
    text = (
        "一、2022年工作回顾\n\n全年新增就业岗位5000个。\n\n三、2023年工作安排\n\n"
        "主要预期目标是：财政总收入增长8%左右，新增就业岗位5000个以上，城镇调查失业率控制在4.5%以内。\n\n"
        "力争新镇总体规划上半年获批。确保六城16-01地块一季度完成回搬，新开工安置房项目3个。明年完成某路竣工。\n"
    )
    pledges = extract_pledges(text, split_sections(text, "annual"), 2023, "annual")
    got = [(p.kind, p.value, p.comparator, p.deadline.isoformat()) for p in pledges]
    assert got == [
        ("quantitative", 8, "~", "2023-12-31"),
        ("quantitative", 5000, ">=", "2023-12-31"),
        ("quantitative", 4.5, "<=", "2023-12-31"),
        ("milestone", None, "", "2023-06-30"),
        ("milestone", None, "", "2023-03-31"),
        ("quantitative", 3, ">=", "2023-12-31"),
        ("milestone", None, "", "2024-12-31"),
    ]


def test_district_style_embedded_plan_paragraph_yields_pledges_but_its_review_does_not():
    text = (
        "区政府工作报告\n\n各位代表：\n\n现在，我代表区人民政府报告工作，请予审议。\n\n一、经济发展\n\n"
        "上半年，全区新增企业300家。下半年，我们将重点抓好三方面工作：一是新增企业200家；二是完成某某路竣工。\n"
    )
    pledges = extract_pledges(text, split_sections(text, "half_year"), 2022, "half_year")
    assert [p.value for p in pledges if p.kind == "quantitative"] == [200]


def test_each_seed_yields_pledges_only_from_its_plan_part(shared_dir):
    from reports.analysis.text import normalize

    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        text = normalize(seed.read_text(encoding="utf-8"))
        sections = split_sections(text, "half_year")
        plan = [s for s in sections if s.kind == "plan"]
        pledges = extract_pledges(text, sections, 2022, "half_year")
        assert len(pledges) >= 20, seed.name
        assert all(any(s.start <= p.start and p.end <= s.end for s in plan) for p in pledges)


def test_a_carry_on_word_inside_the_name_of_new_works_does_not_make_it_history():
    _, pledges = _plan("实施供水巩固提升工程6处，深化22个村庄整治成果。")
    assert [(p.value, p.unit) for p in pledges] == [(6, "处")]


def test_online_and_offline_is_no_launch():
    _, pledges = _plan("擦亮农产品品牌，支持企业拓展线上线下市场。")
    assert pledges == []


def test_signing_for_a_named_facility_and_going_into_production_are_milestones():
    _, pledges = _plan("与省交投集团签约共建北山物流园。推动光伏组件二期项目10月底前竣工投产。")
    assert [p.kind for p in pledges] == ["milestone", "milestone"]
    assert pledges[1].deadline == date(2021, 10, 31)


def test_zero_of_an_undesirable_event_is_a_zero_target_but_zero_tolerance_is_not():
    _, pledges = _plan("坚持零容忍惩治腐败。实现适龄儿童零失学。")
    assert [(p.value, p.unit, p.comparator, p.text) for p in pledges] == [(0, "起", "<=", "实现适龄儿童零失学")]


def test_the_years_overall_targets_are_not_a_milestone():
    _, pledges = _plan("统筹推进各项工作，确保完成全年目标任务。")
    assert pledges == []


def test_a_date_inside_one_task_does_not_carry_to_the_next_clause():
    _, pledges = _plan("镇卫生院改造工程8月底前完工；新修机耕道12公里。")
    assert [(p.kind, p.deadline) for p in pledges] == [
        ("milestone", date(2021, 8, 31)),
        ("quantitative", date(2021, 12, 31)),
    ]
    _, pledges = _plan("年底前，完成公厕改造10座，新修机耕道12公里。")
    assert [p.deadline_text for p in pledges] == ["年底前", "年底前"]


def test_a_modal_before_the_completion_noun_governs_the_milestone():
    _, pledges = _plan("南片安置房地块确保开工建设。")
    assert [(p.kind, p.strength) for p in pledges] == [("milestone", "firm")]


def test_a_size_class_before_the_counted_noun_is_no_target():
    _, pledges = _plan("力争全年落地超5亿元工业项目4个，新引进亿元以上项目6个，推进超亿元企业扩产。")
    assert _quant(pledges) == [(4, "个", ">=", "aspirational"), (6, "个", ">=", "aspirational")]


def test_an_amount_above_a_threshold_that_ends_its_clause_is_still_a_target():
    _, pledges = _plan("确保外贸进出口总额超过80亿元，固定资产投资超30亿元。")
    assert _quant(pledges) == [(8e9, "元", ">=", "firm"), (3e9, "元", ">=", "firm")]


def test_a_programme_with_a_numeral_in_its_name_is_a_milestone_not_a_count():
    _, pledges = _plan("全面完成区级七件民生实事。开展“乡村工匠”“家政服务”两项工程培训1500人次。")
    assert [(p.kind, p.value) for p in pledges] == [("milestone", None), ("quantitative", 1500)]


def test_how_the_work_is_organised_is_no_pledge():
    _, pledges = _plan(
        "每个重点项目落实一名班子成员挂帅、一个部门牵头、一套方案推进，"
        "对推进缓慢的事项实行挂牌督办，对难以完成的指标及时预警、提前谋划。"
    )
    assert pledges == []


def test_winning_a_named_title_is_a_milestone():
    _, pledges = _plan("争取南湖社区获批“省级森林社区”，推动东坝村获评省级美丽宜居村。获批资金要用好。")
    assert [(p.kind, p.strength) for p in pledges] == [("milestone", "aspirational"), ("milestone", "aspirational")]


def test_the_capacity_a_works_adds_is_due_with_the_works():
    _, pledges = _plan("力争明年3月底前建成投用城北水厂，新增日供水能力2万吨。")
    assert [(p.kind, p.deadline) for p in pledges] == [
        ("milestone", date(2022, 3, 31)),
        ("quantitative", date(2022, 3, 31)),
    ]


def test_a_clause_with_its_own_modal_keeps_the_plan_deadline():
    _, pledges = _plan("9月底前完成辖区8000户燃气入户检查，确保不发生较大火灾事故。")
    assert [(p.value, p.deadline) for p in pledges] == [(8000, date(2021, 9, 30)), (0, date(2021, 12, 31))]


def test_a_development_zone_is_a_place_not_a_development_verb():
    _, pledges = _plan(
        "推进开发区“一站式”企业服务体系建设。加快开发区二期标准厂房建设。完善开发区路网、管网等配套设施。"
    )
    assert pledges == []


def test_a_list_kept_to_follow_up_work_is_no_deliverable():
    _, pledges = _plan("加强招商项目跟踪服务，建立在谈项目推进清单。建立村集体资产台账。建立困难老人信息库。")
    assert [p.text for p in pledges] == ["建立困难老人信息库"]


def test_a_bound_that_picks_out_the_group_an_action_is_aimed_at_is_no_target():
    _, pledges = _plan(
        "对3万平方米以上的在建楼宇实行专班服务。对亩均产出低于100万元的企业实施提质改造。"
        "力争年营业收入500万元以上的村达到12个。对辖区60家企业开展安全检查。"
    )
    assert [(p.value, p.unit) for p in pledges] == [(12, "个"), (60, "家")]


def test_the_investment_of_a_named_project_is_an_attribute_of_the_milestone():
    _, pledges = _plan("确保总投资12亿元的恒远智能装备项目10月底前开工。全年完成固定资产投资30亿元。")
    assert [(p.kind, p.value, p.deadline) for p in pledges] == [
        ("milestone", None, date(2021, 10, 31)),
        ("quantitative", 3_000_000_000, date(2021, 12, 31)),
    ]


def test_a_later_stage_of_works_named_in_the_clause_before_is_a_milestone_of_its_own():
    _, pledges = _plan("西塘家园三期年内开工建设，力争明年上半年主体封顶。")
    assert [(p.text, p.deadline, p.strength) for p in pledges] == [
        ("西塘家园三期年内开工建设", date(2021, 12, 31), "plain"),
        ("力争明年上半年主体封顶", date(2022, 6, 30), "aspirational"),
    ]
    # a bare stage word with no works before it is no pledge
    _, pledges = _plan("加强安全生产管理，确保年底主体封顶。")
    assert pledges == []


def test_named_works_first_and_their_completion_last_with_a_deadline_between_are_milestones():
    _, pledges = _plan(
        "加快文旅项目建设，石门溪露营基地二期中秋后开园，青竹湾游客中心国庆前开业，"
        "玉泉山景区年底前通过国家4A级旅游景区景观质量评审。"
    )
    assert [(p.text, p.deadline) for p in pledges] == [
        ("石门溪露营基地二期中秋后开园", date(2021, 12, 31)),
        ("青竹湾游客中心国庆前开业", date(2021, 9, 30)),
        ("玉泉山景区年底前通过国家4A级旅游景区景观质量评审", date(2021, 12, 31)),
    ]


def test_passing_an_unnamed_review_is_no_milestone():
    _, pledges = _plan("确保全体干部通过年度考核。")
    assert pledges == []


def test_a_phase_number_names_works_and_grid_connection_completes_them():
    _, pledges = _plan("二是补短板，南山生物质发电项目力争明年上半年并网发电；三是强作风。")
    assert [(p.text, p.deadline, p.deadline_text, p.strength) for p in pledges] == [
        ("南山生物质发电项目力争明年上半年并网发电", date(2022, 6, 30), "明年上半年", "aspirational")
    ]


def test_starting_construction_of_named_works_is_a_milestone_but_not_of_a_batch():
    _, pledges = _plan("开工建设临港智能制造产业园标准化厂房二期。开工建设一批民生项目。")
    assert [p.text for p in pledges] == ["开工建设临港智能制造产业园标准化厂房二期"]


def test_the_digits_of_a_date_do_not_name_an_object():
    _, pledges = _plan("加强统筹调度，确保11月底前全部完工。")
    assert pledges == []


def test_a_bare_completion_after_a_target_gives_that_target_its_deadline_and_modal():
    text, pledges = _plan("更新老化燃气管道28公里，确保11月底前全部完工。新建口袋公园6个。")
    assert [(p.kind, p.value, p.deadline, p.deadline_text, p.strength) for p in pledges] == [
        ("quantitative", 28, date(2021, 11, 30), "11月底前", "firm"),
        ("quantitative", 6, date(2021, 12, 31), "", "plain"),
    ]
    assert pledges[0].text == "更新老化燃气管道28公里，确保11月底前全部完工"
    assert pledges[0].text == text[pledges[0].start : pledges[0].end]


def test_passing_a_registration_by_a_named_authority_is_a_milestone():
    _, pledges = _plan("争取“白沙柑橘”年底前通过国家地理标志产品登记。")
    assert [(p.kind, p.deadline, p.strength) for p in pledges] == [("milestone", date(2021, 12, 31), "aspirational")]


def test_zero_of_an_undesirable_event_or_its_growth_is_a_zero_target():
    _, pledges = _plan("确保元旦前实现工程款“零拖欠”。坚决遏制违法用地，实现“零增量”。")
    assert [(p.value, p.unit, p.comparator, p.strength) for p in pledges] == [
        (0, "起", "<=", "firm"),
        (0, "起", "<=", "firm"),
    ]
    assert pledges[0].deadline == date(2021, 12, 31)


def test_a_completion_verb_followed_by_hou_only_dates_the_next_action():
    _, pledges = _plan("改造农村道路10公里，建成后纳入镇级统一养护管理。")
    assert [(p.kind, p.value, p.text) for p in pledges] == [("quantitative", 10, "改造农村道路10公里")]


def test_an_amount_named_as_a_bar_describes_a_group_and_is_no_target():
    _, pledges = _plan("支持产值接近5000万元门槛的小微企业升规纳统。")
    assert pledges == []


def test_an_adjective_or_a_noun_built_on_a_task_verb_is_no_task():
    _, pledges = _plan("用足开发性金融工具。科学划定城镇开发边界。")
    assert pledges == []


def test_following_up_on_an_event_of_a_class_of_projects_is_a_process():
    _, pledges = _plan("强化在谈项目跟踪落地。做好签约项目开工服务保障。")
    assert pledges == []


def test_a_dated_deadline_beats_the_period_word_of_the_same_clause():
    _, pledges = _plan("10月底前完成全年农村改厕500户任务。")
    assert [(p.value, p.deadline, p.deadline_text) for p in pledges] == [(500, date(2021, 10, 31), "10月底前")]


def test_approval_of_a_plan_of_a_named_scope_is_a_milestone():
    _, pledges = _plan("争取高铁新城控制性详细规划年底前取得市政府批复。推进方案批复。")
    assert [(p.kind, p.text, p.strength) for p in pledges] == [
        ("milestone", "争取高铁新城控制性详细规划年底前取得市政府批复", "aspirational")
    ]


def test_opening_named_roads_is_a_milestone_but_a_generic_gap_is_not():
    _, pledges = _plan("年底前打通学府路、滨河东路断头路。打通断头路，打通服务群众最后一公里。")
    assert [(p.kind, p.text, p.deadline) for p in pledges] == [
        ("milestone", "年底前打通学府路、滨河东路断头路", date(2021, 12, 31))
    ]


def test_a_named_facility_opening_for_patients_with_a_deadline_between_is_a_milestone():
    _, pledges = _plan("确保镇卫生院门诊楼10月底前开诊运行。")
    assert [(p.kind, p.deadline, p.strength) for p in pledges] == [("milestone", date(2021, 10, 31), "firm")]


def test_clearing_a_backlog_is_a_zero_target_but_upholding_the_doctrine_is_not():
    _, pledges = _plan("确保春节前实现企业欠薪问题动态清零。坚持“动态清零”总方针。始终保持“动态清零”状态。")
    assert [(p.value, p.unit, p.comparator, p.strength, p.value_raw) for p in pledges] == [
        (0, "起", "<=", "firm", "动态清零")
    ]


def test_a_bound_after_the_measured_substance_picks_out_a_group():
    _, pledges = _plan("对年用水量10万吨自来水以上的用水大户开展节水诊断。")
    assert pledges == []
