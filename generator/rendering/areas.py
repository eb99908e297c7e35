"""The pages of the areas (县区; on a province's site, its cities and their counties): one per area, and their index."""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from ..figures import lights, metrics, rankings
from ..model.places import leaf, parent, spoken, within
from ..model.report import Project
from . import charts as ch
from . import progress_charts as pc
from . import maps
from .addresses import place_feed, place_slugs, top_places
from .context import PageContext
from .judging import PLACE_WATCH_LIMIT


class AreaPages:
    """What :class:`.pages.PageMaker` makes of the areas (its report, paths, formatter and judge)."""

    def _place_charts(self, projects: list[Project], **_) -> list:
        """An area's: its projects by status, its completion by period and its map (its table lists the projects)."""
        f = self.fmt
        return [pc.group_pace(projects, self.report, f), pc.lights_by_period(projects, self.report, f),
                ch.status_breakdown(projects, f), ch.group_progress(projects, f),
                maps.project_map(self.report, projects, f)]

    def place(self, name: str) -> PageContext:
        """An area's page: its cards, lights and 重点关注; then the areas within it ranked (a city's counties, on a
        province's site), else its projects."""
        r = self.report
        projects = lights.worst_first([p for p in r.projects.values() if within(p.place, name)], r)  # red first
        summary = metrics.summarize(projects, r.current_year)
        page, feed = self.paths[f"place:{name}"], place_feed(place_slugs(r)[name])
        title = spoken(name, self.fmt.language)
        return PageContext.of("place", page, title, report=r, projects=projects, summary=summary, tags=[title],
                              name=name, index_query=Markup(f"?place={quote(name)}"),  # the project index, filtered to it
                              place_feed=Markup(self.url(page, feed)) if feed in self.feeds else None,
                              above=self.group_name("place", parent(name), page) if parent(name) else None,
                              within=rankings.place_league(r, name), group_name=self.group_name,
                              **self.judge.judged(projects, summary, limit=PLACE_WATCH_LIMIT))

    def places_index(self) -> PageContext:
        """Every area with its figures, ranked as on 排名 (on a province's site, each city's counties after the
        cities): the navigation's way into the areas when there are many."""
        r = self.report
        nested = [(leaf(name), league) for name in top_places(r) if (league := rankings.place_league(r, name))]
        return PageContext.of("places_index", self.paths["places_index"], self.fmt.t("places"), report=r,
                              places=next(iter(rankings.leagues(r, only="place")), None), nested=nested,
                              group_name=self.group_name)

