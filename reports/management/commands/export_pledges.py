import csv
import json

from django.core.management.base import BaseCommand, CommandError

from tracker.export import FIELDS, as_record, pledge_queryset
from tracker.models import Town


class Command(BaseCommand):
    help = "把承诺导出到标准输出（JSON 列表或 CSV），可按镇/街道筛选。"

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json", help="输出格式（默认 json）")
        parser.add_argument("--town", help="只导出该镇/街道的承诺")

    def handle(self, *args, **opts):
        town = opts["town"]
        if town and not Town.objects.filter(name=town).exists():
            raise CommandError(f"没有名为“{town}”的镇/街道")
        records = [as_record(p) for p in pledge_queryset(town)]
        if opts["format"] == "json":
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=1))
            return
        writer = csv.DictWriter(self.stdout, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for r in records:
            r["report"] = f"{r['report']['source_name']} ({r['report']['date']})"
            r["evidence"] = r["evidence"]["quote"] if r["evidence"] else ""
            writer.writerow(r)
