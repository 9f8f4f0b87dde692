from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from summaries.comparison import district_rows
from summaries.docx_export import summary_docx
from summaries.forms import DistrictForm, PeriodForm
from summaries.sheets import csv_lines, pledges_xlsx
from summaries.summary import build_summary
from tracker.access import get_town_for_user, reader_required
from tracker.filters import PledgeFilter
from tracker.models import Pledge

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _summary_context(request: HttpRequest, pk: int) -> tuple[dict, int]:
    town = get_town_for_user(request.user, pk)
    form = PeriodForm(town, request.GET or None)
    if form.is_bound and not form.is_valid():
        return {"town": town, "form": form, "summary": None}, 400
    period = form.period()
    if not form.is_bound:  # show the default period as chosen
        form = PeriodForm(town, initial={"report": period.report, "year": period.year if not period.report else None})
    summary = build_summary(town, period)
    return {"town": town, "form": form, "summary": summary}, 200


@reader_required
def town_summary(request: HttpRequest, pk: int) -> HttpResponse:
    ctx, status = _summary_context(request, pk)
    return render(request, "summaries/town_summary.html", ctx, status=status)


@reader_required
def town_summary_print(request: HttpRequest, pk: int) -> HttpResponse:
    ctx, status = _summary_context(request, pk)
    return render(request, "summaries/town_summary_print.html", ctx, status=status)


@reader_required
def town_summary_docx(request: HttpRequest, pk: int) -> HttpResponse:
    ctx, status = _summary_context(request, pk)
    if status != 200:
        return render(request, "summaries/town_summary.html", ctx, status=status)
    summary = ctx["summary"]
    response = HttpResponse(summary_docx(summary), content_type=DOCX)
    filename = f"{summary.town.name}-承诺兑现情况-{summary.period.slug}.docx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@reader_required
def district_comparison(request: HttpRequest) -> HttpResponse:
    form = DistrictForm(request.GET or None)
    rows, sort, year, params = None, "-rate", None, {}
    if form.is_bound and form.is_valid():
        sort = form.cleaned_data["sort"] or sort
        year = form.cleaned_data["year"]
        params = {"district": form.cleaned_data["district"], **({"year": year} if year else {})}
        rows = district_rows(form.cleaned_data["district"], year, sort)
    ctx = {"form": form, "rows": rows, "sort": sort, "year": year, "sort_params": params}
    return render(request, "summaries/district.html", ctx, status=400 if form.is_bound and form.errors else 200)


def _filtered_pledges(request: HttpRequest) -> tuple[PledgeFilter, object]:
    f = PledgeFilter(
        request.GET,
        queryset=Pledge.objects.order_by("town__district", "town__name", "report__delivered_on", "sequence"),
    )
    return f, f.qs.with_sources() if f.is_valid() else None


def _bad_filter(request: HttpRequest, f: PledgeFilter) -> HttpResponse:
    errors = [
        f"{f.form.fields[name].label}：{e}" if name in f.form.fields else str(e)
        for name, messages in f.errors.items()
        for e in messages
    ]
    return render(request, "summaries/export_error.html", {"errors": errors}, status=400)


def _export_name(ext: str) -> str:
    return f"承诺清单-{timezone.localtime():%Y%m%d-%H%M}.{ext}"


@reader_required
def pledges_csv(request: HttpRequest) -> HttpResponse:
    f, qs = _filtered_pledges(request)
    if qs is None:
        return _bad_filter(request, f)
    response = StreamingHttpResponse(csv_lines(qs.iterator(chunk_size=500)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, _export_name("csv"))
    return response


@reader_required
def pledges_xlsx_view(request: HttpRequest) -> HttpResponse:
    f, qs = _filtered_pledges(request)
    if qs is None:
        return _bad_filter(request, f)
    response = HttpResponse(pledges_xlsx(qs), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, _export_name("xlsx"))
    return response
