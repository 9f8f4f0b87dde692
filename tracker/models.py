from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    TOWN = "镇", _("镇")
    SUBDISTRICT = "街道", _("街道")
    TOWNSHIP = "乡", _("乡")
    DISTRICT = "区", _("区")
    COUNTY = "县", _("县")
    CITY = "市", _("市")
    PROVINCE = "省", _("省")
    STATE = "国务院", _("国务院")


class Status(models.TextChoices):
    FULFILLED = "fulfilled", _("已兑现")
    PARTIAL = "partial", _("部分兑现")
    MISSED = "missed", _("未兑现")
    PENDING = "pending", _("待核查")


class Reason(models.TextChoices):
    SHORTFALL = "shortfall", _("未达目标")
    DELAYED = "delayed", _("延期")
    CANCELLED = "cancelled", _("取消")
    NOT_REPORTED = "not_reported", _("未报告")


class PledgeKind(models.TextChoices):
    QUANTITATIVE = "quantitative", _("量化指标")
    MILESTONE = "milestone", _("节点任务")


class Strength(models.TextChoices):
    FIRM = "firm", _("确保")
    ASPIRATIONAL = "aspirational", _("力争")
    PLAIN = "plain", _("一般")


class Comparator(models.TextChoices):
    AT_LEAST = ">=", _("不少于")
    AT_MOST = "<=", _("不超过")
    ABOUT = "~", _("约")
    EXACTLY = "=", _("等于")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    MOSTLY = "mostly", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


class TownQuerySet(models.QuerySet):
    def with_status_counts(self):
        return self.annotate(
            pledge_count=Count("pledges", distinct=True),
            fulfilled_count=Count("pledges", filter=Q(pledges__status=Status.FULFILLED), distinct=True),
            partial_count=Count("pledges", filter=Q(pledges__status=Status.PARTIAL), distinct=True),
            missed_count=Count("pledges", filter=Q(pledges__status=Status.MISSED), distinct=True),
            pending_count=Count("pledges", filter=Q(pledges__status=Status.PENDING), distinct=True),
        )


class TownManager(models.Manager.from_queryset(TownQuerySet)):
    def resolve(self, name: str, district: str | None, level: str) -> Town:
        """The town a report belongs to; a report that names no district joins the only town of that name."""
        if not district:
            same_name = list(self.filter(name=name)[:2])
            if len(same_name) == 1:
                return same_name[0]
        town, _ = self.get_or_create(name=name, district=district or "", defaults={"level": level})
        return town


class Town(models.Model):
    name = models.CharField(_("名称"), max_length=100)
    district = models.CharField(_("所属区县"), max_length=100, blank=True)
    level = models.CharField(_("层级"), max_length=8, choices=Level.choices, default=Level.TOWN)

    objects = TownManager()

    class Meta:
        verbose_name = _("镇/街道")
        verbose_name_plural = _("镇/街道")
        ordering = ["district", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "district"], name="unique_town_in_district")]

    def __str__(self) -> str:
        return f"{self.district}{self.name}" if self.district and self.district != self.name else self.name

    def status_counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for row in self.pledges.values("status").annotate(n=Count("id")):
            counts[row["status"]] = row["n"]
        return counts

    def fulfilment_rate(self) -> float | None:
        """Share of decided pledges (not pending) that were fulfilled; None when nothing is decided yet."""
        counts = self.status_counts()
        decided = counts["fulfilled"] + counts["partial"] + counts["missed"]
        return counts["fulfilled"] / decided if decided else None


class PledgeQuerySet(models.QuerySet):
    def open_for(self, town, before=None):
        """Pledges of `town` not yet settled by a person, from reports delivered before `before`."""
        qs = self.filter(town=town, confirmed=False)
        if before is not None:
            qs = qs.filter(report__delivered_on__lt=before)
        return qs

    def with_sources(self):
        """Each pledge with its town, report, evidence and earlier self in one query, without any
        report's full text: what lists, summaries and exports show."""
        return self.select_related("town", "report", "evidence__report", "carried_from__report").defer(
            "report__text",
            "evidence__report__text",
            "carried_from__report__text",
            "search_text",
            "carried_from__search_text",
        )

    def needing_review(self):
        return self.filter(confirmed=False).exclude(status=Status.PENDING).order_by("confidence", "id")


class Pledge(models.Model):
    report = models.ForeignKey("reports.Report", models.CASCADE, related_name="pledges", verbose_name=_("来源报告"))
    town = models.ForeignKey(Town, models.CASCADE, related_name="pledges", verbose_name=_("镇/街道"))
    passage = models.ForeignKey(
        "reports.Passage", models.SET_NULL, null=True, blank=True, related_name="pledges", verbose_name=_("所在段落")
    )
    start = models.PositiveIntegerField(_("起始位置"))
    end = models.PositiveIntegerField(_("结束位置"))
    sequence = models.PositiveIntegerField(_("序号"), default=0)
    text = models.TextField(_("承诺原文"))
    kind = models.CharField(_("类型"), max_length=16, choices=PledgeKind.choices)
    value = models.FloatField(_("目标值"), null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    value_raw = models.CharField(_("原文数值"), max_length=50, blank=True)
    comparator = models.CharField(_("比较方式"), max_length=2, choices=Comparator.choices, blank=True)
    deadline = models.DateField(_("截止日期"))
    deadline_text = models.CharField(_("原文时限"), max_length=50, blank=True)
    strength = models.CharField(_("承诺力度"), max_length=16, choices=Strength.choices, default=Strength.PLAIN)
    topic = models.CharField(_("主题"), max_length=100, blank=True)
    section = models.CharField(_("所属章节"), max_length=300, blank=True)
    search_text = models.TextField(_("检索词"), blank=True, help_text=_("分词后的检索文本"))

    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.PENDING)
    status_reason = models.CharField(_("原因"), max_length=16, choices=Reason.choices, blank=True)
    achieved_value = models.FloatField(_("完成值"), null=True, blank=True)
    confidence = models.FloatField(_("置信度"), null=True, blank=True)
    confirmed = models.BooleanField(_("已人工确认"), default=False)
    fulfilled_late = models.BooleanField(_("逾期兑现"), default=False)
    evidence = models.ForeignKey(
        "Evidence", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("当前依据")
    )
    carried_from = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="carried_to", verbose_name=_("前次承诺")
    )

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("承诺")
        verbose_name_plural = _("承诺")
        ordering = ["report", "sequence"]
        indexes = [models.Index(fields=["town", "status"]), models.Index(fields=["deadline"])]

    def __str__(self) -> str:
        return self.text[:60]

    def ratio(self) -> float | None:
        if self.value and self.achieved_value is not None:
            return self.achieved_value / self.value
        return None

    @transaction.atomic
    def record_status(
        self,
        status: str,
        *,
        reason: str = "",
        achieved_value: float | None = None,
        evidence: Evidence | None = None,
        confidence: float | None = None,
        actor=None,
        note: str = "",
    ) -> StatusChange | None:
        """Record a verdict and keep it in the history.

        A person's verdict (actor given) always applies and marks the pledge confirmed.
        A machine verdict never overwrites a confirmed pledge: it is kept in the history
        beside the person's decision (applied=False). Repeating the current machine
        verdict records nothing, so re-running the matcher is idempotent.
        """
        by_person = actor is not None
        evidence_id = evidence.pk if evidence else None
        same = (
            self.status == status
            and self.status_reason == reason
            and self.achieved_value == achieved_value
            and self.evidence_id == evidence_id
        )
        if not by_person:
            last_machine = self.history.filter(actor__isnull=True).first()
            if same and not self.confirmed:
                return None
            if self.confirmed and last_machine and last_machine.matches(status, reason, achieved_value, evidence_id):
                return None
        applies = by_person or not self.confirmed
        change = StatusChange.objects.create(
            pledge=self,
            actor=actor,
            old_status=self.status,
            new_status=status,
            reason=reason,
            achieved_value=achieved_value,
            evidence=evidence,
            confidence=confidence,
            note=note,
            applied=applies,
        )
        if applies:
            self.status = status
            self.status_reason = reason
            self.achieved_value = achieved_value
            self.evidence = evidence
            self.confidence = 1.0 if by_person else confidence
            self.confirmed = by_person
            self.save(
                update_fields=["status", "status_reason", "achieved_value", "evidence", "confidence", "confirmed"]
            )
        return change

    def confirm(self, actor, note: str = "") -> StatusChange | None:
        """A person accepts the current machine verdict as it stands."""
        return self.record_status(
            self.status,
            reason=self.status_reason,
            achieved_value=self.achieved_value,
            evidence=self.evidence,
            actor=actor,
            note=note,
        )


class Evidence(models.Model):
    pledge = models.ForeignKey(Pledge, models.CASCADE, related_name="evidences", verbose_name=_("承诺"))
    report = models.ForeignKey("reports.Report", models.CASCADE, related_name="evidences", verbose_name=_("依据报告"))
    passage = models.ForeignKey(
        "reports.Passage", models.SET_NULL, null=True, blank=True, related_name="evidences", verbose_name=_("段落")
    )
    quote = models.TextField(_("引文"))
    start = models.PositiveIntegerField(_("起始位置"), null=True, blank=True)
    end = models.PositiveIntegerField(_("结束位置"), null=True, blank=True)
    achieved_value = models.FloatField(_("完成值"), null=True, blank=True)
    score = models.FloatField(_("匹配得分"), null=True, blank=True)
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("依据")
        verbose_name_plural = _("依据")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.quote[:60]


class StatusChange(models.Model):
    """Append-only history of every verdict, by the matcher (actor empty) or by a person."""

    pledge = models.ForeignKey(Pledge, models.CASCADE, related_name="history", verbose_name=_("承诺"))
    created = models.DateTimeField(_("时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("操作人")
    )
    old_status = models.CharField(_("原状态"), max_length=16, choices=Status.choices)
    new_status = models.CharField(_("新状态"), max_length=16, choices=Status.choices)
    reason = models.CharField(_("原因"), max_length=16, choices=Reason.choices, blank=True)
    achieved_value = models.FloatField(_("完成值"), null=True, blank=True)
    evidence = models.ForeignKey(Evidence, models.SET_NULL, null=True, blank=True, related_name="+")
    confidence = models.FloatField(_("置信度"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)
    applied = models.BooleanField(_("已生效"), default=True)

    class Meta:
        verbose_name = _("状态记录")
        verbose_name_plural = _("状态记录")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.get_old_status_display()} → {self.get_new_status_display()}"

    @property
    def by_machine(self) -> bool:
        return self.actor_id is None

    def matches(self, status, reason, achieved_value, evidence_id) -> bool:
        return (self.new_status, self.reason, self.achieved_value, self.evidence_id) == (
            status,
            reason,
            achieved_value,
            evidence_id,
        )


class Comment(models.Model):
    pledge = models.ForeignKey(Pledge, models.CASCADE, related_name="comments", verbose_name=_("承诺"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("代表"))
    text = models.TextField(_("意见"), blank=True)
    rating = models.CharField(_("满意度"), max_length=16, choices=Rating.choices, blank=True)
    created = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("代表意见")
        verbose_name_plural = _("代表意见")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.text[:40]
