"""当前位置 (breadcrumbs): where a generated page sits, above its title, each step a link back up."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from markupsafe import Markup

from ..model.places import leaf, lineage
from .context import PageContext
from .formatting import Formatter
from .markup import h, show

#: What each page kind sits under, besides the home page (an area's also under its wider areas).
_UNDER = {"project": "projects_index", "cluster": "clusters_index", "place": "places_index"}
_NAMES = {"projects_index": "projects", "clusters_index": "clusters", "places_index": "places"}


def crumbs(context: PageContext, fmt: Formatter, paths: Mapping[str, str], link: Callable[[str, str], str]) -> Markup:
    """当前位置：首页 › 项目一览 › the page, as a Markdown paragraph after a marker the stylesheet knows; none on the
    home page. ``link(here, key)`` is the address of the page ``key`` from the page ``here``."""
    kind, here = context.kind, context.path
    if kind == "home":
        return Markup("")
    trail = ["home"]
    if _UNDER.get(kind) in paths:
        trail.append(_UNDER[kind])
    if kind == "place":
        trail += [f"place:{area}" for area in lineage(dict(context.values)["name"])[:-1] if f"place:{area}" in paths]
    names = {"home": fmt.t("home"), **{key: fmt.t(word) for key, word in _NAMES.items()}}
    links = [f"[{show(names.get(key) or leaf(key.split(':', 1)[1]))}]({link(here, key)})" for key in trail]
    shown = Markup(h(fmt.t("crumbs_separator"))).join([*links, show(context.title)])
    return Markup(f'<div class="ps-crumbs" data-search-exclude></div>\n\n{show(fmt.t("crumbs_label"))}{shown}\n')
