"""Putting a built site in place: only where a site may go, one build at a time, atomically.

A build writes only into a folder that is absent, empty (dotfiles aside), or a site it made before (it carries
:data:`MARKER`); never into a folder that is or holds the configuration, the docs or the data. It is built in a
staging folder and swapped in when complete, so that at no moment is there no site or half a site; dotfiles
the build did not make (``.git``) are kept. A site folder that is a symlink (``site -> releases/7``) is
updated where it points. A mount point, or a folder whose parent cannot be written, is staged inside and
swapped entry by entry. A lock beside the site keeps a second build from starting while one runs.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..text.catalogue import both
from ..text.messages import render
from .lock import Held, LockFile

STAGING_PREFIX = ".progress-site-staging-"
OLD_PREFIX = ".progress-site-old-"
LOCK_PREFIX = ".progress-site-lock-"
#: In every site a build makes: what lets the next build replace it.
MARKER = ".progress-site"
_MARKER_TEXT = "This folder is a site built by progress-site; the next build replaces it.\n"
#: A site built before the marker existed.
_EARLIER_SITE = Path("assets") / "progress" / "progress.js"


class PublishError(Exception):
    """The site cannot be put where it was asked to go; ``code`` names the message."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, language: str) -> str:
        return render(self.code, language, **self.params)


@dataclass(frozen=True)
class Place:
    """Where a site goes: ``real`` is the folder itself (a symlink followed); ``inside``: staged within it."""

    target: Path
    real: Path
    inside: bool

    @classmethod
    def of(cls, target: Path) -> "Place":
        try:
            real = target.resolve(strict=False) if target.is_symlink() else target.absolute()
        except (RuntimeError, OSError):  # a symlink loop
            raise PublishError("site-bad-link", site=target) from None
        parent = real.parent
        inside = real.is_dir() and (os.path.ismount(real) or (parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK)))
        return cls(target, real, inside)

    @property
    def home(self) -> Path:
        """The folder that holds the staging folder and the lock."""
        return self.real if self.inside else self.real.parent

    def leftovers(self) -> list[Path]:
        """What earlier builds of this site folder left (killed before they could clean up); never another's."""
        mine = re.compile(rf"(?:{re.escape(STAGING_PREFIX)}|{re.escape(OLD_PREFIX)}){re.escape(self.real.name)}-\d+")
        return [p for p in self.home.iterdir() if mine.fullmatch(p.name)]


def check(place: Place, sources: dict[str, Path]) -> None:
    """Refuse a site folder where writing would destroy something. ``sources``: the config file, docs folder and
    data folder (keys as in the message catalogue's words) -> their paths."""
    try:
        real = place.real.resolve()
    except (RuntimeError, OSError):
        raise PublishError("site-bad-link", site=place.target) from None
    for what, path in sources.items():
        source = path.resolve()
        if real == source or real in source.parents:
            raise PublishError("site-holds-sources", site=place.target, what=both(what), path=path)
    docs = sources.get("docs folder")
    if docs is not None and docs.resolve() in real.parents:
        raise PublishError("site-in-docs", site=place.target, path=docs)
    if not real.exists():
        return
    if not real.is_dir():
        raise PublishError("site-not-folder", site=place.target)
    content = sorted(p.name for p in real.iterdir() if not p.name.startswith("."))
    if content and not (real / MARKER).is_file() and not (real / _EARLIER_SITE).is_file():
        shown = "、".join(content[:5]) + ("…" if len(content) > 5 else "")
        raise PublishError("site-not-ours", site=place.target, files=shown)


def _lock(place: Place) -> LockFile:
    """The site's lock, taken (a second build of the same folder is refused at once)."""
    lock = LockFile(place.home / f"{LOCK_PREFIX}{place.real.name}")
    try:
        lock.acquire()
    except Held as exc:
        raise PublishError("site-busy", site=place.target, pid=exc.holder) from None
    return lock


@contextmanager
def publishing(target: Path, sources: dict[str, Path]) -> Iterator[Path]:
    """Check ``target``, lock it and yield a fresh staging folder to build into; when the block ends
    without an exception the staging folder becomes the site, else it is removed and the site stays."""
    place = Place.of(target)
    check(place, sources)
    place.home.mkdir(parents=True, exist_ok=True)
    with _lock(place):
        for path in place.leftovers():  # what a killed build left
            shutil.rmtree(path, ignore_errors=True)
        staging = place.home / f"{STAGING_PREFIX}{place.real.name}-{os.getpid()}"
        staging.mkdir()
        try:
            yield staging
            mark_site(staging)
            if place.inside:
                _swap_entries(staging, place.real)
            else:
                swap_in(staging, place.real)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def mark_site(folder: Path) -> None:
    """Mark ``folder`` as a site a build made (the next build may replace it)."""
    (folder / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result != 0 and ctypes.get_errno() not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))
    return result == 0


def _keep_dotfiles(old: Path, new: Path) -> None:
    """Dotfiles of the old site that the build did not make (``.git``) move into the new one."""
    for path in old.iterdir():
        if path.name.startswith(".") and not (new / path.name).exists():
            path.rename(new / path.name)


def swap_in(staging: Path, target: Path) -> None:
    """Make ``staging`` the site at ``target``; at no moment is there no site or half a site. Afterwards
    ``staging`` holds the previous site (or is gone)."""
    if not target.exists():
        staging.rename(target)
        return
    _keep_dotfiles(target, staging)
    if _exchange(staging, target):
        return
    old = target.parent / f"{OLD_PREFIX}{target.name}-{os.getpid()}"
    target.rename(old)  # two renames: the gap is as short as the file system allows
    staging.rename(target)
    old.rename(staging)


def _swap_entries(staging: Path, site: Path) -> None:
    """Staged inside ``site`` (a mount point): each entry swapped in one step; what the new site does not
    have goes (dotfiles aside). Afterwards ``staging`` holds the previous entries."""
    new = {p.name for p in staging.iterdir()}
    for name in sorted(new):
        source, dest = staging / name, site / name
        if dest.exists() and not _exchange(source, dest):
            aside = staging / f"{OLD_PREFIX}{name}"
            dest.rename(aside)
            source.rename(dest)
        elif not dest.exists():
            source.rename(dest)
    for path in site.iterdir():
        if path.name not in new and not path.name.startswith("."):
            path.rename(staging / f"{OLD_PREFIX}{path.name}")
