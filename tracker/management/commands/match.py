from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tracker.matcher import match_town
from tracker.models import Town


class Command(BaseCommand):
    help = "重新匹配承诺与后续报告：判断兑现情况并记录依据（重复运行不会产生重复记录）。"

    def add_arguments(self, parser):
        parser.add_argument("--town", help="只匹配该镇/街道（名称，如“七宝镇”）；缺省时匹配全部镇/街道")
        parser.add_argument("--district", help="镇/街道重名时，用所属区县区分")

    def handle(self, *args, town=None, district=None, **options):
        towns = [None]
        if town:
            qs = Town.objects.filter(name=town.strip())
            if district:
                qs = qs.filter(district=district.strip())
            towns = list(qs)
            if not towns:
                raise CommandError(_("未找到镇/街道“%(name)s”，请检查名称。") % {"name": town})
            if len(towns) > 1:
                names = "、".join(str(t) for t in towns)
                raise CommandError(
                    _("有多个名为“%(name)s”的镇/街道（%(names)s），请用 --district 指定区县。")
                    % {"name": town, "names": names}
                )
        for t in towns:
            summary = match_town(t)
            label = str(t) if t else _("全部镇/街道")
            self.stdout.write(f"{label}：{summary}")
