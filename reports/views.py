from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reports.forms import MetadataForm, UploadForm, ingest_api
from reports.marking import Mark, segments
from reports.models import PartKind, Report
from tracker.access import get_report_for_user, reader_required, staff_required
from tracker.models import Comparator, Evidence, Pledge, PledgeKind, Status, Strength, Town


@reader_required
def report_list(request: HttpRequest) -> HttpResponse:
    towns = {t.pk: t for t in Town.objects.all()}
    town = towns.get(int(request.GET["town"])) if request.GET.get("town", "").isdigit() else None
    reports = (
        Report.objects.select_related("town")
        .defer("text")
        .annotate(pledge_count=Count("pledges"))
        .order_by("town__district", "town__name", "-delivered_on")
    )
    if town:
        reports = reports.filter(town=town)
    ctx = {"reports": reports, "town": town, "towns": towns.values()}
    return render(request, "reports/report_list.html", ctx)


def _reader(report: Report, pledges: list[Pledge], evidences: list[Evidence]) -> list[dict]:
    """The report as parts of passages, each passage a list of segments with pledges and evidence marked."""
    marks = [
        Mark(p.start, p.end, f"pledge s-{p.status}", f"/pledges/{p.pk}/", f"{p.get_status_display()}：{p.text[:40]}")
        for p in pledges
    ]
    marks += [
        Mark(e.start, e.end, "evidence", f"/pledges/{e.pledge_id}/", _("兑现依据：%(p)s") % {"p": e.pledge.text[:40]})
        for e in evidences
        if e.start is not None
    ]
    passages_by_part: dict[int, list] = {}
    for passage in report.passages.all():
        passages_by_part.setdefault(passage.part_id, []).append(passage)
    parts = []
    for part in report.parts.all():
        chunks = passages_by_part.get(part.pk) or [None]
        parts.append(
            {
                "part": part,
                # the heading line is usually a passage of its own; show it apart only when it is not
                "heading": "" if any(c and c.text.strip() == part.heading.strip() for c in chunks) else part.heading,
                "passages": [
                    segments(c.text, marks, c.start) if c else segments(part.text, marks, part.start) for c in chunks
                ],
            }
        )
    if not parts:
        parts.append({"part": None, "passages": [segments(report.text, marks)]})
    return parts


@reader_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    pledges = list(report.pledges.all())
    evidences = list(report.evidences.select_related("pledge", "pledge__report").defer("pledge__report__text"))
    ctx = {
        "report": report,
        "parts": _reader(report, pledges, evidences),
        "pledges": pledges,
        "evidences": evidences,
        "counts": {s.value: sum(1 for p in pledges if p.status == s) for s in Status},
    }
    return render(request, "reports/report_detail.html", ctx)


def _preview(
    request: HttpRequest,
    text: str,
    source_name: str,
    meta_form: MetadataForm | None = None,
    overrides: dict | None = None,
    code: int = 200,
) -> HttpResponse:
    ingest = ingest_api()
    try:
        found = ingest.analyse(text, source_name, **(overrides or {}))
    except ingest.IngestError as e:
        # the decoded text goes into the paste box, so a file need not be uploaded again
        form = UploadForm(initial={"text": text})
        ctx = {"form": form, "error": str(e)}
        return render(request, "reports/upload.html", ctx, status=400)
    if meta_form is None:
        initial = {
            "town": found.town,
            "district": found.district,
            "delivered_on": found.delivered_on,
            "kind": found.kind,
            "text": text,
            "source_name": source_name,
        }
        meta_form = MetadataForm(initial=initial)
    town = Town.objects.filter(name=found.town or "", district=found.district or "").first()
    open_pledges = 0
    if town and found.delivered_on:
        open_pledges = Pledge.objects.open_for(town, before=found.delivered_on).count()
    ctx = {
        "found": found,
        "form": meta_form,
        "town": town,
        "open_pledges": open_pledges,
        "parts": [{"kind": PartKind(s.kind).label, "heading": s.heading} for s in found.sections],
        "drafts": [_draft_row(d) for d in found.pledges],
    }
    return render(request, "reports/upload_preview.html", ctx, status=code)


@staff_required
def upload(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "reports/upload.html", {"form": UploadForm()})
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "reports/upload.html", {"form": form}, status=400)
    return _preview(request, form.cleaned_data["report_text"], form.cleaned_data["source_name"])


@require_POST
@staff_required
def upload_save(request: HttpRequest) -> HttpResponse:
    text, source_name = request.POST.get("text", ""), request.POST.get("source_name", "")
    if not text.strip():
        messages.error(request, _("报告内容已丢失，请重新上传文件或粘贴文本。"))
        return redirect("report-upload")
    form = MetadataForm(request.POST)
    if not form.is_valid():
        return _preview(request, text, source_name, meta_form=form, code=400)
    if request.POST.get("action") == "preview":
        return _preview(request, text, source_name, meta_form=form, overrides=form.meta())
    ingest = ingest_api()
    try:
        result = ingest.ingest_text(text, source_name, user=request.user, **form.meta())
    except ingest.IngestError as e:
        form.add_error(None, str(e))
        return _preview(request, text, source_name, meta_form=form, overrides=form.meta(), code=400)
    for warning in result.warnings:
        messages.warning(request, warning)
    if result.created:
        messages.success(request, _("报告已保存：提取承诺 %(n)d 条。") % {"n": result.pledge_count})
        if result.matched:
            messages.info(request, _matched_text(result.matched))
    return redirect("report-detail", pk=result.report.pk)


def _draft_row(draft) -> dict:
    """A pledge found in the preview, with its choices spelled out for display."""
    return {
        "text": draft.text,
        "kind": PledgeKind(draft.kind).label,
        "target": _target(draft.comparator, draft.value, draft.unit),
        "value_raw": draft.value_raw,
        "deadline": draft.deadline,
        "deadline_text": draft.deadline_text,
        "strength": Strength(draft.strength).label,
        "section": draft.section,
    }


def _target(comparator: str | None, value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    label = Comparator(comparator).label if comparator else ""
    return f"{label} {value:g}{unit or ''}".strip()


def _matched_text(matched: dict) -> str:
    """The matcher's counts ({status: n, "pledges": n, "recorded": n}) as a sentence."""
    if not matched.get("pledges"):
        return _("本镇没有需要比对的前期承诺。")
    found = "，".join(f"{label} {matched.get(value, 0)} 条" for value, label in Status.choices)
    return _("共核查前期承诺 %(n)d 条：%(found)s；新增状态记录 %(r)d 条。") % {
        "n": matched["pledges"],
        "found": found,
        "r": matched.get("recorded", 0),
    }
