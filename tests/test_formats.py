"""Workbooks as offices save them: .xls (Excel 97–2003, WPS's default), .xlsb (Excel's binary workbook) and .ods read
as .xlsx is, with what they hide; what a file really is told by its content; files that cannot be read say what to save them as."""

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator.contract.dates import PartialDate
from generator.contract.limits import Limits
from generator.contract.marks import InvalidValue
from generator.reading.sources import read_sheet

from . import books, office
from .conftest import lines, load
from .sites import new_site, run

SAVE = {"xlsx": lambda book, path: book.save(path) or path, "xls": books.save_xls, "xlsb": books.save_xlsb,
        "ods": books.save_ods}


def _district(site: Path, fmt: str) -> dict:
    name = office.WORKBOOK.replace(".xlsx", f".{fmt}")
    (site / "data").mkdir(parents=True, exist_ok=True)
    SAVE[fmt](office.workbook(), site / "data" / name)
    (site / "data" / office.EXPORT).write_bytes(office.export_csv())
    return {"files": {"projects": {"path": name}, "progress": {"path": office.EXPORT}}}


def test_the_district_workbook_saved_as_xls_xlsb_or_ods_gives_the_same_report_as_the_xlsx(site):
    xlsx = load(site, _district(site, "xlsx"))
    assert lines(xlsx) == [] and len(xlsx.report.projects) == 8
    for fmt in ("xls", "xlsb", "ods"):
        for old in (site / "data").iterdir():
            old.unlink()
        loaded = load(site, _district(site, fmt))
        assert lines(loaded) == []
        same = repr(loaded.report.projects).replace(f"）.{fmt}'", "）.xlsx'")
        assert same == repr(xlsx.report.projects), fmt  # every figure, date, light, note and source row


def _hiding_book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填表说明"
    notes.append(["本表由各县区填报"])
    ws = book.create_sheet("续建项目")
    ws.append(["2025年重点项目进度表"])
    ws.merge_cells("A1:E1")
    ws.append(["序号", "项目名称", "完成率", "开工时间", "计划竣工"])
    ws.append([1, "东山\n现代农业示范园", 0.918, dt.date(2025, 3, 1), dt.date(2026, 6, 1)])
    ws.append([2, "城西污水厂\u200b", 0.5, dt.date(2025, 4, 9), dt.date(2027, 1, 1)])
    ws["C3"].number_format = ws["C4"].number_format = "0.0%"
    ws["D3"].number_format = ws["D4"].number_format = "yyyy-mm-dd"
    ws["E3"].number_format = ws["E4"].number_format = 'yyyy"年"m"月"'
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["D"].hidden = True
    secret = book.create_sheet("内部")
    secret.append(["序号", "项目名称"])
    secret.sheet_state = "hidden"
    return book


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "xlsb", "ods"])
def test_each_format_gives_the_sheet_as_excel_shows_it_with_what_it_hides(tmp_path, fmt):
    path = SAVE[fmt](_hiding_book(), tmp_path / f"book.{fmt}")
    sheet = read_sheet(path, f"book.{fmt}", "projects", header=lambda row: "项目名称" in row)
    assert sheet.label == f"book.{fmt}[续建项目]" and sheet.by_header and sheet.sheets == ["填表说明", "续建项目", "内部"]
    assert sheet.hidden_sheets == ["内部"]
    assert sheet.rows == [
        (1, ["2025年重点项目进度表"]),
        (2, ["序号", "项目名称", "完成率", "开工时间", "计划竣工"]),
        (3, [1, "东山\n现代农业示范园", "91.8%", PartialDate(2025, 3, 1), PartialDate(2026, 6)]),
        (4, [2, "城西污水厂", "50%", PartialDate(2025, 4, 9), PartialDate(2027, 1)]),
    ]
    assert sorted(sheet.merges) == [(1, 1, 0, 4)]
    assert (sheet.hidden_rows, sheet.hidden_columns, sheet.invisible) == ({4}, {3}, {(4, 1): "\u200b"})


def test_an_xls_xlsb_or_ods_data_folder_builds_with_no_setting(tmp_path):
    """The office's one workbook, saved by WPS as .xls, is found and read as the projects table."""
    for fmt in ("xls", "xlsb", "ods"):
        site = new_site(tmp_path / fmt)
        SAVE[fmt](office.workbook(), site / "data" / office.WORKBOOK.replace(".xlsx", f".{fmt}"))
        result = run("validate", cwd=site, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "8 个项目" in result.stdout, result.stdout


def test_what_a_file_is_comes_from_its_content_not_its_name(site):
    data = site / "data"
    data.mkdir()
    book = openpyxl.Workbook()
    book.active.append(["项目编号", "项目名称"])
    book.active.append(["P1", "甲"])
    book.save(data / "projects.xls")  # an .xlsx named .xls
    assert list(load(site).report.projects) == ["P1"]
    (data / "projects.xls").write_bytes("<html><body><table><tr><td>项目名称</td></tr></table></body></html>".encode())
    assert lines(load(site)) == ["data/projects.xls: 文件其实是网页（HTML）或 XML 表格，不是工作簿（网站导出的“Excel”常是这样）；"
                                 "请在 Excel 或 WPS 中打开并另存为 .xlsx"]


def test_files_that_cannot_be_read_say_what_to_save_them_as(site):
    data = site / "data"
    data.mkdir()
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (data / "projects.xls").write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + bytes(1024))
    assert lines(load(site)) == [
        "data/projects.xls: 工作簿设有打开密码（已加密）；请去掉密码后另存为 .xlsx"]
    (data / "projects.xls").write_bytes(ole + bytes(1024))  # a compound file with no workbook in it
    assert lines(load(site))[0].startswith("data/projects.xls: 无法读取文件：")
    (data / "projects.xls").unlink()
    for suffix in (".et", ".numbers"):
        (data / f"projects{suffix}").write_bytes(ole)
        assert lines(load(site)) == [f"data/projects{suffix}: 不支持的文件格式 {suffix}；请另存为 .xlsx 或 CSV"]
        (data / f"projects{suffix}").unlink()


def test_the_xlsb_files_the_tests_write_are_read_alike_by_another_reader(tmp_path):
    """python-calamine (Excel's binary format read in Rust) finds in them the same sheets, values and dates."""
    from python_calamine import CalamineWorkbook

    path = books.save_xlsb(_hiding_book(), tmp_path / "book.xlsb")
    other = CalamineWorkbook.from_path(str(path))
    assert [(s.name, str(s.visible)) for s in other.sheets_metadata] == [
        ("填表说明", "SheetVisibleEnum.Visible"), ("续建项目", "SheetVisibleEnum.Visible"), ("内部", "SheetVisibleEnum.Hidden")]
    assert other.get_sheet_by_name("续建项目").to_python()[2:] == [
        [1, "东山\n现代农业示范园", 0.918, dt.date(2025, 3, 1), dt.date(2026, 6, 1)],
        [2, "城西污水厂\u200b", 0.5, dt.date(2025, 4, 9), dt.date(2027, 1, 1)]]


def test_an_xlsb_gives_strings_kept_in_its_cells_and_refuses_damage_and_bombs(tmp_path):
    book = _hiding_book()
    shared = read_sheet(books.save_xlsb(book, tmp_path / "a.xlsb"), "a.xlsb", "projects", sheet="续建项目")
    inline = read_sheet(books.save_xlsb(book, tmp_path / "b.xlsb", inline_strings=True), "b.xlsb", "projects",
                        sheet="续建项目")
    assert inline.rows == shared.rows and inline.rows[2][1][:3] == [1, "东山\n现代农业示范园", "91.8%"]

    with zipfile.ZipFile(tmp_path / "a.xlsb") as source, zipfile.ZipFile(tmp_path / "cut.xlsb", "w") as cut:
        for item in source.infolist():
            data = source.read(item)
            cut.writestr(item, data[:-7] if item.filename == "xl/worksheets/sheet2.bin" else data)
    with pytest.raises(InvalidValue) as error:
        read_sheet(tmp_path / "cut.xlsb", "cut.xlsb", "projects", sheet="续建项目")
    assert error.value.code == "file-unreadable"

    with zipfile.ZipFile(tmp_path / "a.xlsb") as source, zipfile.ZipFile(tmp_path / "bomb.xlsb", "w",
                                                                           zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item)
            bomb.writestr(item.filename, data + bytes(3 << 20) if item.filename.endswith("sheet2.bin") else data)
    assert (tmp_path / "bomb.xlsb").stat().st_size < 100_000
    with pytest.raises(InvalidValue) as error:
        read_sheet(tmp_path / "bomb.xlsb", "bomb.xlsb", "projects", limits=Limits(file_mb=2))
    assert error.value.code == "limit-size"


def _ods(path: Path, body: str, prolog: str = "") -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="projects">{body}</table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _cell(text: str, repeat: int = 1) -> str:
    return (f'<table:table-cell office:value-type="string" table:number-columns-repeated="{repeat}">'
            f'<text:p>{text}</text:p></table:table-cell>')


def test_an_ods_sheets_million_empty_rows_and_columns_cost_nothing_and_repeated_content_meets_the_limits(site):
    data = site / "data"
    data.mkdir()
    head = f"<table:table-row>{_cell('项目编号')}{_cell('项目名称')}</table:table-row>"
    body = (head + f"<table:table-row>{_cell('P1')}{_cell('甲')}"
            '<table:table-cell table:number-columns-repeated="16382"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
            'table:number-columns-repeated="16384"/></table:table-row>')
    _ods(data / "projects.ods", body)
    loaded = load(site)
    assert lines(loaded) == [] and list(loaded.report.projects) == ["P1"]
    _ods(data / "projects.ods", head + f'<table:table-row table:number-rows-repeated="1000000">{_cell("P1")}</table:table-row>')
    # reading stops a little past the limit (the limit itself counts rows under the header, once it is found)
    assert lines(load(site, {"limits": {"rows": 5}})) == [
        "data/projects.ods:106: 数据超过 5 行（读到此行时），超过上限；请拆分文件，或在配置 limits.rows 中调高上限"]
    _ods(data / "projects.ods", f"<table:table-row>{_cell('项目编号', 1_000_000)}</table:table-row>")
    assert lines(load(site, {"limits": {"columns": 3}})) == [
        "data/projects.ods:1: 此行有内容的列超过 3 列，超过上限；请删去无关的列，或在配置 limits.columns 中调高上限"]


def test_an_ods_whose_xml_declares_entities_is_refused(site):
    data = site / "data"
    data.mkdir()
    laughs = '<!DOCTYPE x [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    _ods(data / "projects.ods", f"<table:table-row>{_cell('&b;')}</table:table-row>", prolog=laughs)
    assert lines(load(site)) == [
        "data/projects.ods: 工作簿的 XML 中声明了实体或外部引用（可能是恶意构造的文件），拒绝读取；请在 Excel 或 WPS 中打开并另存为 .xlsx"]


def test_an_ods_cells_comment_is_not_its_text_and_rows_that_show_nothing_cost_nothing(site):
    data = site / "data"
    data.mkdir()
    note = ('<table:table-cell office:value-type="string"><office:annotation><text:p>请核实</text:p></office:annotation>'
            '<text:p>东山大道</text:p></table:table-cell>')
    blank = ('<table:table-row table:number-rows-repeated="1000000000"><table:table-cell office:value-type="string" '
             'table:number-columns-spanned="2"><text:p> </text:p></table:table-cell></table:table-row>')
    _ods(data / "projects.ods", f"<table:table-row>{_cell('项目编号')}{_cell('项目名称')}</table:table-row>"
                                f"<table:table-row>{_cell('P1')}{note}</table:table-row>{blank}")
    loaded = load(site)
    assert lines(loaded) == [] and loaded.report.projects["P1"].name == "东山大道"


def test_an_ods_whose_mimetype_is_not_its_first_part_is_still_an_ods(site):
    data = site / "data"
    data.mkdir()
    body = f"<table:table-row>{_cell('项目编号')}{_cell('项目名称')}</table:table-row><table:table-row>{_cell('P1')}{_cell('甲')}</table:table-row>"
    _ods(data / "first.ods", body)
    with zipfile.ZipFile(data / "first.ods") as src, zipfile.ZipFile(data / "projects.ods", "w") as out:
        out.writestr("content.xml", src.read("content.xml"))  # as some programs write it: mimetype last, deflated
        out.writestr("mimetype", src.read("mimetype"), compress_type=zipfile.ZIP_DEFLATED)
    (data / "first.ods").unlink()
    assert list(load(site).report.projects) == ["P1"]


def test_an_ods_sheet_past_the_limits_that_is_not_read_does_not_stop_the_one_that_is(site):
    data = site / "data"
    data.mkdir()
    wide = f'<table:table-row>{_cell("说明", 2000)}</table:table-row>'
    good = f"<table:table-row>{_cell('项目编号')}{_cell('项目名称')}</table:table-row><table:table-row>{_cell('P1')}{_cell('甲')}</table:table-row>"
    path = _ods(data / "projects.ods", wide)
    content = zipfile.ZipFile(path).read("content.xml").decode()
    content = content.replace('<table:table table:name="projects">', '<table:table table:name="说明">').replace(
        "</table:table></office:spreadsheet>", f'</table:table><table:table table:name="2025年">{good}</table:table></office:spreadsheet>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    loaded = load(site)
    assert list(loaded.report.projects) == ["P1"] and loaded.ok


def _by_id(path: Path, ids: dict[str, int]) -> Path:
    """The .xlsx at ``path`` with these number formats written by built-in id alone, as a Chinese Excel saves them."""
    with zipfile.ZipFile(path) as book:
        parts = {item.filename: book.read(item) for item in book.infolist()}
    styles = parts["xl/styles.xml"].decode()
    for code, number in ids.items():
        written = code.replace('"', "&quot;")
        custom = re.search(rf'<numFmt numFmtId="(\d+)" formatCode="{re.escape(written)}"\s*/>', styles)
        styles = styles.replace(custom[0], "").replace(f'numFmtId="{custom[1]}"', f'numFmtId="{number}"')
    parts["xl/styles.xml"] = styles.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


@pytest.mark.parametrize("fmt", ["xlsx", "xlsb"])
def test_dates_a_chinese_excel_formats_by_id_alone_are_dates_at_their_precision(tmp_path, fmt):
    book = openpyxl.Workbook()
    book.active.append(["项目名称", "开工时间", "计划竣工"])
    book.active.append(["甲", dt.date(2025, 3, 1), dt.date(2026, 6, 1)])
    book.active["B2"].number_format = 'yyyy"年"m"月"d"日"'
    book.active["C2"].number_format = 'yyyy"年"m"月"'
    ids = {'yyyy"年"m"月"d"日"': 31, 'yyyy"年"m"月"': 27}
    if fmt == "xlsx":
        book.save(tmp_path / "book.xlsx")
        path = _by_id(tmp_path / "book.xlsx", ids)
    else:
        path = books.save_xlsb(book, tmp_path / "book.xlsb", by_id=ids)
    assert read_sheet(path, path.name, "projects").rows[1] == (2, ["甲", PartialDate(2025, 3, 1), PartialDate(2026, 6)])


def _rewrite(source: Path, target: Path, change) -> Path:
    """The zip ``source`` written again as ``target``, each part's bytes passed through ``change(name, data)``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, change(item.filename, old.read(item)))
    return target


def test_a_damaged_or_hostile_xlsb_is_a_problem_naming_what_is_wrong(tmp_path):
    import struct

    good = books.save_xlsb(_hiding_book(), tmp_path / "good.xlsb")

    def code(path: Path) -> str:
        with pytest.raises(InvalidValue) as error:
            read_sheet(path, path.name, "projects", sheet="续建项目")
        return error.value.code

    rels = "xl/_rels/workbook.bin.rels"
    assert code(_rewrite(good, tmp_path / "rels.xlsb", lambda n, d: d[:-20] if n == rels else d)) == "file-unreadable"
    entity = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]><Relationships>&e;</Relationships>'
    assert code(_rewrite(good, tmp_path / "dtd.xlsb", lambda n, d: entity if n == rels else d)) == "file-unsafe-xml"
    deflated = bytearray(good.read_bytes())
    at = deflated.find(b"xl/worksheets/sheet2.bin") + len("xl/worksheets/sheet2.bin")
    deflated[at + 10:at + 40] = bytes(30)  # the compressed data of a sheet damaged
    (tmp_path / "zlib.xlsb").write_bytes(bytes(deflated))
    assert code(tmp_path / "zlib.xlsb") == "file-unreadable"
    far = books._record(7, struct.pack("<III", 0x7FFFFFF0, 0, 0))  # a cell two billion columns along
    wide = _rewrite(good, tmp_path / "wide.xlsb", lambda n, d: d.replace(books._record(146), far + books._record(146))
                    if n.endswith("sheet2.bin") else d)
    assert code(wide) == "limit-columns"
    shared = _rewrite(good, tmp_path / "shared.xlsb", lambda n, d: d.replace(b"sheet3.bin", b"sheet2.bin") if n == rels else d)
    assert code(shared) == "file-unreadable"


def test_a_workbook_of_more_sheets_than_the_limit_is_refused():
    from generator.reading.choice import MAX_SHEETS, choose_sheet

    with pytest.raises(InvalidValue) as error:
        choose_sheet([(f"第{i}县", True) for i in range(MAX_SHEETS + 1)], "projects", None, None)
    assert (error.value.code, error.value.params) == ("limit-sheets", {"count": MAX_SHEETS + 1, "limit": MAX_SHEETS})
