"""Turn an uploaded file (or pasted text) into plain report text.

``read_document(data, filename)`` reads .txt/.md (UTF-8, UTF-8 with BOM, UTF-16 with BOM,
GB18030/GBK), .html/.htm, .docx and .pdf and returns the text with paragraphs separated by
blank lines. It does not normalize: the caller stores ``normalize(read_document(...))``.
Anything it cannot read raises ``DocumentError`` whose ``str()`` is a Chinese message for
the user, e.g. "文件为空。" or "无法识别文件编码……请另存为 UTF-8 或 GB18030 编码后重新上传。".
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import PurePath

from .text import fix_radicals

__all__ = ["DocumentError", "read_document", "read_text_paste", "MIN_REPORT_CHARS", "SUPPORTED_SUFFIXES"]

MIN_REPORT_CHARS = 200  # Chinese characters, letters and digits; a real report has thousands
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


class DocumentError(ValueError):
    """A file or text that cannot be read as a report; ``str(e)`` is the message for the user."""


# Magic numbers of formats people upload by mistake (or under a wrong name).
_MAGIC = [
    (b"%PDF", "PDF 文件"),
    (b"PK\x03\x04", "ZIP 压缩包或 Office 文档"),
    (b"PK\x05\x06", "ZIP 压缩包"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文档（.doc/.xls）"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"RIFF", "音视频或图片文件"),
    (b"\x1f\x8b", "GZIP 压缩包"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x7fELF", "可执行程序"),
    (b"{\\rtf", "RTF 文档"),
]


def read_document(data: bytes, filename: str, max_bytes: int = 20 * 1024 * 1024) -> str:
    """Extract the text of an uploaded report.

    >>> read_document("各位代表：……".encode("gb18030") * 50, "报告.txt")[:5]
    '各位代表：'
    """
    suffix = PurePath(filename or "").suffix.lower()
    if not data or not data.strip(b" \t\r\n\x00"):
        raise DocumentError("文件为空，请选择包含报告正文的文件。")
    if len(data) > max_bytes:
        raise DocumentError(
            f"文件过大（{_size(len(data))}），上限为 {_size(max_bytes)}。请删除图片等附件后重新上传，或只上传报告正文。"
        )
    if suffix not in SUPPORTED_SUFFIXES:
        kind = _sniff(data)
        what = f"（看起来是{kind}）" if kind else ""
        raise DocumentError(
            f"不支持的文件类型“{suffix or '无扩展名'}”{what}。请上传 .txt、.md、.html、.docx 或 .pdf 文件。"
        )
    if suffix in (".txt", ".md"):
        text = _read_plain(data)
    elif suffix in (".html", ".htm"):
        text = _read_html(data)
    elif suffix == ".docx":
        text = _read_docx(data)
    else:
        text = _read_pdf(data)
    _check_length(text)
    return text


def read_text_paste(text: str, max_chars: int = 2_000_000) -> str:
    """The checks of ``read_document`` for text pasted into a form; returns the text."""
    if text is None or not text.strip():
        raise DocumentError("粘贴的内容为空，请粘贴报告全文。")
    if len(text) > max_chars:
        raise DocumentError(f"粘贴的内容过长（{len(text)} 字），上限为 {max_chars} 字。请只粘贴报告正文。")
    if text.count("\x00") or _control_share(text) > 0.02:
        raise DocumentError("粘贴的内容含有大量不可见的控制字符，不像是文字。请从原文档中复制正文后重新粘贴。")
    _check_length(text)
    return text


# --- plain text ---------------------------------------------------------------------------


def _read_plain(data: bytes) -> str:
    kind = _sniff(data)
    if kind:
        raise DocumentError(f"该文件看起来是{kind}，不是文本文件。请上传报告的 .txt、.docx 或 .pdf 原文件。")
    return decode_text(data)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK text.

    Raises DocumentError when none fits, or when the bytes are binary.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16")
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 27 or 27 < b < 32)
    if sample.count(b"\x00") > len(sample) // 100 or controls > len(sample) // 50:
        raise DocumentError("该文件含有大量二进制数据，不是文本文件。请上传报告的 .txt、.docx 或 .pdf 原文件。")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return text
    raise DocumentError(
        "无法识别文件编码：它既不是 UTF-8，也不是 GB18030/GBK 编码的中文文本。"
        "请用记事本或 WPS 打开后“另存为”UTF-8 或 GB18030 编码，再重新上传。"
    )


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"文件声明为 {encoding.upper()} 编码，但第 {exc.start} 字节处无法解码。请另存为 UTF-8 或 GB18030 后重新上传。"
        ) from None


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only if it reads as simplified Chinese.

    Big5, Shift-JIS or Latin-1 bytes decoded as GB18030 give rare characters outside GB2312
    and characters from the four-byte area; genuine GBK reports are nearly all GB2312.
    """
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    common = 0
    for c in non_ascii:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(non_ascii) >= 0.95 and _control_share(text) < 0.01


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return bad / len(text)


def _sniff(data: bytes) -> str | None:
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


# --- HTML -----------------------------------------------------------------------------------

_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "blockquote",
    "pre",
    "center",
    "form",
    "fieldset",
    "address",
    "figure",
    "figcaption",
    "hr",
    "title",
    "body",
    "html",
}
_DROP_TAGS = [
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "object",
    "head",
    "button",
    "select",
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


def _read_html(data: bytes) -> str:
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    kind = _sniff(data)
    if kind:
        raise DocumentError(f"该文件看起来是{kind}，不是网页文件。请上传报告的网页（.html）或其他原文件。")
    html = _decode_html(data)
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()

    out: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                out.append(_html_inline(str(child)))
            elif isinstance(child, Tag):
                name = child.name.lower()
                if name == "br":
                    out.append("\n")
                    continue
                block = name in _BLOCK_TAGS
                if block:
                    out.append("\n\n")
                if name in ("td", "th"):
                    out.append(" ")
                walk(child)
                if block:
                    out.append("\n\n")

    # the page title repeats the heading; keep only the body when there is one
    walk(soup.body or soup)
    text = "".join(out)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _html_inline(s: str) -> str:
    """Collapse HTML source whitespace; a line break between two Chinese characters is no space."""
    s = re.sub(rf"(?<=[{_CJK}])[ \t]*[\r\n]+[ \t]*(?=[{_CJK}])", "", s)
    return re.sub(r"[ \t\r\n\f]+", " ", s)


def _decode_html(data: bytes) -> str:
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = m.group(1).decode("ascii", "ignore").lower()
        if declared in ("gb2312", "gbk", "gb18030", "cp936"):
            declared = "gb18030"
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    return decode_text(data)


# --- DOCX -----------------------------------------------------------------------------------


def _read_docx(data: bytes) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError("这是旧版 Word 文档（.doc），暂不支持。请在 Word 或 WPS 中“另存为”.docx 后重新上传。")
    if not data.startswith(b"PK"):
        kind = _sniff(data)
        what = f"它看起来是{kind}" if kind else "它不是有效的 Word 文档"
        raise DocumentError(f"无法打开该 .docx 文件：{what}。请确认文件完整，或另存为 .docx 后重新上传。")
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(data))
        parts: list[str] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                parts.append(Paragraph(element, document).text)
            elif tag == "tbl":
                parts.extend(_docx_table_rows(Table(element, document)))
    except DocumentError:
        raise
    except Exception:  # zipfile.BadZipFile, KeyError, lxml errors, PackageNotFoundError …
        raise DocumentError(
            "无法打开该 .docx 文件：文件已损坏或不是 Word 文档。请在 Word 或 WPS 中重新保存后上传。"
        ) from None
    return "\n\n".join(p.strip() for p in parts if p.strip())


def _docx_table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            rows.append(" ".join(cells))
    return rows


# --- PDF ------------------------------------------------------------------------------------


def _read_pdf(data: bytes) -> str:
    if b"%PDF" not in data[:1024]:
        kind = _sniff(data)
        what = f"它看起来是{kind}" if kind else "它不是有效的 PDF 文件"
        raise DocumentError(f"无法打开该 PDF 文件：{what}。请确认文件完整后重新上传。")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings of valid files are noise
    try:
        pages = list(extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.3, char_margin=2.0)))
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise DocumentError("该 PDF 文件已加密，无法读取文字。请上传未加密的文件。") from None
    except Exception:  # PDFSyntaxError, PSEOF, struct/zlib errors of a truncated file …
        raise DocumentError("无法打开该 PDF 文件：文件已损坏或不完整。请重新导出 PDF 后上传。") from None
    if not pages:
        raise DocumentError("无法打开该 PDF 文件：文件已损坏或没有页面。请重新导出 PDF 后上传。")
    paragraphs: list[str] = []
    for page in pages:
        paragraphs.extend(_pdf_page_paragraphs(page))
    text = fix_radicals("\n\n".join(paragraphs))
    if _meaningful_chars(text) < 20 * len(pages) and _meaningful_chars(text) < MIN_REPORT_CHARS:
        raise DocumentError(
            "该 PDF 没有可提取的文字（可能是扫描件或图片）。请先用 OCR 识别成文字，或上传报告的 Word/文本原文件。"
        )
    return text


def _pdf_page_paragraphs(page) -> list[str]:
    """Rebuild paragraphs from the lines of one page.

    A new paragraph starts where a line is indented (Chinese paragraphs indent two characters),
    where the previous line stops well short of the right margin, or after a large vertical gap.
    A paragraph running over the page end is left open; ``normalize`` rejoins it.
    """
    from pdfminer.layout import LTTextContainer, LTTextLine

    lines = []

    def collect(obj) -> None:
        if isinstance(obj, LTTextLine):
            text = obj.get_text().strip()
            if text:
                lines.append((obj.y1, obj.x0, obj.x1, obj.height, text))
        elif isinstance(obj, LTTextContainer) or hasattr(obj, "__iter__"):
            for child in obj:
                collect(child)

    collect(page)
    if not lines:
        return []
    lines.sort(key=lambda l: (-round(l[0], 0), l[1]))
    left = min(l[1] for l in lines)
    right = max(l[2] for l in lines)
    size = sorted(l[3] for l in lines)[len(lines) // 2] or 10.0
    width = right - left
    paragraphs: list[str] = []
    current = ""
    prev = None
    for y1, x0, x1, height, text in lines:
        new = prev is None
        if prev is not None:
            gap = prev[0] - prev[3] - y1
            big_gap = gap > 1.2 * max(size, min(prev[3], height))
            indented = x0 - left > 1.2 * size
            short_before = right - prev[2] > 2.5 * size
            centered = abs((x0 - left) - (right - x1)) < size and x0 - left > 2 * size
            # a centred title wrapped over two lines: a wide centred line, then the rest
            wrapped_title = (
                centered and abs((prev[1] - left) - (right - prev[2])) < size and prev[2] - prev[1] > 0.75 * width
            )
            new = (indented or short_before or big_gap or centered) and not (wrapped_title and not big_gap)
        if new and current:
            paragraphs.append(current)
            current = ""
        if current and current[-1].isascii() and current[-1].isalnum() and text[0].isascii() and text[0].isalnum():
            current += " "
        current += text
        prev = (y1, x0, x1, height)
    if current:
        paragraphs.append(current)
    return paragraphs


# --- shared checks --------------------------------------------------------------------------


def _meaningful_chars(text: str) -> int:
    return len(re.findall(r"[\u3400-\u9fffA-Za-z0-9]", text))


def _check_length(text: str) -> None:
    n = _meaningful_chars(text)
    if n == 0:
        raise DocumentError("没有读到任何文字。请确认文件内容是报告正文。")
    if n < MIN_REPORT_CHARS:
        raise DocumentError(f"正文过短（仅 {n} 字），不像是一份完整的政府工作报告。请上传报告全文。")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"
