"""An Atom feed (RFC 4287) of 本期变化: one entry per reporting period, newest first, saying what changed against
the period before (new projects, status and light changes, projects that fell behind or caught up), so that a
reader can follow the site without visiting it. One for the site, and one per cluster when asked for.

Dated by the periods' ends, never by the clock: the same data makes the same feed."""

from __future__ import annotations

import datetime as dt
import uuid
from xml.sax.saxutils import escape, quoteattr

from ..figures.changes import Changes, period_changes, summary_line
from ..model.places import spoken
from ..model.report import Report
from ..text.catalogue import say
from .formatting import Formatter
from .lamps import SHAPES, word
from .addresses import SITE_PAGES, place_feed, place_slugs, web_address

FEED = "feed.xml"
#: At most this many periods (the newest) in a feed: a reader fetches it often.
ENTRIES = 24


def feed_head(files, language: str) -> dict | None:
    """What every page's head says of the site's feed (``extra.progress_feed`` for the page hook), when the
    output has one."""
    return {"path": FEED, "title": say("changes", language)} if FEED in files else None


def feed_paths(report: Report, parts: bool) -> dict[str, tuple[str, str] | None]:
    """Docs-relative path of each feed -> the part of the site it follows, ``("cluster", id)`` or ``("place", name)``
    (None: the whole site); a feed per cluster and per area when ``parts``."""
    paths: dict[str, tuple[str, str] | None] = {FEED: None}
    if parts:
        paths.update({f"feeds/{cid}.xml": ("cluster", cid) for cid in report.clusters})
        paths.update({place_feed(slug): ("place", name) for name, slug in place_slugs(report).items()})
    return paths


def atom(report: Report, site_name: str, site_url: str | None, path: str = FEED,
         part: tuple[str, str] | None = None) -> str:
    """The feed at docs-relative ``path`` for the whole report or one ``part`` (a cluster, an area). Links are
    absolute when the site's address is known, else relative to the feed (as Atom allows)."""
    name = None
    if part is not None and part[0] == "cluster":
        name = report.clusters[part[1]].name
        report = report.only(lambda p: p.cluster_id == part[1], clusters=[part[1]])
    elif part is not None:
        name = spoken(part[1], report.language)
        report = report.in_place(part[1])
    fmt = Formatter.of(report)
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    up = "" if base else "../" * path.count("/")
    title = fmt.t("title-join").join(t for t in (site_name, name, fmt.t("changes")) if t)
    key = f"{base or site_name}|{path}"
    feed_id = f"{base}{path}" if base else uuid.uuid5(uuid.NAMESPACE_URL, key).urn
    periods = list(report.periods)[-ENTRIES:][::-1]
    page = f"{base or up}{web_address(SITE_PAGES['changes'])}"
    entries = []
    for period in periods:
        changes = period_changes(report, period)
        updated = _stamp(period.end)
        entry_id = f"{page}#{period.key}" if base else uuid.uuid5(uuid.NAMESPACE_URL, f"{key}#{period.key}").urn
        entries.append(
            f"<entry><id>{escape(entry_id)}</id><title>{escape(fmt.t('changes-entry', period=fmt.period(period)))}</title>"
            f"<updated>{updated}</updated><link rel=\"alternate\" type=\"text/html\" href={quoteattr(page)}/>"
            f"<summary>{escape(summary_line(changes, fmt))}</summary>"
            f"<content type=\"html\">{escape(_content(changes, fmt, report))}</content></entry>")
    updated = _stamp(periods[0].end) if periods else _stamp(report.as_of or dt.date(1970, 1, 1))
    author = escape(site_name or fmt.t("changes"))
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{report.language}">'
            f"<id>{escape(feed_id)}</id><title>{escape(title)}</title><updated>{updated}</updated>"
            f"<author><name>{author}</name></author>"
            f'<link rel="self" type="application/atom+xml" href={quoteattr(base + path if base else path.rsplit("/", 1)[-1])}/>'
            f'<link rel="alternate" type="text/html" href={quoteattr(base or up or "./")}/>'
            + "".join(entries) + "</feed>\n")


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _content(changes: Changes, fmt: Formatter, report: Report) -> str:
    """The entry's body as HTML: a list per kind of change, each project with its change."""
    language = report.language

    def lamp(light):
        return f"{SHAPES[light]}{word(light, language)}"

    def status(s):
        return fmt.t(f"st_{s.value}" if s else "st_none")
    parts = []
    for key, items in (("appeared", [escape(p.name) for p in changes.appeared]),
                       ("left", [escape(d.name) for d in changes.left]),
                       ("status_changed", [escape(fmt.t("feed-change", name=p.name, was=status(a), now=status(b)))
                                           for p, a, b in changes.status]),
                       ("lights_changed", [escape(fmt.t("feed-change", name=p.name, was=lamp(a), now=lamp(b)))
                                           for p, a, b in changes.lights])):
        if items:
            parts.append(f"<h3>{escape(fmt.t(key))}</h3><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
    return "".join(parts) or f"<p>{escape(fmt.t('feed-nothing'))}</p>"
