"""The site's projects as an OC4IDS project package (the Open Contracting for Infrastructure Data Standard), for
the downloads: id, title, status, period, budget and its currency, location, parties, completion and physical
progress, each only where the data gives it."""

from __future__ import annotations

import json
from decimal import Decimal

from ..contract.amounts import Amount
from ..contract.dates import DateValue
from ..contract.vocab import Status
from ..figures.metrics import cumulative_investment
from ..model.report import Project, Report
from ..reading.oc4ids import VERSION

#: Each status as the standard's projectStatus code list names the phase it is in.
PHASES = {Status.RESERVE: "identification", Status.NEGOTIATING: "preparation", Status.SIGNED: "preparation",
          Status.NOT_STARTED: "preparation", Status.UNDER_CONSTRUCTION: "implementation",
          Status.TRIAL_OPERATION: "implementation", Status.SUSPENDED: "implementation",
          Status.OPERATING: "maintenance", Status.COMPLETED: "completion", Status.TERMINATED: "cancelled"}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _value(a: Amount, report: Report) -> dict | None:
    """An amount as the standard's Value, in its own currency."""
    if a.value is None:
        return None
    if a.original is not None:  # as written, not as converted for the site's sums
        return {"amount": _number(a.original[1]), "currency": a.original[0]}
    return {"amount": _number(a.value), "currency": a.currency or report.currency}


def _when(d: DateValue, last: bool = False) -> str | None:
    """A date as the standard's date-time (its first day, or its last for an end)."""
    if d.date is None:
        return None
    day = d.date.last_day() if last else d.date.first_day()
    return f"{day.isoformat()}T00:00:00Z"


def _parties(p: Project) -> list[dict]:
    """The project's parties, one per name with all its roles: the owner as public authority, the responsible
    office as procuring entity, and the funders and suppliers a package gave."""
    extras = {k: v for k, v in p.extras.items() if isinstance(v, str)}
    roles: dict[str, list[str]] = {}
    for names, role in ((p.owner, "publicAuthority"), (p.department, "procuringEntity"),
                        (extras.get("Funders"), "funder"), (extras.get("Suppliers"), "supplier")):
        for name in filter(None, (w.strip() for w in (names or "").replace("、", ";").split(";"))):
            roles.setdefault(name, []).append(role)
    return [{"id": f"{p.id}-party-{n}", "name": name, "roles": list(dict.fromkeys(r))}
            for n, (name, r) in enumerate(roles.items(), 1)]


def _project(p: Project, report: Report) -> dict:
    out: dict = {"id": p.id, "title": p.name}
    if p.description:
        out["description"] = p.description
    if p.status in PHASES:
        out["status"] = PHASES[p.status]
    start = _when(p.start_date) or _when(p.planned_start_date)
    period = {k: v for k, v in (("startDate", start), ("endDate", _when(p.completion_date, last=True))) if v}
    if period:
        out["period"] = period
    if (budget := _value(p.total_investment, report)) is not None:
        out["budget"] = {"amount": budget}
    location: dict = {}
    if p.location:
        location["description"] = p.location
    if p.latitude is not None and p.longitude is not None:
        location["geometry"] = {"type": "Point", "coordinates": [_number(p.longitude), _number(p.latitude)]}
    if location:
        out["locations"] = [{"id": "1", **location}]
    parties = _parties(p)
    if parties:
        out["parties"] = parties
        authority = next((x for x in parties if "publicAuthority" in x["roles"]), None)
        if authority:
            out["publicAuthority"] = {"id": authority["id"], "name": authority["name"]}
    if p.physical_progress is not None:
        observation = {"id": "1", "measure": _number(p.physical_progress * 100), "unit": {"name": "percent"}}
        if report.as_of:
            observation["period"] = {"endDate": f"{report.as_of.isoformat()}T00:00:00Z"}
        out["metrics"] = [{"id": "physicalProgress", "title": "Physical progress", "observations": [observation]}]
    if p.actual_completion_date.date is not None:
        completion = {"endDate": _when(p.actual_completion_date, last=True)}
        if (final := _value(cumulative_investment(p), report)) is not None:
            completion["finalValue"] = final
        out["completion"] = completion
    if report.as_of:
        out["updated"] = f"{report.as_of.isoformat()}T00:00:00Z"
    return out


def project_package(report: Report, publisher: str, uri: str) -> str:
    """The package's JSON text: every project, published by ``publisher`` at ``uri``."""
    published = report.as_of or report.newest_date
    package = {"uri": uri, "publishedDate": f"{published.isoformat()}T00:00:00Z" if published else "1970-01-01T00:00:00Z",
               "publisher": {"name": publisher}, "version": ".".join(VERSION.split(".")[:2]),
               "projects": [_project(p, report) for p in report.projects.values()]}
    return json.dumps(package, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: a large portfolio stays small
