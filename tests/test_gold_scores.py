"""The development gold set (../shared/gold), scored by the shared scorer on our export."""

import json
from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def gold_scores(shared_dir, score_export, db):
    gold_dir = shared_dir / "gold"
    for gold_file in sorted(gold_dir.glob("*.pledges.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        call_command(
            "ingest",
            str(shared_dir / "seeds" / gold["source"]),
            town=gold["town"],
            district=gold["district"],
            date=gold["report_date"],
            kind=gold.get("report_kind", "half_year"),
            stdout=StringIO(),
        )
    for status_file in sorted((gold_dir / "followups").glob("*.status.json")):
        status = json.loads(status_file.read_text(encoding="utf-8"))
        call_command("ingest", str(gold_dir / "followups" / status["followup"]), stdout=StringIO())
    return score_export(gold_dir)


def test_extraction_finds_the_gold_pledges(gold_scores):
    assert gold_scores["extraction"]["f1"] >= 0.90, gold_scores["per_source"]


def test_fields_of_found_quantitative_pledges_are_right(gold_scores):
    fields = gold_scores["fields"]
    assert fields["comparator"] >= 0.95
    assert fields["deadline"] >= 0.95
    assert fields["strength"] >= 0.95


def test_later_reports_settle_the_pledges_as_the_gold_says(gold_scores):
    assert gold_scores["status_accuracy"] >= 0.90, gold_scores["status_confusion"]
    assert gold_scores["achieved_value_accuracy"] >= 0.90
