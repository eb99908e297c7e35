"""The data folder's own files: what may be read (what is in the folder, or what ``outside_files`` lets in), a file
that is not a table read whole within its limit, and the spreadsheets nothing took, each said."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..reading.inside import outside
from ..reading.oc4ids import is_package
from ..reading.records import records_of
from ..reading.sources import SPREADSHEETS


def admitted(loader, path: Path) -> bool:
    """Whether ``path`` may be read: it is in the data folder, or the ``outside_files`` setting lets it be read
    from where a link or a path setting leads (the methodology page then says so). Else an error names it.
    Either way a file of the folder is taken as considered (:func:`report_unread`)."""
    folder = loader.site.data_dir
    if path.parent == folder:
        loader.considered.add(path.name.casefold())
    elif path.is_relative_to(folder):  # a file a setting names in a subfolder (files.projects.path: 2025/项目.xlsx)
        loader.considered.add(path.relative_to(folder).as_posix().casefold())
    where = outside(folder, path)
    if where is None:
        return True
    if loader.config.outside_files:
        loader.outside.add(path)
        return True
    loader.log.add("file-outside", file=loader.label(path), target=str(where))
    return False


def file_bytes(loader, path: Path, label: str, limit_mb: int, code: str = "limit-size") -> bytes | None:
    """The bytes of a file that is not a table (the bulletin's own words, the boundary); None when it is outside
    the data folder, above ``limit_mb`` (the problem ``code``) or unreadable (a problem says which)."""
    if not admitted(loader, path):
        return None
    try:
        size = path.stat().st_size
        if size > limit_mb * 2**20:
            loader.log.add(code, file=label, size=f"{size / 2**20:.0f}", limit=limit_mb)
            return None
        return path.read_bytes()
    except OSError as exc:
        loader.log.add("file-unreadable", file=label, reason=exc.strerror or str(exc))
        return None


#: The project's own notes beside the data, never data.
OWN_NOTES = ("readme.md", "dictionary.md", "dictionary.en.md", "progress.yml")  # progress.yml: a place folder's settings (rollup.py)
#: The folder of project photos, in the data folder (read by :mod:`.photos`).
PHOTOS = "photos"


def report_unread(loader) -> None:
    """Every file of the data folder that nothing took, so that none is passed over in silence: a spreadsheet is an
    error (an office's earlier month, a second workbook, an .xls beside the .xlsx); spreadsheets in a subfolder a
    warning (only the folder's own are read); any other file (a Word note, a PDF) a note naming it."""
    folder = loader.site.data_dir
    if not folder.is_dir():
        return
    others = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "~$")) or path.name.casefold() in loader.considered or path.name == PHOTOS:
            continue
        if path.is_dir():
            nested = [p for p in path.rglob("*") if p.suffix.lower() in SPREADSHEETS and not p.name.startswith((".", "~$"))
                      and p.relative_to(folder).as_posix().casefold() not in loader.considered]
            if nested:
                loader.log.add("folder-nested", file=loader.label(path), count=len(nested))
        elif path.suffix.lower() in SPREADSHEETS:
            loader.log.add("file-unread", file=loader.label(path))
        elif path.name.casefold() not in OWN_NOTES:
            others.append(path.name)
    if others:
        loader.log.add("folder-others", file=loader.label(folder), files=others)


def json_tables(loader) -> tuple[list[Path], list[Path]]:
    """The data folder's JSON files that hold projects, by their content: OC4IDS project packages (a list of projects
    and a version), and files of plain records. A boundary's GeoJSON or TopoJSON, which may be large, is told by its
    first bytes and not parsed here. Found once per load."""
    if loader.json_tables is not None:
        return loader.json_tables
    folder, packages, records = loader.site.data_dir, [], []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            with path.open("rb") as file:
                head = file.read(1 << 12)
            if _GEO.search(head):
                continue
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (ValueError, OSError):
            continue
        if is_package(data):
            packages.append(path)
        elif records_of(data) is not None:
            records.append(path)
    loader.json_tables = (packages, records)
    return loader.json_tables


#: How a GeoJSON or TopoJSON file begins: its type, in its first bytes.
_GEO = re.compile(rb'"type"\s*:\s*"(?:FeatureCollection|Feature|Topology|GeometryCollection)"')
