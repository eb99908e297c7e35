"""What changed in the latest reporting period against the one before, computed from the data alone."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from ..contract.amounts import Total, total
from ..contract.periods import Period
from ..contract.vocab import Status
from ..model.report import Departure, Project, Report
from ..text.catalogue import join, say
from .lights import Light, history


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
            lit = _lights(report)[p.id]
            was, is_ = lit.get(previous), lit.get(latest)
            if was is not None and is_ is not None and was is not is_:
                changes.lights.append((p, was, is_))
                if is_.behind and not was.behind:
                    changes.fell_behind.append(p)
                if was.behind and not is_.behind:
                    changes.caught_up.append(p)
    changes.completed = total(e.completed_investment for e in in_latest)
    changes.left = [d for d in report.departures if previous is not None and d.last == previous]
    return changes


_HISTORIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _lights(report: Report) -> dict[str, dict[Period, Light]]:
    """Each project's light per period, worked out once per report (a feed asks for every period)."""
    if report not in _HISTORIES:
        _HISTORIES[report] = {p.id: {period: check.light for period, check in history(p, report)}
                              for p in report.projects.values() if p.progress}
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
