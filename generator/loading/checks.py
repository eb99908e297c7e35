"""Cross-checks of a loaded table: totals against their rows, package projects against their components, and
figures worth a second look."""

from __future__ import annotations

import re
from decimal import Decimal

from ..contract.amounts import tolerance, total, written_like
from ..figures.lights import project_light
from ..figures.metrics import annual_completion, cumulative_investment, investment_share
from ..model.report import Project
from ..reading.tables import BoundTable
from ..text.catalogue import both

AMOUNTS = ("total_investment", "phase1_investment", "cumulative_before_year", "annual_planned_investment",
           "annual_completed_investment", "cumulative_investment", "signed_amount", "funds_in_place",
           "annual_output", "output_to_date", "annual_revenue")


def check_totals(loader, bound: BoundTable, projects: dict[str, Project]) -> None:
    """A total row must agree with the sum of the rows it covers, to the precision it is written in."""
    here = bound.sheet.label
    by_row = {p.source.row: p for p in projects.values() if p.source.file == here}
    for total_row in bound.totals:
        r = loader.reader(bound, total_row.row)
        covered = [by_row[row.number] for row in total_row.covers if row.number in by_row]
        for f in AMOUNTS:
            if bound.column(f) is None or r.raw(f) is None:
                continue
            stated = r.amount(f)
            computed = total(getattr(p, f) for p in covered)
            if stated.value is None or computed.value is None or stated.scale is None:
                continue
            # with figures withheld the rows' sum is only a lower bound: a total below it is still wrong
            wrong = (stated.value < computed.value - tolerance(stated) if computed.partial
                     else abs(stated.value - computed.value) > tolerance(stated))
            if wrong:
                r.problem("total-mismatch", f, computed=written_like(computed.value, stated))


def check_projects(loader, bounds: dict[str, BoundTable | None], projects) -> None:
    """Figures worth a second look: completion above 100 %, operation before start."""
    rows, steps = bounds["projects"], bounds["progress"]
    for p in projects.values():
        where = dict(file=p.source.file, row=p.source.row)
        share = investment_share(p)
        if share.value is not None and share.value > 1:
            cumulative = cumulative_investment(p)
            entry = next((e for e in p.progress if e.cumulative_investment is cumulative), None)
            place = dict(file=entry.source.file, row=entry.source.row) if entry and steps else where
            header = (steps if entry and steps else rows).header_of("cumulative_investment")
            loader.log.add("completion-over-100", column=header, value=cumulative.raw or None,
                         what=both("investment share"), rate=_percent(share.value), **place)
        rate = annual_completion(p)
        if rate.value is not None and rate.value > 1:
            loader.log.add("completion-over-100", column=rows.header_of("annual_completed_investment"),
                         value=p.annual_completed_investment.raw or None, what=both("annual completion"),
                         rate=_percent(rate.value), **where)
        start, operation = p.start_date.date, p.operation_date.date
        if start and operation and operation.last_day() < start.first_day():
            loader.log.add("operation-before-start", column=rows.header_of("operation_date"),
                         value=p.operation_date.raw, operation=operation.iso(), start=start.iso(), **where)
        if p.place_code and not _AREA_CODE.fullmatch(p.place_code):  # the map could match no area by it
            loader.log.add("place-code-invalid", column=rows.header_of("place_code"), value=p.place_code, **where)


#: A 行政区划代码: six digits (county), nine (township) or twelve (village).
_AREA_CODE = re.compile(r"\d{6}(?:\d{3}(?:\d{3})?)?")


def check_packages(loader, tables: list[BoundTable], projects: dict[str, Project]) -> None:
    """A package project's own figure must be the sum of its components' (when each has one)."""
    by_label = {b.sheet.label: b for b in tables}
    for p in projects.values():
        if not p.components:
            continue
        bound = by_label.get(p.source.file)
        row = next((r for r in bound.rows if r.number == p.source.row), None) if bound is not None else None
        if row is None:
            continue
        r = loader.reader(bound, row)
        for f in ("total_investment", "annual_planned_investment", "annual_completed_investment", "cumulative_investment"):
            own, parts = getattr(p, f), [getattr(c, f) for c in p.components]
            if not own.known or not own.raw or not all(a.known for a in parts) or own.scale is None:
                continue
            summed = total(parts)
            if abs(summed.value - own.value) > tolerance(own):
                first, last = p.components[0].source.row, p.components[-1].source.row
                r.problem("package-mismatch", f, computed=written_like(summed.value, own), first=first, last=last)


def check_lights(loader, bound: BoundTable, report) -> None:
    """A light the table gives must be a light word, and is worth a look when the figures say otherwise."""
    if bound.column("light") is None:
        return
    for p in report.projects.values():
        if not p.light:
            continue
        check = project_light(p, report)
        where = dict(file=p.source.file, row=p.source.row, column=bound.header_of("light"), value=p.light)
        if check.stated is None:
            if loader.missing.kind(p.light) is None:  # N/A, Exempt, 待定 …: a light not given, not a wrong one
                loader.log.add("light-unknown", **where)
        elif check.disagrees:
            loader.log.add("light-disagrees", derived=both(f"light_{check.derived.value}"),
                           rate=_percent(check.rate) if check.rate is not None else "—",
                           share=_percent(check.share) if check.share is not None else "—", **where)


def _percent(value: Decimal) -> str:
    return f"{value * 100:.1f}%"
