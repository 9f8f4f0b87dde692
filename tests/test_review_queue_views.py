import pytest
from web_world import add_pledges, build_world

from tracker.models import Pledge


@pytest.fixture
def world(staff_user):
    return build_world(staff=staff_user)


def test_queue_lists_machine_verdicts_low_confidence_first(client, staff_user, world):
    client.force_login(staff_user)
    html = client.get("/review/").content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    # lift 0.42 < jobs 0.60 < canteen 0.91; pending and confirmed pledges are not in the queue
    assert body.index("加装电梯") < body.index("新增就业岗位") < body.index("社区食堂")
    assert "口袋公园" not in body and "拆除违法建筑" not in body
    assert "全年完成加装电梯12台" in body  # the evidence quote
    assert f'href="/pledges/{world.lift.pk}/#status-form"' in body


def test_one_click_confirm_keeps_the_verdict_and_returns_to_the_queue(client, staff_user, world):
    client.force_login(staff_user)
    r = client.post(f"/pledges/{world.lift.pk}/confirm/", {"next": "/review/?page=1"})
    assert r.status_code == 302 and r["Location"] == "/review/?page=1"
    lift = Pledge.objects.get(pk=world.lift.pk)
    assert (lift.status, lift.achieved_value, lift.confirmed) == ("partial", 12, True)
    assert lift.history.first().actor == staff_user
    html = client.get(r["Location"]).content.decode()
    assert "已确认：确保完成加装电梯20台" in html
    assert "加装电梯" not in html[html.index("<tbody>") : html.index("</tbody>")]


def test_confirm_ignores_a_foreign_next_url(client, staff_user, world):
    client.force_login(staff_user)
    r = client.post(f"/pledges/{world.lift.pk}/confirm/", {"next": "https://evil.example/"})
    assert r["Location"] == f"/pledges/{world.lift.pk}/"


def test_deputy_cannot_open_the_queue(client, deputy, world):
    client.force_login(deputy)
    r = client.get("/review/")
    assert r.status_code == 403
    assert "只有人大工作人员" in r.content.decode()


def test_deputy_sees_no_staff_links(client, deputy, world):
    client.force_login(deputy)
    html = client.get("/").content.decode()
    assert 'href="/review/"' not in html and 'href="/reports/upload/"' not in html


def test_queue_query_count_does_not_grow_with_rows(client, staff_user, world, django_assert_max_num_queries):
    client.force_login(staff_user)
    with django_assert_max_num_queries(10) as few:
        client.get("/review/")
    add_pledges(world.r1, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/review/").content.decode()
    assert "补充承诺" in html
