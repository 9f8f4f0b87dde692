from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.models import ReportKind

PASTED = "粘贴的文本"


def ingest_api():
    # Imported on use: ingestion pulls in the whole text-analysis stack.
    from reports import ingest

    return ingest


class UploadForm(forms.Form):
    """Step 1: a file or pasted text; cleaning decodes it to report text (cleaned_data["report_text"])."""

    file = forms.FileField(label=_("报告文件"), required=False, help_text=_("支持 .txt、.docx、.pdf、.html 等格式。"))
    text = forms.CharField(
        label=_("或粘贴报告全文"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 10})
    )

    def clean(self):
        data = super().clean()
        upload, pasted = data.get("file"), (data.get("text") or "")
        if upload and pasted.strip():
            raise forms.ValidationError(_("请只选择一种方式：上传文件或粘贴文本，不要同时提供。"))
        if not upload and not pasted.strip():
            raise forms.ValidationError(_("请选择报告文件，或粘贴报告全文。"))
        ingest = ingest_api()
        try:
            if upload:
                data["report_text"] = ingest.read_upload(upload.read(), upload.name)
                data["source_name"] = upload.name
            else:
                data["report_text"] = ingest.read_paste(pasted)
                data["source_name"] = PASTED
        except ingest.IngestError as e:
            raise forms.ValidationError(str(e)) from e
        return data


class MetadataForm(forms.Form):
    """Step 2: the detected metadata, editable; the decoded text travels along in a hidden field."""

    town = forms.CharField(label=_("镇/街道"), max_length=100, error_messages={"required": _("请填写镇/街道名称。")})
    district = forms.CharField(label=_("所属区县"), max_length=100, required=False)
    delivered_on = forms.DateField(
        label=_("报告日期"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("请填写报告日期。"), "invalid": _("报告日期格式不对，请按“2021-07-15”填写。")},
    )
    kind = forms.ChoiceField(
        label=_("报告类型"), choices=ReportKind.choices, error_messages={"required": _("请选择报告类型。")}
    )
    text = forms.CharField(widget=forms.HiddenInput, strip=False)
    source_name = forms.CharField(widget=forms.HiddenInput, max_length=255)

    def clean_town(self) -> str:
        name = self.cleaned_data["town"].strip()
        if not name:
            raise forms.ValidationError(_("请填写镇/街道名称。"))
        return name

    def clean_district(self) -> str:
        return self.cleaned_data["district"].strip()

    def meta(self) -> dict:
        data = self.cleaned_data
        return {k: data[k] or None for k in ("town", "district", "delivered_on", "kind")}
