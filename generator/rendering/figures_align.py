"""Figures in tables as a reader compares them: a column of figures (amounts, rates, counts, points) right-aligned,
so that digits stand under digits; text and links stay left."""

from __future__ import annotations

import html
import re

#: A cell that is a figure: an optional qualifier or sign, an optional currency, digits, an optional unit or
#: magnitude (72.25亿元, 约2亿元, 6亿元以上, MWK2,294.28m, US$1.25m, 56.5%, −27.0, 12 个); several joined by " + ";
#: a partial sum's mark after it (44.1亿元*).
_FIGURE = re.compile(r"^(?:约|近|超|逾)?[+\-−]?(?:[A-Z]{0,3}[$€£¥₱₩₹]|[A-Z]{3} ?)?\d[\d,.]*"
                     r"\s?(?:%|[a-z]{1,2}|[\u4e00-\u9fff]{1,4})?(?:以上|左右)?"
                     r"(?:（[^）]*）|\s\([^)]*\))?(?: \+ .+)?\*?$")  # * marks a partial sum
#: What a figure's cell may hold instead of one, leaving its column a column of figures.
_PLACEHOLDERS = {"—", "-", "–", "", "未公开", "待定", "不适用", "未填报", "withheld", "TBD", "n/a", "not reported"}
_TAG = re.compile(r"<[^>]+>")


def is_figure(text: str) -> bool:
    """Whether a cell's text (tags and character references aside: ``&#43;5&#46;6``) is a figure."""
    return bool(_FIGURE.match(html.unescape(_TAG.sub("", text)).strip()))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


def _column_of_figures(cells: list[str]) -> bool:
    shown = [html.unescape(_TAG.sub("", c)).strip() for c in cells]
    return any(is_figure(c) for c in shown) and all(is_figure(c) or c in _PLACEHOLDERS for c in shown)


def align_figures(markdown: str) -> str:
    """``markdown`` with each table's columns of figures right-aligned (``---:`` in its delimiter row); a column
    already aligned is left as the template set it."""
    lines = markdown.split("\n")
    at = 0
    while at < len(lines) - 1:
        head, rule = lines[at], lines[at + 1]
        if not (head.lstrip().startswith("|") and re.fullmatch(r"\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*", rule)):
            at += 1
            continue
        end = at + 2
        while end < len(lines) and lines[end].lstrip().startswith("|"):
            end += 1
        rules = _cells(rule)
        body = [_cells(line) for line in lines[at + 2:end]]
        if body:
            for column, spec in enumerate(rules):
                if spec == "---" and _column_of_figures([row[column] if column < len(row) else "" for row in body]):
                    rules[column] = "---:"
            lines[at + 1] = "|" + "|".join(rules) + "|"
        at = end
    return "\n".join(lines)
