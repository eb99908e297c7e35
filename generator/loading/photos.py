"""Site photos in the data folder: ``photos/<project id>….jpg|jpeg|png``, each given to the project whose id its
name starts with, checked (it opens, it is not too big), captioned from ``photos/captions.csv`` and measured for
its web copies. Nothing is resized or written here (see :mod:`..rendering.photos`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from ..contract.marks import InvalidValue
from ..contract.schema import normalize_header
from ..model.photos import FULL_SIDE, THUMB_SIDE, Photo, Picture, fitted
from ..reading.images import read_image
from ..reading.sources import read_sheet
from ..text.catalogue import both
from .cells import as_text, safe_id
from .folder import PHOTOS, admitted

FOLDER = PHOTOS  # in the data folder, and in the site
CAPTIONS = "captions.csv"
SUFFIXES = (".jpg", ".jpeg", ".png")
#: Files a folder of photos holds besides them, passed over without a word.
SKIPPED = {CAPTIONS, "thumbs.db", "desktop.ini"}
MAX_MB = 40
MAX_PIXELS = 50_000_000
FILE_HEADERS = ("文件名", "文件", "照片", "图片", "file", "filename", "file name", "photo")
CAPTION_HEADERS = ("说明", "照片说明", "图片说明", "标题", "caption", "description", "title")
_SEPARATORS = "-_."


def load_photos(loader, ids: Iterable[str]) -> dict[str, tuple[Photo, ...]]:
    """The photos of each project (by id), in the order of their file names; problems go to ``loader.log``."""
    folder = loader.site.data_dir / FOLDER
    if not folder.is_dir() or not admitted(loader, folder):
        return {}
    ids = list(ids)
    files = sorted((p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))
                    and p.name.casefold() not in SKIPPED), key=_natural)
    captions = read_captions(loader, folder / CAPTIONS, [p.name for p in files])
    by_folded: dict[str, list[str]] = {}
    for pid in ids:
        by_folded.setdefault(pid.casefold(), []).append(pid)
    found: dict[str, list[Photo]] = {}
    taken: set[str] = set()
    for path in files:
        label = loader.label(path)
        if path.suffix.lower() not in SUFFIXES:
            loader.log.add("photo-format", file=label)
            continue
        pid = project_of(path.stem, by_folded)
        if pid is None:
            close = difflib.get_close_matches(path.stem, ids, n=1, cutoff=0)
            loader.log.add("photo-project-unknown", file=label,
                           hint=both("did-you-mean-project", name=close[0]) if close else "")
            continue
        if not admitted(loader, path):
            continue
        photo = _measure(loader, path, label, pid, captions.get(path.name.casefold()), taken)
        if photo is not None:
            found.setdefault(pid, []).append(photo)
    return {pid: tuple(photos) for pid, photos in found.items()}


def project_of(stem: str, by_folded: dict[str, list[str]]) -> str | None:
    """The longest id (case aside) that ``stem`` starts with, followed by its end, ``-``, ``_`` or ``.``."""
    folded = stem.casefold()
    ends = [i for i, c in enumerate(folded) if c in _SEPARATORS] + [len(folded)]
    for end in reversed(ends):
        ids = by_folded.get(folded[:end])
        if ids:
            return next((i for i in ids if stem.startswith(i)), ids[0])
    return None


def _measure(loader, path: Path, label: str, pid: str, caption: str | None, taken: set[str]) -> Photo | None:
    try:
        size = path.stat().st_size
        if size > MAX_MB * 2**20:
            loader.log.add("photo-too-large", file=label, size=f"{size / 2**20:.0f}", limit=MAX_MB)
            return None
        facts = read_image(path, MAX_PIXELS)
    except InvalidValue as exc:
        loader.log.add(exc.code, file=label, **exc.params)
        return None
    except OSError as exc:
        loader.log.add("file-unreadable", file=label, reason=exc.strerror or str(exc))
        return None
    suffix = ".png" if facts.transparent else ".jpg"
    stem = _output_stem(path.stem, pid, facts.sha256, taken)
    full = fitted(facts.width, facts.height, FULL_SIDE)
    thumb = fitted(facts.width, facts.height, THUMB_SIDE)
    thumb_path = f"{FOLDER}/{stem}{suffix}" if thumb == full else f"{FOLDER}/{stem}.thumb{suffix}"  # small: one copy
    return Photo(pid, path.name, path, facts.sha256, caption, Picture(f"{FOLDER}/{stem}{suffix}", *full),
                 Picture(thumb_path, *thumb))


def _output_stem(stem: str, pid: str, sha256: str, taken: set[str]) -> str:
    """The file's own name when it is safe in an address and not taken (case aside, as some disks compare
    names), else one made from the project's id and the file's checksum."""
    candidate = stem if safe_id(stem) and not stem.casefold().endswith(".thumb") else f"{pid}-{sha256[:10]}"
    if candidate.casefold() in taken:
        candidate = f"{pid}-{sha256[:10]}"
    base, n = candidate, 2
    while candidate.casefold() in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate.casefold())
    return candidate


def read_captions(loader, path: Path, present: list[str]) -> dict[str, str]:
    """Captions by file name (case aside) from ``captions.csv``: a column of file names (文件名/file) and one
    of captions (说明/caption), in any encoding the tables may be in. A caption for a file that is not there
    is a warning."""
    if not path.is_file() or not admitted(loader, path):
        return {}
    label = loader.label(path)
    try:
        sheet = read_sheet(path, label, "captions", loader.config.encoding, limits=loader.config.limits)
    except InvalidValue as exc:
        loader.log.add(exc.code, file=label, **exc.params)
        return {}
    files = {normalize_header(h) for h in FILE_HEADERS}
    texts = {normalize_header(h) for h in CAPTION_HEADERS}
    header = next(((i, number, cells) for i, (number, cells) in enumerate(sheet.rows[:10])
                   if any(c is not None and normalize_header(c) in files for c in cells)), None)
    if header is None:
        loader.log.add("column-missing", file=label, row=sheet.rows[0][0] if sheet.rows else None,
                       field=both("photo-file-column"), accepted=list(FILE_HEADERS))
        return {}
    index, number, cells = header
    shown = [normalize_header(c) if c is not None else "" for c in cells]
    file_col = next(i for i, c in enumerate(shown) if c in files)
    text_col = next((i for i, c in enumerate(shown) if c in texts), None)
    if text_col is None:
        loader.log.add("column-missing", file=label, row=number, field=both("photo-caption-column"),
                       accepted=list(CAPTION_HEADERS))
        return {}
    names = {n.casefold(): n for n in present}
    stems: dict[str, list[str]] = {}
    for n in present:
        stems.setdefault(Path(n).stem.casefold(), []).append(n.casefold())
    captions: dict[str, str] = {}
    for row, row_cells in sheet.rows[index + 1:]:
        name = as_text(row_cells[file_col]) if file_col < len(row_cells) else None
        text = as_text(row_cells[text_col]) if text_col < len(row_cells) else None
        if not name:
            continue
        key = name.strip().casefold()
        if key not in names and len(stems.get(key, ())) == 1:  # the name without its extension
            key = stems[key][0]
        if key not in names:
            close = difflib.get_close_matches(name.strip(), present, n=1)
            loader.log.add("photo-caption-unknown", file=label, row=row, column=str(cells[file_col]),
                           value=name.strip(), hint=both("did-you-mean-project", name=close[0]) if close else "")
            continue
        if text and text.strip():
            captions.setdefault(key, text.strip())
    return captions


def _natural(path: Path) -> tuple:
    """File names in the order people number them: ZD03, ZD03-2, ZD03-10."""
    def key(text: str) -> list:
        return [int(t) if i % 2 else t for i, t in enumerate(re.split(r"([0-9]+)", text.casefold()))]
    return key(path.stem), path.suffix.casefold()
