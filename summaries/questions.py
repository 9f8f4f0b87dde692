"""Draft questions (询问要点) a deputy can put to the government about a pledge.

Built from the facts only — the pledge as written, the report that made it, the later
report's figure or quote — never from a template that guesses. Fulfilled and pending pledges
get none.

    >>> draft_question(pledge)  # doctest: +SKIP
    '2022年7月半年工作报告承诺年内完成35台加梯任务，2023年1月年度工作报告显示竣工20台，
     为目标的57%，请说明未完成原因及后续安排。'
"""

from __future__ import annotations

import re

from reports.models import ReportKind
from tracker.models import Comparator, PledgeKind, Reason, Status, Strength

MAX_PLEDGE_CHARS = 80
MAX_QUOTE_CHARS = 60
# Verbs a later report puts before an achieved figure ("竣工20台"); the pledge's own verb otherwise.
ACHIEVED_VERBS = (
    "竣工",
    "完成",
    "建成",
    "开工",
    "签约",
    "新增",
    "新建",
    "实现",
    "达到",
    "改造",
    "拆除",
    "引进",
    "吸引",
    "落实",
    "交付",
    "提供",
    "开展",
    "培训",
    "安置",
    "帮扶",
    "受理",
    "办结",
    "整治",
    "处置",
    "减量",
)

_KIND_SHORT = {ReportKind.HALF_YEAR: "半年工作报告", ReportKind.ANNUAL: "年度工作报告"}
_TRAILING = "。；;，,、 \n"


def report_label(report) -> str:
    """'2022年7月半年工作报告': when and which report, the way a deputy would cite it."""
    d = report.delivered_on
    return f"{d.year}年{d.month}月{_KIND_SHORT.get(report.kind, '工作报告')}"


def format_quantity(value: float | None, unit: str = "") -> str:
    """20000.0, '平方米' → '2万平方米'; 35.0, '台' → '35台'; 91.25, '%' → '91.25%'."""
    if value is None:
        return ""
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size and unit != "%":
            return f"{_plain(value / size)}{word}{unit}"
    return f"{_plain(value)}{unit}"


def _plain(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()).strip(_TRAILING)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def promised_text(pledge) -> str:
    """The pledge as promised, with its deadline words where the quote leaves them out."""
    text = _clip(pledge.text, MAX_PLEDGE_CHARS)
    if pledge.deadline_text and pledge.deadline_text not in text:
        text = f"{pledge.deadline_text}{text}"
    return text


def achieved_text(pledge) -> str:
    """'竣工20台': the later report's verb before its figure, else the figure alone."""
    quantity = format_quantity(pledge.achieved_value, pledge.unit)
    quote = pledge.evidence.quote if pledge.evidence else ""
    number = _plain(pledge.achieved_value) if pledge.achieved_value is not None else ""
    verb = ""
    if number:
        # The verb closest before the figure, within the same clause: "全年竣工加装电梯20台" → 竣工.
        m = re.search(rf"({'|'.join(ACHIEVED_VERBS)})[^，。；、,;0-9]{{0,10}}?{re.escape(number)}", quote)
        if m:
            verb = m.group(1)
    if not verb:
        verb = next((v for v in ACHIEVED_VERBS if v in pledge.text), "完成")
    return f"{verb}{quantity}"


def ratio_text(pledge) -> str:
    ratio = pledge.ratio()
    if ratio is None or pledge.comparator == Comparator.AT_MOST:
        return ""
    return f"{round(100 * ratio)}%"


def draft_question(pledge) -> str | None:
    """The question for a missed or partial pledge; None for fulfilled and pending ones."""
    if pledge.status not in (Status.MISSED, Status.PARTIAL):
        return None
    said = f"{report_label(pledge.report)}承诺{promised_text(pledge)}"
    evidence = pledge.evidence
    later = f"{report_label(evidence.report)}" if evidence else "此后的工作报告"
    quote = f"“{_clip(evidence.quote, MAX_QUOTE_CHARS)}”" if evidence and evidence.quote else ""
    reason = pledge.status_reason
    quantitative = pledge.kind == PledgeKind.QUANTITATIVE and pledge.achieved_value is not None

    if pledge.status == Status.MISSED and (reason == Reason.NOT_REPORTED or not evidence):
        body = f"{said}，{later}未提及该项进展，请说明完成情况；如未完成，请说明原因及后续安排。"
    elif reason == Reason.CANCELLED:
        body = f"{said}，{later}显示该事项已取消{('（' + quote + '）') if quote else ''}，请说明取消的原因、决策过程及替代安排。"
    elif reason == Reason.DELAYED:
        progress = f"显示{quote}，" if quote else "显示该事项延期，"
        body = f"{said}，{later}{progress}请说明延期原因、目前进度及调整后的完成时限。"
    elif quantitative and pledge.achieved_value:
        ratio = ratio_text(pledge)
        share = f"，为目标的{ratio}" if ratio else ""
        body = f"{said}，{later}显示{achieved_text(pledge)}{share}，请说明未完成原因及后续安排。"
    elif pledge.status == Status.PARTIAL:
        shown = f"显示{quote}，" if quote else "显示仅部分完成，"
        body = f"{said}，{later}{shown}请说明尚未完成部分的进度安排及完成时限。"
    else:
        shown = f"显示{quote}，" if quote else "显示未完成，"
        body = f"{said}，{later}{shown}请说明未完成原因及后续安排。"

    extra = []
    if pledge.strength == Strength.FIRM:
        extra.append("该项为“确保”类承诺，请一并说明责任落实情况。")
    earlier = pledge.carried_from if pledge.carried_from_id else None
    if earlier is not None and earlier_unfulfilled(pledge):
        extra.append(
            f"此前{report_label(earlier.report)}已作同一承诺，结果为{Status(earlier.status).label}，"
            "此次再次承诺仍未完成，请说明连续两次承诺仍未兑现的原因。"
        )
    elif earlier is not None and earlier.status == Status.PENDING:
        extra.append(f"此前{report_label(earlier.report)}已作同一承诺，请一并说明前次承诺的完成情况。")
    # An earlier self that was fulfilled makes this a continuing task: nothing more to ask.
    return body + "".join(extra)


def earlier_unfulfilled(pledge) -> bool:
    """True when the pledge promises again what an earlier report promised and did not fulfil."""
    earlier = pledge.carried_from if pledge.carried_from_id else None
    return earlier is not None and earlier.status in (Status.MISSED, Status.PARTIAL)
