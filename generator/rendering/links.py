"""Checking a built site's links: every page is reached by some chain of links from the home page."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote

_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_OUTSIDE = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)


def links(html: str) -> set[str]:
    """The targets of a page's ``<a href>`` links, unescaped."""
    return {unescape(href) if "&" in href else href for groups in _HREF.findall(html) for href in groups if href}


def unreachable_pages(site: Path) -> list[str]:
    """Pages that no chain of links from the home page reaches (the 404 page excepted)."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        page = queue.pop()
        folder = posixpath.dirname(page)
        for href in links((site / page).read_text(encoding="utf-8", errors="replace")):
            url = href.split("#", 1)[0].split("?", 1)[0]
            if not url or _OUTSIDE.match(url):
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(url) if "%" in url else url))
            for candidate in (target, f"{target}/index.html"):
                if candidate in pages and candidate not in seen:
                    seen.add(candidate)
                    queue.append(candidate)
    return sorted(p for p in pages - seen if p != "404.html")
