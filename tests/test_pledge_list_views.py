import pytest
from web_world import add_pledges, build_world


@pytest.fixture
def world(staff_user):
    return build_world(staff=staff_user)


@pytest.fixture
def reader(client, deputy):
    client.force_login(deputy)
    return client


def rows(client, query: str = "") -> str:
    html = client.get("/pledges/" + query).content.decode()
    return html[html.index("<tbody>") : html.index("</tbody>")]


def test_outsider_is_refused(client, outsider, world):
    client.force_login(outsider)
    assert client.get("/pledges/").status_code == 403


def test_list_shows_every_pledge_with_status_and_target(reader, world):
    body = rows(reader)
    for p in ("确保完成加装电梯20台", "年底前建成社区食堂", "力争新增就业岗位500个", "确保完成拆除违法建筑2万平方米"):
        assert p in body
    assert "部分兑现" in body and "未兑现" in body and "待核查" in body
    assert "不少于 20台" in body
    assert "人工确认" in body and "机器判定 0.42" in body


def test_filter_by_town_and_status(reader, world):
    body = rows(reader, f"?town={world.xishan.pk}")
    assert "拆除违法建筑" in body and "加装电梯" not in body
    body = rows(reader, "?status=missed")
    assert "新增就业岗位" in body and "加装电梯" not in body and "社区食堂" not in body


def test_filter_by_district_period_kind_strength(reader, world):
    assert "加装电梯" in rows(reader, "?district=临江区")
    assert "没有符合条件的承诺" in rows(reader, "?district=云江区")
    body = rows(reader, "?period=2022-annual")
    assert "口袋公园" in body and "加装电梯" not in body
    body = rows(reader, "?kind=quantitative&strength=aspirational")
    assert "新增就业岗位" in body and "加装电梯" not in body and "社区食堂" not in body


def test_filter_by_reason_and_confirmation(reader, world):
    body = rows(reader, "?reason=shortfall")
    assert "加装电梯" in body and "新增就业" not in body
    body = rows(reader, "?confirmed=yes")
    assert "拆除违法建筑" in body and "加装电梯" not in body
    body = rows(reader, "?confirmed=no")
    assert "加装电梯" in body and "拆除违法建筑" not in body


def test_filter_by_deadline_range(reader, world):
    body = rows(reader, "?deadline_after=2022-01-01&deadline_before=2022-12-31")
    assert "口袋公园" in body and "加装电梯" not in body


def test_text_search_understands_chinese_words(reader, world):
    body = rows(reader, "?q=社区食堂")
    assert "年底前建成社区食堂" in body and "加装电梯" not in body
    # a genre short form finds the full form through the lexicon's synonyms
    body = rows(reader, "?q=加梯")
    assert "确保完成加装电梯20台" in body and "社区食堂" not in body
    body = rows(reader, "?q=拆违")
    assert "拆除违法建筑" in body
    assert "没有符合条件的承诺" in rows(reader, "?q=高铁站")


def test_list_is_sortable_and_keeps_filters_in_links(reader, world):
    html = reader.get("/pledges/?o=-deadline&town=" + str(world.donghu.pk)).content.decode()
    body = html[html.index("<tbody>") :]
    assert body.index("口袋公园") < body.index("加装电梯")  # 2022 deadline before 2021
    assert f"town={world.donghu.pk}" in html[html.index("<thead>") : html.index("</thead>")]


def test_list_is_paginated_with_filters_kept(reader, world):
    add_pledges(world.r1, 60)
    html = reader.get(f"/pledges/?town={world.donghu.pk}&status=missed").content.decode()
    assert "第 1 / 2 页" in html
    assert f"?town={world.donghu.pk}&amp;status=missed&amp;page=2" in html
    html = reader.get(f"/pledges/?town={world.donghu.pk}&status=missed&page=2").content.decode()
    assert "第 2 / 2 页" in html


def test_invalid_filter_value_is_explained_in_chinese(reader, world):
    html = reader.get("/pledges/?status=bogus&deadline_after=昨天").content.decode()
    assert "选择一个有效的选项" in html
    assert "输入一个有效的日期" in html
    assert 'value="昨天"' in html


def test_query_count_does_not_grow_with_rows(reader, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(10) as few:
        reader.get("/pledges/")
    add_pledges(world.r1, 40)
    add_pledges(world.r3, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = reader.get("/pledges/").content.decode()
    assert "共 52 条" in html and "补充承诺" in html


def test_export_links_carry_the_filter(reader, world):
    html = reader.get(f"/pledges/?status=missed&town={world.donghu.pk}").content.decode()
    assert f'href="/summaries/pledges.csv?status=missed&amp;town={world.donghu.pk}"' in html
    assert f'href="/summaries/pledges.xlsx?status=missed&amp;town={world.donghu.pk}"' in html
