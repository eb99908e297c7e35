"""The notes under a page's tables, said once for the whole page: what the mark of a partial total means, and what
each word standing for a missing figure (—, 未公开, 待定, 不适用) means, for those the page's tables use."""

from __future__ import annotations

import html

from ..contract.marks import Missing
from .figures_align import _TAG, _cells
from .formatting import PARTIAL_MARK, Formatter
from .markup import h

_SOURCES = '<p class="ps-stamp ps-stamp--sources"'


def _table_cells(markdown: str) -> set[str]:
    return {html.unescape(_TAG.sub("", cell)).strip() for line in markdown.split("\n") if line.lstrip().startswith("|")
            for cell in _cells(line)}


def table_notes(markdown: str, fmt: Formatter) -> str:
    """``markdown`` with the notes its tables need, above the page's sources (else at its end)."""
    notes = [f"{PARTIAL_MARK} {h(fmt.t('partial_footnote'))}"] if PARTIAL_MARK in markdown else []
    cells = _table_cells(markdown)
    used = [kind for kind in Missing if (word := fmt.missing(kind)) in cells
            or any(c.startswith(fmt.t("in-parentheses", text=word, inner="")[:-1]) for c in cells if len(c) > len(word))]
    if used:
        items = fmt.t("semicolon").join(fmt.t(f"legend_{kind.value}") for kind in used)
        notes.append(h(fmt.t("placeholder_legend", items=items)))
    if not notes:
        return markdown
    block = "".join(f'<p class="ps-footnote">{note}</p>\n\n' for note in notes)
    at = markdown.rfind(_SOURCES)
    return markdown[:at] + block + markdown[at:] if at >= 0 else markdown.rstrip("\n") + "\n\n" + block
