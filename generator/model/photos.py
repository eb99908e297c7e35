"""A project's site photo as it is published: where it comes from, its caption, and its two web copies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: The longest side, in pixels, of a photo's full copy and of its thumbnail on the project page.
FULL_SIDE = 1600
THUMB_SIDE = 640


@dataclass(frozen=True)
class Picture:
    """One web copy: its docs-relative path and its size in pixels."""

    path: str  # e.g. photos/ZD03-1.jpg
    width: int
    height: int


@dataclass(frozen=True)
class Photo:
    """A photo of a project's site. Equal photos make equal copies (the file's checksum is part of it)."""

    project_id: str
    name: str  # the file's name in the photos folder
    source: Path
    sha256: str
    caption: str | None
    full: Picture
    thumb: Picture


def fitted(width: int, height: int, longest: int) -> tuple[int, int]:
    """``width`` x ``height`` scaled down so that its longest side is at most ``longest`` (never up)."""
    side = max(width, height)
    if side <= longest:
        return width, height
    return max(1, round(width * longest / side)), max(1, round(height * longest / side))
