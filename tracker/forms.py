from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from reports.models import Report
from tracker.models import Comment, Evidence, Pledge, Rating, Reason, Status, StatusChange

PARTIAL_REASONS = {Reason.SHORTFALL, Reason.DELAYED}


class StatusForm(forms.Form):
    """A person's verdict on a pledge: confirm or override status, achieved value and evidence."""

    status = forms.ChoiceField(label=_("状态"), choices=Status.choices)
    reason = forms.ChoiceField(label=_("原因"), choices=[("", _("（无）")), *Reason.choices], required=False)
    achieved_value = forms.FloatField(
        label=_("完成值"), required=False, min_value=0, help_text=_("按承诺的单位填写；未报告则留空。")
    )
    evidence = forms.ModelChoiceField(
        label=_("已有依据"), queryset=Evidence.objects.none(), required=False, empty_label=_("（无）")
    )
    quote = forms.CharField(
        label=_("新的引文"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("从后续报告中原样复制一句话作为依据（可选）。"),
    )
    quote_report = forms.ModelChoiceField(
        label=_("引文所在报告"), queryset=Report.objects.none(), required=False, empty_label=_("（请选择）")
    )
    note = forms.CharField(
        label=_("说明"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("请填写说明：为什么确认或更改这一判定。")},
    )

    def __init__(self, *args, pledge: Pledge, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": pledge.status,
                "reason": pledge.status_reason,
                # 12 rather than 12.0 in the input
                "achieved_value": f"{pledge.achieved_value:g}" if pledge.achieved_value is not None else None,
                "evidence": pledge.evidence_id,
            },
        )
        super().__init__(*args, **kwargs)
        self.pledge = pledge
        self.fields["evidence"].queryset = pledge.evidences.select_related("report")
        self.fields["evidence"].label_from_instance = lambda e: f"{e.report.delivered_on}：{e.quote[:40]}"
        self.fields["quote_report"].queryset = Report.objects.later_than(pledge.report).defer("text")

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(_("请填写说明：为什么确认或更改这一判定。"))
        return note

    def clean(self):
        data = super().clean()
        status, reason = data.get("status"), data.get("reason")
        if status in (Status.FULFILLED, Status.PENDING) and reason:
            self.add_error("reason", _("“已兑现”和“待核查”不需要填写原因。"))
        if status == Status.PARTIAL and reason and reason not in PARTIAL_REASONS:
            self.add_error("reason", _("部分兑现的原因只能是“未达目标”或“延期”。"))
        quote = (data.get("quote") or "").strip()
        data["quote"] = quote
        if quote and data.get("evidence"):
            self.add_error("quote", _("请选择已有依据或填写新的引文，不要同时填写。"))
        elif quote and not data.get("quote_report"):
            self.add_error("quote_report", _("请选择引文所在的报告。"))
        elif quote and quote not in data["quote_report"].text:
            self.add_error("quote", _("所选报告中找不到这段引文，请从报告中原样复制。"))
        return data

    @transaction.atomic
    def save(self, actor) -> StatusChange | None:
        data = self.cleaned_data
        evidence = data.get("evidence")
        if data["quote"]:
            evidence = _new_evidence(self.pledge, data["quote_report"], data["quote"], data.get("achieved_value"))
        return self.pledge.record_status(
            data["status"],
            reason=data.get("reason") or "",
            achieved_value=data.get("achieved_value"),
            evidence=evidence,
            actor=actor,
            note=data["note"],
        )


def _new_evidence(pledge: Pledge, report: Report, quote: str, achieved_value: float | None) -> Evidence:
    start = report.text.find(quote)
    end = start + len(quote)
    passage = report.passages.filter(start__lte=start, end__gte=end).first()
    return Evidence.objects.create(
        pledge=pledge,
        report=report,
        passage=passage,
        quote=quote,
        start=start,
        end=end,
        achieved_value=achieved_value,
    )


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["rating", "text"]
        widgets = {
            "rating": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = Rating.choices
        self.fields["rating"].required = False

    def clean(self):
        data = super().clean()
        data["text"] = (data.get("text") or "").strip()
        if not data["text"] and not data.get("rating"):
            raise forms.ValidationError(_("请填写意见或选择满意度。"))
        return data
