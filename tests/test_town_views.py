import pytest
from web_world import add_pledges, build_world


@pytest.fixture
def world(staff_user):
    return build_world(staff=staff_user)


def test_login_is_required(client, world):
    r = client.get("/")
    assert r.status_code == 302
    assert r["Location"].startswith("/accounts/login/")


def test_user_without_role_is_refused(client, outsider, world):
    client.force_login(outsider)
    r = client.get("/")
    assert r.status_code == 403
    assert "尚未分配角色" in r.content.decode()
    assert "东湖镇" not in r.content.decode()
    assert client.get(f"/towns/{world.donghu.pk}/").status_code == 403


def test_town_list_shows_counts_bars_and_rates(client, deputy, world):
    client.force_login(deputy)
    html = client.get("/").content.decode()
    assert "东湖镇" in html and "西山街道" in html and "北塘镇" in html
    # 东湖镇: 5 pledges (partial, fulfilled, missed, 2 pending) → rate 1/3
    assert 'title="部分兑现 1"' in html and 'title="未兑现 1"' in html
    assert "33%" in html
    assert "100%" in html  # 西山街道: one decided, fulfilled
    assert 'class="bar"' in html


def test_town_list_sorts_by_fulfilment_rate(client, deputy, world):
    client.force_login(deputy)
    html = client.get("/?sort=-rate").content.decode()
    assert html.index("西山街道") < html.index("东湖镇") < html.index("北塘镇")
    html = client.get("/?sort=rate").content.decode()
    # the town with no decided pledge has no rate and stays last either way
    assert html.index("东湖镇") < html.index("西山街道") < html.index("北塘镇")


def test_town_list_query_count_does_not_grow_with_rows(client, deputy, world, django_assert_max_num_queries):
    client.force_login(deputy)
    with django_assert_max_num_queries(6):
        client.get("/")
    for i in range(15):
        from tracker.models import Town

        Town.objects.create(name=f"新镇{i}", district="临江区")
    add_pledges(world.r3, 10)
    with django_assert_max_num_queries(6):
        r = client.get("/")
    assert "新镇14" in r.content.decode()


def test_town_page_shows_periods_sections_and_groups(client, deputy, world):
    client.force_login(deputy)
    r = client.get(f"/towns/{world.donghu.pk}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert "2021年下半年" in html and "2022年全年" in html
    assert "（一）民生保障" in html  # a section of the plan
    assert 'id="status-partial"' in html and "确保完成加装电梯20台" in html
    # a pledge sits in the group of its status
    partial = html[html.index('id="status-partial"') : html.index('id="status-missed"')]
    assert "确保完成加装电梯20台" in partial and "年底前建成社区食堂" not in partial
    assert "西山街道" not in html.split("<main>")[1]


def test_town_page_query_count_is_bounded(client, deputy, world, django_assert_max_num_queries):
    client.force_login(deputy)
    add_pledges(world.r1, 20)
    with django_assert_max_num_queries(10):
        client.get(f"/towns/{world.donghu.pk}/")


def test_missing_town_is_404(client, deputy, world):
    client.force_login(deputy)
    assert client.get("/towns/9999/").status_code == 404
