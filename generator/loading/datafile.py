"""A data file that is not a table (the bulletin's own words, the boundary): read whole once it is known to be in
the data folder and within its size limit."""

from __future__ import annotations

from pathlib import Path


def file_bytes(loader, path: Path, label: str, limit_mb: int, code: str = "limit-size") -> bytes | None:
    """The bytes of ``path``; None when it is outside the data folder, above ``limit_mb`` (the problem ``code``)
    or unreadable (a problem says which)."""
    if not loader.admitted(path):
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
