"""Match open pledges against a later report's review part: evidence, achieved value, status.

Pure Python, no Django. ``assess`` takes the pledges of a town and one later report (its full
normalized text, the spans of its review passages and the last day that review speaks for) and
returns one ``Verdict`` per pledge, following the "Status of a pledge" part of
``shared/gold/GUIDELINE.md``.

How a pledge is judged:

1. **Retrieval.** The review is cut into sentences (at 。！？； and line ends), indexed once with
   BM25 over jieba words, character bigrams and identifiers (``retrieval.py``). Each pledge
   queries with its *object* — its text less modal words (确保, 力争), deadline words and its
   own figure — plus its topic and, more lightly, the sentence it came from.
2. **Relevance.** A candidate sentence must hold enough of the object: the IDF-weighted share
   of the object's bigrams found in it (``coverage``). Below ``MIN_COVERAGE`` nothing in the
   report speaks of the pledge: ``missed``/``not_reported`` (achieved null).
3. **Quantitative pledges.** Figures of a compatible unit are read in the candidate sentences
   (2.1万平方米 = 21000平方米, 148.35亩 = 9.89公顷, 七成 = 70%, 三十五台 = 35台). Among several,
   the one whose clause names the pledged object and whose verb is the pledged stage counts
   (签约52台、开工41台、竣工36台: 完成/竣工 → 36); a cumulative figure yields to the year's share
   ("累计…，其中今年…") unless the pledge itself is cumulative (累计达800个); "完成年度目标的112%"
   gives 1.12 × target; "全部完成/全覆盖" gives the target; "其余3宗…仍在核查" gives target − 3.
   The figure is then compared under the pledge's comparator (``>=``, ``<=`` and zero targets,
   ``~`` within 5 % or better in the good direction; decreases read "同比上升" as 0).
4. **Milestones.** The pledge's named items ("聚溪路、营洪路等项目") are looked up one by one;
   each item's predicate (its clause and the clauses after it that name no other item) is read
   as done, in progress (an earlier stage: 开工 where 竣工 was pledged), deferred (推迟, 顺延,
   延期, 调整至2023年 …), cancelled (不再单独开发, 停办, 并入 …) or not done (尚未, 仍在 …).
   All done → fulfilled; some done or some progress → partial (delayed when a deferral is
   stated, else shortfall); nothing done → missed (cancelled or delayed).
5. **Deadline.** A pledge due after ``covers_until`` stays ``pending`` (its evidence kept), unless
   the report already states it met.

Every verdict carries a confidence in 0..1 from the relevance of its evidence and how clearly
the figure or predicate was read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from reports.analysis import numbers
from reports.analysis.lexicon import words
from reports.analysis.retrieval import Bm25Index, bigrams, canonical, fold, identifiers, tokens

# --- public API ----------------------------------------------------------------------------


@dataclass
class PledgeFacts:
    key: object
    text: str
    kind: str  # quantitative | milestone
    value: float | None
    unit: str
    comparator: str
    deadline: date
    topic: str = ""
    strength: str = ""
    context: str = ""  # the sentence of the source report that holds the pledge (optional)


@dataclass
class Verdict:
    key: object
    status: str  # fulfilled | partial | missed | pending
    reason: str  # "" | shortfall | delayed | cancelled | not_reported
    achieved_value: float | None
    quote: str
    start: int | None
    end: int | None
    score: float
    confidence: float
    late: bool = False
    notes: list[str] = field(default_factory=list)  # why, in short English tags, for debugging


MIN_COVERAGE = 0.5  # share of the object's (IDF-weighted) bigrams a sentence must hold
MIN_COVERAGE_FIGURE = 0.35  # … lower when it also holds a figure of the pledged unit
CANDIDATES = 6  # sentences examined per pledge after BM25 ranking
ABOUT_TOLERANCE = 0.05  # "~" targets: within 5 %


def assess(
    pledges: list[PledgeFacts], text: str, review_spans: list[tuple[int, int]], covers_until: date
) -> list[Verdict]:
    """Judge every pledge against one later report.

    `text` is the later report's full normalized text, `review_spans` its review passages (never
    the plan part), `covers_until` the last day its review speaks for. Quotes are exact slices:
    ``verdict.quote == text[verdict.start:verdict.end]``.
    """
    review = Review(text, review_spans)
    return [_assess_one(p, review, covers_until) for p in pledges]


# --- the later report ------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


@dataclass
class Sentence:
    start: int
    end: int
    text: str  # folded (width/dash variants unified), same length as the slice
    canon: str  # folded, spaces dropped, short-forms expanded: for bigram tests
    grams: frozenset
    ids: frozenset = frozenset()


class Review:
    """The review part of a later report, cut into sentences and indexed once."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.sentences: list[Sentence] = []
        for s, e in sorted(spans):
            pos = s
            for m in list(_SENTENCE_END.finditer(text, s, e)) + [None]:
                stop = m.start() if m else e
                self._add(pos, stop)
                pos = stop + 1
        self.index = Bm25Index([tokens(s.text) for s in self.sentences])
        self.gram_df: dict[str, int] = {}
        for s in self.sentences:
            for g in list(s.grams) + ["a:" + a for a in s.ids]:
                self.gram_df[g] = self.gram_df.get(g, 0) + 1

    def _add(self, start: int, end: int) -> None:
        raw = self.text[start:end]
        lead = len(raw) - len(raw.lstrip())
        raw = raw.strip()
        if len(raw) < 4:
            return
        start += lead
        folded = fold(raw)
        canon = canonical(folded)
        grams = frozenset(bigrams(canon))
        self.sentences.append(Sentence(start, start + len(raw), folded, canon, grams, frozenset(identifiers(canon))))

    def gram_weight(self, gram: str) -> float:
        n = len(self.sentences) or 1
        return math.log(1.0 + (n + 0.5) / (self.gram_df.get(gram, 0) + 0.5))


# --- figures (quantities) --------------------------------------------------------------------
# Read by reports.analysis.numbers; this layer only adds what matching needs on top: another
# measure word for the same object (16处 for 16个场所), at a small penalty.

_PERSONS = {"人", "名", "位"}
_OBJECTS = {"个", "处", "家", "所", "座", "项", "台", "部", "套", "栋", "幢", "间", "条", "幅", "宗", "起", "件", "场"}


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # canonical
    start: int  # offsets of the numeral and unit inside the searched text
    end: int


@lru_cache(maxsize=8192)
def _find_figures(text: str) -> tuple[Figure, ...]:
    """Figures of a sentence; cached, as every pledge reads the same candidate sentences."""
    out = [Figure(q.value, q.unit, q.number_start, q.end) for q in numbers.find_quantities(text)]
    # "完成七成" is a share of the work: 70 % (not read by numbers as a unit)
    for m in re.finditer(r"([一二三四五六七八九])成(?![本员果效为功立])", text):
        if not any(f.start <= m.start() < f.end for f in out):
            out.append(Figure(float("一二三四五六七八九".index(m.group(1)) + 1) * 10, "%", m.start(), m.end()))
    out.sort(key=lambda f: f.start)
    return tuple(out)


def _convert(value: float, unit: str, to: str) -> tuple[float, float] | None:
    """(value in `to`, penalty) when the units measure the same thing, else None."""
    converted = numbers.convert(value, unit, to)
    if converted is not None:
        return converted, 0.0
    if unit in _PERSONS and to in _PERSONS:
        return value, 0.1
    if unit in _OBJECTS and to in _OBJECTS:
        return value, 0.25
    return None


# --- vocabulary of the genre -------------------------------------------------------------------

_MODAL = (
    "确保",
    "必须",
    "坚决",
    "务必",
    "力争",
    "争取",
    "努力",
    "争创",
    "力求",
    "全力",
    "着力",
    "加快",
    "加速",
    "有序",
    "持续",
    "全面",
    "进一步",
    "积极",
    "扎实",
    "推进",
    "推动",
    "做好",
    "抓好",
    "统筹",
    "实施",
    "年内",
    "年底前",
    "年底",
    "今年",
    "全年",
    "下半年",
    "以上",
    "不少于",
    "不低于",
    "达到",
    "左右",
    "任务",
    "工作",
    "项目",
    "一批",
    "对照",
    "相关",
    "有关",
)
_TIME_WORDS = re.compile(r"\d{4}年|[0-9一二三四五六七八九十]+月(?:底|末)?(?:前)?")

# Stages of building work, low to high. A later stage satisfies an earlier promise.
_LADDER = (
    (0, ("立项", "招标", "前期手续", "方案设计")),
    (1, ("开工", "动工", "开建", "进场施工", "进场", "施工")),
    (2, ("主体结构", "主体施工", "主体完工", "封顶", "结构施工")),
    (3, ("竣工", "建成", "完工", "落成", "建设完成")),
    (4, ("竣工验收", "通过验收", "验收")),
    (5, ("投入使用", "投用", "交付", "交房", "入户", "回搬", "通车", "开业", "运营", "领取新房钥匙")),
)
_PLEDGE_STAGE = (
    ("竣工验收", 4),
    ("投入使用", 5),
    ("交房入户", 5),
    ("交付", 5),
    ("回搬", 5),
    ("开业", 5),
    ("投用", 5),
    ("通车", 5),
    ("封顶", 2),
    ("竣工", 3),
    ("建成", 3),
    ("完工", 3),
    ("开工", 1),
    ("动工", 1),
)
# Completion words: the predicate reports the thing done.
_DONE = (
    "完成",
    "建成",
    "竣工",
    "完工",
    "落成",
    "收官",
    "投入使用",
    "投用",
    "上线",
    "举办",
    "举行",
    "启动",
    "开工",
    "动工",
    "交付",
    "回搬",
    "通过",
    "出让",
    "编制完成",
    "立项",
    "落地",
    "开业",
    "运营",
    "封顶",
    "实现",
    "创建",
    "通车",
    "开展",
    "揭牌",
    "获批",
    "批复",
    "签约",
    "建立",
    "形成",
    "开通",
    "达标",
    "全覆盖",
    "整新",
    "清盘",
    "到位",
)
_NOT_DONE = (
    "尚未",
    "未能",
    "仍在",
    "尚在",
    "未完成",
    "没有",
    "未实现",
    "准备中",
    "进行中",
    "未签约",
    "未建成",
    "未开工",
    "未按期",
    "滞后",
    "未达",
    "尚有",
)
_DEFER = re.compile(
    r"推迟|顺延|延期|延后|延至|暂缓|结转|调整至|调整到|移至|未能按期|按期未|"
    r"(?:计划|安排|预计|力争|将)(?:在|于)?(?:20\d\d年|明年|春节|年后|下一?年)|"
    r"(?:计划|安排|预计)于?[^，。；]{0,8}(?:后|前)(?:进场|施工|开工|完成|实施)"
)
_CANCEL = re.compile(r"不再单独|不再实施|不再建设|不再开发|不再举办|停办|取消|并入|撤销|终止|不再")
_CUMULATIVE = re.compile(r"累计|总数|总量|共计|历年|自开展|以来")
_SHARE = re.compile(r"其中(?:今年|本年|当年|全年|年内|下半年|上半年|20\d\d年)")
_RATIO_OF_TARGET = re.compile(
    r"(?:完成|达到|为|占)?(?:年度|全年|年初|计划)?(?:目标|任务|计划)(?:数)?的(\d+(?:\.\d+)?)[%％]"
)
_ALL_DONE = re.compile(r"全部(?:完成|建成|竣工|完工|实现|落地|到位|按[^，。；]{0,8}推进)|全覆盖|均已完成|悉数")
_DECREASE = re.compile(r"下降|减少|降低|压降|削减")
_ZERO_OK = re.compile(
    r"未发生|没有发生|无[^，。；]{0,10}发生|零发生|零增长|零发现|零容忍|零事故|零发案|保持零|实现零|杜绝|未出现|未发现|无反弹"
)
_OCCURRENCE = re.compile(r"(?:发生|出现|发现|反弹)")
# Lower is better for these measures (GUIDELINE: ~ targets, "better direction").
_LOWER_BETTER = re.compile(r"失业率|物价|涨幅|能耗|排放|发案|事故|火灾|浓度|投诉|死亡|案件|违法")

# Verb families that tell figures of one sentence apart (签约52台、开工41台、竣工36台).
_FIGURE_VERBS = (
    ("sign", ("签约", "签订")),
    ("start", ("开工", "动工", "开建", "启动")),
    ("plan", ("立项",)),
    ("accept", ("验收",)),
    ("finish", ("竣工", "建成", "完工", "投用", "投入使用", "完成", "落地", "拆除", "实现", "新增", "新建")),
)


def _verb_family(text: str, last: bool = True) -> str | None:
    """The family of the verb nearest the end (or the start) of `text`."""
    best, best_pos = None, -1
    for fam, family_words in _FIGURE_VERBS:
        for w in family_words:
            pos = text.rfind(w) if last else text.find(w)
            if pos < 0:
                continue
            key = pos if last else -pos
            if key > best_pos or best is None:
                # "完成" is generic: a specific stage word in the same span wins over it
                if best is not None and fam == "finish" and w == "完成" and best != "finish":
                    continue
                best, best_pos = fam, key
    return best


# --- the pledge --------------------------------------------------------------------------------


@dataclass
class _Pledge:
    facts: PledgeFacts
    text: str  # folded, no spaces
    object_text: str  # text less modal words, deadline words and figures
    grams: dict  # object bigram -> 1 (set with order kept)
    query: dict  # BM25 query term -> weight
    own_figure: Figure | None
    local: str  # the clause piece around the pledge's own figure
    core: list  # bigrams right beside the pledge's own figure
    verb: str | None  # verb family governing the figure
    stage: int | None  # ladder stage promised (milestones)
    items: list  # named items of a milestone
    action: str  # the promised action word ("出让", "封顶", "清算"), "" when only generic
    local_grams: list  # content grams of the clause piece around the pledge's own figure
    cumulative: bool
    decrease: bool


# Words that say what is done, not to what: left out of the object when judging relevance.
_GENERIC = frozenset(
    "完成 建设 新增 增加 新建 开展 实现 打造 提高 提升 累计 总数 达到 启动 开工 竣工 建成 举办 推进 工作 任务 项目 "
    "年度 指标 今年 全镇 全年 各项 一批 相关 有关 落实 加强 深化 确保 力争".split()
)


def content_grams(text: str) -> list[str]:
    """Bigrams inside the object's words, and its identifiers ("a:19-04"): what relevance is judged on.

    Bigrams across word boundaries ("以老年人为重点" → "人为", "为重") are left out: they are
    artefacts of the phrasing, not of the thing.
    """
    text = canonical(text)
    grams: list[str] = []
    for w in _joined_words(text):
        if len(w) >= 2 and w not in _GENERIC and re.fullmatch(r"[\u4e00-\u9fff]+", w):
            grams.extend(g for g in bigrams(w) if g not in _GENERIC)
    grams.extend("a:" + a for a in identifiers(text))
    return list(dict.fromkeys(grams))


def _joined_words(text: str) -> list[str]:
    """jieba words, with runs of single characters joined: names it does not know ("七/灶/村") stay whole."""
    out: list[str] = []
    run = ""
    for w in words(text):
        if len(w) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", w):
            run += w
            continue
        if run:
            out.append(run + w if len(run) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]{1,2}", w) and len(w) == 1 else run)
            run = ""
        out.append(w)
    if run:
        out.append(run)
    return out


def _strip(text: str) -> str:
    text = _TIME_WORDS.sub("，", text)
    text = re.sub(r"约(?=\d|[一二两三四五六七八九十])", "", text)
    for w in sorted(_MODAL, key=len, reverse=True):
        text = text.replace(w, "，")
    return text


def _prepare(p: PledgeFacts) -> _Pledge:
    text = fold(p.text).replace(" ", "")
    figures = _find_figures(text)
    own = None
    if p.kind == "quantitative" and p.value is not None:
        for f in figures:
            conv = _convert(f.value, f.unit, p.unit)
            if conv and math.isclose(conv[0], p.value, rel_tol=1e-6, abs_tol=1e-9):
                own = f
                break
        if own is None and p.value == 0:
            own = None
    plain = text
    for f in reversed(figures):
        plain = plain[: f.start] + "，" + plain[f.end :]
    object_text = _strip(plain)
    object_text = re.sub(r"^[，、]+|[，、]+$", "", re.sub(r"，+", "，", object_text))
    grams = content_grams(object_text)

    local, core, verb = "", [], None
    if own is not None:
        lo = max([text.rfind(c, 0, own.start) for c in "，,、；和及与"] + [-1]) + 1
        hi_c = [i for i in (text.find(c, own.end) for c in "，,、；和及与") if i >= 0]
        hi = min(hi_c) if hi_c else len(text)
        local = text[lo:hi]
        before = [w for w in words(canonical(_strip(text[lo : own.start]))) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)]
        after = [w for w in words(canonical(_strip(text[own.end : hi]))) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)]
        near = ([before[-1]] if before else []) + ([after[0]] if after else [])
        core = [g for w in near if w not in _GENERIC for g in bigrams(w)]
        verb = (
            _verb_family(text[lo : own.start])
            or _verb_family(text[: own.start])
            or _verb_family(text[own.end : hi], last=False)
        )
    elif p.kind == "quantitative":
        verb = _verb_family(text)

    local_grams = content_grams(_strip(local)) if local else []
    if len(grams) < 2:
        # a vague object ("确保完成今年指标任务"): its topic says what it is about
        grams = list(dict.fromkeys(grams + content_grams(p.topic)))
    if len(grams) < 2 and p.context:
        # still vague and no topic: the clause of its sentence just before it says what
        before = p.context[: max(0, p.context.find(p.text))] if p.text in p.context else ""
        subject = re.split(r"[，,；]", before.rstrip("，,；"))[-1] if before else ""
        grams = list(dict.fromkeys(grams + content_grams(_strip(subject))))
    stage = None
    for word, st in _PLEDGE_STAGE:
        if word in text:
            stage = st
            break
    if stage is None and re.search(r"完成|整新|改造|建设", text) and not re.search(r"启动|开展|举办|推进|开工", text):
        stage = 3  # a promise to finish: building work that only started is progress, not done
    query: dict[str, float] = {}
    for t in tokens(object_text):
        query[t] = query.get(t, 0) + 1.0
    for t in tokens(p.topic):
        query[t] = query.get(t, 0) + 0.5
    if p.context:
        for t in tokens(_strip(p.context)):
            query[t] = query.get(t, 0) + 0.2
    return _Pledge(
        facts=p,
        text=text,
        object_text=object_text,
        grams=grams,
        query=query,
        own_figure=own,
        local=local,
        core=core,
        verb=verb,
        stage=stage,
        items=_items(text) if p.kind == "milestone" else [],
        action=_action(text),
        local_grams=local_grams,
        cumulative=bool(re.search(r"累计|总数|总量", text)),
        decrease=p.kind == "quantitative" and p.unit == "%" and bool(_DECREASE.search(text)),
    )


_ACTIONS = tuple(w for w in _DONE if w not in ("完成", "实现", "开展", "达标", "到位")) + (
    "清算",
    "批复",
    "复审",
    "复评",
    "置换",
    "安置",
    "验收",
    "迎检",
)


def _action(text: str) -> str:
    """The specific action promised, the one written last: "力争完成土地出让" → "出让"."""
    best, best_end = "", -1
    for w in _ACTIONS:
        i = text.rfind(w)
        if i >= 0 and i + len(w) > best_end:
            best, best_end = w, i + len(w)
    return best


_LEAD_VERBS = re.compile(
    r"^(?:确保|力争|争取|全力|加快|推进|有序推进|启动|完成|举办|开展|新建|改扩建|建设|整新|创建|形成|上线|建立|编制|做好|推进完成|全力做好|加快启动)+"
)
_TAIL = re.compile(
    r"(?:等.*|(?:年内|年底前|确保|力争)?(?:竣工|开工|回搬|出让|投入使用|建设|立项|复垦验收|交房入户|整治工程|改造项目|的?征收清盘).*)$"
)


def _items(text: str) -> list[str]:
    """Named items of a milestone: "力争聚溪路、营洪路等项目年内竣工" → ["聚溪路", "营洪路"]."""
    titles = re.findall(r"《([^》]+)》", text)
    if len(titles) >= 2:
        return titles
    body = re.sub(r"\([^)]*\)", "", text)
    seps = r"[、,，和及与]" if "、" in body else r"[、和及与]"
    parts = [x for x in re.split(seps, body) if x]
    if len(parts) < 2:
        return []
    parts[0] = _LEAD_VERBS.sub("", _strip(parts[0]).strip("，")) or parts[0]
    last = _TAIL.sub("", parts[-1])
    parts[-1] = last or parts[-1]
    items = [re.sub(r"(?:项目|工程|工作|任务)$", "", _LEAD_VERBS.sub("", p.strip('，“”"'))) or p for p in parts]
    items = [p for p in items if len(p) >= 2]
    return items if len(items) >= 2 else []


# --- relevance -----------------------------------------------------------------------------------


def _has(sentence: Sentence, gram: str) -> bool:
    return gram[2:] in sentence.ids if gram.startswith("a:") else gram in sentence.grams


def _coverage(grams, sentence: Sentence, review: Review) -> float:
    """IDF-weighted share of the object's grams found in the sentence (identifiers count double)."""
    if not grams:
        return 0.0
    total = hit = 0.0
    for g in grams:
        w = review.gram_weight(g) * (2.0 if g.startswith("a:") else 1.0)
        total += w
        if _has(sentence, g):
            hit += w
    return hit / total if total else 0.0


def _relevance(pl: _Pledge, sentence: Sentence, review: Review) -> float:
    cov = _coverage(pl.grams, sentence, review)
    if len(pl.local_grams) >= 2:
        cov = max(cov, _coverage(pl.local_grams, sentence, review))
    return cov


def _candidates(pl: _Pledge, review: Review) -> list[tuple[Sentence, float, float]]:
    """(sentence, bm25, coverage), best first."""
    if not review.sentences:
        return []
    ranked = review.index.top(pl.query, CANDIDATES * 2)
    out = []
    for i, bm in ranked:
        s = review.sentences[i]
        out.append((s, bm, _relevance(pl, s, review)))
    top_bm = out[0][1] if out else 1.0
    out.sort(key=lambda x: -(x[2] + 0.3 * x[1] / top_bm))
    return out[:CANDIDATES]


# --- quantitative ---------------------------------------------------------------------------------


@dataclass
class _Reading:
    sentence: Sentence
    value: float | None
    how: str  # figure | ratio | all | rest | zero_ok | occurrence | stated_miss | decrease_miss
    score: float
    span: tuple[int, int]  # inside the sentence
    deferred: bool = False


def _clause_bounds(text: str, start: int, end: int, seps: str = "，,；;：:") -> tuple[int, int]:
    lo = max([text.rfind(c, 0, start) for c in seps] + [-1]) + 1
    hi_c = [i for i in (text.find(c, end) for c in seps) if i >= 0]
    return lo, (min(hi_c) if hi_c else len(text))


def _read_figures(pl: _Pledge, s: Sentence, cov: float, review: Review) -> list[_Reading]:
    p = pl.facts
    text = s.text
    out = []
    object_grams = pl.local_grams if len(pl.local_grams) >= 2 else pl.grams
    for f in _find_figures(text):
        conv = _convert(f.value, f.unit, p.unit)
        if conv is None:
            continue
        value, penalty = conv
        lo, hi = _clause_bounds(text, f.start, f.end)
        slo, shi = _clause_bounds(text, f.start, f.end, "，,；;：:、和及")
        piece = text[slo : f.start]
        after = text[f.end : f.end + 4]
        if re.search(r"(?:原计划|原定|计划|目标|任务)[^，；]{0,12}$", text[lo : f.start]) and not re.search(
            r"完成|达到|实现", text[lo : f.start]
        ):
            continue  # the plan restated ("原计划新建的一家…"), not an achievement
        if re.match(r"[的]?(?:目标|任务)", after) or re.search(r"(?:目标|任务)(?:数)?(?:的)?$", piece):
            continue  # "完成年度目标的112%" is a ratio, read elsewhere
        if re.search(r"(?:其余|另外|另有|剩余|尚有|还有)$", text[max(0, f.start - 3) : f.start]):
            continue  # the remainder, read as "rest" elsewhere
        if p.unit == "%" and re.match(r"个百分点", text[f.end - 1 : f.end + 4]):
            continue
        clause_grams = set(bigrams(canonical(text[lo:hi])))
        if re.match(r"其中|占|同比|较", text[lo:hi]) and lo > 0:
            # "累计落地14个，其中下半年新落地六个": the share inherits the clause before
            plo, _ = _clause_bounds(text, lo - 1, lo - 1)
            clause_grams |= set(bigrams(canonical(text[plo:lo])))
        piece_grams = set(bigrams(canonical(text[slo:shi])))
        local = sum(1 for g in object_grams if g in clause_grams) / max(1, len(object_grams))
        core = sum(1 for g in pl.core if g in piece_grams) / len(pl.core) if pl.core else 0.0
        score = 0.3 * cov + 0.4 * local + 0.35 * core - penalty
        fam = _verb_family(piece) or _verb_family(text[lo : f.start])
        if pl.verb and fam:
            score += 0.15 if fam == pl.verb else -0.4
        before = text[max(0, lo - 12) : f.start]
        if _SHARE.search(text[max(0, f.start - 12) : f.start]):
            score += 0.1 if not pl.cumulative else -0.1
        elif _CUMULATIVE.search(text[lo : f.start]) or _CUMULATIVE.search(before[-6:]):
            if pl.cumulative:
                score += 0.1
            elif _SHARE.search(text[f.end :]):
                score -= 0.5
        # the restated target before the part done: "32个小区中已有27个", "20宗…已完成复核17宗"
        if math.isclose(value, p.value or -1) and (
            re.match(r"[^，。；]{0,12}中", text[f.end :]) or _later_figure(text, f, hi, p.unit)
        ):
            score -= 0.3
        out.append(_Reading(s, value, "figure", score, (f.start, f.end)))
    return out


def _later_figure(text: str, f: Figure, hi: int, unit: str) -> bool:
    return any(g.start > f.end and g.end <= hi and g.unit == f.unit for g in _find_figures(text[:hi]))


def _read_quantity(pl: _Pledge, cands, review: Review) -> _Reading | None:
    p = pl.facts
    readings: list[_Reading] = []
    for s, _bm, cov in cands:
        if cov < MIN_COVERAGE_FIGURE:
            continue
        text = s.text
        if p.comparator == "<=" and (p.value or 0) == 0:
            m = _ZERO_OK.search(text)
            if m:
                readings.append(_Reading(s, 0.0, "zero_ok", cov, _clause_bounds(text, m.start(), m.end())))
            for f in _find_figures(text):
                if f.unit in _OBJECTS or f.unit in _PERSONS or f.unit in ("户", "人次"):
                    ctx = text[max(0, f.start - 12) : f.end + 8]
                    if _OCCURRENCE.search(ctx) and not re.search(r"未|无|零", ctx):
                        readings.append(_Reading(s, f.value, "occurrence", cov + 0.05, (f.start, f.end)))
            continue
        if pl.decrease:
            m = re.search(r"同比(上升|增长|增加|提高|上涨|持平)", text)
            if m and m.group(1) != "持平":
                readings.append(_Reading(s, 0.0, "decrease_miss", cov, _clause_bounds(text, m.start(), m.end())))
        readings.extend(_read_figures(pl, s, cov, review))
        if p.value:
            m = _RATIO_OF_TARGET.search(text)
            if m:
                ratio = float(m.group(1)) / 100
                readings.append(
                    _Reading(s, round(ratio * p.value, 6), "ratio", cov * 0.9, _clause_bounds(text, m.start(), m.end()))
                )
            m = _ALL_DONE.search(text)
            if m:
                readings.append(_Reading(s, p.value, "all", cov * 0.85, _clause_bounds(text, m.start(), m.end())))
            m = re.search(r"(?:其余|另外|另有|剩余|尚有|还有)(\d|[一二两三四五六七八九十])", text)
            if m:
                for f in _find_figures(text[m.start(1) :]):
                    conv = _convert(f.value, f.unit, p.unit)
                    tail = text[m.start(1) + f.end : m.start(1) + f.end + 30]
                    if conv and f.start == 0 and re.search("|".join(_NOT_DONE) + "|" + _DEFER.pattern, tail):
                        rest = p.value - conv[0]
                        if rest >= 0:
                            defer = bool(_DEFER.search(tail))
                            readings.append(_Reading(s, rest, "rest", cov * 0.8, (m.start(), m.end()), defer))
                    break
        accepted = [r for r in readings if r.sentence is s and r.how in ("figure", "rest")]
        if not accepted and re.search("|".join(_NOT_DONE) + "|" + _DEFER.pattern, text):
            # "原计划新建的一家…年内未能建成", "开工推迟至2022年一季度": nothing achieved
            readings.append(_Reading(s, 0.0, "stated_miss", cov * 0.9, (0, len(text)), bool(_DEFER.search(text))))
    if not readings:
        return None
    readings.sort(key=lambda r: -r.score)
    best = readings[0]
    same = [r for r in readings if r.sentence is best.sentence and r is not best]
    if best.how in ("ratio", "all", "rest"):
        # a direct figure in the same sentence beats "全部/目标的…%" …
        direct = [r for r in same if r.how == "figure" and r.score > 0.35]
        if direct and not (
            best.how == "all" and all(r.value < (p.value or 0) and r.span[0] < best.span[1] for r in direct)
        ):
            best = direct[0]
    elif best.how == "figure" and best.value is not None and p.value and best.value < p.value:
        # … unless the figures are parts of a list that was done in full ("11个区级、14个镇级重大项目全部…")
        alls = [r for r in same if r.how == "all" and r.span[0] >= best.span[0]]
        if alls:
            best = alls[0]
    return best


def _judge_number(p: PledgeFacts, achieved: float, lower_better: bool) -> str:
    target = p.value or 0.0
    if p.comparator == "<=":
        return "fulfilled" if achieved <= target + 1e-9 else "missed"
    if p.comparator == "~":
        if abs(achieved - target) <= ABOUT_TOLERANCE * max(abs(target), 1e-9):
            return "fulfilled"
        better = achieved < target if lower_better else achieved > target
        if better:
            return "fulfilled"
        if lower_better:
            return "partial"
        return "partial" if achieved > 0 else "missed"
    if achieved >= target - 1e-9:
        return "fulfilled"
    return "partial" if achieved > 0 else "missed"


# --- milestones ----------------------------------------------------------------------------------


@dataclass
class _ItemState:
    done: bool = False
    progress: bool = False
    deferred: bool = False
    cancelled: bool = False
    not_done: bool = False
    found: bool = False


def _stage_of(text: str) -> int | None:
    """Stage named last in the text, the head of its phrase ("施工招标" → 招标, "竣工验收" → 验收)."""
    best, best_key = None, (-1, 0)
    for st, stage_words in _LADDER:
        for w in stage_words:
            for m in re.finditer(w, text):
                if _noun_use(text, m.end()):
                    continue
                key = (m.end(), len(w))
                if key > best_key:
                    best, best_key = st, key
    return best


def _noun_use(text: str, end: int) -> bool:
    """A stage word used as a noun, not as what happened: "验收因…调整", "竣工时间顺延"."""
    return bool(re.match(r"(?:时间|工作|计划|进度|节点|手续|因|受|尚|仍|未|准备)", text[end : end + 2]))


def _read_predicate(pred: str, pl: _Pledge) -> _ItemState:
    st = _ItemState(found=True)
    if _CANCEL.search(pred):
        st.cancelled = True
        return st
    st.deferred = bool(_DEFER.search(pred))
    st.not_done = st.deferred or any(w in pred for w in _NOT_DONE)
    if st.not_done:
        # progress: another completed step or a figure before the "not yet" ("完成主体施工，竣工验收尚在准备中")
        head = re.split("|".join(_NOT_DONE) + "|" + _DEFER.pattern, pred)[0]
        st.progress = (bool(re.search(r"已?完成|建成|开工|已", head)) and any(w in head for w in _DONE)) or bool(
            _find_figures(head)
        )
        return st
    ev_stage = _stage_of(pred)
    done_words = [m for w in _DONE for m in re.finditer(w, pred) if not _noun_use(pred, m.end())]
    if done_words or ev_stage is not None:
        if pl.stage is not None and ev_stage is not None and ev_stage < pl.stage:
            st.progress = True  # an earlier stage than promised: 开工 where 竣工 was pledged
        else:
            st.done = True
    return st


def _item_hits(item: str, s: Sentence) -> list[int]:
    """Positions in the sentence (canonical form) where the item is named."""
    key = canonical(item)
    text = s.canon
    ids = identifiers(key)
    if ids:
        ident = ids[-1]
        low = text.lower()
        return [
            m.start()
            for m in re.finditer(re.escape(ident), low)
            if not re.match(r"[a-z0-9]", low[m.end() : m.end() + 1])
            and not re.match(r"[a-z0-9-]", low[m.start() - 1 : m.start()] if m.start() else "")
        ]
    need = max(2, min(len(key), math.ceil(0.5 * len(key))))
    for n in range(min(len(key), 8), need - 1, -1):
        for i in range(len(key) - n + 1):
            piece = key[i : i + n]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", piece) or piece in _GENERIC:
                continue
            hits = [m.start() for m in re.finditer(re.escape(piece), text)]
            if hits:
                return hits
    return []


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in re.finditer(r"[，,：:]", text)] + [len(text) + 1]
    return [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]


def _run_from(text: str, clauses, ci: int, pl: _Pledge, stop_at: set[int]) -> str:
    """Clause `ci`, extended over the following clauses while it says nothing settled yet
    ("C08-01A地块因规划指标调整，出让顺延至2023年"), never into a clause naming another item."""
    a, b = clauses[ci]
    piece = text[a:b]
    j = ci + 1
    while j < len(clauses) and j not in stop_at and len(piece) < 80:
        st = _read_predicate(piece, pl)
        ahead = pl.action and pl.action not in piece and pl.action in text[clauses[j][0] :]
        if (st.done or st.cancelled or st.not_done) and not ahead:
            break
        piece += "，" + text[clauses[j][0] : clauses[j][1]]
        j += 1
    return piece


def _predicates(s: Sentence, hits: dict[int, list[int]], pl: _Pledge) -> dict[int, str]:
    """Each item's predicate: its clause, extended as ``_run_from`` says."""
    text = s.canon
    clauses = _clauses(text)
    owner: dict[int, set[int]] = {}
    for item, positions in hits.items():
        for pos in positions:
            for ci, (a, b) in enumerate(clauses):
                if a <= pos < b:
                    owner.setdefault(ci, set()).add(item)
    out: dict[int, str] = {}
    for item in hits:
        cis = sorted(ci for ci, items in owner.items() if item in items)
        others = {ci for ci, items in owner.items() if items - {item}}
        runs = [_run_from(text, clauses, ci, pl, others - {ci}) for ci in cis]
        # the first mention that says something settled ("加梯工作逆势推进，…竣工36台" → the second)
        settled = [r for r in runs if (st := _read_predicate(r, pl)).done or st.not_done or st.cancelled or st.progress]
        if runs:
            out[item] = (settled or runs)[0]
    return out


def _judge_milestone(pl: _Pledge, cands, review: Review):
    """(status, reason, sentence, relevance, clarity), or None when nothing relevant is said."""
    good = [(s, bm, cov) for s, bm, cov in cands if cov >= MIN_COVERAGE]
    items = pl.items
    states: dict[int, _ItemState] = {}
    used: dict[int, Sentence] = {}
    if items:
        for k, item in enumerate(items):
            for s, _bm, cov in cands:
                if cov < 0.2 or not _item_hits(item, s):
                    continue
                all_hits = {i: h for i, it in enumerate(items) if (h := _item_hits(it, s))}
                preds = _predicates(s, all_hits, pl)
                if k in preds:
                    states[k] = _read_predicate(preds[k], pl)
                    used[k] = s
                break
        if not states:
            if not good:
                return None
            items = []
    if not items:
        if not good:
            return None
        s, _bm, cov = good[0]
        states = {0: _read_predicate(_best_clause_run(pl, s, review), pl)}
        used = {0: s}
    found = list(states.values())
    n_items = max(1, len(items))
    done = sum(st.done for st in found)
    deferred = any(st.deferred for st in found)
    progress = any(st.progress for st in found)
    sentence = used[min(used)]
    cov = _relevance(pl, sentence, review)
    if done == n_items or (done == len(found) and len(found) >= 2):
        status, reason = "fulfilled", ""
    elif done or (progress and not (len(found) == 1 and deferred)):
        status, reason = "partial", "delayed" if deferred else "shortfall"
    elif all(st.cancelled for st in found):
        status, reason = "missed", "cancelled"
    elif any(st.not_done or st.deferred or st.cancelled for st in found):
        status, reason = "missed", "delayed"
    else:
        return None  # named, but nothing said about its progress: as good as not reported
    clarity = 0.9 if len(found) == n_items else 0.6
    return status, reason, sentence, cov, clarity


def _best_clause_run(pl: _Pledge, s: Sentence, review: Review) -> str:
    """The clause naming the object best, extended as ``_run_from`` says."""
    text = s.canon
    clauses = _clauses(text)
    best_i, best_c = 0, -1.0
    for i, (a, b) in enumerate(clauses):
        g = set(bigrams(text[a:b]))
        c = sum(review.gram_weight(x) for x in pl.grams if x in g)
        if c > best_c:
            best_i, best_c = i, c
    return _run_from(text, clauses, best_i, pl, set())


# --- one pledge -----------------------------------------------------------------------------------


def _late(p: PledgeFacts, quote: str) -> bool:
    """Met after the deadline: the evidence dates it in a later month of the deadline's year."""
    if p.deadline.month == 12:
        return False
    for m in re.finditer(r"(\d{1,2}|[一二三四五六七八九十]{1,3})月", quote):
        month = int(m.group(1)) if m.group(1).isdigit() else int(numbers.parse_number(m.group(1)) or 0)
        if p.deadline.month < month <= 12 and not re.match(r"底|末|前", quote[m.end() : m.end() + 1]):
            return True
    return False


def _assess_one(p: PledgeFacts, review: Review, covers_until: date) -> Verdict:
    pl = _prepare(p)
    cands = _candidates(pl, review)
    due = p.deadline <= covers_until
    verdict = _judge(pl, cands, review)
    if not due:
        if verdict.status == "fulfilled" and verdict.confidence >= 0.6:
            verdict.notes.append("met before the deadline")
            return verdict
        verdict.status, verdict.reason = "pending", ""
        if verdict.start is None:
            verdict.achieved_value = None
        return verdict
    if verdict.status == "fulfilled":
        verdict.late = _late(p, verdict.quote)
    return verdict


def _verdict(pl, status, reason, value, review, sentence, span, score, confidence, notes) -> Verdict:
    if sentence is None:
        return Verdict(pl.facts.key, status, reason, value, "", None, None, score, confidence, notes=notes)
    a, b = span if span else (0, sentence.end - sentence.start)
    a = max(0, a)
    b = min(b, sentence.end - sentence.start)
    start, end = sentence.start + a, sentence.start + b
    if span is None or b - a < 6:
        start, end = sentence.start, sentence.end
    quote = review.text[start:end]
    return Verdict(
        pl.facts.key, status, reason, value, quote, start, end, round(score, 4), round(confidence, 3), notes=notes
    )


def _quote_span(sentence: Sentence, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a figure's span to its clause, and to the clause before when that names the subject."""
    text = sentence.text
    lo, hi = _clause_bounds(text, span[0], span[1], "，,；;")
    if lo > 0 and hi - lo < 14:
        lo2, _ = _clause_bounds(text, lo - 1, lo - 1, "，,；;")
        lo = lo2
    return lo, hi


def _deferred_near(text: str, span: tuple[int, int]) -> bool:
    """A deferral in the figure's own clause, or said of the remainder ("其余5个…延至春节后")."""
    lo, hi = _clause_bounds(text, span[0], span[1])
    if _DEFER.search(text[lo:hi]):
        return True
    m = re.search(r"(?:其余|另有|另外|剩余|尚有|还有)", text[hi:])
    return bool(m and _DEFER.search(text[hi + m.start() :]))


def _judge(pl: _Pledge, cands, review: Review) -> Verdict:
    p = pl.facts
    best_cov = cands[0][2] if cands else 0.0
    if p.kind == "quantitative":
        reading = _read_quantity(pl, cands, review)
        if reading is None or reading.score < 0.3:
            return _verdict(
                pl,
                "missed",
                "not_reported",
                None,
                review,
                None,
                None,
                best_cov,
                _absent_confidence(best_cov),
                ["no figure"],
            )
        achieved = reading.value
        sentence = reading.sentence
        cov = _relevance(pl, sentence, review)
        span = _quote_span(sentence, reading.span)
        deferred = reading.deferred or _deferred_near(sentence.text, reading.span)
        lower_better = bool(_LOWER_BETTER.search(pl.text))
        if reading.how in ("stated_miss", "decrease_miss"):
            reason = "delayed" if reading.how == "stated_miss" and deferred else "shortfall"
            return _verdict(
                pl, "missed", reason, 0.0, review, sentence, span, reading.score, 0.6 * cov + 0.2, [reading.how]
            )
        if reading.how == "occurrence":
            status = _judge_number(p, achieved, lower_better)
            return _verdict(
                pl,
                status,
                "shortfall" if status != "fulfilled" else "",
                achieved,
                review,
                sentence,
                span,
                reading.score,
                0.5 + 0.3 * cov,
                [reading.how],
            )
        status = _judge_number(p, achieved, lower_better)
        reason = ""
        if status in ("partial", "missed"):
            reason = "delayed" if deferred else "shortfall"
        conf = min(1.0, 0.35 + 0.35 * cov + 0.3 * min(1.0, max(0.0, reading.score)))
        return _verdict(pl, status, reason, achieved, review, sentence, span, reading.score, conf, [reading.how])
    judged = _judge_milestone(pl, cands, review)
    if judged is None:
        return _verdict(
            pl,
            "missed",
            "not_reported",
            None,
            review,
            None,
            None,
            best_cov,
            _absent_confidence(best_cov),
            ["nothing relevant"],
        )
    status, reason, sentence, cov, clarity = judged
    conf = min(1.0, 0.3 + 0.4 * cov + 0.3 * clarity)
    return _verdict(pl, status, reason, None, review, sentence, None, cov, conf, ["milestone"])


def _absent_confidence(best_cov: float) -> float:
    """Not mentioned: sure when nothing came close, unsure when a sentence nearly qualified."""
    return round(max(0.3, min(0.9, 1.0 - best_cov)), 3)
