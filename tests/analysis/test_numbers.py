import pytest

from reports.analysis.numbers import canonical_unit, convert, find_quantities, parse_number, parse_quantity


@pytest.mark.parametrize(
    "written, value",
    [("两万", 20000), ("1.5万", 15000), ("三十五", 35), ("九十一点二", 91.2), ("2.7亿", 270000000), ("1,200", 1200)],
)
def test_it_reads_chinese_and_arabic_numerals_with_magnitudes(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize(
    "written, value, unit",
    [
        ("2万㎡", 20000, "平方米"),
        ("18万平方米", 180000, "平方米"),
        ("300平米", 300, "平方米"),
        ("2.7亿美元", 270000000, "美元"),
        ("0.8亿美元", 80000000, "美元"),
        ("50万元", 500000, "元"),
        ("2836元/㎡", 2836, "元/平方米"),
        ("91.2%", 91.2, "%"),
        ("三十五台", 35, "台"),
        ("148.35亩", 148.35, "亩"),
        ("23407 处", 23407, "处"),
        ("60个门洞", 60, "个门洞"),
    ],
)
def test_it_folds_units_into_canonical_form(written, value, unit):
    q = parse_quantity(written)
    assert q is not None
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_it_keeps_the_words_around_a_number_in_value_raw_and_comparator():
    q = parse_quantity("约20张")
    assert (q.raw, q.comparator) == ("约20张", "~")
    assert find_quantities("楼宇税收落地率力争达到72%以上")[0].raw == "72%以上"
    assert find_quantities("红色物业达标社区不少于80%")[0].comparator == ">="
    assert find_quantities("城镇登记失业率控制在4%以内")[0].comparator == "<="
    assert find_quantities("增长8%左右")[0].comparator == "~"


def test_signing_is_not_about():
    assert find_quantities("加装电梯签约60台")[0].comparator == ""


def test_it_finds_every_target_number_in_a_sentence():
    found = find_quantities("新增外资企业60家，新增合同吸引外资2.7亿美元，完成建设用地减量化验收9.89公顷立项12.33公顷")
    assert [(q.value, q.unit) for q in found] == [(60, "家"), (270000000, "美元"), (9.89, "公顷"), (12.33, "公顷")]


def test_it_reads_count_and_share_of_one_target():
    found = find_quantities("完成全程接种213921人(适龄人员的91.2%)")
    assert [(q.value, q.unit) for q in found] == [(213921, "人"), (91.2, "%")]


def test_it_reads_percentages_before_their_population():
    assert [q.value for q in find_quantities("力争95%居村和100%单位分类实效达标")] == [95, 100]


@pytest.mark.parametrize(
    "phrase",
    [
        "推进六灶04-01地块、C05-19商业地块、I-I-7地块出让",
        "推进21号线六陈路车辆段综合开发",
        "妥善处置12345市民热线工单",
        "形成“2+4+24”工作体系",
        "引进符合“十四五”产业导向的项目",
        "优化15分钟服务圈，持续优化 15 分钟核酸采样圈布点",
        "举办第二十届文化艺术节",
        "争创2021-2022年度全国“四好”商会",
        "纪念傅雷诞辰114周年",
        "启动周祝公路1号桥地块储备",
        "做好1平方公里09-02地块征收",
        "做到三个100⑩",
        "广泛宣传防疫“三件套”",
        "盘活二次招商存量资源",
        "争创新一轮全国文明城区",
        "让每一个孩子健康成长",
        "古镇3A景区",
        "建成一批产业项目",
    ],
)
def test_numbers_inside_names_and_identifiers_are_not_quantities(phrase):
    assert find_quantities(phrase) == []


def test_whole_text_transform_is_never_applied():
    assert find_quantities("深化一网统管，推进一网通办") == []


def test_it_converts_units_of_one_dimension():
    assert convert(148.35, "亩", "公顷") == pytest.approx(9.89)
    assert convert(2.1, "万平方米", "平方米") == pytest.approx(21000)
    assert convert(1, "公顷", "平方米") == pytest.approx(10000)
    assert convert(3, "台", "公顷") is None


def test_a_magnitude_before_a_plain_measure_word_is_part_of_the_number():
    assert [(q.value, q.unit) for q in find_quantities("全年实现城镇新增就业3.5万人")] == [(35000, "人")]
    assert [(q.value, q.unit) for q in find_quantities("全年火灾起数控制在20起以内")] == [(20, "起")]
    assert [(q.value, q.unit) for q in find_quantities("PM2.5年均浓度控制在32微克/立方米以内")] == [(32, "微克/立方米")]


def test_a_count_followed_by_a_date_is_still_a_count():
    assert [(q.value, q.unit) for q in find_quantities("其中2所10月前投入使用")] == [(2, "所")]


def test_it_reads_full_width_digits_as_numbers_and_keeps_them_in_value_raw():
    (q,) = find_quantities("全年出栏肉羊２万头以上")
    assert (q.value, q.unit, q.raw, q.comparator) == (20000, "头", "２万头以上", ">=")
    assert parse_number("１２.５") == 12.5


@pytest.mark.parametrize(
    "phrase, value, unit",
    [("收购茶叶600担", 600, "担"), ("新打机井12眼", 12, "眼"), ("新装路灯300盏", 300, "盏"), ("新修塘堰8口", 8, "口")],
)
def test_rural_measure_words_are_units(phrase, value, unit):
    assert [(q.value, q.unit) for q in find_quantities(phrase)] == [(value, unit)]


def test_small_chinese_numerals_before_word_like_measure_words_are_words():
    assert find_quantities("群众两头跑，一口气办完") == []


def test_more_than_between_number_and_unit_is_a_lower_bound():
    (q,) = find_quantities("服务企业1500余家")
    assert (q.value, q.unit, q.raw, q.comparator) == (1500, "家", "1500余家", ">=")


def test_tenths_written_with_cheng_are_percentages():
    assert [(q.value, q.unit) for q in find_quantities("村民满意度达到八成以上")] == [(80, "%")]
    assert find_quantities("制度一成不变") == []
    assert parse_quantity("六成").value == 60


def test_sessions_of_a_course_count_but_a_phase_does_not():
    assert [(q.value, q.unit) for q in find_quantities("举办电商培训班8期")] == [(8, "期")]
    assert find_quantities("推进物流园三期建设") == []


def test_the_outline_of_the_speech_is_not_a_target():
    assert find_quantities("重点抓好以下五个方面工作") == []
    assert find_quantities("着力做好8个方面工作") == []


def test_kilometres_and_percentage_points_keep_their_canonical_units():
    assert canonical_unit("千米") == ("公里", 1)
    assert [(q.value, q.unit) for q in find_quantities("绿化覆盖率提高0.4个百分点")] == [(0.4, "个百分点")]


@pytest.mark.parametrize(
    "phrase",
    [
        "推进江湾港区10万吨级泊位前期工作",
        "谋划百万千瓦级海上风电项目",
        "深入实施“技能工匠”“巾帼家政”两项工程",
        "办好2025年镇级八件民生实事",
        "打响“三大行动”攻坚战",
        "每个网格配备一名专职网格员",
        "做到一个专班统筹、一名领导包干、一张清单到底",
    ],
)
def test_size_classes_programme_names_and_allocations_are_not_counts(phrase):
    assert find_quantities(phrase) == []


def test_a_count_beside_a_programme_name_or_size_class_is_still_a_count():
    found = find_quantities("依托“两项工程”开展技能培训800人次，建成5千吨级码头2座")
    assert [(q.value, q.unit) for q in found] == [(800, "人次"), (2, "座")]
    assert [(q.value, q.unit) for q in find_quantities("新建一个社区食堂，建设5项工程")] == [(1, "个"), (5, "项")]


def test_one_corps_praised_for_its_qualities_is_a_figure_of_speech_not_a_count():
    assert find_quantities("打造一支敢打硬仗的应急铁军") == []
    assert find_quantities("建设一支政治过硬、本领高强的干部队伍") == []
    assert [(q.value, q.unit) for q in find_quantities("新增志愿服务队伍5支")] == [(5, "支")]
