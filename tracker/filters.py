"""The pledge list's filters; the same GET parameters drive the page and the CSV/XLSX export.

Parameters: town, district, period (e.g. "2021-half_year"), report, status, reason, kind,
strength, deadline_after / deadline_before (YYYY-MM-DD), confirmed ("yes" / "no"),
q (Chinese text search), o (ordering, e.g. "deadline" or "-confidence").
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from reports.models import Report, ReportKind
from tracker.models import Pledge, PledgeKind, Reason, Status, Strength, Town
from tracker.search import pledge_query


def period_label(plan_year: int, kind: str) -> str:
    """The period a report's plan covers: a half-year report plans the second half of its year."""
    if kind == ReportKind.HALF_YEAR:
        return _("%(year)s年下半年") % {"year": plan_year}
    return _("%(year)s年全年") % {"year": plan_year}


def period_key(plan_year: int, kind: str) -> str:
    return f"{plan_year}-{kind}"


def period_choices() -> list[tuple[str, str]]:
    rows = Report.objects.order_by("-plan_year", "kind").values_list("plan_year", "kind").distinct()
    return [(period_key(year, kind), period_label(year, kind)) for year, kind in rows]


def district_choices() -> list[tuple[str, str]]:
    names = Town.objects.exclude(district="").order_by("district").values_list("district", flat=True).distinct()
    return [(name, name) for name in names]


class DateInput(forms.DateInput):
    input_type = "date"


class PledgeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键词"), method="filter_text")
    town = django_filters.ModelChoiceFilter(label=_("镇/街道"), queryset=Town.objects.all(), empty_label=_("全部"))
    district = django_filters.ChoiceFilter(
        label=_("所属区县"), field_name="town__district", choices=district_choices, empty_label=_("全部")
    )
    period = django_filters.ChoiceFilter(
        label=_("报告期"), choices=period_choices, method="filter_period", empty_label=_("全部")
    )
    report = django_filters.ModelChoiceFilter(
        label=_("来源报告"), queryset=Report.objects.all(), widget=forms.HiddenInput
    )
    status = django_filters.ChoiceFilter(label=_("状态"), choices=Status.choices, empty_label=_("全部"))
    reason = django_filters.ChoiceFilter(
        label=_("原因"), field_name="status_reason", choices=Reason.choices, empty_label=_("全部")
    )
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=PledgeKind.choices, empty_label=_("全部"))
    strength = django_filters.ChoiceFilter(label=_("承诺力度"), choices=Strength.choices, empty_label=_("全部"))
    deadline = django_filters.DateFromToRangeFilter(
        label=_("截止日期"), widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"})
    )
    confirmed = django_filters.ChoiceFilter(
        label=_("核查方式"),
        choices=[("yes", _("已人工确认")), ("no", _("仅机器判定"))],
        method="filter_confirmed",
        empty_label=_("全部"),
    )
    o = django_filters.OrderingFilter(
        label=_("排序"),
        fields=(
            ("deadline", "deadline"),
            ("town__name", "town"),
            ("status", "status"),
            ("confidence", "confidence"),
            ("report__delivered_on", "report"),
        ),
        field_labels={
            "deadline": _("截止日期"),
            "town__name": _("镇/街道"),
            "status": _("状态"),
            "confidence": _("置信度"),
            "report__delivered_on": _("报告日期"),
        },
        empty_label=_("默认"),
    )

    class Meta:
        model = Pledge
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet:
        # The report's full text is never needed in a list of pledges.
        return super().qs.select_related("town", "report").defer("report__text")

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(pledge_query(value)) if value.strip() else queryset

    def filter_period(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        year, _sep, kind = value.partition("-")
        return queryset.filter(report__plan_year=int(year), report__kind=kind)

    def filter_confirmed(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(confirmed=value == "yes")
