from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.ingest import IngestError, ingest_file
from reports.models import ReportKind


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}") from e


class Command(BaseCommand):
    help = "导入政府工作报告（.txt/.md/.html/.docx/.pdf），识别报告信息、拆分章节、提取承诺并核对此前承诺。"

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="报告文件路径")
        parser.add_argument("--town", help="镇/街道名称（默认从报告抬头识别）")
        parser.add_argument("--district", help="所属区县（默认从报告识别）")
        parser.add_argument("--date", type=iso_date, help="报告日期 YYYY-MM-DD（默认从报告识别）")
        parser.add_argument("--kind", choices=[k.value for k in ReportKind], help="报告类型（默认自动判断）")

    def handle(self, *args, **opts):
        failures = 0
        delivered_on = opts["date"]
        if isinstance(delivered_on, str):  # call_command passes option values unparsed
            delivered_on = iso_date(delivered_on)
        for name in opts["files"]:
            path = Path(name)
            if not path.is_file():
                self.stderr.write(f"{name}：文件不存在")
                failures += 1
                continue
            try:
                result = ingest_file(
                    path.read_bytes(),
                    path.name,
                    town=opts["town"],
                    district=opts["district"],
                    delivered_on=delivered_on,
                    kind=opts["kind"],
                )
            except IngestError as e:
                self.stderr.write(f"{path.name}：{e}")
                failures += 1
                continue
            self.stdout.write(self.describe(path.name, result))
        if failures:
            raise CommandError(f"{failures} 个文件未能导入")

    def describe(self, name, result) -> str:
        report = result.report
        parts = "、".join(dict.fromkeys(p.get_kind_display() for p in report.parts.all())) or "无"
        lines = [
            f"{name}：{'已导入' if result.created else '已存在，未重复导入'}",
            f"  镇/街道：{report.town}（{report.town.get_level_display()}）",
            f"  日期：{report.delivered_on}  类型：{report.get_kind_display()}  计划年度：{report.plan_year}",
            f"  章节：{parts}",
            f"  承诺：{result.pledge_count} 条",
        ]
        if result.match_note:
            lines.append(f"  核对：{result.match_note}")
        lines += [f"  提示：{w}" for w in result.notes + result.warnings]
        return "\n".join(lines)
