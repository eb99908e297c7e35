"""Header matching: every alias of the contract, spacing, line breaks, parentheses, title rows."""

import pytest

from generator.contract.schema import TABLES

from .conftest import lines, load, write_table

# A valid value for each kind, so that a one-column change can be read back.
SAMPLE = {
    "id": "X1", "text": "文字", "status": "在建", "category": "招商项目", "level": "市重点", "cluster_ref": "新材料",
    "years": "2022", "year": "2022", "amount": "3", "number": "30.5", "percent": "56.54%", "date": "2022-01-26", "period": "2022Q1",
    "value": "19", "project_ref": "P1", "project_name": "甲项目", "stage": "续建", "yesno": "是", "derived": "85.3", "light": "绿灯",
}
#: Fields whose text has a form of its own.
SAMPLE_BY_FIELD = {"place_code": "330102"}
BASE = {"projects": ["项目编号", "项目名称"], "clusters": ["集群名称"], "progress": ["项目编号", "报告期"], "indicators": ["指标名称", "数值"]}
BASE_ROW = {"projects": ["P1", "甲项目"], "clusters": ["新材料"], "progress": ["P1", "2022Q1"], "indicators": ["储备项目", "19"]}

CASES = [(t.name, f.name, alias) for t in TABLES.values() for f in t.fields for alias in f.aliases]


def _count(report, table):
    return {"projects": len(report.projects), "clusters": len(report.clusters),
            "progress": sum(len(p.progress) for p in report.projects.values()), "indicators": len(report.indicators)}[table]


@pytest.mark.parametrize("table,field,alias", CASES, ids=[f"{t}.{f}.{a}" for t, f, a in CASES])
def test_every_alias_is_accepted(site, table, field, alias):
    """A file whose header uses ``alias`` (padded, with a line break) is read without problems."""
    own = TABLES[table].field(field)
    header, row = list(BASE[table]), list(BASE_ROW[table])
    same = [i for i, h in enumerate(header) if h in own.headers()]
    if same:  # the alias replaces the base column of its own field
        header[same[0]] = f" {alias}\n"
    else:
        header.append(f" {alias}\n")
        row.append(SAMPLE_BY_FIELD.get(field, SAMPLE[own.kind]))
    data = site / "data"
    write_table(data, table, [header, row])
    if table != "projects":
        write_table(data, "projects", [["项目编号", "项目名称"], ["P1", "甲项目"]])
    loaded = load(site)
    assert lines(loaded) == []
    assert _count(loaded.report, table) == 1


def test_every_alias_binds_its_field(site):
    """Each alias, written with full-width parentheses and a unit, binds the field it names."""
    from generator.reading.headers import HeaderMatcher

    for table in TABLES.values():
        matcher = HeaderMatcher(table, {})
        for f in table.fields:
            for alias in f.headers():
                assert matcher.match(f"  {alias}（万元）").field == f.name, alias
                assert matcher.match(alias.replace("", "\n")[1:-1] if len(alias) > 1 else alias).field == f.name


def test_title_rows_above_the_header_are_skipped(site, fmt):
    rows = [["2022年重点项目表", None, None], [None, None, None], ["单位：亿元", None, None],
            ["项目编号", "项目名称", "计划总投资（亿元）"], ["A", "甲", "1.5"]]
    write_table(site / "data", "projects", rows, fmt)
    loaded = load(site)
    assert lines(loaded) == []
    assert loaded.report.projects["A"].source.row == 5


def test_serial_number_serves_as_id_only_without_an_id_column(site):
    write_table(site / "data", "projects", [["序号", "项目名称"], ["1", "甲"], ["2", "乙"]])
    assert list(load(site).report.projects) == ["1", "2"]
    write_table(site / "data", "projects", [["序号", "项目编号", "项目名称"], ["1", "A-1", "甲"]])
    assert list(load(site).report.projects) == ["A-1"]


def test_required_marks_and_spacing_in_headers(site):
    write_table(site / "data", "projects", [["*项目编号", " 项目 名称 ", "计划总投资(亿元)"], ["A", "甲", "2"]])
    loaded = load(site)
    assert lines(loaded) == [] and loaded.report.projects["A"].name == "甲"


def test_missing_header_row_names_the_accepted_headers(site):
    write_table(site / "data", "projects", [["编号", "项目"], ["A", "甲"]])
    assert lines(load(site)) == ["data/projects.csv: 找不到表头行：没有任何一行含有“项目名称”列（可用表头：项目名称、名称、项目名、name）"]
    assert lines(load(site, language="en"), "en") == [
        "data/projects.csv: no header row found: no row holds the Name column (accepted headers: Name, 项目名称, 名称, 项目名)"]


def test_missing_id_column(site):
    write_table(site / "data", "projects", [["项目名称"], ["甲"]])
    assert lines(load(site)) == ["data/projects.csv:1: 缺少必需的列“项目编号”（可用表头：项目编号、项目代码、编号、投资项目代码、项目统一代码、国家项目代码、统一项目代码、项目赋码、赋码、id）"]


def test_two_columns_for_one_field_is_an_error(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资", "总投资"], ["A", "甲", "1", "2"]])
    assert lines(load(site)) == ["data/projects.csv:1: 总投资: 此列与“计划总投资”列都对应“计划总投资”；请只保留一列"]


def test_columns_setting_maps_other_headers(site):
    write_table(site / "data", "projects", [["PID", "Project Name", "Phase", "Category"], ["7", "Bridge", "Design", "Roads"]])
    settings = {"files": {"projects": {"columns": {"id": "PID", "name": ["Title", "Project Name"], "status": "Phase",
                                                   "category": []}}},
                "statuses": {"Design": "reserve"}, "publish_columns": ["category"]}
    loaded = load(site, settings)
    assert lines(loaded) == []
    project = loaded.report.projects["7"]
    assert (project.name, project.status.value, project.category.value) == ("Bridge", "reserve", "key")
    assert project.extras == {"Category": "Roads"}


def test_unknown_columns_are_published_only_when_listed_and_kept_as_written(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "节能\n评估", "内部说明（不公开）"],
                                            ["A", "甲", "10", "仅供内部"]])
    loaded = load(site)
    assert loaded.report.projects["A"].extras == {}
    assert lines(loaded) == [
        "data/projects.csv:1: 节能评估: 表头“节能评估”不是已知的列，此列不发布；如需在项目页上发布，请在配置 publish_columns 中列出",
        "data/projects.csv:1: 内部说明（不公开）: 表头“内部说明（不公开）”不是已知的列，此列不发布；如需在项目页上发布，请在配置 publish_columns 中列出"]
    loaded = load(site, {"publish_columns": ["节能评估"]})
    assert loaded.report.projects["A"].extras == {"节能评估": "10"}
    assert len(lines(loaded)) == 1
