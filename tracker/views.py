from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, FloatField, Min, QuerySet
from django.db.models.functions import Cast, NullIf
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from reports.marking import Mark, locate, segments
from tracker.access import (
    ReaderRequiredMixin,
    can_comment,
    can_edit,
    get_pledge_for_user,
    get_town_for_user,
    reader_required,
    staff_required,
)
from tracker.filters import PledgeFilter, period_label
from tracker.forms import CommentForm, StatusForm
from tracker.models import Pledge, Status, Town

TOWN_SORTS = {
    "name": ["district", "name"],
    "rate": [F("rate").asc(nulls_last=True), "name"],
    "-rate": [F("rate").desc(nulls_last=True), "name"],
    "-pledges": ["-pledge_count", "name"],
}


def _status_rows(rows, key: str) -> dict:
    """{key value: {status: count}} from a values(key, "status").annotate(n=…) queryset."""
    table: dict = defaultdict(lambda: {s.value: 0 for s in Status})
    for row in rows:
        table[row[key]][row["status"]] = row["n"]
    return table


def _rate(counts: dict[str, int]) -> float | None:
    decided = counts["fulfilled"] + counts["partial"] + counts["missed"]
    return counts["fulfilled"] / decided if decided else None


@reader_required
def town_list(request: HttpRequest) -> HttpResponse:
    sort = request.GET.get("sort", "name")
    decided = F("fulfilled_count") + F("partial_count") + F("missed_count")
    towns = (
        Town.objects.with_status_counts()
        .annotate(rate=Cast("fulfilled_count", FloatField()) / NullIf(decided, 0))
        .order_by(*TOWN_SORTS.get(sort, TOWN_SORTS["name"]))
    )
    ctx = {"towns": towns, "sort": sort, "sorts": TOWN_SORTS}
    return render(request, "tracker/town_list.html", ctx)


@reader_required
def town_detail(request: HttpRequest, pk: int) -> HttpResponse:
    town = get_town_for_user(request.user, pk)
    pledges = town.pledges.all()
    periods = _status_rows(
        (
            {**r, "period": (r["report__plan_year"], r["report__kind"])}
            for r in pledges.values("report__plan_year", "report__kind", "status").annotate(n=Count("id")).order_by()
        ),
        "period",
    )
    # Sections belong to their report: the same heading in two reports is two rows, newest report first.
    section_rows = (
        pledges.values("report__delivered_on", "report__plan_year", "report__kind", "section", "status")
        .annotate(n=Count("id"), first=Min("sequence"))
        .order_by()
    )
    first_seen: dict = {}
    keyed = []
    for r in section_rows:
        key = (r["report__delivered_on"], r["report__plan_year"], r["report__kind"], r["section"])
        first_seen[key] = min(first_seen.get(key, r["first"]), r["first"])
        keyed.append({**r, "key": key})
    sections = _status_rows(keyed, "key")
    grouped = {s: [] for s in Status}
    for pledge in pledges.select_related("report").defer("report__text").order_by("deadline", "sequence"):
        grouped[Status(pledge.status)].append(pledge)
    ctx = {
        "town": town,
        "counts": {s: sum(c[s] for c in periods.values()) for s in Status.values},
        "periods": [
            {"label": period_label(*key), "counts": c, "rate": _rate(c), "key": f"{key[0]}-{key[1]}"}
            for key, c in sorted(periods.items(), reverse=True)
        ],
        "sections": [
            {"period": period_label(key[1], key[2]), "label": key[3] or _("（未分节）"), "counts": c, "rate": _rate(c)}
            for key, c in sorted(sections.items(), key=lambda kc: (-kc[0][0].toordinal(), first_seen[kc[0]]))
        ],
        "grouped": [{"status": s, "pledges": grouped[s]} for s in Status],
        "reports": town.reports.defer("text").order_by("-delivered_on"),
    }
    ctx["rate"] = _rate(ctx["counts"])
    return render(request, "tracker/town_detail.html", ctx)


class PledgeListView(ReaderRequiredMixin, FilterView):
    filterset_class = PledgeFilter
    template_name = "tracker/pledge_list.html"
    paginate_by = 50
    strict = False


def _passage_segments(passage, marks: list[Mark], fallback: str, start: int) -> list:
    """The paragraph around a span, marked; the span's own text alone when no paragraph is known."""
    if passage is None:
        return segments(fallback, marks, offset=start)
    return segments(passage.text, marks, offset=passage.start)


def _evidence_item(ev) -> dict:
    base = ev.passage.start if ev.passage else 0
    if ev.start is not None:
        span = (ev.start, ev.end)
    else:  # evidence stored without offsets: find its quote in the paragraph
        span = locate(ev.passage.text if ev.passage else "", ev.quote, base)
    marks = [Mark(span[0], span[1], "evidence", title=_("依据"))] if span else []
    return {"evidence": ev, "segments": _passage_segments(ev.passage, marks, ev.quote, base)}


def _pledge_context(pledge: Pledge) -> dict:
    focus = Mark(pledge.start, pledge.end, "focus", title=_("本条承诺"))
    evidences = pledge.evidences.select_related("report", "passage").defer("report__text")
    return {
        "pledge": pledge,
        "pledge_segments": _passage_segments(pledge.passage, [focus], pledge.text, pledge.start),
        "evidences": [_evidence_item(ev) for ev in evidences],
        "history": pledge.history.select_related("actor", "evidence__report"),
        "comments": pledge.comments.select_related("author"),
        "ratio": pledge.ratio(),
    }


def _pledge_page(request, pledge, status_form=None, comment_form=None, code: int = 200) -> HttpResponse:
    ctx = _pledge_context(pledge)
    if can_edit(request.user):
        ctx["status_form"] = status_form or StatusForm(pledge=pledge)
    if can_comment(request.user):
        ctx["comment_form"] = comment_form or CommentForm()
    return render(request, "tracker/pledge_detail.html", ctx, status=code)


@reader_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _pledge_page(request, get_pledge_for_user(request.user, pk))


@require_POST
@staff_required
def pledge_status(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_user(request.user, pk, "edit")
    form = StatusForm(request.POST, pledge=pledge)
    if not form.is_valid():
        messages.error(request, _("未保存：请按提示修改后重新提交。"))
        return _pledge_page(request, pledge, status_form=form, code=400)
    form.save(actor=request.user)
    messages.success(request, _("已记录新的判定：%(status)s。") % {"status": pledge.get_status_display()})
    return redirect(reverse("pledge-detail", args=[pledge.pk]) + "#history")


@require_POST
@staff_required
def pledge_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_user(request.user, pk, "edit")
    pledge.confirm(request.user, note=request.POST.get("note", "").strip() or _("确认机器判定"))
    messages.success(request, _("已确认：%(text)s") % {"text": pledge.text[:30]})
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("pledge-detail", pk=pledge.pk)


@require_POST
@reader_required
def pledge_comment(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_user(request.user, pk, "comment")
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("未保存：请按提示修改后重新提交。"))
        return _pledge_page(request, pledge, comment_form=form, code=400)
    comment = form.save(commit=False)
    comment.pledge, comment.author = pledge, request.user
    comment.save()
    messages.success(request, _("感谢您的意见，已保存。"))
    return redirect(reverse("pledge-detail", args=[pledge.pk]) + "#comments")


def _review_queryset() -> QuerySet:
    return Pledge.objects.needing_review().select_related("town", "report", "evidence").defer("report__text")


@staff_required
def review_queue(request: HttpRequest) -> HttpResponse:
    page = Paginator(_review_queryset(), 50).get_page(request.GET.get("page"))
    ctx = {"page_obj": page, "pledges": page.object_list}
    return render(request, "tracker/review_queue.html", ctx)
