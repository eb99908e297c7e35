"""What a page is made from (:class:`PageContext`) and what it is made into (:class:`Page`)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageContext:
    """What one generated page is made from: its template, and everything the template receives besides
    the words, filters and links every page of the report shares. Equal contexts make equal pages (but for
    the stamp line), which is how preview decides what to remake; a context that holds the whole report
    equals only itself."""

    kind: str  # the template: ``{kind}.md.j2``
    path: str  # relative to the docs folder, e.g. projects/ZD01.md
    title: str
    values: tuple[tuple[str, object], ...]  # name -> value, as the template sees them

    @classmethod
    def of(cls, kind: str, path: str, title: str, **values) -> PageContext:
        return cls(kind, path, title, tuple(values.items()))


@dataclass
class Page:
    path: str  # relative to the docs folder, e.g. projects/ZD01.md
    title: str
    kind: str
    markdown: str
    charts: list = field(default_factory=list)
