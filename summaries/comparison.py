"""Towns of a district side by side for a period: one annotated query, sorted in Python."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from tracker.models import Reason, Status, Strength, Town


@dataclass
class TownRow:
    town: Town
    total: int
    fulfilled: int
    partial: int
    missed: int
    pending: int
    not_reported: int
    firm_missed: int

    @property
    def rate(self) -> float | None:
        decided = self.fulfilled + self.partial + self.missed
        return self.fulfilled / decided if decided else None


def district_rows(district: str, year: int | None = None, sort: str = "-rate") -> list[TownRow]:
    """Every town of `district` with its figures for pledges due in `year` (all pledges when None).

    `sort` is a TownRow attribute or "town", with "-" for descending; towns without a rate
    (nothing decided yet) go last either way.
    """
    due = Q(pledges__deadline__year=year) if year else Q()

    def count(extra: Q = Q()) -> Count:
        return Count("pledges", filter=due & extra, distinct=True)

    towns = Town.objects.filter(district=district).annotate(
        n_total=count(),
        n_fulfilled=count(Q(pledges__status=Status.FULFILLED)),
        n_partial=count(Q(pledges__status=Status.PARTIAL)),
        n_missed=count(Q(pledges__status=Status.MISSED)),
        n_pending=count(Q(pledges__status=Status.PENDING)),
        n_not_reported=count(Q(pledges__status=Status.MISSED, pledges__status_reason=Reason.NOT_REPORTED)),
        n_firm_missed=count(Q(pledges__status=Status.MISSED, pledges__strength=Strength.FIRM)),
    )
    rows = [
        TownRow(
            town=t,
            total=t.n_total,
            fulfilled=t.n_fulfilled,
            partial=t.n_partial,
            missed=t.n_missed,
            pending=t.n_pending,
            not_reported=t.n_not_reported,
            firm_missed=t.n_firm_missed,
        )
        for t in towns
    ]
    return sort_rows(rows, sort)


def sort_rows(rows: list[TownRow], sort: str) -> list[TownRow]:
    key = sort.lstrip("-") or "rate"
    descending = sort.startswith("-")
    if key == "town":
        return sorted(rows, key=lambda r: r.town.name, reverse=descending)
    known = [r for r in rows if getattr(r, key) is not None]
    unknown = [r for r in rows if getattr(r, key) is None]
    known.sort(key=lambda r: (getattr(r, key), r.town.name), reverse=descending)
    return known + sorted(unknown, key=lambda r: r.town.name)
