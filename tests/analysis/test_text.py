"""normalize(): the stored form of a report text."""

from reports.analysis.text import fix_radicals, is_heading_like, normalize


def test_it_unifies_newlines_and_strips_trailing_spaces_and_controls():
    assert normalize("第一段。  \r\n\r\n第二\x00段。\x07\r第三段。\u200b") == "第一段。\n\n第二段。\n第三段。"


def test_it_collapses_runs_of_blank_lines_including_nbsp_lines():
    assert normalize("甲段。\n\n\u00a0\n\n\n\n乙段。\n\n \n") == "甲段。\n\n乙段。"


def test_it_strips_paragraph_indentation_but_keeps_inner_spaces():
    assert normalize("\u3000\u3000各位代表：\n\n林 晓") == "各位代表：\n\n林 晓"


def test_it_removes_emphasis_markers():
    assert normalize("**加快规划落地。**推进总体规划批复。") == "加快规划落地。推进总体规划批复。"
    assert (
        normalize("**（一）扎实做好防控。****防控措施要严谨。**继续落实。")
        == "（一）扎实做好防控。防控措施要严谨。继续落实。"
    )


def test_it_removes_markdown_heading_marks():
    assert normalize("# 政府工作报告\n\n## 二、关于下半年工作安排") == "政府工作报告\n\n二、关于下半年工作安排"


def test_it_rejoins_a_sentence_broken_across_a_blank_line():
    text = "（一）统筹推进城市更新。年内完成老旧小区改造12个，新建停车\n\n泊位300个。"
    assert normalize(text) == "（一）统筹推进城市更新。年内完成老旧小区改造12个，新建停车泊位300个。"


def test_it_rejoins_a_broken_sentence_inside_emphasis_markers():
    text = "**（二）全面提升人居环境。完成河道**\n\n整治5条，新增绿地2万平方米。"
    assert normalize(text) == "（二）全面提升人居环境。完成河道整治5条，新增绿地2万平方米。"


def test_it_rejoins_after_a_comma_or_an_open_quote():
    assert normalize("推进“一网\n\n通办”建设。") == "推进“一网通办”建设。"
    assert normalize("抓好防汛，\n\n确保安全度汛。") == "抓好防汛，确保安全度汛。"


def test_it_rejoins_across_a_page_number():
    text = "下半年，我们将多措并举稳就业，开展专场招聘会12场，全年新增就业岗位\n\n- 3 -\n\n2000个以上。"
    assert normalize(text) == "下半年，我们将多措并举稳就业，开展专场招聘会12场，全年新增就业岗位2000个以上。"


def test_it_does_not_join_a_heading_to_the_next_paragraph():
    for heading in (
        "上半年工作回顾",
        "一、聚焦经济发展，提升产业能级",
        "（三）精细管理，城市运行安全有序",
        "2、推动区域环境治理",
        "下半年工作要点",
        "名词解释",
    ):
        text = f"{heading}\n\n下半年，我们将继续推进各项工作。"
        assert normalize(text) == text, heading


def test_it_does_not_join_a_paragraph_to_a_following_heading():
    text = "全年完成各项目标任务的主要工作有以下几方面\n\n二、全力稳住经济基本盘"
    assert normalize(text) == text


def test_it_does_not_join_header_lines_or_salutations():
    text = "——2023年7月20日在青禾镇第二届人民代表大会\n第三次会议上\n\n林 晓\n\n各位代表：\n\n现在，我代表青禾镇人民政府报告工作。"
    assert normalize(text) == text


def test_it_joins_a_broken_heading_where_the_document_runs_headings_into_text():
    paragraphs = [
        f"（{n}）扎实做好第{n}项工作，不断提升工作水平。持续推进各项任务落实，确保取得实效。" for n in "一二三"
    ]
    text = "\n\n".join(paragraphs + ["（四）扎实做好环境综合治理工作，不断提升城市治理", "现代化水平。巩固整改成果。"])
    assert normalize(text).endswith("（四）扎实做好环境综合治理工作，不断提升城市治理现代化水平。巩固整改成果。")


def test_it_keeps_a_standalone_numbered_heading_where_headings_stand_alone():
    text = "\n\n".join(
        ["（一）迎难而上，凝聚力量", "上下齐心，尽锐出战。", "（二）精准施策，遏制蔓延", "全面落实各项要求。"]
    )
    assert normalize(text) == text


def test_it_drops_the_accessibility_bar_and_web_furniture():
    text = "\n".join(
        [
            "高级搜索",
            "当前位置:首页\u00a0>\u00a0青禾镇人民政府\u00a0>\u00a0工作报告",
            "青禾镇政府工作报告",
            "来源:青禾镇人民政府 发布时间:2023年7月25日",
            "",
            "正文第一段。",
            "",
            "读屏专用",
            "声音开关",
            "语速",
            "配色",
            "放大",
            "缩小",
            "退出服务",
            "相关附件: 相关稿件:",
            "【打印本页】【关闭窗口】",
        ]
    )
    assert normalize(text) == "青禾镇政府工作报告\n来源:青禾镇人民政府 发布时间:2023年7月25日\n\n正文第一段。"


def test_it_drops_an_accessibility_bar_on_one_line():
    assert normalize("正文。\n\n读屏专用 声音开关 语速 阅读方式 退出服务") == "正文。"


def test_it_keeps_publication_metadata_lines():
    text = "索引号 QH0001 发布机构 青禾镇\n公开类别 主动公开 发布时间 2023-07-25"
    assert normalize(text) == text


def test_it_drops_page_numbers():
    assert (
        normalize("甲。\n\n— 12 —\n\n乙。\n\n第 3 页 共 10 页\n\n丙。\n\n7\n\n丁。") == "甲。\n\n乙。\n\n丙。\n\n丁。"
    )


def test_it_keeps_full_width_punctuation_and_numerals():
    text = "完成投资１２亿元（同比增长５％）；ＰＭ２.５浓度下降。"
    assert normalize(text) == text


def test_it_maps_pdf_radical_code_points_to_ideographs():
    assert (
        fix_radicals("⻘⽲镇⼈⺠政府⼯作报告，新增养⽼床位60张，⻓效机制")
        == "青禾镇人民政府工作报告，新增养老床位60张，长效机制"
    )


def test_it_is_idempotent():
    text = "**（一）扎实做好第一项工作。持续推进**\n\n落实。\n\n\n\n二、下半年工作安排\n\n- 2 -\n\n下半年，我们将推进。"
    once = normalize(text)
    assert normalize(once) == once


def test_heading_like_lines():
    assert is_heading_like("上半年工作回顾")
    assert is_heading_like("（一）迎难而上，凝聚同心抗疫磅礴力量")
    assert not is_heading_like("（一）迅速响应搭建机构，汇聚八方力量。建立疫情防")
    assert not is_heading_like("上半年，全镇上下围绕年初确定的目标任务，稳中求进、真抓实干，全力推进各项工作")


def test_it_keeps_seed_reports_whole(shared_dir):
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        text = normalize(raw)
        assert "**" not in text and "读屏专用" not in text and "高级搜索" not in text
        assert normalize(text) == text
        # nothing of the report body is lost: every Chinese character outside furniture survives
        kept = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        assert kept >= 0.97 * sum(1 for c in raw if "\u4e00" <= c <= "\u9fff")
