"""Making a report's bulletins: what is checked before anything is written (the fonts, the office's own words
and their figures), then the files themselves, by format."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model.report import Report
from ..rendering.prose import Figures, ProseError
from ..settings.config import Site
from ..text.problems import Problem, ProblemLog
from .compose import compose
from .document import Bulletin
from .scope import Scope, narrowed
from .typeset import Fonts, FontsMissing, find_fonts
from .words import own_words

FORMATS = ("pdf", "docx")


class BulletinError(Exception):
    """The bulletin cannot be made as asked: the problems say where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format(code=True) for p in problems))


@dataclass(frozen=True)
class Plan:
    """One bulletin, checked and ready to make."""

    scope: Scope
    formats: tuple[str, ...]
    fonts: Fonts | None
    office: str
    title: str | None
    text: str | None  # the office's own words (Markdown)
    charts: bool = True
    list_up_to: int = 300  # each cluster's projects listed up to this many projects in the bulletin
    problems: tuple[Problem, ...] = field(default=(), compare=False)  # warnings: what it left out and why
    site_url: str | None = None  # where the website is: a cut cell says the whole text is there


def plan(report: Report, site: Site, scope: Scope = Scope(), formats: tuple[str, ...] | None = None,
         site_url: str | None = None) -> Plan:
    """Check what the bulletin of ``scope`` needs; :class:`BulletinError` when it cannot be made (a scope the
    data does not have, a figure in the office's words that cannot be filled). Without CJK fonts the PDF is
    left out with a warning (the Word copy needs none)."""
    settings = site.config.bulletin
    formats = tuple(settings.formats if formats is None else formats)
    narrowed(report, scope)  # a scope the data does not have fails here, before anything is written
    log, fonts = ProblemLog(site.config.ignore), None
    if "pdf" in formats:
        try:
            fonts = find_fonts(settings.fonts)
        except FontsMissing as exc:
            log.add("bulletin-fonts", folders=exc.folders)
            formats = tuple(f for f in formats if f != "pdf")
    own = report.own_words
    text = own.text if own is not None else None
    if text is not None:
        try:
            own_words(text, _figures(report), charts=False)
        except ProseError as exc:
            for line, code, reason in exc.failures:
                log.add("bulletin-text", file=own.label, row=line, value=code, reason=reason)
    if log.errors:
        raise BulletinError(log.errors)
    return Plan(scope, formats, fonts, settings.office or site.config.office or "", settings.title, text,
                settings.charts, settings.list_up_to, tuple(log.problems), site_url)


def _figures(report: Report) -> Figures:
    from ..rendering.pages import PageMaker

    maker = PageMaker(report)
    return Figures(report, maker.fmt, _no_inline_chart, maker.by_cluster)


def _no_inline_chart(chart):
    raise ValueError("[[ chart ]]: " + chart.title)


def paths(report: Report, plan: Plan, folder: str = "downloads") -> dict[str, str]:
    """Docs-relative path -> format of each file the plan makes: ``downloads/bulletin-2024-10.pdf``."""
    slug = plan.scope.slug(narrowed(report, plan.scope)[0])
    name = f"bulletin-{slug}" if slug else "bulletin"
    return {f"{folder}/{name}.{fmt}": fmt for fmt in plan.formats}


def check(report: Report, site: Site) -> list[Problem]:
    """What making the site's bulletin would say before anything is made (for ``validate``): a figure in the
    office's own words that cannot be filled, fonts that are missing."""
    try:
        return list(plan(report, site).problems)
    except BulletinError as exc:
        return list(exc.problems)


def document(report: Report, plan: Plan) -> Bulletin:
    """The plan's bulletin, composed and ready to typeset or write as Word."""
    scoped, scope_words = narrowed(report, plan.scope)
    lead, foreword = own_words(plan.text, _figures(scoped), plan.charts) if plan.text else ((), ())
    return compose(scoped, plan.office, plan.title, scope_words, lead, foreword, plan.charts, plan.list_up_to,
                   plan.site_url)


def made(report: Report, plan: Plan) -> dict[str, bytes]:
    """Format -> bytes of the plan's bulletin."""
    from . import typeset, word

    composed = document(report, plan)
    out = {}
    if "pdf" in plan.formats:
        out["pdf"] = typeset.pdf(composed, plan.fonts)
    if "docx" in plan.formats:
        out["docx"] = word.docx(composed)
    return out


def write(report: Report, plan: Plan, out: Path) -> list[Path]:
    """The plan's files in the folder ``out``, each written whole beside its place and then moved into it
    (a reader never opens half a file; a failed run leaves the previous one)."""
    files = made(report, plan)
    written = []
    for path, fmt in paths(report, plan, folder="").items():
        target = out / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(files[fmt])
        os.replace(partial, target)
        written.append(target)
    return written
