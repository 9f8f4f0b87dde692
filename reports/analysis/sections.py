"""The parts of a government work report: header, review, plan, closing, glossary.

    >>> [s.kind for s in split_sections("政府工作报告\\n\\n上半年工作回顾\\n\\n完成X。\\n\\n下半年工作安排\\n\\n完成Y。")]
    ['header', 'review', 'plan']

Where the plan part is found, by the forms of the genre:

- a half-year report's separate section under a heading like 下半年工作安排 / 工作打算 /
  工作要点 / 主要工作安排 / 关于下半年政府工作安排, numbered ("二、", "## 二、") or not;
- an annual report's plan section: 2023年工作安排, 今年工作任务, 对今年政府工作的建议,
  今年发展主要预期目标, 2023年主要工作 (a "YYYY年主要工作" heading is the plan when a review
  heading came before it, the review otherwise);
- forward-looking paragraphs embedded in the review, the district style: a paragraph (or
  the tail of one) that starts "下半年，我们将…" / "下一步，…" / "下阶段，…" becomes a plan
  section of its own inside the review.

Also a heading that opens with the coming period ("下半年重点抓好以下工作", "下步工作打算")
is the plan; headings are read with full-width digits and Chinese-numeral years folded
("２０２４年工作安排", "二〇二四年工作安排"). Everything after the salutation paragraph
("…请予审议") is review until a heading says otherwise, also where the first recognised
heading is a later review part ("三、存在的问题") after topics with unnamed headings.

The closing address starts at the first paragraph, after the plan part has begun, that
opens with "各位代表" / "同志们" or repeats the report's own opening salutation
("主任、各位副主任、秘书长、各位委员" at a standing-committee meeting); the glossary at
名词解释 / 附件 / 注释. Review, closing and glossary yield no pledges. Sections cover the
whole text, in order, without gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Section", "split_sections", "split_passages", "subheadings", "paragraphs"]


@dataclass(frozen=True)
class Section:
    kind: str  # "header" | "review" | "plan" | "closing" | "glossary"
    start: int
    end: int
    heading: str  # the heading line as written ("" if none)


_HEADING_MAX = 40
_DECOR = re.compile(r"^[\s#*【\[]*|[\s*】\]:：]*$")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]+部分)\s*"
)
_PLAN_HEAD = re.compile(
    r"(下半年|下一阶段|下阶段|今后|明年|今年|本年度?|新的一年|20\d\d\s*年?(?:下半年)?)"
    r".{0,12}?(工作安排|工作打算|工作要点|工作计划|工作思路|工作任务|主要任务|重点任务|重点工作|主要工作|"
    r"工作建议|的建议|预期目标|目标任务|工作部署|工作重点|工作举措|工作措施|努力方向)"
)
_PLAN_HEAD_PLAIN = re.compile(r"^(?:关于)?(?:政府)?(?:下半年|今后)?(?:主要)?(?:工作安排|工作打算|工作要点|工作任务)$")
_REVIEW_HEAD = re.compile(
    r"(工作回顾|工作情况|工作总结|完成情况|执行情况|过去一年|过去五年|五年来|去年工作|存在的(?:主要)?问题|存在问题|存在不足|问题和不足|"
    r"主要问题|困难和问题)"
)
# a heading that opens with the coming period is the plan whatever follows ("下半年重点抓好以下工作")
_PLAN_LEAD = re.compile(r"^(?:关于)?(?:20\d\d年)?(?:下半年|下一步|下步|下阶段|下一阶段|明年)(?!以来)")
# a year written in Chinese numerals ("二〇二四年工作安排"), read as digits (same length)
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_CN_YEAR_DIGIT = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_AMBIGUOUS_YEAR_WORK = re.compile(r"20\d\d\s*年(?:主要|重点)?工作$")
_GLOSSARY_HEAD = re.compile(r"^(?:名词解释|名词注释|注释|附件|附录|附：|附:|相关附件|附表)")
# the closing address repeats the opening salutation: 各位代表 at a congress, the standing
# committee's "主任、各位副主任、秘书长、各位委员" at a 人大常委会 meeting
_CLOSING = re.compile(r"^[\s*]*(?:各位代表|各位委员|同志们|(?:[^，,。：:]{0,6}主任、)?各位副主任)")
_SALUTATION = re.compile(r"^[\s*]*([^。！？，,\n]{2,40}?)[：:]\s*$")
# full-width digits as PDF captures write them ("２０２４年工作安排"), same length as ASCII
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# a forward-looking paragraph (or sentence) of the district style
_FORWARD = re.compile(
    r"(下半年|下一步|下步|下阶段|下一阶段|接下来|今后一个时期|明年)[，,：:]?\s*"
    r"(?:我们|(?:我|全|本)(?:镇|区|乡|县|市|街道)(?:上下)?|(?:镇|区|乡|县|市|街道)?政府|街道(?:办事处)?)?"
    r"(?:将|要|还将|还要|继续|重点|计划|拟)"
)
_FORWARD_NOT = re.compile(r"^(下半年以来|下一步发展)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block of non-blank lines; end excludes the trailing newline."""
    out = []
    for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t\u3000":
            s += 1
        out.append((s, e))
    return out


def _clean(line: str) -> str:
    line = line.replace("*", "").strip()
    line = re.sub(r"^#+\s*", "", line)
    return _DECOR.sub("", line).strip()


def _is_heading(line: str) -> bool:
    c = _clean(line)
    if not c or len(c) > _HEADING_MAX:
        return False
    return not re.search(r"[。！？；!?;]", c)  # a heading carries no full stop, a short sentence does


def _heading_kind(line: str, seen_review: bool, report_kind: str | None) -> str | None:
    line = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_YEAR_DIGIT), line.translate(_FULLWIDTH))
    c = _NUMBERING.sub("", _clean(line))
    c = re.sub(r"^[\s【\[]+|[\s】\]]+$", "", c)
    if not c:
        return None
    if _GLOSSARY_HEAD.match(c):
        return "glossary"
    if c.endswith(("报告", "报告（摘要）", "报告(摘要)")):
        return None  # the report's title ("周浦镇2022年上半年政府工作报告"), not a part
    if "上半年" in c and "下半年" not in c and re.search(r"工作|情况|回顾|总结", c):
        return "review"
    if _REVIEW_HEAD.search(c):
        return "review"
    if _AMBIGUOUS_YEAR_WORK.search(c):
        return "plan" if seen_review else "review"
    if _PLAN_HEAD.search(c) or _PLAN_HEAD_PLAIN.match(c) or _PLAN_LEAD.match(c):
        return "plan"
    return None


def split_sections(text: str, report_kind: str | None = None) -> list[Section]:
    """Cover ``text`` with sections in order (see the module docstring for the forms found)."""
    paras = paragraphs(text)
    closing = _closing_pattern(text, paras)
    # 1. top-level boundaries from heading lines
    marks: list[tuple[int, str, str]] = []  # (offset, kind, heading)
    seen_review = seen_plan = in_closing = False
    for s, e in paras:
        first_line = text[s:e].split("\n", 1)[0]
        kind = _heading_kind(first_line, seen_review, report_kind) if _is_heading(first_line) else None
        if kind:
            if kind == "review" and seen_plan and not in_closing:
                # "存在的问题" between review and plan is review; after the plan it is a new review
                pass
            if kind == "plan":
                seen_plan = True
                in_closing = False
            if kind == "review":
                seen_review = True
            if kind == "glossary":
                in_closing = False
            if not marks or marks[-1][1] != kind or kind == "plan":
                marks.append((s, kind, first_line.strip()))
            continue
        if seen_plan and marks and marks[-1][1] == "plan" and closing.match(text[s:e]):
            marks.append((s, "closing", ""))
            in_closing = True
    # 2. the header runs up to the first mark; with no review heading the body after the
    #    salutation paragraph ("现在，我代表…请予审议") is review, also where the first
    #    recognised heading is a later review part ("三、存在的问题") after unnamed topics
    first = marks[0][0] if marks else len(text)
    body_start = _body_start(text, paras, first)
    if body_start is None and not marks and len(paras) > 1:
        body_start = paras[1][0]  # no structure at all: a title line, then the body
    if body_start is not None and body_start < first:
        marks.insert(0, (body_start, "review", ""))
    sections: list[Section] = []
    head_end = marks[0][0] if marks else len(text)
    if head_end > 0:
        sections.append(Section("header", 0, head_end, ""))
    for i, (s, kind, heading) in enumerate(marks):
        e = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        if sections and sections[-1].kind == kind and kind != "plan":
            prev = sections.pop()
            sections.append(Section(kind, prev.start, e, prev.heading))
        else:
            sections.append(Section(kind, s, e, heading))
    if not sections:
        return [Section("header", 0, len(text), "")]
    # 3. forward-looking passages embedded in review sections become plan sections
    out: list[Section] = []
    for sec in sections:
        if sec.kind == "review":
            out.extend(_split_embedded(text, sec, paras))
        else:
            out.append(sec)
    return out


def _closing_pattern(text: str, paras: list[tuple[int, int]]) -> re.Pattern:
    """The closing address: 各位代表 and the like, or the report's own opening salutation."""
    for s, e in paras[:12]:
        m = _SALUTATION.match(text[s:e])
        if m and re.search(r"各位|代表|委员|同志", m.group(1)):
            lead = re.split(r"[、，,]", m.group(1))[0]
            if len(lead) >= 2:
                return re.compile(r"^[\s*]*(?:" + re.escape(lead) + r"|" + _CLOSING.pattern[len(r"^[\s*]*") :] + r")")
    return _CLOSING


def _body_start(text: str, paras: list[tuple[int, int]], limit: int) -> int | None:
    """Where the body begins when no review heading is written: after the salutation paragraph."""
    for i, (s, e) in enumerate(paras):
        if s >= limit:
            return None
        p = text[s:e]
        if re.match(r"^[\s*]*(现在|受.{0,10}委托)[，,]?\s*我代表", p) or re.search(r"请予审议", p):
            return paras[i + 1][0] if i + 1 < len(paras) and paras[i + 1][0] < limit else None
    return None


def _split_embedded(text: str, sec: Section, paras: list[tuple[int, int]]) -> list[Section]:
    pieces: list[Section] = []
    cursor = sec.start
    heading = sec.heading
    for s, e in paras:
        if s < sec.start or e > sec.end:
            continue
        p = text[s:e]
        body = p.lstrip("*# ")
        offset = s + (len(p) - len(body))
        fwd_at = None
        if _FORWARD.match(body) and not _FORWARD_NOT.match(body):
            fwd_at = offset
        else:
            for m in re.finditer(r"[。！？；]", p):
                tail = p[m.end() :].lstrip("*# ")
                if _FORWARD.match(tail) and not _FORWARD_NOT.match(tail):
                    fwd_at = s + len(p) - len(tail)
                    break
        if fwd_at is None:
            continue
        if fwd_at > cursor:
            pieces.append(Section("review", cursor, fwd_at, heading if cursor == sec.start else ""))
        pieces.append(Section("plan", fwd_at, e, ""))
        cursor = e
    if not pieces:
        return [sec]
    if cursor < sec.end:
        if text[cursor : sec.end].strip():
            pieces.append(Section("review", cursor, sec.end, ""))
        else:  # only blank lines left: they belong to the last piece
            last = pieces.pop()
            pieces.append(Section(last.kind, last.start, sec.end, last.heading))
    return pieces


def split_passages(text: str, sections: list[Section]) -> list[tuple[int, int, int]]:
    """(section_index, start, end) of each non-empty paragraph, clipped to its section."""
    out = []
    paras = paragraphs(text)
    j = 0
    for si, sec in enumerate(sections):
        while j < len(paras) and paras[j][1] <= sec.start:
            j += 1
        k = j
        while k < len(paras) and paras[k][0] < sec.end:
            s, e = max(paras[k][0], sec.start), min(paras[k][1], sec.end)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((si, s, e))
            k += 1
    return out


def subheadings(text: str, section: Section) -> list[tuple[int, str]]:
    """Headings inside a section, in order: heading lines ("一、慎终如始，抓好…") and run-in
    numbered heads ("（一）扎实做好…。正文", "1、推动产业转型升级。正文") → [(offset, heading)]."""
    out = []
    for s, e in paragraphs(text[section.start : section.end]):
        s += section.start
        e += section.start
        line = text[s:e].split("\n", 1)[0]
        clean = line.replace("*", "").strip()
        if _is_heading(line):
            if clean and not _heading_kind(line, True, None):
                out.append((s, _clean(line)))
            continue
        if _NUMBERING.match(clean):
            head = re.split(r"[。！？；]", clean, maxsplit=1)[0]
            if len(head) <= 60:
                out.append((s, head))
    return out
