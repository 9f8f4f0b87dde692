"""Pledges as plain records: the export_pledges contract other tools rely on."""

from tracker.models import Pledge

FIELDS = [
    "id",
    "town",
    "district",
    "report",
    "text",
    "kind",
    "value",
    "unit",
    "value_raw",
    "comparator",
    "deadline",
    "deadline_text",
    "strength",
    "topic",
    "section",
    "status",
    "status_reason",
    "achieved_value",
    "confidence",
    "confirmed",
    "fulfilled_late",
    "carried_from",
    "evidence",
]


def pledge_queryset(town: str | None = None):
    qs = Pledge.objects.select_related("town", "report", "evidence__report").order_by(
        "report__delivered_on", "report_id", "sequence"
    )
    if town:
        qs = qs.filter(town__name=town)
    return qs


def as_record(p: Pledge) -> dict:
    ev = p.evidence
    return {
        "id": p.id,
        "town": p.town.name,
        "district": p.town.district,
        "report": {
            "source_name": p.report.source_name,
            "date": p.report.delivered_on.isoformat(),
            "kind": p.report.kind,
            "title": p.report.title,
        },
        "text": p.text,
        "kind": p.kind,
        "value": p.value,
        "unit": p.unit or None,
        "value_raw": p.value_raw or None,
        "comparator": p.comparator or None,
        "deadline": p.deadline.isoformat(),
        "deadline_text": p.deadline_text or None,
        "strength": p.strength,
        "topic": p.topic,
        "section": p.section,
        "status": p.status,
        "status_reason": p.status_reason or None,
        "achieved_value": p.achieved_value,
        "confidence": p.confidence,
        "confirmed": p.confirmed,
        "fulfilled_late": p.fulfilled_late,
        "carried_from": p.carried_from_id,
        "evidence": {
            "quote": ev.quote,
            "report_source_name": ev.report.source_name,
            "report_date": ev.report.delivered_on.isoformat(),
        }
        if ev
        else None,
    }
