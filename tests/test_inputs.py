"""What a site reads is its data folder: links and path settings that leave it, the bulletin's own words read as
data, and text settings that would break the feed, the bulletin or the pages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.writing.output import generate

from .conftest import lines, load, projects, write_table
from .sites import run

ROWS = [["P1", "甲项目", "在建", "1.5"], ["P2", "乙项目", "前期", "2"]]
SECRET = "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n"
OUTSIDE = "此文件指向数据文件夹以外的 {target}，未读取（网站只读取数据文件夹中的文件）；请把文件放入数据文件夹，或在配置中设置 outside_files: true"


def _outside(path: str, target: Path) -> str:
    """The problem as :func:`.conftest.lines` gives it."""
    return f"{path}: " + OUTSIDE.format(target=target.resolve())


def _site(root: Path) -> Path:
    """``root/data`` with a projects table, and ``root/secret`` beside it (as a checkout's .git/config is)."""
    projects(root, ROWS)
    (root / "secret").write_text(SECRET, encoding="utf-8")
    return root


def test_a_table_linked_from_outside_the_data_folder_is_an_error_unless_the_setting_allows_it(site):
    _site(site)
    (site / "elsewhere").mkdir()
    real = projects(site / "elsewhere", ROWS)
    (site / "data" / "projects.csv").unlink()
    (site / "data" / "projects.csv").symlink_to(real)
    loaded = load(site)
    assert lines(loaded) == [_outside("data/projects.csv", real)] and loaded.report is None

    loaded = load(site, {"outside_files": True})
    assert loaded.ok and [(s.name, s.outside) for s in loaded.report.sources] == [("projects.csv", True)]
    methodology = generate(loaded.report, loaded_site(site, {"outside_files": True})).files["methodology.md"]
    assert "数据文件夹" not in methodology and "elsewhere" not in methodology  # where a file was kept is not the public's


def loaded_site(root: Path, settings: dict):
    from generator import SiteConfig
    from generator.settings.config import Site

    config = SiteConfig.from_mapping(settings)
    return Site(config, root, root / config.data_dir, "zh")


@pytest.mark.parametrize("where", ["..", "{root}"])
@pytest.mark.parametrize("key, name", [("files.indicators.path", "secret.csv"), ("bulletin.text", "secret.md"),
                                       ("map.boundary", "secret.geojson")])
def test_path_settings_that_leave_the_data_folder_are_errors(site, where, key, name):
    _site(site)
    (site / name).write_text(SECRET, encoding="utf-8")
    path = f"{where.format(root=site)}/{name}"
    group, *inner = key.split(".")
    setting = {group: {inner[0]: {inner[1]: path}} if len(inner) == 2 else {inner[0]: path}}
    shown = os.path.relpath(site / "data" / path)
    assert lines(load(site, setting)) == [_outside(shown, site / name)]


def test_a_linked_bulletin_text_photo_folder_photo_and_boundary_are_not_read(site):
    _site(site)
    data = site / "data"
    (data / "bulletin.md").symlink_to(site / "secret")
    (data / "boundary.geojson").symlink_to(site / "secret")
    (site / "pictures").mkdir()
    (data / "photos").mkdir()
    (data / "photos" / "P1-site.jpg").symlink_to(site / "secret")
    assert sorted(lines(load(site))) == sorted([_outside("data/bulletin.md", site / "secret"),
                                                _outside("data/boundary.geojson", site / "secret"),
                                                _outside("data/photos/P1-site.jpg", site / "secret")])
    (data / "photos" / "P1-site.jpg").unlink()
    (data / "photos").rmdir()
    (data / "photos").symlink_to(site / "pictures")
    assert _outside("data/photos", site / "pictures") in lines(load(site))


def test_a_link_inside_the_data_folder_is_read(site):
    _site(site)
    (site / "data" / "texts").mkdir()
    (site / "data" / "texts" / "words.md").write_text("## 总体情况\n\n共 [[ count ]] 个项目。\n", encoding="utf-8")
    (site / "data" / "bulletin.md").symlink_to(Path("texts") / "words.md")
    loaded = load(site)
    assert loaded.ok and lines(loaded) == [] and loaded.report.own_words.text.startswith("## 总体情况")


def test_a_build_never_publishes_a_linked_secret(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text(SECRET, encoding="utf-8")
    (site / "data" / "bulletin.md").symlink_to(Path("..") / ".git" / "config")
    failed = run("build", "-d", tmp_path / "out", cwd=site, check=False)
    assert failed.returncode == 1 and not (tmp_path / "out").exists()
    said = _outside("data/bulletin.md", site / ".git" / "config").replace(": ", ": 错误：", 1)
    assert failed.stderr.splitlines() == [f"{said} [file-outside]", "1 个错误，0 个警告"]
    assert "extraheader" not in failed.stdout + failed.stderr


def test_the_bulletins_words_are_read_as_data_and_checked_by_validate(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    words = "## 总体情况\x01\n\n本期共 [[ count ]] 个项目\x1e。\n\n## 下一步\n\n[[ 项目数 ]]\ufffe\n"
    (site / "data" / "bulletin.md").write_text(words, encoding="utf-8")
    checked = run("validate", cwd=site, check=False)
    assert checked.stdout.splitlines() == [
        "data/bulletin.md:7: 错误：[[ 项目数 ]] 无法填写：项目数: 未知 [bulletin-text]",
        "data/bulletin.md:1: 警告：删除了看不见的控制或格式字符：U+0001 [text-invisible]",
        "data/bulletin.md:3: 警告：删除了看不见的控制或格式字符：U+001E [text-invisible]",
        "data/bulletin.md:7: 警告：删除了看不见的控制或格式字符：U+FFFE [text-invisible]",
        "读取 2 个文件，共 9 行：表头 2 行、数据 7 行",
        "1 个错误，3 个警告",
    ]
    assert checked.returncode == 1
    (site / "data" / "bulletin.md").write_text(words.replace("[[ 项目数 ]]", "加快建设。"), encoding="utf-8")
    built = run("build", "-d", tmp_path / "out", cwd=site)
    assert "U+FFFE" in built.stderr and "Traceback" not in built.stderr
    assert "总体情况" in _docx_text(tmp_path / "out") and "本期共3个项目。" in _docx_text(tmp_path / "out").replace(" ", "")


def test_the_bulletins_words_in_gbk_are_read_as_the_tables_are(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    (site / "data" / "bulletin.md").write_bytes("## 总体情况\n\n全区重点项目建设总体平稳，共 [[ count ]] 个项目。\n".encode("gbk"))
    assert run("validate", cwd=site).stdout.endswith("0 个错误，0 个警告\n")
    run("build", "-d", tmp_path / "out", cwd=site)
    assert "全区重点项目建设总体平稳，共3个项目。" in _docx_text(tmp_path / "out").replace(" ", "")


def _docx_text(site: Path) -> str:
    import docx

    document = docx.Document(next((site / "downloads").glob("bulletin-*.docx")))
    return "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize("key, line", [
    ("plugins.progress.office", "office: \"某某区\\u0001发展和改革局\""),
    ("plugins.progress.bulletin.title", "bulletin: {title: \"通报\\u200b\"}"),
])
def test_text_settings_with_invisible_characters_are_refused_by_their_key(tmp_path, key, line):
    from .sites import set_plugin

    run("new", tmp_path / "site")
    site = set_plugin(tmp_path / "site", line)
    checked = run("validate", cwd=site, check=False)
    assert checked.returncode == 1 and checked.stdout.startswith(f"mkdocs.yml: 错误：配置项 {key}：含有看不见的控制或格式字符 U+")


def test_a_site_name_with_a_control_character_is_refused_before_it_reaches_the_feed(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("site_name:"))
    config.write_text(text.replace(name, 'site_name: "示例区\\u0001重点项目"'), encoding="utf-8")
    built = run("build", "-d", tmp_path / "out", cwd=site, check=False)
    assert built.returncode == 1 and not (tmp_path / "out").exists()
    assert "配置项 site_name：含有看不见的控制或格式字符 U+0001" in built.stderr
    assert json.loads(run("validate", "--format", "json", cwd=site, check=False).stdout)["errors"] == 1


def _office_workbook(path: Path, stages=("续建项目", "新开工项目", "前期项目")) -> None:
    """A city's compiled workbook: a 汇总 sheet, then one sheet of projects per stage."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "汇总"
    book.active.append(["县区", "项目数"])
    for n, stage in enumerate(stages, 1):
        sheet = book.create_sheet(stage)
        sheet.append(["序号", "项目名称", "总投资（亿元）"])
        sheet.append([1, f"{stage}甲", 1.5])
    book.save(path)


def test_every_sheet_of_projects_is_read_as_one_table_each_giving_its_stage(site):
    """A city's workbook: 汇总, then 续建项目, 新开工项目 and 前期项目, each numbered from 1. Every project is read,
    with the stage its sheet's name says, and an id from its name (the 序号 restart in each sheet)."""
    (site / "data").mkdir()
    _office_workbook(site / "data" / "2025年1-10月重点项目.xlsx")
    loaded = load(site)
    assert loaded.problems.errors == []
    assert lines(loaded) == [
        "data/2025年1-10月重点项目.xlsx: 没有 projects.csv；此文件作为 projects 表读取（可在配置 files.projects.path 中写明）",
        "data/2025年1-10月重点项目.xlsx: 没有名为 projects 的工作表；读取表头含“项目名称”的 3 张：续建项目、新开工项目、前期项目，"
        "它们的行合为一张表（可在配置 files.projects.sheet 中写明只读哪一张）",
        "data/2025年1-10月重点项目.xlsx[汇总]: 汇总表：不作为项目读取，其各行与项目核对"]
    projects = loaded.report.projects
    assert [(p.name, p.stage.value, p.source.file) for p in projects.values()] == [
        (f"{stage}甲", value, f"data/2025年1-10月重点项目.xlsx[{stage}]")
        for stage, value in (("续建项目", "continuing"), ("新开工项目", "new"), ("前期项目", "preparatory"))]
    assert [s.name for s in loaded.report.sources] == [  # the 汇总 sheet read too, to be checked
        f"2025年1-10月重点项目.xlsx[{s}]" for s in ("续建项目", "新开工项目", "前期项目", "汇总")]
    only = load(site, {"files": {"projects": {"sheet": "新开工项目"}}})  # a choice made, not a guess
    assert only.problems.errors == [] and [p.name for p in only.report.projects.values()] == ["新开工项目甲"]


def _sheets(path: Path, sheets: dict[str, list[list]]) -> None:
    """A workbook of these sheets (title -> rows), in order."""
    import openpyxl

    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    for n, (title, rows) in enumerate(sheets.items()):
        ws = book.active if n == 0 else book.create_sheet(title)
        ws.title = title
        for row in rows:
            ws.append(row)
    book.save(path)


def test_a_sheet_named_after_a_category_gives_its_rows_that_category(site):
    _sheets(site / "data" / "projects.xlsx",
            {title: [["项目代码", "项目名称"], [f"P{n}", f"{title}甲"]] for n, title in enumerate(("重点项目", "招商项目"))})
    loaded = load(site)
    assert [(p.name, p.category.value) for p in loaded.report.projects.values()] == [
        ("重点项目甲", "key"), ("招商项目甲", "investment")]


def test_a_code_given_on_two_sheets_names_the_sheet_that_has_it_first(site):
    _sheets(site / "data" / "projects.xlsx",
            {stage: [["项目代码", "项目名称"], ["2025-001", f"{stage}甲"]] for stage in ("续建项目", "新开工项目")})
    assert [line for line in lines(load(site)) if "重复" in line] == [
        "data/projects.xlsx[新开工项目]:2: 项目代码: 编号“2025-001”重复（data/projects.xlsx[续建项目] 第 2 行已使用）"]


def test_spreadsheets_no_table_took_are_errors(site):
    (site / "data").mkdir()
    _office_workbook(site / "data" / "2025年1-10月重点项目.xlsx")

    (site / "data" / "2025年1-8月重点项目.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    _office_workbook(site / "data" / "2025年1-9月重点项目.xlsx")
    loaded = load(site, {"files": {"projects": {"path": "2025年1-10月重点项目.xlsx", "sheet": "续建项目"}}})
    unread = "此表格文件没有被读取：每张表只从一个文件读取，数据文件夹中的其他表格不会合并进来；请把其中的行并入被读取的文件，或把它移出数据文件夹"
    assert lines(loaded) == [f"data/2025年1-8月重点项目.xls: {unread}", f"data/2025年1-9月重点项目.xlsx: {unread}"]
    (site / "data" / "说明.txt").write_text("各县区报送。", encoding="utf-8")  # notes beside the tables are not tables
    (site / "data" / "~$2025年1-10月重点项目.xlsx").write_bytes(b"lock")  # Excel's lock file while it is open
    assert lines(load(site, {"files": {"projects": {"path": "2025年1-10月重点项目.xlsx", "sheet": "续建项目"}}}))[2:] == [
        "data: 数据文件夹中的这些文件不是表格，没有读取：说明.txt"]


def test_a_name_typed_over_two_lines_of_its_cell_is_one_name(site):
    """Offices wrap long names by hand (Alt+Enter): the lines are joined as meant, with nothing between Chinese
    words and a space between Latin ones, so the page and the id show no stray space; longer texts keep lines."""
    write_table(site / "data", "projects", [
        ["序号", "项目名称", "责任单位", "存在问题"],
        ["一、续建项目（2个）", None, None, None],  # 序号 restart in each section: ids come from names
        [1, "东山\n现代农业示范园", "区农业\n农村局", "1. 用地未批\n2. 资金未到位"],
        [2, "Riverside\nPark (Phase 2)", "区住建局", ""]], "xlsx")
    loaded = load(site)
    a, b = loaded.report.projects.values()
    assert (a.id, a.name, a.department, a.issues) == ("东山现代农业示范园", "东山现代农业示范园", "区农业农村局",
                                                       "1. 用地未批\n2. 资金未到位")
    assert b.name == "Riverside Park (Phase 2)" and " " not in b.id and "\n" not in b.id


def test_validate_accounts_for_every_row_of_every_sheet_it_read(tmp_path):
    """The check says what it read and what each row was read as; the kinds add up to every row with content."""
    import json

    from generator.reading.sources import read_sheet

    from .sites import new_site, run

    data = new_site(tmp_path / "site") / "data"
    book = data / "2025年1-10月重点项目.xlsx"
    _office_workbook(book)
    result = run("validate", cwd=tmp_path / "site")
    assert result.stdout.splitlines()[-2:] == [
        "读取 1 个文件（其中工作表 4 张），共 7 行：表头 4 行、数据 3 行",
        "数据检查通过：3 个项目，0 个产业集群，0 个报告期；0 个错误，0 个警告，3 个提示"]
    told = json.loads(run("validate", "--format", "json", cwd=tmp_path / "site").stdout)["sources"]
    assert [(s["file"], s["rows"]["header"], s["rows"]["data"]) for s in told] == [
        *((f"{book.name}[{stage}]", 1, 1) for stage in ("续建项目", "新开工项目", "前期项目")), (f"{book.name}[汇总]", 1, 0)]
    for source in told:
        sheet = source["file"].split("[")[1][:-1]
        assert sum(source["rows"].values()) == len(read_sheet(book, book.name, "projects", sheet=sheet).rows)


def test_sections_that_name_places_give_their_rows_the_place(site):
    """A city's sheet of new projects, its sections its counties: each project keeps its county (and the stage its
    sheet's name says); a section naming neither a stage nor a place is kept as the rows' group, in a note."""
    import openpyxl

    (site / "data").mkdir()
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "新开工项目"
    ws.append(["序号", "项目名称", "总投资（亿元）"])
    for row in (["一、东山区（2个）"], [1, "甲", 1], [2, "乙", 2], ["（二）南岭县"], [1, "丙", 3], ["三、其他"], [1, "丁", 4]):
        ws.append(row)
    book.save(site / "data" / "projects.xlsx")
    loaded = load(site)
    assert [(p.name, p.place, p.stage.value) for p in loaded.report.projects.values()] == [
        ("甲", "东山区", "new"), ("乙", "东山区", "new"), ("丙", "南岭县", "new"), ("丁", None, "new")]
    assert lines(loaded) == [
        "data/projects.xlsx:7: 项目名称: 分节“三、其他”既不是建设性质（续建、新开工……）也不是地区：其下各行只记作这一组"]


def test_a_summary_sheet_is_checked_against_the_projects_it_sums(site):
    """汇总 by county and in total: a count or an amount that disagrees with the projects is a warning on its cell."""
    _sheets(site / "data" / "projects.xlsx", {
        "汇总": [["全市重点项目汇总表"], ["县区", "项目数", "总投资（亿元）"], ["东山区", 2, 3], ["南岭县", 2, 9.5], ["合计", 3, 6]],
        "新开工项目": [["序号", "项目名称", "总投资（亿元）"], ["一、东山区（2个）"], [1, "甲", 1], [2, "乙", 2],
                  ["二、南岭县（1个）"], [1, "丙", 3]]})
    loaded = load(site)
    assert [p.place for p in loaded.report.projects.values()] == ["东山区", "东山区", "南岭县"]
    assert lines(loaded) == [
        "data/projects.xlsx[汇总]:4: 项目数: 汇总表“南岭县”一行为 2，但其各项目相加为 1",
        "data/projects.xlsx[汇总]:4: 总投资（亿元）: 汇总表“南岭县”一行为 9.5，但其各项目相加为 3",
        "data/projects.xlsx[新开工项目]: 没有名为 projects 的工作表；读取表头含“项目名称”的这一张（可在配置 files.projects.sheet 中写明）",
        "data/projects.xlsx[汇总]: 汇总表：不作为项目读取，其各行与项目核对"]


def test_the_rows_limit_holds_for_a_tables_sheets_taken_together(site):
    rows = lambda stage, n: [["项目代码", "项目名称"], *[[f"{stage}-{i}", f"{stage}{i}"] for i in range(n)]]  # noqa: E731
    _sheets(site / "data" / "projects.xlsx", {"续建项目": rows("续建", 4), "新开工项目": rows("新开", 4)})
    assert [p for p in lines(load(site, {"limits": {"rows": 6}})) if "超过上限" in p] == [
        "data/projects.xlsx[新开工项目]:4: 数据超过 6 行（读到此行时），超过上限；请拆分文件，或在配置 limits.rows 中调高上限"]


def test_a_sheet_not_read_that_holds_rows_is_a_warning_and_one_that_holds_no_table_a_note(site):
    """说明 and an empty Sheet2 hold no table; 补充项目, headed 项目 rather than 项目名称, may hold projects: said louder."""
    _sheets(site / "data" / "projects.xlsx", {
        "续建项目": [["项目代码", "项目名称"], ["A1", "甲"]], "填表说明": [["本表由各县区填报"]], "Sheet2": [],
        "补充项目": [["序号", "项目", "总投资（亿元）"], [1, "乙", 2]]})
    assert [line for line in lines(load(site)) if "此工作表" in line] == [
        "data/projects.xlsx[补充项目]: 此工作表有内容，但没有被读取：其表头中没有“项目名称”，不是 projects 表；若其中是项目，"
        "请在配置 files.projects.columns 中写明它的表头，若不是，可在设置 ignore 中写上此代码",
        "data/projects.xlsx[Sheet2]: 此工作表没有被读取：其表头中没有“项目名称”，不是 projects 表（若是，请在配置 files.projects.columns 中写明表头）",
        "data/projects.xlsx[填表说明]: 此工作表没有被读取：其表头中没有“项目名称”，不是 projects 表（若是，请在配置 files.projects.columns 中写明表头）"]


def test_a_header_pasted_again_above_each_countys_rows_is_a_header_not_a_project(site):
    """A city pastes its counties' tables one under another, each with its heading and its header of two rows."""
    header = [["序号", "项目名称", "投资（万元）", None], [None, None, "年度计划", "1-10月完成"]]
    _sheets(site / "data" / "projects.xlsx", {"新开工项目": [
        ["一、东山区（1个）"], *header, [1, "甲", 100, 50], ["二、南岭县（1个）"], *header, [1, "乙", 200, 80]]})
    loaded = load(site)
    assert lines(loaded) == []
    assert [(p.name, p.place) for p in loaded.report.projects.values()] == [("甲", "东山区"), ("乙", "南岭县")]
    assert dict(loaded.report.sources[0].account) == {
        "title": 0, "header": 4, "data": 2, "component": 0, "total": 0, "subtotal": 0, "section": 2, "note": 0, "hidden": 0}


def test_every_file_of_the_data_folder_is_accounted_for(site):
    """A Word note is named in a note; an archive subfolder of old months in a warning; the project's own notes aside."""
    from .conftest import write_table

    write_table(site / "data", "projects", [["项目代码", "项目名称"], ["A1", "甲"]])
    (site / "data" / "填报说明.docx").write_bytes(b"PK\x03\x04")
    (site / "data" / "README.md").write_text("# 数据\n", encoding="utf-8")
    write_table(site / "data" / "往年", "2024年项目", [["项目代码", "项目名称"], ["B1", "乙"]], "xls")
    write_table(site / "data" / "往年" / "更早", "2023年项目", [["项目代码", "项目名称"], ["C1", "丙"]])
    assert lines(load(site)) == [
        "data/往年: 子文件夹中的 2 个表格文件没有读取（只读取数据文件夹本身中的表格）；若其中有要发布的表，请把它移到数据文件夹中",
        "data: 数据文件夹中的这些文件不是表格，没有读取：填报说明.docx"]


def test_a_row_above_the_header_that_looks_like_a_project_is_an_error_naming_it(site):
    _sheets(site / "data" / "projects.xlsx", {"续建项目": [
        ["2025年续建项目表"], [1, "甲", 1.5], ["序号", "项目名称", "总投资（亿元）"], [1, "乙", 2]]})
    assert lines(load(site)) == [
        "data/projects.xlsx:2: 此行在表头（第 3 行）之上，却像一个项目（有名称和金额），没有读取；请把表头移到它的上面，或删去此行"]


def test_a_chart_sheet_is_named_in_a_note(site):
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "续建项目"
    for row in (["项目代码", "项目名称", "总投资（亿元）"], ["A1", "甲", 1], ["A2", "乙", 2]):
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=3), titles_from_data=True)
    book.create_chartsheet("投资图").add_chart(chart)
    (site / "data").mkdir()
    book.save(site / "data" / "projects.xlsx")
    loaded = load(site)
    assert len(loaded.report.projects) == 2
    assert [line for line in lines(loaded) if "图表" in line] == ["data/projects.xlsx[投资图]: 图表工作表：只有图表，没有表格，不读取"]


def test_a_summary_titled_with_a_count_word_is_still_checked(site):
    _sheets(site / "data" / "projects.xlsx", {
        "汇总": [["2024年全市重点项目数量及投资完成情况汇总表"], ["县区", "项目数", "总投资（亿元）"], ["东山区", 3, 3]],
        "新开工项目": [["序号", "项目名称", "总投资（亿元）"], ["一、东山区（2个）"], [1, "甲", 1], [2, "乙", 2]]})
    assert [line for line in lines(load(site)) if "汇总表“" in line] == [
        "data/projects.xlsx[汇总]:3: 项目数: 汇总表“东山区”一行为 3，但其各项目相加为 2"]


def test_a_table_a_setting_names_in_a_subfolder_is_not_said_to_be_unread(site):
    from .conftest import write_table

    write_table(site / "data" / "2025", "重点项目", [["项目代码", "项目名称"], ["A1", "甲"]])
    loaded = load(site, {"files": {"projects": {"path": "2025/重点项目.csv"}}})
    assert lines(loaded) == [] and list(loaded.report.projects) == ["A1"]


def test_a_line_above_the_header_that_sums_the_table_is_no_stray_project(site):
    _sheets(site / "data" / "projects.xlsx", {"续建项目": [
        ["2025年续建项目表"], [None, "共2个项目，总投资（亿元）", 3.5], ["序号", "项目名称", "总投资（亿元）"], [1, "甲", 1.5],
        [2, "乙", 2]]})
    assert lines(load(site)) == []


def test_a_place_column_gives_each_project_its_place_before_a_section_does(site):
    _sheets(site / "data" / "projects.xlsx", {"新开工项目": [
        ["序号", "项目名称", "县（市、区）", "总投资（亿元）"], ["一、东山区（2个）"], [1, "甲", None, 1], [2, "乙", "西河区", 2],
        ["二、南岭县（1个）"], [1, "丙", "南岭\n县", 3]]})
    loaded = load(site)
    assert lines(loaded) == ["data/projects.xlsx:4: 县（市、区）: 地区“西河区”与此行所在的分节“东山区”不同；按本列计"]
    assert [(p.name, p.place) for p in loaded.report.projects.values()] == [("甲", "东山区"), ("乙", "西河区"), ("丙", "南岭县")]
