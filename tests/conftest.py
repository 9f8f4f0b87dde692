import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

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


@pytest.fixture
def score_export(shared_dir, tmp_path):
    """Export every stored pledge and score it against a gold folder with ../shared's scorer."""

    def score(gold_dir: Path) -> dict:
        out = StringIO()
        call_command("export_pledges", format="json", stdout=out)
        export = tmp_path / "export.json"
        export.write_text(out.getvalue(), encoding="utf-8")
        summary = tmp_path / "summary.json"
        scorer = shared_dir / "tools" / "score_pledges.py"
        run = subprocess.run(
            [sys.executable, str(scorer), str(export), str(gold_dir), "--json", str(summary)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(run.stdout)
        return json.loads(summary.read_text(encoding="utf-8"))

    return score
