"""Putting a built site in place: atomically, leaving nothing half-written, and checking every page is linked."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import posixpath
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import unquote

STAGING_PREFIX = ".progress-site-staging-"
OLD_PREFIX = ".progress-site-old-"


def staging_dir(target: Path) -> Path:
    """A fresh folder beside ``target`` to build into (same file system, so it can be swapped in)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(target)
    path = target.parent / f"{STAGING_PREFIX}{target.name}-{os.getpid()}"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path


def clean_leftovers(target: Path) -> None:
    """Remove what an earlier, killed build left beside ``target``."""
    for pattern in (f"{STAGING_PREFIX}{target.name}-*", f"{OLD_PREFIX}{target.name}-*"):
        for path in target.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def swap_in(staging: Path, target: Path) -> None:
    """Make ``staging`` the site at ``target``; at no moment is there no site or half a site."""
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous site
        return
    old = target.parent / f"{OLD_PREFIX}{target.name}-{os.getpid()}"
    target.rename(old)  # two renames: the gap is as short as the file system allows
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


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
