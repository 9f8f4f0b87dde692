from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reports.models import Part, Passage, Report

# Part and Passage declare some fields without Chinese names; the admin labels them here.
OFFSET_LABELS = {
    "report": _("报告"),
    "part": _("报告部分"),
    "start": _("起始位置"),
    "end": _("结束位置"),
    "order": _("顺序"),
    "text": _("内容"),
}


class PartForm(forms.ModelForm):
    class Meta:
        model = Part
        fields = "__all__"
        labels = OFFSET_LABELS


class PassageForm(forms.ModelForm):
    class Meta:
        model = Passage
        fields = "__all__"
        labels = OFFSET_LABELS


class PartInline(admin.TabularInline):
    model = Part
    form = PartForm
    extra = 0
    fields = ["order", "kind", "heading", "start", "end"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "town", "kind", "delivered_on", "plan_year", "uploaded_by", "created"]
    list_filter = ["kind", "plan_year", "town"]
    search_fields = ["title", "source_name", "town__name"]
    list_select_related = ["town", "uploaded_by"]
    readonly_fields = ["checksum", "created"]
    inlines = [PartInline]


@admin.register(Part)
class PartAdmin(admin.ModelAdmin):
    form = PartForm
    list_display = ["__str__", "report", "kind", "order"]
    list_filter = ["kind"]
    list_select_related = ["report", "report__town"]
    raw_id_fields = ["report"]


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    form = PassageForm
    list_display = ["__str__", "report", "part", "order"]
    list_select_related = ["report", "report__town", "part"]
    search_fields = ["text"]
    raw_id_fields = ["report", "part"]
