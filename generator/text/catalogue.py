"""Every string the tool shows, keyed, in Chinese and English side by side.

This is the one module that knows which languages there are: everything else asks it for a key's text in
the site's language (:func:`say`), or for the right half of a pair declared with the data contract
(:func:`pick`), and never compares a language itself. Templates get :func:`say` as ``t``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

LANGUAGES = ("zh", "en")


class Label(NamedTuple):
    """A phrase in both languages."""

    zh: str
    en: str

    def in_(self, language: str | None) -> str:
        return self.zh if language_of(language) == "zh" else self.en


L = Label

TEXT: dict[str, Label] = {
    # ---- problems (codes; their severities are in messages.py) ----
    # problems: files
    "file-missing": L("缺少必需的数据文件 {name}（可为 .csv 或 .xlsx）", "required data file {name} is missing (.csv or .xlsx)"),
    "file-ambiguous": L("同一张表有多个文件：{files}；请只保留一个", "one table is given by several files: {files}; keep one"),
    "file-unreadable": L("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "file-format": L("不支持的文件格式 {suffix}；请另存为 .xlsx 或 CSV", "unsupported file format {suffix}; save it as .xlsx or CSV"),
    "encoding-unknown": L("无法识别文件编码；请另存为 UTF-8 或 GBK 编码的 CSV，或在配置中设置 encoding", "cannot tell the file's encoding; save it as UTF-8 or GBK CSV, or set `encoding` in the configuration"),
    "encoding-invalid": L("按 {encoding} 编码读取失败：{reason}", "cannot decode the file as {encoding}: {reason}"),
    "file-not-workbook": L("文件不是 .xlsx 工作簿；请在 Excel 或 WPS 中打开并另存为 .xlsx 或 CSV", "the file is not an .xlsx workbook; open it in Excel or WPS and save it as .xlsx or CSV"),
    "file-encrypted": L("工作簿设有打开密码（已加密），或是改了扩展名的旧版 .xls 文件；请去掉密码后另存为 .xlsx", "the workbook is encrypted (it has an opening password), or is an old .xls file renamed; remove the password and save it as .xlsx"),
    "file-html": L("文件其实是网页（HTML）或 XML 表格，不是 .xlsx 工作簿（网站导出的“Excel”常是这样）；请在 Excel 或 WPS 中打开并另存为 .xlsx", "the file is a web page (HTML) or an XML table, not an .xlsx workbook (as “Excel” exports from websites often are); open it in Excel or WPS and save it as .xlsx"),
    "file-unsafe-xml": L("工作簿的 XML 中声明了实体或外部引用（可能是恶意构造的文件），拒绝读取；请在 Excel 或 WPS 中打开并另存为 .xlsx", "the workbook's XML declares entities or outside references (it may have been crafted to do harm) and is not read; open it in Excel or WPS and save it as .xlsx"),
    "limit-size": L("文件（解压后）约 {size} MB，超过上限 {limit} MB；请删去无关内容，或在配置 limits.file_mb 中调高上限", "the file is about {size} MB (unpacked), above the limit of {limit} MB; remove what does not belong, or raise limits.file_mb in the configuration"),
    "limit-rows": L("数据超过 {limit} 行（读到此行时），超过上限；请拆分文件，或在配置 limits.rows 中调高上限", "the file holds more than {limit} rows of data (at this row), above the limit; split it, or raise limits.rows in the configuration"),
    "limit-columns": L("此行有内容的列超过 {limit} 列，超过上限；请删去无关的列，或在配置 limits.columns 中调高上限", "this row has content in more than {limit} columns, above the limit; remove the columns that do not belong, or raise limits.columns in the configuration"),
    "limit-cells": L("有内容的单元格超过 {limit} 个，超过上限；请拆分文件，或在配置 limits.cells 中调高上限", "the file holds more than {limit} cells with content, above the limit; split it, or raise limits.cells in the configuration"),
    "limit-part": L("工作簿中的 {part} 有超过 {limit} 个元素，远多于任何表格所需（Excel 最多 64000 种单元格格式），文件可能已损坏或是恶意构造的；请在 Excel 或 WPS 中另存", "the workbook's {part} holds more than {limit} elements, far more than any table needs (Excel keeps at most 64,000 cell formats): it is damaged or crafted; save it again in Excel or WPS"),
    "limit-cell": L("单元格 {cell} 有 {length} 个字符，超过上限 {limit}；请缩短，或在配置 limits.cell_length 中调高上限", "cell {cell} holds {length} characters, above the limit of {limit}; shorten it, or raise limits.cell_length in the configuration"),
    "sheet-none": L("工作簿中没有工作表（可能存为了“严格 Open XML”格式）；请在 Excel 或 WPS 中另存为普通的 .xlsx", "the workbook has no worksheet (it may be saved as “Strict Open XML”); save it as an ordinary .xlsx in Excel or WPS"),
    "sheet-all-hidden": L("工作簿中的工作表（{sheets}）都被隐藏；要读取其中一张，请在配置 files.<表>.sheet 中写出它的名称", "every worksheet of the workbook ({sheets}) is hidden; to read one, name it under files.<table>.sheet in the configuration"),
    "sheet-missing": L("工作簿中没有名为“{sheet}”的工作表；现有：{sheets}", "the workbook has no sheet named “{sheet}”; it has: {sheets}"),
    # problems: headers
    "header-missing-sheet": L("找不到表头行：没有任何一行含有“{field}”列（可用表头：{accepted}）；工作簿中有工作表：{sheets}，可在配置 files.{table}.sheet 中指定", "no header row found: no row holds the {field} column (accepted headers: {accepted}); the workbook has sheets {sheets}: name one with files.{table}.sheet"),
    "formula-no-value": L("公式 {formula} 没有保存计算结果（文件可能由程序生成）；请在 Excel 或 WPS 中打开并保存后再试", "formula {formula} has no saved result (the file was probably written by a program); open and save it in Excel or WPS"),
    "header-missing": L("找不到表头行：没有任何一行含有“{field}”列（可用表头：{accepted}）", "no header row found: no row holds the {field} column (accepted headers: {accepted})"),
    "column-missing": L("缺少必需的列“{field}”（可用表头：{accepted}）", "required column {field} is missing (accepted headers: {accepted})"),
    "column-duplicate": L("此列与“{other}”列都对应“{field}”；请只保留一列", "this column and “{other}” both give {field}; keep one"),
    "column-unit": L("表头中的单位“{unit}”无法识别（可用单位：{accepted}）", "unit “{unit}” in the header is not known (accepted units: {accepted})"),
    "latest-by-missing": L("配置的 latest_by 列“{header}”不在表头中", "the latest_by column “{header}” is not in the header"),
    # problems: values
    "value-missing": L("“{field}”不能为空", "{field} must not be empty"),
    "id-duplicate": L("编号“{value}”重复（第 {first} 行已使用）", "id “{value}” is used twice (first in row {first})"),
    "id-unsafe": L("编号“{value}”不能用作网址：只允许字母、数字和 - _ .，不能含“..”，也不能以“.”开头", "id “{value}” cannot be part of a URL: use letters, digits, -, _ and . only, with no “..” and no “.” first"),
    "id-reserved": L("编号“{value}”是网站自用的页面名，不能用作编号；请换一个编号", "id “{value}” is the name of one of the site's own pages and cannot be an id; choose another"),
    "cluster-unknown": L("产业集群“{value}”不在 clusters 表中（已有：{accepted}）", "cluster “{value}” is not in the clusters table (known: {accepted})"),
    "project-unknown": L("项目“{value}”不在 projects 表中", "project “{value}” is not in the projects table"),
    "project-mismatch": L("项目编号“{id}”与项目名称“{value}”不是同一个项目", "project id “{id}” and project name “{value}” are not the same project"),
    "status-unknown": L("未知的状态“{value}”（可用：{accepted}；可在配置 statuses 中添加）", "unknown status “{value}” (accepted: {accepted}; add words under `statuses` in the configuration)"),
    "category-unknown": L("未知的项目类别“{value}”（可用：{accepted}）", "unknown category “{value}” (accepted: {accepted})"),
    "level-unknown": L("未知的项目级别“{value}”（可用：{accepted}；可在配置 levels 中添加）", "unknown level “{value}” (accepted: {accepted}; add words under `levels` in the configuration)"),
    "amount-invalid": L("“{value}”不是金额：应为数字（可带单位和“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空", "“{value}” is not an amount: expected a number (with an optional unit), a withheld mark such as xx, or an empty cell"),
    "amount-unit": L("“{value}”中的单位“{unit}”无法识别（可用单位：{accepted}）", "unit “{unit}” in “{value}” is not known (accepted units: {accepted})"),
    "number-invalid": L("“{value}”不是数字", "“{value}” is not a number"),
    "date-invalid": L("“{value}”不是日期：应如 2022-01-26、2022/1/26、2022年1月26日、2022年1月 或 2022年", "“{value}” is not a date: expected e.g. 2022-01-26, 2022/1/26, 2022-01 or 2022 (add formats under date_formats)"),
    "period-invalid": L("“{value}”不是报告期：应如 2022-03（月）、2022Q1 或 2022年一季度（季度）、2022（年）", "“{value}” is not a reporting period: expected a month (2022-03), a quarter (2022Q1) or a year (2022)"),
    "years-invalid": L("“{value}”不是年度：应如 2022 或 2021;2022", "“{value}” is not a year or list of years: expected e.g. 2022 or 2021;2022"),
    "progress-duplicate": L("项目“{project}”在报告期 {period} 已有一行（第 {first} 行）", "project “{project}” already has a row for period {period} (row {first})"),
    # problems: warnings
    "withheld-value": L("“{value}”为未公开数值：页面显示为“未公开”{effect}", "“{value}” is withheld: shown as withheld{effect}"),
    "negative-amount": L("“{value}”是负数：投资和产值一般不为负，请核对", "“{value}” is negative: investment and output are rarely below zero; please check"),
    "column-unknown": L("表头“{column}”未被识别，此列不发布；如果它是“{suggestion}”，请改表头或在配置 files.{table}.columns 中指定", "header “{column}” is not recognised and the column is not published; if it is {suggestion}, rename it or map it under files.{table}.columns"),
    "column-not-published": L("表头“{column}”不是已知的列，此列不发布；如需在项目页上发布，请在配置 publish_columns 中列出", "header “{column}” is no known column and is not published; to publish it on project pages, list it under publish_columns in the configuration"),
    "personal-data": L("此列看起来是个人信息（{reason}），不发布；确需公开时请在配置 publish_personal 中列出", "this column looks like personal data ({reason}) and is not published; to publish it all the same, list it under publish_personal in the configuration"),
    "personal-data-required": L("此列看起来含有个人信息（{reason}），而它必须发布；请删去这些内容，或确需公开时在配置 publish_personal 中列出此列", "this column looks like it holds personal data ({reason}) and it must be published; remove that content, or list the column under publish_personal to publish it all the same"),
    "hidden-sheets": L("工作簿隐藏的工作表（{sheets}）未读取，也不发布", "the workbook's hidden sheets ({sheets}) are not read and not published"),
    "hidden-rows": L("工作表隐藏了 {count} 行数据（第 {rows} 行）：未读取，也不发布", "the sheet hides {count} row(s) of data (row {rows}): they are not read and not published"),
    "hidden-columns": L("工作表隐藏了 {count} 列（{headers}）：未读取，也不发布", "the sheet hides {count} column(s) ({headers}): they are not read and not published"),
    "text-invisible": L("删除了看不见的控制或格式字符：{chars}", "invisible control or format characters were removed: {chars}"),
    "merged-amount": L("金额单元格合并了第 {first}—{last} 行：只计入第 {first} 行一次，其余行视为未填报", "an amount cell is merged over rows {first}–{last}: it counts once, in row {first}; the other rows are not reported"),
    "completion-over-100": L("{what}为 {rate}，超过 100%", "{what} is {rate}, above 100 %"),
    "operation-before-start": L("投产时间 {operation} 早于开工时间 {start}", "operation date {operation} is before the start date {start}"),
    "total-mismatch": L("合计行为 {value}，但各行相加为 {computed}", "the total row says {value} but the rows add up to {computed}"),
    # problems: publishing
    "site-holds-sources": L("不能把网站写入 {site}：它是或包含{what} {path}，写入会删除它；请用 -d 指定另一个文件夹", "cannot write the site into {site}: it is or holds the {what} {path}, which writing would delete; name another folder with -d"),
    "site-in-docs": L("不能把网站写入 {site}：它在文档文件夹 {path} 之内；请用 -d 指定另一个文件夹", "cannot write the site into {site}: it is inside the docs folder {path}; name another folder with -d"),
    "site-bad-link": L("不能把网站写入 {site}：它是一个指向自身的（循环）符号链接", "cannot write the site into {site}: it is a symbolic link that loops"),
    "site-not-folder": L("不能把网站写入 {site}：它是一个文件，不是文件夹", "cannot write the site into {site}: it is a file, not a folder"),
    "site-not-ours": L("不能把网站写入 {site}：其中已有不是本工具生成的内容（{files}）；请指定一个空的或不存在的文件夹，或先移走这些内容", "cannot write the site into {site}: it holds content this tool did not make ({files}); name an empty or new folder, or move that content away"),
    "site-busy": L("另一个构建（进程 {pid}）正在写入 {site}；请等它结束后再试", "another build (process {pid}) is writing {site}; try again when it has finished"),
    "site-write-failed": L("无法写入 {path}：{reason}；原有网站保持不变", "cannot write {path}: {reason}; the site stays as it was"),
    # problems: configuration
    "config-invalid": L("配置项 {key}：{reason}", "setting {key}: {reason}"),
    "config-file": L("无法读取配置文件：{reason}", "cannot read the configuration file: {reason}"),
    # ---- words inside messages and summaries ----
    "left out of sums": L("，不计入合计（合计标为不完整）", ", left out of sums, which are marked partial"),
    "no effect": L("", ""),
    "annual completion": L("年度完成率", "the annual completion rate"),
    "investment share": L("累计完成投资占计划总投资的比例", "the share of total investment completed"),
    "personal header": L("表头含“{word}”", "the header names “{word}”"),
    "personal cell": L("第 {row} 行的内容像{what}", "row {row} holds what looks like {what}"),
    "id card": L("身份证号", "an ID-card number"),
    "mobile": L("手机号码", "a mobile number"),
    "email": L("电子邮箱", "an e-mail address"),
    "config file": L("配置文件", "configuration file"),
    "docs folder": L("文档文件夹", "docs folder"),
    "data folder": L("数据文件夹", "data folder"),
    "ENOSPC": L("磁盘空间不足", "no space left on the disk"),
    "EDQUOT": L("超出磁盘配额", "disk quota exceeded"),
    "EACCES": L("没有写入权限", "permission denied"),
    "EPERM": L("没有写入权限", "permission denied"),
    "EROFS": L("文件系统是只读的", "the file system is read-only"),
    "EBUSY": L("文件夹正被占用（可能是挂载点）", "the folder is busy (perhaps a mount point)"),
    "page-unlinked": L("没有任何链接通向页面 {page}", "no link leads to page {page}"),
    "pages-unlinked-strict": L("有 {count} 个页面没有链接通向它（--strict）", "{count} unlinked page(s) with --strict"),
    "built": L("已生成网站 {site}：{projects} 个项目、{clusters} 个产业集群、{years} 个年度", "built {site}: {projects} projects, {clusters} clusters, {years} years"),
    "summary": L("{errors} 个错误，{warnings} 个警告", "{errors} error(s), {warnings} warning(s)"),
    "ok": L("数据检查通过：{projects} 个项目，{clusters} 个产业集群，{periods} 个报告期", "data is valid: {projects} projects, {clusters} clusters, {periods} periods"),
    # ---- page labels ----
    # pages: page titles and sections
    "home": L("首页", "Home"),
    "projects": L("项目一览", "All projects"),
    "clusters": L("产业集群", "Clusters"),
    "all_clusters": L("全部集群", "All clusters"),
    "years": L("年度", "Years"),
    "methodology": L("数据与方法", "Data and methodology"),
    "tags": L("标签", "Tags"),
    "overview": L("总体情况", "Overview"),
    "charts": L("图表", "Charts"),
    "facts": L("项目信息", "Facts"),
    "timeline": L("里程碑", "Milestones"),
    "progress": L("投资进度", "Investment progress"),
    "cluster_projects": L("集群项目", "Projects in this cluster"),
    "figures": L("主要数据", "Key figures"),
    "downloads": L("数据下载", "Downloads"),
    "definitions": L("指标定义", "Definitions"),
    "indicators": L("其他指标", "Other indicators"),
    "year_list": L("年度项目", "Projects of the year"),
    "data_table": L("图表数据", "Chart data"),
    "filter": L("筛选", "Filter"),
    "filter_hint": L("输入名称、集群或状态筛选", "Type to filter by name, cluster or status"),
    "sort_hint": L("点击表头排序", "Click a header to sort"),
    # pages: changes
    "changes": L("本期变化", "This period"),
    "no_periods": L("数据中没有报告期。", "The data has no reporting periods."),
    "changes_intro": L("以下为", "Changes in "),
    "against": L("相对于", " against "),
    "end_sentence": L("的变化。", "."),
    "appeared": L("本期新增项目", "New this period"),
    "status_changed": L("建设状态变化", "Status changes"),
    "completed_in_period": L("本期完成投资", "Investment completed this period"),
    "fell_behind": L("转为滞后的项目", "Fell behind schedule"),
    "caught_up": L("赶上进度的项目", "Caught up"),
    # pages: figures
    "n_key": L("重点项目数", "Key projects"),
    "n_investment": L("招商项目数", "Attracted projects"),
    "n_reserve": L("储备项目数", "Reserve projects"),
    "project_count": L("项目数", "Projects"),
    "total_investment": L("计划总投资", "Total investment"),
    "annual_planned": L("年度计划投资", "Annual plan"),
    "annual_completed": L("年度完成投资", "Completed this year"),
    "completion_rate": L("年度完成率", "Annual completion"),
    "investment_share": L("投资完成比例", "Share completed"),
    "cumulative": L("累计完成投资", "Cumulative investment"),
    "schedule": L("进度状态", "Schedule"),
    "landed": L("招商项目落地", "Attracted projects landed"),
    "status": L("建设状态", "Status"),
    "category": L("项目类别", "Category"),
    "cluster": L("所属产业集群", "Cluster"),
    "year": L("年度", "Year"),
    "name": L("项目名称", "Name"),
    "id": L("项目编号", "Id"),
    "period": L("报告期", "Period"),
    "planned": L("计划投资", "Planned"),
    "completed": L("完成投资", "Completed"),
    "count": L("个数", "Count"),
    "value": L("数值", "Value"),
    "indicator": L("指标", "Indicator"),
    "note": L("说明", "Note"),
    "as_of": L("数据截至", "Data as of"),
    "source": L("数据来源", "Source"),
    "unknown_cluster": L("未分类", "Unassigned"),
    "stage": L("阶段", "Stage"),
    "milestone": L("节点", "Milestone"),
    "date": L("日期", "Date"),
    "reached": L("情况", "State"),
    "reached_yes": L("已完成", "reached"),
    "reached_no": L("未到", "not yet"),
    "reached_planned": L("计划", "planned"),
    "reached_unknown": L("无记录", "no record"),
    "partial": L("不完整", "partial"),
    "left_out": L("{n} 项未计入", "{n} left out"),
    "hidden_left_out": L("{file}：工作表中隐藏的 {rows} 行、{columns} 列未发布。", "{file}: the sheet's {rows} hidden row(s) and {columns} hidden column(s) are not published."),
    "file": L("文件", "File"),
    "rows": L("行数", "Rows"),
    "format": L("格式", "Format"),
    # pages: values
    "withheld": L("未公开", "withheld"),
    "datapackage": L("数据包说明（Frictionless 标准）", "Data package (Frictionless)"),
    "fields": L("数据字典：下载文件各列的含义", "Data dictionary: the columns of the downloads"),
    "column": L("列", "Column"),
    "meaning": L("含义", "Meaning"),
    "tbd": L("待定", "TBD"),
    "not_reported": L("—", "—"),
    "about": L("约", "about "),
    "at_least": L("以上", " or more"),
    "over": L("超", "over "),
    "nearly": L("近", "nearly "),
    "ahead": L("超前", "ahead"),
    "on_track": L("正常", "on track"),
    "behind": L("滞后", "behind"),
    "key": L("重点项目", "Key project"),
    "investment": L("招商项目", "Attracted project"),
    "reserve": L("储备项目", "Reserve project"),
    "st_reserve": L("储备", "Reserve"),
    "st_negotiating": L("洽谈", "Negotiating"),
    "st_signed": L("签约", "Signed"),
    "st_under_construction": L("在建", "Under construction"),
    "st_trial_operation": L("试投产", "Trial operation"),
    "st_operating": L("投产", "Operating"),
    "st_completed": L("建成", "Completed"),
    "st_suspended": L("停建", "Suspended"),
    "st_none": L("未填报", "Not reported"),
    "ms_signed": L("签约", "Signed"),
    "ms_started": L("开工", "Started"),
    "ms_trial_operation": L("试投产", "Trial operation"),
    "ms_operating": L("投产", "Operating"),
    "ms_completed": L("建成", "Completed"),
    # pages: chart titles
    "chart_cluster_investment": L("各产业集群计划总投资", "Total investment by cluster"),
    "chart_status": L("项目建设状态", "Projects by status"),
    "chart_years": L("各年度计划与完成投资", "Planned and completed investment by year"),
    "chart_pipeline": L("达到各推进阶段的项目数（含已越过该阶段的）", "Projects that have reached each stage (or gone past it)"),
    "reached_count": L("已达到的项目数", "Projects that reached it"),
    "chart_project_progress": L("年内累计完成投资与计划", "Investment so far this year, and the plan"),
    "chart_cluster_projects": L("各项目计划总投资", "Total investment by project"),
    "chart_cluster_progress": L("集群各期完成投资", "Investment completed in each period"),
    "chart_year_clusters": L("本年度各产业集群计划总投资", "This year's total investment by cluster"),
    "series_budget": L("计划总投资（当期）", "Budget as reported"),
    "chart_budget": L("各期计划总投资", "Budget over the reports"),
    "series_planned": L("年内累计计划投资", "Planned so far this year"),
    "series_completed": L("年内累计完成投资", "Completed so far this year"),
    # ---- the command and the engine's log ----
    "severity-error": L("错误", "error"),
    "severity-warning": L("警告", "warning"),
    "read-summary": L("{projects} 个项目、{clusters} 个产业集群、{years} 个年度，来自 {folder}", "{projects} projects, {clusters} clusters, {years} years from {folder}"),
    "suggest-pagefind": L("{projects} 个项目：建议在 progress 插件设置中写 search: pagefind，搜索更快", "{projects} projects: consider search: pagefind in the progress plugin's settings"),
    "progress-bar": L("页面", "pages"),
    "quick-rebuild": L("数据已更新：重建 {count} 个页面，用时 {seconds} 秒", "data changed: rebuilt {count} pages in {seconds} s"),
    # ---- punctuation and the shapes of small phrases ----
    "colon": L("：", ": "),
    "list-separator": L("、", ", "),
    "semicolon": L("；", "; "),
    "in-parentheses": L("{text}（{inner}）", "{text} ({inner})"),
    "with-unit": L("{text}{unit}", "{text} {unit}"),
    "header-with-unit": L("{label}（{unit}）", "{label} ({unit})"),
    "header-note": L("{label}说明", "{label} note"),
    "labelled": L("{label}：{text}", "{label}: {text}"),
    "source-file": L("{name}（SHA-256 <code>{digest}</code>）", "{name} (SHA-256 <code>{digest}</code>)"),
    "flag-meaning": L("未公开、待定，或数字的限定词（约、以上、超、近）", "withheld, TBD, or the figure's qualifier (about, at least, over, nearly)"),
    "level": L("级别", "Level"),
    # ---- years, periods and dates ----
    "year-title": L("{year}年", "{year}"),
    "year-prefix": L("{year}年", "{year} "),
    "period-year": L("{year}年", "{year}"),
    "period-half": L("{year}年{half}半年", "{year} H{index}"),
    "period-quarter": L("{year}年{quarter}季度", "{year} Q{index}"),
    "period-month": L("{year}年{index}月", "{year}-{index:02d}"),
    "period-day": L("{year}年{index}月{day}日", "{key}"),
    "date-year": L("{year}年", "{iso}"),
    "date-month": L("{year}年{month}月", "{iso}"),
    "date-day": L("{year}年{month}月{day}日", "{iso}"),
    # ---- this period's changes, in one line ----
    "no-periods-line": L("数据中没有报告期", "the data has no reporting periods"),
    "changes-against": L("，对比{period}", " against {period}"),
    "changes-appeared": L("新增 {count} 个项目", "{count} new projects"),
    "changes-status": L("{count} 个项目状态变化", "{count} status changes"),
    "changes-completed": L("本期完成投资 {amount}", "completed {amount}"),
    "changes-fell-behind": L("{count} 个转为滞后", "{count} fell behind"),
    "changes-caught-up": L("{count} 个赶上进度", "{count} caught up"),
    "changes-head": L("本期（{period}{against}）：", "This period ({period}{against}): "),
    # ---- figures in hand-written pages ----
    "prose-empty": L("空的标记", "empty"),
    "prose-not-an-amount": L("不是金额字段，可用", "not an amount"),
    "prose-indicators-match": L("个指标符合", "indicators match"),
    "prose-unknown": L("未知", "unknown"),
    "prose-nothing-to-draw": L("没有可画的数据", "nothing to draw"),
    "prose-no-such-project": L("没有这个编号的项目", "no such project"),
    "prose-no-such-field": L("没有这个字段，可用", "no such field"),
    "prose-generated-alone": L("[[ generated ]] 须单独成行", "generated alone"),
    # ---- settings errors ----
    "did-you-mean": L("（是否想写 {name}？）", " (did you mean {name}?)"),
    "expected-one-of": L("应为以下之一：{values}", "expected one of {values}"),
    "not-a-unit": L("“{value}”不是 {currency} 的单位；可用：{words} 等", "“{value}” is no unit of {currency}; expected one of {words} …"),
    "no-such-field": L("没有这个字段；可用：{values}", "no such field; expected one of {values}"),
    "no-warning-code": L("“{code}”不是警告代码；可用：{values}", "“{code}” is no warning code; expected one of {values}"),
    "unknown-encoding": L("未知的编码“{encoding}”", "unknown encoding “{encoding}”"),
    "folder-missing": L("文件夹 {folder} 不存在", "the folder {folder} does not exist"),
    "reason-extra_forbidden": L("不是已知的配置项", "is not a known setting"),
    "reason-missing": L("必须填写", "is required"),
    "reason-string_type": L("应为文字", "should be text"),
    "reason-dict_type": L("应为“键: 值”的映射", "should be a mapping of “key: value”"),
    "reason-list_type": L("应为列表", "should be a list"),
    "reason-bool_parsing": L("应为 true 或 false", "should be true or false"),
    "reason-bool_type": L("应为 true 或 false", "should be true or false"),
    "reason-float_parsing": L("应为数字", "should be a number"),
    "reason-float_type": L("应为数字", "should be a number"),
    "reason-date_from_datetime_parsing": L("应为日期，如 2022-09-30", "should be a date such as 2022-09-30"),
    "reason-date_parsing": L("应为日期，如 2022-09-30", "should be a date such as 2022-09-30"),
    "reason-date_type": L("应为日期，如 2022-09-30", "should be a date such as 2022-09-30"),
    "reason-at-least": L("应不小于 {limit}", "should be at least {limit}"),
    "reason-at-most": L("应不大于 {limit}", "should be at most {limit}"),
    # ---- the page for a missing address ----
    "not-found-title": L("404 - 页面不存在", "404 - Page not found"),
    "not-found-text": L("没有找到这个页面。请从<a href=\"{home}\">首页</a>或<a href=\"{projects}\">项目一览</a>进入。", "There is no page here. Start from the <a href=\"{home}\">home page</a> or the <a href=\"{projects}\">list of projects</a>."),
    # ---- the data dictionary ----
    "dict-title": L("数据字典", "Data dictionary"),
    "dict-intro": L("数据文件夹（默认 `data/`）中的每张表可以是 CSV（UTF-8、带 BOM 的 UTF-8、GBK/GB18030；逗号或制表符分隔）或同名 .xlsx。表头匹配时忽略首尾空格、单元格内换行和全角/半角括号；表头括号内的单位（如“计划总投资（亿元）”）为该列单位。表头上方的标题行、空行空列、合计行会被跳过。", "Each table in the data folder (default `data/`) is a CSV file (UTF-8, UTF-8 with BOM, GBK/GB18030; comma or tab separated) or an .xlsx file of the same name. Headers match ignoring surrounding spaces, line breaks and full- vs half-width parentheses; a unit in parentheses sets the column's unit. Title rows above the header, blank rows and columns, and total rows are skipped."),
    "dict-required": L("必需", "required"),
    "dict-optional": L("可选", "optional"),
    "dict-table": L("{table}：`{file}.csv`（{need}）", "{table}: `{file}.csv` ({need})"),
    "dict-row": L("每行是{row}。", "One row is {row}."),
    "dict-fields-head": L("| 字段 | 可用表头 | 类型 | 必填 | 说明 |", "| Field | Headers | Kind | Required | Notes |"),
    "dict-fallback": L("（无上述列时用 {headers}）", " ({headers} when none of these is present)"),
    "dict-yes": L("是", "yes"),
    "dict-values": L("取值", "Values"),
    "dict-status-words": L("建设状态", "Status words"),
    "dict-status-head": L("| 状态 | 可用词语 |", "| Status | Words |"),
    "dict-categories": L("**项目类别**：{words}（默认重点项目）。", "**Categories**: {words} (default key)."),
    "dict-levels": L("**项目级别**：{words}；站点配置 `levels` 可添加。", "**Levels**: {words}; add more with `levels`."),
    "dict-amounts": L("**金额**：`72.25`、`1,234.5`、全角 `７２．２５`；单元格内单位换算为本列单位（`2亿元`、`3000万`、`5000000元`）；保留限定词 `约2亿`（约）、`6亿元以上`（以上）、`超3亿`/`逾3亿`（超）、`近3亿`（近）。显示单位为站点设置（默认亿元）。", "**Amounts**: `72.25`, `1,234.5`, full-width `７２．２５`; a unit in the cell converts to the column's unit (`2亿元`, `3000万`, `5000000元`); qualifiers are kept: `约2亿` (about), `6亿元以上` (at least), `超3亿`/`逾3亿` (over), `近3亿` (nearly). The display unit is a site setting (default 亿元)."),
    "dict-units": L("**人民币单位**：{words} 等。", "**CNY units**: {words} …"),
    "dict-withheld": L("**未公开**：{words}，以及含遮盖数字的数，如 `1xx`、`1xx%`、`X亿元`：页面显示“未公开”，不计入合计，合计标为不完整。`待定` 为待定；空单元格为未填报（显示为 —）。", "**Withheld**: {words}, and numbers with redacted digits such as `1xx`, `1xx%`, `X亿元`: shown as withheld, left out of sums, which are marked partial. `待定` is to be determined; an empty cell is not reported (shown as —)."),
    "dict-dates": L("**日期**：`2022-01-26`、`2022/1/26`、`2022.1.26`、`2022年1月26日`、`2022年1月`、`2022-01`、`2022.1`、`2022年`，保留写出的精度；.xlsx 中的日期单元格亦可；站点配置 `date_formats` 可添加格式。", "**Dates**: `2022-01-26`, `2022/1/26`, `2022.1.26`, `2022年1月26日`, `2022年1月`, `2022-01`, `2022.1`, `2022年`, kept at the precision given; real date cells in .xlsx; add formats with `date_formats`."),
    "dict-periods": L("**报告期**：月 `2022-03`、`2022年3月`；季度 `2022Q1`、`2022年一季度`；半年 `2022上半年`；年度 `2022`、`2022年`；或报告日期。", "**Periods**: month `2022-03`, quarter `2022Q1` / `2022年一季度`, half `2022上半年`, year `2022`, or a report date."),
    "dict-derived": L("派生指标", "Derived figures"),
    "dict-settings": L("站点设置", "Site settings"),
    "dict-settings-where": L("写在 `mkdocs.yml` 的 `plugins: - progress:` 下：", "Under `plugins: - progress:` in `mkdocs.yml`:"),
    "dict-settings-head": L("| 设置 | 默认 | 说明 |", "| Setting | Default | Meaning |"),
    "kind-id": L("编号", "identifier"), "kind-text": L("文字", "text"), "kind-status": L("状态", "status"),
    "kind-category": L("类别", "category"), "kind-level": L("级别", "level"),
    "kind-cluster_ref": L("集群编号或名称", "cluster id or name"), "kind-project_ref": L("项目编号", "project id"),
    "kind-project_name": L("项目名称", "project name"), "kind-years": L("年度（可多个）", "years"),
    "kind-year": L("年度", "year"), "kind-amount": L("金额", "amount"), "kind-number": L("数字", "number"),
    "kind-date": L("日期", "date"), "kind-period": L("报告期", "period"), "kind-value": L("数值或文字", "number or word"),
}


def language_of(code: str | None) -> str:
    """zh for any Chinese language code (zh, zh-Hant, zh_TW) and when none is given, else en."""
    return "zh" if not code or str(code).lower().startswith("zh") else "en"


def locale_of(language: str | None) -> str:
    """The Babel locale that formats numbers and percentages for ``language``."""
    return "zh_CN" if language_of(language) == "zh" else "en_US"


def _shown(value, language: str):
    if hasattr(value, "zh") and hasattr(value, "en"):  # a Label, or a schema field, table or definition
        return pick(value, language)
    if isinstance(value, (list, tuple)):
        return TEXT["list-separator"].in_(language).join(map(str, value))
    return value


def say(key: str, language: str | None, /, **params) -> str:
    """The text of ``key`` in ``language``, with its parameters filled in (lists joined, pairs picked)."""
    return TEXT[key].in_(language).format(**{k: _shown(v, language) for k, v in params.items()})


def both(key: str, /, **params) -> Label:
    """The text of ``key`` in both languages, its parameters filled in (a Label parameter in its own)."""
    return Label(*(say(key, language, **params) for language in LANGUAGES))


def pick(pair, language: str | None) -> str:
    """The half of a bilingual pair (a Label, or anything with ``zh`` and ``en``) in ``language``."""
    return pair.zh if language_of(language) == "zh" else pair.en


def choose(language: str | None, zh: str, en: str) -> str:
    """One of two texts declared together elsewhere (a setting's help, a field's note) for ``language``."""
    return zh if language_of(language) == "zh" else en


def join(items: Iterable, language: str | None, key: str = "list-separator") -> str:
    return TEXT[key].in_(language).join(map(str, items))


def is_key(key: str) -> bool:
    return key in TEXT
