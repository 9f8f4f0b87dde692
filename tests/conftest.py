from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"

pytest_plugins = ["summaries_fixtures"]


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds 不存在：跳过依赖真实报告的测试")
    return SHARED


def _user(username: str, group: str | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password="pass-" + username, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def staff_user(db) -> User:
    return _user("staffer", "staff", first_name="人大办工作人员")


@pytest.fixture
def deputy(db) -> User:
    return _user("deputy", "deputy", first_name="代表")


@pytest.fixture
def outsider(db) -> User:
    return _user("outsider")


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_superuser("admin", "admin@example.org", "pass-admin")
