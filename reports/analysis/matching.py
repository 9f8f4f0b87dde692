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
   A figure must count what the pledge counts: the pledge's head noun (托位, 床位, 企业) is named
   before it, no other qualifier sits on a shared head (开放床位 ≠ 养老床位, 养老保险参保率 ≠
   医保参保率), size classes agree (5亿元以上项目 ≠ 亿元以上项目) and a stock (历年累计, 总数) never
   stands for the period's work. Related-but-different measures leave the pledge not_reported.
   A 下半年 pledge takes the second half's share ("全年…101家，其中下半年64家"), a 全年 one the
   year's; one naming no period (a half-year plan's "再新增…3个") the second half's too, one naming
   the year (年内, 年底前) the year's. With several stage figures and no verb of its own, a count
   is measured by those finished (加装电梯 → 竣工). Where the counted thing follows the figure, the
   evidence must name the pledge's work on it ("出租屋“三线”规整" ≠ "出租屋加装智能门禁"). A rate's
   verb done in full ("隐患全部整改到位") is 100 % of "整改率". A sentence that names the pledge's measure less a qualifier ("签约额" for "招商引资签约额",
   "超10亿元项目" for "超10亿元产业项目") is evidence however few other words it shares; a count
   reported as names ("南岗村、溪头村、后林村入选省级典型村") is the number of names.
   The figure is then compared under the pledge's comparator (``>=``, ``<=`` and zero targets,
   ``~`` within 5 % or better in the good direction; decreases read "同比上升" as 0).
4. **Milestones.** The pledge's named items ("聚溪路、营洪路等项目") are looked up one by one;
   each item's predicate (its clause and the clauses after it that name no other item) is read
   as done, in progress (an earlier stage: 开工 where 竣工 was pledged), deferred (推迟, 顺延,
   延期, 调整至2023年 …), cancelled (不再单独开发, 停办, 并入 …) or not done (尚未, 仍在 …).
   All done → fulfilled; some done or some progress → partial (delayed when a deferral is
   stated, else shortfall); nothing done → missed (cancelled or delayed). A preparatory step only
   (施工招标, 收储) with the milestone put off is no progress (missed, delayed), as the gold reads it;
   an earlier one of the pledged stages (竣工 of 竣工投产) is.
   A preliminary round (省级初审, 征求意见稿) of what was pledged is progress, not the thing done.
   A figure whose sentence then denies completion ("两个…创建点…，年内未获命名") counts candidates,
   not achievements: a stated miss.
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
    second_half: bool = True  # made in a half-year report's plan: work for the second half of the year


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
_OBJECTS = {"个", "处", "家", "所", "座", "项", "台", "部", "套", "栋", "幢", "间", "条", "幅", "宗", "起", "件"}
# sessions of an event: "开展技能培训12期" is reported as "举办培训14场次"
_SESSIONS = {"期", "场", "场次", "次", "批", "轮", "班", "届"}
# units numbers.convert does not relate (private to matching; numbers.py may learn them later)
_EXTRA_DIMENSIONS = (
    {"瓦": 1.0, "千瓦": 1e3, "兆瓦": 1e6, "万千瓦": 1e7},
    {"米": 1.0, "千米": 1e3, "公里": 1e3},
    {"克": 1.0, "千克": 1e3, "公斤": 1e3, "吨": 1e6, "万吨": 1e10},
)
_NUMERAL = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?:千万|百万|十万|万|亿)?"


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


@lru_cache(maxsize=16384)
def _figures_in(text: str, unit: str) -> tuple[Figure, ...]:
    """Figures of a sentence, plus those written in `unit` that numbers.py does not know as a
    measure word ("出栏2.76万头", "收购8120担"): the pledge's own unit is evidence enough."""
    out = list(_find_figures(text))
    if unit and re.fullmatch(r"[\u4e00-\u9fff]{1,3}", unit) and unit not in ("元", "%"):
        for m in re.finditer("(" + _NUMERAL + ")(?:余|多)?" + re.escape(unit), text):
            if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in out):
                continue
            if m.start() and re.match(r"[第A-Za-z\d.]", text[m.start() - 1]):
                continue
            value = numbers.parse_number(m.group(1))
            if value is not None:
                out.append(Figure(value, unit, m.start(), m.end()))
        out.sort(key=lambda f: f.start)
    return tuple(out)


def _convert(value: float, unit: str, to: str) -> tuple[float, float] | None:
    """(value in `to`, penalty) when the units measure the same thing, else None."""
    converted = numbers.convert(value, unit, to)
    if converted is not None:
        return converted, 0.0
    for table in _EXTRA_DIMENSIONS:
        if unit in table and to in table:
            return round(value * table[unit] / table[to], 6), 0.0
    if unit in _PERSONS and to in _PERSONS:
        return value, 0.1
    if unit in _OBJECTS and to in _OBJECTS:
        return value, 0.25
    if unit in _SESSIONS and to in _SESSIONS:
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
    "不超过",
    "不少于",
    "突破",
    "超过",
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
_TIME_WORDS = re.compile(
    r"\d{4}年|[0-9一二三四五六七八九十]+月(?:底|末|份)?(?:前)?|(?:国庆|春节|元旦|五一)节?(?:前|后)?|"
    r"[一二三四]季度(?:末)?(?:前)?|[上下]半年|明年|年内|年底前?"
)

# Stages of building work, low to high. A later stage satisfies an earlier promise.
_LADDER = (
    (
        0,
        (
            "立项",
            "招标",
            "前期手续",
            "方案设计",
            "采购",
            "收储",
            "初审",
            "初评",
            "初验",
            "初步成果",
            "初稿",
            "征求意见",
        ),
    ),
    (1, ("开工", "动工", "开建", "进场施工", "进场", "施工")),
    (2, ("主体结构", "主体施工", "主体完工", "封顶", "结构施工", "调试")),
    (3, ("竣工", "建成", "完工", "落成", "建设完成", "贯通")),
    # trial operation follows completion and precedes service ("目前处于试运行阶段" is short of 投用);
    # commissioning ("进入联动调试阶段", stage 2) precedes completion
    (4, ("竣工验收", "通过验收", "验收", "试运行", "试运营", "试生产")),
    (
        5,
        (
            "投入使用",
            "投用",
            "启用",
            "投产",
            "开园",
            "开学",
            "开馆",
            "开诊",
            "交付",
            "交房",
            "入户",
            "回搬",
            "回迁",
            "并网",
            "通车",
            "开业",
            "开门迎客",
            "正式营业",
            "开门营业",
            "运营",
            "领取新房钥匙",
            "开营",
            "对外开放",
        ),
    ),
)
_PLEDGE_STAGE = (
    ("竣工验收", 4),
    ("投入使用", 5),
    ("交房入户", 5),
    ("交房", 5),
    ("对外开放", 5),
    ("开营", 5),
    ("交付", 5),
    ("回搬", 5),
    ("回迁", 5),
    ("并网", 5),
    ("开业", 5),
    ("投用", 5),
    ("启用", 5),
    ("投产", 5),
    ("开园", 5),
    ("开学", 5),
    ("开馆", 5),
    ("通车", 5),
    ("封顶", 2),
    ("竣工", 3),
    ("建成", 3),
    ("完工", 3),
    ("贯通", 3),
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
    "开门迎客",
    "正式营业",
    "开门营业",
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
    "启用",
    "投产",
    "开园",
    "开学",
    "开馆",
    "开诊",
    "开营",
    "提交",
    "贯通",
    "上演",
    "挂牌",
    # honours: a title the body applied for ("获批/创建…示范社区") is reported as conferred
    "命名",
    "授予",
    "入选",
    "评为",
    "获评",
    "荣获",
    "认定为",
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
# a stock, not the period's work: "历年累计建成", "总数达到", "以来"; "全年累计完成" is the year's
_STOCK = re.compile(
    r"(?<!全年)(?<!今年)(?<!年内)(?<!当年)(?<!本年)(?:历年|以来|总数|总量|现有|共有|保有量|累计(?:建成|达到?|拥有))"
)
_SHARE = re.compile(r"其中(?:今年|本年|当年|全年|年内|下半年|上半年|20\d\d年)")
# a total named as such: "集中供热总面积", "床位总数", "总里程" — the stock, not the period's increment
_TOTAL = re.compile(r"总(?:数|量|面积|里程|长度|规模|容量|户数|人数|床位数?|个数)")
# a change from one level to another: "由5个增加到7个", "从20张提高至44张"
_FROM_TO = re.compile(
    r"(?:由|从)(?P<a>[^，。；由从]{1,16}?)(?:增加|增长|提高|提升|扩大|上升|扩充|扩容|发展|减少|下降|降低|压减)?(?:到|至)(?=[^，。；]{0,4}?(?:\d|[一二两三四五六七八九十]))"
)
# an increment target ("新增护理型床位30张", "新培育家庭农场10家"), not a level to reach ("达到8个")
_INCREMENT = re.compile(r"新增|新建|新培育|新引进|新开|新发展|新招|增加(?![到至])|净增")
_LEVEL = re.compile(r"达到|增加到|增加至|提高到|提高至|提升到|提升至|增至|总数|总量|累计|保持在|稳定在")
_RATIO_OF_TARGET = re.compile(
    r"(?:完成|达到|为|占)?(?:年度|全年|年初|计划)?(?:目标|任务|计划)(?:数)?的(\d+(?:\.\d+)?)[%％]"
)
_ALL_DONE = re.compile(
    r"(?<!未)(?<!未能)(?<!没有)(?<!尚未)(?<!不能)全部(?:完成|建成|竣工|完工|实现|落地|到位|按[^，。；]{0,8}推进)|全覆盖|均已完成|悉数"
)
_DECREASE = re.compile(r"下降|减少|降低|压降|削减")
_ZERO_OK = re.compile(
    r"未发生|没有发生|无[^，。；]{0,10}发生|零发生|零增长|零发现|零容忍|零事故|零发案|保持零|实现零|杜绝|未出现|未发现|无反弹|"
    r"守住[^，。；]{0,12}底线|无一(?:名|人|例|起|户|家|个|位)|"
    # "拖欠问题实现动态清零": the pledge's own zero word, not negated
    r"(?<![未现态])(?<!未能)(?<!没有)(?<!力争)(?<!争取)(?:实现)?(?:动态)?(?:清零|归零)"
)
# a zero target about casualties ("火灾亡人事故零发生") is met by "发生火灾3起，均未造成人员伤亡"
_CASUALTY = re.compile(r"亡人|伤亡|死亡|亡故")
_NO_CASUALTY = re.compile(r"(?:未|没有|无)(?:造成)?(?:人员)?(?:伤亡|死亡)|零伤亡|零死亡")
_OCCURRENCE = re.compile(r"(?:发生|出现|发现|反弹)")
# a severity class of incidents ("较大以上森林火灾", "重特大事故"): a zero target of one class is not
# broken by incidents of a lesser one
_SEVERITY = re.compile(r"(?:重特大|特别重大|较大|重大|特大|一般)(?:及)?(?:以上)?")


def _severity_level(word: str) -> int:
    for level, w in ((4, "特别重大"), (3, "重特大"), (4, "特大"), (3, "重大"), (2, "较大"), (1, "一般")):
        if w in word:
            return level
    return 0


def _names_severity(text: str, m: re.Match, severity: re.Match) -> bool:
    lo, hi = _clause_bounds(text, m.start(), m.end())
    return severity.group(0) in text[lo:hi]


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
    noun: str = ""  # the measured noun phrase before the pledge's own figure ("城乡居民医保参保率")
    half: str = ""  # "下" for a 下半年 pledge, "上" for a 上半年 one: measured by that half's figure
    whole_year: bool = False  # says 全年: a half's share does not stand for it
    year_bound: bool = False  # names the year (全年, 年内, 年底前 …): not a second-half amount
    increment: bool = False  # "新增…30张": measured by what was added, not by the level reached


# Words that say what is done, not to what: left out of the object when judging relevance.
_GENERIC = frozenset(
    "完成 建设 新增 增加 新建 开展 实现 打造 提高 提升 累计 总数 达到 启动 开工 竣工 建成 举办 推进 工作 任务 项目 "
    "年度 指标 今年 全镇 全年 各项 一批 相关 有关 落实 加强 深化 确保 力争 "
    # severity and comparator words qualify a target, they do not name what is measured
    "较大 重大 特大 一般 以上 以下 以内 控制 稳定 保持 全区 全乡 全线 突破 超过 不超过 低于 高于 "
    # completion and opening words: what happened, not to what (relevance is about the object)
    "投入使用 投用 启用 开园 开学 开业 开馆 开诊 投产 通车 贯通 交付 完工 上线 建成投用".split()
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
            # a four-character word is two words ("城市绿地" = 城市 + 绿地): its middle bigram
            # ("市绿") belongs to neither and is missing when the later report drops a modifier
            parts = [w[:2], w[2:]] if len(w) == 4 else bigrams(w)
            grams.extend(g for g in parts if g not in _GENERIC)
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
    text = re.sub(r"再(?=新|增加|建|完成|拆除|实施|盘活|为)", "，", text)
    for w in sorted(_MODAL, key=len, reverse=True):
        text = text.replace(w, "，")
    return text


def _prepare(p: PledgeFacts) -> _Pledge:
    text = fold(p.text).replace(" ", "")
    figures = _figures_in(text, p.unit if p.kind == "quantitative" else "")
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
    # "总投资25亿元的X项目": the project's size is no part of its name, the later report leaves it out
    plain = re.sub(r"(?:总投资|计划投资|投资总额|总投资额)(?:约|超过?|逾|近|达)?，的?", "，", plain)
    object_text = _strip(plain)
    if p.kind == "quantitative" and re.fullmatch(r"[\u4e00-\u9fff]", p.unit or ""):
        object_text = object_text.replace(p.unit + "数", "，")  # "火灾起数控制在20起": 起数 is the unit
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

    # the pledge's own figure ("120亿元") is never what the later report repeats: out of the grams
    local_grams = content_grams(_strip(text[lo : own.start] + "，" + text[own.end : hi])) if local else []
    unit_count = (p.unit or "") + "数"  # "起数", "户数": the unit, not the object
    if len(grams) < 2:
        # a vague object ("确保完成今年指标任务"): its topic says what it is about
        grams = list(dict.fromkeys(grams + content_grams(p.topic)))
    if len(grams) < 2 and p.context:
        # still vague and no topic: the clause of its sentence just before it says what
        before = p.context[: max(0, p.context.find(p.text))] if p.text in p.context else ""
        subject = re.split(r"[，,；]", before.rstrip("，,；"))[-1] if before else ""
        grams = list(dict.fromkeys(grams + content_grams(_strip(subject))))
    if p.kind == "quantitative" and len(unit_count) == 2:
        grams = [g for g in grams if g != unit_count]
        local_grams = [g for g in local_grams if g != unit_count]
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
    if local:
        # the measure's name as written, size classes included ("超5亿元…项目"), less the own figure
        for t in tokens(text[lo : own.start] + "，" + text[own.end : hi]):
            query[t] = query.get(t, 0) + 0.3
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
        items=_items(text) if p.kind == "milestone" else _counted_items(text, p.value),
        action=_action(text),
        local_grams=local_grams,
        noun=_pledge_noun(text, own),
        half=(_half_of(text) or _half_of(_clause_before(p))) if p.kind == "quantitative" else "",
        whole_year=bool(re.search(r"全年|年度", text)),
        year_bound=bool(_WHOLE_YEAR.search(text) or _WHOLE_YEAR.search(_clause_before(p))),
        cumulative=bool(re.search(r"累计", text) or _TOTAL.search(text)),
        increment=bool(
            own is not None and _INCREMENT.search(text[: own.start]) and not _LEVEL.search(text[: own.start])
        ),
        decrease=p.kind == "quantitative" and p.unit == "%" and bool(_DECREASE.search(text)),
    )


def _clause_before(p: PledgeFacts) -> str:
    """The part of the pledge's clause before its quote: "下半年新认定…示范社3家、" governs
    "家庭农场10家" listed after it."""
    i = p.context.find(p.text) if p.context and p.text else -1
    return re.split(r"[，,；;。：:]", p.context[:i])[-1] if i > 0 else ""


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


def _counted_items(text: str, value: float | None) -> list[str]:
    """Named items of a quantitative pledge whose figure counts them ("A、B2所学校…" → [A, B])."""
    items = _items(text)
    return items if value and len(items) == value else []


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
    if len(items) >= 2:
        # the last item carries the list's shared tail ("石塘村省级美丽乡村示范村创建"): cut it where a
        # name of the first item's kind ends (村, 小学, 路 …), and at deadline words
        last = _strip(items[-1]).split("，")[0] or items[-1]
        for n in (2, 1):
            suffix = items[0][-n:]
            i = last.find(suffix, 1)
            if re.fullmatch(r"[\u4e00-\u9fff]+", suffix) and 0 < i and i + n < len(last):
                last = last[: i + n]
                break
        items[-1] = last
    return items if len(items) >= 2 else []


# --- what a figure measures ---------------------------------------------------------------------
# Two figures of one unit may measure different things: 养老床位 and 开放床位, 医保参保率 and
# 养老保险参保率, 规上工业企业 and 高新技术企业. The genre names the measure by a noun phrase right
# before the figure; a shared head (床位, 参保率, 企业) with a different qualifier right before it is
# another measure, however many characters the two sentences share.

_NOUN_TAIL = re.compile(
    r"(?:稳定在|保持在|保持|控制在|提高到|提升到|[提增上]升至|提高至|增长至|[下压]?降至|降低至|减少至|提高|提升|达到|达|突破|超过|不少于|不低于|不超过|以上|为|"
    r"总数|总量|累计|共计|约|完成|实现|全年|今年|年内|务必|确保|力争|争取|必须|努力|再)+$"
)
_NOUN_HEAD = re.compile(
    r"^(?:[^，,；;、]*?(?:确保|力争|争取|努力|全力|着力|全年|年内|今年|年底前|新增|新建|完成|实现))"
)
_MODIFIER_NOT = (
    frozenset(_GENERIC)
    | frozenset(_MODAL)
    | frozenset(w for _fam, ws in _FIGURE_VERBS for w in ws)
    | frozenset(w for _st, ws in _LADDER for w in ws)
    | frozenset(_DONE)
)
# a size class: "亿元以上项目", "5000万元及以上", and the same class written before it: "超10亿元项目"
_THRESHOLD = re.compile(
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)?(千万|百万|万|亿)元(?:及)?以上"
    r"|(?:超|超过|过)(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)?(千万|百万|万|亿)元(?=[\u4e00-\u9fff])"
)


_COMPARED = re.compile(r"较(?:年中|年初|上年|去年|上半年|同期)")


def _noun_before(text: str, at: int) -> str:
    """The noun phrase just before a figure: clause piece, less trailing comparator/stock words."""
    lo = max([text.rfind(c, 0, at) for c in "，,、；;：:（(）)"] + [-1]) + 1
    # a baseline or a comparison names no measure: "覆盖率年底前在上半年基础上再提高", "覆盖率较年中提高"
    piece = _COMPARED.sub("", _BASELINE.sub("|", text[lo:at]))
    pieces = _TIME_WORDS.sub("|", piece).split("|")  # "9月底签约率达到" → "签约率"
    piece = pieces[-1]
    if not _NOUN_TAIL.sub("", piece):
        # "治理覆盖率|年底前|再提高": the name stands before the time words
        named = [x for x in pieces[:-1] if _NOUN_TAIL.sub("", x)]
        piece = named[-1] + piece if named else piece
    piece = _NOUN_TAIL.sub("", re.sub(r"(?:已有|已经|已|共有|共)$", "", piece))
    if lo > 0 and text[lo - 1] == "、" and piece == text[lo:at]:
        prev = text[max([text.rfind(c, 0, lo - 1) for c in "，,、；;：:"] + [-1]) + 1 : lo - 1]
        if not re.search(r"[\d一二两三四五六七八九十]", prev):
            return "、" + piece  # the last name of a list ("望江、樟树湾两家"): names no measure
    return piece


def _thresholds(noun: str) -> set[float]:
    """Size classes inside a measure's name: "亿元以上项目" → {1e8}, "5亿元以上项目" → {5e8}."""
    out = set()
    for m in _THRESHOLD.finditer(noun):
        number, magnitude = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        n = numbers.parse_number(number) if number else 1.0
        out.add((n or 1.0) * {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6}[magnitude])
    return out


def _modifier(noun: str, head_start: int) -> str:
    m = noun[max(0, head_start - 2) : head_start]
    if len(m) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", m) or m in _MODIFIER_NOT:
        return ""
    return m


def _loosely_in(word: str, text: str) -> bool:
    """`word` in `text`, or its characters in order close together (医保 in 医疗保险)."""
    if word in text:
        return True
    return bool(re.search("[^，。；、]{0,2}".join(map(re.escape, word)), text))


_MEASURE_SUFFIX = re.compile(
    r"(?:容量|面积|数量|规模|总量|总额|金额|人数|户数|个数|起数|总数|队伍|团队|比重|比例|占比|增速|增幅|增长率|增长|涨幅)$"
)


_RELATIONAL = frozenset("其中 上年 去年 同期 同比 全部 目标 任务 年度 计划 较上".split())


def _head(noun: str) -> str:
    """The thing a measure counts, the last two characters of its name less a measure word:
    "新增普惠托位" → 托位, "新增装机容量" → 装机; "" when that is a verb or a generic word, or when
    the name follows the figure ("…、柳岸小区等4个老旧小区", "95%居村和100%单位") or the figure is
    a share of a base ("适龄人员的91.2%")."""
    if noun.startswith("、"):
        return ""
    noun = canonical(noun)
    noun = re.split(r"[\d.%]", noun)[-1]
    if not noun or noun.endswith(("的", "和", "及", "与", "等", "、", "占", "中")):
        return ""
    h = _MEASURE_SUFFIX.sub("", noun)[-2:]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", h) or h in _MODIFIER_NOT or h in _RELATIONAL:
        return ""
    return h


def _output_of(pledge_noun: str, evidence_noun: str) -> bool:
    """ "加工干毛茶" reports the 产量 of "干毛茶产量": a production verb before the pledge's object."""
    obj = re.sub(r"(?:总)?产量$", "", canonical(pledge_noun))[-2:]
    if obj == canonical(pledge_noun)[-2:] or not re.fullmatch(r"[\u4e00-\u9fff]{2}", obj):
        return False
    ev = canonical(evidence_noun)
    m = _OUTPUT_VERB.search(ev)
    return bool(m) and ev.endswith(obj) and obj not in ev[: m.start()]


def _names_head(pl: _Pledge, before: str, evidence_noun: str = "") -> bool:
    """The figure counts what the pledge counts: the pledge's head (托位) is named in the sentence up
    to the figure, and the evidence's own head (学位, 中心) is named in the pledge."""
    h = _head(pl.noun) if pl.noun else ""
    if h and not _loosely_in(h, canonical(before)) and not _output_of(pl.noun, evidence_noun):
        return False
    theirs = _head(evidence_noun) if evidence_noun and pl.noun else ""
    if not theirs or _loosely_in(theirs, canonical(pl.text) + canonical(pl.facts.topic)):
        return True
    # "培训班" for "培训": the pledge's head closes the evidence's name, give or take a character
    end = _MEASURE_SUFFIX.sub("", canonical(evidence_noun))
    return bool(h) and h in end[-(len(h) + 1) :]


def _pledge_noun(text: str, own: Figure | None) -> str:
    """The pledge's measure name before its figure; "" when the name follows the figure
    ("力争95%居村…", "完成2.5万㎡拆违任务")."""
    if own is None:
        return ""
    if re.match(r"[\u4e00-\u9fff]", text[own.end : own.end + 1]) and not re.match(
        r"以上|左右|以内|[多余]", text[own.end :]
    ):
        return ""
    return _noun_before(text, own.start)


def _measure_of_other_count(pl: _Pledge, text: str, lo: int, at: int, noun: str) -> bool:
    """A bare measure ("办结率100%") opening its clause is said of what the clause before counts
    ("认真办理人大代表建议23件"): True when that is a thing the pledge does not name."""
    if lo == 0 or not re.fullmatch(r"[\u4e00-\u9fff]{0,3}(?:率|额|比例|占比|比重)", noun):
        return False
    if _NOUN_TAIL.sub("", text[lo:at]) != noun:
        return False
    plo, _ = _clause_bounds(text, lo - 1, lo - 1)
    prev = text[plo : lo - 1]
    mine = canonical(pl.text) + canonical(pl.facts.topic)
    for g in _find_figures(prev):
        head = _head(_noun_before(prev, g.start))
        if head and not _loosely_in(head, mine):
            return True
    return False


def _other_measure(pl: _Pledge, evidence_noun: str, clause: str) -> bool:
    """True when the figure after `evidence_noun` measures something else than the pledge."""
    if not pl.noun:
        return False
    if _thresholds(evidence_noun) != _thresholds(pl.noun):
        return True  # "5亿元以上项目" is not "亿元以上项目"
    a, b = canonical(pl.noun), canonical(evidence_noun)
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    if n < 2:
        return False
    mine, theirs = _modifier(a, len(a) - n), _modifier(b, len(b) - n)
    if mine and a.startswith("其中") and not _thresholds(a) and not _loosely_in(mine, clause):
        return True  # "其中星级民宿不少于5家" is a part of a total: "新开业民宿29家" is the total
    if not mine or not theirs:
        return False  # one side names no qualifier: the same measure, less precisely named
    pledge_text = pl.text + pl.facts.topic
    return not (_loosely_in(mine, clause) or _loosely_in(theirs, pledge_text) or _loosely_in(mine, theirs))


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


def _from_to(text: str, f: Figure, lo: int, unit: str):
    """ "from" when the figure is the starting level of "由A增加到B"; (A in `unit`, where "由"
    stands) when the figure is the B; None otherwise."""
    for m in _FROM_TO.finditer(text, lo):
        if m.start() >= f.start:
            break
        if m.start("a") <= f.start < m.end("a"):
            return "from"
        if m.end() <= f.start <= m.end() + 4 and not re.search(r"[，。；]", text[m.end() : f.start]):
            starts = [g for g in _find_figures(m.group("a")) if g.unit == f.unit]
            conv = _convert(starts[-1].value, starts[-1].unit, unit) if starts else None
            return (conv[0], m.start()) if conv else None
    return None


def _clause_bounds(text: str, start: int, end: int, seps: str = "，,；;：:") -> tuple[int, int]:
    lo = max([text.rfind(c, 0, start) for c in seps] + [-1]) + 1
    hi_c = [i for i in (text.find(c, end) for c in seps) if i >= 0]
    return lo, (min(hi_c) if hi_c else len(text))


# a verb reporting an amount produced: the figure after it is the 产量 of its object
_OUTPUT_VERB = re.compile(r"(?:生产|加工|产出|出产|采收|收获|采摘|制作)(?![率])")


_GROWTH = re.compile(r"增长|增速|增幅")
_SHARE_OF = re.compile(r"占[^，,；;]{0,16}(?:比重|比例)|占比")
_LEAD_VERBS_SOFT = re.compile(r"^(?:全年|年内|今年|下半年|确保|力争|争取|再)+")
_BUILD = re.compile(r"新建|新发展|新培育|新开")
_BUILT = re.compile(r"建|新|增|完成|竣工|投用|投入使用|发展|培育|开")


def _said_before(text: str, lo: int, hi: int) -> str:
    """The clause, with the one before when it is a share of it ("…201个，其中下半年115个")."""
    if lo > 0 and re.match(r"其中|占|同比|较", text[lo:hi]):
        return text[_clause_bounds(text, lo - 1, lo - 1)[0] : hi]
    return text[lo:hi]


def _read_figures(pl: _Pledge, s: Sentence, cov: float, review: Review) -> list[_Reading]:
    p = pl.facts
    text = s.text
    out = []
    object_grams = pl.local_grams if len(pl.local_grams) >= 2 else pl.grams
    pledge_verb = pl.verb
    if pledge_verb is None and len({_figure_family(text, g) for g in _figures_in(text, p.unit)} - {None}) >= 2:
        # "全年加装电梯力争达到二十台" against "签约31台、开工27台、竣工19台": a count of things to be
        # done is measured by those done (竣工), not signed or started
        pledge_verb = "finish"
    # what the pledge does to the counted thing besides naming it ("出租屋“三线”规整" of 出租屋)
    # (its last word most of all: "老旧小区微改造" is not "老旧小区消防通道整治")
    # — where the counted thing follows the figure (a name before it is checked by _other_measure)
    action_grams = (
        [g for g in pl.local_grams if g not in pl.core and not g.startswith("a:")] if pl.core and not pl.noun else []
    )
    for f in _figures_in(text, p.unit):
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
        if _denied_after(text, f, lo, hi):
            continue  # "两个…创建点…，年内未获命名": the candidates counted, none of them done
        noun = _noun_before(text, f.start)
        change = _from_to(text, f, lo, p.unit)
        if change == "from":
            continue  # "由5个增加到7个": the 5 is the level before, history
        if change is not None:
            # "由20张增加到44张": the level reached for "达到8个", the difference for "新增…30张"
            noun = _noun_before(text, change[1])
            if pl.increment:
                value = value - change[0]
        if re.match(r"[\u4e00-\u9fff]", text[f.end : f.end + 1]) and not re.match(
            r"以上|左右|以内|[多余]", text[f.end :]
        ):
            noun = ""  # the counted noun follows ("帮扶29名残疾人"): what precedes is a verb
        elif lo > 0 and re.fullmatch(
            r"其中(?:今年|本年|当年|全年|年内|[上下]半年|20\d\d年)?(?:新增|新)?", text[lo : f.start]
        ):
            noun = _share_noun(text, lo) or noun  # "…亿元以上项目15个，其中下半年9个": the measure before
        elif (
            slo > lo
            and text[slo - 1] in "、和及"
            and re.fullmatch(
                r"(?:其中)?(?:今年|本年|当年|全年|年内|[上下]半年|20\d\d年)(?:新增|新)?", text[slo : f.start]
            )
        ):
            # "项目全年7个、下半年4个": the period's share names no measure; it is the one before
            noun = _share_noun(text, slo) or noun
        if _measure_of_other_count(pl, text, lo, f.start, noun):
            continue  # "办理人大代表建议23件，办结率100%": the rate of the 建议, not of the pledge's 工单
        if _other_measure(pl, noun, text[slo:shi]) or not _names_head(pl, text[:hi], noun):
            continue  # 开放床位 for 养老床位, 养老保险参保率 for 医保参保率, 幼儿园学位 for 托位
        if p.unit == "%" and _GROWTH.search(pl.text) and _SHARE_OF.search(text[lo : f.start]):
            continue  # "占规上工业比重47.3%" is a share, not the "增长8.5%" pledged
        if (
            pl.increment
            and _BUILD.match(_LEAD_VERBS_SOFT.sub("", pl.text))
            and not _BUILT.search(_said_before(text, lo, hi))
        ):
            continue  # "2家初制所通过SC认证" reports a licence, not the "新建…初制所4座" pledged
        if (
            pl.increment
            and change is None
            and _LEVEL.search(text[slo : f.start])
            and not _INCREMENT.search(text[slo : f.start])
            and not re.search(r"全年|今年|本年|当年|年内|[上下]半年|完成|新", text[slo : f.start])
        ):
            continue  # "种植面积达到6350亩" is the level reached, not the "新发展…800亩" of the period
        if (
            not pl.cumulative
            and (_STOCK.search(text[lo : f.start]) or _TOTAL.search(text[slo : f.start]))
            and not _SHARE.search(text[max(0, lo - 12) : f.start])
        ):
            continue  # "历年累计建成…103台", "供热总面积达到…" are the stock, not the period's work

        clause_grams = _grams_and_ids(text[lo:hi])
        said = text[lo:hi]
        if re.match(r"其中|占|同比|较", text[lo:hi]) and lo > 0:
            # "累计落地14个，其中下半年新落地六个": the share inherits the clause before
            plo, _ = _clause_bounds(text, lo - 1, lo - 1)
            clause_grams |= _grams_and_ids(text[plo:lo])
            said = text[plo:hi]
        piece_grams = set(bigrams(canonical(text[slo:shi])))
        if _OUTPUT_VERB.search(text[slo : f.start]):
            piece_grams.add("产量")  # "加工干毛茶2950吨" reports the 产量 of 干毛茶
        local = sum(1 for g in object_grams if g in clause_grams) / max(1, len(object_grams))
        core = sum(1 for g in pl.core if g in piece_grams) / len(pl.core) if pl.core else 0.0
        score = 0.3 * cov + 0.4 * local + 0.35 * core - penalty
        if _same_class(pl, noun):
            score += 0.3  # a size class named as in the pledge is a strong sign of the same measure
        if (
            action_grams
            and (not any(g in clause_grams for g in action_grams) or action_grams[-1] not in clause_grams)
            and _other_action(pl, said)
        ):
            # "为1720栋出租屋加装智能门禁" for "完成960栋出租屋“三线”规整": the same thing counted, another
            # work done to it (消防通道整治 of 老旧小区 for 老旧小区微改造) — a related measure, not this one
            continue
        fam = _figure_family(text, f)
        if pledge_verb and fam:
            score += 0.15 if fam == pledge_verb else -0.4
        before = text[max(0, lo - 12) : f.start]
        half = _own_half(text[lo : f.start])
        # the halves named after the figure: in the clauses after it, or as its breakdown
        # ("新建…1460亩（上半年900亩、下半年560亩）", "项目全年7个、下半年4个")
        later_halves = _halves_named(text[f.end :])
        want = pl.half
        if (
            not want
            and pl.facts.second_half
            and not pl.year_bound
            and not pl.cumulative
            and (half == "下" or "下" in later_halves)
        ):
            # a pledge of a half-year plan that names no period ("为不少于1200栋出租屋加装…", "再新增
            # 长者饭堂3个") is work for the second half: the report's "其中下半年" share measures it
            want = "下"
        # a 年内 pledge is measured by the year's figure where the half's is a share of it ("其中下半年")
        year_share = pl.year_bound and text.startswith("其中", lo)
        if want or (half and (pl.whole_year or year_share)):
            # a 下半年 pledge is measured by the second half's figure ("全年…101家，其中下半年64家"),
            # a 全年 one by the year's, never by a half's share
            if half == want:
                score += 0.35
            elif half:
                score -= 0.5
            elif want in later_halves:
                score -= 0.35
        elif _SHARE.search(text[max(0, f.start - 12) : f.start]):
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


def _figure_family(text: str, f: Figure) -> str | None:
    """The verb family of a figure's own piece of its clause ("开工27台" → start)."""
    lo, _hi = _clause_bounds(text, f.start, f.end)
    slo, _shi = _clause_bounds(text, f.start, f.end, "，,；;：:、和及")
    return _verb_family(text[slo : f.start]) or _verb_family(text[lo : f.start])


def _other_action(pl: _Pledge, clause: str) -> bool:
    """The evidence clause names work of its own, two content words or more the pledge does not have."""
    mine = set(bigrams(canonical(pl.text + pl.facts.topic)))
    for f in reversed(_find_figures(clause)):
        clause = clause[: f.start] + "，" + clause[f.end :]
    clause = _strip(re.sub(r"其中|占比?|同比|较上年|比上年", "，", clause))
    return sum(1 for g in content_grams(clause) if not g.startswith("a:") and g not in mine) >= 2


# a completion word denied: "未获命名", "尚未通过验收", "没有建成"
_DENIED_DONE = re.compile(
    r"(?:未|尚未|未能|没有|仍未)(?:获得?|通过|建成|完成|命名|授牌|挂牌|入选|达标|验收|开工|竣工|投用|投产|实现)"
)


def _denied_after(text: str, f: Figure, lo: int, hi: int) -> bool:
    """The figure counts what was put forward, and a later clause of its sentence denies that it was
    done ("芦东村、沈桥村两个…创建点受…影响，年内未获命名"): no verb of its own clause reports it
    done, and no other figure or remainder ("其余…") comes before the denial."""
    plain = _without_causes(text)
    m = _DENIED_DONE.search(plain, hi)
    if not m:
        return False
    between = plain[hi : m.start()]
    if _find_figures(between) or re.search(r"其余|另有|另外|剩余|尚有|还有|其中", between):
        return False
    own = plain[lo:hi]
    for w in _DONE:
        for d in re.finditer(w, own):
            if _noun_use(own, d.end()) or re.match(r"[点对单名]", own[d.end() : d.end() + 1]):
                continue  # "创建点", "验收时间": a noun, not what happened
            if re.search(r"(?:未|没有|不|尚未)$", own[: d.start()]):
                continue
            return False
    return True


def _share_noun(text: str, lo: int) -> str:
    """The measure a share clause ("其中下半年9个") inherits: the name before the last figure of
    the clause before it ("全年新签约亿元以上项目15个")."""
    plo, _ = _clause_bounds(text, lo - 1, lo - 1)
    figures = [f for f in _find_figures(text[plo : lo - 1])]
    return _noun_before(text, plo + figures[-1].start) if figures else ""


_HALF = re.compile(r"([上下])半年")
# the year as a whole: "全年…", "年内完成35台", "年底前", "完成年度任务" — measured by the year's figure
_WHOLE_YEAR = re.compile(r"全年|年度|年内|今年|本年|当年|年底|年末|12月底|明年")
# a baseline, not the period: "在上半年基础上再提高7个百分点", "在上半年签约90个的基础上"
_BASELINE = re.compile(r"在[^，,；;]{0,16}?基础上")


def _half_of(text: str) -> str:
    """ "下" or "上" when the text names a half year ("下半年新开工…", "其中下半年"), else ""."""
    m = _HALF.search(_BASELINE.sub("", text))
    return m.group(1) if m else ""


def _halves_named(text: str) -> set[str]:
    """Every half year the text names ("（上半年900亩、下半年560亩）" → {"上", "下"})."""
    return set(_HALF.findall(_BASELINE.sub("", text)))


def _own_half(text: str) -> str:
    """The half year nearest before a figure, its own label where several precede it
    ("1460亩（上半年900亩、下半年560亩" → "下" for the 560)."""
    found = _HALF.findall(_BASELINE.sub("", text))
    return found[-1] if found else ""


# a change names no measure: "同比下降" is said of fires and of spending alike
_CHANGE_TAIL = re.compile(r"(?:同比|较上年|比上年|较去年)?(?:下降|减少|降低|压降|增长|增加|提高|上升|提升)$")


def _same_class(pl: _Pledge, evidence_noun: str) -> bool:
    """The evidence counts the pledge's size class, at most less a qualifier: "其中超5亿元项目" for
    "引进超5亿元制造业项目" (not "实施亿元以上产业项目" for "签约引进亿元以上项目": 实施, 产业 are not
    the pledge's)."""
    mine = _thresholds(pl.noun) if pl.noun else set()
    if not mine or mine != _thresholds(evidence_noun):
        return False
    rest = _THRESHOLD.sub("", re.sub(r"^(?:其中|全年|今年|年内|当年|新增)+", "", canonical(evidence_noun)))
    return len(rest) >= 2 and rest[-2:] == canonical(pl.noun)[-2:] and all(c in pl.noun for c in rest)


def _names_measure(pl: _Pledge, s: Sentence) -> bool:
    """The sentence names the pledge's measure before a figure of its unit, at most less a leading
    qualifier: "签约额136.5亿元" for "招商引资签约额突破120亿元", "开展三项工程培训4620人次" for
    "开展"粤菜师傅"…三项工程培训3000人次" — evidence however few of the pledge's other words it has."""
    if not pl.noun or pl.noun.startswith("、"):
        return False
    for f in _figures_in(s.text, pl.facts.unit):
        if _convert(f.value, f.unit, pl.facts.unit) is not None and _noun_names_measure(
            pl, _noun_before(s.text, f.start)
        ):
            return True
    return False


def _noun_names_measure(pl: _Pledge, noun: str) -> bool:
    """`noun` (before a figure) ends in the pledge's measure name, at least three characters of it
    ("固定资产投资" of "全年固定资产投资"), or names its size class."""
    if not pl.noun or pl.noun.startswith("、"):
        return False
    mine = _CHANGE_TAIL.sub("", canonical(pl.noun))
    theirs = _CHANGE_TAIL.sub("", canonical(noun))
    n = 0
    while n < min(len(mine), len(theirs)) and mine[-1 - n] == theirs[-1 - n]:
        n += 1
    tail = mine[len(mine) - n :]
    if n >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", tail) and len(_MEASURE_SUFFIX.sub("", tail)) >= 2:
        return True
    return _same_class(pl, theirs)


def _grams_and_ids(text: str) -> set[str]:
    """Bigrams and identifiers ("a:10" of "超10亿元项目") of a clause, to test content grams against."""
    text = canonical(text)
    return set(bigrams(text)) | {"a:" + a for a in identifiers(text)}


def _later_figure(text: str, f: Figure, hi: int, unit: str) -> bool:
    return any(g.start > f.end and g.end <= hi and g.unit == f.unit for g in _find_figures(text[:hi]))


def _read_quantity(pl: _Pledge, cands, review: Review) -> _Reading | None:
    p = pl.facts
    readings: list[_Reading] = []
    for s, _bm, cov in cands:
        if cov < MIN_COVERAGE_FIGURE and not _names_measure(pl, s):
            continue
        text = s.text
        if p.comparator == "<=" and (p.value or 0) == 0:
            casualty = bool(_CASUALTY.search(pl.text))
            severity = _SEVERITY.search(pl.text)
            m = _ZERO_OK.search(text) or (_NO_CASUALTY.search(text) if casualty else None)
            if m and severity:
                # "发生一般森林火灾2起…未发生较大以上森林火灾": the clause naming the pledge's class decides
                m = next((z for z in _ZERO_OK.finditer(text) if _names_severity(text, z, severity)), m)
            if m:
                span = _clause_bounds(text, m.start(), m.end())
                bonus = 0.1 if severity and severity.group(0) in text[span[0] : span[1]] else 0.0
                readings.append(_Reading(s, 0.0, "zero_ok", cov + bonus, span))
            for f in _find_figures(text):
                if f.unit in _OBJECTS or f.unit in _PERSONS or f.unit in ("户", "人次"):
                    ctx = text[max(0, f.start - 12) : f.end + 8]
                    if casualty and not _CASUALTY.search(ctx):
                        continue  # fires that harmed nobody do not count against a casualty target
                    theirs = _SEVERITY.search(text[_clause_bounds(text, f.start, f.end)[0] : f.start])
                    if severity and theirs and _severity_level(theirs.group(0)) < _severity_level(severity.group(0)):
                        continue  # "一般森林火灾2起" is below the "较大以上" class the pledge rules out
                    if _OCCURRENCE.search(ctx) and not re.search(r"未|无|零", ctx):
                        readings.append(_Reading(s, f.value, "occurrence", cov + 0.05, (f.start, f.end)))
            continue
        if pl.decrease:
            m = re.search(r"同比(上升|增长|增加|提高|上涨|持平)", text)
            if m and m.group(1) != "持平":
                readings.append(_Reading(s, 0.0, "decrease_miss", cov, _clause_bounds(text, m.start(), m.end())))
        mine = _read_figures(pl, s, cov, review)
        readings.extend(mine)
        total = _sum_of_parts(pl, text)
        if total is not None:
            value, span = total
            readings.append(_Reading(s, value, "figure", max([r.score for r in mine] + [cov]) + 0.2, span))
        if p.value:
            m = _RATIO_OF_TARGET.search(text)
            if m:
                # the ratio speaks of its clause's subject, or of the clause before when it has none
                lo, _ = _clause_bounds(text, m.start(), m.end(), "，,；;")
                subject = _NOUN_TAIL.sub("", text[lo : m.start()])
                if not subject and lo > 0:
                    plo, _ = _clause_bounds(text, lo - 1, lo - 1, "，,；;")
                    subject = text[plo : lo - 1]
                if not _names_head(pl, subject, subject):
                    m = None
            if m:
                ratio = float(m.group(1)) / 100
                readings.append(
                    _Reading(s, round(ratio * p.value, 6), "ratio", cov * 0.9, _clause_bounds(text, m.start(), m.end()))
                )
            rate_all = _rate_all_done(pl, text)
            if rate_all is not None:
                # "隐患全部整改到位" for "整改率务必达到100%": the rate's own verb done in full is 100 %
                readings.append(_Reading(s, 100.0, "all", cov * 0.85, rate_all))
            m = _ALL_DONE.search(text) if rate_all is None else None
            if m and _all_of_other_measure(text, m, p.unit):
                m = None  # "改造供热管网36.2公里，10月中旬全部完工": the 全部 is of the 36.2 公里
            if m and any(
                f.unit in _OBJECTS | _PERSONS and abs(f.value - (p.value or 0)) > 1e-9
                for f in _find_figures(text[_clause_bounds(text, m.start(), m.end())[0] : m.start()])
            ):
                m = None  # "9个村卫生室全部完成…" is all of another count, not the pledged 4座
            if m:
                readings.append(_Reading(s, p.value, "all", cov * 0.85, _clause_bounds(text, m.start(), m.end())))
            m = re.search(r"(?:其余|另外|另有|剩余|尚有|还有)(\d|[一二两三四五六七八九十])", text)
            if m:
                for f in _figures_in(text[m.start(1) :], p.unit):
                    conv = _convert(f.value, f.unit, p.unit)
                    tail = text[m.start(1) + f.end : m.start(1) + f.end + 30]
                    if conv and f.start == 0 and re.search("|".join(_NOT_DONE) + "|" + _DEFER.pattern, tail):
                        rest = p.value - conv[0]
                        if rest >= 0:
                            defer = bool(_DEFER.search(tail))
                            readings.append(_Reading(s, rest, "rest", cov * 0.8, (m.start(), m.end()), defer))
                    break
        accepted = [r for r in readings if r.sentence is s and r.how in ("figure", "rest")]
        if not accepted and cov >= MIN_COVERAGE and re.search("|".join(_NOT_DONE) + "|" + _DEFER.pattern, text):
            # "原计划新建的一家…年内未能建成", "开工推迟至2022年一季度": nothing achieved
            deferred = bool(_DEFER.search(_without_causes(text)))
            readings.append(_Reading(s, 0.0, "stated_miss", cov * 0.9, (0, len(text)), deferred))
    if not readings:
        return None
    readings.sort(key=lambda r: -r.score)
    best = readings[0]
    if best.how == "stated_miss":
        # "固定资产投资、招商签约额等指标未完成年度目标" names no figure; "固定资产投资完成103.5亿元"
        # names the measure with one in the pledge's unit, about as relevant: that figure is what was
        # achieved
        named = [
            r
            for r in readings
            if r.how == "figure"
            and r.score > 0.35
            and _relevance(pl, r.sentence, review) >= 0.7 * best.score / 0.9
            and _noun_names_measure(pl, _noun_before(r.sentence.text, r.span[0]))
        ]
        if named:
            best = named[0]
    same = [r for r in readings if r.sentence is best.sentence and r is not best]
    if best.how in ("ratio", "all", "rest"):
        # a direct figure in the same sentence beats "全部/目标的…%" …
        direct = [r for r in same if r.how == "figure" and r.score > 0.35]
        # (a "全部…" of another clause, "薄弱村全部实现清零", says nothing of the figure's measure)
        if direct and not (
            best.how == "all"
            and all(r.value < (p.value or 0) and best.span[0] <= r.span[0] < best.span[1] for r in direct)
        ):
            best = direct[0]
    elif best.how == "figure" and best.value is not None and p.value and best.value < p.value:
        # … unless the figures are parts of a list that was done in full ("11个区级、14个镇级重大项目全部…")
        alls = [r for r in same if r.how == "all" and r.span[0] <= best.span[0] < r.span[1]]
        if alls:
            best = alls[0]
    return best


def _rate_all_done(pl: _Pledge, text: str) -> tuple[int, int] | None:
    """The clause span where a rate pledge's verb is said done in full: "整改率达到100%" is met by
    "…隐患全部整改到位", "办结率" by "均已办结"; None when the text says no such thing."""
    if pl.facts.unit != "%" or not pl.noun:
        return None
    noun = _NOUN_TAIL.sub("", canonical(pl.noun))
    if not noun.endswith("率") or len(noun) < 3:
        return None
    verb = noun[-3:-1]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", verb) or verb in _GENERIC:
        return None
    m = re.search(r"(?<![未没不])(?:全部|均已|均|全数|悉数|100%)(?:已|得到|予以|完成)?" + verb + r"(?!率)", text)
    return _clause_bounds(text, m.start(), m.end()) if m else None


def _all_of_other_measure(text: str, m: re.Match, unit: str) -> bool:
    """A "全部完成" whose clause, or the clause before it, counts something in a unit the pledge's
    is not: it says the other figure's work was done in full."""
    lo, _ = _clause_bounds(text, m.start(), m.end())
    plo = _clause_bounds(text, lo - 1, lo - 1)[0] if lo > 0 else lo
    return any(_convert(f.value, f.unit, unit) is None for f in _find_figures(text[plo : m.start()]))


_LIST_VERBS = re.compile(r"^(?:新建|改扩建|扩建|改建|新改扩建|建设|新增|完成|实施)+")


def _sum_of_parts(pl: _Pledge, text: str) -> tuple[float, tuple[int, int]] | None:
    """A pledge counting several kinds at once ("新建、改扩建中小学和幼儿园5所") is met by the sum of
    the kinds' figures listed in one clause ("新建、改扩建学校3所、幼儿园1所" → 4): each figure's
    name shares a character of one kind's name, and every kind is named."""
    if pl.own_figure is None or not pl.noun:
        return None
    parts = [_LIST_VERBS.sub("", x) for x in re.split(r"[和及与、]", canonical(pl.noun))]
    parts = [x for x in parts if x]
    if len(parts) < 2:
        return None
    unit = pl.facts.unit
    figures = [f for f in _figures_in(text, unit) if _convert(f.value, f.unit, unit) is not None]
    group: list[Figure] = []
    for f in figures + [None]:
        if f is not None and group and re.fullmatch(r"、[^，。；、\d]{1,8}", text[group[-1].end : f.start]):
            group.append(f)
            continue
        if len(group) >= 2:
            covered = set()
            for g in group:
                head = _LIST_VERBS.sub("", canonical(_noun_before(text, g.start)))[-2:]
                hits = [i for i, part in enumerate(parts) if head and any(c in part for c in head)]
                if not hits:
                    break
                covered.update(hits)
            else:
                if len(covered) == len(parts):
                    value = sum(_convert(g.value, g.unit, unit)[0] for g in group)
                    return value, (_clause_bounds(text, group[0].start, group[0].end)[0], group[-1].end)
        group = [f] if f is not None else []
    return None


def _count_kind(pl: _Pledge) -> str:
    """The last character of what a count pledge counts: 村 of "争创省级典型村4个", of "创建4个示范村"."""
    own = pl.own_figure
    if own is None:
        return ""
    name = pl.noun or re.split(r"[，,；、]", pl.text[own.end :])[0]
    name = re.sub(r"(?:以上|左右|以内|[多余])$", "", name)
    return name[-1] if re.fullmatch(r"[\u4e00-\u9fff]", name[-1:]) else ""


# a pledge to win a title ("争取创建省级充分就业社区1个", "争创…示范村2个"), and the report that one
# place won it ("盐茶坊社区获评…", "…村被命名为…")
_APPLIES_FOR = re.compile(r"创建|争创|创成|创评|申报|申创|获评|评选|入选")
_HONOURED = re.compile(
    r"(?:成功|顺利)?(?:获评|被评为|评为|入选|获批|获得|荣获|获|被命名为|命名为|被认定为|认定为|创建成为|创成|成功创建)"
)
_COLLECTIVE = re.compile(r"^(?:全|辖区|各|所有|多个|部分|其他|相关)")


def _count_named(pl: _Pledge, cands) -> tuple[Sentence, float, tuple[int, int], float] | None:
    """A count reported as names, not a figure: "南岗村、溪头村、后林村入选省级典型村" gives 3 for
    "争创省级典型村4个". The names end in the counted thing's last character (村) and their clause
    names the pledge's measure (典型)."""
    kind = _count_kind(pl)
    core = pl.core or pl.local_grams
    if not kind or not core:
        return None
    honour = bool(_APPLIES_FOR.search(pl.text))
    for s, _bm, cov in cands:
        if cov < MIN_COVERAGE:
            continue
        text = s.text
        for a, b in _clauses(text):
            clause = text[a:b]
            parts = clause.split("、")
            if _figures_in(clause, pl.facts.unit):
                continue
            last = parts[-1]
            cut = last.find(kind)
            if cut < 1:
                continue
            parts[-1], rest = last[: cut + 1], last[cut + 1 :]
            if len(parts) < 2 and not (honour and _HONOURED.match(rest) and not _COLLECTIVE.match(parts[0])):
                continue  # one name counts when it is what won the title ("盐茶坊社区获评省级…社区")
            if not all(2 <= len(x) <= 10 and x.endswith(kind) and re.fullmatch(r"[\u4e00-\u9fff]+", x) for x in parts):
                continue
            if not any(g in _grams_and_ids(rest) for g in core):
                continue
            return s, float(len(parts)), (a, b), cov
    return None


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
    # the main structure finished is not the building finished: "主体工程已完工" → 主体完工
    text = re.sub(
        r"主体(?:工程|结构|部分)?(?:已|已经|基本)?(?:完工|竣工|建成|完成)",
        lambda m: "主体完工".ljust(len(m.group(0)), "，"),
        text,
    )
    for st, stage_words in _LADDER:
        for w in stage_words:
            for m in re.finditer(w, text):
                if _noun_use(text, m.end()):
                    continue
                key = (m.end(), len(w))
                if key > best_key:
                    best, best_key = st, key
    return best


# a first round of a review or a draft: short of the approval, registration or plan itself
_PRELIMINARY = re.compile(r"初审|初评|初验|预审|形式审查|初步成果|初稿|征求意见稿?|送审稿")


def _preliminary_only(pred: str, pl: _Pledge) -> bool:
    """The predicate's stage is a preliminary round the pledge does not itself promise."""
    m = [x for x in _PRELIMINARY.finditer(pred) if not _noun_use(pred, x.end())]
    return bool(m) and not _PRELIMINARY.search(pl.text)


def _noun_use(text: str, end: int) -> bool:
    """A stage word used as a noun, not as what happened: "验收因…调整", "竣工时间顺延"."""
    return bool(re.match(r"(?:时间|工作|计划|进度|节点|手续|因|受|尚|仍|未|准备)", text[end : end + 2]))


_SHARE_DONE = re.compile(r"(?:率|进度|完成|完成了|达到|总量的|工程量的)[^，,。；\d]{0,4}(\d+(?:\.\d+)?)%")
_RESTATED_PLAN = re.compile(r"(?:原定|原计划|原拟|原安排)[^，,；;]*")
# under way, or put forward and awaiting a higher body's decision ("已报农业农村部审定", "待批复")
_AWAITING = re.compile(
    r"(?:已|正)?(?:报|上报|报送|提交)[^，,。；]{0,12}(?:审定|审批|审核|批复|核准)|待批|待审|报批中|审批中"
)
_ONGOING = re.compile(
    r"正在|正抓紧|抓紧|加紧|推进中|进行中|有序推进|(?:已|正)?(?:报|上报|报送|提交)[^，,。；]{0,12}(?:审定|审批|审核|批复|核准)|待批|待审|报批中|审批中"
)


def _read_predicate(pred: str, pl: _Pledge) -> _ItemState:
    st = _ItemState(found=True)
    # "原定10月举办的…洽谈会" restates the plan: its 举办 is not news
    pred = _RESTATED_PLAN.sub("", pred)
    if _CANCEL.search(pred):
        st.cancelled = True
        return st
    st.deferred = bool(_DEFER.search(pred))
    st.not_done = st.deferred or any(w in pred for w in _NOT_DONE)
    if st.not_done:
        # progress: another completed step or a figure before the "not yet" ("完成主体施工，竣工验收尚在准备中")
        head = re.split("|".join(_NOT_DONE) + "|" + _DEFER.pattern, _without_causes(pred))[0]
        # "建成时间推迟", "开工时间推迟": the stage word names the date, nothing was done; "开工推迟":
        # the stage word right before the deferral is the deferred thing
        head = re.sub("(?:" + "|".join(_DONE) + ")(?=时间|工作|计划|进度|节点|手续)", "", head)
        # ("完成主体施工，计划2025年春季学期启用": a clause break between them, the step is done)
        head = re.sub("(?:" + "|".join(_DONE + tuple(w for _s, ws in _LADDER for w in ws)) + ")+\\s*$", "", head)
        st.progress = (
            (bool(re.search(r"已?完成|建成|开工|已", head)) and any(w in head for w in _DONE))
            or bool(_find_figures(head))
            # a stage reached that the pledge does not name itself ("主体结构施工至地上9层" for 封顶), or
            # an earlier one of the stages it names ("主体厂房竣工，…预计2024年3月投产" for 竣工投产)
            or any(
                w in head and (w not in pl.text or (pl.stage is not None and 0 < st_ < pl.stage))
                for st_, ws in _LADDER
                for w in ws
            )
        )
        if st.progress and pl.stage and _stage_of(head) == 0 and not _find_figures(head):
            # only a preparatory step (施工招标, 土地收储) and the milestone itself put off: nothing of the
            # works is done yet (missed, delayed), as the gold files read it
            st.progress = False
        return st
    share = _SHARE_DONE.search(pred)
    if share and float(share.group(1)) < 100:
        st.progress = True  # "签约率达到87%", "完成总工程量的60%": under way, not done
        return st
    ev_stage = _stage_of(pred)
    if _ONGOING.search(pred) and (pl.stage is None or ev_stage is None or ev_stage < pl.stage):
        # "已形成初步成果，正在征求意见", "完成主体施工，正在进行设备安装": under way, not done
        st.progress = True
        return st
    # a negated completion word reports nothing done: "因产权方资金未到位" is a cause, not news
    done_words = [
        m
        for w in _DONE
        for m in re.finditer(w, pred)
        if not _noun_use(pred, m.end())
        and not re.search(r"(?:未|没有|不|尚未)$", pred[: m.start()])
        # "申请已提交" is a filing done, and only a filing ("提交省政府" is short of its 批复)
        and (w != "提交" or re.search(r"申报|申请|提交|报送|上报", pl.text))
    ]
    if done_words or ev_stage is not None:
        if pl.stage is not None and ev_stage is not None and ev_stage < pl.stage:
            st.progress = True  # an earlier stage than promised: 开工 where 竣工 was pledged
        elif ev_stage == 0 and _preliminary_only(pred, pl):
            st.progress = True  # "登记申请通过省级初审" for "通过国家…登记": a first review, not the result
        else:
            st.done = True
    return st


_PLACE_KINDS = frozenset("路河港浜桥村园馆站街巷湾楼院校厂场池塘")


# work done to a named thing, shared by every item of a list ("完成锦华大厦、北辰科创楼提升改造")
_ACTION_TAIL = re.compile(r"(?:提升|改造|建设|整治|修缮|装修|扩建|改建|新建|升级|综合|工程|项目|任务)+$")


def _item_hits(item: str, s: Sentence, others: tuple = ()) -> list[int]:
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
    need = max(2 if len(key) <= 3 else 3, min(len(key), math.ceil(0.5 * len(key))))
    # "…提升改造" at the end of a list's last item is the list's shared work, no name
    action = len(m.group(0)) if (m := _ACTION_TAIL.search(key)) and m.start() >= 2 else 0
    for n in range(min(len(key), 8), need - 1, -1):
        # right to left: the head of a name tells items apart ("乡卫生院发热门诊" and "…中医馆")
        for i in reversed(range(len(key) - n + 1)):
            piece = key[i : i + n]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", piece) or piece in _GENERIC or i >= len(key) - action:
                continue
            if any(piece in canonical(o) for o in others):
                continue  # shared by another item: names neither
            hits = [m.start() for m in re.finditer(re.escape(piece), text)]
            nxt = key[i + n : i + n + 1]
            if nxt in _PLACE_KINDS:
                # "小沥港河" is not "小沥港路": same stem, another kind of place
                hits = [h for h in hits if text[h + n : h + n + 1] not in _PLACE_KINDS or text[h + n] == nxt]
            if hits and i + n < len(key):
                # a piece inside the name ("镇卫生院" of "镇卫生院口腔科") may be the owner shared by all
                # items: the name's own end ("口腔科") wins when the report has it
                for m in range(n, 2, -1):
                    tail = key[-m:]
                    if (
                        re.fullmatch(r"[\u4e00-\u9fff]+", tail)
                        and tail not in _GENERIC
                        and m > action  # "…提升改造": the list's shared work, no name
                        and tail in text
                    ):
                        if not any(tail in canonical(o) for o in others):
                            return [x.start() for x in re.finditer(re.escape(tail), text)]
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
        # "…通过省级部门联合审查，已上报省政府待批": a review passed, the approval itself still awaited
        # (only when the pledge promises that approval: "编制完成，已报县政府审批" is the 编制 done)
        ahead = ahead or bool(
            st.done
            and re.search(r"批复|获批|审批|批准|核准|审定", pl.text)
            and _AWAITING.search(text[clauses[j][0] : clauses[j][1]])
        )
        # "…完成设备安装，进入联动调试阶段": a step done, the next clause names the stage reached
        step = st.done and pl.stage is not None and _stage_of(piece) is None
        # (or "…完成设备安装，因…滞后，投产时间推迟至2025年3月": the step done, the milestone put off)
        put_off = step and bool(
            _DEFER.search(_without_causes(text[clauses[j][0] : clauses[min(j + 1, len(clauses) - 1)][1]]))
        )
        step = step and (_stage_of(text[clauses[j][0] : clauses[j][1]]) is not None or put_off)
        if (st.done or st.cancelled or st.not_done) and not ahead and not step:
            break
        last = j + 1 if put_off and j + 1 < len(clauses) and j + 1 not in stop_at else j
        for k in range(j, last + 1):
            piece += "，" + text[clauses[k][0] : clauses[k][1]]
        j = last + 1
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


# the rest carried into a later year: "剩余签约工作结转至2025年", "其余2处推迟至明年"
_REST_DEFERRED = re.compile(r"(?:剩余|其余|其他|另有|另外|尚余)[^，。；]{0,16}?(?:" + _DEFER.pattern + ")")


def _judge_milestone(pl: _Pledge, cands, review: Review):
    """(status, reason, sentence, relevance, clarity), or None when nothing relevant is said."""
    good = [(s, bm, cov) for s, bm, cov in cands if cov >= MIN_COVERAGE]
    items = pl.items
    states: dict[int, _ItemState] = {}
    used: dict[int, Sentence] = {}
    if items:
        for k, item in enumerate(items):
            for s, _bm, cov in cands:
                others = tuple(it for it in items if it != item)
                if cov < 0.2 or not _item_hits(item, s, others):
                    continue
                all_hits = {
                    i: h for i, it in enumerate(items) if (h := _item_hits(it, s, tuple(o for o in items if o != it)))
                }
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
    elif done or progress:
        # GUIDELINE: an earlier stage than promised is partial, a stated delay only sets the reason
        # (the shared gold's qibao p24/p64 call "earlier stage + delay" missed; the guideline wins)
        deferred = deferred or bool(_REST_DEFERRED.search(_without_causes(sentence.text)))
        status, reason = "partial", "delayed" if deferred else "shortfall"
    elif all(st.cancelled for st in found):
        status, reason = "missed", "cancelled"
    elif any(st.not_done or st.deferred or st.cancelled for st in found):
        status, reason = "missed", "delayed"
    else:
        return None  # named, but nothing said about its progress: as good as not reported
    clarity = 0.9 if len(found) == n_items else 0.6
    return status, reason, sentence, cov, clarity, done


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


def _not_reported(pl, review, best_cov: float, why: str) -> Verdict:
    """The later report says nothing usable about the pledge: missed, not reported."""
    return _verdict(
        pl, "missed", "not_reported", None, review, None, None, best_cov, _absent_confidence(best_cov), [why]
    )


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


def _deferred_near(text: str, span: tuple[int, int], pledge_text: str = "") -> bool:
    """A deferral in the figure's own clause, or said of the remainder ("其余5个…延至春节后")."""
    text = _without_causes(text)
    lo, hi = _clause_bounds(text, span[0], span[1])
    if _DEFER.search(text[lo:hi]):
        return True
    # the rest of the sentence speaks of the remainder: "其余…", or an item the pledge names that the
    # figure's clause does not ("3条道路建成通车，青石路…通车时间调整至2024年")
    m = _DEFER.search(text, hi)
    if not m:
        return False
    between = text[hi : m.start()]
    if re.search(r"其余|另有|另外|剩余|尚有|还有", between):
        return True
    own = text[lo:hi]
    return any(
        between[i : i + 3] in pledge_text and between[i : i + 3] not in own
        for i in range(len(between) - 2)
        if re.fullmatch(r"[\u4e00-\u9fff]{3}", between[i : i + 3])
    )


def _without_causes(text: str) -> str:
    """Blank "受…影响" cause phrases (same length): "受研发项目延后影响" defers nothing of the pledge."""
    return re.sub(r"受[^，。；]{0,24}?影响", lambda m: "，" * len(m.group(0)), text)


def _judge(pl: _Pledge, cands, review: Review) -> Verdict:
    p = pl.facts
    best_cov = cands[0][2] if cands else 0.0
    if p.kind == "quantitative":
        reading = _read_quantity(pl, cands, review)
        if (reading is None or reading.score < 0.3) and pl.items:
            # "完成桃源小学、溪南小学2所学校改造": the count is of named items; count those done
            judged = _judge_milestone(pl, cands, review)
            if judged is not None:
                status, reason, sentence, cov, clarity, done = judged
                value = float(done) if status in ("fulfilled", "partial") else 0.0
                if status == "fulfilled":
                    value = float(p.value or done)
                conf = min(1.0, 0.3 + 0.4 * cov + 0.3 * clarity)
                return _verdict(pl, status, reason, value, review, sentence, None, cov, conf, ["named items"])
        if (reading is None or reading.score < 0.3) and p.unit in _OBJECTS | {"户"}:
            named = _count_named(pl, cands)
            if named is not None:
                sentence, count, span, cov = named
                status = _judge_number(p, count, False)
                reason = "" if status == "fulfilled" else "delayed" if _DEFER.search(sentence.text) else "shortfall"
                conf = min(1.0, 0.3 + 0.4 * cov + 0.2)
                return _verdict(pl, status, reason, count, review, sentence, span, cov, conf, ["names counted"])
        if reading is None or reading.score < 0.3:
            return _not_reported(pl, review, best_cov, "no figure")
        achieved = reading.value
        sentence = reading.sentence
        cov = _relevance(pl, sentence, review)
        span = _quote_span(sentence, reading.span)
        deferred = reading.deferred or _deferred_near(sentence.text, reading.span, pl.text)
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
        return _not_reported(pl, review, best_cov, "nothing relevant")
    status, reason, sentence, cov, clarity, _done = judged
    conf = min(1.0, 0.3 + 0.4 * cov + 0.3 * clarity)
    return _verdict(pl, status, reason, None, review, sentence, None, cov, conf, ["milestone"])


def _absent_confidence(best_cov: float) -> float:
    """Not mentioned: sure when nothing came close, unsure when a sentence nearly qualified."""
    return round(max(0.3, min(0.9, 1.0 - best_cov)), 3)
