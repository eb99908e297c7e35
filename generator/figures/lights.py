"""序时进度 and 红黄绿灯: a project's completion of its annual plan against the share of the year elapsed."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..contract.amounts import total
from ..contract.marks import Missing, fold
from ..contract.periods import Period, year_elapsed_at
from ..contract.vocab import Category, Stage, Status
from ..model.report import LightRule, Project, Report
from .metrics import annual_completion, annual_figures, has_started, is_finished, is_overdue, ratio, schedule_elapsed


class Light(str, Enum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def behind(self) -> bool:
        """Yellow or red: on the 重点关注 list."""
        return self is not Light.GREEN


#: The words tables write for a light (亮灯情况, or a red/amber/green rating). A five-point rating's mixed grades
#: fold to the worse of their two colours (amber/green is amber, amber/red is red), as three lights can show them.
LIGHT_WORDS: dict[str, Light] = {
    **dict.fromkeys(["绿灯", "绿", "绿色", "green", "g"], Light.GREEN),
    **dict.fromkeys(["黄灯", "黄", "黄色", "amber", "yellow", "a", "y", "amber/green", "amber-green", "amber green",
                     "a/g", "ag"], Light.YELLOW),
    **dict.fromkeys(["红灯", "红", "红色", "red", "r", "amber/red", "amber-red", "amber red", "a/r", "ar"], Light.RED),
}
_LOOKUP = {fold(w): light for w, light in LIGHT_WORDS.items()}

def schedule_share(report: Report) -> Decimal | None:
    """序时进度 at the report's as-of date, in its (financial) year (the one definition:
    :func:`..contract.periods.year_elapsed_at`)."""
    return year_elapsed_at(report.as_of, report.fiscal_start) if report.as_of is not None else None


def stated_light(text: str | None) -> Light | None:
    """The light a table's 亮灯情况 cell names (绿灯, 黄, Red, A …), or None."""
    return _LOOKUP.get(fold(text)) if text else None


def points_against(rate: Decimal | None, share: Decimal | None) -> Decimal | None:
    """A completion rate against 序时进度, in percentage points above (+) or below (−): what every light and every
    page's gap is made of (a project's, or a group's from its summed rate)."""
    return None if rate is None or share is None else (rate - share) * 100


def against_schedule(rate: Decimal | None, report: Report) -> Decimal | None:
    """A completion rate against 序时进度 at the report's as-of date, in points: a group's figure in every league,
    card and map."""
    return points_against(rate, schedule_share(report))


@dataclass(frozen=True)
class LightCheck:
    """A project's light: the one worked out (``derived``), the table's (``stated``), and the one shown."""

    light: Light | None
    derived: Light | None
    stated: Light | None
    rate: Decimal | None  # the annual completion rate (by schedule: the physical progress)
    share: Decimal | None  # 序时进度 (by schedule: the share of its own schedule elapsed)
    late_start: bool = False  # not started by its planned start
    by: str = "annual_plan"  # what it is judged by: the annual plan, or its own schedule

    @property
    def gap_points(self) -> Decimal | None:
        """Percentage points above (+) or below (−) 序时进度."""
        return points_against(self.rate, self.share)

    @property
    def disagrees(self) -> bool:
        return self.stated is not None and self.derived is not None and self.stated is not self.derived


def derive(rate: Decimal | None, share: Decimal | None, rule: LightRule, late_start: bool = False) -> Light | None:
    """The light of a completion ``rate`` against ``share`` by ``rule``; see the definition."""
    if late_start:
        return Light.RED
    gap = points_against(rate, share)
    if gap is None:
        return None
    if gap >= -rule.green_within:
        return Light.GREEN
    return Light.YELLOW if gap >= -rule.yellow_within else Light.RED


#: Each report's lights, worked out once (every page kind, the rankings and the changes ask for them).
_LIT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def project_light(project: Project, report: Report) -> LightCheck:
    """The light of ``project`` at the report's as-of date."""
    if report.projects.get(project.id) is not project:
        return _project_light(project, report)
    lit = _LIT.setdefault(report, {})
    if project.id not in lit:
        lit[project.id] = _project_light(project, report)
    return lit[project.id]


def _project_light(project: Project, report: Report) -> LightCheck:
    as_of = report.as_of
    share = schedule_share(report)
    if project.status is Status.TERMINATED:  # ended: nothing left to judge it against
        return LightCheck(None, None, stated_light(project.light), None, share if report.lights.by == "annual_plan" else None,
                          by=report.lights.by)
    by = report.lights.by
    if by == "schedule":
        rate, share = project.physical_progress, schedule_elapsed(project, as_of)
        if is_finished(project, as_of):
            rate = Decimal(1)  # done, whatever the last progress figure said
    else:
        rate = annual_completion(project).value
    planned = project.planned_start_date.date
    late = (planned is not None and as_of is not None and planned.last_day() < as_of and not has_started(project, as_of)
            and project.stage is not Stage.PREPARATORY and project.status is not Status.RESERVE
            and (project.status is not None or project.started is False))  # known not to have started, not unknown
    derived = derive(rate, share, report.lights, late)
    stated = stated_light(project.light)
    return LightCheck(stated or derived, derived, stated, rate, share, late, by)


#: Each report's light histories, worked out once (the project pages, the changes page and the feed ask for them).
_HISTORY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def history(project: Project, report: Report) -> list[tuple[Period, LightCheck]]:
    """The project's light at each reporting period it has figures for, oldest first; the latest period's is
    the light the pages show (:func:`project_light`) when the report is as of that period's end."""
    if report.projects.get(project.id) is not project:
        return _history(project, report)
    made = _HISTORY.setdefault(report, {})
    if project.id not in made:
        made[project.id] = _history(project, report)
    return list(made[project.id])


def _history(project: Project, report: Report) -> list[tuple[Period, LightCheck]]:
    out = []
    latest = report.latest_period
    now = latest is not None and report.as_of == latest.end
    for period, check in _by_period(project, report.lights):
        if now and period == latest:
            check = project_light(project, report)
        if check.light is not None:
            out.append((period, check))
    # the latest period's light is the one the pages show, even where that period's row alone gives none (a light
    # the project table states, a rate from figures the row leaves to the project table)
    if now and any(e.period == latest for e in project.progress) and not any(p == latest for p, _ in out):
        check = project_light(project, report)
        if check.light is not None:
            out.append((latest, check))
    return out


def _by_period(project: Project, rule: LightRule) -> list[tuple[Period, LightCheck]]:
    """Each period's light, in one pass: the period's table's own (a rating), else worked out from the completed
    investment summed from January (of sub-year periods of the same kind, as :func:`..metrics.finest_entries` takes
    them) unless the row gives its year-to-date figure, or by schedule from the period's physical progress."""
    out, so_far, plans = [], {}, {}
    for entry in project.progress:
        period, stated = entry.period, stated_light(entry.light)
        if period.kind == "year" and stated is None and rule.by != "schedule":
            continue
        year = period.fiscal_year
        amounts = so_far.setdefault((year, period.kind), [])
        amounts.append(entry.completed_investment)
        done = entry.ytd_completed_investment
        if not done.known:
            done = total(amounts) if all(a.known for a in amounts) else None
        if year not in plans:
            plans[year] = annual_figures(project, year)[0]
        rate = ratio(done, plans[year]).value if done is not None else None
        share = period.year_elapsed()
        if rule.by == "schedule":
            rate, share = entry.physical_progress, schedule_elapsed(project, period.end)
        derived = derive(rate, share, rule) if rate is not None else None
        if stated is not None or derived is not None:  # the period's table's own light (rating) first
            out.append((period, LightCheck(stated or derived, derived, stated, rate, share, by=rule.by)))
    return out


def to_watch(projects, report: Report) -> list:
    """重点关注: the red and yellow projects, and the overdue whatever their light, in :func:`worst_first` order."""
    return worst_first([p for p in projects if (light := project_light(p, report).light) is not None and light.behind
                        or is_overdue(p, report.as_of)], report)


#: The order a list of projects is read in: red, yellow, green, then those with no light.
_WORST_FIRST = {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2, None: 3}


def worst_first(projects, report: Report) -> list:
    """``projects`` red first, then yellow, green and unlit, each the furthest behind first (the list order
    otherwise): the order a reader of a list of projects wants them in."""
    checks = {p.id: project_light(p, report) for p in projects}
    return sorted(projects, key=lambda p: (_WORST_FIRST[checks[p.id].light], checks[p.id].gap_points
                                           if checks[p.id].gap_points is not None else Decimal("Infinity")))


def streak(project: Project, report: Report, until: Period | None = None) -> int | None:
    """How many reporting periods in a row, up to ``until`` (default: the latest), the project has stood at its
    light then; None when it has no light, the data has fewer than two periods of one kind, or that period's light
    is not its light now."""
    lit = {period: check.light for period, check in history(project, report)}
    latest = until or report.latest_period
    light = project_light(project, report).light if until is None else lit.get(until)
    if light is None or latest is None:
        return None
    periods = [p for p in report.periods if p.kind == latest.kind and p.sort_key() <= latest.sort_key()]
    if len(periods) < 2:
        return None
    if lit.get(latest) is not light:
        return None  # its light now is not the one its last period shows: no run to count
    count = 0
    for period in reversed(periods):
        if lit.get(period) is not light:
            break
        count += 1
    return count


#: Why a project has no light, in the order they are asked: what a page says of the unlit instead of judging them.
UNLIT_REASONS = ("terminated", "no_date", "preparatory", "no_plan", "withheld", "no_completion", "no_progress",
                 "no_schedule")


def unlit_reason(project: Project, report: Report) -> str | None:
    """Why ``project`` has no light (one of :data:`UNLIT_REASONS`), or None when it has one."""
    if project_light(project, report).light is not None:
        return None
    if project.status is Status.TERMINATED:
        return "terminated"
    if report.as_of is None:
        return "no_date"
    if report.lights.by == "schedule":
        return "no_progress" if project.physical_progress is None and not is_finished(project, report.as_of) \
            else "no_schedule"
    if project.status is Status.RESERVE or project.category is Category.RESERVE or project.stage is Stage.PREPARATORY:
        return "preparatory"
    if project.current_year is None:
        return "no_plan"
    planned, completed = annual_figures(project, project.current_year)
    if Missing.WITHHELD in (planned.missing, completed.missing):
        return "withheld"
    if not planned.known or not planned.value:
        return "no_plan"
    return "no_completion"


def unlit_counts(projects, report: Report) -> dict[str, int]:
    """How many of ``projects`` have no light, by reason, in :data:`UNLIT_REASONS` order (reasons with none left out)."""
    reasons = [unlit_reason(p, report) for p in projects]
    return {reason: n for reason in UNLIT_REASONS if (n := reasons.count(reason))}
