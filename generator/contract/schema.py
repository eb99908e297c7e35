"""The data folder's schema, declared once: tables, fields, the headers users type for them.

The reader matches headers against it, the loader reads values by its kinds, and the data
dictionary page is rendered from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.catalogue import choose
from .marks import fold


@dataclass(frozen=True)
class Field:
    name: str  # canonical English name used in code and configuration
    kind: str  # id, text, status, category, level, cluster_ref, project_ref, project_name, years, year,
    #            amount, number, date, period, value, yesno, stage, light; derived: recognised but computed, never read
    aliases: tuple[str, ...]  # headers users type, most usual first
    zh: str  # Chinese label
    en: str  # English label
    required: bool = False
    fallback_aliases: tuple[str, ...] = ()  # headers used only when no alias is present (序号 for id)
    note_zh: str = ""
    note_en: str = ""

    def headers(self) -> tuple[str, ...]:
        return self.aliases + self.fallback_aliases

    def meaning(self, language: str) -> str:
        """What the field holds, for the data dictionary and the methodology page: its note, else its label."""
        return choose(language, self.note_zh or self.zh, self.note_en or self.en)


@dataclass(frozen=True)
class Table:
    name: str  # file stem: projects, clusters, progress, indicators
    zh: str
    en: str
    row_zh: str
    row_en: str
    fields: tuple[Field, ...]
    anchor: str  # the field whose header marks the header row
    required: bool = False
    #: headers that start with a period (2024年计划投资, 1-10月完成投资): (span kinds, rest of the header, field)
    spans: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = ()

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def names(self, kind: str) -> tuple[str, ...]:
        """The fields of one kind (amount, date, text ...), in declaration order."""
        return tuple(f.name for f in self.fields if f.kind == kind)


STATUS_NOTE = ("储备/谋划/前期、洽谈/在谈/意向/拟签约、签约/已签约、开工/已开工/在建/动工/新开工/续建、"
               "试投产/试运行/试生产、投产/已投产/部分投产/运营、建成/已建成/竣工/完工、停建/暂停/缓建")
AMOUNT_NOTE_ZH = "金额；表头括号内的单位（如“（亿元）”）为本列单位，单元格内单位（如“3000万元”）优先"
AMOUNT_NOTE_EN = "amount; a unit in the header's parentheses sets the column's unit, a unit in the cell wins"

F = Field
PROJECTS = Table(
    "projects", "项目表", "Projects", "一个项目（重点项目、招商项目或储备项目）", "one project (key, investment-attraction or reserve)",
    (
        F("id", "id", ("项目编号", "项目代码", "编号", "投资项目代码", "项目统一代码", "国家项目代码", "统一项目代码", "项目赋码", "赋码"),
          "项目编号", "Project id", True, ("序号",),
          "唯一；只含字母、数字和 - _ .，用作网址。投资项目代码（如 2024-330112-39-01-424564）可直接用；“待赋码”或空白时以项目名称生成",
          "unique; letters, digits, - _ . only; used in URLs. A national project code serves; a code still to be assigned, or none: made from the name"),
        F("name", "text", ("项目名称", "名称", "项目名"), "项目名称", "Name", True),
        F("category", "category", ("项目类别", "类别", "项目类型", "项目性质"), "项目类别", "Category", False, (),
          "重点项目 / 招商项目 / 储备项目，默认重点项目", "key / investment / reserve; default key"),
        F("level", "level", ("项目级别", "级别", "项目层级", "层级", "重点项目级别"), "项目级别", "Level", False, (),
          "省重点、市重点、区重点、省市重点 等；可填多个（省重点、市重点）", "province, city, district ...; several allowed"),
        F("sector", "text", ("行业领域", "所属领域", "领域", "行业类别", "项目领域", "行业分类", "所属行业领域"), "行业领域", "Sector", False, (),
          "工业、基础设施、社会民生、生态环保、现代服务业、农业农村 等", "industry, infrastructure, public services ..."),
        F("cluster", "cluster_ref", ("所属产业集群", "产业集群", "所属产业", "产业链", "所属产业链", "所属行业", "行业"), "所属产业集群", "Cluster", False, (),
          "填集群编号或名称", "a cluster's id or name"),
        F("status", "status", ("建设状态", "项目状态", "进展状态", "状态", "项目进展状态", "目前状态"), "建设状态", "Status", False, (), STATUS_NOTE),
        F("stage", "stage", ("建设性质", "项目阶段", "建设阶段", "续建/新开工"), "建设性质", "Stage", False, (),
          "续建、新开工、预备（前期）、竣工；没有此列时取表中分节标题（一、续建项目）", "continuing, new, preparatory, completed; else the table's section headings"),
        F("started", "yesno", ("是否开工", "是否已开工"), "是否开工", "Started", False, (),
          "是/否；建设状态空白时用于判断状态", "yes/no; sets the status when the status cell is empty"),
        F("year", "years", ("年度", "列入年度", "计划年度", "年份", "入库年度"), "列入年度", "Years", False, (),
          "一个或多个年度，如 2021;2022 或 2021、2022；没有此列时取表头或标题中的年份", "one or more years: 2021;2022; else the year of the headers or title"),
        F("construction_period", "text", ("建设起止年限", "建设年限", "起止年限", "建设起止年份", "建设期限", "起止年份", "建设周期"), "建设起止年限", "Construction period"),
        F("total_investment", "amount", ("计划总投资", "总投资", "计划总投资额", "总投资额", "项目总投资", "项目总投资额", "估算总投资"), "计划总投资", "Total investment", False, (), AMOUNT_NOTE_ZH, AMOUNT_NOTE_EN),
        F("phase1_investment", "amount", ("一期投资", "一期计划投资"), "一期投资", "Phase 1 investment"),
        F("cumulative_before_year", "amount", ("截至上年底累计完成投资", "截止上年底累计完成投资", "至上年底累计完成投资", "上年底累计完成投资", "以前年度累计完成投资", "以前年度完成投资"),
          "截至上年底累计完成投资", "Investment before this year", False, (),
          "报告当年以前各年完成投资之和；也认“截至2023年底累计完成投资”", "completed before the report's year; also a header naming the year's end"),
        F("annual_planned_investment", "amount", ("年度计划投资", "年度计划投资额", "本年计划投资", "本年度计划投资", "年度投资计划", "本年度投资计划", "年计划投资", "当年计划投资", "年度计划", "本年计划"),
          "年度计划投资", "Annual planned investment", False, (),
          "报告当年的计划投资（项目未列入当年时为其最近列入年度）；也认“2024年计划投资”", "plan for the report's current year (else the project's latest listed year); also a header naming the year"),
        F("annual_completed_investment", "amount", ("年度完成投资", "本年完成投资", "年度完成投资额", "本年度完成投资", "年度累计完成投资", "本年累计完成投资", "年初至今完成投资", "当年完成投资"),
          "年度完成投资", "Annual completed investment", False, (),
          "报告当年到目前完成的投资；“1-10月完成投资”“上半年完成投资”等带期间的表头记下所截至的月份",
          "completed in the report's year so far; a header naming months (Jan–Oct) records the month it runs to"),
        F("cumulative_investment", "amount", ("累计完成投资", "累计完成投资额", "开工累计完成投资", "开工以来累计完成投资", "自开工累计完成投资", "开工至今累计完成投资", "项目累计完成投资", "累计投资"),
          "累计完成投资", "Cumulative investment"),
        F("stated_rate", "derived", ("占年度计划", "占年度计划比例", "占年度投资计划", "占年计划", "年度计划完成率", "完成年度计划", "完成率", "投资完成率", "年度投资完成率", "完成比例", "完成进度"),
          "占年度计划比例", "Share of annual plan (stated)", False, (), "由生成器按年度完成投资 ÷ 年度计划投资计算，不读取", "computed (completed ÷ planned), not read"),
        F("schedule_share", "derived", ("序时进度", "时序进度", "时间进度", "均衡进度"), "序时进度", "Share of year elapsed (stated)", False, (),
          "由生成器按报告期计算，不读取", "computed from the period, not read"),
        F("light", "light", ("亮灯情况", "亮灯", "亮灯结果", "红黄绿灯", "灯色", "预警情况", "预警等级", "rag rating", "rag status", "delivery confidence assessment", "ipa delivery confidence assessment", "dca", "rating"), "亮灯情况", "Light (as reported)", False, (),
          "绿灯/绿、黄灯/黄、红灯/红，或 green/amber/red；与按序时进度算出的不同时给出警告", "green/G, amber/yellow/A, red/R; a warning when the figures say otherwise"),
        F("signed_amount", "amount", ("协议投资额", "签约金额", "合同投资额", "协议总投资", "签约投资额"), "协议投资额", "Agreed investment"),
        F("funds_in_place", "amount", ("到位资金", "实际到位资金", "累计到位资金", "资金到位"), "到位资金", "Funds in place"),
        F("signed_date", "date", ("签约时间", "签约日期"), "签约时间", "Signed"),
        F("planned_start_date", "date", ("计划开工时间", "计划开工日期", "预计开工时间", "拟开工时间", "planned start date"), "计划开工时间", "Planned start"),
        F("start_date", "date", ("开工时间", "开工日期", "实际开工时间", "实际开工日期", "开工年月", "start date", "actual start date", "schedule start date",
                                 "construction start"), "开工时间", "Started"),
        F("operation_date", "date", ("投产时间", "投产日期", "试投产时间", "计划投产时间", "预计投产时间"), "投产时间", "In operation"),
        F("completion_date", "date", ("计划竣工时间", "竣工时间", "建成时间", "计划竣工（投产）时间", "竣工（投产）时间", "计划建成时间", "计划完工时间", "预计竣工时间", "planned completion date", "planned end date", "schedule end date", "target completion date", "contract expiry date", "expiry date"),
          "计划竣工时间", "Completion"),
        F("actual_completion_date", "date", ("实际竣工时间", "实际竣工日期", "实际建成时间", "实际完工时间", "竣工验收时间", "actual completion",
                                           "actual completion date", "completed on"), "实际竣工时间", "Completed on", False, (),
          "实际竣工（建成）的日期；计划竣工时间已过而状态未到竣工、又没有此日期的，为逾期",
          "the date it was actually completed; a project past its planned completion with neither this date nor a completed status is overdue"),
        F("annual_output", "amount", ("年产值", "预计年产值", "达产年产值"), "年产值", "Annual output"),
        F("output_to_date", "amount", ("已实现产值", "实现产值"), "已实现产值", "Output to date"),
        F("annual_revenue", "amount", ("年营业收入", "年交易额"), "年营业收入", "Annual revenue"),
        F("owner", "text", ("业主单位", "建设单位", "投资方", "企业名称", "项目业主", "项目单位", "建设单位（业主）", "项目建设单位"), "业主单位", "Owner"),
        F("place", "text", ("县（市、区）", "县(市、区)", "县（市区）", "县市区", "县区", "区县", "所在县区", "所属县区", "所在县（市、区）",
                            "所属地区", "地区", "属地", "所在地", "行政区划", "所属区域", "所在区域", "area", "county", "district", "region"),
          "地区", "Area", False, (), "项目所在的县（市、区），省的网站中为市；可写上下级，如“云州市/东山区”；没有此列时取自“一、东山区（4个）”这样的分节，或取自文件夹名",
          "the county or district the project is in (a city, on a province's site); may name the levels, widest first, as city/county; without the column, from the section heading above its row or the folder's name"),
        F("place_code", "text", ("行政区划代码", "区划代码", "行政区代码", "行政区划编码", "县区代码", "adcode", "area code"),
          "行政区划代码", "Area code", False, (), "地区的六位行政区划代码；地图按它（或按地区名称）对应边界文件中的区域",
          "the area's six-digit administrative code; the map matches the boundary's areas by it (or by name)"),
        F("department", "text", ("责任单位", "牵头单位", "责任部门", "牵头部门", "主管部门", "责任主体", "牵头责任单位", "department", "responsible department", "implementing agency", "agency"), "责任单位", "Responsible office"),
        F("leader", "text", ("联系领导", "联系区领导", "联系县（区）领导", "联系县领导", "联系市领导", "联系县级领导", "包挂领导", "挂钩领导", "包联领导", "分管领导", "责任领导"),
          "联系领导", "Leader in charge"),
        F("location", "text", ("建设地点", "项目地点", "建设地址", "项目选址"), "建设地点", "Location"),
        F("latitude", "number", ("纬度",), "纬度", "Latitude"),
        F("longitude", "number", ("经度",), "经度", "Longitude"),
        F("description", "text", ("建设内容", "建设规模及内容", "项目简介", "建设规模及主要内容", "主要建设内容", "建设规模及建设内容", "建设内容及规模", "项目建设内容", "建设规模", "description/aims", "project description"),
          "建设内容", "Description"),
        F("progress_note", "text", ("进展情况", "形象进度", "目前进展", "工程形象进度", "项目进展情况", "目前形象进度"), "进展情况", "Progress"),
        F("issues", "text", ("存在问题及需协调事项", "存在问题", "存在的问题", "存在问题及建议", "需协调解决的问题", "需协调事项", "问题及需协调事项", "存在问题和困难", "困难和问题", "存在困难及问题"),
          "存在问题及需协调事项", "Issues to resolve"),
        F("remark", "text", ("备注",), "备注", "Remark"),
        F("previous_id", "text", ("原项目编号", "原编号", "曾用编号", "previous id", "former id", "old id", "previous project id"),
          "原项目编号", "Previous id", False, (),
          "按报告期读取多个文件时：项目在以前各期文件中的编号与现在不同，写原编号（多个用“、”分隔）",
          "with a file per period: the project's id in earlier periods' files, where it differed (several separated by commas)"),
        F("physical_progress", "percent", ("形象进度（%）", "工程形象进度（%）", "形象进度百分比", "形象进度比例", "工程进度（%）",
                                           "完成进度（%）", "工程完成比例", "工程量完成比例", "physical progress", "percent complete",
                                           "% complete", "physical accomplishment", "accomplishment (%)", "progress (%)",
                                           "percentage of completion"),
          "形象进度（%）", "Physical progress (%)", False, (),
          "工程实物量完成的百分比：56.54%、56.54 或 0.5654；“形象进度”列只写百分比时也读作此项。lights.by 为 schedule 时据此与工期进度比较亮灯",
          "the share of the works done: 56.54%, 56.54 or 0.5654 (a progress column holding only a percentage is read as it too); with lights.by: schedule, lit against the share of the project's own schedule elapsed"),
    ),
    anchor="name", required=True,
    spans=(
        (("before",), ("累计完成投资", "完成投资", "累计投资", "已完成投资"), "cumulative_before_year"),
        (("year",), ("计划投资", "投资计划", "计划完成投资", "计划投资额", "年度计划投资", "计划", "年度计划"), "annual_planned_investment"),
        (("year", "to_date"), ("完成投资", "累计完成投资", "完成投资额", "实际完成投资", "完成额", "已完成投资", "累计完成", "完成", "投资完成", "投资完成情况"),
         "annual_completed_investment"),
        (("to_date", "month"), ("形象进度", "进展情况"), "progress_note"),
    ),
)

CLUSTERS = Table(
    "clusters", "产业集群表", "Clusters", "一个产业集群", "one industrial cluster",
    (
        F("id", "id", ("编号", "集群编号"), "集群编号", "Cluster id", False, ("序号",),
          "可省略，省略时以名称为编号", "optional; the name serves when absent"),
        F("name", "text", ("集群名称", "产业集群", "名称"), "集群名称", "Name", True),
        F("description", "text", ("简介", "说明"), "简介", "Description"),
    ),
    anchor="name",
)

PROGRESS = Table(
    "progress", "进度表", "Progress", "一个项目在一个报告期（月、季度或年度）的进度", "one project in one reporting period",
    (
        F("project", "project_ref", ("项目编号", "编号", "项目代码", "投资项目代码", "项目统一代码"), "项目编号", "Project id", False, (), "与项目名称至少填一项", "this or the project name"),
        F("project_name", "project_name", ("项目名称", "名称"), "项目名称", "Project name"),
        F("period", "period", ("期间", "报告期", "月份", "季度", "年度", "报送期别", "填报期别", "期别", "统计期", "统计期别", "报表期别", "所属期", "填报月份", "报送月份"), "报告期", "Period", True, (),
          "月 2022-03，季度 2022Q1 或 2022年一季度，年度 2022", "month 2022-03, quarter 2022Q1, year 2022"),
        F("planned_investment", "amount", ("计划投资", "本期计划投资", "本月计划投资", "本季度计划投资", "当期计划投资"), "计划投资", "Planned investment", False, (), "本期计划投资", "planned in this period"),
        F("completed_investment", "amount", ("完成投资", "本期完成投资", "本月完成投资", "本季度完成投资", "当期完成投资"), "完成投资", "Completed investment", False, (), "本期完成投资", "completed in this period"),
        F("ytd_completed_investment", "amount", ("本年累计完成投资", "本年完成投资", "年初至今完成投资", "本年度累计完成投资", "年度累计完成投资"),
          "本年累计完成投资", "Completed this year to date", False, (), "当年1月至本期末", "from January to the period's end"),
        F("cumulative_investment", "amount", ("累计完成投资", "累计完成投资额", "开工累计完成投资", "开工以来累计完成投资", "自开工累计完成投资"), "累计完成投资", "Cumulative investment", False, (), "截至本期末", "as of the period's end"),
        F("total_investment", "amount", ("计划总投资", "总投资", "计划总投资额", "总投资额", "项目总投资"), "计划总投资", "Total investment", False, (), "本期时的计划总投资（可选）", "the budget as of this period (optional)"),
        F("status", "status", ("建设状态", "项目状态", "进展状态", "状态"), "建设状态", "Status", False, (), STATUS_NOTE),
        F("started", "yesno", ("是否开工", "是否已开工"), "是否开工", "Started"),
        F("note", "text", ("进展情况", "形象进度", "备注", "工程形象进度", "本月形象进度"), "进展情况", "Note"),
        F("bookkeeping", "derived", ("审核状态", "审核情况", "填报人", "填报人员", "审核人", "填报时间", "审核时间", "填报单位"),
          "平台管理信息", "Platform bookkeeping", False, (), "监测平台的填报与审核信息，不读取、不发布", "who filed and reviewed the row on the platform: not read, never published"),
    ),
    anchor="period",
    spans=((("to_date",), ("完成投资", "累计完成投资", "完成额"), "ytd_completed_investment"),),
)

INDICATORS = Table(
    "indicators", "指标表", "Indicators", "一个项目表之外的指标（如储备项目数、考核结果）", "one headline figure no project row carries",
    (
        F("year", "year", ("年度",), "年度", "Year"),
        F("name", "text", ("指标", "指标名称"), "指标名称", "Indicator", True),
        F("value", "value", ("数值", "完成值", "值"), "数值", "Value", True, (), "数字、文字（如“优秀”）或未公开标记", "a number, a word (优秀) or a withheld mark"),
        F("target", "value", ("目标", "目标值"), "目标值", "Target"),
        F("unit", "text", ("单位",), "单位", "Unit"),
        F("note", "text", ("说明", "备注"), "说明", "Note"),
    ),
    anchor="name",
)

TABLES: dict[str, Table] = {t.name: t for t in (PROJECTS, CLUSTERS, PROGRESS, INDICATORS)}

_UNIT = re.compile(r"^(?P<base>.*?)[(\[【](?P<unit>[^()\[\]【】]*)[)\]】]$")


def normalize_header(text: str) -> str:
    """Headers compare in NFKC, without white space or line breaks, lower case, without * marks."""
    return fold(str(text)).strip("*※:：")


def split_unit(header: str) -> tuple[str, str | None]:
    """``计划总投资（亿元）`` -> (``计划总投资``, ``亿元``); the header is normalized first."""
    norm = normalize_header(header)
    m = _UNIT.match(norm)
    if m and m["base"]:
        return m["base"], m["unit"] or None
    return norm, None


_TRAILING_UNIT = re.compile(r"\s*[(（\[【][^()（）\[\]【】]*[)）\]】]\s*$")


def without_unit(header: str) -> str:
    """A header as written without its trailing parenthesis: ``企业自筹资金（万元）`` -> ``企业自筹资金``."""
    return _TRAILING_UNIT.sub("", header) or header
