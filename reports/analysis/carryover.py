"""Carry-over: is a pledge of a later plan part the same object promised again?

A town often promises in January what it already promised in July ("年内完成35台加梯" →
"确保完成40台加装电梯"). Such a pledge is linked to its earlier self so a summary can flag
"连续两次承诺". Pure Python, no Django.

Two pledges are taken for the same promise when all of these hold:

- **same unit** where both carry one (台 vs 台; 台 vs 户 is another object); a milestone and a
  quantitative pledge only when their objects are close (``MIXED_KIND_THRESHOLD``);
- **same stage of the work**: a start verb (开工, 启动, 签约 …) and a finish verb (竣工, 完成,
  建成 …) are two promises, not one promised twice ("启动七灶村村庄设计" then
  "完成七灶村村庄设计" is progress, not a carry-over);
- **the same plot or project code** where both name one (C06-03, 05-08): a shared code scores
  at least 0.9, two disjoint sets of codes are two objects;
- **similar object** — ``similarity()`` at least ``THRESHOLD`` (0.5). The object is the
  pledge text less numbers with their units, deadline words, modal words (确保, 力争),
  completion verbs and filler (任务, 工作, 项目, 等), cut into words by the genre lexicon
  (reports.analysis.lexicon), each word in its synonym group's one form (加梯 → 加装电梯);
  the score is the best of
  * the Dice coefficient of the character bigrams of the two objects,
  * 0.9 × their containment (shared bigrams over the smaller set, when that set has at
    least two bigrams: "聚溪路" inside "聚溪路、营洪路等项目"),
  * 0.8 when the shorter object is an in-order abbreviation of the longer one, the way
    Chinese abbreviations are formed ("加梯" ⊂ "加装电梯", "拆违" ⊂ "拆除违法建筑").

    >>> same_promise(PledgeFacts("年内完成35台加梯任务", "台"), PledgeFacts("确保完成40台加装电梯", "台"))
    True
    >>> same_promise(PledgeFacts("启动七灶村村庄设计"), PledgeFacts("完成七灶村村庄设计"))
    False

The threshold was set on short pairs of the genre (tests/analysis/test_carryover.py):
0.5 keeps "老旧小区改造" apart from "农村公路改造" (Dice 0.2) and joins restatements,
whose scores sit at 0.8 and above.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reports.analysis import lexicon

THRESHOLD = 0.5
CONTAINMENT_WEIGHT = 0.9
ABBREVIATION_SCORE = 0.8
# A milestone (no unit) and a quantitative pledge (a unit) link only at this similarity.
MIXED_KIND_THRESHOLD = 0.75
CODE_SCORE = 0.9
# An abbreviation keeps at least this share of the long form's characters (加梯/加装电梯 = 0.5).
ABBREVIATION_MIN_SHARE = 0.3

START_VERBS = ("开工", "启动", "动工", "开建", "签约", "立项", "开展", "试点")
FINISH_VERBS = (
    "竣工",
    "完成",
    "建成",
    "交付",
    "投入使用",
    "投用",
    "开业",
    "通车",
    "验收",
    "揭牌",
    "回搬",
    "获批",
    "出让",
)
MODAL_WORDS = (
    "确保",
    "必须",
    "坚决",
    "务必",
    "全面",
    "力争",
    "争取",
    "努力",
    "争创",
    "力求",
    "全力",
    "加快",
    "推进",
    "推动",
    "实现",
    "做好",
    "抓好",
    "全年",
    "年内",
    "年底",
    "年底前",
    "今年",
    "明年",
    "下半年",
    "月底",
    "月底前",
    "之前",
    "以前",
)
FILLER_WORDS = ("任务", "工作", "项目", "等", "的", "和", "及", "与", "并", "个", "新", "各", "有关", "相关")

_UNITS = r"(?:平方公里|平方米|万平方米|公顷|公里|人次|美元|万元|亿元|标准箱|个百分点|[^\W\d_])"
_NUMBER_WITH_UNIT = re.compile(
    r"[0-9０-９.．%％]+[万亿千百十]*"
    + _UNITS
    + r"?|[一二三四五六七八九十百千万两零]+[个家台户项处条座所场人张部辆名套栋幢]"
)
_DEADLINE = re.compile(r"[0-9一二三四五六七八九十]+月(?:底|末|份)?(?:前|之前)?|[0-9]{4}年(?:底|内)?(?:前)?")
_PUNCT = re.compile(r"[^\w]+")
# Plot and project codes: 05-08, C06-03, C08-01A, I-I-7 (not year ranges such as 2021-2022).
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-－][A-Za-z0-9]+)+(?![A-Za-z0-9])")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d-(?:19|20)\d\d")
_DROP = set(START_VERBS) | set(FINISH_VERBS) | set(MODAL_WORDS) | set(FILLER_WORDS) | lexicon.STOPWORDS


@dataclass(frozen=True)
class PledgeFacts:
    """What the comparison needs of a pledge: its text and canonical unit ("" when none)."""

    text: str
    unit: str = ""


def _canonical(word: str) -> str:
    """One form per synonym group of the genre lexicon (加梯, 电梯加装 → 加装电梯)."""
    forms = [word, *lexicon.synonyms(word)]
    return min(forms, key=lambda w: (-len(w), w))


def stage(text: str) -> str | None:
    """'start', 'finish' or None: which stage of the work the pledge promises.

    "完成" inside "编制完成" counts as finish; a text with both kinds of verb has no single stage
    ("开工并竣工") and conflicts with nothing.
    """
    has_start = any(v in text for v in START_VERBS)
    has_finish = any(v in text for v in FINISH_VERBS)
    if has_start == has_finish:
        return None
    return "start" if has_start else "finish"


def codes(text: str) -> frozenset[str]:
    """Plot and project codes named in the text: "完成C06-03、E02-02地块出让" → {C06-03, E02-02}."""
    found = (m.replace("－", "-").upper() for m in _CODE.findall(text))
    return frozenset(c for c in found if not _YEAR_RANGE.fullmatch(c))


def object_text(text: str) -> str:
    """The promised object: "力争聚溪路、营洪路等项目年内竣工" → "聚溪路营洪路"."""
    text = _CODE.sub(" ", text)
    text = _DEADLINE.sub(" ", text)
    text = _NUMBER_WITH_UNIT.sub(" ", text)
    kept = [_canonical(t) for t in lexicon.words(text) if t not in _DROP and not _PUNCT.fullmatch(t)]
    return _PUNCT.sub("", "".join(kept))


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)}


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two objects as returned by object_text()."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ga, gb = _bigrams(a), _bigrams(b)
    shared = len(ga & gb)
    score = 2 * shared / (len(ga) + len(gb)) if ga and gb else 0.0
    smaller = min(len(ga), len(gb))
    if smaller >= 2:
        score = max(score, CONTAINMENT_WEIGHT * shared / smaller)
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and len(short) / len(long) >= ABBREVIATION_MIN_SHARE and _is_subsequence(short, long):
        score = max(score, ABBREVIATION_SCORE)
    return score


@dataclass(frozen=True)
class _Prepared:
    unit: str
    stage: str | None
    codes: frozenset[str]
    object: str


def _prepare(p: PledgeFacts) -> _Prepared:
    return _Prepared(p.unit, stage(p.text), codes(p.text), object_text(p.text))


def _score(a: _Prepared, b: _Prepared) -> float:
    if a.unit and b.unit and a.unit != b.unit:
        return 0.0
    if a.stage and b.stage and a.stage != b.stage:
        return 0.0
    if a.codes and b.codes:
        # Named plots decide: the same code is the same object, different codes are not.
        return max(CODE_SCORE, similarity(a.object, b.object)) if a.codes & b.codes else 0.0
    sim = similarity(a.object, b.object)
    if bool(a.unit) != bool(b.unit) and sim < MIXED_KIND_THRESHOLD:
        # A milestone restated as a count ("万科19-04项目开工" / "新增落地重大产业项目3个")
        # is usually another measure of a related thing: only a close restatement links.
        return 0.0
    return sim


def score(earlier: PledgeFacts, later: PledgeFacts) -> float:
    """Similarity of the two objects, 0 when unit, stage or codes rule the pair out."""
    return _score(_prepare(earlier), _prepare(later))


def same_promise(earlier: PledgeFacts, later: PledgeFacts) -> bool:
    return score(earlier, later) >= THRESHOLD


def find_carry_overs(earlier: Sequence[PledgeFacts], later: Sequence[PledgeFacts]) -> dict[int, int]:
    """Pair later pledges with the earlier pledges they restate: {later index: earlier index}.

    One to one, best score first; on equal scores the earlier pledge listed last wins, so
    callers pass earlier pledges oldest first and a restatement links to its latest self.
    """
    later_facts = [_prepare(p) for p in later]
    earlier_facts = [_prepare(p) for p in earlier]
    # Only pairs whose objects share two characters or a code can reach the threshold
    # (an abbreviation shares at least two characters with its long form): index them.
    by_char: dict[str, list[int]] = defaultdict(list)
    by_code: dict[str, list[int]] = defaultdict(list)
    for ei, ep in enumerate(earlier_facts):
        for ch in set(ep.object):
            by_char[ch].append(ei)
        for code in ep.codes:
            by_code[code].append(ei)
    candidates: list[tuple[float, int, int]] = []
    for li, lp in enumerate(later_facts):
        shared = Counter(ei for ch in set(lp.object) for ei in by_char.get(ch, ()))
        near = {ei for ei, n in shared.items() if n >= 2}
        near.update(ei for code in lp.codes for ei in by_code.get(code, ()))
        for ei in near:
            s = _score(earlier_facts[ei], lp)
            if s >= THRESHOLD:
                candidates.append((s, ei, li))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2]))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, ei, li in candidates:
        if li in pairs or ei in used:
            continue
        pairs[li] = ei
        used.add(ei)
    return pairs
