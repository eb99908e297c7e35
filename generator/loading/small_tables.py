"""The two small tables: clusters (产业集群: id, name, description) and indicators (figures no project row carries)."""

from __future__ import annotations

from ..contract.schema import TABLES
from ..model.report import Cluster, Indicator, SourceRef
from ..reading.tables import BoundTable
from .identity import not_reserved, safe_or_slug


def read_clusters(loader, bound: BoundTable | None) -> dict[str, Cluster]:
    """The clusters by id (made from the name when the table has no id column)."""
    clusters: dict[str, Cluster] = {}
    if bound is None:
        return clusters
    first: dict[str, int] = {}
    for row in bound.rows:
        r = loader.reader(bound, row)
        name = r.required_text("name")
        cid = r.identifier("id") if bound.column("id") else not_reserved(safe_or_slug(name) if name else "")
        if not name or not cid:
            continue
        if cid in clusters:
            r.problem("id-duplicate", "id" if bound.column("id") else "name", first=first[cid])
            continue
        first[cid] = row.number
        clusters[cid] = Cluster(cid, name, r.text("description"), SourceRef(bound.sheet.label, row.number))
    return clusters


def read_indicators(loader, bound: BoundTable | None) -> list[Indicator]:
    """The indicators, in the table's order."""
    if bound is None:
        return []
    found = []
    for row in bound.rows:
        r = loader.reader(bound, row)
        name = r.required_text("name")
        value = r.quantity("value")
        if value.raw == "" and bound.column("value") is not None:
            r.problem("value-missing", "value", field=TABLES["indicators"].field("value"))
        if name:
            found.append(Indicator(name, value, r.year("year"), r.quantity("target"), r.text("unit"),
                                   r.text("note"), SourceRef(bound.sheet.label, row.number)))
    return found
