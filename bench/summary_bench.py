"""Time the accountability summary for a town with 500 pledges (goal: DOCX under 2 s).

    DJANGO_SETTINGS_MODULE=duixian.settings .venv/bin/python bench/summary_bench.py [--pledges 500] [--runs 3]

Builds the town in a throwaway SQLite database (the real one is never touched), then
requests the HTML summary, the print page, the DOCX and the XLSX through Django's test
client as a signed-in deputy, and prints the seconds of each run and the best.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATUSES = [
    ("missed", "not_reported"),
    ("missed", "shortfall"),
    ("missed", "delayed"),
    ("partial", "shortfall"),
    ("partial", "delayed"),
    ("fulfilled", ""),
    ("fulfilled", ""),
    ("pending", ""),
]
SECTIONS = ["城市更新", "民生保障", "经济发展", "生态环境", "社会治理", "文化旅游", "乡村振兴", "安全生产"]
OBJECTS = ["加装电梯", "口袋公园", "社区食堂", "停车泊位", "老旧小区改造", "充电桩", "就业岗位", "养老床位"]


def build_town(n: int):
    from django.contrib.auth.models import Group, User

    from reports.models import Report
    from tracker.models import Evidence, Pledge, Town

    town = Town.objects.create(name="基准镇", district="基准区")
    july, january = (
        Report.objects.create(
            town=town,
            kind=kind,
            delivered_on=d,
            plan_year=year,
            title=f"基准镇{d.year}年报告",
            source_name=f"bench-{d}.txt",
            text="报告正文。" * 4000,
            checksum=hashlib.sha256(f"bench{d}".encode()).hexdigest(),
        )
        for kind, d, year in (("half_year", date(2022, 7, 12), 2022), ("annual", date(2023, 1, 10), 2023))
    )
    pledges = []
    for i in range(n):
        status, reason = STATUSES[i % len(STATUSES)]
        obj = OBJECTS[i % len(OBJECTS)]
        quantitative = i % 3 != 0
        target = 10 + i % 40
        pledges.append(
            Pledge(
                report=july,
                town=town,
                start=i * 20,
                end=i * 20 + 15,
                sequence=i,
                text=f"年内完成第{i}批{obj}{target}个" if quantitative else f"确保第{i}号{obj}项目年内竣工",
                kind="quantitative" if quantitative else "milestone",
                value=target if quantitative else None,
                unit="个" if quantitative else "",
                value_raw=f"{target}个" if quantitative else "",
                comparator=">=" if quantitative else "",
                deadline=date(2022, 12, 31),
                deadline_text="年内",
                strength=("firm", "plain", "aspirational")[i % 3],
                section=SECTIONS[i % len(SECTIONS)],
                status=status,
                status_reason=reason,
                achieved_value=(target // 2 if status == "partial" else target)
                if quantitative and status != "pending" and reason != "not_reported"
                else None,
                confirmed=i % 4 == 0,
                confidence=0.7,
            )
        )
    Pledge.objects.bulk_create(pledges)
    evidences = [
        Evidence(
            pledge=p,
            report=january,
            quote=f"全年{p.text[2:]}，完成{p.achieved_value or 0:.0f}个",
            achieved_value=p.achieved_value,
        )
        for p in Pledge.objects.filter(town=town).exclude(status="pending").exclude(status_reason="not_reported")
    ]
    Evidence.objects.bulk_create(evidences)
    for ev in Evidence.objects.filter(report=january):
        Pledge.objects.filter(pk=ev.pledge_id).update(evidence=ev)
    group, _ = Group.objects.get_or_create(name="deputy")
    user = User.objects.create_user("bench-deputy", password="x")
    user.groups.add(group)
    return town, july, user


def timed(client, url: str, runs: int) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(url)
        body = b"".join(r.streaming_content) if r.streaming else r.content
        times.append(time.perf_counter() - t)
        assert r.status_code == 200, (url, r.status_code)
        size = len(body)
    return times, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pledges", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="duixian-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duixian.settings")
    os.environ["DEBUG"] = "False"  # no query log in memory, as in production
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    town, july, user = build_town(args.pledges)
    client = Client()
    client.force_login(user)

    q = f"report={july.pk}"
    pages = [
        ("HTML summary", f"/summaries/town/{town.pk}/?{q}"),
        ("print page", f"/summaries/town/{town.pk}/print/?{q}"),
        ("DOCX", f"/summaries/town/{town.pk}/docx?{q}"),
        ("XLSX", f"/summaries/pledges.xlsx?town={town.pk}&report={july.pk}"),
        ("CSV", f"/summaries/pledges.csv?town={town.pk}&report={july.pk}"),
    ]
    print(f"{args.pledges} pledges, {args.runs} runs each (seconds)")
    for name, url in pages:
        times, size = timed(client, url, args.runs)
        runs = " ".join(f"{t:.3f}" for t in times)
        print(f"{name:<13} best {min(times):.3f}  runs {runs}  ({size // 1024} KiB)")


if __name__ == "__main__":
    main()
