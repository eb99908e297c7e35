"""A city's monthly compiled key-project tables, as a 市发改委 keeps them: a workbook a month (1-8月, 1-9月, 1-10月),
each with a 汇总 sheet by county, then a sheet per stage whose sections are the counties, a three-row header,
总投资 in 亿元 and the rest in 万元, 完成率 as text, 责任单位 merged down a county's rows, names typed over two lines
and a 注 line at the end.

Between the months: 东山区中学扩建 leaves after September, 南岭县冷链物流中心 joins in October, and 东山物流园（二期）
is written with half-width brackets in August.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from . import books

COUNTIES = ("东山区", "南岭县")
STAGES = ("续建项目", "新开工项目", "前期项目")
#: (stage, county, name, 总投资 亿元, 2025年计划 万元, 责任单位, {month: 1-N月完成 万元})
PROJECTS = [
    ("续建项目", "东山区", "东山\n现代农业示范园", 12.5, 10000, "东山区农业农村局", {8: 6000, 9: 7500, 10: 9180}),
    ("续建项目", "东山区", "东山物流园（二期）", 8, 8000, "东山区农业农村局", {8: 5000, 9: 6000, 10: 7000}),
    ("续建项目", "南岭县", "南岭县城污水处理厂", 3.2, 5000, "南岭县住建局", {8: 2000, 9: 2600, 10: 3000}),
    ("新开工项目", "东山区", "东山区中学扩建", 1.5, 3000, "东山区教育局", {8: 600, 9: 900}),
    ("新开工项目", "南岭县", "南岭县光伏电站", 6, 6000, "南岭县发改局", {8: 1000, 9: 2000, 10: 3200}),
    ("新开工项目", "南岭县", "南岭县冷链物流中心", 2, 4000, "南岭县发改局", {10: 800}),
    ("前期项目", "东山区", "东山湖生态修复", 5, 2000, "东山区水利局", {8: 100, 9: 150, 10: 300}),
]
FILES = {8: "2025年1-8月全市重点项目推进情况表", 9: "2025年1-9月全市重点项目推进情况表", 10: "2025年1-10月全市重点项目推进情况表"}
#: The 汇总 cell the office got wrong in October: 南岭县's 年度计划 (16,000 万元 where its projects add up to 15,000).
WRONG_PLAN = 16000


def _rate(done: float, plan: float) -> str:
    return f"{Decimal(done * 100 / plan).quantize(Decimal('0.1'))}%"


def _name(name: str, month: int) -> str:
    return name.replace("（", "(").replace("）", ")") if month == 8 else name


def _stage_sheet(book, stage: str, month: int) -> None:
    ws = book.create_sheet(stage)
    ws.append([f"2025年全市{stage}推进情况表（1-{month}月）"])
    ws.append(["序号", "项目名称", "建设内容及规模", "总投资（亿元）", "2025年", None, None, None, "责任单位"])
    ws.append([None, None, None, None, "投资（万元）", None, None, "完成率", None])
    ws.append([None, None, None, None, "年度计划", f"1-{month}月完成", f"其中{month}月完成", None, None])
    for cells in ("A1:I1", "A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:H2", "E3:G3", "H3:H4", "I2:I4"):
        ws.merge_cells(cells)
    sections = "一二三"
    for s, county in enumerate(COUNTIES):
        rows = [p for p in PROJECTS if p[0] == stage and p[1] == county and month in p[6]]
        if not rows:
            continue
        ws.append([f"{sections[s]}、{county}（{len(rows)}个）"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=9)
        first = ws.max_row + 1
        for i, (_, _, name, total, plan, unit, done) in enumerate(rows, 1):
            this = done[month] - done.get(month - 1, 0) if month - 1 in done else None
            ws.append([i, _name(name, month), "按计划推进", total, plan, done[month], this, _rate(done[month], plan),
                       unit if i == 1 else None])
        if ws.max_row > first:
            ws.merge_cells(start_row=first, start_column=9, end_row=ws.max_row, end_column=9)
    ws.append(["注：完成率为1-N月完成投资占年度计划的比例。"])


def _summary_sheet(ws, month: int) -> None:
    ws.title = "汇总"
    ws.append([f"2025年全市重点项目推进情况汇总表（1-{month}月）"])
    ws.append(["县区", "项目数（个）", "年度计划（万元）", f"1-{month}月完成（万元）", "完成率"])
    ws.merge_cells("A1:E1")
    totals = [0, 0, 0]
    for county in COUNTIES:
        rows = [p for p in PROJECTS if p[1] == county and month in p[6]]
        plan, done = sum(p[4] for p in rows), sum(p[6][month] for p in rows)
        shown = WRONG_PLAN if (county, month) == ("南岭县", 10) else plan
        ws.append([county, len(rows), shown, done, _rate(done, plan)])
        totals = [totals[0] + len(rows), totals[1] + plan, totals[2] + done]
    ws.append(["合计", totals[0], totals[1], totals[2], _rate(totals[2], totals[1])])


def month_book(month: int) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    _summary_sheet(book.active, month)
    for stage in STAGES:
        _stage_sheet(book, stage, month)
    return book


SAVE = {"xlsx": lambda book, path: book.save(path) or path, "xls": books.save_xls, "xlsb": books.save_xlsb,
        "ods": books.save_ods}


def city_series(folder: Path, formats: tuple[str, str, str] = ("xls", "xls", "xlsx")) -> list[Path]:
    """The three months' workbooks in ``folder``, August's and September's saved in ``formats``' first two."""
    folder.mkdir(parents=True, exist_ok=True)
    return [SAVE[fmt](month_book(month), folder / f"{FILES[month]}.{fmt}") for month, fmt in zip((8, 9, 10), formats)]
