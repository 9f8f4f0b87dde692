"""A deputy opens a town's summary in Chromium and prints it to PDF; the PDF holds the figures,
the evidence and the questions. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from pdfminer.high_level import extract_text
from summaries_fixtures import make_summary_data

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip("未找到 /usr/bin/chromium：跳过浏览器测试（apt-get install -y chromium fonts-noto-cjk）")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def reader(transactional_db) -> User:
    # Own user and group: an earlier transactional test may have flushed the migration's groups.
    group, _ = Group.objects.get_or_create(name="deputy")
    user = User.objects.create_user("pdf-deputy", password="pass-pdf-deputy", first_name="代表")
    user.groups.add(group)
    return user


def _norm(text: str) -> str:
    # NFKC on both sides: the CJK font maps some glyphs to Kangxi radicals (⽉ for 月) in the
    # PDF's text layer, and NFKC folds those back (and full-width punctuation to ASCII).
    return "".join(unicodedata.normalize("NFKC", text).split())


def _log_in(page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "pdf-deputy")
    page.fill("#id_password", "pass-pdf-deputy")
    page.click("form [type=submit]")
    page.wait_for_load_state()


def test_a_deputy_prints_the_summary_to_pdf(chromium, live_server, reader, tmp_path):
    data = make_summary_data()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    _log_in(page, live_server.url)

    page.goto(f"{live_server.url}/summaries/town/{data.town.pk}/?report={data.july.pk}")
    assert page.locator("h1", has_text="东湖镇承诺兑现情况").is_visible()
    assert page.locator("svg.chart").is_visible()
    page.screenshot(path=str(SHOTS / "summary_page.png"), full_page=True)

    page.click("text=打印版")
    page.wait_for_load_state()
    assert "/print/" in page.url
    page.screenshot(path=str(SHOTS / "summary_print_page.png"), full_page=True)
    pdf = tmp_path / "summary.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    flat = _norm(extract_text(str(pdf)))
    assert _norm("东湖镇承诺兑现情况") in flat
    assert _norm("共7项承诺：已兑现1项，部分兑现2项，未兑现3项") in flat
    assert _norm("全年竣工加装电梯20台") in flat  # an evidence quote
    assert _norm("显示竣工20台，为目标的57%，请说明未完成原因及后续安排") in flat  # a drafted question
    assert _norm("未经人工确认") in flat
    assert _norm("生成于") in flat  # the running header of the printed pages
    assert "登录" not in flat and "退出" not in flat  # no navigation on paper

    page.goto(f"{live_server.url}/summaries/district/?district={data.town.district}")
    assert page.locator("table.comparison tbody tr").count() == 2
    page.screenshot(path=str(SHOTS / "district_comparison.png"), full_page=True)

    # the same summary on a 375px-wide phone: no sideways scrolling
    phone = chromium.new_page(viewport={"width": 375, "height": 800}, locale="zh-CN")
    _log_in(phone, live_server.url)
    phone.goto(f"{live_server.url}/summaries/town/{data.town.pk}/?report={data.july.pk}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.screenshot(path=str(SHOTS / "summary_phone.png"))

    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", str(pdf), str(SHOTS / "summary_pdf")],
            check=True,
        )
        assert (SHOTS / "summary_pdf-1.png").exists()
