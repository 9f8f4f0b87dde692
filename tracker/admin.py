from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tracker.models import Comment, Evidence, Pledge, StatusChange, Town


@admin.register(Town)
class TownAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "level"]
    list_filter = ["level", "district"]
    search_fields = ["name", "district"]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["created", "actor", "old_status", "new_status", "reason", "achieved_value", "note", "applied"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["text_short", "town", "kind", "deadline", "strength", "status", "confirmed", "confidence"]
    list_filter = ["status", "confirmed", "kind", "strength", "status_reason", "town"]
    search_fields = ["text", "topic", "section", "search_text"]
    date_hierarchy = "deadline"
    list_select_related = ["town"]
    raw_id_fields = ["report", "passage", "evidence", "carried_from"]
    inlines = [StatusChangeInline]

    @admin.display(description=_("承诺原文"))
    def text_short(self, obj: Pledge) -> str:
        return obj.text[:50]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["quote_short", "pledge", "report", "achieved_value", "score", "created"]
    search_fields = ["quote"]
    list_select_related = ["pledge", "report", "report__town"]
    raw_id_fields = ["pledge", "report", "passage"]

    @admin.display(description=_("引文"))
    def quote_short(self, obj: Evidence) -> str:
        return obj.quote[:50]


class StatusChangeForm(forms.ModelForm):
    class Meta:
        model = StatusChange
        fields = "__all__"
        labels = {"evidence": _("依据")}


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    """The history is append-only: it can be read here, not edited or deleted."""

    form = StatusChangeForm
    list_display = ["pledge", "created", "actor", "old_status", "new_status", "applied"]
    list_filter = ["new_status", "applied"]
    list_select_related = ["pledge", "actor"]
    search_fields = ["pledge__text", "note"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["pledge", "author", "rating", "created"]
    list_filter = ["rating"]
    list_select_related = ["pledge", "author"]
    raw_id_fields = ["pledge"]
    search_fields = ["text", "pledge__text"]
