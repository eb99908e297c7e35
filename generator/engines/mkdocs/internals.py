"""Every call into MkDocs' and Material's private parts, behind names that say what it does.

MkDocs 1.x has no public way to rebuild a few pages, to feed a file's content from a function, or to
update the tags and search plugins' state for some pages only. What preview's quick rebuilds need of
that lives here, and only here, so that a change in MkDocs (or ProperDocs, which continues it) is
met in one file.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.structure.files import File


class GeneratedFile(File):
    """A generated file whose content is fetched when MkDocs first reads it (it may still be in the
    making, in a second process)."""

    @property
    def _content(self):
        return self._fetch()

    @_content.setter
    def _content(self, value):  # MkDocs sets a content; we also take a function that fetches one
        self._fetch = value if callable(value) else (lambda: value)


def generated_file(config, path: str, content: Callable[[], str | bytes]) -> File:
    """A docs file at ``path`` whose content ``content()`` gives when MkDocs reads it."""
    return GeneratedFile.generated(config, path, content=content)


def material_plugin(config, name: str):
    """The configured plugin of Material's called ``name`` (search, tags), if any."""
    return next((p for p in config.plugins.values() if type(p).__module__.startswith(f"material.plugins.{name}")), None)


def rebuild_pages(files: list, config, all_files, nav, env) -> list:
    """MkDocs' page steps for the docs files ``files`` (whose content is already set), and for the pages
    that list tagged pages (they show titles); the theme's search entries of those pages replaced.
    Returns the files of the pages rebuilt."""
    files = list(files)
    for file in files:
        _populate_page(file.page, config, all_files)
    tags = material_plugin(config, "tags")
    if tags is not None and tags.config.enabled and files:  # listings of tagged pages show their titles
        before = {id(listing): listing.page for listing in tags.listings.data}
        for page in {id(p): p for p in before.values()}.values():
            if page.file not in files:
                _populate_page(page, config, all_files)
                files.append(page.file)
        # reading a page again lists its listings again: keep only the new ones of the pages read again
        again = {f.src_uri for f in files}
        tags.listings.data = {listing for listing in tags.listings.data
                              if id(listing) not in before or listing.page.file.src_uri not in again}
        tags.on_env(env, config=config)
    search = material_plugin(config, "search")
    indexed = search is not None and search.config.enabled
    if indexed:  # building a page adds its entries again
        urls = {f.page.url for f in files}
        search.search_index.entries = [e for e in search.search_index.entries
                                       if e["location"].split("#", 1)[0] not in urls]
    doc_files = all_files.documentation_pages()
    for file in files:
        _build_page(file.page, config, doc_files, nav, env)
    if indexed and files:
        search.on_post_build(config=config)
    return files


def turn_off_search(config) -> None:
    """Turn the theme's search plugin off, if the site has it."""
    search = material_plugin(config, "search")
    if search is not None:
        search.config.enabled = False


def search_settings(config):
    """The settings of the theme's search plugin (``separator``, ``fields``), or None without one."""
    search = material_plugin(config, "search")
    return None if search is None else search.config


def replace_builder(server, rebuild: Callable[[Callable], Callable]) -> None:
    """Let ``rebuild(full)`` decide what a change in preview rebuilds; ``full`` is MkDocs' whole rebuild."""
    server.builder = rebuild(server.builder)
