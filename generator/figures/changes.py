"""What changed in the latest reporting period against the one before, computed from the data alone."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from ..contract.amounts import Total, total
from ..contract.periods import Period
from ..contract.vocab import Status
from ..model.report import Departure, Project, Report
from ..text.catalogue import join, say
from .lights import Light, LightCheck, history, points_against, streak


@dataclass
class Changes:
    latest: Period
    previous: Period | None
    appeared: list[Project] = field(default_factory=list)  # first reported in the latest period
    status: list[tuple[Project, Status | None, Status | None]] = field(default_factory=list)
    completed: Total | None = None  # investment completed in the latest period
    lights: list[tuple[Project, Light, Light]] = field(default_factory=list)  # a light that changed: was, is
    fell_behind: list[Project] = field(default_factory=list)  # green to yellow or red
    caught_up: list[Project] = field(default_factory=list)
    left: list[Departure] = field(default_factory=list)  # listed in the period before, no longer (调出)
    stayed: list[tuple[Project, Light, int]] = field(default_factory=list)  # red or yellow in both: its light, periods so
    moved: list[Move] = field(default_factory=list)  # each project lit in both periods of one year: its rate's change


@dataclass(frozen=True)
class Move:
    """A project's completion rate in two periods of one year, against how far 序时进度 moved between them (by
    schedule: the share of its own schedule elapsed)."""

    project: Project
    before: LightCheck
    after: LightCheck

    @property
    def rate_points(self):
        """How far its rate moved, in percentage points."""
        return points_against(self.after.rate, self.before.rate)

    @property
    def share_points(self):
        """How far 序时进度 moved, in percentage points."""
        return points_against(self.after.share, self.before.share)

    @property
    def against(self):
        """Its rate's move less 序时进度's: below zero, it fell further behind."""
        rate, share = self.rate_points, self.share_points
        return None if rate is None or share is None else rate - share


def period_changes(report: Report, period: Period | None = None) -> Changes | None:
    """``period`` (default the latest) against the one before it; None when the data has no periods."""
    periods = report.periods
    if not periods:
        return None
    at = periods.index(period) if period is not None else len(periods) - 1
    latest = periods[at]
    previous = periods[at - 1] if at > 0 else None
    changes = Changes(latest, previous)
    in_latest = []
    for p in report.projects.values():
        now = next((e for e in p.progress if e.period == latest), None)
        if now is None:
            continue
        in_latest.append(now)
        if p.progress[0].period == latest:  # progress is sorted: nothing before the latest period
            changes.appeared.append(p)
        before = next((e for e in p.progress if e.period == previous), None) if previous else None
        if before is not None and before.status and now.status and before.status is not now.status:
            changes.status.append((p, before.status, now.status))
        if previous is not None:
            checks = _checks(report)[p.id]
            before, after = checks.get(previous), checks.get(latest)
            was, is_ = before and before.light, after and after.light
            if was is not None and is_ is not None and was is not is_:
                changes.lights.append((p, was, is_))
                if is_.behind and not was.behind:
                    changes.fell_behind.append(p)
                if was.behind and not is_.behind:
                    changes.caught_up.append(p)
            if was is not None and was is is_ and is_.behind:
                changes.stayed.append((p, is_, streak(p, report, latest) or 1))
            if before is not None and after is not None and previous.fiscal_year == latest.fiscal_year \
                    and None not in (before.rate, after.rate, before.share, after.share):
                changes.moved.append(Move(p, before, after))
    changes.completed = total(e.completed_investment for e in in_latest)
    changes.left = [d for d in report.departures if previous is not None and d.last == previous]
    order = {Light.RED: 0, Light.YELLOW: 1}
    changes.stayed.sort(key=lambda s: (order[s[1]], -s[2]))  # red first, the longest first
    changes.moved.sort(key=lambda m: m.against if m.against is not None else 0)  # furthest fallen behind first
    return changes


_HISTORIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _checks(report: Report) -> dict[str, dict[Period, LightCheck]]:
    """Each project's light per period, worked out once per report (a feed asks for every period)."""
    if report not in _HISTORIES:
        _HISTORIES[report] = {p.id: dict(history(p, report)) for p in report.projects.values() if p.progress}
    return _HISTORIES[report]


def summary_line(changes: Changes | None, fmt) -> str:
    """One line for a build log: what this publication changes."""
    if changes is None:
        return say("no-periods-line", fmt.language)
    language = fmt.language
    against = say("changes-against", language, period=fmt.period(changes.previous)) \
        if changes.previous else ""
    parts = [
        say("changes-appeared", language, count=len(changes.appeared)),
        *([say("changes-left", language, count=len(changes.left))] if changes.left else []),
        say("changes-status", language, count=len(changes.status)),
        say("changes-completed", language, amount=fmt.total(changes.completed)),
        say("changes-fell-behind", language, count=len(changes.fell_behind)),
        say("changes-caught-up", language, count=len(changes.caught_up)),
    ]
    head = say("changes-head", language, period=fmt.period(changes.latest), against=against)
    return head + join(parts, language, "semicolon")
