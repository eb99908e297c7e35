"""序时进度 and 红黄绿灯: a project's completion of its annual plan against the share of the year elapsed."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..contract.marks import fold
from ..contract.vocab import Stage, Status
from ..model.report import LightRule, Project, Report
from .metrics import Definition, annual_completion, has_started


class Light(str, Enum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


#: The words tables write for a light (亮灯情况, or a red/amber/green rating).
LIGHT_WORDS: dict[str, Light] = {
    **dict.fromkeys(["绿灯", "绿", "绿色", "green", "g"], Light.GREEN),
    **dict.fromkeys(["黄灯", "黄", "黄色", "amber", "yellow", "a", "y"], Light.YELLOW),
    **dict.fromkeys(["红灯", "红", "红色", "red", "r"], Light.RED),
}
_LOOKUP = {fold(w): light for w, light in LIGHT_WORDS.items()}

DEFINITIONS = (
    Definition("schedule_share", "序时进度", "Share of the year elapsed",
               "数据截止日期时当年已过去的比例：月末按月计（1-10月为 10/12 = 83.3%），否则按天计。",
               "The share of the year passed at the as-of date: by months at a month's end (Jan–Oct is 10/12 = 83.3%), else by days."),
    Definition("lights", "亮灯", "Lights",
               "年度完成率减序时进度（百分点）：不低于 −绿灯带宽为绿灯，不低于 −黄灯带宽为黄灯，其余为红灯；带宽默认 0 和 30 个百分点（配置 lights）。已过计划开工时间仍未开工的为红灯。表中有亮灯情况（或红黄绿评级）时以表中为准，与计算结果不同时给出警告。",
               "The annual completion rate less the share of the year elapsed, in points: no lower than minus the green band is green, no lower than minus the yellow band yellow, else red; the bands are 0 and 30 points by default (the lights setting). A project not started by its planned start is red. A light the table gives (or a red/amber/green rating) is used instead, with a warning when it differs."),
)


def schedule_share(as_of: dt.date | None) -> Decimal | None:
    """序时进度 at ``as_of``; see the definition."""
    if as_of is None:
        return None
    if as_of.day == calendar.monthrange(as_of.year, as_of.month)[1]:
        return Decimal(as_of.month) / 12
    days = 366 if calendar.isleap(as_of.year) else 365
    return Decimal(as_of.timetuple().tm_yday) / days


def stated_light(text: str | None) -> Light | None:
    """The light a table's 亮灯情况 cell names (绿灯, 黄, Red, A …), or None."""
    return _LOOKUP.get(fold(text)) if text else None


@dataclass(frozen=True)
class LightCheck:
    """A project's light: the one worked out (``derived``), the table's (``stated``), and the one shown."""

    light: Light | None
    derived: Light | None
    stated: Light | None
    rate: Decimal | None  # the annual completion rate
    share: Decimal | None  # 序时进度
    late_start: bool = False  # not started by its planned start

    @property
    def gap_points(self) -> Decimal | None:
        """Percentage points above (+) or below (−) 序时进度."""
        return None if self.rate is None or self.share is None else (self.rate - self.share) * 100

    @property
    def disagrees(self) -> bool:
        return self.stated is not None and self.derived is not None and self.stated is not self.derived


def derive(rate: Decimal | None, share: Decimal | None, rule: LightRule, late_start: bool = False) -> Light | None:
    """The light of a completion ``rate`` against ``share`` by ``rule``; see the definition."""
    if late_start:
        return Light.RED
    if rate is None or share is None:
        return None
    gap = (rate - share) * 100
    if gap >= -rule.green_within:
        return Light.GREEN
    return Light.YELLOW if gap >= -rule.yellow_within else Light.RED


def project_light(project: Project, report: Report) -> LightCheck:
    """The light of ``project`` at the report's as-of date."""
    as_of = report.as_of
    share = schedule_share(as_of)
    rate = annual_completion(project).value
    planned = project.planned_start_date.date
    late = (planned is not None and as_of is not None and planned.last_day() < as_of and not has_started(project, as_of)
            and project.stage is not Stage.PREPARATORY and project.status is not Status.RESERVE)
    derived = derive(rate, share, report.lights, late)
    stated = stated_light(project.light)
    return LightCheck(stated or derived, derived, stated, rate, share, late)
