"""Apply the matcher's verdicts to the database, with history.

The judging itself is pure Python (``reports.analysis.matching``); this module picks, for each
open pledge, the later report that speaks for it, stores the evidence and records the verdict
through ``Pledge.record_status`` (a person's decision is never overwritten, the machine's later
opinion is kept beside it, an unchanged machine verdict records nothing).

Which later report judges a pledge: the latest report of the town delivered after the pledge's
report whose review covers the pledge's deadline (``Report.review_period_end()``). When none
covers it yet, the latest later report keeps it ``pending`` (its evidence recorded, or
``fulfilled`` if it already states the target met). A report that does not mention the pledge
yields ``missed/not_reported`` only if no other later report gave evidence of progress.

    >>> summary = match_town(town)
    >>> summary.counts
    {'fulfilled': 12, 'partial': 5, 'missed': 9, 'pending': 3}
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from reports.analysis.matching import PledgeFacts, Verdict, assess
from reports.analysis.sections import split_sections
from reports.models import PartKind, Report, ReportKind
from tracker.models import Evidence, Pledge, Status, Town

_SENTENCE_END = re.compile(r"[。！？；\n]")


@dataclass
class MatchSummary:
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Status})
    pledges: int = 0  # pledges judged
    recorded: int = 0  # new history entries (0 on an idempotent re-run)
    reports: int = 0  # later reports read

    def add(self, other: MatchSummary) -> None:
        for k, v in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + v
        self.pledges += other.pledges
        self.recorded += other.recorded
        self.reports += other.reports

    def as_dict(self) -> dict:
        return {**self.counts, "pledges": self.pledges, "recorded": self.recorded}

    def __str__(self) -> str:
        c = self.counts
        return _(
            "共核查 %(n)d 条承诺：已兑现 %(f)d 条，部分兑现 %(p)d 条，未兑现 %(m)d 条，待核查 %(w)d 条；新增状态记录 %(r)d 条。"
        ) % {
            "n": self.pledges,
            "f": c.get("fulfilled", 0),
            "p": c.get("partial", 0),
            "m": c.get("missed", 0),
            "w": c.get("pending", 0),
            "r": self.recorded,
        }


def match_report(report: Report) -> MatchSummary:
    """Judge the town's pledges of earlier reports for which `report` is the deciding later report."""
    later = list(Report.objects.for_town(report.town))
    # confirmed pledges too: the machine's opinion is recorded beside a person's decision (not applied)
    pledges = Pledge.objects.filter(town=report.town, report__delivered_on__lt=report.delivered_on).select_related(
        "report"
    )
    mine = [p for p in pledges if _deciding_report(p, later) == report]
    return _apply(report, mine, later)


def match_town(town: Town | None = None) -> MatchSummary:
    """Re-run the match for every report of a town (or of all towns), oldest first."""
    towns = [town] if town is not None else list(Town.objects.all())
    summary = MatchSummary()
    for t in towns:
        reports = list(Report.objects.for_town(t))
        by_report: dict[int, list[Pledge]] = defaultdict(list)
        for p in Pledge.objects.filter(town=t).select_related("report"):
            deciding = _deciding_report(p, reports)
            if deciding is not None:
                by_report[deciding.pk].append(p)
        for r in reports:
            if by_report.get(r.pk):
                summary.add(_apply(r, by_report[r.pk], reports))
    return summary


def _deciding_report(pledge: Pledge, reports: list[Report]) -> Report | None:
    """The latest later report covering the deadline, else the latest later report, else None."""
    later = [r for r in reports if r.delivered_on > pledge.report.delivered_on]
    if not later:
        return None
    covering = [r for r in later if r.review_period_end() >= pledge.deadline]
    return (covering or later)[-1]


def review_spans(report: Report) -> list[tuple[int, int]]:
    """The review part of a report: its stored review passages, else its review parts, else split anew."""
    passages = [(p.start, p.end) for p in report.passages.filter(part__kind=PartKind.REVIEW)]
    if passages:
        return passages
    parts = [(p.start, p.end) for p in report.parts.filter(kind=PartKind.REVIEW)]
    if parts:
        return parts
    return [(s.start, s.end) for s in split_sections(report.text, report.kind) if s.kind == "review"]


def _context(pledge: Pledge) -> str:
    """The sentence of the pledge's own report that holds it."""
    text = pledge.report.text
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, pledge.start)), default=0)
    m = _SENTENCE_END.search(text, pledge.end)
    return text[start : m.start() if m else len(text)]


def facts_of(pledge: Pledge) -> PledgeFacts:
    return PledgeFacts(
        key=pledge.pk,
        text=pledge.text,
        kind=pledge.kind,
        value=pledge.value,
        unit=pledge.unit,
        comparator=pledge.comparator,
        deadline=pledge.deadline,
        topic=pledge.topic,
        strength=pledge.strength,
        context=_context(pledge),
        second_half=pledge.report.kind == ReportKind.HALF_YEAR,
    )


def _apply(report: Report, pledges: list[Pledge], reports: list[Report]) -> MatchSummary:
    summary = MatchSummary(reports=1)
    if not pledges:
        return summary
    verdicts = assess([facts_of(p) for p in pledges], report.text, review_spans(report), report.review_period_end())
    unreported = [p for p, v in zip(pledges, verdicts) if v.reason == "not_reported"]
    fallback = _progress_elsewhere(unreported, report, reports) if unreported else {}
    passages = list(report.passages.all())
    for pledge, verdict in zip(pledges, verdicts):
        source = report
        if pledge.pk in fallback:
            source, verdict = fallback[pledge.pk]
            passages_of = list(source.passages.all())
        else:
            passages_of = passages
        summary.pledges += 1
        summary.counts[verdict.status] = summary.counts.get(verdict.status, 0) + 1
        summary.recorded += _record(pledge, source, verdict, passages_of)
    return summary


def _progress_elsewhere(pledges: list[Pledge], deciding: Report, reports: list[Report]) -> dict:
    """Evidence of progress in another later report, for pledges the deciding one does not mention."""
    found: dict[int, tuple[Report, Verdict]] = {}
    for other in reversed(reports):
        todo = [p for p in pledges if p.pk not in found and other.delivered_on > p.report.delivered_on]
        if other == deciding or not todo:
            continue
        for p, v in zip(
            todo, assess([facts_of(p) for p in todo], other.text, review_spans(other), other.review_period_end())
        ):
            if v.status in (Status.FULFILLED, Status.PARTIAL) and v.start is not None:
                found[p.pk] = (other, v)
    return found


@transaction.atomic
def _record(pledge: Pledge, report: Report, verdict: Verdict, passages) -> int:
    evidence = None
    if verdict.start is not None:
        passage = next((p for p in passages if p.start <= verdict.start < p.end), None)
        evidence, _created = Evidence.objects.get_or_create(
            pledge=pledge,
            report=report,
            quote=verdict.quote,
            start=verdict.start,
            end=verdict.end,
            defaults={"passage": passage, "achieved_value": verdict.achieved_value, "score": verdict.score},
        )
    note = _("自动匹配：%(report)s") % {"report": report.source_name or report}
    change = pledge.record_status(
        verdict.status,
        reason=verdict.reason,
        achieved_value=verdict.achieved_value,
        evidence=evidence,
        confidence=verdict.confidence,
        note=note,
    )
    late = verdict.status == Status.FULFILLED and verdict.late
    if not pledge.confirmed and pledge.fulfilled_late != late:
        pledge.fulfilled_late = late
        pledge.save(update_fields=["fulfilled_late"])
    return 1 if change is not None else 0
