import pytest
from web_world import build_world

from tracker.models import Comment

MODELS = [
    "tracker/town",
    "tracker/pledge",
    "tracker/evidence",
    "tracker/statuschange",
    "tracker/comment",
    "reports/report",
    "reports/part",
    "reports/passage",
]


@pytest.fixture
def world(staff_user, deputy):
    world = build_world(staff=staff_user)
    Comment.objects.create(pledge=world.jobs, author=deputy, rating="unsatisfied", text="未见进展")
    return world


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_and_opens_every_model_in_chinese(client, admin_user, world, model):
    client.force_login(admin_user)
    r = client.get(f"/admin/{model}/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "兑现 · 管理后台" in html
    assert "选择" in html or "增加" in html
    first = r.context["cl"].result_list[0]
    r = client.get(f"/admin/{model}/{first.pk}/change/")
    assert r.status_code == 200
    assert "保存" in r.content.decode() or "关闭" in r.content.decode()


def test_admin_index_names_models_in_chinese(client, admin_user, world):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    for name in ("承诺", "依据", "状态记录", "代表意见", "报告", "段落", "镇/街道"):
        assert name in html


def test_status_history_cannot_be_edited_in_admin(client, admin_user, world):
    client.force_login(admin_user)
    change = world.demolition.history.first()
    r = client.post(f"/admin/tracker/statuschange/{change.pk}/change/", {"note": "改写"})
    assert r.status_code == 403
    assert client.post(f"/admin/tracker/statuschange/{change.pk}/delete/", {"post": "yes"}).status_code == 403


def test_deputy_has_no_admin(client, deputy):
    client.force_login(deputy)
    assert client.get("/admin/").status_code == 302
