"""Derived figures of a progress report, each with the definition shown on the methodology page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from ..contract.amounts import NOT_REPORTED, Amount, Total, total
from ..contract.dates import DateValue, PartialDate
from ..contract.marks import Missing
from ..contract.periods import Period
from ..contract.vocab import Category, Stage, Status
from ..model.report import Project, Report
from ..text.catalogue import choose


@dataclass(frozen=True)
class Definition:
    key: str
    zh: str
    en: str
    zh_text: str
    en_text: str

    def explained(self, language: str) -> str:
        return choose(language, self.zh_text, self.en_text)


DEFINITIONS: tuple[Definition, ...] = (
    Definition("investment_share", "投资完成比例", "Share of total investment completed",
               "累计完成投资 ÷ 计划总投资。累计完成投资取项目表的“累计完成投资”，未填时取进度表中最近一期的累计完成投资。任一项未公开或未填报时不计算。",
               "Cumulative investment ÷ total investment. Cumulative investment is the project row's, or else the latest progress row's. Not computed when either is withheld or not reported."),
    Definition("annual_completion", "年度完成率", "Annual completion rate",
               "某年完成投资 ÷ 该年计划投资。某年的计划与完成投资取进度表中该年的年度行；没有时，对报告当年（项目未列入当年时为其最近列入年度）取项目表的“年度计划投资”“年度完成投资”（表中没有年度列、表头和标题也未写年度时，按数据截止日期所在年度计），完成投资未填时为该年各期完成投资之和（须各期都有数）。",
               "Investment completed in a year ÷ investment planned for it. Figures come from a progress row for that year; else, for the report's current year (or the project's latest listed year when it is not listed in that one), from the project row (whose figures are for the year of the as-of date when no year column, header or title names one), with completed investment summed over that year's periods when the row leaves it empty (only when every period has a figure)."),
    Definition("milestones", "里程碑", "Milestones",
               "签约（仅招商项目，或填有签约时间的项目）、开工、试投产、投产、建成五个节点。日期取项目表的签约、开工、投产、竣工时间，或进度表中首次达到该状态的报告期；当前状态已越过某节点时视为已达到（试投产除外：只有记录才算）。日期晚于数据截止日期的为计划节点。投产和建成只凭状态（或进度表的状态）或实际竣工时间算达到，不凭计划日期：表中的投产、竣工时间已过而状态未到的，为逾期。",
               "Signed (investment-attraction projects, or any with a signing date), started, trial operation, operating, completed. Dates come from the project's date columns, or the first period whose status reached the stage; a stage the current status has passed counts as reached (not trial operation, which needs a record). A date after the as-of date is a plan. Operating and completed are reached by the status (or a period's status) or an actual completion date, not by a planned date: such a date passed without them is overdue."),
    Definition("sums", "合计", "Sums",
               "对有数值的项目求和。有项目的数值未公开、待定或未填报时，合计只含有数值的项目，并标为“不完整”，注明未计入的项目数。含“约”“近”的数相加为约数；只含“以上”“超”的为下限。",
               "The sum of the projects that have a figure. When any is withheld, to be determined or not reported, the sum covers only the others and is marked partial with the count left out. A sum with any about/nearly figure is approximate; one with only at-least/over figures is a lower bound."),
    Definition("start_rate", "开工率", "Start rate",
               "已开工的新开工项目数 ÷ 应开工的新开工项目数。新开工项目是表中“新开工”一节（或建设性质为新开工）的项目；应开工指计划开工时间不晚于数据截止日期（未填计划开工时间的都算），提前开工的也计入；已开工指建设状态为在建或其后（停建除外），或实际开工时间不晚于数据截止日期，或形象进度大于 0；表中没有建设状态和开工时间的新开工项目，本年已完成投资的算已开工。",
               "New projects that have started ÷ new projects due to start. New projects are those in the table's “new” section (or whose stage says new); a project is due when its planned start is on or before the as-of date (or it has none), and one that started early counts too; it has started when its status is under construction or later (not suspended), or its start date is on or before the as-of date, or its physical progress is above zero; a new project whose table gives neither status nor start date has started when it has completed investment this year."),
    Definition("schedule_share", "序时进度", "Share of the year elapsed",
               "数据截止日期时当年（设置了 fiscal_year_start 时为当财年）已过去的比例：月末按月计（1-10月为 10/12 = 83.3%），否则按天计。",
               "The share of the year (the financial year, with fiscal_year_start) passed at the as-of date: by months at a month's end (Jan–Oct is 10/12 = 83.3%), else by days."),
    Definition("schedule_elapsed", "工期进度", "Share of its schedule elapsed",
               "项目自己的工期在数据截止日期时已过去的比例：从开工时间（未填时为计划开工时间）到计划竣工时间，按天计，在 0 到 100% 之间。两个日期缺一或竣工不晚于开工时不计算。",
               "The share of the project's own time passed at the as-of date, from its start (else its planned start) to its planned completion, by days, between 0 and 100%. Not computed without both dates, or when completion is not after the start."),
    Definition("overdue", "逾期", "Overdue",
               "已过计划竣工时间，而建设状态未到建成或投产、没有实际竣工时间、形象进度未到 100%、也未终止的项目。项目页标明，列入重点关注，首页等各页给出逾期项目数。",
               "Past its planned completion, and neither completed nor operating by its status, nor given an actual completion date or a physical progress of 100%, nor terminated. Flagged on its page, listed among the projects to watch, and counted on the home page and the others."),
    Definition("lights", "亮灯", "Lights",
               "年度完成率减序时进度（百分点）：不低于 −绿灯带宽为绿灯，不低于 −黄灯带宽为黄灯，其余为红灯；带宽默认 0 和 30 个百分点（配置 lights）。已过计划开工时间仍未开工的（建设状态或“是否开工”表明未开工）为红灯；已终止（取消）的项目不亮灯。表中有亮灯情况（或红黄绿评级）时以表中为准，与计算结果不同时给出警告。此前各报告期的亮灯（亮灯记录）按该期末年初至今完成投资 ÷ 当年计划投资与该期末的序时进度比较；本期变化中“转为黄灯、红灯”“转为绿灯”即由此而来。每期一个文件时，各期表中的亮灯情况（评级）就是该期的灯。设置 lights.by: schedule 时，改为按形象进度减工期进度（百分点）亮灯，带宽相同，已终止的不亮灯。",
               "The annual completion rate less the share of the year elapsed, in points: no lower than minus the green band is green, no lower than minus the yellow band yellow, else red; the bands are 0 and 30 points by default (the lights setting). A project not started by its planned start (its status or started column says so) is red; a terminated (cancelled) one has none. A light the table gives (or a red/amber/green rating) is used instead, with a warning when it differs. Earlier periods are lit (the light by period) from the investment completed from January to the period's end against the year's plan and the share elapsed at its end; the changes page's turned yellow or red and turned green come from these. With a file per period, each period's table's light (rating) is that period's light. With lights.by: schedule, a project is lit instead by its physical progress less the share of its schedule elapsed, in points, with the same bands; a terminated one has none."),
    Definition("rankings", "排名", "Rankings",
               "按责任单位、联系领导、产业集群、行业领域、项目级别、建设性质分组，每组的年度完成率（同上“完成率（汇总）”）从高到低排名，完成率相同的并列；没有完成率的组和未填写该项的项目不参加排名。各组的亮灯数为组内项目的亮灯之和。只有分成两组以上的才列出。",
               "Projects grouped by responsible unit, leader, cluster, sector, level and stage; groups ranked by their completion rate (as for groups below), highest first, equal rates sharing a rank; groups without a rate and the projects that leave the field empty are unranked. A group's lights are its projects' lights. A grouping is listed only when it makes two groups or more."),
    Definition("completion_rate", "完成率（汇总）", "Completion rate (groups)",
               "同时有年度计划投资和年度完成投资的项目：完成投资之和 ÷ 计划投资之和。有项目因数值缺失未计入时标为“不完整”。产业集群按最新年度计算。",
               "Over the projects with both an annual plan and an annual completed figure: the sum of completed ÷ the sum of planned; partial when any project was left out for a missing figure. Clusters use the latest year."),
)


@dataclass(frozen=True)
class Ratio:
    """A share (0.85 = 85 %), or None with the reason; ``partial`` when made from partial sums."""

    value: Decimal | None
    partial: bool = False
    missing: Missing | None = None


def ratio(numerator: Amount | Total, denominator: Amount | Total) -> Ratio:
    num, den = numerator.value, denominator.value
    if isinstance(numerator, Amount) and isinstance(denominator, Amount) and numerator.currency != denominator.currency:
        return Ratio(None)  # two currencies: no share without a rate between them
    if num is None or den is None or den == 0:
        gaps = [x.missing for x in (numerator, denominator) if x.value is None and x.missing]
        return Ratio(None, missing=Missing.WITHHELD if Missing.WITHHELD in gaps else (gaps[0] if gaps else None))
    partial = any(isinstance(x, Total) and (x.partial or x.others) for x in (numerator, denominator))
    return Ratio(num / den, partial)


# -- projects -----------------------------------------------------------------
def cumulative_investment(project: Project) -> Amount:
    """The project row's cumulative investment, else the latest progress row that has one."""
    if project.cumulative_investment.known or project.cumulative_investment.missing in (Missing.WITHHELD, Missing.TBD):
        return project.cumulative_investment
    for entry in reversed(project.progress):
        if entry.cumulative_investment.known:
            return entry.cumulative_investment
    return project.cumulative_investment


def investment_share(project: Project) -> Ratio:
    return ratio(cumulative_investment(project), project.total_investment)


def annual_figures(project: Project, year: int) -> tuple[Amount, Amount]:
    """(planned, completed) investment of ``year``; see the annual completion definition."""
    key = ("annual", year)
    if key not in project.derived:
        project.derived[key] = _annual_figures(project, year)
    return project.derived[key]


def _annual_figures(project: Project, year: int) -> tuple[Amount, Amount]:
    yearly = next((e for e in project.progress if e.period.kind == "year" and e.period.fiscal_year == year), None)
    if yearly is not None:
        return yearly.planned_investment, yearly.completed_investment
    if year != project.current_year:
        return NOT_REPORTED, NOT_REPORTED
    planned, completed = project.annual_planned_investment, project.annual_completed_investment
    if not completed.known and completed.missing is Missing.NOT_REPORTED:
        entries = finest_entries(project, year)
        if entries and all(e.completed_investment.known for e in entries):
            summed = total(e.completed_investment for e in entries)
            completed = Amount(summed.value, summed.qualifier)
    return planned, completed


def finest_entries(project: Project, year: int, until: Period | None = None) -> list:
    """Sub-year entries of ``year`` of one kind (the kind of ``until``, else the finest present)."""
    entries = [e for e in project.progress if e.period.fiscal_year == year and e.period.kind != "year"]
    if not entries:
        return []
    kind = until.kind if until else max((e.period.kind for e in entries), key=("half", "quarter", "month", "date").index)
    return [e for e in entries if e.period.kind == kind and (until is None or e.period.end <= until.end)]


def annual_completion(project: Project, year: int | None = None) -> Ratio:
    year = year or project.current_year
    if year is None:
        return Ratio(None)
    planned, completed = annual_figures(project, year)
    return ratio(completed, planned)


MILESTONES: tuple[tuple[str, Status, str | None], ...] = (
    ("signed", Status.SIGNED, "signed_date"),
    ("started", Status.UNDER_CONSTRUCTION, "start_date"),
    ("trial_operation", Status.TRIAL_OPERATION, None),
    ("operating", Status.OPERATING, "operation_date"),
    ("completed", Status.COMPLETED, "completion_date"),
)


@dataclass(frozen=True)
class Milestone:
    kind: str
    reached: bool | None  # None: not known (a trial run a project may have skipped)
    date: PartialDate | None = None
    period: Period | None = None  # the first period whose status reached it
    planned: bool = False  # dated after the as-of date
    unstated: DateValue | None = None  # its date withheld, to be decided or not applicable, as the table says
    overdue: bool = False  # its date has passed and the status has not reached it (operating, completed)


#: The milestones a date on or before the as-of date marks as reached (signing and starting are recorded when they
#: happen; an operating or completion date may be the plan).
_REACHED_BY_DATE = {Status.SIGNED, Status.UNDER_CONSTRUCTION}


def milestones(project: Project, as_of: dt.date | None) -> list[Milestone]:
    """The five milestones of ``project``; see the definition (worked out once per as-of date)."""
    key = ("milestones", as_of)
    if key not in project.derived:
        project.derived[key] = _milestones(project, as_of)
    return project.derived[key]


def _milestones(project: Project, as_of: dt.date | None) -> list[Milestone]:
    stage = project.status.stage if project.status else None
    if stage is None:  # suspended or unknown: the furthest stage the periods show
        stages = [e.status.stage for e in project.progress if e.status and e.status.stage is not None]
        stage = max(stages) if stages else None
    out = []
    for kind, status, date_field in MILESTONES:
        if status is Status.SIGNED and project.category is not Category.INVESTMENT and not project.signed_date.date:
            continue  # signing an agreement is an investment-attraction milestone
        date = getattr(project, date_field).date if date_field else None
        actual = project.actual_completion_date.date if status is Status.COMPLETED else None
        if actual is not None and (as_of is None or actual.first_day() <= as_of):
            date = actual  # 实际竣工: completed on that date, whatever the plan said
        first = _first_reached(project, status)
        by_status = stage is not None and stage >= status.stage
        if status is Status.TRIAL_OPERATION:
            by_status = stage == status.stage or first is not None
        passed = date is not None and as_of is not None and date.first_day() <= as_of
        by_date = passed and (status in _REACHED_BY_DATE or date is actual)  # else a date may be the plan
        planned = date is not None and as_of is not None and date.first_day() > as_of and not by_status
        works_done = status is Status.COMPLETED and (project.physical_progress or 0) >= 1  # 形象进度 100%
        if by_status or by_date or first is not None or works_done:
            reached: bool | None = True
        elif status is Status.TRIAL_OPERATION and stage is not None and stage > status.stage:
            reached = None
        else:
            reached = False
        given = getattr(project, date_field) if date_field else None
        unstated = given if given is not None and given.date is None and given.missing not in (None, Missing.NOT_REPORTED) \
            else None
        in_use = status is Status.COMPLETED and any(m.kind == "operating" and m.reached for m in out)
        out.append(Milestone(kind, reached, date, first if date is None else None, planned, unstated,
                             overdue=passed and reached is False and project.status is not Status.TERMINATED
                             and not in_use))  # operating: in use, not overdue for its completion
    return _in_order(out)


def _first_reached(project: Project, status: Status) -> Period | None:
    """The period in which the progress rows show ``status`` being reached: a row at or past it
    after a row before it. A project first seen past it gives no date."""
    before = False
    for e in project.progress:
        if not e.status or e.status.stage is None:
            continue
        at = e.status is status if status is Status.TRIAL_OPERATION else e.status.stage >= status.stage
        if at:
            return e.period if before else None
        before = True
    return None


def _in_order(milestones: list[Milestone]) -> list[Milestone]:
    """A period taken from the progress rows that falls after a later milestone's date is dropped."""
    out = list(milestones)
    for i, m in enumerate(out):
        if m.period is None:
            continue
        later = [n.date.first_day() for n in out[i + 1:] if n.date and n.reached]
        if later and m.period.end > min(later):
            out[i] = replace(m, period=None)
    return out


# -- groups -------------------------------------------------------------------
@dataclass(frozen=True)
class Summary:
    """Figures of a group of projects (a cluster, a year, the whole report)."""

    count: int
    by_category: dict[Category, int]
    by_status: dict[Status | None, int]
    total_investment: Total
    annual_planned: Total
    annual_completed: Total
    completion_rate: Ratio
    year: int | None


def this_year(projects, year: int | None) -> list:
    """The ``projects`` a year's figures and lights judge: those listed in ``year`` (or in no year); one listed only
    in an earlier year has no plan in it."""
    return [p for p in projects if year is None or not p.all_years or year in p.all_years]


def summarize(projects: list[Project], year: int | None) -> Summary:
    """Counts and honest sums for ``projects``; annual figures are those of ``year``."""
    planned, completed, pairs_p, pairs_c = [], [], [], []
    left_out = False
    for p in projects:
        if year is None or year not in p.all_years:  # annual sums cover the projects listed that year
            continue
        pl, co = annual_figures(p, year)
        planned.append(pl)
        completed.append(co)
        if pl.known and co.known:
            pairs_p.append(pl)
            pairs_c.append(co)
        elif pl.known or co.known:
            left_out = True
    if pairs_p:
        rate = ratio(total(pairs_c), total(pairs_p))
        rate = Ratio(rate.value, rate.partial or left_out, rate.missing)
    else:  # nothing to divide: say why, as the sums would
        rate = ratio(total(completed), total(planned))
    return Summary(
        count=len(projects),
        by_category=dict(Counter(p.category for p in projects)),
        by_status=dict(Counter(p.status for p in projects)),
        total_investment=total(p.total_investment for p in projects),
        annual_planned=total(planned),
        annual_completed=total(completed),
        completion_rate=rate,
        year=year,
    )


def schedule_elapsed(project: Project, at: dt.date | None) -> Decimal | None:
    """工期进度: the share of the project's own schedule elapsed at ``at``, from its start (actual, else planned) to
    its planned completion, 0 to 1; None without both dates or with a completion not after the start."""
    start = project.start_date.date or project.planned_start_date.date
    end = project.completion_date.date
    if start is None or end is None or at is None:
        return None
    first, last = start.first_day(), end.last_day()
    if last <= first:
        return None
    return min(Decimal(1), max(Decimal(0), Decimal((at - first).days + 1) / ((last - first).days + 1)))


def is_overdue(project: Project, as_of: dt.date | None) -> bool:
    """逾期: its completed milestone is overdue (past its planned completion, neither completed nor operating by
    status, an actual completion date or a physical progress of 100%, nor terminated)."""
    return any(m.kind == "completed" and m.overdue for m in milestones(project, as_of))


def is_finished(project: Project, as_of: dt.date | None) -> bool:
    """Whether the works are done: its operating or completed milestone is reached."""
    return any(m.kind in ("operating", "completed") and m.reached for m in milestones(project, as_of))


def has_started(project: Project, as_of: dt.date | None) -> bool:
    """Whether a project has started; see the start rate definition."""
    stage = project.status.stage if project.status else None
    if stage is not None and stage >= Status.UNDER_CONSTRUCTION.stage:
        return True
    if project.physical_progress is not None and project.physical_progress > 0:  # works done: started
        return True
    start = project.start_date.date
    return start is not None and as_of is not None and start.first_day() <= as_of and project.status is not Status.NOT_STARTED


@dataclass(frozen=True)
class StageSummary:
    """The figures of one section of the year's list (续建, 新开工, 预备, 竣工)."""

    stage: Stage | None
    summary: Summary


def stage_summaries(report: Report) -> list[StageSummary]:
    """Per stage, in the order offices list them, the stages the report's projects are in (none when no project
    has a stage)."""
    projects = list(report.projects.values())
    if not any(p.stage for p in projects):
        return []
    out = []
    for stage in [*Stage, None]:
        members = [p for p in projects if p.stage is stage]
        if members:
            out.append(StageSummary(stage, summarize(members, report.current_year)))
    return out


@dataclass(frozen=True)
class StartRate:
    """开工率 and what it is made of."""

    rate: Ratio
    started: int  # new projects due to start that have
    due: int  # new projects due to start by the as-of date (or started early)


def start_rate(report: Report) -> StartRate:
    """开工率: see the definition. No figure when no new project is due to start yet."""
    as_of = report.as_of
    new = [p for p in report.projects.values() if p.stage is Stage.NEW]
    due = [p for p in new if has_started(p, as_of) or p.planned_start_date.date is None
           or as_of is None or p.planned_start_date.date.first_day() <= as_of]
    started = sum(has_started(p, as_of) for p in due)
    return StartRate(Ratio(Decimal(started) / len(due)) if due else Ratio(None), started, len(due))


def cluster_summary(report: Report, cluster_id: str | None) -> Summary:
    """A cluster's figures; annual ones for the report's current year. ``None``: projects in no cluster."""
    projects = [p for p in report.projects.values() if p.cluster_id == cluster_id]
    return summarize(projects, report.current_year)


def year_summary(report: Report, year: int, category: Category | None = None) -> Summary:
    return summarize(report.projects_in(year=year, category=category), year)
