from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.models import Report
from summaries.questions import report_label
from summaries.summary import Period
from tracker.filters import district_choices
from tracker.models import Pledge, Status, Town


def _year_choices(pledges) -> list[tuple[str, str]]:
    years = sorted({d.year for d in pledges.order_by().values_list("deadline", flat=True).distinct()}, reverse=True)
    return [("", _("—")), *((str(y), _("%(year)s年") % {"year": y}) for y in years)]


class ReportChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Report) -> str:
        return f"{report_label(obj)}（{obj.delivered_on:%Y-%m-%d}）"


class PeriodForm(forms.Form):
    """A report of the town, or a year in which pledges fall due; not both."""

    report = ReportChoiceField(
        label=_("按报告"),
        queryset=Report.objects.none(),
        required=False,
        empty_label=_("—"),
        error_messages={"invalid_choice": _("所选报告不属于该镇/街道或其中没有承诺，请从列表中重新选择。")},
    )
    year = forms.TypedChoiceField(
        label=_("或按到期年度"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("该年度没有到期的承诺，请从列表中选择年度。")},
    )

    def __init__(self, town: Town, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.town = town
        self.fields["report"].queryset = (
            Report.objects.for_town(town).filter(pledges__isnull=False).distinct().defer("text")
        )
        self.fields["year"].choices = _year_choices(Pledge.objects.filter(town=town))

    def clean(self):
        data = super().clean()
        if data.get("report") and data.get("year"):
            raise forms.ValidationError(_("请只选择一项：按报告，或按到期年度。"))
        return data

    def period(self) -> Period:
        """The chosen period; by default the latest report whose pledges a later report has
        already settled (what a deputy holds the government to), else the latest report with
        pledges, else this year."""
        data = self.cleaned_data if self.is_bound else {}
        report, year = data.get("report"), data.get("year")
        if report is None and year is None:
            reports = self.fields["report"].queryset.order_by("-delivered_on", "-id")
            report = (
                reports.exclude(pledges__status=Status.PENDING).first()
                or reports.filter(pledges__status__in=[Status.FULFILLED, Status.PARTIAL, Status.MISSED]).first()
                or reports.first()
            )
        if report is None and year is None:
            year = timezone.localdate().year
        return Period(report=report, year=year)


SORT_KEYS = ("town", "total", "rate", "firm_missed", "not_reported", "missed", "partial", "pending")


class DistrictForm(forms.Form):
    district = forms.ChoiceField(
        label=_("区县"),
        error_messages={
            "required": _("请选择区县。"),
            "invalid_choice": _("没有该区县的镇/街道，请从列表中选择。"),
        },
    )
    year = forms.TypedChoiceField(
        label=_("到期年度"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("该年度没有到期的承诺，请从列表中选择年度。")},
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(k, k) for k in SORT_KEYS] + [(f"-{k}", f"-{k}") for k in SORT_KEYS],
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("无法按该列排序。")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("请选择")), *district_choices()]
        self.fields["year"].choices = _year_choices(Pledge.objects.all())
