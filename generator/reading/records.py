"""JSON files of projects: an OC4IDS project package, or plain records (a list of objects, one per project, or an
object holding one such list), read as a table whose header is the records' keys (a nested key as ``budget/amount``;
an object of an amount and its currency also as one cell under its own key), so that the same header mapping as for
a CSV applies."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..contract.limits import HEADROOM, Limits
from ..contract.marks import InvalidValue, visible
from . import oc4ids
from .rawsheet import check_limits_text


def _flat(record: dict, prefix: str = "") -> dict:
    """A record's values by key path (``budget/amount``); a list of plain values as one cell."""
    out = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}/"))
            number = next((value[k] for k in ("amount", "value") if isinstance(value.get(k), (int, float, str))), None)
            if number is not None and isinstance(value.get("currency"), str):  # {"amount": 8.2e6, "currency": "USD"}
                out[name] = f"{number} {value['currency']}"  # one amount cell, as "8200000 USD" would be
        elif isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                out[name] = "; ".join(str(v) for v in value if v is not None) or None
        else:
            out[name] = value
    return out


def records_of(data) -> list[dict] | None:
    """The records of parsed JSON: a list of objects, or the one list of objects an object holds; else None."""
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        return data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
        if len(lists) == 1:
            return lists[0]
    return None


def _cell(value, number: int, col: int, limits: Limits):
    """A JSON value as a spreadsheet cell: text checked and cleaned as a CSV cell is, a number as it is."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        check_limits_text(value, number, col, limits)
        value = visible(value)[0]
        return value if value.strip() else None
    return value


def read_json(path: Path, label: str, limits: Limits = Limits()):
    """The projects of a JSON file as a sheet: row 1 its header, row n + 1 its n-th project (a package's
    ``projects[n-1]``); raise InvalidValue for a file that holds no records."""
    from .sources import Sheet, decode

    data = path.read_bytes()
    try:
        parsed = json.loads(decode(data)[0])
    except ValueError as exc:
        raise InvalidValue("file-unreadable", reason=str(exc)) from None
    found: list = []
    as_of = published = None
    if oc4ids.is_package(parsed):
        header = list(oc4ids.HEADER)
        projects = [p for p in parsed["projects"] if isinstance(p, dict)]
        body = [oc4ids.project_row(p, n + 1, found) for n, p in enumerate(projects)]
        as_of, published = parsed.get("publishedDate"), oc4ids.EXTRA
    else:
        records = records_of(parsed)
        if records is None:
            raise InvalidValue("json-not-records")
        flat = [_flat(r) for r in records]
        header = list(dict.fromkeys(k for r in flat for k in r))
        body = [[r.get(k) for k in header] for r in flat]
    if len(header) > limits.columns:
        raise InvalidValue("limit-columns", limit=limits.columns, row=1)
    if len(body) > limits.rows + HEADROOM:
        raise InvalidValue("limit-rows", limit=limits.rows, row=len(body) + 1)
    rows = [(1, header)] + [(n + 2, [_cell(v, n + 2, c, limits) for c, v in enumerate(cells)])
                            for n, cells in enumerate(body)]
    return Sheet(path, label, rows, hashlib.sha256(data).hexdigest(), "utf-8", found=found, as_of=as_of,
                 published=tuple(published or ()))
