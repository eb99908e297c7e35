"""Pagefind, the search engine for large sites: an index in small pieces, of which a query loads only a few.

Material's own search sends the whole index to every visitor and builds it in the browser, which takes
seconds at a few thousand projects. With ``search: pagefind`` the theme's search is turned off, Pagefind
(extended build: it segments Chinese) indexes the built pages after MkDocs has written them, and the page
script puts Pagefind's search box in the header. Everything is served from the site itself.

This file is also a MkDocs hook on its own (``hooks:`` in mkdocs.yml): ``generate --out`` copies it into
the project it writes, so that plain ``mkdocs build`` indexes the same way.
"""

from __future__ import annotations

import subprocess
import sys

BUNDLE = "pagefind"  # folder in the site
JS = [f"{BUNDLE}/pagefind-ui.js"]
CSS = [f"{BUNDLE}/pagefind-ui.css"]
# what is not searched: the stamp line, charts and their number tables, light histories, heading anchors
EXCLUDE = ".ps-stamp, .ps-chart, .ps-chart-data, .ps-history, .headerlink"


def start_indexing(site_dir: str) -> subprocess.Popen:
    """Start indexing every page of the built site in ``site_dir`` (it writes ``site_dir/pagefind/``); the
    caller may write other files meanwhile (Pagefind reads only the pages) and then waits with :func:`finish`."""
    command = [sys.executable, "-m", "pagefind", "--site", site_dir, "--root-selector", ".md-content__inner",
               "--exclude-selectors", EXCLUDE, "--silent"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace")


def finish(indexing: subprocess.Popen) -> None:
    """Wait for the indexing :func:`start_indexing` started; a failure raises RuntimeError with its words."""
    out, err = indexing.communicate()
    if indexing.returncode != 0:
        raise RuntimeError(f"pagefind failed ({indexing.returncode}): {(err or out).strip()}")


def index_site(site_dir: str) -> None:
    """Index every page of the built site in ``site_dir``."""
    finish(start_indexing(site_dir))


def on_post_build(config, **kwargs) -> None:  # as a MkDocs hook
    index_site(config.site_dir)
