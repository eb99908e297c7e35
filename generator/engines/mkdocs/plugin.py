"""The MkDocs adapter: ``plugins: [progress]`` reads the data folder and adds the generated pages.

Everything it does is a call into the library; this file only moves results into MkDocs' hands.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ...bulletin.make import BulletinError
from ...loading.loader import load_report
from ...rendering.feed import feed_head
from ...rendering.identity import publication_date
from ...rendering.prose import ProseError
from ...settings.config import DATA_ENV, PLUGIN_NAME, ConfigError, Site, SiteConfig, check_site_name, site_language
from ...text.catalogue import say
from ...writing.ahead import cores
from ...writing.output import CSS, JS, compose, generate, nav, own_pages
from ...writing.place import Place, PublishError, check, mark_site
from . import pagefind, pagehooks, photomarkup
from .segmenter import start_jieba
from .internals import generated_file, replace_builder, search_settings, turn_off_search
from .live import LastBuild, write_late
from .notfound import not_found_template
from .search import SEARCH_FIELDS, SEARCH_SEPARATOR

log = logging.getLogger(f"mkdocs.plugins.{PLUGIN_NAME}")

def _composed(own: str, generated) -> str:
    return compose(own, generated())


class ProgressPlugin(BasePlugin):
    """Settings are validated by :class:`SiteConfig` (one schema for plugin and CLI), not by MkDocs.

    In ``serve`` MkDocs keeps one instance across builds (it has ``on_startup``): it holds the last full
    build, from which a data edit rebuilds only the pages it changed."""

    def __init__(self):
        super().__init__()
        self.serving = False
        self.letting_go = True  # what MkDocs no longer needs of a page is let go (see _let_go_page)
        self.last_build: LastBuild | None = None  # while serving
        self.gathered = None  # (site, report), when the caller has read and checked the data already

    def on_startup(self, command, dirty):
        self.serving = command == "serve"
        # a preview compares the next build's pages with these; a --dirty build asks each page's file again
        self.letting_go = command != "serve" and not dirty

    def load_config(self, options, config_file_path=None):
        self.options = dict(options or {})
        return [], []

    @event_priority(100)  # before the search plugin reads its settings
    def on_config(self, config):
        theme_language = config["theme"]["language"] if "language" in config["theme"] else None
        language = site_language(self.options.get("language") or theme_language)
        try:
            check_site_name(config.site_name, language)
            settings = SiteConfig.from_mapping(self.options, language, prefix=f"plugins.{PLUGIN_NAME}.")
        except ConfigError as exc:
            raise PluginError("\n".join(exc.lines())) from None
        self.last_build = None  # until this build is complete
        gathered, self.gathered = self.gathered, None
        if gathered is not None:  # `progress-site build` has read, checked and reported the data already
            self.site, self.report = gathered
        else:
            root = Path(config.config_file_path).resolve().parent
            data_dir = Path(os.environ[DATA_ENV]) if os.environ.get(DATA_ENV) else root / settings.data_dir
            try:
                self.site = Site.resolve(settings, root, data_dir, settings.language or language)
            except ConfigError as exc:
                raise PluginError("\n".join(exc.lines())) from None
            try:  # plain `mkdocs build` empties its site folder: only one a build made may be emptied
                check(Place.of(Path(config.site_dir)), {"config file": Path(config.config_file_path),
                                                        "docs folder": Path(config.docs_dir), "data folder": data_dir})
            except PublishError as exc:
                raise PluginError(exc.message(self.site.language)) from None
            loaded = load_report(self.site)
            for problem in loaded.problems.warnings:
                log.warning(problem.format(self.site.language, code=True))
            for problem in loaded.problems.notes:  # no fault: not a warning for mkdocs --strict
                log.info(problem.format(self.site.language, code=True))
            if not loaded.ok:
                raise PluginError("\n".join(p.format(self.site.language, code=True) for p in loaded.problems.errors))
            self.report = loaded.report
        r = self.report
        log.info(say("read-summary", self.site.language, projects=len(r.projects), clusters=len(r.clusters),
                     years=len(r.years), folder=self.site.data_dir))
        toc = config.mdx_configs.get("toc")
        if toc is not None and toc.get("permalink") and "permalink_title" not in toc:  # the theme says it in English
            toc["permalink_title"] = say("permalink-title", self.site.language)
        self.search = settings.search_engine(len(r.projects))
        if self.search == "pagefind":
            self._use_pagefind(config)
        else:
            self._configure_search(config)
        if r.photos:
            photomarkup.on_config(config)
        try:
            self.output = generate(self.report, self.site, config.site_name, ahead=cores() > 1,
                                   site_url=config.site_url)
        except BulletinError as exc:
            raise PluginError("\n".join(p.format(self.site.language, code=True) for p in exc.problems)) from None
        for problem in self.output.problems:
            log.warning(problem.format(self.site.language, code=True))
        self.date = publication_date(r)  # the sitemap's dates too
        self._bar = None
        if sys.stderr.isatty() and len(r.projects) > 200:  # a long build's progress: each generated page
            from tqdm import tqdm  # counts once when MkDocs reads it and once when it is rendered

            self._bar = tqdm(total=2 * len(self.output.pages), desc=say("progress-bar", self.site.language),
                             unit="", leave=False)
        self.own = own_pages(Path(config.docs_dir))
        if config.nav is None:
            config.nav = nav(self.report, self.output, self.own, self.site.language)
        config.extra_css = [*CSS, *config.extra_css]
        config.extra_javascript = [*config.extra_javascript, *JS]
        config.theme["font"] = False  # no font from outside the site
        config.validation.nav.omitted_files = logging.DEBUG  # project pages are reached by links, not the nav
        config.extra["progress_identity"] = self.output.identity  # pagehooks.identity_marks
        feed = feed_head(self.output.files, self.site.language)
        if feed:  # every page's head names the feed (pagehooks.feed_link)
            config.extra["progress_feed"] = feed
        if "generator" not in config.extra:
            config.extra["generator"] = False  # no "Made with …" line on an office's site
        return config

    def _use_pagefind(self, config) -> None:
        """Pagefind instead of the theme's search (see :mod:`.pagefind`)."""
        turn_off_search(config)
        config.extra_css = [*config.extra_css, *pagefind.CSS]
        config.extra_javascript = [*pagefind.JS, *config.extra_javascript]

    def on_pre_page(self, page, config, files):
        page.update_date = self.date
        return page

    def _configure_search(self, config) -> None:
        search = search_settings(config)
        if search is None:
            return
        if not search.separator:
            search.separator = SEARCH_SEPARATOR
        # every project carries its cluster, status and year as tags: at the theme's tag boost those
        # would outrank the page that a name belongs to
        search.fields.setdefault("tags", dict(SEARCH_FIELDS["tags"]))
        # Material segments the index with jieba (a dependency) and a query by looking its pieces up
        # among the index's words. A whole name added to jieba's dictionary becomes one index word that
        # no query is ever split into, so names are left to jieba's own words: typing a full name then
        # finds its page first. Its start-up lines ("Building prefix dict …") say nothing an office can act on.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        start_jieba()

    def on_files(self, files, config):
        self.files = files
        docs = self.docs_dir = Path(config.docs_dir)
        self.generated = set()
        self._copied = False
        pages = self.output.page_paths()
        for path in self.output.files:
            content = functools.partial(self.output.files.__getitem__, path)
            existing = files.get_file_from_path(path)
            if existing is not None:
                if path in pages:
                    own = self._expand(existing.src_uri, (docs / path).read_text(encoding="utf-8-sig"))
                    content = functools.partial(_composed, own, content)
                files.remove(existing)
            files.append(generated_file(config, path, content))
            self.generated.add(path)
        return files

    def _tick(self, page) -> None:
        if self._bar is not None and page.file.src_uri in self.generated:
            self._bar.update(1)

    def on_page_markdown(self, markdown, page, config, files):
        self._tick(page)
        if page.file.src_uri in self.generated:
            if self.letting_go:  # the page holds its text now
                self.output.let_go(page.file.src_uri)
            return markdown
        return self._expand(page.file.src_uri, markdown)

    def _expand(self, name: str, text: str) -> str:
        try:
            return self.output.figures.expand(text)
        except ProseError as exc:
            raise PluginError("\n".join(exc.lines(os.path.relpath(Path(self.docs_dir) / name)))) from None

    def on_env(self, env, config, files):
        """Our 404 page, unless the site has its own in its theme folder. The theme's templates, compiled, are
        kept for the next build (Jinja's cache in the user's temporary folder, keyed by each template's source):
        compiling them anew took a fifth of a small site's build and of every full rebuild in preview."""
        if env.bytecode_cache is None:
            env.bytecode_cache = FileSystemBytecodeCache()
        custom = config.theme.custom_dir
        if not (custom and (Path(custom) / "404.html").is_file()):
            env.loader = ChoiceLoader([DictLoader({"404.html": not_found_template(self.site.language)}), env.loader])
        self.env = env
        # links to them are checked by now; MkDocs would copy them next, before rendering any page
        for file in [f for f in files if f.src_uri in self.output.late]:
            files.remove(file)
        return env

    def on_nav(self, nav, config, files):
        self._nav = nav
        return nav

    def _page_content(self, html, page, config, files):
        return pagehooks.on_page_content(html, page, config)

    @event_priority(-100)  # after every other plugin has read the page's Markdown
    def _let_go_markdown(self, html, page, config, files):
        if self.letting_go and page.file.src_uri in self.generated:
            page.markdown = ""  # made into HTML: a site at the limits holds each page once, not three times
            # ("", not None: MkDocs takes a page without Markdown for one without a title)
        return html

    on_page_content = CombinedEvent(_page_content, _let_go_markdown)

    def _post_page(self, output, page, config):
        self._tick(page)
        return pagehooks.on_post_page(output, page, config)

    @event_priority(-100)  # after every other plugin: the page is written next
    def _let_go_page(self, output, page, config):
        if self.letting_go:
            self._let_go_copied()
            if page.file.src_uri in self.generated:
                page.content = None  # rendered into output; MkDocs keeps every page until the build ends
        return output

    on_post_page = CombinedEvent(_post_page, _let_go_page)

    def _let_go_copied(self) -> None:
        """Free the generated files MkDocs has copied (downloads, styles) once it renders pages."""
        if self._copied:
            return
        self._copied = True
        pages = self.output.page_paths()
        for path in self.generated - pages - set(self.output.late):
            self.output.let_go(path)

    def on_post_template(self, output_content, template_name, config):
        return pagehooks.on_post_template(output_content, template_name, config)

    def on_post_build(self, config):
        mark_site(Path(config.site_dir))
        indexing = None
        if self.search == "pagefind":  # the pages are written: index them while the bulletin is typeset
            try:
                indexing = pagefind.start_indexing(config.site_dir)
            except OSError as exc:
                raise PluginError(str(exc)) from None
        try:
            write_late(self.output, Path(config.site_dir))
        except BaseException:
            if indexing is not None:
                indexing.kill()
                indexing.wait()
            raise
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if indexing is not None:
            try:
                pagefind.finish(indexing)
            except RuntimeError as exc:
                raise PluginError(str(exc)) from None
        if self.serving:  # the build a data edit starts from
            for path in self.output.late:  # taken out before MkDocs copied files; written now, so links to them hold
                if self.files.get_file_from_path(path) is None:
                    self.files.append(generated_file(config, path, functools.partial(self.output.files.__getitem__, path)))
            self.last_build = LastBuild(self, config, self.files, self._nav, self.env)

    def on_build_error(self, error):
        if getattr(self, "output", None) is not None:
            self.output.close()
        if getattr(self, "_bar", None) is not None:
            self._bar.close()
            self._bar = None

    def on_shutdown(self):
        if getattr(self, "output", None) is not None:  # a worker still at work on a build nobody will read
            self.output.close()

    def on_serve(self, server, config, builder):
        """Watch the data folder; when only data changed, rebuild just the pages that changed."""
        server.watch(str(self.site.data_dir))

        def quick(full):
            def rebuild(config=None):
                last = self.last_build
                if config is None and last is not None:
                    try:
                        if last.refresh():
                            return
                    except Exception as exc:  # noqa: BLE001 - the full build that follows reports it properly
                        log.debug(f"quick rebuild failed, building everything: {exc!r}")
                full(config)
            return rebuild
        replace_builder(server, quick)
        return server
