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


def index_site(site_dir: str) -> None:
    """Index every page of the built site in ``site_dir`` (writes ``site_dir/pagefind/``)."""
    command = [sys.executable, "-m", "pagefind", "--site", site_dir, "--root-selector", ".md-content__inner",
               "--exclude-selectors", EXCLUDE, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()}")


def on_post_build(config, **kwargs) -> None:  # as a MkDocs hook
    index_site(config.site_dir)
