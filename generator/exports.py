"""Downloads: each table as CSV and JSON, and a Frictionless Data Package describing them."""

from __future__ import annotations

import json

import pandas as pd

from .amounts import Amount
from .dates import DateValue
from .model import Report
from .schema import TABLES

_TYPES = {"amount": "number", "number": "number", "years": "string", "year": "integer", "date": "string",
          "period": "string", "value": "string"}


def _amount(a: Amount, report: Report) -> tuple[str, str]:
    """(number in the display unit or empty, flag: withheld / tbd / about / at_least / over / nearly / empty)."""
    if a.value is None:
        return "", a.missing.value if a.missing and a.missing.value != "not_reported" else ""
    return f"{(a.value / report.unit_factor).normalize():f}", a.qualifier.value if a.qualifier else ""


def _date(d: DateValue) -> str:
    return d.date.iso() if d.date else ""


def _frames(report: Report) -> dict[str, pd.DataFrame]:
    projects = []
    for p in report.projects.values():
        row = {"id": p.id, "name": p.name, "category": p.category.value, "level": p.level or "",
               "cluster": p.cluster_id or "", "status": p.status.value if p.status else "",
               "year": ";".join(map(str, p.all_years))}
        for f in TABLES["projects"].fields:
            value = getattr(p, f.name, None)
            if isinstance(value, Amount):
                row[f.name], row[f"{f.name}_flag"] = _amount(value, report)
            elif isinstance(value, DateValue):
                row[f.name] = _date(value)
            elif f.name not in row:
                row[f.name] = "" if value is None else str(value)
        projects.append(row)
    clusters = [{"id": c.id, "name": c.name, "description": c.description or ""} for c in report.clusters.values()]
    progress = []
    for p in report.projects.values():
        for e in p.progress:
            row = {"project": p.id, "project_name": p.name, "period": e.period.key,
                   "status": e.status.value if e.status else "", "note": e.note or ""}
            for f in ("planned_investment", "completed_investment", "cumulative_investment", "total_investment"):
                row[f], row[f"{f}_flag"] = _amount(getattr(e, f), report)
            progress.append(row)
    indicators = [{"year": i.year or "", "name": i.name, "value": i.value.raw, "target": i.target.raw,
                   "unit": i.shown_unit or "", "note": i.note or ""} for i in report.indicators]
    frames = {"projects": pd.DataFrame(projects), "clusters": pd.DataFrame(clusters),
              "progress": pd.DataFrame(progress), "indicators": pd.DataFrame(indicators)}
    present = {s.table for s in report.sources} | {"projects", "clusters"}
    return {name: frame for name, frame in frames.items() if name in present}


def _schema(name: str, frame: pd.DataFrame, report: Report) -> dict:
    table = TABLES[name]
    fields = []
    for column in frame.columns:
        base = column.removesuffix("_flag")
        f = next((f for f in table.fields if f.name == base), None)
        if column.endswith("_flag"):
            fields.append({"name": column, "type": "string",
                           "description": "withheld / tbd, or the qualifier of the figure: about / at_least / over / nearly"})
        elif f is None:
            fields.append({"name": column, "type": "string"})
        else:
            entry = {"name": column, "type": _TYPES.get(f.kind, "string"), "title": f.zh, "description": f.en}
            if f.kind == "amount":
                entry["description"] = f"{f.en}, in {report.display_unit}"
            fields.append(entry)
    schema = {"fields": fields, "missingValues": [""]}
    if name in ("projects", "clusters"):
        schema["primaryKey"] = "id"
    if name == "projects":
        schema["foreignKeys"] = [{"fields": "cluster", "reference": {"resource": "clusters", "fields": "id"}}]
    if name == "progress":
        schema["foreignKeys"] = [{"fields": "project", "reference": {"resource": "projects", "fields": "id"}}]
    return schema


def export_files(report: Report, folder: str = "downloads") -> dict[str, str]:
    """docs-relative path -> text: ``<table>.csv``, ``<table>.json`` and ``datapackage.json``."""
    out: dict[str, str] = {}
    resources = []
    for name, frame in _frames(report).items():
        out[f"{folder}/{name}.csv"] = frame.to_csv(index=False, lineterminator="\n")
        out[f"{folder}/{name}.json"] = json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=1,
                                                  default=str) + "\n"
        resources.append({"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "profile": "tabular-data-resource", "schema": _schema(name, frame, report)})
    package = {
        "profile": "tabular-data-package",
        "name": "progress-report",
        "resources": resources,
        "sources": [{"title": s.label, "sha256": s.sha256} for s in report.sources],
    }
    if report.as_of:
        package["created"] = report.as_of.isoformat()
    out[f"{folder}/datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=1) + "\n"
    return out
