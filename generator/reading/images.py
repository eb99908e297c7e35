"""Read a photo enough to know it can be published: it decodes, its size as shown, whether it is transparent.

Nothing is resized here. A file is read once per version (size and modification time), so that preview,
which reads the data folder again after every edit, does not decode every photo again.
"""

from __future__ import annotations

import functools
import hashlib
import io
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..contract.marks import InvalidValue
from ..text.catalogue import both

#: What Pillow may take a file for (a phone's JPEG with a second picture in it opens as JPEG too).
FORMATS = ("JPEG", "PNG")
#: EXIF orientations that turn a picture a quarter: its width and height swap when it is shown.
QUARTER_TURNS = {5, 6, 7, 8}


@dataclass(frozen=True)
class ImageFacts:
    width: int  # as shown, its EXIF orientation applied
    height: int
    transparent: bool  # some pixel is not opaque
    sha256: str


def read_image(path: Path, max_pixels: int) -> ImageFacts:
    """The facts of the image at ``path``; InvalidValue (``photo-unreadable``, ``photo-too-many-pixels``) when it
    cannot be published."""
    stat = path.stat()
    if time.time_ns() - stat.st_mtime_ns < 2 * 10**9:  # written just now: it may change again within the same tick
        return _read.__wrapped__(path, stat.st_size, stat.st_mtime_ns, max_pixels)
    return _read(path, stat.st_size, stat.st_mtime_ns, max_pixels)


@functools.lru_cache(maxsize=65536)
def _read(path: Path, size: int, mtime: int, max_pixels: int) -> ImageFacts:
    data = path.read_bytes()
    try:
        with warnings.catch_warnings():  # a large picture is refused below, not warned about
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
        with image:
            width, height = image.size
            if width * height > max_pixels:
                raise InvalidValue("photo-too-many-pixels", width=width, height=height, limit=max_pixels // 10**6)
            turned = image.getexif().get(0x0112) in QUARTER_TURNS
            image.draft(None, (max(1, width // 8), max(1, height // 8)))  # a JPEG decodes at 1/8 scale: quick
            image.load()  # a damaged or cut-off file fails here
            transparent = _transparent(image)
    except InvalidValue:
        raise
    except UnidentifiedImageError:
        raise InvalidValue("photo-unreadable", reason=both("photo-not-image")) from None
    except Exception as exc:  # noqa: BLE001 - a damaged file can make a decoder raise nearly anything
        raise InvalidValue("photo-unreadable", reason=str(exc) or type(exc).__name__) from None
    return ImageFacts(height if turned else width, width if turned else height, transparent,
                      hashlib.sha256(data).hexdigest())


def _transparent(image: Image.Image) -> bool:
    if image.mode not in ("RGBA", "LA", "PA") and "transparency" not in image.info:
        return False
    alpha = image.convert("RGBA").getchannel("A")
    return alpha.getextrema()[0] < 255
