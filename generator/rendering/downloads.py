"""Downloads: each table as CSV and JSON, a Frictionless Data Package describing them, and the data dictionary
(what each column and each derived figure means) as CSV.

The CSV files are for spreadsheets: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads
them), headers and words in the site's language, amounts in the display unit with a companion column
for 未公开 / 待定 / 约 …. The JSON files are for programs: canonical English keys and codes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from enum import Enum
from typing import TYPE_CHECKING

from ..contract.amounts import Amount
from ..contract.dates import DateValue
from ..contract.schema import TABLES, without_unit
from ..figures.lights import project_light
from ..figures.metrics import DEFINITIONS
from ..model.report import Report
from ..text.catalogue import is_key, pick, say
from .oc4ids import project_package

if TYPE_CHECKING:
    import pandas as pd

_TYPES = {"amount": "number", "number": "number", "percent": "number", "years": "string", "year": "integer", "date": "string",
          "period": "string", "value": "string"}


def _amount(a: Amount, report: Report) -> tuple[str, str]:
    """(number in the display unit or empty, flag: withheld / tbd / about / at_least / over / nearly / empty; for
    an amount in another currency, its code, the number in that currency at the display unit's magnitude)."""
    if a.value is None:
        return "", a.missing.value if a.missing and a.missing.value != "not_reported" else ""
    converted = f"{a.original[0]} {a.original[1].normalize():f}" if a.original else ""
    flag = " ".join(filter(None, (a.currency, converted, a.qualifier.value if a.qualifier else "")))
    return f"{(a.value / report.unit_factor).normalize():f}", flag


def _date(d: DateValue) -> str:
    return d.date.iso() if d.date else ""


def _records(report: Report) -> dict[str, list[dict]]:
    """Each exported table as rows of canonical column -> text (amounts in the display unit)."""
    projects = []
    extra_headers = extras_published(report)
    for p in report.projects.values():
        row = {"id": p.id, "name": p.name, "category": p.category.value, "level": p.level or "",
               "cluster": p.cluster_id or "", "status": p.status.value if p.status else "",
               "year": ";".join(map(str, p.all_years))}
        for f in TABLES["projects"].fields:
            if f.kind == "derived":  # the site works these out; the downloads carry what they are made from
                continue
            if f.kind == "light":  # the light the pages show: the table's, else the one worked out
                shown = project_light(p, report).light
                row[f.name] = shown.value if shown else ""
                continue
            value = getattr(p, f.name, None)
            if isinstance(value, Amount):
                row[f.name], row[f"{f.name}_flag"] = _amount(value, report)
            elif isinstance(value, DateValue):
                row[f.name] = _date(value)
            elif isinstance(value, Enum):
                row[f.name] = value.value
            elif isinstance(value, bool):
                row[f.name] = "yes" if value else "no"
            elif f.name not in row:
                row[f.name] = "" if value is None else str(value)
        row["package"] = len(p.components) if p.components else ""
        for header, value in ((h, p.extras.get(h, "")) for h in extra_headers):
            if isinstance(value, Amount):  # in the display unit, under the header without the unit it was written in
                base = without_unit(header)
                row[say("header-with-unit", report.language, label=base, unit=report.display_unit)], _ = _amount(value, report)
            else:
                row[header] = value
        projects.append(row)
    clusters = [{"id": c.id, "name": c.name, "description": c.description or ""} for c in report.clusters.values()]
    progress = []
    for p in report.projects.values():
        for e in p.progress:
            row = {"project": p.id, "project_name": p.name, "period": e.period.key,
                   "status": e.status.value if e.status else "", "note": e.note or ""}
            for f in TABLES["progress"].names("amount"):
                row[f], row[f"{f}_flag"] = _amount(getattr(e, f), report)
            progress.append(row)
    indicators = [{"year": i.year or "", "name": i.name, "value": i.value.raw, "target": i.target.raw,
                   "unit": i.shown_unit or "", "note": i.note or ""} for i in report.indicators]
    tables = {"projects": projects, "clusters": clusters, "progress": progress, "indicators": indicators}
    return {name: tables[name] for name in exported_tables(report)}


def extras_published(report: Report) -> list[str]:
    """The headers, as written, of the published columns the schema does not know (a column for each)."""
    return list(dict.fromkeys(h for p in report.projects.values() for h in p.extras))


def exported_tables(report: Report) -> list[str]:
    present = {s.table for s in report.sources} | {"projects", "clusters"}
    return [name for name in ("projects", "clusters", "progress", "indicators") if name in present]


def export_paths(report: Report, folder: str = "downloads") -> list[str]:
    """The docs-relative paths :func:`export_files` writes, in its order."""
    return [f"{folder}/{name}.{ext}" for name in exported_tables(report) for ext in ("csv", "json")] + [
        f"{folder}/datapackage.json", f"{folder}/oc4ids.json", f"{folder}/dictionary.csv"]


def dictionary_rows(report: Report, columns: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """The data dictionary of the downloads: each column of each table's CSV (``columns``: its canonical names,
    in order) with its header as written and what it means, then each derived figure with its whole definition."""
    language = report.language
    rows = []
    for name, names in columns.items():
        fields = {f.name: f for f in TABLES[name].fields}
        for column in names:
            f = fields.get(column.removesuffix("_flag"))
            meaning = (say("flag-meaning", language) if column.endswith("_flag") else f.meaning(language) if f
                       else say("package-meaning", language) if column == "package" else say("extra-meaning", language))
            rows.append((pick(TABLES[name], language), _header(name, column, report), meaning))
    return rows + [(say("definitions", language), pick(d, language), d.explained(language)) for d in DEFINITIONS]


def dictionary_csv(report: Report, columns: dict[str, list[str]]) -> str:
    """:func:`dictionary_rows` as a CSV a spreadsheet opens (with a byte-order mark, as the tables are)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([say(k, report.language) for k in ("dictionary-part", "column", "meaning")])
    writer.writerows([spreadsheet_safe(v) for v in row] for row in dictionary_rows(report, columns))
    return "\ufeff" + out.getvalue()


def _header(name: str, column: str, report: Report) -> str:
    """The CSV header of a canonical column, in the site's language (amounts with their unit)."""
    language = report.language
    base = column.removesuffix("_flag")
    f = next((f for f in TABLES[name].fields if f.name == base), None)
    name_shown = pick(f, language) if f else say("package-count", language) if base == "package" else base
    if column.endswith("_flag"):
        return say("header-note", language, label=name_shown)
    if f is not None and f.kind == "amount":
        return say("header-with-unit", language, label=name_shown, unit=report.display_unit)
    return name_shown


_WORDS = {"status": "st_", "category": "", "stage": "stage_", "started": "yes-", "light": "light_"}


#: What makes a spreadsheet read a cell as a formula (OWASP's CSV-injection list, and the full-width forms).
_FORMULA_START = tuple("=+-@\t\r＝＋－＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?")


def spreadsheet_safe(value):
    """A cell that Excel, WPS and LibreOffice show as the text it is: one that would start a formula gets a
    leading ``'`` (as OWASP recommends); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not (
            _PLAIN_NUMBER.fullmatch(value) and any(c.isdigit() for c in value)):
        return "'" + value
    return value


def _localize(name: str, frame: pd.DataFrame, report: Report) -> pd.DataFrame:
    """The spreadsheet version of a table: words and headers in the site's language, no cell a formula."""
    out = frame.copy()
    for column, prefix in _WORDS.items():
        if column in out.columns:
            out[column] = out[column].map(lambda v, p=prefix: say(f"{p}{v}", report.language) if v else "")
    for column in [c for c in out.columns if c.endswith("_flag")]:
        out[column] = out[column].map(lambda v: " ".join(say(w, report.language).strip() if is_key(w) else w
                                                         for w in v.split()) if v else "")  # a currency code as is
    out = out.rename(columns={c: spreadsheet_safe(_header(name, c, report)) for c in out.columns})
    return out.map(spreadsheet_safe) if len(out) else out


def _schema(name: str, frame: pd.DataFrame, report: Report) -> dict:
    """A Table Schema for the CSV file; each field's description gives its canonical (JSON) name."""
    table = TABLES[name]
    fields = []
    for column in frame.columns:
        f = next((f for f in table.fields if f.name == column), None)
        kind = "string" if column.endswith("_flag") or f is None else _TYPES.get(f.kind, "string")
        fields.append({"name": _header(name, column, report), "type": kind, "description": column})
    schema = {"fields": fields, "missingValues": [""]}
    key = {c: _header(name, c, report) for c in ("id", "cluster", "project")}
    if name in ("projects", "clusters"):
        schema["primaryKey"] = key["id"]
    if name == "projects":
        schema["foreignKeys"] = [{"fields": key["cluster"], "reference": {"resource": "clusters", "fields": _header("clusters", "id", report)}}]
    if name == "progress":
        schema["foreignKeys"] = [{"fields": key["project"], "reference": {"resource": "projects", "fields": _header("projects", "id", report)}}]
    return schema


def _json_rows(records: list[dict]) -> str:
    """A JSON array with one row per line (readable, and written by the fast encoder)."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in records) + "\n]\n"


def export_files(report: Report, folder: str = "downloads", publisher: str = "", site_url: str | None = None) -> dict[str, str]:
    """docs-relative path -> text: ``<table>.csv``, ``<table>.json``, ``datapackage.json`` and the projects as an
    OC4IDS project package (``oc4ids.json``, published by ``publisher``)."""
    out: dict[str, str] = {}
    resources = []
    import pandas as pd  # here, not at import: a build's main process never needs it

    columns = {}
    for name, records in _records(report).items():
        frame = pd.DataFrame(records)
        columns[name] = list(frame.columns)
        out[f"{folder}/{name}.csv"] = "\ufeff" + _localize(name, frame, report).to_csv(index=False, lineterminator="\n")
        out[f"{folder}/{name}.json"] = _json_rows(records)
        resources.append({"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "profile": "tabular-data-resource", "schema": _schema(name, frame, report)})
    package = {
        "profile": "tabular-data-package",
        "name": "progress-report",
        "resources": resources,
        "sources": [{"title": s.name, "sha256": s.sha256} for s in report.sources],
    }
    if report.as_of:
        package["created"] = report.as_of.isoformat()
    out[f"{folder}/datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=1) + "\n"
    uri = f"{site_url.rstrip('/')}/{folder}/oc4ids.json" if site_url else "urn:progress-site:oc4ids"
    out[f"{folder}/oc4ids.json"] = project_package(report, publisher, uri)
    out[f"{folder}/dictionary.csv"] = dictionary_csv(report, columns)
    return out
