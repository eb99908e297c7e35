"""Where each generated page lives (docs-relative) and its address on the site: one definition, for the pages, the
navigation, the feed and the bulletin."""

from __future__ import annotations

import re

from ..contract.vocab import Stage
from ..model.places import common_area, every_place, leaf, parent
from ..model.report import Report

#: Where the pages every site has live (docs-relative).
SITE_PAGES = {"home": "index.md", "projects_index": "projects/index.md", "clusters_index": "clusters/index.md",
              "methodology": "methodology.md", "changes": "changes.md", "rankings": "rankings.md"}


#: The areas compared, each linked to its page (when the projects are in two areas or more).
PLACES_INDEX = "places/index.md"


def page_paths(report: Report) -> dict[str, str]:
    """Where each generated page lives (docs-relative)."""
    paths = dict(SITE_PAGES)
    paths.update({f"project:{pid}": f"projects/{pid}.md" for pid in report.projects})
    paths.update({f"cluster:{cid}": f"clusters/{cid}.md" for cid in report.clusters})
    paths.update({f"stage:{s.value}": f"stages/{s.value}.md" for s in report_stages(report)})
    places = place_slugs(report)
    paths.update({f"place:{name}": f"places/{slug}.md" for name, slug in places.items()})
    if places:
        paths["places_index"] = PLACES_INDEX
    paths.update({f"year:{y}": f"years/{y}.md" for y in report.years})
    return paths


def web_address(path: str) -> str:
    """A page's address relative to the site, a folder per page: ``projects/ZD01.md`` -> ``projects/ZD01/``."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def report_stages(report: Report) -> list[Stage]:
    """The stages (sections of the year's list) the report's projects are in, in the order offices list them."""
    present = {p.stage for p in report.projects.values()}
    return [s for s in Stage if s in present]


def report_places(report: Report) -> list[str]:
    """Every place (县区, and on a province's site its cities) the report's projects are in, each after the one it
    lies in, in the order the data first names them; none when there are fewer than two (a district's own site
    needs no page per place)."""
    places = every_place(p.place for p in report.projects.values())
    return places if len(places) > 1 else []


def top_places(report: Report) -> list[str]:
    """The places the site compares: those where its projects part (its cities on a province's site, its counties on
    a city's, even when every county's folder sits in one of the city's)."""
    common = common_area(p.place for p in report.projects.values())
    return [place for place in report_places(report) if parent(place) == common]


def place_slugs(report: Report) -> dict[str, str]:
    """Each place's page name: the name itself where it is safe in an address (东山区), else made safe; a place
    within another under that one's name (``云州市/东山区``)."""
    out: dict[str, str] = {}
    for name in report_places(report):
        text = leaf(name)
        base = re.sub(r"-{2,}", "-", "".join(c if c.isalnum() or c in "-_" else "-" for c in text)).strip("-") or "place"
        above = f"{out[parent(name)]}/" if parent(name) in out else ""
        stem, n = base, 2
        while above + stem in out.values() or stem == "index":
            stem, n = f"{base}-{n}", n + 1
        out[name] = above + stem
    return out


def place_feed(slug: str) -> str:
    """Where an area's feed lives (docs-relative), beside the clusters' (``feeds/ID.xml``)."""
    return f"feeds/places/{slug}.xml"
