"""Site photos (data/photos): matched to projects by file name, captioned, checked before anything is written,
published as web copies without metadata, and shown on the project's page."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image

from generator import SiteConfig
from generator.reading import images
from generator.rendering import photos as copies
from generator.rendering.pages import PageMaker
from generator.settings.config import Site
from generator.writing.output import generate, regenerate

from .conftest import load, projects
from .photos import NAME, PROJECT, camera_jpeg, plain_jpeg, png, sample_with_photos
from .sites import run

ROWS = [["ZD03", "重卡整车生产线", "在建", "15.6"], ["ZD03-1", "配套厂房", "在建", "2"], ["ZS11", "<b>招商</b>项目", "在建", "1"]]


@pytest.fixture
def data(site):
    projects(site, ROWS)
    return site / "data" / "photos"


def _site(folder) -> Site:
    config = SiteConfig.from_mapping({}, "zh")
    return Site(config, folder, folder / config.data_dir, "zh")


def _output(folder):
    loaded = load(folder)
    assert loaded.ok, [p.format() for p in loaded.problems.errors]
    return loaded.report, generate(loaded.report, _site(folder))


def _image(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def _codes(loaded) -> list[tuple[str, str, str]]:
    return [(p.code, p.severity.value, p.format()) for p in loaded.problems.sorted()]


def test_a_phone_photo_is_turned_resized_and_stripped_of_everything_but_its_pixels(site, data):
    camera_jpeg(data / "ZD03.jpg")  # 4000 x 3000 as stored, to be turned a quarter (orientation 6), with GPS
    report, output = _output(site)
    [photo] = report.photos["ZD03"]
    assert (photo.full.path, photo.thumb.path) == ("photos/ZD03.jpg", "photos/ZD03.thumb.jpg")
    assert (photo.full.width, photo.full.height, photo.thumb.width, photo.thumb.height) == (1200, 1600, 480, 640)
    for path, size in (("photos/ZD03.jpg", (1200, 1600)), ("photos/ZD03.thumb.jpg", (480, 640))):
        image = _image(output.files[path])
        assert image.format == "JPEG" and image.mode == "RGB" and image.size == size  # turned: upright now
        assert image.info.get("progressive") == 1
        assert len(image.getexif()) == 0 and "exif" not in image.info  # no orientation, camera or GPS left
        assert not {"icc_profile", "xmp", "XML:com.adobe.xmp", "photoshop", "comment"} & set(image.info)
        assert b"secret-city" not in output.files[path] and b"PhoneMaker" not in output.files[path]
        top, bottom = image.getpixel((size[0] // 2, 5)), image.getpixel((size[0] // 2, size[1] - 5))
        assert top[0] > 180 > top[2] and bottom[2] > 180 > bottom[0]  # the stored left (red) is shown on top


def test_the_same_file_gives_the_same_bytes(site, data, tmp_path):
    camera_jpeg(data / "ZD03.jpg")
    png(data / "ZD03-1.png")
    _, first = _output(site)
    made = {p: first.files[p] for p in first.files if p.startswith("photos/")}
    copies._copies.cache_clear()
    images._read.cache_clear()
    other = tmp_path / "elsewhere"
    shutil.copytree(site / "data", other / "data")
    _, second = _output(other)
    assert {p: second.files[p] for p in second.files if p.startswith("photos/")} == made
    assert set(made) == {"photos/ZD03.jpg", "photos/ZD03.thumb.jpg", "photos/ZD03-1.png", "photos/ZD03-1.thumb.png"}


def test_small_photos_are_never_made_larger_and_only_transparent_pngs_stay_png(site, data):
    plain_jpeg(data / "ZS11_a.jpeg", size=(500, 300))
    png(data / "ZS11_b.png", size=(300, 200), transparent=True)
    png(data / "ZS11_c.png", size=(2000, 1000), transparent=False)
    report, output = _output(site)
    a, b, c = report.photos["ZS11"]
    assert a.thumb == a.full and (a.full.width, a.full.height) == (500, 300)  # its own thumbnail
    assert _image(output.files[a.full.path]).size == (500, 300)
    assert b.full.path == "photos/ZS11_b.png" and _image(output.files[b.full.path]).mode == "RGBA"
    assert c.full.path == "photos/ZS11_c.jpg" and _image(output.files[c.full.path]).format == "JPEG"
    assert _image(output.files[c.thumb.path]).size == (640, 320) and max(_image(output.files[c.full.path]).size) == 1600


def test_a_photo_goes_to_the_longest_id_its_name_starts_with(site, data):
    for name in ("ZD03.jpg", "ZD03-2.jpg", "ZD03_10.jpg", "zd03.3.jpg", "ZD03-1.jpg", "ZD03-1-2.jpg", "ZD030.jpg"):
        plain_jpeg(data / name)
    loaded = load(site)
    got = {pid: [p.name for p in ps] for pid, ps in loaded.report.photos.items()}
    assert got == {"ZD03": ["ZD03.jpg", "ZD03-2.jpg", "zd03.3.jpg", "ZD03_10.jpg"], "ZD03-1": ["ZD03-1.jpg", "ZD03-1-2.jpg"]}
    [unknown] = [p for p in loaded.problems.problems if p.code == "photo-project-unknown"]
    assert unknown.severity.value == "warning"
    assert "ZD030.jpg" in unknown.format() and "“ZD03”" in unknown.format()  # the file, and the closest id


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
@pytest.mark.parametrize("header", [("文件名", "说明"), ("File", "Caption")])
def test_captions_come_from_captions_csv_in_any_encoding(site, data, encoding, header):
    plain_jpeg(data / "ZD03.jpg")
    plain_jpeg(data / "ZD03-2.jpg")
    plain_jpeg(data / "ZD03-3.jpg")
    rows = [",".join(header), "ZD03.jpg,总装车间主体完工", "zd03-3,“钢结构”吊装", "ZD09.jpg,不存在的照片"]
    (data / "captions.csv").write_bytes("\r\n".join(rows).encode(encoding))
    loaded = load(site)
    assert [p.caption for p in loaded.report.photos["ZD03"]] == ["总装车间主体完工", None, "“钢结构”吊装"]
    assert [(c, s) for c, s, _ in _codes(loaded)] == [("photo-caption-unknown", "warning")]
    [(_, _, line)] = _codes(loaded)
    assert line.startswith(f"data/photos/captions.csv:4: {header[0]}: ") and "ZD09.jpg" in line
    assert [s.table for s in loaded.report.sources] == ["projects"]  # captions.csv is no table


def test_the_project_page_shows_thumbnails_linked_to_full_size_with_captions(site, data):
    camera_jpeg(data / "ZD03.jpg")
    plain_jpeg(data / "ZD03-2.jpg")
    plain_jpeg(data / "ZS11.jpg")
    (data / "captions.csv").write_text("文件名,说明\nZD03.jpg,总装车间 <b>主体</b> [完工](javascript:x)\n", encoding="utf-8")
    _, output = _output(site)
    page = output.files["projects/ZD03.md"]
    assert "\n## 现场照片\n" in page and '<div class="ps-photos" markdown>' in page
    caption = "总装车间 &#60;b&#62;主体&#60;&#47;b&#62; &#91;完工&#93;&#40;javascript&#58;x&#41;"
    assert (f'[![{caption}](../photos/ZD03.thumb.jpg){{ width="480" height="640" loading="lazy" }}]'
            "(../photos/ZD03.jpg)") in page
    assert f"<figcaption>{caption}</figcaption>" in page
    assert ('[![重卡整车生产线 现场照片 2](../photos/ZD03-2.thumb.jpg){ width="640" height="480" loading="lazy" }]'
            "(../photos/ZD03-2.jpg)") in page
    assert page.count("<figcaption>") == 1
    # a name from the data is shown literally in the alt text
    assert "&#60;b&#62;招商&#60;&#47;b&#62;项目 现场照片 1" in output.files["projects/ZS11.md"]
    assert "现场照片" not in output.files["projects/ZD03-1.md"]


@pytest.mark.parametrize("damage", ["cut off", "not an image"])
def test_a_damaged_photo_is_an_error_that_names_the_file(site, data, damage):
    whole = camera_jpeg(data / "source.tmp", size=(1200, 900)).read_bytes()
    (data / "source.tmp").unlink()
    (data / "ZD03-9.jpg").write_bytes(whole[: len(whole) // 2] if damage == "cut off" else b"GIF89a not really")
    loaded = load(site)
    assert not loaded.ok
    [(code, severity, line)] = _codes(loaded)
    assert (code, severity) == ("photo-unreadable", "error") and line.startswith("data/photos/ZD03-9.jpg: ")


def test_too_large_photos_are_errors_before_anything_is_decoded(site, data):
    data.mkdir(parents=True)
    Image.new("1", (8000, 6500)).save(data / "ZD03-big.png")  # 52 megapixels, a small file
    heavy = plain_jpeg(data / "ZD03-heavy.jpg")
    with heavy.open("ab") as f:
        f.truncate(41 * 2**20)
    loaded = load(site)
    assert [(c, s) for c, s, _ in _codes(loaded)] == [("photo-too-many-pixels", "error"), ("photo-too-large", "error")]
    lines = [line for *_, line in _codes(loaded)]
    assert "data/photos/ZD03-big.png" in lines[0] and "8000×6500" in lines[0] and "50" in lines[0]
    assert "data/photos/ZD03-heavy.jpg" in lines[1] and "41 MB" in lines[1]


def test_other_files_in_the_folder_are_named_or_passed_over(site, data):
    plain_jpeg(data / "ZD03.jpg")
    for name in ("ZD03-2.heic", "Thumbs.db", ".DS_Store", "~$captions.csv"):
        (data / name).write_bytes(b"x")
    (data / "old").mkdir()
    loaded = load(site)
    assert [(c, line.split(":")[0]) for c, _, line in _codes(loaded)] == [("photo-format", "data/photos/ZD03-2.heic")]
    assert [p.name for p in loaded.report.photos["ZD03"]] == ["ZD03.jpg"]


def test_the_photos_folder_is_not_taken_for_the_table_of_an_office_spreadsheet(site):
    projects(site, ROWS)
    (site / "data" / "projects.csv").rename(site / "data" / "2024年重点项目.csv")
    plain_jpeg(site / "data" / "photos" / "ZD03.jpg")
    (site / "data" / "photos" / "captions.csv").write_text("文件名,说明\nZD03.jpg,车间\n", encoding="utf-8")
    loaded = load(site)
    assert loaded.ok and [s.label for s in loaded.report.sources] == ["data/2024年重点项目.csv"]
    assert loaded.report.photos["ZD03"][0].caption == "车间"


def test_preview_remakes_a_page_whose_photos_changed_and_a_copy_whose_file_changed(site, data):
    plain_jpeg(data / "ZD03.jpg")
    plain_jpeg(data / "ZS11.jpg")
    report, old = _output(site)
    built = {path: old.files[path] for path in old.files}  # as a build reads them
    (data / "captions.csv").write_text("文件名,说明\nZD03.jpg,新说明\n", encoding="utf-8")
    plain_jpeg(data / "ZS11.jpg", colour=(200, 200, 0))
    new_report = load(site).report
    contexts = PageMaker(new_report).project_contexts()
    assert dict(contexts["projects/ZD03.md"].values)["photos"] == new_report.photos["ZD03"]
    assert contexts["projects/ZD03.md"] != PageMaker(report).project_contexts()["projects/ZD03.md"]
    new, changed = regenerate(old, new_report, _site(site))
    assert "projects/ZD03.md" in changed and "新说明" in new.files["projects/ZD03.md"]
    assert "photos/ZD03.jpg" not in changed and new.files["photos/ZD03.jpg"] is built["photos/ZD03.jpg"]
    assert "photos/ZS11.jpg" in changed and "projects/ZS11.md" not in changed  # same size: the page is the same


def test_a_built_site_has_the_photos_and_its_project_page_shows_them(tmp_path):
    site = sample_with_photos(tmp_path / "s")
    run("build", "--strict", "-d", tmp_path / "out", cwd=site)
    out = tmp_path / "out"
    built = {p.name: Image.open(p).size for p in (out / "photos").iterdir()}
    assert built == {"ZD03.jpg": (1200, 1600), "ZD03.thumb.jpg": (480, 640), "ZD03-2.jpg": (900, 300),
                     "ZD03-2.thumb.jpg": (640, 213)}  # the opaque PNG published as JPEG
    html = (out / "projects" / PROJECT / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../photos/ZD03.jpg"><img alt="总装车间主体完工" height="640" loading="lazy" ' \
           'src="../../photos/ZD03.thumb.jpg" width="480" /></a>' in html
    assert f'<img alt="{NAME} 现场照片 2" height="213" loading="lazy" src="../../photos/ZD03-2.thumb.jpg" width="640" />' in html
    assert "<figcaption>总装车间主体完工</figcaption>" in html and 'markdown="' not in html and "![" not in html


def test_the_export_carries_the_photos_and_the_markdown_they_need(tmp_path):
    site = sample_with_photos(tmp_path / "s")
    run("generate", "--out", tmp_path / "project", cwd=site)
    project = tmp_path / "project"
    assert (project / "docs" / "photos" / "ZD03.thumb.jpg").is_file()
    assert '"hooks/photos.py"' in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "md_in_html" in (project / "hooks" / "photos.py").read_text(encoding="utf-8")


def test_a_16_bit_greyscale_png_keeps_its_greys(site, data):
    """It was published as a blank white picture: Pillow's conversion clips each 16-bit value to 255."""
    import numpy

    data.mkdir(parents=True, exist_ok=True)
    ramp = numpy.tile(numpy.linspace(0, 65535, 400).astype(numpy.uint16), (300, 1))
    Image.fromarray(ramp).save(data / "ZD03.png")
    assert Image.open(data / "ZD03.png").mode.startswith("I")
    report, output = _output(site)
    [photo] = report.photos["ZD03"]
    image = _image(output.files[photo.full.path]).convert("L")
    assert image.size == (400, 300)
    left, middle, right = (image.getpixel((x, 150)) for x in (2, 200, 397))
    assert left < 10 and 115 < middle < 140 and right > 245
