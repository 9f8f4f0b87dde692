"""Ingestion: a report's text goes in, its parts, passages and pledges come out as records.

The text analysis (reports.analysis) is pure Python; this module is the Django side that
stores its results in one transaction and hands the town's open pledges to the matcher.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from reports.analysis import documents, header, lexicon, pledges, sections
from reports.analysis import text as textmod
from reports.models import Part, Passage, Report, ReportKind
from tracker.models import Level, Pledge, Town

LEVEL_SUFFIXES = [
    ("街道", Level.SUBDISTRICT),
    ("国务院", Level.STATE),
    ("镇", Level.TOWN),
    ("乡", Level.TOWNSHIP),
    ("区", Level.DISTRICT),
    ("县", Level.COUNTY),
    ("市", Level.CITY),
    ("省", Level.PROVINCE),
]


class IngestError(Exception):
    """Raised with a Chinese message the user can act on; nothing has been saved."""


@dataclass
class Analysis:
    """What a report holds, before anything is saved (the upload preview shows this)."""

    text: str
    source_name: str
    title: str
    speaker: str
    town: str | None
    district: str | None
    level: str | None
    delivered_on: date | None
    kind: str | None
    plan_year: int | None
    notes: list[str]
    warnings: list[str]
    sections: list
    passages: list
    pledges: list
    checksum: str
    duplicate_of: Report | None = None

    def part_kinds(self) -> list[str]:
        seen: list[str] = []
        for s in self.sections:
            if s.kind not in seen:
                seen.append(s.kind)
        return seen


@dataclass
class IngestResult:
    report: Report
    created: bool
    pledge_count: int
    warnings: list[str] = field(default_factory=list)
    matched: dict = field(default_factory=dict)
    match_note: str = ""
    notes: list[str] = field(default_factory=list)


def read_upload(data: bytes, filename: str) -> str:
    """Decode an uploaded file to report text; raises IngestError with a Chinese message."""
    try:
        return documents.read_document(data, filename, max_bytes=settings.MAX_REPORT_BYTES)
    except documents.DocumentError as e:
        raise IngestError(str(e)) from e


def read_paste(raw: str) -> str:
    try:
        return documents.read_text_paste(raw)
    except documents.DocumentError as e:
        raise IngestError(str(e)) from e


def checksum_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def level_of(name: str) -> str:
    for suffix, level in LEVEL_SUFFIXES:
        if name.endswith(suffix):
            return level
    return Level.TOWN


def analyse(
    raw_text: str,
    source_name: str,
    *,
    town: str | None = None,
    district: str | None = None,
    delivered_on: date | None = None,
    kind: str | None = None,
) -> Analysis:
    """Detect metadata, split parts and extract pledges; arguments given by the user win over detection."""
    text = textmod.normalize(raw_text)
    if not text.strip():
        raise IngestError(_("报告内容为空，请检查文件或粘贴的文本。"))
    found = header.detect_header(raw_text)  # the raw text keeps breadcrumbs that name the town
    notes = list(found.notes)
    town = (town or found.town or "").strip() or None
    district = (district or found.district or "").strip() or None
    delivered_on = delivered_on or found.date
    kind = kind or found.kind
    if kind is None and delivered_on is not None:
        kind = ReportKind.ANNUAL if delivered_on.month <= 4 else ReportKind.HALF_YEAR
        notes.append(_("未能从报告中判断报告类型，按报告日期推定为“%(kind)s”。") % {"kind": ReportKind(kind).label})
    plan_year = found.plan_year if found.plan_year and not delivered_on else None
    if delivered_on is not None:
        plan_year = delivered_on.year
    level = found.level if (found.level and found.town == town) else (level_of(town) if town else None)

    parts = sections.split_sections(text, kind)
    passages = sections.split_passages(text, parts)
    drafts = pledges.extract_pledges(text, parts, plan_year, kind) if plan_year and kind else []
    warnings = []
    if not any(p.kind == "plan" for p in parts):
        warnings.append(_("未找到工作安排（计划）部分：报告可以保存，但不会提取承诺。"))
    elif not drafts:
        warnings.append(_("工作安排部分未发现可核查的承诺。"))
    checksum = checksum_of(text)
    return Analysis(
        text=text,
        source_name=source_name,
        title=found.title,
        speaker=found.speaker,
        town=town,
        district=district,
        level=level,
        delivered_on=delivered_on,
        kind=kind,
        plan_year=plan_year,
        notes=notes,
        warnings=warnings,
        sections=parts,
        passages=passages,
        pledges=drafts,
        checksum=checksum,
        duplicate_of=_same_report(checksum, town, delivered_on, kind),
    )


def ingest_text(
    raw_text: str,
    source_name: str,
    *,
    town: str | None = None,
    district: str | None = None,
    delivered_on: date | None = None,
    kind: str | None = None,
    user=None,
) -> IngestResult:
    """Store a report with its parts, passages and pledges, then match the town's open pledges.

    A report already stored (same normalized text) is returned as it is, with created=False.
    """
    found = analyse(raw_text, source_name, town=town, district=district, delivered_on=delivered_on, kind=kind)
    if found.duplicate_of is not None:
        existing = found.duplicate_of
        return IngestResult(
            report=existing,
            created=False,
            pledge_count=existing.pledges.count(),
            warnings=[
                _("该报告已于%(when)s导入（%(town)s %(date)s），未重复导入。")
                % {"when": existing.created.strftime("%Y-%m-%d"), "town": existing.town, "date": existing.delivered_on}
            ],
        )
    missing = []
    if not found.town:
        missing.append(_("镇/街道名称"))
    if not found.delivered_on:
        missing.append(_("报告日期"))
    if missing:
        raise IngestError(_("无法从报告中识别%(what)s，请手动填写后重试。") % {"what": "、".join(missing)})
    with transaction.atomic():
        report = _store(found, user)
        from tracker.carryover import link_carry_overs
        from tracker.matcher import match_town

        link_carry_overs(report)
        matched = match_town(report.town)
    return IngestResult(
        report=report,
        created=True,
        pledge_count=len(found.pledges),
        warnings=found.warnings,
        matched=matched.as_dict(),
        match_note=str(matched),
        notes=found.notes,
    )


def ingest_file(data: bytes, filename: str, **meta) -> IngestResult:
    return ingest_text(read_upload(data, filename), filename, **meta)


def _store(found: Analysis, user) -> Report:
    town = Town.objects.resolve(found.town, found.district, found.level or level_of(found.town))
    report = Report.objects.create(
        town=town,
        kind=found.kind,
        delivered_on=found.delivered_on,
        plan_year=found.plan_year,
        title=found.title[:300],
        speaker=found.speaker[:100],
        source_name=found.source_name[:255],
        text=found.text,
        checksum=found.checksum,
        warnings=found.notes + found.warnings,
        uploaded_by=user,
    )
    parts = Part.objects.bulk_create(
        Part(report=report, kind=s.kind, heading=s.heading[:300], start=s.start, end=s.end, order=i)
        for i, s in enumerate(found.sections)
    )
    passages = Passage.objects.bulk_create(
        Passage(report=report, part=parts[si], start=a, end=b, order=i, text=found.text[a:b])
        for i, (si, a, b) in enumerate(found.passages)
    )
    Pledge.objects.bulk_create(
        Pledge(
            report=report,
            town=town,
            passage=_passage_at(passages, d.start),
            start=d.start,
            end=d.end,
            sequence=i,
            text=d.text,
            kind=d.kind,
            value=d.value,
            unit=d.unit or "",
            value_raw=(d.value_raw or "")[:50],
            comparator=d.comparator or "",
            deadline=d.deadline,
            deadline_text=(d.deadline_text or "")[:50],
            strength=d.strength,
            topic=(d.topic or "")[:100],
            section=(d.section or "")[:300],
            search_text=lexicon.search_text(f"{d.text} {d.topic or ''}"),
        )
        for i, d in enumerate(found.pledges)
    )
    return report


def _same_report(checksum: str, town: str | None, delivered_on: date | None, kind: str | None) -> Report | None:
    """The stored report this one repeats: the same text, or the same town's report of the same
    kind and day in another file format (a .docx after the .pdf)."""
    existing = Report.objects.select_related("town")
    same = existing.filter(checksum=checksum).first()
    if same is None and town and delivered_on and kind:
        same = existing.filter(town__name=town, delivered_on=delivered_on, kind=kind).first()
    return same


def _passage_at(passages: list[Passage], offset: int) -> Passage | None:
    for p in passages:
        if p.start <= offset < p.end:
            return p
    return None
