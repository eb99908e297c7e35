"""A district's 1-10月 key-project workbook and its province platform's GBK export, laid out as offices keep them.

The same files are the example in ``examples/district-monthly/data``; to write them again:
``python -m tests.office examples/district-monthly/data``.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

WORKBOOK = "示例区2024年重点项目建设进度表（1-10月）.xlsx"
EXPORT = "省重点项目监测平台导出_2024年1-10月.csv"

HEAD = ["序号", "项目名称", "项目代码", "项目级别", "行业领域", "所属产业链", "建设单位（业主）", "建设规模及主要内容", "建设起止年限",
        "总投资", "截至2023年底累计完成投资", "2024年计划投资", "1-10月完成投资", None, "开工以来累计完成投资", "计划开工时间",
        "实际开工时间", "计划竣工（投产）时间", "形象进度", "亮灯情况", "存在问题及需协调事项", "责任单位", "联系区领导",
        "2024年分月完成投资", *[None] * 11, "备注"]
SUB = [None] * 12 + ["完成额", "占年度计划（%）"] + [None] * 9 + [f"{m}月" for m in range(1, 13)] + [None]
MONTHS_AT = HEAD.index("2024年分月完成投资")


def _months(per_month: list[int]) -> list:
    return [*per_month, *[None] * (12 - len(per_month))]


#: (序号, 名称, 代码, 级别, 领域, 产业链, 业主, 内容, 年限, 总投资, 截至上年底, 年度计划, 1-10月, 开工以来, 计划开工, 实际开工, 计划竣工,
#:  形象进度, 亮灯, 问题, 责任单位, 领导, months, 备注) in 万元
CONTINUING = [
    ("1", "智能装备产业园（一期）", "2022-330112-34-01-104512", "省重点、市重点", "工业", "高端装备", "示例智能装备有限公司",
     "新建厂房12万平方米，购置生产线8条", "2022-2025", 150000, 62000, 36000, 30000, 92000, "2022-03", "2022-03-18", "2025-12",
     "主体结构封顶，设备安装中", "绿灯", "无", "区经信局", "王副区长", [3000] * 10, None),
    ("2", "城西污水处理厂提标改造", "2023-330112-46-01-208831", "市重点", "生态环保", None, "示例水务集团", "日处理规模10万吨提标至准IV类",
     "2023-2024", 42000, 18000, 24000, 15000, 33000, "2023-05", "2023-05-10", "2024-12", "生化池改造完成60%", "黄灯",
     "管网迁改涉及两处民房，需街道协调", "区住建局", "李副区长", [1500] * 10, None),
    ("3", "示例区人民医院迁建", "2021-330112-84-01-100027", "区重点", "社会民生", None, "区卫健局", "新建床位800张",
     "2021-2025", 98000, 71000, 15000, 4000, 75000, "2021-09", "2021-09-28", "2025-06", "门诊楼装修", "红灯",
     "设备采购招标流标，需重新组织", "区卫健局", "张区长", [400] * 10, None),
]
NEW = [
    ("1", "新能源汽车零部件项目", "2024-330112-36-03-424564", "省重点", "工业", "新能源汽车", "示例新能源科技有限公司",
     "年产50万套电驱系统", "2024-2026", 120000, None, 30000, 27000, 27000, "2024-02", "2024-02-26", "2026-06",
     "桩基施工完成", "绿灯", "无", "区投促局", "王副区长", [0, 0, 3000, 3000, 3000, 3000, 3000, 4000, 4000, 4000], None),
    ("2", "城市更新片区综合提升（打包项目）", "2024-330112-47-01-512233", "市重点", "基础设施", None, "区城投集团",
     "3个子项目：道路、管网、公园", "2024-2026", 60000, None, 20000, 12000, 12000, "2024-04", "2024-04-15", "2026-12",
     "道路工程完成路基", "黄灯", "公园地块征迁尚未完成", "区住建局", "李副区长", [0, 0, 0, 1000, 1000, 2000, 2000, 2000, 2000, 2000], None),
    ("2-1", "滨河路改造工程", None, None, None, None, None, "道路2.3公里", None, 25000, None, 10000, 8000, 8000,
     None, None, None, "路基完成", None, None, None, None, [None] * 10, None),
    ("2-2", "片区雨污分流工程", None, None, None, None, None, "管网18公里", None, 20000, None, 6000, 4000, 4000,
     None, None, None, "管网铺设40%", None, None, None, None, [None] * 10, None),
    ("2-3", "滨河公园", None, None, None, None, None, "公园8公顷", None, 15000, None, 4000, 0, 0,
     None, None, None, "征迁中", None, None, None, None, [None] * 10, None),
    ("3", "数字经济总部大楼", "2024-330112-65-01-530018", "区重点", "现代服务业", "数字经济", "示例数科集团",
     "总部大楼8万平方米", "2024-2027", 80000, None, 15000, 0, 0, "2024-06", None, "2027-12", "施工许可办理中", "红灯",
     "用地规划调整未批复，未按期开工", "区发改局", "张区长", [0] * 10, "保密项目信息已脱敏"),
]
PREPARATORY = [
    ("1", "生物医药孵化园", "2024-330112-27-01-610045", "区重点", "工业", "生物医药", "待定", "孵化用房5万平方米", "2025-2027", 50000, None, 2000, 300,
     300, "2025-03", None, "2027-12", "完成可研编制", None, "用地指标待落实", "区发改局", "张区长", [0] * 9 + [300], None),
    ("2", "农产品冷链物流中心", "2024-330112-59-01-610112", "区重点", "农业农村", None, "示例供销集团", "冷库3万吨", "2025-2026", 30000, None, 1000,
     0, None, "2025-06", None, "2026-12", "项目选址论证", None, "无", "区农业农村局", "李副区长", [None] * 10, None),
]


def _amounts(rows) -> tuple[int, int, int, int]:
    main = [r for r in rows if "-" not in r[0]]
    def add(i): return sum(r[i] for r in main if isinstance(r[i], (int, float)))
    return add(9), add(11), add(12), add(13)


def _row(r) -> list:
    (serial, name, code, level, sector, chain, owner, scope, years, total, before, plan, done, since, planned_start,
     started, finish, image, light, issue, office, leader, months, remark) = r
    share = round(done / plan * 100, 1) if isinstance(done, (int, float)) and plan else None
    return [serial, name, code, level, sector, chain, owner, scope, years, total, before, plan, done, share, since,
            planned_start, started, finish, image, light, issue, office, leader, *_months(months), remark]


def _heading(ws, text: str, rows) -> None:
    total, plan, done, since = _amounts(rows)
    line = [text, None, None, None, None, None, None, None, None, total, None, plan, done, None, None] + [None] * (len(HEAD) - 15)
    ws.append(line)
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=9)
    ws.cell(ws.max_row, 1).font = Font(bold=True)


def workbook() -> openpyxl.Workbook:
    """The workbook: a merged title, the 填报 line with 截至 and 单位：万元, two merged header rows, a 合计 row on top,
    three sections with their subtotals on the heading row, a package project with sub-rows 2-1 … 2-3."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "1-10月"
    width = len(HEAD)
    ws.append(["示例区2024年重点项目建设进度表（1-10月）"] + [None] * (width - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["填报单位：示例区发展和改革局", None, None, None, None, "截至：2024年10月31日", None, None, None, None, None, None,
               "序时进度：83.3%"] + [None] * (width - 14) + ["单位：万元"])
    ws.append(HEAD)
    ws.append(SUB)
    groups = {13, 14, *range(MONTHS_AT + 1, MONTHS_AT + 13)}  # columns under a group header
    for col, header in enumerate(HEAD, start=1):
        if header is not None and col not in groups:
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws.merge_cells(start_row=3, start_column=13, end_row=3, end_column=14)
    ws.merge_cells(start_row=3, start_column=MONTHS_AT + 1, end_row=3, end_column=MONTHS_AT + 12)
    every = CONTINUING + NEW + PREPARATORY
    total, plan, done, since = _amounts(every)
    ws.append(["合计", None, None, None, None, None, None, None, None, total, None, plan, done, round(done / plan * 100, 1)]
              + [None] * (width - 14))
    for heading, rows in (("一、续建项目（3个）", CONTINUING), ("二、新开工项目（3个）", NEW), ("三、预备项目（2个）", PREPARATORY)):
        _heading(ws, heading, rows)
        for r in rows:
            ws.append(_row(r))
    ws.append(["注：亮灯规则：完成率不低于序时进度为绿灯，低于序时进度30个百分点以内为黄灯，其余为红灯。"] + [None] * (width - 1))
    return book


EXPORT_HEAD = ["项目代码", "项目名称", "报送期别", "本月完成投资(万元)", "本年累计完成投资(万元)", "形象进度", "是否开工", "填报人", "审核状态"]


def export_rows() -> list[list[str]]:
    """The platform's monthly rows for the projects that have a code, months 8 to 10 (万元, with thousands
    separators as the platform writes them)."""
    out = []
    for r in CONTINUING + NEW:
        if "-" in r[0] or r[2] is None:
            continue
        months = r[22]
        for m in (8, 9, 10):
            ytd = sum(months[:m])
            out.append([r[2], r[1].replace("（", "(").replace("）", ")"), f"2024年{m}月", f"{months[m - 1]:,.2f}",
                        f"{ytd:,.2f}", r[17] if m == 10 else "", "是" if r[15] else "否", "张三", "已审核"])
    return out


def export_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_HEAD)
    writer.writerows(export_rows())
    return buffer.getvalue().encode("gbk")


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    workbook().save(folder / WORKBOOK)
    (folder / EXPORT).write_bytes(export_csv())


if __name__ == "__main__":
    write(Path(sys.argv[1]))
