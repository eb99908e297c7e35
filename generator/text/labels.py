"""Every label a generated page shows, in Chinese and English, in one place."""

from __future__ import annotations

from .messages import Label

L = Label
LABELS: dict[str, Label] = {
    # page titles and sections
    "home": L("首页", "Home"), "projects": L("项目一览", "All projects"), "clusters": L("产业集群", "Clusters"),
    "all_clusters": L("全部集群", "All clusters"),
    "years": L("年度", "Years"), "methodology": L("数据与方法", "Data and methodology"), "tags": L("标签", "Tags"),
    "overview": L("总体情况", "Overview"), "charts": L("图表", "Charts"), "facts": L("项目信息", "Facts"),
    "timeline": L("里程碑", "Milestones"), "progress": L("投资进度", "Investment progress"),
    "cluster_projects": L("集群项目", "Projects in this cluster"), "figures": L("主要数据", "Key figures"), "downloads": L("数据下载", "Downloads"),
    "definitions": L("指标定义", "Definitions"),
    "indicators": L("其他指标", "Other indicators"), "year_list": L("年度项目", "Projects of the year"),
    "data_table": L("图表数据", "Chart data"), "filter": L("筛选", "Filter"), "filter_hint": L("输入名称、集群或状态筛选", "Type to filter by name, cluster or status"),
    "sort_hint": L("点击表头排序", "Click a header to sort"),
    # changes
    "changes": L("本期变化", "This period"), "no_periods": L("数据中没有报告期。", "The data has no reporting periods."),
    "changes_intro": L("以下为", "Changes in "), "against": L("相对于", " against "), "end_sentence": L("的变化。", "."),
    "appeared": L("本期新增项目", "New this period"), "status_changed": L("建设状态变化", "Status changes"),
    "completed_in_period": L("本期完成投资", "Investment completed this period"),
    "fell_behind": L("转为滞后的项目", "Fell behind schedule"), "caught_up": L("赶上进度的项目", "Caught up"),
    # figures
    "n_key": L("重点项目数", "Key projects"), "n_investment": L("招商项目数", "Attracted projects"),
    "n_reserve": L("储备项目数", "Reserve projects"),
    "project_count": L("项目数", "Projects"), "total_investment": L("计划总投资", "Total investment"),
    "annual_planned": L("年度计划投资", "Annual plan"), "annual_completed": L("年度完成投资", "Completed this year"),
    "completion_rate": L("年度完成率", "Annual completion"), "investment_share": L("投资完成比例", "Share completed"),
    "cumulative": L("累计完成投资", "Cumulative investment"), "schedule": L("进度状态", "Schedule"),
    "landed": L("招商项目落地", "Attracted projects landed"),
    "status": L("建设状态", "Status"), "category": L("项目类别", "Category"), "cluster": L("所属产业集群", "Cluster"),
    "year": L("年度", "Year"), "name": L("项目名称", "Name"), "id": L("项目编号", "Id"), "period": L("报告期", "Period"),
    "planned": L("计划投资", "Planned"), "completed": L("完成投资", "Completed"), "count": L("个数", "Count"),
    "value": L("数值", "Value"), "indicator": L("指标", "Indicator"), "note": L("说明", "Note"),
    "as_of": L("数据截至", "Data as of"), "source": L("数据来源", "Source"),
    "unknown_cluster": L("未分类", "Unassigned"),
    "stage": L("阶段", "Stage"), "milestone": L("节点", "Milestone"), "date": L("日期", "Date"), "reached": L("情况", "State"),
    "reached_yes": L("已完成", "reached"), "reached_no": L("未到", "not yet"), "reached_planned": L("计划", "planned"),
    "reached_unknown": L("无记录", "no record"),
    "partial": L("不完整", "partial"), "left_out": L("{n} 项未计入", "{n} left out"),
    "hidden_left_out": L("{file}：工作表中隐藏的 {rows} 行、{columns} 列未发布。", "{file}: the sheet's {rows} hidden row(s) and {columns} hidden column(s) are not published."),
    "file": L("文件", "File"), "rows": L("行数", "Rows"), "format": L("格式", "Format"),
    # values
    "withheld": L("未公开", "withheld"), "datapackage": L("数据包说明（Frictionless 标准）", "Data package (Frictionless)"),
    "fields": L("数据字典：下载文件各列的含义", "Data dictionary: the columns of the downloads"), "column": L("列", "Column"), "meaning": L("含义", "Meaning"), "tbd": L("待定", "TBD"), "not_reported": L("—", "—"),
    "about": L("约", "about "), "at_least": L("以上", " or more"), "over": L("超", "over "), "nearly": L("近", "nearly "),
    "ahead": L("超前", "ahead"), "on_track": L("正常", "on track"), "behind": L("滞后", "behind"),
    "key": L("重点项目", "Key project"), "investment": L("招商项目", "Attracted project"), "reserve": L("储备项目", "Reserve project"),
    "st_reserve": L("储备", "Reserve"), "st_negotiating": L("洽谈", "Negotiating"), "st_signed": L("签约", "Signed"),
    "st_under_construction": L("在建", "Under construction"), "st_trial_operation": L("试投产", "Trial operation"),
    "st_operating": L("投产", "Operating"), "st_completed": L("建成", "Completed"), "st_suspended": L("停建", "Suspended"),
    "st_none": L("未填报", "Not reported"),
    "ms_signed": L("签约", "Signed"), "ms_started": L("开工", "Started"), "ms_trial_operation": L("试投产", "Trial operation"),
    "ms_operating": L("投产", "Operating"), "ms_completed": L("建成", "Completed"),
    # chart titles
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
    "series_planned": L("年内累计计划投资", "Planned so far this year"), "series_completed": L("年内累计完成投资", "Completed so far this year"),
}


def label(key: str, language: str, **params) -> str:
    pair = LABELS[key]
    text = pair.zh if language == "zh" else pair.en
    return text.format(**params) if params else text
