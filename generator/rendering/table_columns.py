"""Columns a reader needs: in a page's tables, a column empty on every row is left out, and one that says the same on
every row is said once, in a line above the table, instead of on each row.

Tables a script works on (sorted, filtered or stacked: a marker ``<div class="ps-…">`` just above them) keep their
columns, whose places the script counts on; so do tables of fewer than :data:`LEAST_ROWS` rows."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .figures_align import _TAG, _cells

#: A table this short says the same thing as a line would: its columns are left as they are.
LEAST_ROWS = 3
#: What an empty cell shows (a withheld or undecided value, 未公开 or 待定, says something).
EMPTY = {"", "—", "-", "–", "未填报", "not reported"}
_RULE = re.compile(r"\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*")
_MARKER = re.compile(r'^<div class="ps-[\w-]+"')


def _shown(cell: str) -> str:
    return html.unescape(_TAG.sub("", cell)).strip()


def prune_columns(markdown: str, same: Callable[[str, str], str]) -> str:
    """``markdown`` with each table's empty columns left out and its constant ones said above it, as
    ``same(header, value)`` says them."""
    lines = markdown.split("\n")
    out, at = [], 0
    while at < len(lines):
        if at + 1 < len(lines) and lines[at].lstrip().startswith("|") and _RULE.fullmatch(lines[at + 1]):
            end = at + 2
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            before = next((line for line in reversed(out) if line.strip()), "")
            out += _pruned(lines[at:end], same) if not _MARKER.match(before) else lines[at:end]
            at = end
        else:
            out.append(lines[at])
            at += 1
    return "\n".join(out)


def _pruned(table: list[str], same: Callable[[str, str], str]) -> list[str]:
    header, rule, body = _cells(table[0]), _cells(table[1]), [_cells(line) for line in table[2:]]
    if len(body) < LEAST_ROWS or any(len(row) != len(header) for row in body):
        return table
    keep, said = [0], []
    for column in range(1, len(header)):
        values = [row[column] for row in body]
        shown = {_shown(v) for v in values}
        if shown <= EMPTY:
            continue  # empty on every row
        if len(set(values)) == 1:
            said.append(same(header[column], values[0]))
            continue
        keep.append(column)
    if len(keep) == len(header):
        return table
    rows = [header, rule, *body]
    kept = ["| " + " | ".join(row[c] for c in keep) + " |" for row in rows]
    return [line for sentence in said for line in ("", sentence, "")] + kept  # each its own paragraph
