"""Uploading a report: file or pasted text → preview → save → report page."""

import pytest

from reports.models import Report

REPORT = """# 东湖镇人民政府上半年工作报告

——2021年7月15日在东湖镇第十八届人民代表大会第五次会议上

王 明

各位代表：

现在，我代表东湖镇人民政府，向大会报告上半年政府工作情况，请予审议。

## 一、上半年工作回顾

上半年，全镇完成道路修缮3公里，新开工保障房2幢。

## 二、下半年工作安排

（一）民生保障。年底前确保完成加装电梯20台，建成社区食堂1个。

（二）稳就业。力争新增就业岗位500个，确保城镇登记失业率控制在3%以内。

各位代表，让我们团结一心，为完成全年目标任务而努力奋斗！
"""


@pytest.fixture
def ingest():
    try:
        from reports import ingest
    except ImportError as e:  # the analysis stack lands separately
        pytest.skip(f"reports.ingest 尚不可用：{e}")
    return ingest


@pytest.fixture
def saving(ingest):
    import importlib.util

    for name in ("tracker.matcher", "tracker.carryover"):
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"{name} 尚不可用：保存报告需要它")
    return ingest


@pytest.fixture
def staff(client, staff_user):
    client.force_login(staff_user)
    return client


def test_upload_is_for_staff_only(client, deputy):
    client.force_login(deputy)
    r = client.get("/reports/upload/")
    assert r.status_code == 403 and "只有人大工作人员" in r.content.decode()
    assert client.post("/reports/upload/save/", {"text": REPORT}).status_code == 403
    assert Report.objects.count() == 0


def test_upload_page_offers_file_and_paste(staff):
    html = staff.get("/reports/upload/").content.decode()
    assert 'type="file"' in html and "<textarea" in html and 'enctype="multipart/form-data"' in html


def test_nothing_given_is_explained(staff):
    r = staff.post("/reports/upload/", {"text": "   "})
    assert r.status_code == 400
    assert "请选择报告文件，或粘贴报告全文。" in r.content.decode()


def test_file_and_text_together_are_refused_and_text_kept(staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    f = SimpleUploadedFile("r.txt", REPORT.encode("utf-8"), content_type="text/plain")
    r = staff.post("/reports/upload/", {"file": f, "text": "我粘贴的一段话"})
    html = r.content.decode()
    assert r.status_code == 400
    assert "请只选择一种方式" in html
    assert "我粘贴的一段话</textarea>" in html


def test_bad_file_is_explained_in_chinese(staff, ingest):
    from django.core.files.uploadedfile import SimpleUploadedFile

    f = SimpleUploadedFile("报告.docx", b"this is not a docx", content_type="application/octet-stream")
    r = staff.post("/reports/upload/", {"file": f})
    html = r.content.decode()
    assert r.status_code == 400
    error = html[html.index('class="errorlist') :][:300]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error), error
    assert "需要重新选择" in html


def test_pasted_report_is_previewed_with_parts_and_pledges(staff, ingest):
    r = staff.post("/reports/upload/", {"text": REPORT})
    html = r.content.decode()
    assert r.status_code == 200
    assert 'value="东湖镇"' in html and 'value="2021-07-15"' in html  # metadata prefilled, editable
    assert '<option value="half_year" selected>' in html
    assert "工作回顾" in html and "工作安排" in html  # parts found
    assert "加装电梯20台" in html and "新增就业岗位500个" in html  # pledges found
    assert "识别出的承诺（0）" not in html
    assert Report.objects.count() == 0  # nothing saved by the preview


def test_pasted_report_is_saved_and_shown(staff, saving, staff_user):
    r = staff.post(
        "/reports/upload/save/",
        {
            "text": REPORT,
            "source_name": "粘贴的文本",
            "town": "东湖镇",
            "district": "临江区",
            "delivered_on": "2021-07-15",
            "kind": "half_year",
            "action": "save",
        },
    )
    report = Report.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/reports/{report.pk}/"
    assert report.uploaded_by == staff_user and report.town.district == "临江区"
    html = staff.get(r["Location"]).content.decode()
    assert "报告已保存：提取承诺" in html
    assert "本镇没有需要比对的前期承诺。" in html  # a new town: nothing earlier to match
    assert 'class="mark pledge s-pending"' in html and "加装电梯20台" in html


def test_duplicate_upload_is_flagged_and_not_stored_twice(staff, saving):
    saving.ingest_text(REPORT, "r.txt", district="临江区")
    r = staff.post("/reports/upload/", {"text": REPORT})
    assert "该报告已导入过" in r.content.decode()
    r = staff.post(
        "/reports/upload/save/",
        {
            "text": REPORT,
            "source_name": "r.txt",
            "town": "东湖镇",
            "district": "临江区",
            "delivered_on": "2021-07-15",
            "kind": "half_year",
            "action": "save",
        },
    )
    assert Report.objects.count() == 1
    assert r["Location"] == f"/reports/{Report.objects.get().pk}/"


def test_missing_metadata_is_asked_for_and_text_kept(staff, ingest):
    text = REPORT.replace("东湖镇", "本镇").replace("——2021年7月15日", "——")
    r = staff.post(
        "/reports/upload/save/",
        {"text": text, "source_name": "粘贴的文本", "town": " ", "delivered_on": "2021年", "kind": "half_year"},
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "请填写镇/街道名称。" in html
    assert "报告日期格式不对" in html
    assert "加装电梯20台" in html  # the hidden text field still holds the report
    assert Report.objects.count() == 0


def test_changed_metadata_can_be_previewed_again(staff, ingest):
    r = staff.post(
        "/reports/upload/save/",
        {
            "text": REPORT,
            "source_name": "粘贴的文本",
            "town": "西湖镇",
            "district": "临江区",
            "delivered_on": "2021-07-20",
            "kind": "half_year",
            "action": "preview",
        },
    )
    html = r.content.decode()
    assert r.status_code == 200 and 'value="西湖镇"' in html and 'value="2021-07-20"' in html
    assert Report.objects.count() == 0


def test_lost_text_sends_back_to_upload(staff):
    r = staff.post("/reports/upload/save/", {"town": "东湖镇"})
    assert r.status_code == 302 and r["Location"] == "/reports/upload/"
    assert "报告内容已丢失" in staff.get("/reports/upload/").content.decode()


def test_seed_file_upload_shows_pledges(staff, ingest, shared_dir):
    from django.core.files.uploadedfile import SimpleUploadedFile

    seed = sorted((shared_dir / "seeds").glob("*.txt"))[0]
    f = SimpleUploadedFile(seed.name, seed.read_bytes(), content_type="text/plain")
    r = staff.post("/reports/upload/", {"file": f})
    html = r.content.decode()
    assert r.status_code == 200
    assert "识别出的承诺（0）" not in html
    assert f'name="source_name" value="{seed.name}"' in html
