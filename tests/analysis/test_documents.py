"""Reading uploaded files into report text: every format, every encoding, every bad input."""

import io
import zipfile
from pathlib import Path

import pytest

from reports.analysis.documents import DocumentError, read_document, read_text_paste
from reports.analysis.text import normalize

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# a report-like text of our own, long enough to pass the length check
BODY = (
    "各位代表：现在，我代表青禾镇人民政府，向大会报告上半年政府工作情况，请予审议。"
    "下半年，我们将确保完成加装电梯竣工20台，力争新增就业岗位500个，年底前完成青禾港河道整治工程。"
) * 4


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def error_of(data: bytes, filename: str, **kwargs) -> str:
    with pytest.raises(DocumentError) as exc:
        read_document(data, filename, **kwargs)
    return str(exc.value)


# --- formats and encodings ---------------------------------------------------------------


def test_it_reads_utf8_text():
    assert read_document(BODY.encode("utf-8"), "报告.txt") == BODY


def test_it_reads_gb18030_text():
    text = read_document(fixture("report_gb18030.txt"), "report.TXT")
    assert text.startswith("青禾镇2023年上半年政府工作报告")
    assert "加装电梯竣工20台" in text


def test_it_reads_gbk_text_with_rare_gb18030_characters():
    text = BODY + "镕"  # outside GB2312, inside GBK
    assert read_document(text.encode("gbk"), "a.txt") == text


def test_it_reads_markdown_with_utf8_bom():
    text = read_document(fixture("report_utf8_bom.md"), "report.md")
    assert text.startswith("# 青禾镇")  # BOM gone, markdown left for normalize
    assert normalize(text).startswith("青禾镇2023年上半年政府工作报告")


def test_it_reads_utf16_with_bom():
    assert read_document(BODY.encode("utf-16"), "a.txt") == BODY


def test_it_reads_docx_paragraphs_and_tables():
    text = read_document(fixture("report.docx"), "report.docx")
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "青禾镇2023年上半年政府工作报告"
    assert "——2023年7月20日在青禾镇第二届人民代表大会第三次会议上" in paragraphs
    assert paragraphs[-1] == "加装电梯竣工 20台"  # a table row, cells joined


def test_it_reads_html_without_scripts_styles_or_navigation():
    text = read_document(fixture("report.html"), "report.html")
    assert "不应出现的脚本文字" not in text
    assert "不应出现的导航文字" not in text
    assert "color: red" not in text
    assert "\n\n——2023年7月20日在青禾镇第二届人民代表大会第三次会议上\n\n" in text
    # the source line break inside a paragraph is not a space between Chinese characters
    assert "稳中求进、真抓实干，" in text


def test_it_reads_html_declared_gbk():
    assert read_document(fixture("report_gbk.html"), "report.htm") == read_document(
        fixture("report.html"), "report.html"
    )


def test_it_reads_pdf_text_with_its_paragraphs():
    text = normalize(read_document(fixture("report.pdf"), "report.pdf"))
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "青禾镇2023年上半年政府工作报告"  # a centred title wrapped over two lines
    assert paragraphs[1] == "——2023年7月20日在青禾镇第二届人民代表大会第三次会议上"
    assert "现在，我代表青禾镇人民政府，向大会报告上半年政府工作情况，请予审议。" in paragraphs
    # the paragraph running over the page end is one paragraph again
    assert "新增市场主体300户以上，推动青禾智造园二期年内开工。" in text
    assert "⼈" not in text and "⻘" not in text  # radical code points of the PDF's text layer mapped back


# --- bad input ------------------------------------------------------------------------------


def test_it_rejects_an_empty_file():
    assert "文件为空" in error_of(b"", "a.txt")
    assert "文件为空" in error_of(b"  \r\n ", "a.txt")


def test_it_rejects_a_file_too_large():
    message = error_of(BODY.encode() * 10, "a.txt", max_bytes=1024)
    assert "文件过大" in message and "上限" in message


def test_it_rejects_a_png_renamed_txt():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert "PNG 图片" in error_of(png, "report.txt")


def test_it_rejects_a_zip_renamed_txt():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", BODY)
    message = error_of(buf.getvalue(), "report.txt")
    assert "压缩包" in message and "不是文本文件" in message


def test_it_rejects_binary_data_named_txt():
    assert "二进制" in error_of(bytes(range(256)) * 20, "report.txt")


def test_it_rejects_an_unknown_encoding():
    big5 = ("各位代表，現在我代表鎮人民政府向大會報告工作，請予審議。" * 20).encode("big5")
    message = error_of(big5, "report.txt")
    assert "无法识别文件编码" in message and "UTF-8" in message and "GB18030" in message
    shift_jis = ("市町村の議会において報告します。" * 20).encode("shift_jis")
    assert "无法识别文件编码" in error_of(shift_jis, "report.txt")


def test_it_rejects_an_unsupported_type():
    message = error_of(b"PK\x03\x04" + b"\x00" * 100, "指标.xlsx")
    assert "不支持的文件类型“.xlsx”" in message and ".docx" in message


def test_it_rejects_an_old_word_document():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert "旧版 Word" in error_of(ole, "报告.docx")


def test_it_rejects_a_corrupt_docx():
    truncated = fixture("report.docx")[:3000]
    assert "无法打开该 .docx 文件" in error_of(truncated, "report.docx")
    assert "不是有效的 Word 文档" in error_of(BODY.encode(), "report.docx")


def test_it_rejects_a_corrupt_pdf():
    assert "无法打开该 PDF 文件：文件已损坏" in error_of(b"%PDF-1.7\n" + bytes(range(256)) * 8, "report.pdf")
    assert "不是有效的 PDF" in error_of(BODY.encode(), "report.pdf")


def test_it_rejects_a_scanned_pdf_without_text():
    message = error_of(fixture("scanned.pdf"), "scan.pdf")
    assert "没有可提取的文字" in message and "扫描件" in message


def test_it_rejects_text_too_short_to_be_a_report():
    message = error_of("政府工作报告\n\n各位代表：".encode(), "a.txt")
    assert "正文过短" in message


def test_each_bad_input_gets_its_own_message():
    messages = {
        error_of(b"", "a.txt"),
        error_of(BODY.encode() * 10, "a.txt", max_bytes=1024),
        error_of(b"\x89PNG\r\n\x1a\n" + b"\x00" * 300, "a.txt"),
        error_of(("各位代表，現在報告工作。" * 30).encode("big5"), "a.txt"),
        error_of(BODY.encode(), "a.docx"),
        error_of(fixture("scanned.pdf"), "a.pdf"),
        error_of("太短了".encode(), "a.txt"),
    }
    assert len(messages) == 7


# --- pasted text ----------------------------------------------------------------------------


def test_pasted_text_is_returned_as_is():
    assert read_text_paste(BODY) == BODY


def test_pasted_text_gets_the_same_checks():
    for text, words in (("   ", "粘贴的内容为空"), ("各位代表：", "正文过短"), ("\x01\x02" * 300 + BODY, "控制字符")):
        with pytest.raises(DocumentError) as exc:
            read_text_paste(text)
        assert words in str(exc.value)
    with pytest.raises(DocumentError, match="过长"):
        read_text_paste(BODY, max_chars=100)
