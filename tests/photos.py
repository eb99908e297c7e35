"""Real photo files for tests: JPEGs as phones and cameras write them (EXIF orientation, GPS, an ICC profile, XMP),
PNGs with and without transparency, and a sample site that has some."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

from .sites import copy_sample

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="secret-city"/>'
       b'</rdf:RDF></x:xmpmeta>')
#: The photo the sample site gets, and its project.
PROJECT, NAME = "ZD03", "xx能重卡整车生产线项目"


def camera_jpeg(path: Path, size=(4000, 3000), orientation: int = 6, gps: bool = True) -> Path:
    """A JPEG as a phone writes it: its left half red and its right half blue as stored, turned by ``orientation``
    when shown, with the place it was taken (GPS), the phone's name, an sRGB profile and XMP."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (0, 0, 230))
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2, size[1]), fill=(230, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Phone 12"
    if gps:
        place = exif.get_ifd(0x8825)
        place.update({1: "N", 2: (30.0, 15.0, 12.5), 3: "E", 4: (120.0, 10.0, 5.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", quality=90, exif=exif.tobytes(), icc_profile=icc, xmp=XMP)
    return path


def plain_jpeg(path: Path, size=(800, 600), colour=(40, 160, 60)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "JPEG", quality=85)
    return path


def png(path: Path, size=(900, 300), transparent: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", size, (200, 30, 30, 120 if transparent else 255)).save(path, "PNG")
    return path


def sample_with_photos(dest: Path) -> Path:
    """The sample site copied to ``dest``, with a phone's photo of project ZD03 (captioned) and a PNG of it."""
    site = copy_sample(dest)
    photos = site / "data" / "photos"
    camera_jpeg(photos / f"{PROJECT}.jpg")
    png(photos / f"{PROJECT}-2.png", transparent=False)
    (photos / "captions.csv").write_bytes("文件名,说明\nZD03.jpg,总装车间主体完工\n".encode("gbk"))
    return site
