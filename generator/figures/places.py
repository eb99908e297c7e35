"""Where a project is on the map: its coordinates, when the map can draw them."""

from __future__ import annotations

from ..contract.geometry import in_range, near
from ..model.report import Boundary, Project


def position(project: Project, boundary: Boundary | None) -> tuple[float, float] | None:
    """(longitude, latitude) of a project the map draws: both given, on the globe, and near the boundary when
    there is one (a point far outside it is a mistake the loader reports, not a place to show)."""
    if project.latitude is None or project.longitude is None:
        return None
    lon, lat = float(project.longitude), float(project.latitude)
    if not in_range(lon, lat) or (boundary is not None and not near(boundary.bbox, lon, lat)):
        return None
    return lon, lat
