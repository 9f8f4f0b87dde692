import pytest
from web_world import build_world

from tracker.models import Comment, Evidence, Pledge, StatusChange


@pytest.fixture
def world(staff_user):
    return build_world()


def page(client, pledge) -> str:
    return client.get(f"/pledges/{pledge.pk}/").content.decode()


def test_pledge_is_highlighted_in_its_paragraph(client, deputy, world):
    client.force_login(deputy)
    html = page(client, world.lift)
    assert '<mark class="mark focus" title="本条承诺">确保完成加装电梯20台</mark>' in html
    assert "（一）民生保障。" in html  # the rest of the paragraph is shown around it
    assert "不少于 20台" in html and "年底前" in html and "确保" in html


def test_evidence_is_highlighted_in_the_later_report_with_value_and_ratio(client, deputy, world):
    client.force_login(deputy)
    html = page(client, world.lift)
    assert '<mark class="mark evidence" title="依据">全年完成加装电梯12台</mark>' in html
    assert "民生实事有序推进。" in html
    assert "12台，完成率 <strong>60%</strong>" in html
    assert "当前依据" in html


def test_history_lists_every_verdict(client, deputy, world, staff_user):
    world.canteen.record_status("partial", reason="delayed", actor=staff_user, note="食堂仅完成主体")
    world.canteen.record_status("missed", confidence=0.3)  # a later machine verdict does not apply
    client.force_login(deputy)
    html = page(client, world.canteen)
    history = html[html.index('id="history"') :]
    assert "待核查 → <strong>已兑现</strong>" in history
    assert "机器判定（置信度 0.91）" in history
    assert "人大办工作人员" in history and "食堂仅完成主体" in history
    assert "未生效：已有人工判定" in history


def test_staff_sees_the_override_form_and_deputy_does_not(client, staff_user, deputy, world):
    client.force_login(staff_user)
    html = page(client, world.lift)
    assert 'action="/pledges/%d/status/"' % world.lift.pk in html
    assert 'action="/pledges/%d/comment/"' % world.lift.pk not in html
    client.force_login(deputy)
    html = page(client, world.lift)
    assert "/status/" not in html and "确认机器判定" not in html
    assert 'action="/pledges/%d/comment/"' % world.lift.pk in html
    assert "基本满意" in html


def test_staff_overrides_status_with_a_note(client, staff_user, world):
    client.force_login(staff_user)
    r = client.post(
        f"/pledges/{world.lift.pk}/status/",
        {"status": "fulfilled", "reason": "", "achieved_value": "21", "note": "补充材料显示已完成21台"},
    )
    assert r.status_code == 302 and r["Location"] == f"/pledges/{world.lift.pk}/#history"
    lift = Pledge.objects.get(pk=world.lift.pk)
    assert (lift.status, lift.achieved_value, lift.confirmed) == ("fulfilled", 21, True)
    change = lift.history.first()
    assert change.actor == staff_user and change.note == "补充材料显示已完成21台"
    html = client.get(r["Location"]).content.decode()
    assert "已记录新的判定：已兑现" in html
    assert "部分兑现 → <strong>已兑现</strong>" in html


def test_staff_adds_a_new_evidence_quote(client, staff_user, world):
    client.force_login(staff_user)
    r = client.post(
        f"/pledges/{world.housing.pk}/status/",
        {
            "status": "partial",
            "reason": "delayed",
            "quote": "老旧小区改造尚在设计",
            "quote_report": world.r2.pk,
            "note": "仍在设计阶段",
        },
    )
    assert r.status_code == 302
    housing = Pledge.objects.get(pk=world.housing.pk)
    assert housing.evidence.quote == "老旧小区改造尚在设计"
    assert housing.evidence.passage is not None
    html = page(client, housing)
    assert '<mark class="mark evidence" title="依据">老旧小区改造尚在设计</mark>' in html


def test_override_without_note_shows_chinese_error_and_keeps_input(client, staff_user, world):
    client.force_login(staff_user)
    before = StatusChange.objects.count()
    r = client.post(
        f"/pledges/{world.lift.pk}/status/",
        {"status": "missed", "reason": "delayed", "achieved_value": "7", "note": "  "},
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "请填写说明：为什么确认或更改这一判定。" in html
    assert 'value="7"' in html
    assert '<option value="missed" selected>' in html
    assert StatusChange.objects.count() == before
    assert Pledge.objects.get(pk=world.lift.pk).status == "partial"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"status": "fulfilled", "reason": "delayed"}, "“已兑现”和“待核查”不需要填写原因。"),
        ({"status": "partial", "reason": "cancelled"}, "部分兑现的原因只能是“未达目标”或“延期”。"),
        ({"status": "partial", "achieved_value": "-3"}, "确保该值大于或等于0"),
        ({"status": "partial", "quote": "全年完成加装电梯12台"}, "请选择引文所在的报告。"),
        ({"status": "partial", "quote": "这句话不在报告里", "quote_report": "R2"}, "所选报告中找不到这段引文"),
        ({"status": "unknown"}, "选择一个有效的选项"),
    ],
)
def test_bad_override_is_explained_in_chinese(client, staff_user, world, data, message):
    client.force_login(staff_user)
    data = {**data, "note": "核对"}
    if data.get("quote_report") == "R2":
        data["quote_report"] = world.r2.pk
    r = client.post(f"/pledges/{world.lift.pk}/status/", data)
    assert r.status_code == 400
    html = r.content.decode()
    assert message in html
    assert "核对</textarea>" in html
    assert Pledge.objects.get(pk=world.lift.pk).confirmed is False


def test_deputy_cannot_override_status(client, deputy, world):
    client.force_login(deputy)
    before = StatusChange.objects.count()
    r = client.post(f"/pledges/{world.lift.pk}/status/", {"status": "fulfilled", "note": "我觉得完成了"})
    assert r.status_code == 403
    assert "只有人大工作人员可以进行此操作" in r.content.decode()
    r = client.post(f"/pledges/{world.lift.pk}/confirm/")
    assert r.status_code == 403
    lift = Pledge.objects.get(pk=world.lift.pk)
    assert (lift.status, lift.confirmed) == ("partial", False)
    assert StatusChange.objects.count() == before


def test_outsider_cannot_read_or_change(client, outsider, world):
    client.force_login(outsider)
    assert client.get(f"/pledges/{world.lift.pk}/").status_code == 403
    assert client.post(f"/pledges/{world.lift.pk}/status/", {"status": "fulfilled", "note": "x"}).status_code == 403
    assert client.post(f"/pledges/{world.lift.pk}/comment/", {"rating": "satisfied"}).status_code == 403
    assert Comment.objects.count() == 0


def test_get_changes_nothing(client, staff_user, world):
    client.force_login(staff_user)
    assert client.get(f"/pledges/{world.lift.pk}/confirm/").status_code == 405
    assert client.get(f"/pledges/{world.lift.pk}/status/?status=fulfilled&note=x").status_code == 405
    assert Pledge.objects.get(pk=world.lift.pk).confirmed is False


def test_deputy_comments_and_rates(client, deputy, world):
    client.force_login(deputy)
    r = client.post(f"/pledges/{world.jobs.pk}/comment/", {"rating": "unsatisfied", "text": "就业岗位未见报告"})
    assert r.status_code == 302
    comment = Comment.objects.get()
    assert (comment.author, comment.rating, comment.pledge) == (deputy, "unsatisfied", world.jobs)
    html = client.get(r["Location"]).content.decode()
    assert "就业岗位未见报告" in html and "不满意" in html and "感谢您的意见" in html


def test_empty_comment_is_explained_and_input_kept(client, deputy, world):
    client.force_login(deputy)
    r = client.post(f"/pledges/{world.jobs.pk}/comment/", {"rating": "", "text": "   "})
    assert r.status_code == 400
    assert "请填写意见或选择满意度。" in r.content.decode()
    r = client.post(f"/pledges/{world.jobs.pk}/comment/", {"rating": "great", "text": "好"})
    html = r.content.decode()
    assert r.status_code == 400 and "选择一个有效的选项" in html and "好</textarea>" in html
    assert Comment.objects.count() == 0


def test_staff_cannot_rate_on_behalf_of_deputies(client, staff_user, world):
    client.force_login(staff_user)
    r = client.post(f"/pledges/{world.jobs.pk}/comment/", {"rating": "satisfied"})
    assert r.status_code == 403
    assert "只有人大代表可以发表意见" in r.content.decode()


def test_admin_may_do_both(client, admin_user, world):
    client.force_login(admin_user)
    html = page(client, world.lift)
    assert "/status/" in html and "/comment/" in html


def test_pledge_without_evidence_says_so(client, deputy, world):
    client.force_login(deputy)
    html = page(client, world.park)
    assert "尚无后续报告中的依据" in html
    assert Evidence.objects.filter(pledge=world.park).count() == 0


def test_missing_pledge_is_404(client, deputy, world):
    client.force_login(deputy)
    assert client.get("/pledges/99999/").status_code == 404
