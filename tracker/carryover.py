"""Link the pledges of a newly ingested report to the earlier pledges they promise again.

The decision is reports.analysis.carryover's; this module only feeds it the town's pledges
and stores the pairs in Pledge.carried_from.
"""

from __future__ import annotations

from reports.analysis.carryover import PledgeFacts, find_carry_overs
from tracker.models import Pledge


def _facts(p: Pledge) -> PledgeFacts:
    return PledgeFacts(text=p.text, unit=p.unit or "")


def link_carry_overs(report) -> int:
    """Set carried_from on the pledges of `report` that restate an earlier pledge of its town.

    Earlier means from a report delivered before this one. Each later pledge links to at most
    one earlier pledge and vice versa; a restatement links to its most recent earlier self.
    Running it again gives the same links (a link that no longer holds is cleared).
    Returns the number of pledges now carried over.
    """
    later = list(Pledge.objects.filter(report=report).order_by("sequence", "id"))
    if not later:
        return 0
    earlier = list(
        Pledge.objects.filter(town=report.town, report__delivered_on__lt=report.delivered_on).order_by(
            "report__delivered_on", "report_id", "sequence", "id"
        )
    )
    pairs = find_carry_overs([_facts(p) for p in earlier], [_facts(p) for p in later])
    for i, pledge in enumerate(later):
        target = earlier[pairs[i]].pk if i in pairs else None
        if pledge.carried_from_id != target:
            pledge.carried_from_id = target
            pledge.save(update_fields=["carried_from"])
    return len(pairs)
