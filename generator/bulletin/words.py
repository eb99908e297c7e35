"""The office's own words in the bulletin: a Markdown file whose ``[[ … ]]`` figures are filled from the report,
as on the site's hand-written pages (``[[ summary ]]`` and ``[[ changes ]]`` give the generated sentences).

Text before the first heading opens the bulletin; each ``#`` or ``##`` heading starts a section of its own,
placed before the generated ones. A paragraph that is only ``[[ chart … ]]`` becomes the chart."""

from __future__ import annotations

import re

from ..rendering.prose import SHORTCODE, Figures, ProseError
from . import pictures
from .document import Block, Chart, Paragraph, Section

_HEADING = re.compile(r"^#{1,2}\s+(.+?)\s*#*\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(.+?)\1")


def own_words(text: str, figures: Figures, charts: bool = True) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """The opening blocks and the sections of ``text``; every shortcode that cannot be filled is reported at
    once (:class:`ProseError`, with line numbers)."""
    lead: list[Block] = []
    sections: list[tuple[str, list[Block]]] = []
    failures: list[tuple[int, str, str]] = []
    paragraph: list[str] = []
    counter = {"n": 0}

    def target() -> list[Block]:
        return sections[-1][1] if sections else lead

    def flush():
        if paragraph:
            target().extend(_blocks(" ".join(paragraph) if not _cjk_join(paragraph) else "".join(paragraph),
                                    figures, charts, counter, failures, first_line))
            paragraph.clear()

    first_line = 1
    for number, line in enumerate(text.splitlines(), 1):
        heading = _HEADING.match(line)
        if heading or not line.strip():
            flush()
            if heading:
                sections.append((_plain(heading.group(1)), []))
            continue
        if not paragraph:
            first_line = number
        paragraph.append(line.strip())
    flush()
    if failures:
        raise ProseError(failures)
    return tuple(lead), tuple(Section(title, tuple(blocks)) for title, blocks in sections)


def _cjk_join(lines: list[str]) -> bool:
    """Chinese lines join without a space (Markdown's soft line break between CJK characters)."""
    return bool(lines) and all(re.search(r"[\u3000-\u9fff\uff00-\uffef]$", line) for line in lines[:-1])


def _blocks(text: str, figures: Figures, charts: bool, counter: dict, failures: list, line: int) -> list[Block]:
    only = SHORTCODE.fullmatch(text.strip())
    if only and only.group(1).split()[0] == "chart":
        try:
            words = only.group(1).split()
            made = figures._chart(words[1] if len(words) > 1 else "", figures._select(
                dict(w.split("=", 1) for w in words[2:] if "=" in w)), counter.setdefault("n", 0) + 1)
        except (ValueError, KeyError) as exc:
            failures.append((line, only.group(1), str(exc).strip("'\"")))
            return []
        if not charts:
            return []
        svg, png = pictures.drawn(made.spec)
        return [Chart(made.title, made.description, svg, png)]

    def fill(m):
        try:
            return str(figures.figure(m.group(1), counter))
        except (ValueError, KeyError, IndexError, AttributeError) as exc:
            failures.append((line, m.group(1), str(exc).strip("'\"")))
            return m.group(0)
    return [Paragraph(SHORTCODE.sub(fill, _plain(text)))]


def _plain(text: str) -> str:
    """Markdown's inline marks taken off: a link's text, emphasis and code without their marks."""
    return _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text))
