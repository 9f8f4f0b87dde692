from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    HALF_YEAR = "half_year", _("上半年工作报告")
    ANNUAL = "annual", _("年度工作报告")


class PartKind(models.TextChoices):
    HEADER = "header", _("报告抬头")
    REVIEW = "review", _("工作回顾")
    PLAN = "plan", _("工作安排")
    CLOSING = "closing", _("结束语")
    GLOSSARY = "glossary", _("名词解释")


class ReportQuerySet(models.QuerySet):
    def for_town(self, town):
        return self.filter(town=town).order_by("delivered_on", "id")

    def later_than(self, report):
        return self.filter(town=report.town, delivered_on__gt=report.delivered_on)


class Report(models.Model):
    town = models.ForeignKey("tracker.Town", models.PROTECT, related_name="reports", verbose_name=_("镇/街道"))
    kind = models.CharField(_("报告类型"), max_length=16, choices=ReportKind.choices)
    delivered_on = models.DateField(_("报告日期"))
    plan_year = models.PositiveIntegerField(_("计划年度"))
    title = models.CharField(_("标题"), max_length=300, blank=True)
    speaker = models.CharField(_("报告人"), max_length=100, blank=True)
    source_name = models.CharField(_("来源文件"), max_length=255)
    text = models.TextField(_("全文"))
    checksum = models.CharField(_("校验和"), max_length=64, unique=True)
    warnings = models.JSONField(_("提示"), default=list, blank=True)
    uploaded_by = models.ForeignKey(
        "auth.User", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("上传人")
    )
    created = models.DateTimeField(_("导入时间"), auto_now_add=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("报告")
        verbose_name_plural = _("报告")
        ordering = ["-delivered_on", "-id"]

    def __str__(self) -> str:
        return self.title or f"{self.town} {self.delivered_on}"

    def parts_of(self, kind: str):
        return [p for p in self.parts.all() if p.kind == kind]

    def review_period_end(self) -> date:
        """Last day the review part speaks for: 06-30 for a half-year report, 12-31 of the year before for an annual one."""
        if self.kind == ReportKind.HALF_YEAR:
            return date(self.plan_year, 6, 30)
        return date(self.plan_year - 1, 12, 31)

    def has_plan(self) -> bool:
        return any(p.kind == PartKind.PLAN for p in self.parts.all())


class Part(models.Model):
    report = models.ForeignKey(Report, models.CASCADE, related_name="parts")
    kind = models.CharField(_("类别"), max_length=16, choices=PartKind.choices)
    heading = models.CharField(_("标题"), max_length=300, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("报告部分")
        verbose_name_plural = _("报告部分")
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.heading}".strip()

    @property
    def text(self) -> str:
        return self.report.text[self.start : self.end]


class Passage(models.Model):
    """A paragraph of a report, the unit shown as context and searched for evidence."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="passages")
    part = models.ForeignKey(Part, models.CASCADE, related_name="passages")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    order = models.PositiveIntegerField(default=0)
    text = models.TextField()

    class Meta:
        verbose_name = _("段落")
        verbose_name_plural = _("段落")
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return self.text[:40]
