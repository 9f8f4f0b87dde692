"""Normalize extracted report text into the form that is stored and analysed.

``normalize`` is deterministic and idempotent: ``normalize(normalize(t)) == normalize(t)``.
Every offset downstream (parts, passages, pledge spans) refers to its output.

What it does, in order:

1. unify newlines; drop NUL, other control and zero-width characters; tabs and no-break
   spaces become plain spaces; strip leading indentation and trailing spaces of each line;
   CJK radical code points left by PDF text layers become the ideographs ("⼈⺠" → "人民");
2. remove markdown markers: ``**``/``__`` emphasis (also when they wrap a heading or span a
   line break) and ``#`` heading marks — "## 二、下半年工作安排" → "二、下半年工作安排";
3. drop page furniture of web and PDF captures: the "读屏专用 … 退出服务" accessibility bar,
   "高级搜索", breadcrumb lines ("当前位置:首页 > …"), "打印本页/关闭窗口" style footers and page
   numbers ("- 3 -", "第 3 页"); publication metadata lines (索引号, 发布机构, 发布时间, 来源) are
   KEPT, header detection reads them;
4. collapse runs of blank lines into one blank line (paragraphs are separated by one blank
   line; single newlines inside a block are kept);
5. rejoin a sentence that a PDF conversion broke across a blank line
   ("…建立疫情防\\n\\n控组织架构…" → "…建立疫情防控组织架构…"), never joining a heading
   (short lines without a full stop, numbered lines 一、 （一） 1、, "上半年工作回顾") to the
   next paragraph.

Full-width punctuation and numerals are left exactly as written.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "is_heading_like", "fix_radicals"]

# Sentence-final (or clause-final) punctuation: a line ending in one of these is complete.
FINAL_PUNCT = "。！？；：…”’」』）)!?;:．.>》】"
_INTERNAL_STOP = re.compile(r"[。！？；!?;]")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0/C1 control characters except \n and \t (the latter is turned into a space first).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile("[\t\u00a0\u2002\u2003\u2009\u200a\u202f\u205f]")

# PDF producers often map CJK glyphs back to radical code points (Chromium with Noto CJK gives
# "⻘⽲镇⼈⺠政府" for "青禾镇人民政府"). Kangxi radicals (U+2F00–2FD5) go through NFKC, with the
# simplified form where the SC glyph is shared; CJK Radicals Supplement through this table.
_RADICAL_SUPPLEMENT = dict(
    zip(
        "⺁⺟⺠⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
        "厂母民西见角贝车長长门雨青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
    )
)
_KANGXI_SIMPLIFIED = {"戶": "户", "靑": "青", "黃": "黄"}
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def _fix_radical(m: re.Match) -> str:
    c = m.group(0)
    if c in _RADICAL_SUPPLEMENT:
        return _RADICAL_SUPPLEMENT[c]
    if "\u2f00" <= c <= "\u2fdf":
        u = unicodedata.normalize("NFKC", c)
        return _KANGXI_SIMPLIFIED.get(u, u)
    return c


def fix_radicals(text: str) -> str:
    """ "⻘⽲镇⼈⺠政府" → "青禾镇人民政府"."""
    return _RADICALS.sub(_fix_radical, text)


_EMPHASIS = re.compile(r"\*{2,}|(?<![A-Za-z0-9])_{2,}(?![A-Za-z0-9])")
_ATX_HEADING = re.compile(r"^#{1,6}[ \u3000]+", re.M)

# --- page furniture -------------------------------------------------------------------
_A11Y_START = "读屏专用"
_A11Y_END = "退出服务"
_A11Y_WORDS = {
    "读屏专用",
    "声音开关",
    "语速",
    "阅读方式",
    "连读",
    "指读",
    "配色",
    "放大",
    "缩小",
    "鼠标样式",
    "十字线",
    "大字幕",
    "快捷方式",
    "重置",
    "固定",
    "说明",
    "退出服务",
    "无障碍",
    "关怀版",
    "长者模式",
}
_FURNITURE_LINES = [
    re.compile(r"^(高级搜索|站内搜索|搜索|请输入关键字|请输入关键词|全文检索)$"),
    re.compile(r"^(当前位置|您的位置|您现在的位置|你的位置|所在位置|当前栏目)\s*[:：]"),
    re.compile(r"^首页\s*[>＞»›]"),
    re.compile(r"^(【?打印(本页)?】?\s*)?(【?关闭(窗口|本页)?】?)$"),
    re.compile(
        r"^[【\[]?(打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享到?)[】\]]?(\s*[【\[]?(打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享到?)[】\]]?)*$"
    ),
    re.compile(r"^(字号|字体)\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?$"),
    re.compile(r"^扫一扫在手机(上)?打开当前页$"),
    re.compile(r"^(相关附件|相关稿件|相关链接|附件下载)\s*[:：]?\s*((相关附件|相关稿件|相关链接)\s*[:：]?\s*)*$"),
    # page numbers: "- 3 -", "— 3 —", "第 3 页", "第3页 共10页", "3 / 10", a bare "3"
    re.compile(r"^[-－—–]{1,2}\s*\d{1,4}\s*[-－—–]{1,2}$"),
    re.compile(r"^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"),
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),
    re.compile(r"^\d{1,3}$"),
]

# --- headings ---------------------------------------------------------------------------
_CN_NUM = "一二三四五六七八九十百零〇两"
NUMBERED = re.compile(
    rf"^(?:[{_CN_NUM}]+\s*[、.．]|[（(]\s*[{_CN_NUM}\d]+\s*[）)]|\d{{1,2}}\s*[、.．](?!\d)|"
    rf"[①-⑳]|第[{_CN_NUM}\d]+[章节部分条项篇]|【)"
)
_FAMILY_PAREN = re.compile(rf"^[（(]\s*[{_CN_NUM}]+\s*[）)]")
_FAMILY_CN = re.compile(rf"^[{_CN_NUM}]+\s*[、.．]")
_FAMILY_DIGIT = re.compile(r"^\d{1,2}\s*[、.．](?!\d)")
_NEXT_BLOCKS_JOIN = re.compile(r"^(——|--|各位代表|同志们|#)")
HEADING_MAX = 30
_METADATA = re.compile(r"(发布时间|发布日期|成文日期|索引号|发布机构|公开类别|来源)\s*[:：]?")


def normalize(text: str) -> str:
    """Return the stored form of a report text (see the module docstring).

    >>> normalize("**（一）建立疫情防**\\n\\n控组织架构。")
    '（一）建立疫情防控组织架构。'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\u2028\u2029\x0b\x0c\x85]", "\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = fix_radicals(text)
    text = _EMPHASIS.sub("", text)
    text = _ATX_HEADING.sub("", text)
    lines = [line.strip(" \u3000") for line in text.split("\n")]
    lines = _drop_furniture(lines)
    blocks = _blocks(lines)
    while True:  # to a fixpoint, so that normalize is idempotent
        joined = _rejoin_broken(blocks)
        if len(joined) == len(blocks):
            break
        blocks = joined
    return "\n\n".join("\n".join(b) for b in blocks)


def is_heading_like(line: str) -> bool:
    """A line that may stand alone as a heading, title, name or salutation.

    "上半年工作回顾", "一、聚焦经济发展", "（一）迎难而上，凝聚力量", "沈 敏" are; a line with a
    full stop inside ("（一）标题。正文…") or a long line is not.
    """
    line = line.strip()
    if not line:
        return False
    if _INTERNAL_STOP.search(line[:-1]):
        return False
    if NUMBERED.match(line):
        return len(line) <= 60
    return len(line) <= HEADING_MAX


def _drop_furniture(lines: list[str]) -> list[str]:
    out: list[str] = []
    in_a11y = False
    for line in lines:
        compact = line.replace(" ", "")
        if _A11Y_START in compact:
            # a whole bar on one line, or the first line of a bar spread over lines
            in_a11y = _A11Y_END not in compact
            continue
        if in_a11y:
            if _A11Y_END in compact:
                in_a11y = False
                continue
            if compact in _A11Y_WORDS or len(compact) <= 6:
                continue
            in_a11y = False  # not the bar after all: keep the line
        if compact and any(p.match(line) for p in _FURNITURE_LINES):
            continue
        out.append(line)
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _ends_open(line: str) -> bool:
    return bool(line) and line[-1] not in FINAL_PUNCT


def _unbalanced(line: str) -> bool:
    return (
        line.count("“") > line.count("”") or line.count("（") > line.count("）") or line.count("《") > line.count("》")
    )


def _run_in_families(blocks: list[list[str]]) -> set[str]:
    """Numbering families whose paragraphs mostly run their heading into the body text.

    In such a document ("（一）标题。正文……") a lone numbered line that ends without
    punctuation is a heading broken by the conversion, not a standalone heading.
    """
    stats: dict[str, list[int]] = {}
    for block in blocks:
        first = block[0]
        family = _family(first)
        if not family:
            continue
        stop = _INTERNAL_STOP.search(first[:-1])
        run_in = bool(stop) and len(first) - stop.end() > 5
        s = stats.setdefault(family, [0, 0])
        s[0 if run_in else 1] += 1
    return {f for f, (run_in, lone) in stats.items() if run_in >= 3 and run_in >= 3 * lone}


def _family(line: str) -> str | None:
    for name, pattern in (("paren", _FAMILY_PAREN), ("cn", _FAMILY_CN), ("digit", _FAMILY_DIGIT)):
        if pattern.match(line):
            return name
    return None


def _should_join(prev: list[str], nxt: list[str], run_in: set[str]) -> bool:
    last, first = prev[-1], nxt[0]
    if not _ends_open(last) or _NEXT_BLOCKS_JOIN.match(first) or NUMBERED.match(first) or _METADATA.search(last):
        return False
    if len(nxt) == 1 and is_heading_like(first) and _ends_open(first):
        return False  # the next block is itself a heading-like line
    if last[-1] in "，、“（《—-" or _unbalanced(last):
        return True
    if is_heading_like(last):
        family = _family(last)
        return bool(family and family in run_in and len(last) > 12)
    return True


def _rejoin_broken(blocks: list[list[str]]) -> list[list[str]]:
    if not blocks:
        return blocks
    run_in = _run_in_families(blocks)
    out = [list(blocks[0])]
    for block in blocks[1:]:
        prev = out[-1]
        if _should_join(prev, block, run_in):
            last, first = prev[-1], block[0]
            sep = " " if last[-1].isascii() and last[-1].isalpha() and first[0].isascii() and first[0].isalpha() else ""
            prev[-1] = last + sep + first
            prev.extend(block[1:])
        else:
            out.append(list(block))
    return out
