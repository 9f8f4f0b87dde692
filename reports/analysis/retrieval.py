"""BM25 over jieba words and character bigrams, for finding a pledge's evidence in a later report.

Segmentation of the same phrase differs between two reports ("加装电梯" may come out as one
word in one text and two in the other), so every text is indexed both as words and as
overlapping character bigrams of its Chinese runs; identifiers ("C08-01A", "19-04") are kept
whole. The index is built once per report and queried once per pledge: scoring walks the
postings of the query's terms only, so the cost of a query does not grow with the number of
pledges and is nearly independent of the report's length.

    >>> index = Bm25Index([tokens("全年签约52台、竣工36台"), tokens("新增就业岗位5860个")])
    >>> index.scores(tokens("加装电梯竣工"))[0] > 0
    True
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

from reports.analysis.lexicon import words

# Short-forms of the genre mapped to the full phrase, so that both sides of a match share bigrams.
# A rule of the genre, not of one report: Shanghai town reports abbreviate these routinely.
GENRE_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("电梯加装", "加装电梯"),
    ("加梯", "加装电梯"),
    ("拆违", "拆除违法建筑"),
    ("违建", "违法建筑"),
    ("动工", "开工"),
    ("交房", "交付"),
    ("结算", "清算"),
    ("申请", "申报"),
    ("新改建", "新建改造"),
    ("新建改建", "新建改造"),
)

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_ASCII_ID = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "―": "-", "（": "(", "）": ")", "　": " "})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold width and dash variants one character for one character (offsets stay valid)."""
    out = []
    for ch in text:
        code = ord(ch)
        # full-width digits, letters, % . / — Chinese punctuation (，；：) is left alone
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A or ch in "％．／":
            ch = chr(code - 0xFEE0)
        out.append(ch)
    return "".join(out).translate(_DASHES)


@lru_cache(maxsize=65536)
def canonical(text: str) -> str:
    """Folded text with genre short-forms expanded; for tokens only (lengths change)."""
    text = fold(text).replace(" ", "")
    for short, full in GENRE_SYNONYMS:
        if short != full:
            text = text.replace(short, full)
    return text


def bigrams(text: str) -> list[str]:
    grams = []
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            grams.append(run)
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def identifiers(text: str) -> list[str]:
    """Plot, road and project codes, lower-cased: "C08-01A", "19-04", "188"."""
    return [a.lower() for a in _ASCII_ID.findall(text) if not a.isdigit() or len(a) >= 2]


def tokens(text: str) -> list[str]:
    """Index terms of `text`: "b:" bigrams, "w:" jieba words of two characters or more, "a:" identifiers."""
    text = canonical(text)
    out = ["b:" + g for g in bigrams(text)]
    out.extend("w:" + w for w in words(text) if len(w) >= 2 and _CJK_RUN.fullmatch(w))
    out.extend("a:" + a.lower() for a in _ASCII_ID.findall(text))
    return out


class Bm25Index:
    """Okapi BM25 with an inverted index (k1=1.5, b=0.75, the usual constants)."""

    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75):
        self.n = len(docs)
        self.k1, self.b = k1, b
        self.lengths = [len(d) for d in docs]
        self.avg = (sum(self.lengths) / self.n) if self.n else 1.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.term_sets: list[frozenset[str]] = []
        for i, doc in enumerate(docs):
            counts = Counter(doc)
            self.term_sets.append(frozenset(counts))
            for term, tf in counts.items():
                self.postings[term].append((i, tf))
        self._idf = {t: self._idf_of(len(p)) for t, p in self.postings.items()}

    def _idf_of(self, df: int) -> float:
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        """IDF of a term; a term absent from the report gets the highest IDF (it is specific)."""
        return self._idf.get(term) or self._idf_of(0)

    def scores(self, query: list[str] | dict[str, float]) -> list[float]:
        weights = query if isinstance(query, dict) else Counter(query)
        out = [0.0] * self.n
        for term, qw in weights.items():
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self._idf[term]
            for doc, tf in postings:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[doc] / self.avg)
                out[doc] += qw * idf * tf * (self.k1 + 1) / (tf + norm)
        return out

    def top(self, query: list[str] | dict[str, float], k: int) -> list[tuple[int, float]]:
        scored = [(i, s) for i, s in enumerate(self.scores(query)) if s > 0]
        scored.sort(key=lambda x: -x[1])
        return scored[:k]
