"""What one bulletin covers: a period (the latest, or an earlier one of the progress table) and a scope (every
project, one cluster, one 责任单位 or one area). Each narrows the report before the bulletin is composed, so every figure
in it is the same figure the site would show for those projects."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..contract.amounts import NOT_REPORTED
from ..contract.marks import InvalidValue, fold
from ..contract.periods import Period, parse_period
from ..model.places import every_place, leaf, place_path, spoken
from ..model.report import Report
from ..text.catalogue import join, say


class ScopeError(ValueError):
    """A period, cluster or 责任单位 the data does not have; the message lists those it has."""


@dataclass(frozen=True)
class Scope:
    period: str | None = None  # as a table writes it: 2024-10, 2024年10月, 2024Q3 …; default the latest
    cluster: str | None = None  # a cluster's id or name
    department: str | None = None  # a 责任单位 as the data writes it
    place: str | None = None  # an area (县区): its name, in full (云州市东山区) or as a path (云州市/东山区)

    def slug(self, report: Report) -> str:
        """The scope in a file name: ``2024-10``, ``2024-10-C01``, ``2024-10-云州市-东山区``; the data's date or year
        when it has no periods; empty when it has neither."""
        period = (report.latest_period.key if report.latest_period else report.as_of.isoformat() if report.as_of
                  else str(report.current_year or ""))
        parts = (period, self.cluster, self.department, place_path(self.place))
        return "-".join(part.replace("/", "-") for part in parts if part)


def narrowed(report: Report, scope: Scope) -> tuple[Report, str | None]:
    """The report the bulletin of ``scope`` is made from, and the scope in words (None: every project)."""
    language = report.language
    if scope.period:
        report = as_at(report, _period(report, scope.period))
    words = []
    if scope.cluster:
        cid = scope.cluster if scope.cluster in report.clusters else next(
            (c.id for c in report.clusters.values() if fold(c.name) == fold(scope.cluster)), None)
        if cid is None:
            raise ScopeError(say("bulletin-no-cluster", language, wanted=scope.cluster,
                                 choices=join(report.clusters, language)))
        report = report.only(lambda p: p.cluster_id == cid, clusters=[cid])
        words.append(report.clusters[cid].name)
    if scope.department:
        departments = sorted({p.department for p in report.projects.values() if p.department})
        wanted = next((d for d in departments if fold(d) == fold(scope.department)), None)
        if wanted is None:
            raise ScopeError(say("bulletin-no-department", language, wanted=scope.department,
                                 choices=join(departments, language)))
        report = report.only(lambda p: p.department == wanted)
        words.append(wanted)
    if scope.place:
        places = every_place(p.place for p in report.projects.values())
        where = _place_named(places, scope.place, language)
        if where is None:
            raise ScopeError(say("bulletin-no-place", language, wanted=scope.place,
                                 choices=join([spoken(name, language) for name in places], language)))
        report = report.in_place(where)
        words.append(spoken(where, language))
    return report, (say("title-join", language).join(words) or None)


def _period(report: Report, text: str) -> Period:
    try:
        wanted = parse_period(text, (), report.fiscal_start)
    except InvalidValue:
        wanted = None
    if wanted not in report.periods:
        raise ScopeError(say("bulletin-no-period", report.language, wanted=text,
                             choices=join((p.key for p in report.periods), report.language)))
    return wanted


def as_at(report: Report, period: Period) -> Report:
    """The report as it stood at the end of ``period``: the progress table's rows up to it, the year's
    completion summed from them, each project's status as of its last row, and the projects not yet
    reported then left out. The projects table's own completed figure is later than the period, so it is
    not used."""
    if period == report.latest_period:
        return report
    projects = {}
    for pid, p in report.projects.items():
        entries = tuple(e for e in p.progress if e.period.end <= period.end)
        if p.progress and not entries:
            continue  # first reported after the period
        status = next((e.status for e in reversed(entries) if e.status), p.status)
        light = entries[-1].light if entries and entries[-1].period == period else None  # that period's own rating
        projects[pid] = replace(p, progress=entries, status=status, annual_completed_investment=NOT_REPORTED,
                                current_year=None, light=light)
    return Report.assemble(report.currency, report.display_unit, projects, report.clusters, report.indicators,
                           report.sources, as_of=period.end, language=report.language, unit_factor=report.unit_factor,
                           completed_span=None, lights=report.lights, photos=report.photos, boundary=report.boundary,
                           fiscal_start=report.fiscal_start, exchange_rates=report.exchange_rates)


def _place_named(places: list[str], wanted: str, language: str) -> str | None:
    """The place ``wanted`` names: as a path (云州市/东山区), in full (云州市东山区), or by its own name when only one
    place has it (东山区)."""
    key = fold(place_path(wanted) or "")
    whole = [name for name in places if key in (fold(name), fold(spoken(name, language)))]
    if whole:
        return whole[0]
    own = [name for name in places if fold(leaf(name)) == key]
    return own[0] if len(own) == 1 else None
