"""Playwright against real Chromium and pytest-django's live server.

Chromium is Debian's package at /usr/bin/chromium (installed by .ci/run); without it the
browser tests skip. Screenshots go to test-artifacts/screenshots/ (gitignored).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (fixtures, assertions) would otherwise be refused as "async unsafe".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


# Module scope, not session: Playwright's sync API keeps an event loop running while it is
# open, and another module that starts its own sync_playwright() would be refused.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("未找到 /usr/bin/chromium（Debian 的 chromium 包）：跳过浏览器测试")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def people(transactional_db) -> dict[str, User]:
    """Staff and deputy users; groups are re-created because a transactional test flushes migration data."""
    made = {}
    for username, group, name in (("staffer", "staff", "人大办工作人员"), ("deputy", "deputy", "代表")):
        user = User.objects.create_user(username=username, password="pass-" + username, first_name=name)
        user.groups.add(Group.objects.get_or_create(name=group)[0])
        made[group] = user
    return made


@pytest.fixture
def shoot():
    """shoot(page, "name") saves name.png (desktop) and name-375.png (phone width, full page)."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
        page.set_viewport_size(PHONE)
        page.screenshot(path=str(SHOTS / f"{name}-375.png"), full_page=True)
        page.set_viewport_size(DESKTOP)

    return take


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pass-" + username)
    page.click("button[type=submit]")
    page.wait_for_url("**/")
