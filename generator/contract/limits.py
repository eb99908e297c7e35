"""How much one data file may hold: generous bounds, so that a careless or hostile file cannot exhaust the machine."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Limits(BaseModel):
    """The ``limits`` setting; a file beyond one of them is an error that names it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    projects: int = Field(20_000, ge=1, description="most projects in a site (each is a page: a build at this many takes minutes and gigabytes)",
                          json_schema_extra={"zh": "一个网站最多的项目数（每个项目一页，达到此数时生成需几分钟、几 GB 内存）"})
    rows: int = Field(200_000, ge=1, description="most rows of data in one file (below its header)",
                      json_schema_extra={"zh": "一个文件最多的数据行数（表头以下）"})
    columns: int = Field(1_000, ge=1, description="most columns with content in one row",
                         json_schema_extra={"zh": "一行中有内容的列数上限"})
    cells: int = Field(2_000_000, ge=1, description="most cells with content in one file, below its header",
                       json_schema_extra={"zh": "一个文件中有内容的单元格总数上限（表头以下）"})
    cell_length: int = Field(32_767, ge=1, description="most characters in one cell (Excel's own limit)",
                             json_schema_extra={"zh": "一个单元格最多的字符数（与 Excel 的上限相同）"})
    file_mb: int = Field(512, ge=1, description="largest file in MB: a CSV or .xls file, or an .xlsx, .xlsb or .ods file unpacked",
                         json_schema_extra={"zh": "文件大小上限（MB）：CSV 或 .xls 文件本身，或 .xlsx、.xlsb、.ods 解压后的大小"})


#: Rows above a table's header (titles, units, header rows) that the readers allow beyond ``rows``, and cells
#: (:data:`HEADROOM_CELLS`) beyond ``cells``; the exact counts of data rows and data cells are checked once the
#: header is known: neither counts the header.
HEADROOM = 100
HEADROOM_CELLS = HEADROOM * 1_000
