"""排名: league tables of the projects grouped by where they are (县区), who answers for them (责任单位, 联系领导) and
what they are (cluster, 行业领域, 项目级别, 建设性质), ranked by the group's completion of its annual plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.places import child_of, common_area, within
from ..model.report import Project, Report
from .lights import Light, project_light
from .metrics import Summary, summarize

#: What projects are grouped by besides their place (which :func:`leagues` puts first), in the order the page shows
#: them: the field's name and how to read it.
DIMENSIONS: tuple[tuple[str, Callable[[Project], str | None]], ...] = (
    ("department", lambda p: p.department),
    ("leader", lambda p: p.leader),
    ("cluster", lambda p: p.cluster_id),
    ("sector", lambda p: p.sector),
    ("level", lambda p: p.level),
    ("stage", lambda p: p.stage.value if p.stage else None),
)


@dataclass(frozen=True)
class LeagueRow:
    """One group: its key as the data gives it (None: projects that leave it empty), figures and lights."""

    key: str | None
    summary: Summary
    lights: dict[Light, int]
    rank: int | None  # by completion rate, highest first; None when the group has no rate


@dataclass(frozen=True)
class League:
    dimension: str
    rows: tuple[LeagueRow, ...]

    @property
    def ranked(self) -> tuple[LeagueRow, ...]:
        """The groups: those with a rate ranked, then those without; not the projects that leave the field empty."""
        return tuple(r for r in self.rows if r.key is not None)

    @property
    def unassigned(self) -> LeagueRow | None:
        """The projects that leave the field empty (in a league of an area's places, the area's own), apart: a
        table of groups says how many there are, not a group named 未填写."""
        return next((r for r in self.rows if r.key is None), None)


def leagues(report: Report, only: str | None = None) -> list[League]:
    """A league table for each dimension (or the one named ``only``) in which the projects fall into at least two
    groups; first the places, at the level where they part (a province's cities, a city's counties)."""
    projects = list(report.projects.values())
    lit = {p.id: project_light(p, report).light for p in projects}
    common = common_area(p.place for p in projects)
    dimensions = (("place", lambda p: child_of(p.place, common)), *DIMENSIONS)
    found = (_league(dimension, projects, key_of, lit, report.current_year) for dimension, key_of in dimensions
             if only in (None, dimension))
    return [league for league in found if league is not None]


def place_league(report: Report, area: str) -> League | None:
    """The league of the places one level within ``area`` (a city's counties), or None when it has fewer than two;
    projects the area lists as its own, in none of them, make the row without a key."""
    projects = [p for p in report.projects.values() if within(p.place, area)]
    lit = {p.id: project_light(p, report).light for p in projects}
    return _league("place", projects, lambda p: child_of(p.place, area), lit, report.current_year)


def _league(dimension: str, projects: list[Project], key_of: Callable[[Project], str | None], lit: dict,
            year: int | None) -> League | None:
    """``projects`` grouped by ``key_of`` and ranked; None when they fall into fewer than two groups."""
    groups: dict[str | None, list[Project]] = {}
    for p in projects:
        groups.setdefault(key_of(p) or None, []).append(p)
    if len([k for k in groups if k is not None]) < 2:
        return None
    return League(dimension, tuple(_ranked([_row(key, members, lit, year) for key, members in groups.items()])))


def _row(key: str | None, members: list[Project], lit: dict, year: int | None) -> LeagueRow:
    counts = {light: sum(lit[p.id] is light for p in members) for light in Light}
    return LeagueRow(key, summarize(members, year), counts, None)


def _ranked(rows: list[LeagueRow]) -> list[LeagueRow]:
    """Highest completion rate first, equal rates sharing a rank (1, 2, 2, 4); groups without a rate, and the
    projects that leave the field empty, after them unranked."""
    rated = sorted((r for r in rows if r.key is not None and r.summary.completion_rate.value is not None),
                   key=lambda r: -r.summary.completion_rate.value)
    out, previous, rank = [], None, 0
    for i, r in enumerate(rated, start=1):
        if r.summary.completion_rate.value != previous:
            rank, previous = i, r.summary.completion_rate.value
        out.append(LeagueRow(r.key, r.summary, r.lights, rank))
    unrated = [r for r in rows if r.key is not None and r.summary.completion_rate.value is None]
    return out + sorted(unrated, key=lambda r: -r.summary.count) + [r for r in rows if r.key is None]
