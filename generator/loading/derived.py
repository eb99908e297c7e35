"""What a row gives by way of other cells: a status from its section or 是否开工, a package's totals from its parts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..contract.amounts import Amount, total
from ..contract.dates import DateValue
from ..contract.marks import Missing
from ..contract.vocab import Stage, Status
from ..model.report import Project

COMPONENT_AMOUNTS = ("total_investment", "annual_planned_investment", "annual_completed_investment", "cumulative_investment")


def derived_status(stage: Stage | None, started: bool | None, start: DateValue, as_of: dt.date | None,
                   spent: Amount | None = None) -> Status | None:
    """The status of a row that gives none: from 是否开工, else from its section (a new project has started when
    its start date is on or before the as-of date, or, with no start date, when it has completed investment this
    year: work was done)."""
    if started is not None:
        return Status.UNDER_CONSTRUCTION if started else Status.NOT_STARTED
    if stage is Stage.NEW:
        if start.date is not None:
            begun = as_of is None or start.date.first_day() <= as_of
        else:
            begun = spent is not None and spent.value is not None and spent.value > 0
        return Status.UNDER_CONSTRUCTION if begun else Status.NOT_STARTED
    return stage.status if stage is not None else None


def package_totals(project: Project) -> Project:
    """A package project whose own cell is empty takes the sum of its components' figures (when all have one)."""
    if not project.components:
        return project
    filled = {}
    for f in COMPONENT_AMOUNTS:
        own = getattr(project, f)
        parts = [getattr(c, f) for c in project.components]
        if own.missing is Missing.NOT_REPORTED and not own.raw and parts and all(a.known for a in parts):
            summed = total(parts)
            filled[f] = Amount(summed.value, summed.qualifier, scale=parts[0].scale)
    return replace(project, **filled) if filled else project
