"""Quantities in report text: numerals, magnitude words, canonical units, identifiers that are not targets.

    >>> q = parse_quantity("2万㎡"); (q.value, q.unit, q.raw)
    (20000.0, '平方米', '2万㎡')
    >>> [q.value for q in find_quantities("新增外资企业60家，新增合同吸引外资2.7亿美元")]
    [60.0, 270000000.0]
    >>> find_quantities("推进21号线六陈路车辆段综合开发，优化15分钟服务圈")
    []

Chinese numerals are read by cn2an in smart mode, one numeral token at a time ("两万",
"三十五", "九十一点二"); its whole-text transform is never used ("一网统管" would become
"1网统管"). A quantity is a number followed by a unit from ``UNITS``; a number without a unit
is never a target. Numbers inside names and identifiers are skipped by the rules of
``_is_identifier`` (parcel codes 04-01/C05-19/I-I-7, 21号线, 12345热线, "2+4+24", 第二十届,
114周年, 15分钟服务圈, 三件套 in quotes, 1平方公里09-02, footnote markers ①⑩, size classes
5万吨级, programme names 三项工程 / 十件民生实事, allocations "每项任务明确一名…、一个…" ...).

Also read: full-width digits ("３万头", value_raw keeps them), 余/多 between number and unit
("2300余个", comparator >=), tenths ("七成" → 70 %), rural measure words (头 担 盏 口 眼, after
Arabic digits only), 期 as sessions of a course ("培训12期", elsewhere 二期 is a phase).
The outline of a speech ("以下六个方面") is never a target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["Quantity", "parse_number", "parse_quantity", "find_quantities", "convert", "canonical_unit", "UNITS"]


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # canonical unit ("平方米", "元", "%", "台" ...)
    raw: str  # number and unit as written, with 约 / 以上 / 左右 when they touch it ("约20张", "72%以上")
    start: int  # offsets of ``raw`` in the searched string
    end: int
    comparator: str = ""  # hint from the words around it: "~", ">=", "<=" or "" (none stated)
    number_start: int = 0  # offsets of the numeral itself
    number_end: int = 0


# unit as written -> (canonical unit, factor). Longest spellings are tried first.
_UNIT_TABLE: dict[str, tuple[str, float]] = {
    # money: magnitude folded into the value
    "亿美元": ("美元", 1e8),
    "万美元": ("美元", 1e4),
    "美元": ("美元", 1),
    "亿元": ("元", 1e8),
    "千万元": ("元", 1e7),
    "百万元": ("元", 1e6),
    "万元": ("元", 1e4),
    "元": ("元", 1),
    # price per area
    "元/平方米": ("元/平方米", 1),
    "元/㎡": ("元/平方米", 1),
    "元/m²": ("元/平方米", 1),
    "元/m2": ("元/平方米", 1),
    "元/平米": ("元/平方米", 1),
    # area
    "万平方米": ("平方米", 1e4),
    "万㎡": ("平方米", 1e4),
    "万平米": ("平方米", 1e4),
    "万m²": ("平方米", 1e4),
    "平方米": ("平方米", 1),
    "㎡": ("平方米", 1),
    "m²": ("平方米", 1),
    "m2": ("平方米", 1),
    "平米": ("平方米", 1),
    "平方公里": ("平方公里", 1),
    "公顷": ("公顷", 1),
    "万亩": ("亩", 1e4),
    "亩": ("亩", 1),
    # length, mass, volume
    "公里": ("公里", 1),
    "千米": ("公里", 1),
    "米": ("米", 1),
    "吨": ("吨", 1),
    "万吨": ("吨", 1e4),
    "立方米": ("立方米", 1),
    "微克/立方米": ("微克/立方米", 1),
    "毫克/立方米": ("毫克/立方米", 1),
    # rates
    "%": ("%", 1),
    "％": ("%", 1),
    "‰": ("‰", 1),
    "个百分点": ("个百分点", 1),
    # time spans (kept as written)
    "个工作日": ("个工作日", 1),
    "工作日": ("个工作日", 1),
    "个月": ("个月", 1),
    "小时": ("小时", 1),
    "分钟": ("分钟", 1),
    "天": ("天", 1),
    # counts: measure words stay as written
    **{
        w: (w, 1)
        for w in (
            "万人次",
            "人次",
            "户次",
            "家次",
            "件次",
            "车次",
            "场次",
            "批次",
            "个门洞",
            "门洞",
            "人",
            "户",
            "个",
            "家",
            "台",
            "张",
            "部",
            "座",
            "条",
            "所",
            "处",
            "项",
            "场",
            "辆",
            "宗",
            "幢",
            "栋",
            "间",
            "套",
            "次",
            "批",
            "件",
            "名",
            "位",
            "只",
            "棵",
            "株",
            "块",
            "幅",
            "支",
            "篇",
            "份",
            "轮",
            "床",
            "倍",
            "千瓦",
            "兆瓦",
            "台套",
            "头",
            "担",
            "盏",
            "口",
            "眼",
            "起",
            "期",
            "届",
            "类",
            "级",
        )
    },
}
_UNIT_TABLE["万人次"] = ("人次", 1e4)
_UNIT_TABLE["万头"] = ("头", 1e4)
_UNIT_TABLE["万户"] = ("户", 1e4)
_UNIT_TABLE["万人"] = ("人", 1e4)
# "七成" is seventy per cent
_UNIT_TABLE["成"] = ("%", 10)
# measure words that are also ordinary words after a small Chinese numeral (两头, 一口, 一眼)
_ARABIC_ONLY_UNITS = frozenset({"头", "口", "眼", "担"})
# 成 after a numeral that is a word, not a share: 一成不变, 三成为, 九成功
_CHENG_NOT = re.compile(r"^成(?:为|了|功|果|效|本|员|绩|立|型|熟|品|交|就|长|都|不变|批|套|片)")
# units read as units but never targets by themselves: "二期", "第五届", "两级", "三类"
_NON_TARGET_UNITS = frozenset({"期", "届", "类", "级"})
UNITS = tuple(sorted(_UNIT_TABLE, key=len, reverse=True))

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# full-width digits of PDF captures ("２０２３", "３万头"); same length, so offsets hold
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_MAGNITUDE = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5}

_NUM = (
    r"(?P<num>"
    r"百分之[零〇一二两三四五六七八九十百点]+"
    # a magnitude word is part of the number unless it starts a unit of its own (万元, 亿美元, 万㎡, 万人次)
    r"|\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:千万|百万|十万|万|亿)(?!美元|元|平方米|平米|㎡|m²|m2|亩|吨|人次))?"
    r"|\d+(?:,\d{3})*(?:\.\d+)?"
    r"|[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿点]*"
    r")"
)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_QUANTITY = re.compile(
    rf"(?P<pre>约|大约|近|超过|逾)?{_NUM}(?P<mid>余|多)?\s?(?P<unit>{_UNIT_RE})?(?P<post>以上|左右|上下|以内|以下|多|余)?"
)

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# what follows a number+unit and makes the whole a name: 三个100, 三件套, 1平方公里09-02, 二次全会, 15分钟服务圈
_NAME_AFTER_UNIT = re.compile(r"^(?:\d|[A-Za-z]|[-－—+]|[" + _CIRCLED + r"]|[件套个张条]|会|全会|党代会|服务圈|圈|级)")
# one-character idioms with 一 (一批, 一张图, 一条龙, 一件事, 一次性 ...)
_YI_IDIOMS = (
    "一起",
    "一批",
    "一张图",
    "一张网",
    "一张蓝图",
    "一条龙",
    "一件事",
    "一次性",
    "一系列",
    "一揽子",
    "一站式",
    "一体",
    "一位",
    "一部分",
    "一项项",
    "一个个",
    "一件件",
    "一户一",
    "一人一",
    "一企一",
    "一点一",
    "一村一",
    "一楼一",
    "一案一",
    "一事一",
    "一次",
    "一名",
    "一条",
    "一张",
    "一件",
)
# round-the-clock and similar fixed expressions
_FIXED = ("24小时", "7×24", "7*24", "12345", "12355", "110", "119", "120")
# comparator words before the number (within a few characters) and right after it
_BEFORE_GE = ("不少于", "不低于", "至少", "达到", "超过", "突破", "提高到", "提升到", "增加到", "增至", "达", "以上")
_BEFORE_LE = ("不超过", "不高于", "控制在", "低于", "少于", "压缩到", "压缩至", "降至", "降到", "以内")
_BEFORE_ABOUT = ("约", "大约", "左右", "近")
_YUE_WORDS = "签预制节公合条契相邀"


def canonical_unit(unit: str) -> tuple[str, float]:
    """("万元") -> ("元", 10000.0); unknown units come back as written with factor 1."""
    return _UNIT_TABLE.get(unit.strip(), (unit.strip(), 1.0))


def parse_number(s: str) -> float | None:
    """ "2.7亿" -> 270000000.0, "两万" -> 20000.0, "三十五" -> 35.0, "1,200" -> 1200.0; None if not a number."""
    s = s.strip().translate(_FULLWIDTH).replace(",", "").replace(" ", "")
    if not s:
        return None
    if s.startswith("百分之"):
        return parse_number(s[3:])
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(千万|百万|十万|万|亿)?", s)
    if m:
        try:
            value = Decimal(m.group(1)) * Decimal(int(_MAGNITUDE.get(m.group(2), 1)))
        except InvalidOperation:
            return None
        return float(value)
    if all(ch in _CN_DIGITS + "点" for ch in s):
        if set(s) <= {"零", "〇"} or s[0] in "万亿点" or s[-1] == "点":
            return None
        try:
            import cn2an

            return float(cn2an.cn2an(s, "smart"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    return None


def parse_quantity(s: str) -> Quantity | None:
    """The single quantity that ``s`` is ("2万㎡", "35台", "约20张", "91.2%", "三十五台"), else None."""
    s = s.strip()
    m = _QUANTITY.fullmatch(s)
    if not m or not m.group("unit"):
        return None
    if _is_identifier(s, m) and m.group("unit") in ("成", *_ARABIC_ONLY_UNITS):
        return None
    return _build(m, s, 0)


def find_quantities(sentence: str, *, targets_only: bool = True) -> list[Quantity]:
    """Quantities of ``sentence`` in order, skipping numbers that belong to names and identifiers.

    With ``targets_only`` (the default) units that only count editions or levels (二期, 第五届,
    两级) are left out too. Baselines and history are the caller's business (see ``pledges``).
    """
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(sentence):
        if not m.group("unit"):
            continue
        if _is_identifier(sentence, m):
            continue
        q = _build(m, sentence, 0)
        if q is None:
            continue
        if targets_only and m.group("unit") in _NON_TARGET_UNITS and not _counted_sessions(sentence, m):
            continue
        if targets_only and _speech_outline(sentence, m):
            continue
        out.append(q)
    return out


# what is run in sessions: "开展技能培训12期", "举办讲座6期"; elsewhere 期 is a phase (二期项目)
_SESSIONS = re.compile(r"(培训|培训班|讲座|讲堂|课堂|夜校|沙龙|训练营|研修班|学习班|专题班|活动)[^，。；、]{0,4}$")


def _counted_sessions(text: str, m: re.Match) -> bool:
    """ "培训12期": 期 counts sessions when it closes its phrase after a course word."""
    if m.group("unit") != "期":
        return False
    after = text[m.end() :]
    return (not after[:1] or after[:1] in "，。；,;、）)" or after.startswith(("以上", "左右"))) and bool(
        _SESSIONS.search(text[: m.start()])
    )


def _speech_outline(text: str, m: re.Match) -> bool:
    """ "重点抓好以下六个方面工作", "做好三件大事": the outline of the speech, not a target."""
    after = text[m.end("unit") :]
    before = text[max(0, m.start("num") - 2) : m.start("num")]
    return after.startswith(("方面", "大方面", "件大事", "项重点")) or before.endswith("以下")


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """Convert between units of one dimension: convert(148.35, "亩", "公顷") -> 9.89; None if impossible.

    15 亩 = 1 公顷 (the genre's convention), 1 公顷 = 10000 平方米, 1 平方公里 = 100 公顷;
    magnitude spellings are accepted on both sides ("万平方米", "万元", "亿美元").
    """
    fu, ff = canonical_unit(from_unit)
    tu, tf = canonical_unit(to_unit)
    value = value * ff
    area = {"平方米": 1.0, "公顷": 10000.0, "亩": 10000.0 / 15, "平方公里": 1e6}
    length = {"米": 1.0, "公里": 1000.0}
    if fu == tu:
        result = value
    elif fu in area and tu in area:
        result = value * area[fu] / area[tu]
    elif fu in length and tu in length:
        result = value * length[fu] / length[tu]
    elif {fu, tu} == {"个门洞", "门洞"}:
        result = value
    else:
        return None
    return round(result / tf, 6)


def _build(m: re.Match, text: str, base: int) -> Quantity | None:
    num = m.group("num")
    unit_written = m.group("unit")
    value = parse_number(num)
    if value is None:
        return None
    unit, factor = canonical_unit(unit_written)
    if num.startswith("百分之"):
        unit, factor = "%", 1.0
    value = float(Decimal(str(value)) * Decimal(str(factor)))
    pre, post = m.group("pre") or "", m.group("post") or ""
    if pre == "约" and text[m.start() - 1 : m.start()] and text[m.start() - 1] in _YUE_WORDS:
        pre = ""  # "签约60台": the 约 belongs to 签约
    comparator = _comparator(text, m)
    if post in ("多", "余"):
        post = ""
    raw_start = m.start("pre") if pre in ("约", "大约") else m.start("num")
    raw_end = m.end("post") if post in ("以上", "左右", "以内", "以下", "上下") else m.end("unit")
    if m.group("mid") and not pre and comparator == "":
        comparator = ">="  # "2300余个": more than
    return Quantity(
        value=value,
        unit=unit,
        raw=text[raw_start:raw_end],
        start=base + raw_start,
        end=base + raw_end,
        comparator=comparator,
        number_start=base + m.start("num"),
        number_end=base + m.end("num"),
    )


def _comparator(text: str, m: re.Match) -> str:
    post = m.group("post") or ""
    pre = m.group("pre") or ""
    if pre == "约" and m.start() > 0 and text[m.start() - 1] in _YUE_WORDS:
        pre = ""
    if post in ("左右", "上下") or pre in ("约", "大约", "近"):
        return "~"
    if post in ("以内", "以下"):
        return "<="
    if post == "以上" or pre in ("超过", "逾"):
        return ">="
    before = text[max(0, m.start() - 6) : m.start()].rstrip()
    # the longest comparator word that ends right before the number decides ("不少于" is not "少于")
    best, best_len = "", 0
    for words, comp in ((_BEFORE_GE, ">="), (_BEFORE_LE, "<="), (_BEFORE_ABOUT, "~")):
        for w in words:
            if w == "约" and before[-2:-1] in _YUE_WORDS:
                continue  # 签约, 预约, 制约: not "about"
            if before.endswith(w) and len(w) > best_len:
                best, best_len = comp, len(w)
    return best


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a short “…” or 《…》 pair (a name)."""
    for left, right in (("“", "”"), ("《", "》"), ('"', '"'), ("「", "」")):
        open_at = text.rfind(left, max(0, pos - 20), pos)
        if open_at < 0:
            continue
        if left == right:
            if text.count(left, 0, pos) % 2 == 1:
                return True
            continue
        close_before = text.rfind(right, open_at, pos)
        if close_before >= 0:
            continue
        close_at = text.find(right, pos, pos + 30)
        if close_at >= 0:
            return True
    return False


# what a small Chinese-numeral count names when it is a programme: 三项工程, 十件民生实事, 两个行动
_PROGRAMME = re.compile(r"(?:民生|重点|重大|惠民|攻坚)?(?:工程|实事|行动|举措|战略|工作法|清单)")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")
# measure words of an allocation "一名领导、一个科室、一张表"
_ALLOCATION = re.compile(r"一(?:名|个|位|张|套|支|本|份|块|条|项)")


# what "一支" describes when it praises a body of people rather than counting it
_FIGURE_OF_SPEECH = re.compile(r"[^，,；;。！？!?：:\d]{0,24}?(?:队伍|铁军|力量|生力军|主力军)(?![\u4e00-\u9fff])")


def _per_unit_allocation(text: str, pos: int) -> bool:
    """Whether the 一 at ``pos`` allocates per unit ("每个村配一名…") or is one of a slogan triad
    ("一名领导牵头、一个科室主责、一张时间表推进"): an arrangement of the work, not a target."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, pos)]
    start = breaks[-1] if breaks else 0
    end_m = _CLAUSE_BREAK.search(text, pos)
    clause = text[start : end_m.start() if end_m else len(text)]
    if "每" in text[start:pos]:
        return True
    items = [it for it in clause.split("、") if it]
    return len(items) >= 3 and sum(1 for it in items if _ALLOCATION.search(it)) >= 3


def _is_identifier(text: str, m: re.Match) -> bool:
    ns, ne = m.start("num"), m.end("num")
    unit_end = m.end("unit")
    num = m.group("num")
    unit = m.group("unit")
    before = text[ns - 1] if ns > 0 else ""
    before2 = text[max(0, ns - 2) : ns]
    after = text[unit_end:]
    # codes: C05-19, 04-01, I-I-7, A08A-01, "2+4+24", 3A, 3.0版
    if before and (before.isascii() and (before.isalnum() or before in "-+.·/_") or before in "－—‐·"):
        return True
    if before2.rstrip() and before2.rstrip()[-1:] in ("-", "－"):
        return True
    between = text[ne : m.start("unit")]
    if between.strip() and between.strip()[0] in "-－+.":
        return True
    if (
        text[ne : ne + 1] in ("-", "－", "+", "×", "*", "/", ":", "：", "—")
        and text[ne : ne + 1]
        or (text[ne : ne + 1].isascii() and text[ne : ne + 1].isalpha())
    ):
        return True
    # ordinals: 第二十届, 第五轮, 第八季
    if before == "第" or text[max(0, ns - 2) : ns] in ("第 ",):
        return True
    # a year, a month, a date: 2021年, 9月, 25日 (units never include 年/月/日, but 2021-2022年度 has a dash)
    # names after the unit: 21号线, 114周年, 1号桥, 三件套, 1平方公里09-02, 三个100⑩, 二次全会
    if _NAME_AFTER_UNIT.match(after) and not re.match(r"\d{1,2}\s?[月日]|\d{4}\s?年", after):
        return True  # "2所10月前投入使用" is a count followed by a date, not a code
    # durations that name a service radius: 15分钟服务圈 / 15 分钟核酸采样圈
    if unit in ("分钟", "小时") and "圈" in text[unit_end : unit_end + 8]:
        return True
    if any(text.startswith(f, ns) for f in _FIXED) and unit in ("小时", None):
        return True
    if unit in _ARABIC_ONLY_UNITS and not num.translate(_FULLWIDTH)[:1].isdigit():
        return True  # 两头, 一口气: words, not counts
    if unit == "成":
        if _CHENG_NOT.match(text[m.start("unit") :]) or len(num.translate(_FULLWIDTH)) > 2 or "." in num:
            return True
        if m.group("mid"):
            return True
    # footnote marker right after the number or unit
    if any(c and c in _CIRCLED for c in (text[ne : ne + 1], text[unit_end : unit_end + 1])):
        return True
    # names in quotes or book titles: “三件套”, “15分钟服务圈”, 《…2035年…》
    if _inside_quotes(text, ns):
        return True
    if num[0] in _CN_DIGITS:
        # Chinese numerals glued to words: 一批, 一张图, 一户一档, 三位一体, 十四五
        if num == "一" or num.startswith("一"):
            if any(text.startswith(idiom, ns) for idiom in _YI_IDIOMS):
                return True
            if text[max(0, ns - 2) : ns] == "最后":
                return True  # "打通服务群众最后一公里", "最后一米": an idiom of reach, no distance
        if after[:1] and after[:1] in _CN_DIGITS and after[:1] not in "万亿":
            return True  # 一户一档, 一点一特色
        if before and before in _CN_DIGITS + "两":
            return True
        if num == "一" and before in ("新", "每", "逐", "统", "唯", "第", "同"):
            return True  # 新一轮, 每一个, 逐一, 统一, 同一
        if unit == "次" and num in ("一", "二", "两", "再") and "\u4e00" <= after[:1] <= "\u9fff":
            return True  # 二次招商, 一次性: an adjective, not a count
        if unit in ("项", "件", "个") and _PROGRAMME.match(after):
            return True  # 三项工程, 十件民生实事, 两个行动: the name of a programme, not a count
        if num == "一" and unit == "支" and _FIGURE_OF_SPEECH.match(text, unit_end):
            return True  # "锻造一支忠诚干净担当的干部队伍": a quality of the force, not a count
        if num == "一" and _per_unit_allocation(text, ns):
            return True  # "每项任务明确一名领导牵头、一个科室主责": how the work is organised
        if unit in ("位", "项", "级", "类", "体") and num in ("三", "一", "两", "二", "四", "五"):
            nxt = after[:2]
            if nxt.startswith(("一体", "协同", "合一", "联动")):
                return True
    return False
