"""Every user-facing problem message, in Chinese and English, in one place."""

from __future__ import annotations

import errno
from typing import NamedTuple

#: code -> (severity, Chinese template, English template). Templates use str.format fields.
MESSAGES: dict[str, tuple[str, str, str]] = {
    # files
    "file-missing": ("error", "缺少必需的数据文件 {name}（可为 .csv 或 .xlsx）", "required data file {name} is missing (.csv or .xlsx)"),
    "file-ambiguous": ("error", "同一张表有多个文件：{files}；请只保留一个", "one table is given by several files: {files}; keep one"),
    "file-unreadable": ("error", "无法读取文件：{reason}", "cannot read the file: {reason}"),
    "file-format": ("error", "不支持的文件格式 {suffix}；请另存为 .xlsx 或 CSV", "unsupported file format {suffix}; save it as .xlsx or CSV"),
    "encoding-unknown": ("error", "无法识别文件编码；请另存为 UTF-8 或 GBK 编码的 CSV，或在配置中设置 encoding", "cannot tell the file's encoding; save it as UTF-8 or GBK CSV, or set `encoding` in the configuration"),
    "encoding-invalid": ("error", "按 {encoding} 编码读取失败：{reason}", "cannot decode the file as {encoding}: {reason}"),
    "file-not-workbook": ("error", "文件不是 .xlsx 工作簿；请在 Excel 或 WPS 中打开并另存为 .xlsx 或 CSV", "the file is not an .xlsx workbook; open it in Excel or WPS and save it as .xlsx or CSV"),
    "file-encrypted": ("error", "工作簿设有打开密码（已加密），或是改了扩展名的旧版 .xls 文件；请去掉密码后另存为 .xlsx", "the workbook is encrypted (it has an opening password), or is an old .xls file renamed; remove the password and save it as .xlsx"),
    "file-html": ("error", "文件其实是网页（HTML）或 XML 表格，不是 .xlsx 工作簿（网站导出的“Excel”常是这样）；请在 Excel 或 WPS 中打开并另存为 .xlsx", "the file is a web page (HTML) or an XML table, not an .xlsx workbook (as “Excel” exports from websites often are); open it in Excel or WPS and save it as .xlsx"),
    "file-unsafe-xml": ("error", "工作簿的 XML 中声明了实体或外部引用（可能是恶意构造的文件），拒绝读取；请在 Excel 或 WPS 中打开并另存为 .xlsx", "the workbook's XML declares entities or outside references (it may have been crafted to do harm) and is not read; open it in Excel or WPS and save it as .xlsx"),
    "limit-size": ("error", "文件（解压后）约 {size} MB，超过上限 {limit} MB；请删去无关内容，或在配置 limits.file_mb 中调高上限", "the file is about {size} MB (unpacked), above the limit of {limit} MB; remove what does not belong, or raise limits.file_mb in the configuration"),
    "limit-rows": ("error", "数据超过 {limit} 行（读到此行时），超过上限；请拆分文件，或在配置 limits.rows 中调高上限", "the file holds more than {limit} rows of data (at this row), above the limit; split it, or raise limits.rows in the configuration"),
    "limit-columns": ("error", "此行有内容的列超过 {limit} 列，超过上限；请删去无关的列，或在配置 limits.columns 中调高上限", "this row has content in more than {limit} columns, above the limit; remove the columns that do not belong, or raise limits.columns in the configuration"),
    "limit-cells": ("error", "有内容的单元格超过 {limit} 个，超过上限；请拆分文件，或在配置 limits.cells 中调高上限", "the file holds more than {limit} cells with content, above the limit; split it, or raise limits.cells in the configuration"),
    "limit-part": ("error", "工作簿中的 {part} 有超过 {limit} 个元素，远多于任何表格所需（Excel 最多 64000 种单元格格式），文件可能已损坏或是恶意构造的；请在 Excel 或 WPS 中另存", "the workbook's {part} holds more than {limit} elements, far more than any table needs (Excel keeps at most 64,000 cell formats): it is damaged or crafted; save it again in Excel or WPS"),
    "limit-cell": ("error", "单元格 {cell} 有 {length} 个字符，超过上限 {limit}；请缩短，或在配置 limits.cell_length 中调高上限", "cell {cell} holds {length} characters, above the limit of {limit}; shorten it, or raise limits.cell_length in the configuration"),
    "sheet-none": ("error", "工作簿中没有工作表（可能存为了“严格 Open XML”格式）；请在 Excel 或 WPS 中另存为普通的 .xlsx", "the workbook has no worksheet (it may be saved as “Strict Open XML”); save it as an ordinary .xlsx in Excel or WPS"),
    "sheet-all-hidden": ("error", "工作簿中的工作表（{sheets}）都被隐藏；要读取其中一张，请在配置 files.<表>.sheet 中写出它的名称", "every worksheet of the workbook ({sheets}) is hidden; to read one, name it under files.<table>.sheet in the configuration"),
    "sheet-missing": ("error", "工作簿中没有名为“{sheet}”的工作表；现有：{sheets}", "the workbook has no sheet named “{sheet}”; it has: {sheets}"),
    # headers
    "header-missing-sheet": ("error", "找不到表头行：没有任何一行含有“{field}”列（可用表头：{accepted}）；工作簿中有工作表：{sheets}，可在配置 files.{table}.sheet 中指定", "no header row found: no row holds the {field} column (accepted headers: {accepted}); the workbook has sheets {sheets}: name one with files.{table}.sheet"),
    "formula-no-value": ("error", "公式 {formula} 没有保存计算结果（文件可能由程序生成）；请在 Excel 或 WPS 中打开并保存后再试", "formula {formula} has no saved result (the file was probably written by a program); open and save it in Excel or WPS"),
    "header-missing": ("error", "找不到表头行：没有任何一行含有“{field}”列（可用表头：{accepted}）", "no header row found: no row holds the {field} column (accepted headers: {accepted})"),
    "column-missing": ("error", "缺少必需的列“{field}”（可用表头：{accepted}）", "required column {field} is missing (accepted headers: {accepted})"),
    "column-duplicate": ("error", "此列与“{other}”列都对应“{field}”；请只保留一列", "this column and “{other}” both give {field}; keep one"),
    "column-unit": ("error", "表头中的单位“{unit}”无法识别（可用单位：{accepted}）", "unit “{unit}” in the header is not known (accepted units: {accepted})"),
    "latest-by-missing": ("error", "配置的 latest_by 列“{header}”不在表头中", "the latest_by column “{header}” is not in the header"),
    # values
    "value-missing": ("error", "“{field}”不能为空", "{field} must not be empty"),
    "id-duplicate": ("error", "编号“{value}”重复（第 {first} 行已使用）", "id “{value}” is used twice (first in row {first})"),
    "id-unsafe": ("error", "编号“{value}”不能用作网址：只允许字母、数字和 - _ .，不能含“..”，也不能以“.”开头", "id “{value}” cannot be part of a URL: use letters, digits, -, _ and . only, with no “..” and no “.” first"),
    "id-reserved": ("error", "编号“{value}”是网站自用的页面名，不能用作编号；请换一个编号", "id “{value}” is the name of one of the site's own pages and cannot be an id; choose another"),
    "cluster-unknown": ("error", "产业集群“{value}”不在 clusters 表中（已有：{accepted}）", "cluster “{value}” is not in the clusters table (known: {accepted})"),
    "project-unknown": ("error", "项目“{value}”不在 projects 表中", "project “{value}” is not in the projects table"),
    "project-mismatch": ("error", "项目编号“{id}”与项目名称“{value}”不是同一个项目", "project id “{id}” and project name “{value}” are not the same project"),
    "status-unknown": ("error", "未知的状态“{value}”（可用：{accepted}；可在配置 statuses 中添加）", "unknown status “{value}” (accepted: {accepted}; add words under `statuses` in the configuration)"),
    "category-unknown": ("error", "未知的项目类别“{value}”（可用：{accepted}）", "unknown category “{value}” (accepted: {accepted})"),
    "level-unknown": ("error", "未知的项目级别“{value}”（可用：{accepted}；可在配置 levels 中添加）", "unknown level “{value}” (accepted: {accepted}; add words under `levels` in the configuration)"),
    "amount-invalid": ("error", "“{value}”不是金额：应为数字（可带单位和“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空", "“{value}” is not an amount: expected a number (with an optional unit and 约/以上/超/近), a withheld mark such as xx, 待定, or an empty cell"),
    "amount-unit": ("error", "“{value}”中的单位“{unit}”无法识别（可用单位：{accepted}）", "unit “{unit}” in “{value}” is not known (accepted units: {accepted})"),
    "number-invalid": ("error", "“{value}”不是数字", "“{value}” is not a number"),
    "date-invalid": ("error", "“{value}”不是日期：应如 2022-01-26、2022/1/26、2022年1月26日、2022年1月 或 2022年", "“{value}” is not a date: expected e.g. 2022-01-26, 2022/1/26, 2022年1月26日, 2022年1月 or 2022年"),
    "period-invalid": ("error", "“{value}”不是报告期：应如 2022-03（月）、2022Q1 或 2022年一季度（季度）、2022（年）", "“{value}” is not a reporting period: expected a month (2022-03), a quarter (2022Q1, 2022年一季度) or a year (2022)"),
    "years-invalid": ("error", "“{value}”不是年度：应如 2022 或 2021;2022", "“{value}” is not a year or list of years: expected e.g. 2022 or 2021;2022"),
    "progress-duplicate": ("error", "项目“{project}”在报告期 {period} 已有一行（第 {first} 行）", "project “{project}” already has a row for period {period} (row {first})"),
    # warnings
    "withheld-value": ("warning", "“{value}”为未公开数值：页面显示为“未公开”{effect}", "“{value}” is withheld: shown as 未公开 (not disclosed){effect}"),
    "negative-amount": ("warning", "“{value}”是负数：投资和产值一般不为负，请核对", "“{value}” is negative: investment and output are rarely below zero; please check"),
    "column-unknown": ("warning", "表头“{column}”未被识别，此列不发布；如果它是“{suggestion}”，请改表头或在配置 files.{table}.columns 中指定", "header “{column}” is not recognised and the column is not published; if it is {suggestion}, rename it or map it under files.{table}.columns"),
    "column-not-published": ("warning", "表头“{column}”不是已知的列，此列不发布；如需在项目页上发布，请在配置 publish_columns 中列出", "header “{column}” is no known column and is not published; to publish it on project pages, list it under publish_columns in the configuration"),
    "personal-data": ("warning", "此列看起来是个人信息（{reason}），不发布；确需公开时请在配置 publish_personal 中列出", "this column looks like personal data ({reason}) and is not published; to publish it all the same, list it under publish_personal in the configuration"),
    "personal-data-required": ("error", "此列看起来含有个人信息（{reason}），而它必须发布；请删去这些内容，或确需公开时在配置 publish_personal 中列出此列", "this column looks like it holds personal data ({reason}) and it must be published; remove that content, or list the column under publish_personal to publish it all the same"),
    "hidden-sheets": ("warning", "工作簿隐藏的工作表（{sheets}）未读取，也不发布", "the workbook's hidden sheets ({sheets}) are not read and not published"),
    "hidden-rows": ("warning", "工作表隐藏了 {count} 行数据（第 {rows} 行）：未读取，也不发布", "the sheet hides {count} row(s) of data (row {rows}): they are not read and not published"),
    "hidden-columns": ("warning", "工作表隐藏了 {count} 列（{headers}）：未读取，也不发布", "the sheet hides {count} column(s) ({headers}): they are not read and not published"),
    "text-invisible": ("warning", "删除了看不见的控制或格式字符：{chars}", "invisible control or format characters were removed: {chars}"),
    "merged-amount": ("warning", "金额单元格合并了第 {first}—{last} 行：只计入第 {first} 行一次，其余行视为未填报", "an amount cell is merged over rows {first}–{last}: it counts once, in row {first}; the other rows are not reported"),
    "completion-over-100": ("warning", "{what}为 {rate}，超过 100%", "{what} is {rate}, above 100 %"),
    "operation-before-start": ("warning", "投产时间 {operation} 早于开工时间 {start}", "operation date {operation} is before the start date {start}"),
    "total-mismatch": ("warning", "合计行为 {value}，但各行相加为 {computed}", "the total row says {value} but the rows add up to {computed}"),
    # publishing
    "site-holds-sources": ("error", "不能把网站写入 {site}：它是或包含{what} {path}，写入会删除它；请用 -d 指定另一个文件夹", "cannot write the site into {site}: it is or holds the {what} {path}, which writing would delete; name another folder with -d"),
    "site-in-docs": ("error", "不能把网站写入 {site}：它在文档文件夹 {path} 之内；请用 -d 指定另一个文件夹", "cannot write the site into {site}: it is inside the docs folder {path}; name another folder with -d"),
    "site-bad-link": ("error", "不能把网站写入 {site}：它是一个指向自身的（循环）符号链接", "cannot write the site into {site}: it is a symbolic link that loops"),
    "site-not-folder": ("error", "不能把网站写入 {site}：它是一个文件，不是文件夹", "cannot write the site into {site}: it is a file, not a folder"),
    "site-not-ours": ("error", "不能把网站写入 {site}：其中已有不是本工具生成的内容（{files}）；请指定一个空的或不存在的文件夹，或先移走这些内容", "cannot write the site into {site}: it holds content this tool did not make ({files}); name an empty or new folder, or move that content away"),
    "site-busy": ("error", "另一个构建（进程 {pid}）正在写入 {site}；请等它结束后再试", "another build (process {pid}) is writing {site}; try again when it has finished"),
    "site-write-failed": ("error", "无法写入 {path}：{reason}；原有网站保持不变", "cannot write {path}: {reason}; the site stays as it was"),
    # configuration
    "config-invalid": ("error", "配置项 {key}：{reason}", "setting {key}: {reason}"),
    "config-file": ("error", "无法读取配置文件：{reason}", "cannot read the configuration file: {reason}"),
}

#: Labels used inside messages and summaries.
WORDS: dict[str, tuple[str, str]] = {
    "left out of sums": ("，不计入合计（合计标为不完整）", ", left out of sums, which are marked partial"),
    "no effect": ("", ""),
    "annual completion": ("年度完成率", "the annual completion rate"),
    "investment share": ("累计完成投资占计划总投资的比例", "the share of total investment completed"),
    "personal header": ("表头含“{word}”", "the header names “{word}”"),
    "personal cell": ("第 {row} 行的内容像{what}", "row {row} holds what looks like {what}"),
    "id card": ("身份证号", "an ID-card number"),
    "mobile": ("手机号码", "a mobile number"),
    "email": ("电子邮箱", "an e-mail address"),
    "config file": ("配置文件", "configuration file"),
    "docs folder": ("文档文件夹", "docs folder"),
    "data folder": ("数据文件夹", "data folder"),
    "ENOSPC": ("磁盘空间不足", "no space left on the disk"),
    "EDQUOT": ("超出磁盘配额", "disk quota exceeded"),
    "EACCES": ("没有写入权限", "permission denied"),
    "EPERM": ("没有写入权限", "permission denied"),
    "EROFS": ("文件系统是只读的", "the file system is read-only"),
    "EBUSY": ("文件夹正被占用（可能是挂载点）", "the folder is busy (perhaps a mount point)"),
    "page-unlinked": ("没有任何链接通向页面 {page}", "no link leads to page {page}"),
    "pages-unlinked-strict": ("有 {count} 个页面没有链接通向它（--strict）", "{count} unlinked page(s) with --strict"),
    "built": ("已生成网站 {site}：{projects} 个项目、{clusters} 个产业集群、{years} 个年度", "built {site}: {projects} projects, {clusters} clusters, {years} years"),
    "summary": ("{errors} 个错误，{warnings} 个警告", "{errors} error(s), {warnings} warning(s)"),
    "ok": ("数据检查通过：{projects} 个项目，{clusters} 个产业集群，{periods} 个报告期", "data is valid: {projects} projects, {clusters} clusters, {periods} periods"),
}

_SEPARATOR = {"zh": "、", "en": ", "}


def _lang(language: str | None) -> int:
    return 0 if (language or "zh").lower().startswith("zh") else 1


def render(code: str, language: str = "zh", **params) -> str:
    """The message for ``code`` in ``language`` (zh or en), with list parameters joined."""
    template = MESSAGES[code][1 + _lang(language)]
    sep = _SEPARATOR["zh" if _lang(language) == 0 else "en"]
    zh = _lang(language) == 0

    def show(v):
        if hasattr(v, "zh") and hasattr(v, "en"):  # a schema field or any bilingual label
            return v.zh if zh else v.en
        if isinstance(v, (list, tuple)):
            return sep.join(map(str, v))
        return v

    shown = {k: show(v) for k, v in params.items()}
    return template.format(**shown)


def word(key: str, language: str = "zh", **params) -> str:
    return WORDS[key][_lang(language)].format(**params)


class Label(NamedTuple):
    """A phrase in both languages; messages pick the one they are rendered in."""

    zh: str
    en: str


def label(key: str) -> Label:
    return Label(*WORDS[key])


def phrase(key: str, **params) -> Label:
    """A phrase of :data:`WORDS` with its parameters filled in, in both languages (a Label parameter in its own)."""
    def pick(value, i):
        return value[i] if isinstance(value, Label) else value
    return Label(*(WORDS[key][i].format(**{k: pick(v, i) for k, v in params.items()}) for i in (0, 1)))


def os_reason(exc: OSError) -> Label:
    """Why the disk refused, in words (the system's own message for the rarer kinds)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in WORDS:
        return label(name)
    text = exc.strerror or str(exc)
    return Label(text, text)


def severity_of(code: str) -> str:
    return MESSAGES[code][0]


WARNING_CODES = sorted(c for c, (sev, _, _) in MESSAGES.items() if sev == "warning")
