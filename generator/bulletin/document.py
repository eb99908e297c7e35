"""The bulletin as a document any typesetter can set: sections of paragraphs, figure lists, tables and charts,
all plain text (a writer escapes for its own format). Made by :mod:`.compose`, set by :mod:`.typeset` (PDF)
and :mod:`.word` (.docx)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "paragraph"


@dataclass(frozen=True)
class Heading:
    """A subsection's heading (sections carry their own)."""

    text: str
    kind: str = "heading"


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str | None = None


@dataclass(frozen=True)
class FigureList:
    """The headline figures, each with its label and what its sum left out."""

    items: tuple[Figure, ...]
    kind: str = "figures"


@dataclass(frozen=True)
class Table:
    """A table whose header repeats on every page and whose rows are never split. ``numeric`` marks the
    columns set flush right; ``widths`` are relative."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: tuple[bool, ...]
    caption: str | None = None
    note: str | None = None
    kind: str = "table"
    #: each row's page on the website, as an address relative to the site (``projects/ZD01/``), where a row is a
    #: project's: a cell cut short says the whole is there
    pages: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart as SVG (vector, for PDF) and PNG (for Word), with its title and a sentence saying what it shows."""

    title: str
    description: str
    svg: str
    png: bytes = field(repr=False, default=b"")
    kind: str = "chart"


Block = Paragraph | Heading | FigureList | Table | Chart


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Bulletin:
    """One period's bulletin: its cover, running header and sections."""

    language: str
    office: str
    title: str
    subtitle: str  # the period and scope: 2024年1-10月 · 先进制造业集群
    period: str
    as_of: dt.date | None
    dated: str  # the as-of date as the cover prints it
    header: str  # the running header of every page after the cover
    sections: tuple[Section, ...]
    words: dict = field(default_factory=dict)  # the writer's own words: page, contents …
    lead: tuple[Block, ...] = ()  # the office's opening words, before the first section

    def data(self) -> dict:
        """Everything but the charts' PNGs, as JSON-ready data (what the Typst template reads)."""
        out = asdict(self)
        out["as_of"] = self.as_of.isoformat() if self.as_of else None
        for blocks in [out["lead"], *(s["blocks"] for s in out["sections"])]:
            for block in blocks:
                block.pop("png", None)
        return out

    def text(self) -> str:
        """The bulletin's words in reading order, one block a line (for tests and search)."""
        lines = [self.title, self.subtitle, self.office, self.dated]
        for title, blocks in [("", self.lead), *((s.title, s.blocks) for s in self.sections)]:
            if title:
                lines.append(title)
            for b in blocks:
                if isinstance(b, (Paragraph, Heading)):
                    lines.append(b.text)
                elif isinstance(b, FigureList):
                    lines += [f"{f.label} {f.value} {f.note or ''}".strip() for f in b.items]
                elif isinstance(b, Table):
                    lines += [" ".join(b.columns)] + [" ".join(r) for r in b.rows]
                elif isinstance(b, Chart):
                    lines += [b.title, b.description]
        return "\n".join(lines)
