"""The ingest and export_pledges commands: the contract other tools rely on."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reports.models import Report
from tracker.models import Pledge

HALF_YEAR = """青石镇2024年上半年政府工作报告

——2024年7月20日在青石镇第十八届人民代表大会第三次会议上

王 明

各位代表：

现在，我代表青石镇人民政府，向大会报告上半年政府工作情况，请予审议。

一、上半年工作回顾

上半年，全镇完成既有多层住宅加装电梯签约18台、竣工9台，新增就业岗位820个，拆除违法建筑1.2万平方米。

二、下半年工作安排

（一）聚焦民生实事。确保年内完成30台加梯任务。力争新增就业岗位1500个。完成青溪路、石桥路等道路竣工。

（二）守牢安全底线。确保不发生重特大安全事故。9月底前完成2万㎡拆违任务。

各位代表，让我们团结一心，奋力完成全年目标任务！
"""

NO_PLAN = """青石镇2024年上半年工作情况

——2024年7月20日在青石镇第十八届人民代表大会第三次会议上

上半年工作回顾

上半年，全镇完成既有多层住宅加装电梯签约18台、竣工9台，新增就业岗位820个。各项工作平稳推进，社会大局和谐稳定。

经济运行总体平稳。上半年完成税收收入4.2亿元，同比增长3.1%；新增企业登记312家，其中科技型企业41家。重点项目推进有力，青溪路改建工程完成主体施工，石桥路拓宽工程进入收尾阶段。

民生保障持续加强。新建长者食堂2家，完成老旧小区综合改造3个，改造农村公路6.5公里。组织招聘会8场，帮扶长期失业青年就业57人。社区卫生服务中心门诊量同比增长12%。
"""


def ingest(*paths, **flags):
    out = StringIO()
    call_command("ingest", *map(str, paths), stdout=out, stderr=out, **flags)
    return out.getvalue()


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


@pytest.mark.django_db
def test_it_reads_town_date_and_kind_from_the_header(tmp_path):
    printed = ingest(write(tmp_path, "qingshi.txt", HALF_YEAR))
    report = Report.objects.get()
    assert report.town.name == "青石镇"
    assert str(report.delivered_on) == "2024-07-20"
    assert report.kind == "half_year"
    assert "青石镇" in printed and "2024-07-20" in printed and "工作安排" in printed


@pytest.mark.django_db
def test_it_extracts_the_plan_pledges_with_targets_and_deadlines(tmp_path):
    ingest(write(tmp_path, "qingshi.txt", HALF_YEAR))
    pledges = {(p.value, p.unit): p for p in Pledge.objects.filter(kind="quantitative")}
    assert pledges[(30, "台")].strength == "firm"
    assert pledges[(1500, "个")].strength == "aspirational"
    demolition = pledges[(20000, "平方米")]
    assert str(demolition.deadline) == "2024-09-30"
    assert pledges[(0, "起")].comparator == "<="
    # the review part's figures (18台, 820个) are evidence, never pledges
    assert (18, "台") not in pledges and (820, "个") not in pledges


@pytest.mark.django_db
def test_gb18030_file_reads_the_same_as_utf8(tmp_path):
    ingest(write(tmp_path, "gbk.txt", HALF_YEAR, encoding="gb18030"))
    assert Report.objects.get().town.name == "青石镇"
    assert Pledge.objects.filter(value=30, unit="台").exists()


@pytest.mark.django_db
def test_re_ingesting_the_same_report_is_recognised_not_duplicated(tmp_path):
    path = write(tmp_path, "qingshi.txt", HALF_YEAR)
    ingest(path)
    count = Pledge.objects.count()
    printed = ingest(path)
    assert Report.objects.count() == 1
    assert Pledge.objects.count() == count
    assert "未重复导入" in printed


@pytest.mark.django_db
def test_a_report_without_plan_part_is_stored_with_a_warning_and_no_pledges(tmp_path):
    printed = ingest(write(tmp_path, "noplan.txt", NO_PLAN))
    assert Report.objects.count() == 1
    assert Pledge.objects.count() == 0
    assert "未找到工作安排" in printed


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "为空"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "不是"),
        ("本日は晴天なり。これはテストの文章です。".encode("shift_jis") * 40, "编码"),
    ],
    ids=["empty", "binary", "unknown-encoding"],
)
def test_bad_files_get_a_chinese_message_and_store_nothing(tmp_path, content, message):
    path = write(tmp_path, "bad.txt", content)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=out, stderr=out)
    assert message in out.getvalue()
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.MAX_REPORT_BYTES = 1000
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(write(tmp_path, "big.txt", HALF_YEAR * 5)), stdout=out, stderr=out)
    assert "过大" in out.getvalue() or "超过" in out.getvalue()
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_a_bad_date_flag_is_refused_in_chinese(tmp_path):
    with pytest.raises(CommandError, match="日期格式"):
        call_command("ingest", str(write(tmp_path, "q.txt", HALF_YEAR)), "--date", "2024/07/20", stdout=StringIO())


@pytest.mark.django_db
def test_export_lists_every_pledge_with_the_contract_fields(tmp_path):
    ingest(write(tmp_path, "qingshi.txt", HALF_YEAR))
    out = StringIO()
    call_command("export_pledges", format="json", stdout=out)
    records = json.loads(out.getvalue())
    assert len(records) == Pledge.objects.count() > 0
    first = records[0]
    for key in (
        "id",
        "town",
        "district",
        "text",
        "kind",
        "value",
        "unit",
        "value_raw",
        "comparator",
        "deadline",
        "deadline_text",
        "strength",
        "topic",
        "section",
        "status",
        "achieved_value",
        "evidence",
    ):
        assert key in first
    assert first["report"]["source_name"] == "qingshi.txt"
    assert first["report"]["date"] == "2024-07-20"


@pytest.mark.django_db
def test_export_as_csv_has_a_header_and_one_row_per_pledge(tmp_path):
    ingest(write(tmp_path, "qingshi.txt", HALF_YEAR))
    out = StringIO()
    call_command("export_pledges", format="csv", town="青石镇", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("id,town")
    assert len(lines) == Pledge.objects.count() + 1


def test_export_of_an_unknown_town_is_refused(db):
    with pytest.raises(CommandError, match="没有名为"):
        call_command("export_pledges", town="不存在镇", stdout=StringIO())


@pytest.mark.django_db
def test_seeds_are_detected_without_flags(shared_dir):
    expected = {}
    for gold_file in (shared_dir / "gold").glob("*.pledges.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        expected[gold["source"]] = (gold["town"], gold["district"], gold["report_date"], gold["report_kind"])
    for source in expected:
        ingest(shared_dir / "seeds" / source)
    got = {
        r.source_name: (r.town.name, r.town.district, str(r.delivered_on), r.kind)
        for r in Report.objects.select_related("town")
    }
    assert got == expected


@pytest.mark.django_db
def test_the_same_report_in_another_format_is_recognised_as_a_duplicate(tmp_path):
    ingest(write(tmp_path, "qingshi.txt", HALF_YEAR))
    reformatted = HALF_YEAR.replace("各位代表：", "各位代表：\n\n（根据录音整理）")
    printed = ingest(write(tmp_path, "qingshi-copy.txt", reformatted))
    assert Report.objects.count() == 1
    assert "未重复导入" in printed
