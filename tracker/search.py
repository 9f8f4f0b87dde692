"""Chinese text search over pledges.

Pledge.search_text holds the pledge's jieba tokens and their synonyms, space separated
(lexicon.search_text, filled at ingest). A query is cut into words; each word may stand for
several forms (its synonyms in the genre lexicon: 加梯 → 加装电梯). A pledge matches when
every query word is found in one of its forms, in the tokens or in the raw text.

    >>> query_groups("加梯 停车")            # doctest: +SKIP
    [['加梯', '加装电梯'], ['停车']]
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.db.models import Q

from reports.analysis import lexicon

MAX_TOKENS = 8


def query_groups(q: str) -> list[list[str]]:
    """The query's words (accurate-mode cut: the index holds those and their sub-words), each with its synonyms."""
    groups: list[list[str]] = []
    for word in lexicon.words(q):
        if _is_punctuation(word):
            continue
        forms = [word, *lexicon.synonyms(word)]
        if forms not in groups:
            groups.append(forms)
    return groups[:MAX_TOKENS]


def pledge_query(q: str) -> Q:
    """A Q object for Pledge rows matching the query (every group, any of its forms)."""
    groups = query_groups(q)
    if not groups:
        return Q()
    return reduce(and_, (reduce(or_, (_form_q(form) for form in forms)) for forms in groups))


def _form_q(form: str) -> Q:
    return Q(search_text__contains=form) | Q(text__contains=form) | Q(topic__contains=form)


def _is_punctuation(token: str) -> bool:
    return all(not ch.isalnum() for ch in token)
