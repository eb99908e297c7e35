"""Where each table comes from: its file or its files by period, its sheet, its headers."""

from __future__ import annotations

from pydantic import Field

from ..contract.marks import InvalidValue
from ..contract.periods import parse_period
from ..contract.schema import TABLES
from ..text.catalogue import say
from .base import Settings


class FileSettings(Settings):
    """Where one table comes from and how its headers are named."""

    path: str | None = Field(None, description="file in the data folder (.csv, .xlsx, .xls, .xlsb or .ods); default: the table's name", json_schema_extra={"zh": "数据文件夹中的文件（.csv、.xlsx、.xls、.xlsb 或 .ods）；默认与表同名"})
    sheet: str | None = Field(None, description="sheet of a workbook; default: one named like the table, else the first", json_schema_extra={"zh": "工作簿中的工作表；默认取与表同名的工作表，否则第一张"})
    columns: dict[str, str | list[str]] = Field(default_factory=dict, description="field -> header(s) as written", json_schema_extra={"zh": "字段 → 文件中的表头（可多个）；写出后该字段只认这些表头，写 [] 表示没有此列"})
    latest_by: str | None = Field(None, description="header of a report-date column: rows of one id keep the latest", json_schema_extra={"zh": "报告日期列的表头：同一编号有多行时只保留最新一行"})
    periods: dict[str, str] | str | None = Field(None, description="projects only: files that each hold the whole table at one period, the latest being the project list: each file and its period ({gmpp-2022.csv: 2021-22, gmpp-2023.csv: 2022-23}), or a pattern of file names that say their periods (gmpp-*.csv); default: files named alike but for their periods (1-9月, 1-10月) are found with no setting", json_schema_extra={"zh": "仅用于 projects：每个文件是某一报告期的整张表，最新一期为项目名单。写每个文件及其报告期（{2024年报.xlsx: 2024, 2025年1-9月.xlsx: 2025-09}），或写文件名的通配模式（重点项目*.xlsx，报告期取自文件名）；默认：除报告期外同名的文件（1-9月、1-10月）无需设置即按报告期读取"})
    id_changes: str | None = Field(None, description="projects only: a file in the data folder of two columns, an id as an earlier period's file writes it and the id now (old id, new id), for projects whose id changed between periods", json_schema_extra={"zh": "仅用于 projects：数据文件夹中的一个两列文件（原编号、现编号），写明在以前某期文件中的编号与现在的编号不同的项目"})


def file_problems(table: str, settings: FileSettings, fiscal_start: int, language: str):
    """Each bad key of one table's settings, with its reason: an unknown field, a period that is none, a setting
    for the projects table only."""
    fields = TABLES[table].field_names
    for name in settings.columns:
        if name not in fields:
            yield f"files.{table}.columns.{name}", say("no-such-field", language, values=", ".join(fields))
    for key in ("periods", "id_changes"):
        if getattr(settings, key) is not None and table != "projects":
            yield f"files.{table}.{key}", say("reason-projects-only", language)
    if settings.periods is not None and settings.path is not None:
        yield f"files.{table}.periods", say("reason-periods-path", language)
    for file, period in (settings.periods.items() if isinstance(settings.periods, dict) else ()):
        try:
            parse_period(str(period), (), fiscal_start)
        except InvalidValue as exc:
            reason = "period-fiscal-unset" if exc.code == "period-fiscal-unset" else "reason-period"
            yield f"files.{table}.periods.{file}", say(reason, language, value=period)
