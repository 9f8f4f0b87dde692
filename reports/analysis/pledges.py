"""Pledges (承诺) of a report's plan part, as defined by shared/gold/GUIDELINE.md.

    >>> text = "下半年工作安排\\n\\n确保新增外资企业60家，力争年内完成七灶村村庄设计。"
    >>> [(p.kind, p.value, p.unit, p.strength) for p in extract_pledges(text, split_sections(text), 2021, "half_year")]
    [('quantitative', 60.0, '家', 'firm'), ('milestone', None, '', 'aspirational')]

How a plan section is read:

1. Its text is viewed without markdown ``*``/``#`` and with sentences that a PDF conversion
   broke across a blank line joined again (offsets still map to the stored text).
2. Sentences end at 。！？ and at line breaks; clauses at ，；： outside brackets and quotes
   (a comma inside a list of parcel codes does not end a clause). A clause that runs two
   tasks together without punctuation ("…竣工清算推进韵涛路建设启动小沥港路建设") is cut
   before the second task verb.
3. In each clause: every target number is one quantitative pledge; a zero target (确保不
   发生…, 杜绝…, 无…发生, 零增长, 不再反弹) is one pledge of value 0, unit 起, comparator <=;
   otherwise a completion verb with a concrete object is one milestone ("完成…", "启动…",
   "…项目开工", "…地块回搬"); an open 等 list under one verb stays one milestone.
4. Numbers that are not targets are skipped: identifiers and names (see ``numbers``), a
   baseline ("在上半年签约90个门洞的基础上"), what is said to be done already (已…), and a
   number governed by a verb that only carries on past work (深化22个…成果, 坚持抓好两项…).

Scope conventions (checked against the gold files):

- Strength: the modal word nearest BEFORE the target in the same sentence governs it;
  a modal governs every later clause of its sentence until another modal appears
  ("确保新增外资企业60家，新增合同吸引外资2.7亿美元" → both firm; "努力实现…、确保不发生…" → firm).
  A sentence ends at 。！？ — not at ；, so "力争：一是…；二是…" carries the modal through.
- Deadline: a deadline phrase applies to its own clause (also to a target written before it
  in that clause: "力争聚溪路等项目年内竣工") and to the later clauses of its sentence, until
  another deadline phrase. Otherwise the deadline is the end of the plan period. A month or
  quarter written with one task carries neither to a clause with a task verb of its own (unless
  that clause states the capacity the works add: "…建成投用X厂，新增日处理能力5万吨") nor to a
  clause that opens with its own modal word ("…完成入户检查，确保不发生…").
  Within one clause a dated deadline beats a period word ("11月底前完成全年…任务" → 11-30).
- Size classes qualify the counted noun, they are no targets: "超10亿元产业项目3个",
  "1000万元以上企业100户" (see ``_is_threshold``; 5万吨级 and 三项工程 are names in ``numbers``);
  so is a bound that picks out the group an action is aimed at ("对5万平方米以上的在建厂房…",
  "对亩均税收低于5万元的企业…"), and the investment of a named project ("总投资25亿元的X项目…开工"
  is a milestone).
- A bare completion after a target of the same works ("改造管网35公里，确保10月底前全部完工")
  is no task of its own: it lends its deadline and modal word to that target and joins its span.
- Named works come first and their completion last, with a deadline or modal between ("X漂流
  二期国庆前开业", "X景区年底前通过国家4A级…评审", "X发电项目力争明年上半年并网发电"); a
  phase (二期) names works, the digits of a date do not.
- A bare later stage after a milestone of named works is a milestone of its own
  ("X安置区一期年内开工建设，力争明年上半年主体封顶").
- A count stated with its share in brackets ("完成全程接种213921人(适龄人员的91.2%)") is two
  pledges, the count and the rate, with the same deadline and strength.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .deadlines import default_deadline, find_deadlines
from .numbers import Quantity, find_quantities
from .sections import Section, split_sections, subheadings

__all__ = ["PledgeDraft", "extract_pledges", "split_sections"]


@dataclass
class PledgeDraft:
    start: int
    end: int
    text: str  # == full_text[start:end]
    kind: str  # "quantitative" | "milestone"
    value: float | None
    unit: str
    value_raw: str
    comparator: str  # ">=", "<=", "~", "=" ("" for milestones)
    deadline: date
    deadline_text: str  # "" when the default
    strength: str  # "firm" | "aspirational" | "plain"
    topic: str
    section: str


# --- vocabulary of the genre -------------------------------------------------------------
FIRM = ("确保", "必须", "坚决", "务必", "全面完成")
ASPIRATIONAL = ("力争", "争取", "努力", "争创", "力求")
_MODAL = re.compile("|".join(FIRM + ASPIRATIONAL))

# completion verbs that make a milestone of any non-generic object
_STRONG_VERBS = (
    "完成",
    "启动",
    "建成",
    "上线",
    "开发",
    "整新",
    "创建",
    "争创",
    "开启",
    "交付",
    "揭牌",
    "开通",
    "贯通",
    "编制完成",
)
# completion verbs that need a nameable deliverable as object
_OBJECT_VERBS = (
    "建立",
    "编制",
    "形成",
    "确定",
    "明确",
    "制定",
    "出台",
    "举办",
    "承办",
    "打造",
    "打通",
    "开展",
    "签订",
    "签约",
    "获批",
    "获评",
    "获授",
    "开工建设",
)
# a title or designation that a place wins ("获批“全国综合减灾示范社区”", "获评省级文明镇称号")
_TITLE = re.compile(
    r"[“《「][^”》」]{2,}[”》」]$|(?:称号|示范[\u4e00-\u9fff]{0,3}|试点[\u4e00-\u9fff]{0,2}|先进[\u4e00-\u9fff]{0,4}|"
    r"文明[\u4e00-\u9fff]{0,3}|[省市国]级[\u4e00-\u9fff]{2,8})$"
)
# completion nouns written after their object ("万科19-04项目开工", "推进新镇总体规划批复")
_EVENT_NOUNS = (
    "竣工验收",
    "竣工清算",
    "投入使用",
    "投入运营",
    "交付使用",
    "交房入户",
    "通过验收",
    "复垦验收",
    "开工建设",
    "开工",
    "竣工",
    "投产",
    "投用",
    "开业",
    "开园",
    "开诊",
    "开馆",
    "回搬",
    "出让",
    "交房",
    "封顶",
    "验收",
    "获批",
    "批复",
    "复评",
    "复审",
    "落地",
    "立项",
    "挂牌",
    "揭牌",
    "建成",
    "完工",
    "贯通",
    "通车",
    "并网发电",
    "并网",
    "投运",
    "通水",
    "清盘",
    "迎检",
    "的完成",
)
# verbs that start new works: a carry-on word after them is part of the works' name
_BUILD_VERBS = ("实施", "新建", "新增", "改造", "建设", "改建", "扩建")
_TRAILING = ("前期手续", "等工作", "工作", "任务", "手续", "工程", "项目", "建设", "运行")
# verbs that open a new task where a clause lost its comma
_SPLIT_VERBS = (
    "推进",
    "启动",
    "完成",
    "推动",
    "建立",
    "开展",
    "实施",
    "加快",
    "做好",
    "落实",
    "开发",
    "举办",
    "优化",
    "完善",
    "加强",
    "提升",
    "深化",
)
# what a task ends with, so that a verb right after it opens the next task
_TASK_END = re.compile(
    r"(竣工验收|竣工清算|竣工|开工|清算|验收|建设|工作|任务|改造|工程|项目|整治|管理|机制|体系|方案|计划|规划|编制|立项|"
    r"出让|落地|签约|清盘|设计|研究|修缮|大中修)[)）]?$"
)
# process verbs that only carry on: numbers they govern restate what exists
_CARRY_ON = ("深化", "巩固", "坚持", "围绕", "聚焦", "依托", "贯彻", "学习", "发挥", "完善", "健全")
_GENERIC = re.compile(
    r"日常|各项|全年目标任务|各类|长效|常态化|有关|相关工作|一系列|多项|若干|(检查|巡查|监督|监管|宣传|管理|服务|保障)工作$"
)
# a clause that only frames the goal of other work ("围绕建成…的目标", "按照…要求")
_FRAMING = re.compile(r"^(?:围绕|按照|根据|对标|对照|为了|为|以)")
_DELIVERABLE = re.compile(
    r"(方案|规划|计划|报告|设计|系统|平台|地图|信息库|数据库|目录库|窗口|商会|课题研究|研究|清单|台账|办法|细则|"
    r"文化节|艺术节|节|展|大赛|运动会|博览会|大会|讲坛|论坛|年度目标|年度任务|指标任务|目标任务)"
    r"[”》」]?(?:编制|建设|工作|任务)?$"
)
_FACILITY = re.compile(
    r"[\u4e00-\u9fff]{2,}(路|街|村|镇|园|苑|港|河|桥|中心|站|馆|院|学校|小学|中学|幼儿园|医院|地块|宾馆|商场|大厦|"
    r"基地|公园|广场|河道|泵站|管廊|社区|小屋|食堂|大道|体育馆|图书馆|景区|电站|厂房|厂)"
)
_FACILITY_END = re.compile(_FACILITY.pattern + "$")
# a phase of works is part of their name: "漂流二期", "标准化厂房三期"
_NAME_MARK = re.compile(
    r"[0-9A-Za-z“”《》「」]|第[一二三四五六七八九十百\d]+[届季期轮批次版]|首届|周年|[一二三四五六七八九十]期(?![间限末待望])"
)
_ORDINAL_EVENT = re.compile(r"第[一二三四五六七八九十百\d]+[届季期]|首届|周年")

_ZERO = re.compile(
    r"(?P<a>确保不发生|不发生|不出现|零发生|杜绝)"
    r"|(?P<b>无)(?!障碍|人|缝|证|序|纸|线|违建)[^，。；、“”]{0,12}?(?:发生|反弹回潮|反弹|回潮)"
    # 零 before an undesirable event or its growth: 零事故, 零辍学, 零增量, “零拖欠” (wages owed)
    # (not 零容忍, 零距离, 零的突破, 零直排区, 零增地 — a kind of project)
    r"|(?P<c>零(?:增长|增量|新增|事故|伤亡|死亡|发案|污染|上访|信访|辍学|失学|投诉|欠薪|拖欠|欠费|火灾|返贫|违建|"
    r"积案|命案|差错|失误|漏报|迟报|滞留|感染|扣分)"
    r"(?![率区村镇园]))"
    r"|(?P<d>不再反弹|不反弹|不回潮|不再发生)"
    # clearing a backlog of a problem ("欠薪问题动态清零", "存量隐患清零"); not the doctrine
    # "坚持/贯彻“动态清零”总方针" or a state kept ("保持“动态清零”状态")
    r"|(?P<e>(?:动态)?清零)(?![”」]?(?:总方针|方针|政策|状态))"
)
# the investment of a named project written before it: an attribute, not a target
_INVESTMENT_OF = re.compile(r"(?:总投资|计划投资|投资总额|总投资额)(?:约|超过?|逾|近|达)?$")
_BASELINE = re.compile(r"在[^，。；]{0,40}?(?:的)?基础上")
_HISTORY = re.compile(r"已(?:经)?(?:完成|累计|实现|达到|签约|建成|开工)|累计已")
_STOPS = "。！？!?"
_NUMBERING = re.compile(
    r"(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]是|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)|[①-⑳])\s*"
)
_CLAUSE_STOPS = "，,；;：:"


# --- entry point -------------------------------------------------------------------------
def extract_pledges(text: str, sections: list[Section], report_year: int, report_kind: str) -> list[PledgeDraft]:
    """Pledges of the plan sections of ``text``, sorted by start; other sections yield none.

    ``report_year`` is the plan year: the year of a half-year report, the year being planned
    for in an annual report. Spans index ``text`` (``draft.text == text[draft.start:draft.end]``).
    """
    out: list[PledgeDraft] = []
    plan_heading = ""
    for sec in sections:
        if sec.kind != "plan":
            continue
        plan_heading = _strip_heading(sec.heading) or plan_heading
        heads = subheadings(text, sec)
        out.extend(_SectionReader(text, sec, report_year, report_kind, heads, plan_heading).read())
    out.sort(key=lambda d: (d.start, d.end))
    return out


def _strip_heading(h: str) -> str:
    return re.sub(r"^[#*\s]+|[*\s]+$", "", h or "").strip()


# --- view of a section -------------------------------------------------------------------
def _view(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """The section without ``*``/``#`` markup, broken sentences rejoined; with an offset map."""
    chars: list[str] = []
    index: list[int] = []
    i = start
    line_start = True
    while i < end:
        ch = text[i]
        if ch == "*" or (ch == "#" and line_start):
            i += 1
            continue
        if ch == "\n":
            j = i
            while j < end and text[j] in "\n \t\u3000\xa0":
                j += 1
            blank = text.count("\n", i, j) >= 2
            prev = "".join(chars[-60:]).rsplit("\n", 1)[-1].strip()
            nxt = text[j : min(end, j + 80)].split("\n", 1)[0].replace("*", "").lstrip("# ").strip()
            if not blank or _ends_sentence(prev) or _heading_like(prev) or _heading_like(nxt) or _opens_block(nxt):
                chars.append("\n")
                index.append(i)
            i = j
            line_start = True
            continue
        line_start = False
        chars.append(ch)
        index.append(i)
        i += 1
    index.append(end)
    return "".join(chars), index


def _ends_sentence(s: str) -> bool:
    return not s or s[-1] in "。！？；：!?;:”）)"


def _heading_like(s: str) -> bool:
    return bool(s) and len(s) <= 30 and not re.search(r"[。！？；]", s[:-1])


def _opens_block(s: str) -> bool:
    return bool(
        re.match(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．]|各位代表)", s)
    )


# --- reading -----------------------------------------------------------------------------
@dataclass
class _Clause:
    start: int  # view offsets
    end: int
    text: str


class _SectionReader:
    def __init__(self, text, sec, year, kind, heads, plan_heading):
        self.text = text
        self.sec = sec
        self.year = year
        self.kind = kind
        self.heads = heads
        self.plan_heading = plan_heading
        self.view, self.index = _view(text, sec.start, sec.end)
        self.default = default_deadline(year, kind)

    def read(self) -> list[PledgeDraft]:
        out: list[PledgeDraft] = []
        for s, e in _sentences(self.view):
            sentence = self.view[s:e]
            if sentence.rstrip()[-1:] not in _STOPS and _heading_like(sentence.strip()):
                continue  # a heading line, not a sentence
            out.extend(self._sentence(s, sentence))
        return out

    # one sentence: modal and deadline scope live here
    def _sentence(self, base: int, sentence: str) -> list[PledgeDraft]:
        modals = [(m.start(), "firm" if m.group(0) in FIRM else "aspirational") for m in _MODAL.finditer(sentence)]
        baselines = [(m.start(), m.end()) for m in _BASELINE.finditer(sentence)]
        deadlines = [
            d for d in find_deadlines(sentence, self.year, self.kind) if not any(a <= d.start < b for a, b in baselines)
        ]
        out: list[PledgeDraft] = []
        clauses = _clauses(sentence)
        previous_had_pledge = True
        previous_milestone = False
        previous: list[PledgeDraft] = []
        for ci, cl in enumerate(clauses):
            ctx = _Context(
                self,
                base,
                sentence,
                modals,
                deadlines,
                baselines,
                cl,
                clauses[ci - 1] if ci and not previous_had_pledge else None,
                previous_milestone,
            )
            found = ctx.pledges()
            if previous and not previous_milestone and ctx.completes_works():
                # "改造管网35公里，确保10月底前全部完工": the completion of the same works, no task
                # of its own; its deadline and modal word belong to the pledges it qualifies
                ctx.qualify(previous)
                continue
            out.extend(found)
            previous = found
            previous_had_pledge = bool(found)
            previous_milestone = bool(found) and all(p.kind == "milestone" for p in found)
        return out

    def extend(self, draft: PledgeDraft, ve: int) -> None:
        """Let ``draft`` run to view offset ``ve`` (a clause that qualifies it)."""
        draft.end = self.index[ve - 1] + 1
        draft.text = self.text[draft.start : draft.end]

    def draft(self, vs: int, ve: int, **fields) -> PledgeDraft:
        start, end = self.index[vs], self.index[ve - 1] + 1
        return PledgeDraft(start=start, end=end, text=self.text[start:end], section=self.section_at(start), **fields)

    def section_at(self, offset: int) -> str:
        best = ""
        for pos, head in self.heads:
            if pos <= offset:
                best = head
            else:
                break
        return best or self.plan_heading


# words for the whole plan period, and deadline words that name a day, month or holiday
_PERIOD_WORD = re.compile(r"全年|当年|年度内|年内|年底前?|年末")
_DATED = re.compile(r"[月日季]|前$")

# a clause that opens with its own modal word ("确保不发生…", "力争…")
_MODAL_LEAD = re.compile(r"^(?:" + "|".join(FIRM + ASPIRATIONAL) + ")")
# a clause that states the capacity a construction adds ("新增污水日处理能力5万吨", "形成年产能…")
_CAPACITY = re.compile(r"^(?:新增|增加|形成|提升|提高)[^，。；]{0,12}?(?:能力|产能|规模)")
_COMPLETES_WORKS = re.compile(r"建成|投用|投入使用|投入运营|竣工|完工|投产|通水|通车|并网")

_LEAD_WORDS = re.compile(r"^(?:确保|力争|争取|努力|务必|必须|全力|要|将|我们|在|于|到|并|同时|其中|[，,；;：:\s])*$")


def _leads_clause(sentence: str, pos: int) -> bool:
    """Whether the words at ``pos`` open their clause ("年底前，…", "确保9月底前…")."""
    stop = max(sentence.rfind(c, 0, pos) for c in _CLAUSE_STOPS)
    head = sentence[stop + 1 : pos]
    return bool(_LEAD_WORDS.match(head)) or bool(_NUMBERING.fullmatch(head.strip()))


def _is_threshold(text: str, q: Quantity, later: list[Quantity]) -> bool:
    """ "注册资本1000万元以上企业100户", "引进超10亿元产业项目3个": the first number only defines
    the class of what is counted (a size class written before its noun), it is no target."""
    nxt = text[q.end : q.end + 1]
    lead = _GROUP_LEAD.match(text)
    if lead and lead.end() <= q.start and _SUBSTANCE_BOUND.match(text, q.end):
        # "对年综合能耗5000吨标准煤以上的重点用能单位开展节能监察": the unit's substance sits
        # between the number and its bound; still a bound that picks out a group
        return True
    if _THRESHOLD_NOUN.match(text, q.end):
        return True  # "营业收入接近2000万元门槛的企业": a bar that describes a group, no target
    if not ("\u4e00" <= nxt <= "\u9fff") or re.match(r"[，、；和及与或并]", nxt):
        return False
    bound = q.raw.endswith(("以上", "以下")) or _CLASS_BOUND.search(text, 0, q.number_start)
    if nxt == "的" and bound and _GROUP_LEAD.match(text):
        # "对5万平方米以上的在建厂房实行专人盯办", "对亩均税收低于5万元的企业实施分类整治": a bound
        # that picks out the group an action is aimed at
        return _GROUP_LEAD.match(text).end() <= q.start
    if q.raw.endswith(("以上", "以下")):
        return bool(later)
    if _CLASS_MARK.search(text, 0, q.number_start) and not q.raw.endswith(("以内", "左右")):
        # "超10亿元产业项目": 超 glued to an amount that qualifies the next noun
        return nxt != "的" or bool(later)
    return False


# a number named as a bar or line that others reach or cross ("2000万元门槛", "5万元起征点")
_THRESHOLD_NOUN = re.compile(r"(?:的)?(?:门槛|准入线|起征点|起评线|标准线|临界点|界限)")
# a clause that names the group its action is aimed at ("对…的企业实施…", "针对…的…")
_GROUP_LEAD = re.compile(r"^(?:[^，。；、]{0,4}?)(?:针对|对于|对)")
# the substance measured, then the bound, then 的 ("吨标准煤以上的", "标箱以下的")
_SUBSTANCE_BOUND = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:以上|以下|及以上|及以下)的")
# a bound written before the number: below, above, over, under
_CLASS_BOUND = re.compile(r"(?:低于|高于|超过|不足|少于|多于)$")
# "超"/"超过"/"逾" right before an amount that qualifies a noun ("超亿元企业", "超10亿元项目")
_CLASS_MARK = re.compile(r"(?:超过|超|逾)$")


_PROJECT = re.compile(r"([\u4e00-\u9fff]{2})(?:项目|工程)")
_GENERIC_PROJECT = frozenset(
    "重点 重大 配套 实事 民生 产业 建设 安置 置房 在建 新建 一批 年度 相关 有关 各类 推进 加快 推动 做好 实施 落实 "
    "保障 市政 改造 整治 基建 招商 投资 储备 续建 两级 镇级 区级 市级 村级 重点 签约 在谈 意向 落地 开工 竣工 "
    "在库 入库 目标 引进 外资 内资".split()
)


def _named_project(obj: str) -> bool:
    """ "雅贝项目", "船民新村拆除重建项目": a project called by its own name, not "配套项目"."""
    return any(m.group(1) not in _GENERIC_PROJECT and "等" not in m.group(1) for m in _PROJECT.finditer(obj))


def _has_own_verb(s: str) -> bool:
    return (
        _has_task_verb(s)
        or _event_at_end(s) is not None
        or bool(re.search(r"新增|新建|新开工|实现|开工|竣工|建成|投入", s))
    )


def _has_task_verb(s: str) -> bool:
    return any(v in s for v in _SPLIT_VERBS + _STRONG_VERBS + _OBJECT_VERBS)


def _sentences(view: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    depth = 0
    for i, ch in enumerate(view):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if ch == "\n" or (ch in _STOPS and depth == 0):
            end = i + 1 if ch != "\n" else i
            if view[start:end].strip():
                out.append(_trim(view, start, end))
            start = i + 1
            depth = 0
    if view[start:].strip():
        out.append(_trim(view, start, len(view)))
    return out


def _trim(view: str, s: int, e: int) -> tuple[int, int]:
    while s < e and view[s] in " \u3000\xa0\t":
        s += 1
    while e > s and view[e - 1] in " \u3000\xa0\t":
        e -= 1
    return s, e


def _clauses(sentence: str) -> list[_Clause]:
    """Clauses at ，；： outside brackets/quotes; a comma inside a list of codes is kept."""
    raw: list[tuple[int, int]] = []
    start = 0
    depth = 0
    quote = False
    for i, ch in enumerate(sentence):
        if ch in "(（《":
            depth += 1
        elif ch in ")）》":
            depth = max(0, depth - 1)
        elif ch == "“":
            quote = True
        elif ch == "”":
            quote = False
        if ch in _CLAUSE_STOPS and depth == 0 and not quote:
            nxt = sentence[i + 1 : i + 2]
            prev = sentence[i - 1 : i]
            if ch in ",，" and nxt.isascii() and nxt.isalnum() and (prev in ")）" or prev.isascii() and prev.isalnum()):
                continue  # "16-02(菲特莫古地块),I-I-7、I-I-12地块": one list of parcels
            raw.append((start, i))
            start = i + 1
    raw.append((start, len(sentence)))
    out = []
    for s, e in raw:
        s, e = _trim(sentence, s, e)
        s, e = _strip_end_punct(sentence, s, e)
        numbering = _NUMBERING.match(sentence, s, e)
        if numbering:
            s = numbering.end()  # "1．强化规划落地": the numbering is no part of the task
        if e > s:
            for a, b in _split_run_on(sentence, s, e):
                out.append(_Clause(a, b, sentence[a:b]))
    return out


def _strip_end_punct(s: str, a: int, b: int) -> tuple[int, int]:
    while b > a and s[b - 1] in "。！？；，,;:：!?":
        b -= 1
    while a < b and s[a] in "，,；;：:、":
        a += 1
    return a, b


def _split_run_on(sentence: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a clause before a second task verb when a conversion lost the comma between two tasks."""
    seg = sentence[s:e]
    cuts = []
    verb_end = None  # end of the last task verb seen
    for m in re.finditer("|".join(_SPLIT_VERBS), seg):
        if (
            verb_end is not None
            and m.start() - verb_end >= 4
            and not _inside_brackets(seg, m.start())
            and _TASK_END.search(seg[: m.start()])
        ):
            cuts.append(m.start())
        verb_end = m.end()
    if not cuts:
        return [(s, e)]
    bounds = [0] + cuts + [len(seg)]
    return [(s + a, s + b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _inside_brackets(s: str, pos: int) -> bool:
    return (
        s.count("(", 0, pos) + s.count("（", 0, pos) > s.count(")", 0, pos) + s.count("）", 0, pos)
        or s.count("“", 0, pos) > s.count("”", 0, pos)
        or s.count("《", 0, pos) > s.count("》", 0, pos)
    )


class _Context:
    """One clause with the scope information of its sentence."""

    def __init__(self, reader, base, sentence, modals, deadlines, baselines, clause, before, after_milestone=False):
        self.r = reader
        # the previous clause of the sentence is a milestone of a named object: a bare next stage
        # ("…一期年内开工建设，力争明年上半年主体封顶") continues it as a milestone of its own
        self.after_milestone = after_milestone
        self.base = base
        self.sentence = sentence
        self.modals = modals
        self.deadlines = deadlines
        self.baselines = baselines
        self.cl = clause
        self.before = before  # the previous clause of the sentence when it holds no task of its own

    # scope helpers
    def strength(self, pos: int) -> str:
        best = "plain"
        for p, s in self.modals:
            if p <= pos:
                best = s
        return best

    def deadline(self) -> tuple[date, str]:
        chosen = None
        for d in self.deadlines:
            if d.start >= self.cl.end:
                continue
            if d.start < self.cl.start and d.date != self.r.default:
                if _has_own_verb(self.cl.text) and not self._outcome_of(d):
                    continue  # "一季度完成回搬，新开工安置房项目3个": a month or quarter stays with its own task
                if not _leads_clause(self.sentence, d.start):
                    continue  # "X工程6月底前完工；新硬化道路15公里": a date inside a task is that task's
                if _MODAL_LEAD.match(self.cl.text) and _has_own_verb(self._clause_of(d)):
                    continue  # "9月底前完成入户检查，确保不发生事故": a new modal opens an independent task
            chosen = d
        if chosen is None:
            return self.r.default, ""
        if _PERIOD_WORD.fullmatch(chosen.text):
            # "11月底前完成全年“瓶改管”1800户任务": 全年 says whose task it is; the month in the
            # same clause says when it falls due
            dated = [
                d
                for d in self.deadlines
                if self.cl.start <= d.start < self.cl.end and d.date < chosen.date and _DATED.search(d.text)
            ]
            if dated:
                chosen = dated[0]
        return chosen.date, chosen.text

    def _clause_of(self, d) -> str:
        """The text of the clause of the sentence that holds deadline ``d``."""
        stops = [i for i, ch in enumerate(self.sentence) if ch in _CLAUSE_STOPS]
        a = max((i for i in stops if i < d.start), default=-1)
        b = min((i for i in stops if i >= d.end), default=len(self.sentence))
        return self.sentence[a + 1 : b]

    def _outcome_of(self, d) -> bool:
        """ "6月底前建成投用X厂二期，新增日处理能力5万吨": the capacity the works in the clause
        right before add is the same deliverable, due with it."""
        if not _CAPACITY.match(self.cl.text):
            return False
        between = self.sentence[d.end : self.cl.start - 1]
        if any(ch in _CLAUSE_STOPS for ch in between):
            return False  # the deadline is not in the clause right before this one
        return bool(_COMPLETES_WORKS.search(self._clause_of(d)))

    def completes_works(self) -> bool:
        """Whether the clause only states when or how surely the works before it are finished
        ("确保10月底前全部完工", "年底前全面建成投用"): modal, deadline and a bare completion."""
        return bool(_BARE_COMPLETION.match(self._without_deadlines(self.cl.text)))

    def qualify(self, drafts: list[PledgeDraft]) -> None:
        """Give ``drafts`` (pledges of the clause before) this clause's span, deadline and modal."""
        cl = self.cl
        own_deadlines = [d for d in self.deadlines if cl.start <= d.start < cl.end]
        own_modals = [(p, st) for p, st in self.modals if cl.start <= p < cl.end]
        for d in drafts:
            self.r.extend(d, self.base + cl.end)
            if own_deadlines:
                d.deadline, d.deadline_text = own_deadlines[-1].date, own_deadlines[-1].text
            if own_modals:
                d.strength = own_modals[-1][1]

    def in_baseline(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.baselines)

    # extraction
    def pledges(self) -> list[PledgeDraft]:
        cl = self.cl
        if any(a <= cl.start and cl.end <= b for a, b in self.baselines):
            return []  # "在上半年完成加梯竣工14台的基础上": history, not a task
        found = find_quantities(cl.text)
        quantities = [
            q for i, q in enumerate(found) if self._is_target(q) and not _is_threshold(cl.text, q, found[i + 1 :])
        ]
        out = [self._quantitative(q) for q in quantities]
        if quantities:
            out.extend(self._milestone_items_beside_numbers(quantities))
            return out
        zero = self._zero()
        if zero:
            return [zero]
        return self._milestones()

    def _is_target(self, q: Quantity) -> bool:
        pos = self.cl.start + q.number_start
        if self.in_baseline(pos):
            return False
        head = self.cl.text[: q.number_start]
        if _HISTORY.search(head):
            return False
        if _INVESTMENT_OF.search(head) and re.match(r"[的\u4e00-\u9fff]", self.cl.text[q.end : q.end + 1]):
            return False  # "总投资25亿元的X项目9月底前开工": the size of the project, which is the milestone
        if re.search(r"精神|全会|党代会|要求$", self.cl.text[q.end :]):
            return False  # "落实中央八项规定精神", "二次全会", "落实两张网建设要求": names of doctrine
        # a number governed by a carry-on verb with no task verb in between restates the present
        last_carry = max((head.rfind(v) for v in _CARRY_ON), default=-1)
        first_task = _first_verb(head, _STRONG_VERBS + _BUILD_VERBS)
        if first_task is not None and first_task[1] <= last_carry:
            last_carry = -1  # "建成人饮巩固提升工程5处": the carry-on word is part of the object's name
        if last_carry >= 0:
            between = head[last_carry:]
            if not re.search(
                "|".join(_STRONG_VERBS + ("新增", "实现", "达到", "推进", "开展", "建设", "改造")), between[2:]
            ):
                return False
        return True

    def _quantitative(self, q: Quantity) -> PledgeDraft:
        cl = self.cl
        dl, dl_text = self.deadline()
        comparator = q.comparator or self._clause_comparator(q) or ">="
        unit = q.unit
        if unit == "元" and re.search(r"每(?:平方米|㎡|平米)|单位面积", cl.text[: q.number_start]):
            unit = "元/平方米"  # "每平方米税收产出提升至2900元"
        return self.r.draft(
            self.base + cl.start,
            self.base + cl.end,
            kind="quantitative",
            value=q.value,
            unit=unit,
            value_raw=q.raw,
            comparator=comparator,
            deadline=dl,
            deadline_text=dl_text,
            strength=self.strength(cl.start + q.number_start),
            topic=_topic(cl.text, q),
        )

    def _clause_comparator(self, q: Quantity) -> str:
        head = self.cl.text[: q.number_start]
        if re.search(r"控制在|不超过|不高于|以内|压减到|降至|降到|低于", head[-8:] + self.cl.text[q.end : q.end + 3]):
            return "<="
        if re.search(r"左右|上下", self.cl.text[q.end : q.end + 3]):
            return "~"
        return ""

    def _milestone_items_beside_numbers(self, quantities: list[Quantity]) -> list[PledgeDraft]:
        """ "确保完成A工程、华星港等10条河道…工程": the item without a number is a milestone too."""
        cl = self.cl
        verb = _first_verb(cl.text, _STRONG_VERBS)
        if verb is None:
            return []
        out = []
        v_start, v_end = verb
        for item_s, item_e in _items(cl.text, v_end):
            item = cl.text[item_s:item_e]
            if any(item_s <= q.number_start < item_e for q in quantities):
                continue
            if item.endswith(("工程", "项目")) and len(item) >= 6 and _NAME_MARK.search(item):
                out.append(self._milestone_draft(cl.start, cl.start + item_e, cl.start + v_start))
        return out

    def _zero(self) -> PledgeDraft | None:
        m = _ZERO.search(self.cl.text)
        if not m:
            return None
        if m.group("e") and re.search(r"坚持|贯彻|落实", self.cl.text[: m.start()]):
            return None  # a doctrine upheld, not a backlog cleared
        raw = m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e")
        raw = raw.replace("确保", "")
        if m.group("b") and "反弹回潮" in m.group(0):
            raw = "无反弹回潮"
        dl, dl_text = self.deadline()
        return self.r.draft(
            self.base + self.cl.start,
            self.base + self.cl.end,
            kind="quantitative",
            value=0.0,
            unit="起",
            value_raw=raw,
            comparator="<=",
            deadline=dl,
            deadline_text=dl_text,
            strength=self.strength(self.cl.start + m.start()),
            topic=_topic(self.cl.text[m.end() :] or self.cl.text, None),
        )

    def _milestones(self) -> list[PledgeDraft]:
        text = self.cl.text
        if _FRAMING.match(text):
            return []
        end = len(text)
        if _GENERIC.search(text) and not re.search(r"年度目标|年度任务|指标任务", text):
            # "做好A验收、B等各项工作": only the named items before the generic tail count
            end = 0
            for a, b in _items(text, 0):
                if _GENERIC.search(text[a:b]):
                    break
                end = b
            if end == 0:
                return []
        return self._milestones_in(end)

    def _milestones_in(self, end: int) -> list[PledgeDraft]:
        cl = self.cl
        text = cl.text[:end]
        # 1. verb before its object
        verb = _first_verb(text, _STRONG_VERBS)
        if verb and _concrete_object(text[verb[1] :]):
            return self._split_items_with_events(verb, end)
        verb = _first_verb(text, _OBJECT_VERBS)
        if verb:
            word = text[verb[0] : verb[1]]
            obj = text[verb[1] :]
            if word == "开展":
                ok = bool(_ORDINAL_EVENT.search(obj))
            elif word == "打造":
                ok = bool(_FACILITY_END.search(obj))
            elif word == "打通":
                # "打通桂溪路、望江西路断头路": named roads or passages, not "打通断头路" or "最后一公里"
                ok = bool(_FACILITY.search(_ROAD_GAP.sub("", obj)))
            elif word == "建立":
                # a list or ledger to follow up on ("建立签约项目转化落地清单", "…项目台账") is a
                # working tool of a process, not a deliverable
                ok = (
                    not obj.startswith(("健全", "完善"))
                    and not re.search(r"(清单|台账)[”》」]?$", obj)
                    and bool(_DELIVERABLE.search(obj) or re.search(r"(机制|地图|库|制度|档案)$", obj))
                )
            elif word == "签约":
                ok = bool(_FACILITY_END.search(obj) or _named_project(obj) or _DELIVERABLE.search(obj))
            elif word == "开工建设":
                # "开工建设X产业园标准化厂房三期": works called by their name
                ok = bool(_NAME_MARK.search(obj) or _FACILITY.search(obj) or _named_project(obj))
            elif word in ("获批", "获评", "获授"):
                ok = bool(_TITLE.search(obj))
            elif word in ("举办", "承办"):
                ok = bool(_NAME_MARK.search(obj) or _DELIVERABLE.search(obj))
            else:
                ok = bool(_DELIVERABLE.search(obj))
            if ok:
                return [self._milestone_draft(cl.start, cl.start + end, cl.start + verb[0])]
        # 2. object before its completion noun: "万科19-04项目开工", "推进新镇总体规划批复"
        event = _event_at_end(text)
        if event is not None:
            # the deadline and modal words between object and completion noun name nothing
            # ("确保10月底前全部完工": the 10 is a date, there is no object)
            obj = self._without_deadlines(text[:event])
            if _FOLLOW_UP.search(obj):
                return []  # "强化项目跟踪落地": watching over an event is a process, not a deliverable
            if _PASS_REVIEW.search(text) and (_LEVEL.search(text, event) or _NAME_MARK.search(text, event)):
                obj += "“”"  # the review passed is named by its level or grade ("国家4A级…评审")
            # the object of a completion noun must be named: "万科19-04项目开工", not "空间规划落地"
            if (
                _NAME_MARK.search(obj)
                or _FACILITY.search(obj)
                or _approved_plan(obj, text[event:])
                or _named_project(obj)
                or re.search(r"年度目标|年度任务", obj)
                or (self.after_milestone and _bare_part(obj))
            ):
                return self._split_items_with_events(None, end)
        return []

    def _without_deadlines(self, s: str) -> str:
        for d in reversed(find_deadlines(s, self.r.year, "annual")):
            s = s[: d.start] + s[d.end :]
        return s

    def _split_items_with_events(self, verb: tuple[int, int] | None, end: int) -> list[PledgeDraft]:
        """ "做好A敬老院竣工验收、B敬老院主体结构封顶工作": two deliverables, two milestones."""
        cl = self.cl
        v_start = verb[0] if verb else 0
        v_end = verb[1] if verb else 0
        if verb is None:
            # "05-08地块确保开工建设": the completion noun is the verb a modal before it governs
            v_start = _event_at_end(cl.text[:end]) or 0
        items = _items(cl.text[:end], v_end)
        if (
            len(items) >= 2
            and all(_event_at_end(cl.text[a:b]) is not None for a, b in items)
            and "等" not in cl.text[items[-2][0] : items[-1][0]]
        ):
            out = []
            for k, (a, b) in enumerate(items):
                start = cl.start if k == 0 else cl.start + a
                out.append(self._milestone_draft(start, cl.start + b, cl.start + v_start))
            return out
        return [self._milestone_draft(cl.start, cl.start + end, cl.start + v_start)]

    def _milestone_draft(self, vs: int, ve: int, verb_pos: int) -> PledgeDraft:
        text = self.sentence[vs:ve]
        if (
            self.before is not None
            and not _NAME_MARK.search(text)
            and not _FACILITY.search(text)
            and not _named_project(text)
        ):
            vs = self.before.start  # a bare task takes its subject from the clause before it
        dl, dl_text = self.deadline()
        return self.r.draft(
            self.base + vs,
            self.base + ve,
            kind="milestone",
            value=None,
            unit="",
            value_raw="",
            comparator="",
            deadline=dl,
            deadline_text=dl_text,
            strength=self.strength(verb_pos),
            topic=_topic(self.sentence[vs:ve], None),
        )


# a clause that is only the completion of works named before it, once its deadline is gone
_BARE_COMPLETION = re.compile(
    r"^(?:确保|力争|争取|努力|务必|必须)?(?:在|于|到)?(?:全部|全面|基本|如期|按期|按时|顺利)?"
    r"(?:(?:投入使用|交付使用|投入运营|完工|竣工|建成|完成|投用|投运|投产|通车|通水|并网|交付|开放)(?:并)?){1,2}"
    r"(?:任务)?$"
)


# what is left of a clause's object once modal, deadline and lead words are gone: a part of the
# works named before ("主体", "主体结构", "全部"), or nothing
_PART_OF_WORKS = re.compile(r"^(?:主体(?:结构)?|整体|全部|全面|基本)?$")


def _bare_part(obj: str) -> bool:
    rest = _MODAL.sub("", obj)
    rest = re.sub(
        r"明年|今年|年内|年底前?|上半年|下半年|[一二三四]季度末?|\d{1,2}月(?:底|末)?前?|前|将|要|并|力争|再", "", rest
    )
    return bool(_PART_OF_WORKS.match(rest.strip()))


def _first_verb(text: str, verbs: tuple[str, ...]) -> tuple[int, int] | None:
    best = None
    for v in verbs:
        i = text.find(v)
        while (
            i >= 0
            and (
                _inside_brackets(text, i)
                or text[i + len(v) : i + len(v) + 2] in ("健全", "完善", "工作", "时限", "情况", "进度", "时间", "节点")
                or text[i + len(v) : i + len(v) + 1]
                == "率"  # 建立健全 is a process; 创建工作, 完成时限, 完成率 are nouns
                or text[max(0, i - 2) : i] == "综合"  # 综合整新 names a kind of works
                or _ATTRIBUTIVE.match(text, i + len(v))
                or _NOT_DONE.search(text, 0, i)  # "难以完成的任务", "已建成的项目": a description, no task
                or (v == "上线" and text[i - 1 : i] == "线")  # 线上线下 is no launch
                # 开发区, 开发商, 开发边界, 开发强度 are nouns
                or (v == "开发" and (text[i + 2 : i + 3] in ("区", "商") or text[i + 2 : i + 4] in ("边界", "强度")))
                or text[i + len(v) : i + len(v) + 1] == "性"  # 开发性金融, 建设性: an adjective
                or _TIME_CLAUSE.match(text, i + len(v))  # "建成后实行…管理": when, not what
            )
        ):
            i = text.find(v, i + 1)
        if i >= 0 and (best is None or i < best[0] or (i == best[0] and i + len(v) > best[1])):
            best = (i, i + len(v))
    return best


# a verb used as an attribute ("完成的任务") or after a word that denies or reports it ("难以完成")
_ATTRIBUTIVE = re.compile(r"的|了(?![\u4e00-\u9fff])")
# a completion verb followed by 后 dates the next action ("建成后实行…", "完成后移交")
_TIME_CLAUSE = re.compile(r"(?:之|以)?后(?!续|期|备|方|台|勤)")
_NOT_DONE = re.compile(r"(?:难以|无法|未能|尚未|不能|没有|难|未|已|已经)$")


_VAGUE_OBJECT = re.compile(
    r"(力度|水平|能力|效能|氛围|质量|成效|成果|作用|意识|活力|动能|征程|篇章|局面|新时代|新阶段|新格局|阶段|时期|键”?)$"
)


def _concrete_object(obj: str) -> bool:
    obj = obj.strip()
    if len(obj) < 2 or _VAGUE_OBJECT.search(obj):
        return False
    if _GENERIC.search(obj) and not re.search(r"年度目标|年度任务|指标任务", obj):
        return False
    return True


def _event_at_end(text: str) -> int | None:
    """Where a completion noun closes ``text`` (after trailing 工作/任务/建设 words), else None."""
    t = text.rstrip()
    for _ in range(2):
        for tail in _TRAILING:
            if t.endswith(tail) and len(t) > len(tail) + 2 and not any(t.endswith(ev) for ev in _EVENT_NOUNS):
                t = t[: -len(tail)]
                break
    for ev in _EVENT_NOUNS:
        if t.endswith(ev) and len(t) > len(ev) + 1:
            return len(t) - len(ev)
    m = _PASS_REVIEW.search(t)
    if m and m.start() > 1:
        return m.start()
    return None


# a generic gap in a road network, not its name ("打通断头路", "打通最后一公里")
_ROAD_GAP = re.compile(r"(?:断头路|堵点|卡点|瓶颈|最后一公里|微循环)$")
# the authority that grants an approval ("获得省政府批复", "取得市发改委批复"): part of the event
_APPROVAL_BY = re.compile(r"(?:获得|取得|报请|通过)[^，。；、]{0,8}$")
_APPROVAL = ("批复", "获批", "审批")


def _approved_plan(obj: str, event: str) -> bool:
    """ "开发区扩区方案年内获得省政府批复": a plan of a named scope approved is a milestone,
    "推进方案批复" (no scope) is not."""
    if not event.startswith(_APPROVAL):
        return False
    obj = _APPROVAL_BY.sub("", obj)
    obj = re.sub("^(?:" + "|".join(FIRM + ASPIRATIONAL) + ")", "", obj)
    obj = re.sub("^(?:推进|推动|加快|做好|抓好|落实|争取)", "", obj)
    m = _DELIVERABLE.search(obj)
    return bool(m) and m.start() >= 4


# words that watch over or push an event along rather than deliver it
_FOLLOW_UP = re.compile(r"(?:跟踪|跟进|督促|督办|服务|保障)$")


# passing a named review or assessment is a completion: "X景区年底前通过国家4A级…景观质量评审"
_LEVEL = re.compile(r"国家|[省市区县]级")
# a registration or certificate granted by a named authority counts the same way
# ("X番茄年内通过国家农产品地理标志登记", "通过省级审定")
_PASS_REVIEW = re.compile(
    r"通过[^，。；、]{2,30}?(?:评审|复核|评估|认定|审查|评定|鉴定|认证|考核验收|登记|注册|审定|备案)$"
)


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the 、-separated items after ``start`` (brackets and quotes respected)."""
    items = []
    depth = 0
    s = start
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "(（《“":
            depth += 1
        elif ch in ")）》”":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            items.append((s, i))
            s = i + 1
    items.append((s, len(text)))
    return [(a, b) for a, b in items if b > a]


_TOPIC_DROP = re.compile(
    "|".join(sorted(FIRM + ASPIRATIONAL + _STRONG_VERBS + _OBJECT_VERBS + _SPLIT_VERBS, key=len, reverse=True))
    + r"|年内|年底前|年底|全年|今年|\d+月底前?|持续|继续|积极|全力|加快|有序|稳步|扎实|进一步|同时|并|累计|再"
)


def _topic(clause: str, q: Quantity | None) -> str:
    """A short noun phrase for what is measured or delivered (free text, not scored)."""
    t = clause
    if q is not None:
        after = clause[q.end :].strip("，,、。 ")
        before = clause[: q.start - 0]
        before = re.sub(r"(约|不少于|不低于|达到|提高到|累计达|达|超过|以上)$", "", before)
        t = before if len(_TOPIC_DROP.sub("", before)) >= 2 else after
        if re.match(r"^[\u4e00-\u9fff“]", after) and len(_TOPIC_DROP.sub("", before)) < 4:
            t = after
    t = _TOPIC_DROP.sub("", t)
    t = re.sub(r"[\s“”《》「」()（）,，。；:：]", "", t)
    t = re.sub(r"^(的|对|在|将|把|为|要)", "", t)
    t = re.sub(r"(工作|任务|目标|的)$", "", t)
    return t[:30]
