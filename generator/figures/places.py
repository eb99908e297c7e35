"""Where a project is on the map: its coordinates, when the map can draw them; and which of the boundary's areas
each place is, by 行政区划代码 or by name, for the map shaded by place."""

from __future__ import annotations

import re
import weakref

from ..contract.geometry import in_range, near
from ..contract.marks import fold
from ..model.places import depth, every_place, leaf
from ..model.report import Boundary, Project, Report

#: What an area's name may end with that another list of the same areas leaves off (东山区 / 东山, 河西县 / 河西).
_SUFFIX = re.compile(r"(自治县|自治州|自治旗|特别行政区|地区|新区|林区|省|市|区|县|旗|盟|州)$")


def position(project: Project, boundary: Boundary | None) -> tuple[float, float] | None:
    """(longitude, latitude) of a project the map draws: both given, on the globe, and near the boundary when
    there is one (a point far outside it is a mistake the loader reports, not a place to show)."""
    if project.latitude is None or project.longitude is None:
        return None
    lon, lat = float(project.longitude), float(project.latitude)
    if not in_range(lon, lat) or (boundary is not None and not near(boundary.bbox, lon, lat)):
        return None
    return lon, lat


def _bare(name: str) -> str:
    folded = fold(name)
    return _SUFFIX.sub("", folded) or folded


def is_map_of_areas(boundary: Boundary | None) -> bool:
    """Whether the boundary draws areas one by one (two features or more with a name or a code), not one outline."""
    return boundary is not None and sum(1 for name, code in boundary.areas if name or code) >= 2


#: Each report's matching, worked out once (the check, the home page's map and the tests ask for it).
_MATCHED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def area_features(report: Report) -> dict[str, int]:
    """Each place that has a feature of the boundary -> that feature's index: by the 行政区划代码 its projects give,
    else by its own name as the boundary writes it (东山区), or without the ending one of them leaves off (东山);
    a name the boundary has twice matches by code only."""
    if report in _MATCHED:
        return _MATCHED[report]
    matched: dict[str, int] = {}
    boundary = report.boundary
    if is_map_of_areas(boundary):
        by_code = {code: i for i, (_, code) in enumerate(boundary.areas) if code}
        names: dict[str, list[int]] = {}
        for i, (name, _) in enumerate(boundary.areas):
            if name:
                names.setdefault(fold(name), []).append(i)
                if _bare(name) != fold(name):
                    names.setdefault(_bare(name), []).append(i)
        codes = {p.place: p.place_code for p in report.projects.values() if p.place and p.place_code}
        for place in every_place(p.place for p in report.projects.values()):
            if codes.get(place) in by_code:
                matched[place] = by_code[codes[place]]
                continue
            found = names.get(fold(leaf(place))) or names.get(_bare(leaf(place))) or []
            if len(set(found)) == 1:
                matched[place] = found[0]
    _MATCHED[report] = matched
    return matched


def places_off_the_map(report: Report) -> list[str]:
    """The places the map by place leaves unshaded: those without a feature at the levels the boundary draws
    (a province's map of cities says nothing of its counties); none when the boundary is one outline."""
    places = every_place(p.place for p in report.projects.values())
    if not is_map_of_areas(report.boundary) or len(places) < 2:
        return []
    matched = area_features(report)
    levels = {depth(place) for place in matched} or {1}
    return [place for place in places if depth(place) in levels and place not in matched]
