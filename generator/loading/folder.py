"""The data folder's own files: what may be read (what is in the folder, or what ``outside_files`` lets in), a file
that is not a table read whole within its limit, and the spreadsheets nothing took, each said."""

from __future__ import annotations

from pathlib import Path

from ..reading.inside import outside
from ..reading.sources import SPREADSHEETS


def admitted(loader, path: Path) -> bool:
    """Whether ``path`` may be read: it is in the data folder, or the ``outside_files`` setting lets it be read
    from where a link or a path setting leads (the methodology page then says so). Else an error names it.
    Either way a file of the folder is taken as considered (:func:`report_unread`)."""
    folder = loader.site.data_dir
    if path.parent == folder:
        loader.considered.add(path.name.casefold())
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


def report_unread(loader) -> None:
    """Each spreadsheet of the data folder that no table took: an error, so that no file is passed over in
    silence (an office's earlier month, a second workbook, an .xls beside the .xlsx)."""
    folder = loader.site.data_dir
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if (path.suffix.lower() in SPREADSHEETS and path.is_file() and not path.name.startswith((".", "~$"))
                and path.name.casefold() not in loader.considered):
            loader.log.add("file-unread", file=loader.label(path))
