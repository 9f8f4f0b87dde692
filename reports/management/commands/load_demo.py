from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand

from reports.ingest import IngestError, ingest_file

DEMO_USERS = [
    # username, password, group, display name
    ("staff", "duixian-staff", "staff", "人大办工作人员"),
    ("deputy", "duixian-deputy", "deputy", "人大代表"),
]


class Command(BaseCommand):
    help = "导入演示报告（samples/ 与 ../shared 中的真实报告及后续报告），并创建演示账号。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--shared", default=str(settings.BASE_DIR.parent / "shared"), help="shared 目录（默认 ../shared）"
        )

    def handle(self, *args, **opts):
        files = self.demo_files(Path(opts["shared"]))
        for path in files:
            try:
                result = ingest_file(path.read_bytes(), path.name)
            except IngestError as e:
                self.stderr.write(f"{path.name}：{e}")
                continue
            state = "导入" if result.created else "已存在"
            self.stdout.write(
                f"{state} {path.name}：{result.report.town} {result.report.delivered_on}，承诺 {result.pledge_count} 条"
            )
        self.stdout.write("")
        self.stdout.write("演示账号（scripts/demo 默认在 http://127.0.0.1:8000/ 提供服务）：")
        for username, password, group, name in DEMO_USERS:
            self.ensure_user(username, password, group, name)
            self.stdout.write(f"  {name}：用户名 {username}  密码 {password}")
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "", "duixian-admin", first_name="管理员")
        self.stdout.write("  管理员：用户名 admin  密码 duixian-admin")

    def demo_files(self, shared: Path) -> list[Path]:
        """Reports oldest first, so each later report is matched against what came before."""
        samples = settings.BASE_DIR / "samples"
        files = sorted(samples.glob("*.txt")) + sorted(samples.glob("eval/*/*.txt"))
        files += sorted(samples.glob("eval/*/followups/*.txt"))
        if (shared / "seeds").is_dir():
            files += sorted((shared / "seeds").glob("*.txt"))
            files += sorted((shared / "gold" / "followups").glob("*.txt"))
        return files

    def ensure_user(self, username, password, group, name):
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": name})
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
