"""Everything the generator adds to a site, as docs-relative files: pages, assets and downloads.

Engines (the MkDocs plugin, ``generate --out``) take these files as they are; hand-written pages are
composed with the generated page at the same path, and their live figures filled in.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..contract.periods import year_name
from ..bulletin import make as bulletins
from ..bulletin import typeset
from ..figures.changes import period_changes, summary_line
from ..model.report import Report
from ..rendering import bundle
from ..rendering.downloads import export_files, export_paths
from ..rendering.feed import atom, feed_paths
from ..rendering.identity import POLICE_EMBLEM, identity, organizer, publication_date
from ..rendering.markup import h
from ..rendering.addresses import PLACES_INDEX, place_slugs, report_stages, top_places
from ..rendering.pages import Page, PageMaker
from ..rendering.photos import photo_paths, same_copies, web_copy
from ..rendering.prose import Figures
from ..rendering.reading import reading_aids
from ..rendering.vega import SERVED, runtime
from ..settings.config import Site
from .ahead import Ahead

ASSET_DIR = "assets/progress"
JS = [f"{ASSET_DIR}/progress.js"]  # it loads vega.js itself, on a page with charts
CSS = [f"{ASSET_DIR}/progress.css"]

GENERATED_MARK = re.compile(r"^\s*\[\[\s*generated\s*\]\]\s*$", re.M)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n?", re.S)
_H1 = re.compile(r"^#\s+.+$", re.M)
#: Where a generated page's lead (its as-of line, verdict, lights and 重点关注) ends: a hand-written page over it
#: has the lead right under its title, its own text after (the reader sees first how things stand).
LEAD_END = "<!-- lead end -->"


@dataclass
class Output:
    """The generated part of a site: docs-relative path -> content, pages first. Contents may be made
    ahead in a second process (see :mod:`.ahead`); reading one waits for it if need be."""

    pages: list[str]
    files: Mapping[str, str | bytes]
    figures: Figures
    stamp: tuple[str, ...] = ()  # the lines every page carries (as-of date, source checksums)
    shared: tuple = ()  # what every page depends on besides its context (see PageMaker.shared)
    project_contexts: dict | None = None  # the project pages' contexts, once preview has worked them out
    bulletin: bulletins.Plan | None = None  # the bulletin the downloads hold
    #: files an engine writes after the pages, not before (the bulletin: reading it earlier would wait for the
    #: typesetting while the pages could be rendering)
    late: tuple[str, ...] = ()
    problems: tuple = ()  # warnings about what was left out (a bulletin without fonts)
    identity: dict | None = None  # every page's footer marks and meta tags (see rendering.identity)
    #: the build log's line of what this publication changes (made by the page worker when there is one)
    summary_line: Callable[[], str] | None = None

    def page_paths(self) -> set[str]:
        return set(self.pages)

    def let_go(self, path: str) -> None:
        """Free ``path``'s content: the engine holds it now and will not read it again."""
        if isinstance(self.files, Ahead):
            self.files.forget(path)

    def close(self) -> None:
        """Stop the worker if it is still making files (after a failed build, nobody will read them)."""
        if isinstance(self.files, Ahead):
            self.files.close()


ASSETS = [f"{ASSET_DIR}/{name}" for name in ("progress.js", "progress.css", SERVED, POLICE_EMBLEM)]


def assets() -> dict[str, str | bytes]:
    """The page script, its styles, the Vega runtime and the filing emblem, by docs-relative path (as :data:`ASSETS`)."""
    folder = resources.files("generator.rendering") / "assets"
    out: dict[str, str | bytes] = {f"{ASSET_DIR}/{name}": (folder / name).read_text(encoding="utf-8")
                                   for name in ("progress.js", "progress.css")}
    out[f"{ASSET_DIR}/{SERVED}"] = runtime()
    out[f"{ASSET_DIR}/{POLICE_EMBLEM}"] = (folder / POLICE_EMBLEM).read_bytes()
    return out


def generate(report: Report, site: Site, site_name: str = "", ahead: bool = False, site_url: str | None = None) -> Output:
    """Every generated page, the assets and the downloads of ``report``, each made when first read.

    With ``ahead`` (for an engine's build, which reads them one by one while it renders) they are made by
    a second process, in the order they are listed, while the caller reads them."""
    plan = bulletins.plan(report, site, site_url=site_url)
    maker = _maker(report, site, site_name, plan)
    jobs: dict[str, Callable[[], str | bytes]] = {path: _markdown(job) for path, job in maker.jobs().items()}
    pages = list(jobs)
    downloads = functools.cache(functools.partial(export_files, report, **_publisher(site, site_name, site_url)))
    jobs.update({path: functools.partial(_item, downloads, path) for path in export_paths(report)})
    jobs.update({path: functools.partial(_item, _assets, path) for path in ASSETS})
    jobs.update({path: functools.partial(web_copy, photo, path) for path, photo in photo_paths(report).items()})
    jobs.update({path: functools.partial(atom, report, site_name, site_url, path, cluster)
                 for path, cluster in _feeds(report, site).items()})
    # last: an engine copies the other files before it renders the pages, and reads the bulletin after
    made = functools.cache(functools.partial(bulletins.made, report, plan))
    late = bulletins.paths(report, plan)
    jobs.update({path: functools.partial(_item, made, fmt) for path, fmt in late.items()})
    files = Ahead(jobs, parallel=ahead and _may_fork(),
                  extras={_SUMMARY: functools.partial(_summary_line, report, maker.fmt)})
    return Output(pages, files, Figures(report, maker.fmt, maker.chart_html, maker.by_cluster), maker.stamps,
                  maker.shared, bulletin=plan, problems=plan.problems, late=tuple(late),
                  identity=_identity(report, site, site_name, site_url),
                  summary_line=functools.partial(files.extra, _SUMMARY))


def _publisher(site: Site, site_name: str, site_url: str | None) -> dict:
    """Who publishes the downloads (the OC4IDS package's publisher) and where the site is."""
    return dict(publisher=organizer(site.config) or site_name, site_url=site_url)


def regenerate(old: Output, report: Report, site: Site, site_name: str = "",
               site_url: str | None = None) -> tuple[Output, set[str]]:
    """The output for a changed ``report``, made from ``old`` by remaking only what the change can touch
    (every page but those of projects whose context is equal, and the downloads); and the generated paths
    whose content changed other than in the stamp line. For a fast preview: the bulletin's files stay as they
    were (remaking them takes seconds), for the caller to remake after the pages (:func:`remake_bulletin`)."""
    plan = bulletins.plan(report, site, site_url=site_url)
    maker = _maker(report, site, site_name, plan)
    stamp, jobs = maker.stamps, maker.jobs()
    contexts = maker.project_contexts()
    before = old.project_contexts if old.project_contexts is not None else (
        _maker(old.figures.report, site, site_name).project_contexts())
    same = maker.shared == old.shared
    files: dict[str, str | bytes] = {}
    for path, job in jobs.items():
        if path in contexts and same and before.get(path) == contexts[path]:
            files[path] = _restamped(old.files[path], old.stamp, stamp)
        elif path in contexts:
            files[path] = maker.render(contexts[path]).markdown
        else:
            files[path] = job().markdown
    files.update(export_files(report, **_publisher(site, site_name, site_url)))
    files.update((path, old.files[path]) for path in ASSETS)
    files.update((path, old.files[path]) for path in bulletins.paths(report, plan) if path in old.files)
    files.update((path, atom(report, site_name, site_url, path, part)) for path, part in _feeds(report, site).items())
    before = photo_paths(old.figures.report)
    files.update((path, old.files[path] if same_copies(before.get(path), photo) else web_copy(photo, path))
                 for path, photo in photo_paths(report).items())
    changed = {path for path, content in files.items()
               if path not in old.files or _unstamped(content, stamp) != _unstamped(old.files[path], old.stamp)}
    new = Output(list(jobs), files, Figures(report, maker.fmt, maker.chart_html, maker.by_cluster), stamp,
                 maker.shared, contexts, plan, plan.problems, tuple(bulletins.paths(report, plan)),
                 _identity(report, site, site_name, site_url))
    return new, changed


def remake_bulletin(output: Output) -> dict[str, bytes]:
    """The bulletin's files for the output's report, by docs-relative path (after a fast preview)."""
    report, plan = output.figures.report, output.bulletin
    if plan is None:
        return {}
    made = functools.cache(functools.partial(bulletins.made, report, plan))
    jobs = {path: functools.partial(_item, made, fmt) for path, fmt in bulletins.paths(report, plan).items()}
    # made in a forked process, so that this one never starts the chart renderer's threads (the next full
    # build forks its page worker from here)
    files = Ahead(jobs, parallel=_may_fork())
    try:
        return {path: files[path] for path in jobs}
    finally:
        files.close()


def _may_fork() -> bool:
    """Whether a worker may be forked from this process: not once it has started the threads of the chart
    renderer or of Typst (a process that cannot fork makes everything itself, when read)."""
    return not bundle.started() and not typeset.started()


def _maker(report: Report, site: Site, site_name: str, plan: bulletins.Plan | None = None) -> PageMaker:
    templates = site.root / site.config.templates_dir if site.config.templates_dir else None
    links = bulletins.paths(report, plan) if plan is not None else {}
    office = site.config.office or site.config.identity.organizer
    return PageMaker(report, templates, site_name, links, tuple(_feeds(report, site)), office)


def _identity(report: Report, site: Site, site_name: str, site_url: str | None) -> dict:
    """Every page's own chrome: the identity footer and meta tags, and the reading aids."""
    return {**identity(site.config, site.language, site_name, site_url, ASSET_DIR, publication_date(report)),
            "reading": reading_aids(site.language)}


def _feeds(report: Report, site: Site) -> dict[str, tuple[str, str] | None]:
    """Each feed's path -> the cluster or area it follows (None: the site's), as the ``feeds`` setting asks."""
    setting = site.config.feeds
    return {} if setting == "none" or not report.periods else feed_paths(report, parts=setting == "clusters")


def _unstamped(content: str | bytes, stamp: tuple[str, ...]) -> str | bytes:
    return _restamped(content, stamp, ("",) * len(stamp))


def _restamped(content: str | bytes, old: tuple[str, ...], new: tuple[str, ...]) -> str | bytes:
    """``content`` with each of the ``old`` stamp lines replaced by its ``new`` one."""
    if not isinstance(content, str):
        return content
    for before, after in zip(old, new):
        if before:
            content = content.replace(before, after)
    return content


_assets = functools.cache(assets)
_SUMMARY = "summary line"


def _summary_line(report: Report, fmt) -> str:
    return summary_line(period_changes(report), fmt)


def _markdown(job: Callable[[], Page]) -> Callable[[], str]:
    return lambda: job().markdown


def _item(make: Callable[[], dict], key: str):
    return make()[key]


def compose(own: str, generated: str) -> str:
    """A hand-written page over a generated one: its front matter and text first, the generated
    body after (or where it writes ``[[ generated ]]``); its own first heading replaces ours, and the generated
    lead (up to :data:`LEAD_END`) comes right under that heading."""
    own_front = _FRONT.match(own)
    gen_front = _FRONT.match(generated)
    own_body = own[own_front.end():] if own_front else own
    gen_body = generated[gen_front.end():] if gen_front else generated
    front = own_front.group(0) if own_front else (gen_front.group(0) if gen_front else "")
    title, gen_title = _H1.search(own_body), _H1.search(gen_body)
    above = ""  # what the generated page has above its title (当前位置) stays above the one shown
    if title and gen_title:
        above, gen_body = gen_body[:gen_title.start()].strip(), gen_body[gen_title.end():]
    lead, marked, rest = gen_body.partition(LEAD_END)
    if marked and own_body.strip() != (title.group(0) if title else ""):  # own text besides its title
        at = title.end() if title else 0
        own_body = f"{own_body[:at]}\n\n{lead.strip()}\n\n{own_body[at:].lstrip()}"
        gen_body = rest
    if above:
        own_body = f"{own_body[:title.start()]}{above}\n\n{own_body[title.start():]}"
    if GENERATED_MARK.search(own_body):
        body = GENERATED_MARK.sub(lambda _: gen_body.strip("\n"), own_body, count=1)
    else:
        body = own_body.rstrip("\n") + "\n\n" + gen_body.lstrip("\n")
    if own_front and gen_front and "tags:" not in own_front.group(1) and "tags:" in gen_front.group(1):
        tags = gen_front.group(1)[gen_front.group(1).index("tags:"):]
        front = f"---\n{own_front.group(1)}\n{tags}\n---\n"
    return front + ("\n" if front and not front.endswith("\n") else "") + body


#: Up to this many clusters are listed in the navigation; with more, it links to the clusters' index page
#: (every page carries the navigation, so a long list would weigh on all of them).
NAV_CLUSTERS = 12


def nav(report: Report, output: Output, own_pages: list[str], language: str) -> list:
    """A navigation that scales: no project is listed; clusters, years and the index link to them."""
    from ..text.catalogue import say

    generated = output.page_paths()
    overview = {say("all_clusters", language): "clusters/index.md"}
    clusters = [{h(c.name): f"clusters/{cid}.md"} for cid, c in report.clusters.items()]  # themes print labels as HTML
    years = [{say("year-title", language, year=year_name(y, report.fiscal_start)): f"years/{y}.md"} for y in report.years]
    others = [p for p in own_pages if p not in generated and p not in ("tags.md",)]
    items: list = [{say("home", language): "index.md"}, {say("changes", language): "changes.md"},
                   {say("projects", language): "projects/index.md"}]
    if len(clusters) > NAV_CLUSTERS:
        items.append({say("clusters", language): "clusters/index.md"})
    elif clusters:
        items.append({say("clusters", language): [overview, *clusters]})
    stages = [{say(f"stage_title_{s.value}", language): f"stages/{s.value}.md"} for s in report_stages(report)]
    if stages:
        items.append({say("stages", language): stages})
    slugs = place_slugs(report)  # the widest places only: a city's counties are on its page
    places = [{h(name): f"places/{slugs[name]}.md"} for name in top_places(report)]  # themes print labels as HTML
    if len(places) > NAV_CLUSTERS:  # a hundred counties listed on every page would weigh more than the page
        items.append({say("places", language): PLACES_INDEX})
    elif places:
        items.append({say("places", language): [{say("all_places", language): PLACES_INDEX}, *places]})
    if years:
        items.append({say("years", language): years})
    items.append({say("rankings", language): "rankings.md"})
    items += others
    items.append({say("methodology", language): "methodology.md"})
    if "tags.md" in own_pages:
        items.append({say("tags", language): "tags.md"})
    return items


def own_pages(docs_dir: Path) -> list[str]:
    """The hand-written Markdown pages of a site, docs-relative, sorted."""
    if not docs_dir.is_dir():
        return []
    return sorted(posixpath.join(*p.relative_to(docs_dir).parts) for p in docs_dir.rglob("*.md"))
