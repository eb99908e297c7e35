"""A site photo's web copies: turned as its EXIF orientation says, in sRGB, resized to the sizes measured when it
was loaded (never up), and saved with no metadata at all (no EXIF, GPS, XMP, ICC profile or text). JPEG, or
PNG for a picture with transparency. The same file gives the same bytes."""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageCms, ImageOps

from ..model.photos import Photo, Picture
from ..model.report import Report
from ..reading.images import QUARTER_TURNS

JPEG = {"quality": 82, "progressive": True, "optimize": True}
_SRGB = ImageCms.createProfile("sRGB")


def photo_paths(report: Report) -> dict[str, Photo]:
    """Every web copy's docs-relative path, with the photo it is made from (full size, then thumbnail)."""
    return {picture.path: photo for photos in report.photos.values() for photo in photos
            for picture in (photo.full, photo.thumb)}


def same_copies(old: Photo | None, new: Photo) -> bool:
    """Whether ``old``'s copies are ``new``'s (the same file made into the same sizes, whatever the caption)."""
    return old is not None and (old.sha256, old.full, old.thumb) == (new.sha256, new.full, new.thumb)


def web_copy(photo: Photo, path: str) -> bytes:
    """The bytes of ``photo``'s copy at ``path`` (its full size or its thumbnail)."""
    return _copies(photo)[path]


@functools.lru_cache(maxsize=2)  # a photo's two copies are asked for one after the other
def _copies(photo: Photo) -> dict[str, bytes]:
    with Image.open(photo.source) as image:
        stored = (photo.full.height, photo.full.width) if image.getexif().get(0x0112) in QUARTER_TURNS else (
            photo.full.width, photo.full.height)
        image.draft(None, stored)  # a JPEG decodes at the smallest scale that is still large enough
        image = ImageOps.exif_transpose(image)
        transparent = photo.full.path.endswith(".png")
        image = _srgb(image, "RGBA" if transparent else "RGB")
    full = _resized(image, photo.full)
    copies = {photo.full.path: _encoded(full, transparent)}
    if photo.thumb.path not in copies:  # a small photo's thumbnail is its full copy
        copies[photo.thumb.path] = _encoded(_resized(full, photo.thumb), transparent)
    return copies


def _srgb(image: Image.Image, mode: str) -> Image.Image:
    """The picture in sRGB (through its ICC profile, when it has one that works) and in ``mode``."""
    profile = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):  # 16-bit greyscale: converted as it is, all white
        image = _grey8(image)
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode.endswith("A") else "RGB")
    if profile:
        try:
            image = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(profile)), _SRGB,
                                              outputMode="RGBA" if image.mode == "RGBA" else "RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a damaged profile, or one for other pictures: the pixels as they are
    return image.convert(mode) if image.mode != mode else image


def _grey8(image: Image.Image) -> Image.Image:
    """A 16-bit greyscale picture (a PNG's ``I;16``, or ``I`` holding its 0–65535) as 8-bit greyscale: Pillow's
    own conversion clips every value above 255 to white."""
    import numpy

    values = numpy.asarray(image).astype(numpy.uint32)
    return Image.fromarray((numpy.clip(values, 0, 65535) >> 8).astype(numpy.uint8), "L")


def _resized(image: Image.Image, picture: Picture) -> Image.Image:
    size = (picture.width, picture.height)
    return image if image.size == size else image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encoded(image: Image.Image, png: bool) -> bytes:
    clean = Image.frombytes(image.mode, image.size, image.tobytes())  # pixels only: nothing of the file's info
    out = io.BytesIO()
    if png:
        clean.save(out, "PNG", optimize=True)
    else:
        clean.save(out, "JPEG", **JPEG)
    return out.getvalue()
