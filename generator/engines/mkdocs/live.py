"""Fast preview in ``mkdocs serve``: after a data edit, rebuild only the pages whose content changed.

MkDocs rebuilds every page on any change, which takes a minute at a province's scale. When only files in
the data folder changed, the last full build is reused: the data is read and checked again, the output
remade where the change can reach (:func:`.output.regenerate`), and MkDocs' own page steps run for the
changed pages alone (and the tags page); the search index is updated for them (Pagefind's just after the
reload). Pages whose content did not change keep their previous stamp line until the next full build.
Anything else (a hand-written page, mkdocs.yml, a template, a page added or removed, a cluster renamed)
gets MkDocs' full rebuild.

The plugin keeps the last full build (MkDocs keeps a plugin with ``on_startup`` across the builds of one
``serve``); what it needs of MkDocs' private parts is in :mod:`.internals`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from ...loading.loader import load_report
from ...text.catalogue import say
from ...writing.output import compose, nav, regenerate, remake_bulletin
from . import pagefind
from .internals import rebuild_pages

log = logging.getLogger("mkdocs.plugins.progress")


def snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under ``paths``."""
    seen: dict[str, tuple[int, int]] = {}
    for root in paths:
        if root.is_file():
            items = [root]
        elif root.is_dir():
            items = [p for p in root.rglob("*") if p.is_file()]
        else:
            continue
        for p in items:
            stat = p.stat()
            seen[str(p)] = (stat.st_size, stat.st_mtime_ns)
    return seen


class LastBuild:
    """What a full build leaves for quick rebuilds: MkDocs' config, files, navigation and templates, and
    the plugin that made the pages."""

    def __init__(self, plugin, config, files, nav_, env):
        self.plugin, self.config, self.files, self.nav, self.env = plugin, config, files, nav_, env
        self.inputs = self._inputs()

    def _inputs(self) -> dict[str, tuple[int, int]]:
        """Everything but the data that a build reads."""
        config, site = self.config, self.plugin.site
        paths = [Path(config.docs_dir), Path(config.config_file_path)]
        paths += [Path(p) for p in config.watch]
        if config.theme.custom_dir:
            paths.append(Path(config.theme.custom_dir))
        if site.config.templates_dir:
            paths.append(site.root / site.config.templates_dir)
        data = str(site.data_dir)
        return {k: v for k, v in snapshot(paths).items() if not k.startswith(data + os.sep)}

    def refresh(self) -> bool:
        """Rebuild what a data edit changed; False when only a full build will do."""
        start = time.monotonic()
        plugin, config = self.plugin, self.config
        if self._inputs() != self.inputs:
            return False
        site = plugin.site
        loaded = load_report(site)
        for problem in loaded.problems.warnings:
            log.warning(problem.format(site.language, code=True))
        for problem in loaded.problems.notes:
            log.info(problem.format(site.language, code=True))
        if not loaded.ok:
            for problem in loaded.problems.errors:
                log.error(problem.format(site.language, code=True))
            return True  # the previous pages stay until the data is fixed
        report = loaded.report
        output, changed = regenerate(plugin.output, report, site, config.site_name, config.site_url)
        if set(output.files) != set(plugin.output.files) or (
                nav(report, output, plugin.own, site.language) != nav(plugin.report, plugin.output, plugin.own, site.language)):
            return False
        plugin.report, plugin.output = report, output
        rebuild = [f for f in self.files.documentation_pages()
                   if f.src_uri in changed or f.src_uri in plugin.own and _has_figures(f, plugin)]
        for file in self.files:
            if file.src_uri in changed and not file.is_documentation_page():
                file.content_bytes = _bytes(output.files[file.src_uri])
                file.copy_file()
        rebuild = self._rebuild_pages(rebuild)
        if plugin.search == "pagefind" and rebuild:  # after the reload: it reads every page again
            threading.Thread(target=_reindex, args=(config.site_dir,), daemon=True).start()
        if output.bulletin is not None and output.bulletin.formats:  # seconds of typesetting: after the reload too
            threading.Thread(target=self._remake_bulletin, args=(output,), daemon=True).start()
        log.info(say("quick-rebuild", site.language, count=len(rebuild), seconds=f"{time.monotonic() - start:.2f}"))
        return True

    def _remake_bulletin(self, output) -> None:
        """The bulletin's files for the edited data, written over the previous ones when they are made (unless
        a later edit has replaced the output meanwhile)."""
        with _bulletin_lock:
            try:
                made = remake_bulletin(output)
            except Exception as exc:  # noqa: BLE001 - the preview goes on; the next full build reports it
                log.warning(str(exc))
                return
            if self.plugin.output is not output:
                return
            output.files.update(made)
            write_late(output, Path(self.config.site_dir))

    def _rebuild_pages(self, files) -> list:
        """MkDocs' steps for ``files`` (and the tag listings that show their titles); the pages rebuilt."""
        plugin, config = self.plugin, self.config
        files = list(files)
        for file in files:
            path = file.src_uri
            if path in plugin.generated:
                content = plugin.output.files[path]
                if path in plugin.own:
                    own = plugin._expand(path, (Path(config.docs_dir) / path).read_text(encoding="utf-8-sig"))
                    content = compose(own, content)
                file.content_string = content
        return rebuild_pages(files, config, self.files, self.nav, self.env)


_indexing = threading.Lock()
_bulletin_lock = threading.Lock()


def _reindex(site_dir: str) -> None:
    with _indexing:
        try:
            pagefind.index_site(site_dir)
        except (OSError, RuntimeError) as exc:
            log.warning(str(exc))


def write_late(output, site_dir: Path) -> None:
    """The files the output makes last (the bulletin), into the built site."""
    for path in output.late:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_bytes(output.files[path]))


def _has_figures(file, plugin) -> bool:
    """A hand-written page that shows live figures (they may have changed)."""
    if file.src_uri in plugin.generated:
        return True  # composed with a generated page: remade with it
    return "[[" in file.content_string


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content
