"""An OC4IDS project package (the Open Contracting for Infrastructure Data Standard), as rows of the projects
table under the schema's field names: id, title, status, period, budget and its currency, locations, parties
(public authority, procuring entity, funder, supplier), contracting processes, completion, physical progress.

A value outside the standard's closed code lists is kept as written (in a column of its own) and said; the
standard's files are in :mod:`..contract.oc4ids`."""

from __future__ import annotations

import csv
import functools
from decimal import Decimal
from importlib import resources

#: The version of the standard whose schema and code lists are vendored, and the one the site writes.
VERSION = "0.9.5"
#: The columns a package's projects give, in this order; the last ones are published as they are.
EXTRA = ("Project type", "Funders", "Suppliers", "Contracting processes", "Status as published")
HEADER = ("id", "name", "description", "status", "sector", "planned_start_date", "completion_date", "total_investment", "cumulative_investment", "actual_completion_date", "physical_progress", "owner",
          "department", "location", "latitude", "longitude", *EXTRA)


@functools.cache
def codes(codelist: str) -> dict[str, str]:
    """A vendored code list's codes and their English titles."""
    text = resources.files("generator.contract").joinpath("oc4ids", "codelists", f"{codelist}.csv").read_text("utf-8")
    return {row["Code"]: row["Title"] for row in csv.DictReader(text.splitlines())}


def is_package(data) -> bool:
    """Whether parsed JSON is an OC4IDS project package: an object with a list of projects and a version."""
    return isinstance(data, dict) and isinstance(data.get("projects"), list) and "version" in data


def _money(value) -> str | None:
    """``{"amount": 2294281682.5, "currency": "MWK"}`` as an amount cell: ``2294281682.5 MWK``."""
    if not isinstance(value, dict) or value.get("amount") is None:
        return None
    amount = value["amount"]
    number = format(Decimal(str(amount)), "f") if isinstance(amount, (int, float)) else str(amount)
    return f"{number} {value['currency']}".strip() if value.get("currency") else number


def _date(period, key: str) -> str | None:
    return period.get(key) if isinstance(period, dict) else None


def _named(parties: list, roles: set[str]) -> str | None:
    names = [p.get("name") for p in parties if isinstance(p, dict) and roles & set(p.get("roles") or ()) and p.get("name")]
    return "; ".join(dict.fromkeys(names)) or None


def _progress(project: dict) -> str | None:
    """The latest observation of the physicalProgress metric, as written (56.5, or 56.5%)."""
    metric = next((m for m in project.get("metrics") or () if isinstance(m, dict) and m.get("id") == "physicalProgress"), None)
    observations = [o for o in (metric or {}).get("observations") or () if isinstance(o, dict) and o.get("measure") is not None]
    if not observations:
        return None
    latest = max(observations, key=lambda o: _date(o.get("period"), "endDate") or "")
    return str(latest["measure"])


def _place(project: dict) -> tuple[str | None, float | None, float | None]:
    """The first location's description (else its address), longitude and latitude of a point."""
    for location in project.get("locations") or ():
        if not isinstance(location, dict):
            continue
        address = location.get("address") if isinstance(location.get("address"), dict) else {}
        words = location.get("description") or ", ".join(
            filter(None, (address.get(k) for k in ("streetAddress", "locality", "region")))) or None
        geometry = location.get("geometry") if isinstance(location.get("geometry"), dict) else {}
        point = geometry.get("coordinates") if geometry.get("type") == "Point" else None
        lon, lat = (point[0], point[1]) if isinstance(point, list) and len(point) >= 2 else (None, None)
        return words, lon, lat
    return None, None, None


def _processes(project: dict) -> str | None:
    """Each contracting process as ``title (status)``, one after another."""
    out = []
    for process in project.get("contractingProcesses") or ():
        summary = process.get("summary") if isinstance(process, dict) and isinstance(process.get("summary"), dict) else {}
        title = summary.get("title") or (process.get("id") if isinstance(process, dict) else None)
        if title:
            out.append(f"{title} ({summary['status']})" if summary.get("status") else str(title))
    return "; ".join(out) or None


def project_row(project: dict, number: int, found: list) -> list:
    """The package's ``number``-th project as a row of :data:`HEADER`; values outside the closed code lists go to
    ``found`` as (code, params naming the value by its JSON path) and are kept in their own column."""
    parties = [p for p in project.get("parties") or () if isinstance(p, dict)]
    status, kept = project.get("status"), None
    if status is not None and status not in codes("projectStatus"):
        found.append(("oc4ids-code-unknown", dict(column=f"projects[{number - 1}].status", value=status, codelist="projectStatus",
                                                  accepted=list(codes("projectStatus")))))
        status, kept = None, status
    kind = project.get("type")
    if kind is not None and kind not in codes("projectType"):
        found.append(("oc4ids-code-unknown", dict(column=f"projects[{number - 1}].type", value=kind, codelist="projectType",
                                                  accepted=list(codes("projectType")))))
    for party in parties:
        for role in (r for r in party.get("roles") or () if r not in codes("partyRole")):
            found.append(("oc4ids-code-unknown", dict(column=f"projects[{number - 1}].parties.roles", value=role,
                                                      codelist="partyRole", accepted=list(codes("partyRole")))))
    authority = project.get("publicAuthority")
    owner = authority.get("name") if isinstance(authority, dict) else None
    where, lon, lat = _place(project)
    completion = project.get("completion") if isinstance(project.get("completion"), dict) else {}
    sector = project.get("sector")
    return [project.get("id"), project.get("title"), project.get("description"), status,
            "; ".join(sector) if isinstance(sector, list) else sector,
            _date(project.get("period"), "startDate"), _date(project.get("period"), "endDate"),
            _money((project.get("budget") or {}).get("amount")), _money(completion.get("finalValue")),
            completion.get("endDate"), _progress(project),
            owner or _named(parties, {"publicAuthority"}), _named(parties, {"procuringEntity", "buyer"}), where, lat, lon,
            codes("projectType").get(kind, kind), _named(parties, {"funder"}), _named(parties, {"supplier"}),
            _processes(project), kept]
