"""The demo loader behind the README's first command."""

from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from reports.models import Report
from tracker.models import Pledge


def test_demo_loads_the_samples_and_prints_working_logins(db, tmp_path):
    out = StringIO()
    call_command("load_demo", shared=str(tmp_path / "no-shared"), stdout=out)
    printed = out.getvalue()
    assert Report.objects.filter(town__name="桃源镇").count() == 2
    # the annual report settled the half-year report's pledges
    assert Pledge.objects.filter(town__name="桃源镇").exclude(status="pending").exists()
    for username, password in (("staff", "duixian-staff"), ("deputy", "duixian-deputy"), ("admin", "duixian-admin")):
        assert f"用户名 {username}  密码 {password}" in printed
        request = RequestFactory().post("/accounts/login/")
        assert authenticate(request, username=username, password=password) is not None


def test_running_the_demo_twice_adds_nothing(db, tmp_path):
    call_command("load_demo", shared=str(tmp_path), stdout=StringIO())
    before = (Report.objects.count(), Pledge.objects.count())
    out = StringIO()
    call_command("load_demo", shared=str(tmp_path), stdout=out)
    assert (Report.objects.count(), Pledge.objects.count()) == before
    assert "已存在" in out.getvalue()
