"""序时进度 and 红黄绿灯: a project's completion of its annual plan against the share of the year elapsed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..contract.marks import fold
from ..contract.periods import year_elapsed_at
from ..contract.vocab import Stage, Status
from ..model.report import LightRule, Project, Report
from .metrics import annual_completion, has_started


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

def schedule_share(as_of: dt.date | None) -> Decimal | None:
    """序时进度 at ``as_of`` (the one definition: :func:`..contract.periods.year_elapsed_at`)."""
    return year_elapsed_at(as_of) if as_of is not None else None


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
