"""Carry-over: the same object promised again in a later plan part (short phrases of the genre)."""

import pytest

from reports.analysis.carryover import (
    THRESHOLD,
    PledgeFacts,
    codes,
    find_carry_overs,
    object_text,
    same_promise,
    score,
    stage,
)

RESTATED = [
    (PledgeFacts("年内完成35台加梯任务", "台"), PledgeFacts("确保完成40台加装电梯", "台")),
    (PledgeFacts("力争聚溪路、营洪路等项目年内竣工"), PledgeFacts("确保聚溪路年内竣工")),
    (PledgeFacts("完成《东湖镇国土空间总体规划》编制"), PledgeFacts("编制完成《东湖镇国土空间总体规划》")),
    (PledgeFacts("新增就业岗位2000个", "个"), PledgeFacts("新增就业岗位2500个", "个")),
    (PledgeFacts("完成拆除违法建筑3万平方米", "平方米"), PledgeFacts("确保拆违2万平方米", "平方米")),
    (PledgeFacts("9月底前完成社区食堂建设"), PledgeFacts("建成2家社区食堂", "家")),
]

DIFFERENT = [
    (PledgeFacts("完成10个老旧小区改造", "个"), PledgeFacts("完成5个农村公路改造", "个")),
    (PledgeFacts("举办首届羊肉文化节"), PledgeFacts("举办第二届桃花节")),
    (PledgeFacts("完成镇敬老院改扩建"), PledgeFacts("完成社区卫生服务中心改建")),
    (PledgeFacts("新增就业岗位2000个", "个"), PledgeFacts("新增停车位200个", "个")),
]


@pytest.mark.parametrize(("earlier", "later"), RESTATED, ids=[p[1].text for p in RESTATED])
def test_it_links_a_restated_pledge(earlier, later):
    assert same_promise(earlier, later), score(earlier, later)


@pytest.mark.parametrize(("earlier", "later"), DIFFERENT, ids=[p[1].text for p in DIFFERENT])
def test_it_keeps_different_objects_apart(earlier, later):
    assert score(earlier, later) < THRESHOLD


def test_a_different_unit_is_a_different_object():
    assert not same_promise(PledgeFacts("新增就业岗位2000个", "个"), PledgeFacts("新增就业岗位2000人", "人"))


def test_start_then_finish_is_progress_not_a_carry_over():
    assert stage("启动七灶村村庄设计") == "start"
    assert stage("编制完成村庄设计") == "finish"
    assert not same_promise(PledgeFacts("启动七灶村村庄设计"), PledgeFacts("完成七灶村村庄设计"))
    assert not same_promise(PledgeFacts("力争年内开工10台加梯", "台"), PledgeFacts("确保竣工10台加梯", "台"))


def test_the_object_drops_numbers_deadlines_and_modal_words():
    assert object_text("力争聚溪路、营洪路等项目年内竣工") == "聚溪路营洪路"
    assert object_text("确保9月底前完成30台加梯任务") == "加装电梯"  # the lexicon's one form of 加梯


def test_an_abbreviation_outside_the_lexicon_still_links():
    assert same_promise(PledgeFacts("完成旧区改造3个", "个"), PledgeFacts("力争完成旧改5个", "个"))


def test_it_pairs_one_to_one_with_the_latest_earlier_self():
    earlier = [
        PledgeFacts("完成20台加梯", "台"),  # July of the year before
        PledgeFacts("完成聚溪路竣工"),
        PledgeFacts("完成30台加梯", "台"),  # a later report that promised it again
    ]
    later = [
        PledgeFacts("确保完成40台加装电梯", "台"),
        PledgeFacts("新建3座公共厕所", "座"),
        PledgeFacts("聚溪路年内竣工"),
    ]
    assert find_carry_overs(earlier, later) == {0: 2, 2: 1}


def test_empty_inputs_pair_nothing():
    assert find_carry_overs([], [PledgeFacts("完成20台加梯", "台")]) == {}
    assert find_carry_overs([PledgeFacts("完成20台加梯", "台")], []) == {}


def test_plot_codes_decide_between_plots():
    assert codes("完成六灶 03-04、C06-03、C08-01A 地块出让") == {"03-04", "C06-03", "C08-01A"}
    assert codes("争创2021-2022年度全国“四好”商会") == frozenset()  # a year range is no plot
    assert same_promise(PledgeFacts("完成六灶 03-04、C06-03、C08-01A 地块出让"), PledgeFacts("完成C08-01A地块出让"))
    assert same_promise(PledgeFacts("05-08地块和188地块确保开工建设"), PledgeFacts("05-08地块安置房确保上半年开工"))
    assert not same_promise(PledgeFacts("05-08地块确保开工建设"), PledgeFacts("10-06地块幼儿园开工建设"))


def test_a_milestone_is_not_linked_to_a_count_of_something_related():
    assert not same_promise(PledgeFacts("商务区东片12-04项目开工"), PledgeFacts("商务区新增落地重大产业项目3个", "个"))
    assert not same_promise(
        PledgeFacts("确定2025年镇政府实事项目候选目录"), PledgeFacts("2025年镇政府实事项目共10项", "项")
    )
