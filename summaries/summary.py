"""One summary of a town and a period, the single source for the HTML, print and DOCX formats.

A period is either one report (its pledges) or a year (every pledge of the town due in it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from reports.models import Report
from summaries.charts import status_by_section_svg
from summaries.figures import Figures, figures_for
from summaries.questions import draft_question, earlier_unfulfilled, format_quantity, ratio_text, report_label
from tracker.models import Comment, Comparator, Pledge, Rating, Reason, Status, Strength, Town

# Missed and partial first: they are what a deputy asks about.
GROUP_ORDER = (Status.MISSED, Status.PARTIAL, Status.FULFILLED, Status.PENDING)
CARRIED_FLAG = "连续两次承诺"  # any pledge promised again; alone when the earlier self is still pending
CARRIED_UNFULFILLED_FLAG = "上次未兑现，再次承诺"
CARRIED_CONTINUING_FLAG = "延续性承诺"
UNCONFIRMED_FLAG = "未经人工确认"


@dataclass(frozen=True)
class Period:
    report: Report | None = None
    year: int | None = None

    @property
    def label(self) -> str:
        if self.report is not None:
            return f"{report_label(self.report)}（{self.report.delivered_on:%Y-%m-%d}）所作承诺"
        return f"{self.year}年到期的承诺"

    @property
    def query(self) -> str:
        return urlencode({"report": self.report.pk} if self.report is not None else {"year": self.year})

    @property
    def slug(self) -> str:
        return f"{self.report.delivered_on:%Y%m%d}" if self.report is not None else str(self.year)

    def pledges(self, town: Town) -> QuerySet:
        qs = Pledge.objects.filter(town=town)
        if self.report is not None:
            return qs.filter(report=self.report)
        return qs.filter(deadline__year=self.year)


@lru_cache(maxsize=16)
def _labels(choices: type, language: str) -> dict[str, str]:
    # get_FOO_display() rebuilds its dict of lazy labels on every call: too slow for 500 rows.
    return {value: str(label) for value, label in choices.choices}


def rating_field(value: str) -> str:
    return f"ratings_{value}"


def with_rating_counts(pledges: QuerySet) -> QuerySet:
    """Each pledge with the count of deputies' ratings of each kind (ratings_satisfied, ...),
    as subqueries of the same query: no query per row."""
    counts = {}
    for value in Rating.values:
        per_pledge = (
            Comment.objects.filter(pledge=OuterRef("pk"), rating=value)
            .order_by()
            .values("pledge")
            .annotate(n=Count("pk"))
            .values("n")
        )
        counts[rating_field(value)] = Coalesce(Subquery(per_pledge, output_field=IntegerField()), 0)
    return pledges.annotate(**counts)


@dataclass
class PledgeRow:
    pledge: Pledge
    number: int
    question: str | None

    @property
    def status_label(self) -> str:
        return _labels(Status, get_language())[self.pledge.status]

    @property
    def reason_label(self) -> str:
        return _labels(Reason, get_language()).get(self.pledge.status_reason, "")

    @property
    def strength_label(self) -> str:
        return _labels(Strength, get_language()).get(self.pledge.strength, "")

    @property
    def target(self) -> str:
        p = self.pledge
        if p.value is None:
            return "—"
        words = {Comparator.AT_MOST: "不超过", Comparator.ABOUT: "约"}.get(p.comparator, "")
        return words + (p.value_raw or format_quantity(p.value, p.unit))

    @property
    def achieved(self) -> str:
        # A milestone has no figure: its "0" only says "not done", which the status already says.
        if self.pledge.value is None:
            return "—"
        return format_quantity(self.pledge.achieved_value, self.pledge.unit) or "—"

    @property
    def no_evidence(self) -> str:
        """What to say where the pledge has no evidence quote."""
        if self.pledge.status == Status.PENDING:
            return "尚无覆盖截止日期的后续报告"
        return "后续报告未提及该项"

    @property
    def ratio(self) -> str:
        return ratio_text(self.pledge) or "—"

    @property
    def carried(self) -> bool:
        return self.pledge.carried_from_id is not None

    @property
    def carried_unfulfilled(self) -> bool:
        """Promised again after the earlier self was missed or partly done: what a deputy asks about."""
        return earlier_unfulfilled(self.pledge)

    @property
    def carried_continuing(self) -> bool:
        """Promised again after the earlier self was fulfilled: a continuing task, noted quietly."""
        earlier = self.pledge.carried_from if self.carried else None
        return earlier is not None and earlier.status == Status.FULFILLED

    @property
    def carried_flag(self) -> str:
        if not self.carried:
            return ""
        if self.carried_unfulfilled:
            return CARRIED_UNFULFILLED_FLAG
        if self.carried_continuing:
            return CARRIED_CONTINUING_FLAG
        return CARRIED_FLAG

    @property
    def carried_note(self) -> str:
        earlier = self.pledge.carried_from if self.carried else None
        if earlier is None:
            return ""
        said = f"{self.carried_flag}：{report_label(earlier.report)}曾承诺“{earlier.text}”"
        if earlier.status == Status.PENDING:
            return said
        return f"{said}，结果为{_labels(Status, get_language())[earlier.status]}"

    @property
    def ratings(self) -> list[tuple[str, int]]:
        """(label, count) of deputies' ratings of this pledge, kinds with none left out."""
        labels = _labels(Rating, get_language())
        counts = [(labels[value], getattr(self.pledge, rating_field(value), 0) or 0) for value in Rating.values]
        return [(label, n) for label, n in counts if n]

    @property
    def ratings_text(self) -> str:
        """'代表评价：满意 2、不满意 1', or '' when no deputy has rated the pledge."""
        if not self.ratings:
            return ""
        return "代表评价：" + "、".join(f"{label} {n}" for label, n in self.ratings)

    @property
    def source(self) -> str:
        return f"{report_label(self.pledge.report)}（{self.pledge.report.delivered_on:%Y-%m-%d}）"

    @property
    def deadline(self) -> str:
        p = self.pledge
        return f"{p.deadline:%Y-%m-%d}" + (f"（{p.deadline_text}）" if p.deadline_text else "")

    @property
    def evidence_source(self) -> str:
        ev = self.pledge.evidence
        if ev is None:
            return ""
        return f"{report_label(ev.report)}，{ev.report.delivered_on:%Y-%m-%d}"


@dataclass
class StatusGroup:
    status: str
    label: str
    rows: list[PledgeRow] = field(default_factory=list)


@dataclass
class Summary:
    town: Town
    period: Period
    generated_at: datetime
    figures: Figures
    groups: list[StatusGroup]

    @property
    def chart(self) -> SafeString:
        return status_by_section_svg(self.figures.by_section)

    @property
    def title(self) -> str:
        return f"{self.town}承诺兑现情况"

    @property
    def running_header(self) -> str:
        """Town, period and generation time: the header of every printed page."""
        return f"{self.town} · {self.period.label} · 生成于 {self.generated_at:%Y-%m-%d %H:%M}"

    @property
    def filter_query(self) -> str:
        """The pledge-list filter (tracker.filters.PledgeFilter) that selects the same pledges."""
        params: dict = {"town": self.town.pk}
        if self.period.report is not None:
            params["report"] = self.period.report.pk
        else:
            params.update(deadline_after=f"{self.period.year}-01-01", deadline_before=f"{self.period.year}-12-31")
        return urlencode(params)

    @property
    def rows(self) -> list[PledgeRow]:
        return [row for group in self.groups for row in group.rows]


def build_summary(town: Town, period: Period) -> Summary:
    pledges = period.pledges(town)
    figures = figures_for(pledges)
    groups = {status: StatusGroup(status, Status(status).label) for status in GROUP_ORDER}
    ordered = with_rating_counts(pledges.with_sources()).order_by("report__delivered_on", "report_id", "sequence", "id")
    for p in ordered:
        group = groups[p.status]
        group.rows.append(PledgeRow(pledge=p, number=0, question=draft_question(p)))
    number = 0
    for group in groups.values():
        for row in group.rows:
            number += 1
            row.number = number
    return Summary(
        town=town,
        period=period,
        generated_at=timezone.localtime(),
        figures=figures,
        groups=[g for g in groups.values() if g.rows],
    )
