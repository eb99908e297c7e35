"""Whether a file read for a site is in its data folder: what a symbolic link, ``../`` or an absolute path
setting makes of it, resolved before anything is read."""

from __future__ import annotations

from pathlib import Path


def outside(folder: Path, path: Path) -> Path | None:
    """Where ``path`` really is when that is outside ``folder`` (a link out of it, a path setting that leaves
    it); None when it is inside."""
    real, root = path.resolve(), folder.resolve()
    return None if real == root or real.is_relative_to(root) else real
