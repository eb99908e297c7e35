"""Places as paths: a project's place is the chain of areas it lies in, from the widest the data names to the
narrowest, written ``云州市/东山区`` (a province's site: city, then county). A city's own site, whose tables name
counties only, has places of one part. Every page, league, bulletin and feed asks here what lies within what.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.catalogue import say

SEPARATOR = "/"
_SPLIT = re.compile(r"\s*[/／]\s*")


def place_path(text: str | None) -> str | None:
    """A place as written (``云州市／东山区``, ``云州市 / 东山区``) in the one form every page uses; None for none."""
    if not text:
        return None
    parts = [part for part in _SPLIT.split(text.strip()) if part]
    return SEPARATOR.join(parts) or None


def joined(outer: str, inner: str | None) -> str:
    """``inner`` (a place a table names, perhaps None) within ``outer`` (the folder's place); a table that names
    its own folder's place, or a path beginning with it, is not put within it twice."""
    if not inner or inner == outer or inner.startswith(outer + SEPARATOR):
        return inner or outer
    return f"{outer}{SEPARATOR}{inner}"


def parts(place: str) -> list[str]:
    return place.split(SEPARATOR)


def leaf(place: str) -> str:
    """The narrowest area's own name: 东山区 for ``云州市/东山区``."""
    return place.rsplit(SEPARATOR, 1)[-1]


def parent(place: str) -> str | None:
    return place.rsplit(SEPARATOR, 1)[0] if SEPARATOR in place else None


def depth(place: str) -> int:
    return place.count(SEPARATOR) + 1


def within(place: str | None, area: str) -> bool:
    """Whether ``place`` is ``area`` or lies inside it."""
    return place is not None and (place == area or place.startswith(area + SEPARATOR))


def lineage(place: str) -> list[str]:
    """Every area ``place`` lies in, widest first, ending with itself: 云州市, 云州市/东山区."""
    split = parts(place)
    return [SEPARATOR.join(split[:i]) for i in range(1, len(split) + 1)]


def child_of(place: str | None, area: str | None) -> str | None:
    """The area one level below ``area`` (None: the widest level) that ``place`` lies in; None when ``place`` is
    ``area`` itself or lies outside it."""
    if place is None or (area is not None and not within(place, area)) or place == area:
        return None
    return SEPARATOR.join(parts(place)[:depth(area) + 1 if area else 1])


def common_area(places: Iterable[str | None]) -> str | None:
    """The narrowest area every one of ``places`` lies in (云州市, when all are its counties), or None when they
    share none: the level below it is where the places part, and what the site compares."""
    split = [parts(place) for place in places if place]
    if not split:
        return None
    shared = []
    for level in zip(*split):
        if len(set(level)) > 1:
            break
        shared.append(level[0])
    if len(shared) == min(len(s) for s in split) and len({len(s) for s in split}) == 1:
        shared = shared[:-1]  # all in one place: it is what is compared, not what holds them
    return SEPARATOR.join(shared) or None


def every_place(places: Iterable[str | None]) -> list[str]:
    """Every area ``places`` name or lie in, each after the one it lies in, in the order the data first names them."""
    return list(dict.fromkeys(area for place in places if place for area in lineage(place)))


def spoken(place: str, language: str = "zh") -> str:
    """A place as a reader writes it in full: 云州市东山区; in English, the narrowest first (Camden, London)."""
    split = parts(place)
    text = split[0]
    for inner in split[1:]:
        text = say("place-in", language, outer=text, inner=inner)
    return text
