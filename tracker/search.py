"""Chinese text search over pledges.

Pledge.search_text holds the pledge's jieba tokens, space separated (filled at ingest by
reports.analysis.lexicon). A query is cut the same way; each query token may stand for
several forms (its synonyms in the genre lexicon: 加梯 → 加装电梯). A pledge matches when
every query token is found in one of its forms, in the tokens or in the raw text.

    >>> query_groups("加梯 停车")            # doctest: +SKIP
    [['加梯', '加装电梯'], ['停车']]
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.db.models import Q

MAX_TOKENS = 8


def _lexicon():
    # The lexicon helper owns the genre dictionary; fall back to plain jieba until it is there.
    try:
        from reports.analysis import lexicon
    except ImportError:
        return None
    return lexicon


def tokens(text: str) -> list[str]:
    lexicon = _lexicon()
    cut = getattr(lexicon, "tokens", None) or getattr(lexicon, "tokenize", None)
    if cut is None:
        import jieba

        cut = jieba.lcut_for_search
    seen: list[str] = []
    for token in cut(text):
        token = token.strip()
        if token and not _is_punctuation(token) and token not in seen:
            seen.append(token)
    return seen


def synonyms(token: str) -> list[str]:
    lexicon = _lexicon()
    lookup = getattr(lexicon, "synonyms", None)
    if lookup is None:
        return []
    found = lookup(token)
    return [s for s in (found or []) if s and s != token]


def query_groups(q: str) -> list[list[str]]:
    """Each whitespace-separated word of the query, cut into tokens, each with its synonyms."""
    groups: list[list[str]] = []
    for word in q.split():
        # A word that is itself a known term (or has synonyms) is kept whole: cutting 加梯 into 加/梯 would match too much.
        parts = [word] if synonyms(word) or len(word) <= 2 else tokens(word)
        for token in parts:
            forms = [token, *synonyms(token)]
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
