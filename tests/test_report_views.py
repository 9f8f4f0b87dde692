import pytest
from web_world import add_pledges, build_world


@pytest.fixture
def world(staff_user):
    return build_world(staff=staff_user)


def test_report_list_per_town(client, deputy, world):
    client.force_login(deputy)
    html = client.get("/reports/").content.decode()
    assert "东湖镇2021年工作报告" in html and "西山街道2021年工作报告" in html
    html = client.get(f"/reports/?town={world.xishan.pk}").content.decode()
    body = html[html.index("<tbody>") :]
    assert "西山街道2021年工作报告" in body and "东湖镇" not in body
    assert "上半年工作报告" in body


def test_report_list_ignores_a_bad_town(client, deputy, world):
    client.force_login(deputy)
    assert client.get("/reports/?town=abc").status_code == 200


def test_reader_marks_pledges_in_the_text(client, deputy, world):
    client.force_login(deputy)
    html = client.get(f"/reports/{world.r1.pk}/").content.decode()
    assert (
        f'<a class="mark pledge s-partial" href="/pledges/{world.lift.pk}/" title="部分兑现：确保完成加装电梯20台">'
        "确保完成加装电梯20台</a>" in html
    )
    assert f'<a class="mark pledge s-pending" href="/pledges/{world.housing.pk}/"' in html
    assert "上半年，全镇道路修缮顺利推进。" in html  # unmarked text is shown too
    assert "二、下半年工作安排" in html
    assert "本报告提出承诺 <strong>4</strong> 条" in html


def test_reader_marks_evidence_in_the_later_report(client, deputy, world):
    client.force_login(deputy)
    html = client.get(f"/reports/{world.r2.pk}/").content.decode()
    assert f'<a class="mark evidence" href="/pledges/{world.lift.pk}/"' in html
    assert ">全年完成加装电梯12台</a>" in html
    assert ">社区食堂建成投用</a>" in html
    assert "作为 <strong>2</strong> 条前期承诺的兑现依据" in html


def test_reader_escapes_report_text(client, deputy, world):
    world.r1.text = world.r1.text.replace("上半年，全镇", "<script>x</script>全镇")
    world.r1.save(update_fields=["text"])
    passage = world.r1.passages.get(order__gt=0, part__kind="review")
    passage.text = world.r1.text[passage.start : passage.end]
    passage.save(update_fields=["text"])
    client.force_login(deputy)
    html = client.get(f"/reports/{world.r1.pk}/").content.decode()
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_reader_query_count_does_not_grow_with_pledges(client, deputy, world, django_assert_max_num_queries):
    client.force_login(deputy)
    with django_assert_max_num_queries(12) as few:
        client.get(f"/reports/{world.r1.pk}/")
    add_pledges(world.r1, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/reports/{world.r1.pk}/")


def test_report_list_query_count_is_bounded(client, deputy, world, django_assert_max_num_queries):
    client.force_login(deputy)
    with django_assert_max_num_queries(6):
        client.get("/reports/")


def test_outsider_cannot_read_reports(client, outsider, world):
    client.force_login(outsider)
    assert client.get("/reports/").status_code == 403
    assert client.get(f"/reports/{world.r1.pk}/").status_code == 403
