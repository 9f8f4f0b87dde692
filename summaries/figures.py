"""Headline figures of a set of pledges, from two grouped queries (pledges, deputies' ratings).

    >>> f = figures_for(Pledge.objects.filter(town=town, report=report))  # doctest: +SKIP
    >>> f.missed, f.missed_stated, f.missed_not_reported, f.fulfilment_rate  # doctest: +SKIP
    (5, 3, 2, 0.6)

The fulfilment rate is the share of decided pledges (not pending) that were fulfilled, as in
Town.fulfilment_rate(). A missed pledge counts as "not reported" when its reason says so;
every other missed pledge (shortfall, delay, no reason given) was stated as not done by a
later report, except cancellations, counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Min, QuerySet
from django.utils.translation import gettext_lazy as _

from tracker.models import Comment, Rating, Reason, Status, Strength

NO_SECTION = _("（未标明章节）")


@dataclass
class SectionCounts:
    section: str
    fulfilled: int = 0
    partial: int = 0
    missed: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.fulfilled + self.partial + self.missed + self.pending

    def add(self, status: str, n: int) -> None:
        setattr(self, status, getattr(self, status) + n)


@dataclass
class Figures:
    total: int = 0
    fulfilled: int = 0
    partial: int = 0
    missed: int = 0
    pending: int = 0
    missed_stated: int = 0  # a later report says not done or late (shortfall, delayed)
    missed_cancelled: int = 0
    missed_not_reported: int = 0  # no later report mentions it
    firm: int = 0
    firm_missed: int = 0
    firm_partial: int = 0
    unconfirmed: int = 0
    carried_over: int = 0
    carried_unfulfilled: int = 0  # the earlier self was missed or partial: promised again
    carried_continuing: int = 0  # the earlier self was fulfilled: a continuing task
    ratings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Rating.values, 0))
    by_section: list[SectionCounts] = field(default_factory=list)

    @property
    def decided(self) -> int:
        return self.fulfilled + self.partial + self.missed

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def ratings_text(self) -> str:
        """'满意 2、基本满意 0、不满意 1': deputies' ratings of the pledges, every kind."""
        return "、".join(f"{label} {self.ratings.get(value, 0)}" for value, label in Rating.choices)

    @property
    def fulfilment_rate(self) -> float | None:
        return self.fulfilled / self.decided if self.decided else None

    def headline(self) -> str:
        """The figures in one sentence, as a deputy would read them out."""
        rate = self.fulfilment_rate
        text = (
            f"共{self.total}项承诺：已兑现{self.fulfilled}项，部分兑现{self.partial}项，未兑现{self.missed}项"
            f"（其中报告称未完成或延期{self.missed_stated}项、已取消{self.missed_cancelled}项、"
            f"后续报告未提及{self.missed_not_reported}项），待核查{self.pending}项；"
            f"兑现率{'—' if rate is None else f'{round(100 * rate)}%'}。"
            f"“确保”类承诺{self.firm}项，其中未兑现{self.firm_missed}项、部分兑现{self.firm_partial}项。"
        )
        if self.carried_over:
            text += (
                f"连续两次承诺{self.carried_over}项（其中上次未兑现、再次承诺{self.carried_unfulfilled}项，"
                f"延续性承诺{self.carried_continuing}项）。"
            )
        if self.rated:
            text += f"代表评价{self.rated}条：{self.ratings_text}。"
        return text

    @property
    def columns(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """as_rows() in two columns for the page: the counts, then the rates and flags."""
        rows = self.as_rows()
        return rows[:8], rows[8:]

    def as_rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs in the order every format shows them."""
        rate = self.fulfilment_rate
        return [
            (str(_("承诺总数")), str(self.total)),
            (str(_("已兑现")), str(self.fulfilled)),
            (str(_("部分兑现")), str(self.partial)),
            (str(_("未兑现")), str(self.missed)),
            (str(_("　其中：报告称未完成或延期")), str(self.missed_stated)),
            (str(_("　其中：已取消")), str(self.missed_cancelled)),
            (str(_("　其中：后续报告未提及")), str(self.missed_not_reported)),
            (str(_("待核查")), str(self.pending)),
            (str(_("兑现率（已兑现 ÷ 已有结论）")), "—" if rate is None else f"{round(100 * rate)}%"),
            (str(_("“确保”类承诺未兑现")), f"{self.firm_missed} / {self.firm}"),
            (str(_("“确保”类承诺部分兑现")), str(self.firm_partial)),
            (str(_("连续两次承诺")), str(self.carried_over)),
            (str(_("　其中：上次未兑现，再次承诺")), str(self.carried_unfulfilled)),
            (str(_("　其中：延续性承诺")), str(self.carried_continuing)),
            (str(_("未经人工确认")), str(self.unconfirmed)),
        ] + [(f"{_('代表评价')}：{label}", str(self.ratings.get(value, 0))) for value, label in Rating.choices]


def figures_for(pledges: QuerySet) -> Figures:
    """Figures of a queryset of pledges; two queries whatever the number of pledges."""
    rows = (
        pledges.order_by()
        .values("section", "status", "status_reason", "strength", "confirmed", "carried_from__status")
        .annotate(n=Count("id"), carried=Count("carried_from"), first=Min("sequence"))
    )
    f = Figures()
    sections: dict[str, SectionCounts] = {}
    first_seen: dict[str, int] = {}
    for row in rows:
        n, status = row["n"], row["status"]
        f.total += n
        setattr(f, status, getattr(f, status) + n)
        if status == Status.MISSED:
            if row["status_reason"] == Reason.NOT_REPORTED:
                f.missed_not_reported += n
            elif row["status_reason"] == Reason.CANCELLED:
                f.missed_cancelled += n
            else:
                f.missed_stated += n
        if row["strength"] == Strength.FIRM:
            f.firm += n
            f.firm_missed += n if status == Status.MISSED else 0
            f.firm_partial += n if status == Status.PARTIAL else 0
        f.unconfirmed += 0 if row["confirmed"] else n
        f.carried_over += row["carried"]
        if row["carried_from__status"] in (Status.MISSED, Status.PARTIAL):
            f.carried_unfulfilled += row["carried"]
        elif row["carried_from__status"] == Status.FULFILLED:
            f.carried_continuing += row["carried"]
        name = row["section"] or str(NO_SECTION)
        sections.setdefault(name, SectionCounts(name)).add(status, n)
        first_seen[name] = min(first_seen.get(name, row["first"]), row["first"])
    f.by_section = sorted(sections.values(), key=lambda s: (first_seen[s.section], s.section))
    ratings = (
        Comment.objects.filter(pledge__in=pledges.order_by().values("pk"))
        .exclude(rating="")
        .values("rating")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in ratings:
        if row["rating"] in f.ratings:
            f.ratings[row["rating"]] = row["n"]
    return f
