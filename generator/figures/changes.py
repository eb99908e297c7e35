"""What changed in the latest reporting period against the one before, computed from the data alone."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..contract.amounts import Total, total
from ..contract.periods import Period
from ..contract.vocab import Status
from ..model.report import Project, Report
from . import metrics


@dataclass
class Changes:
    latest: Period
    previous: Period | None
    appeared: list[Project] = field(default_factory=list)  # first reported in the latest period
    status: list[tuple[Project, Status | None, Status | None]] = field(default_factory=list)
    completed: Total | None = None  # investment completed in the latest period
    fell_behind: list[Project] = field(default_factory=list)
    caught_up: list[Project] = field(default_factory=list)


def period_changes(report: Report) -> Changes | None:
    """The latest period against the one before; None when the data has no periods."""
    periods = report.periods
    if not periods:
        return None
    latest = periods[-1]
    previous = periods[-2] if len(periods) > 1 else None
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
            was = metrics.schedule(p, previous, report.schedule).status
            is_ = metrics.schedule(p, latest, report.schedule).status
            if is_ is metrics.Schedule.BEHIND and was not in (None, metrics.Schedule.BEHIND):
                changes.fell_behind.append(p)
            if was is metrics.Schedule.BEHIND and is_ not in (None, metrics.Schedule.BEHIND):
                changes.caught_up.append(p)
    changes.completed = total(e.completed_investment for e in in_latest)
    return changes


def summary_line(changes: Changes | None, fmt) -> str:
    """One line for a build log: what this publication changes."""
    if changes is None:
        return "数据中没有报告期" if fmt.language == "zh" else "the data has no reporting periods"
    zh = fmt.language == "zh"
    against = (f"，对比{fmt.period(changes.previous)}" if zh else f" against {fmt.period(changes.previous)}") \
        if changes.previous else ""
    parts = [
        f"新增 {len(changes.appeared)} 个项目" if zh else f"{len(changes.appeared)} new projects",
        f"{len(changes.status)} 个项目状态变化" if zh else f"{len(changes.status)} status changes",
        (f"本期完成投资 {fmt.total(changes.completed)}" if zh else f"completed {fmt.total(changes.completed)}"),
        f"{len(changes.fell_behind)} 个转为滞后" if zh else f"{len(changes.fell_behind)} fell behind",
        f"{len(changes.caught_up)} 个赶上进度" if zh else f"{len(changes.caught_up)} caught up",
    ]
    head = f"本期（{fmt.period(changes.latest)}{against}）：" if zh else f"This period ({fmt.period(changes.latest)}{against}): "
    return head + ("；" if zh else "; ").join(parts)
