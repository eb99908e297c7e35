"""Headers as offices draw them: which field a header names, and headers of several merged rows.

A header block may be two or three rows deep: single columns merged down, groups merged across
(``1-10月完成投资`` over ``完成额`` and ``占年度计划（%）``; ``2024年分月完成投资`` over ``1月`` … ``12月``). Each column's
header is read as its parts from top to bottom, written ``group/sub-header``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..contract.marks import clean
from ..contract.schema import Table, normalize_header, split_unit
from ..contract.spans import Span, split_span
from ..text.label import Label
from .sources import Sheet

#: Sub-headers that only say "the figure" of their group: ``1-10月完成投资/完成额`` is the group's figure.
GENERIC = frozenset(normalize_header(w) for w in (
    "完成额", "金额", "投资额", "绝对额", "数额", "完成", "完成值", "总额", "额度", "数值", "实际完成", "完成数", "累计"))
_MAX_DEPTH = 3


@dataclass(frozen=True)
class Match:
    """What a header names: a field (with the unit of its parentheses and its period), or one month of a wide
    monthly block (``month`` set, no field)."""

    field: str | None = None
    unit: str | None = None
    fallback: bool = False  # matched by a fallback alias (序号 for an id)
    span: Span | None = None

    @property
    def known(self) -> bool:
        return self.field is not None or self.wide is not None

    @property
    def wide(self) -> Span | None:
        """The month or quarter of a wide block of periods this header is one of."""
        return self.span if self.field is None and self.span is not None and self.span.wide else None


NO_MATCH = Match()
_MONTH_RESTS = frozenset(normalize_header(w) for w in ("", "完成投资", "完成额", "完成", "投资", "实际完成投资", "完成投资额"))
_MONTHLY_GROUP = re.compile(r"(分月|逐月|各月|月度|每月|分季度|各季度|季度)")


class HeaderMatcher:
    """Which field a header names, for one table and the site's ``columns`` settings.

    A field the settings name is matched only by the headers given there; the others by their
    aliases, canonical name and English label (alone or after "Project"), by fallback aliases (序号) only when no
    alias is present, and by a period
    followed by a known rest (``2024年计划投资``, ``1-10月完成投资``, ``截至2023年底累计完成投资``).
    """

    def __init__(self, table: Table, columns: dict[str, str | list[str]]):
        self.table = table
        self.primary: dict[str, str] = {}
        self.english: dict[str, str] = {}  # each field's English label: known, not listed among its headers
        self.fallback: dict[str, str] = {}
        self.explicit = set(columns)  # fields the settings map themselves
        for f in table.fields:
            if f.name in columns:
                given = columns[f.name]
                for h in [given] if isinstance(given, str) else given:
                    self.primary[normalize_header(h)] = f.name
                continue
            for h in (*f.aliases, f.name):
                self.primary.setdefault(normalize_header(h), f.name)
            for h in {f.en, f"project {f.en}"}:  # an English table's own words (Project name, Total investment)
                self.english.setdefault(normalize_header(h), f.name)
            for h in f.fallback_aliases:
                self.fallback.setdefault(normalize_header(h), f.name)
        self.spans: dict[tuple[str, str], str] = {}
        for kinds, rests, name in table.spans:
            if name in self.explicit:
                continue
            for kind in kinds:
                for rest in rests:
                    self.spans.setdefault((kind, normalize_header(rest)), name)

    def _plain(self, header: str) -> Match:
        full = normalize_header(header)
        base, unit = split_unit(header)
        for table in (self.primary, self.english, self.fallback):
            for key in (full, base):
                if key in table:
                    return Match(table[key], unit, table is self.fallback)
        return NO_MATCH

    def _with_span(self, header: str) -> Match:
        base, unit = split_unit(header)
        span, rest = split_span(base)
        if span is None:
            return NO_MATCH
        rest = normalize_header(rest)
        name = self.spans.get((span.kind, rest))
        if name is not None:
            return Match(name, unit, span=span)
        if span.wide and rest in _MONTH_RESTS:
            return Match(None, unit, span=span)
        return NO_MATCH

    def match(self, header) -> Match:
        """What one header cell names."""
        if header is None or not str(header).strip():
            return NO_MATCH
        text = str(header)
        found = self._plain(text)
        return found if found.field else self._with_span(text)

    def match_parts(self, parts: tuple[str, ...]) -> Match:
        """What a header of several rows names: the whole (as the settings may give it), else the sub-header in
        its group's light (its unit, its period), else the group when the sub-header only says "the figure"."""
        if len(parts) == 1:
            return self.match(parts[0])
        whole = self.match("/".join(parts))
        if whole.known:
            return whole
        group, sub = parts[:-1], parts[-1]
        context = [self.match(g) for g in group]
        unit = next((split_unit(g)[1] for g in reversed(group) if split_unit(g)[1]), None)
        span = next((split_span(split_unit(g)[0])[0] for g in reversed(group) if split_span(split_unit(g)[0])[0]), None)
        if normalize_header(split_unit(sub)[0]) in GENERIC and context[-1].known:
            m = context[-1]
            return Match(m.field, split_unit(sub)[1] or m.unit or unit, m.fallback, m.span)
        own = self.match(sub)
        if own.known:
            if own.wide is not None and span is not None:  # 2024年分月完成投资 / 3月
                return Match(None, own.unit or unit, span=own.span.of_year(span.year))
            if own.wide is not None and not (_MONTHLY_GROUP.search(clean(group[-1])) or _mentions_investment(group[-1])):
                return NO_MATCH  # 3月 under a group that is no investment: not a month of completed investment
            return Match(own.field, own.unit or unit, own.fallback, own.span or (span if own.field else None))
        sub_span, sub_rest = split_span(split_unit(sub)[0])
        if span is not None and sub_span is None:  # 2024年投资 / 计划投资: the group's period, the sub-header's figure
            name = self.spans.get((span.kind, normalize_header(sub_rest)))
            if name is not None:
                return Match(name, split_unit(sub)[1] or unit, span=span)
        if sub_span is not None and not sub_rest:  # 完成投资 / 1-9月: the sub-header's period, the group's figure
            found = self.match(sub_span.written + split_unit(group[-1])[0])
            if found.known:
                year = span.year if span is not None else None
                return Match(found.field, split_unit(sub)[1] or found.unit or unit, span=found.span.of_year(year))
        joined = self.match("".join(split_unit(p)[0] for p in parts))
        return Match(joined.field, joined.unit or unit, joined.fallback, joined.span) if joined.known else NO_MATCH

    def headers_for(self, name: str) -> list[str]:
        return [h for h, f in self.primary.items() if f == name]

    def accepted(self, name: str) -> Label:
        """The headers taken for a field, as a message lists them: in Chinese as they are; in English the field's
        English label first, then those in Latin letters, then the others."""
        headers = shown = self.headers_for(name)
        if name not in self.explicit:  # the field's own English label, which a table may also be headed with
            own = self.table.field(name).en
            shown = [own] + [h for h in headers if normalize_header(h) != normalize_header(own)]
        return Label("、".join(headers), ", ".join(sorted(shown, key=lambda h: not h.isascii())))


def _mentions_investment(text: str) -> bool:
    return "投资" in text or "完成" in text


def header_depth(sheet: Sheet, header_at: int, matcher: HeaderMatcher) -> int:
    """How many rows the header takes: as deep as the cells merged down from its first row (at most three), else
    two when groups are merged across it, else two when the next row holds only sub-headers (a CSV export of a
    merged header: the group written once, the cells beside it empty, the name column empty below)."""
    number, top = sheet.rows[header_at]
    numbers = [n for n, _ in sheet.rows[header_at:header_at + _MAX_DEPTH]]
    consecutive = 1
    while consecutive < len(numbers) and numbers[consecutive] == number + consecutive:
        consecutive += 1
    down = [r2 - r1 + 1 for r1, r2, c1, c2 in sheet.merges if r1 == number and r2 > r1]
    if down:
        return min(max(down), consecutive, _MAX_DEPTH)
    across = any(r1 == r2 == number and c2 > c1 for r1, r2, c1, c2 in sheet.merges)
    if consecutive < 2:
        return 1
    if across:
        depth = 2
        if consecutive >= 3 and any(r1 == r2 == number + 1 and c2 > c1 for r1, r2, c1, c2 in sheet.merges):
            depth = 3
        return depth
    below = sheet.rows[header_at + 1][1]
    return 2 if _sub_header_row(top, below, matcher) else 1


def _sub_header_row(top: list, below: list, matcher: HeaderMatcher) -> bool:
    """Whether ``below`` (with no merges to say so) is the second row of ``top``'s header."""
    anchor = next((i for i, c in enumerate(top) if matcher.match(c).field == matcher.table.anchor), None)
    if anchor is None or (anchor < len(below) and below[anchor] is not None):
        return False
    filled = [i for i, c in enumerate(below) if c is not None]
    if not filled:
        return False
    groups = _groups_by_gaps(top, below)
    for i in filled:
        if i < len(top) and top[i] is not None and i not in groups:
            return False  # a value under a single header: a data row
    return any(matcher.match_parts(tuple(p for p in (_text(top[groups.get(i, i)] if groups.get(i, i) < len(top) else None),
                                                      _text(below[i])) if p)).known
               for i in filled)


def _groups_by_gaps(top: list, below: list) -> dict[int, int]:
    """Column -> the column of the group header over it, for a group written once with empty cells to its right."""
    groups: dict[int, int] = {}
    for i, cell in enumerate(top):
        if cell is None:
            continue
        j = i + 1
        while j < len(below) and (j >= len(top) or top[j] is None) and below[j] is not None:
            j += 1
        if j > i + 1 and i < len(below) and below[i] is not None:
            for k in range(i, j):
                groups[k] = i
    return groups


def _text(cell) -> str | None:
    if cell is None:
        return None
    text = "".join(str(cell).strip().splitlines())
    return text or None


def header_parts(sheet: Sheet, header_at: int, depth: int) -> list[tuple[str, ...]]:
    """Each column's header as its parts from top to bottom: a merged cell counts in every column and row it
    covers, and a part repeated down a column (a cell merged over the block) counts once."""
    block = sheet.rows[header_at:header_at + depth]
    first = block[0][0]
    width = max(len(cells) for _, cells in block)
    grid = [[_text(cells[c]) if c < len(cells) else None for c in range(width)] for _, cells in block]
    for r1, r2, c1, c2 in sheet.merges:
        if r2 < first or r1 > first + depth - 1:
            continue
        value = grid[r1 - first][c1] if r1 >= first and c1 < width else None
        if value is None:
            continue
        for r in range(max(r1, first), min(r2, first + depth - 1) + 1):
            for c in range(c1, min(c2, width - 1) + 1):
                grid[r - first][c] = value
    if depth > 1 and not sheet.merges:  # a CSV export: a group written once over the cells to its right
        for top_row in range(depth - 1):
            for k, g in _groups_by_gaps(grid[top_row], grid[top_row + 1]).items():
                grid[top_row][k] = grid[top_row][g]
    out = []
    for c in range(width):
        parts: list[str] = []
        for r in range(depth):
            if grid[r][c] is not None and (not parts or parts[-1] != grid[r][c]):
                parts.append(grid[r][c])
        out.append(tuple(parts))
    return out
