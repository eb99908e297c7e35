"""Helpers that write real data folders (CSV in each encoding, .xlsx, .xls, .ods) and load them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from generator import SiteConfig, load_report
from generator.settings.config import Site

from . import books

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: Every file form the data contract promises: CSV in each encoding, and .xlsx, .xls, .xlsb and .ods workbooks.
BOOK_FORMATS = ("xlsx", "xls", "xlsb", "ods")
FORMATS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "xlsx", "xls", "xlsb", "ods"]


def write_table(folder: Path, stem: str, rows, fmt: str = "utf-8", delimiter: str = ",") -> Path:
    """Write ``rows`` as ``folder/stem.csv`` in encoding ``fmt``, or as a workbook when fmt is xlsx, xls, xlsb or ods."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt in BOOK_FORMATS:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = stem
        for row in rows:
            sheet.append(list(row))
        path = folder / f"{stem}.{fmt}"
        if fmt == "xlsx":
            book.save(path)
        else:
            {"xls": books.save_xls, "xlsb": books.save_xlsb, "ods": books.save_ods}[fmt](book, path)
        return path
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path = folder / f"{stem}.csv"
    path.write_bytes(buffer.getvalue().encode(fmt))
    return path


def suffix(fmt: str) -> str:
    """The file suffix :func:`write_table` gives a format."""
    return fmt if fmt in BOOK_FORMATS else "csv"


def load(folder: Path, settings: dict | None = None, language: str = "zh"):
    """Load ``folder/data`` with the given plugin settings."""
    config = SiteConfig.from_mapping(settings or {}, language)
    return load_report(Site(config, folder, folder / config.data_dir, language))


def lines(loaded, language: str = "zh") -> list[str]:
    """Every problem as ``file:row: column: message``, errors first."""
    return [p.format(language) for p in loaded.problems.sorted()]


@pytest.fixture
def site(tmp_path, monkeypatch):
    """An empty site folder, made the working folder so problems name ``data/...``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(params=FORMATS)
def fmt(request):
    return request.param


PROJECT_HEADER = ["项目编号", "项目名称", "建设状态", "计划总投资（亿元）"]


def projects(folder: Path, rows, header=PROJECT_HEADER, fmt: str = "utf-8", **kw) -> Path:
    return write_table(folder / "data", "projects", [header, *rows], fmt, **kw)


# Sites many tests read, built once per run (see shared.py): the sample, the hostile site, a large site, and
# the two examples.

@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site built with --strict; its log is ``build.log`` beside it."""
    from .shared import once
    from .sites import run

    def make(folder: Path) -> None:
        result = run("build", "--strict", "-d", folder / "site")
        (folder / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return once(tmp_path_factory, "sample", make) / "site"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The site whose every text carries a payload (``sites.build_hostile``); its source is ``../s``."""
    from .shared import once
    from .sites import build_hostile

    return once(tmp_path_factory, "hostile", build_hostile) / "out"


@pytest.fixture(scope="session")
def large_site(tmp_path_factory) -> Path:
    """A new site with 300 synthetic projects (large enough that its page worker is still at work when a signal
    comes): its source folder; ``../built`` is it built."""
    from generator.starter.synth import make as synthesize

    from .shared import once
    from .sites import run

    def make(root: Path) -> None:
        run("new", root / "s")
        for old in (root / "s" / "data").iterdir():
            old.unlink()
        synthesize(root / "s" / "data", projects=300, clusters=8, periods=6)
        run("build", "-d", root / "built", cwd=root / "s")
    return once(tmp_path_factory, "large", make) / "s"


@pytest.fixture(scope="session")
def district_site(tmp_path_factory) -> Path:
    """examples/district-monthly built with --strict; its log is ``build.log`` beside it."""
    from .shared import once
    from .sites import run

    def make(folder: Path) -> None:
        result = run("build", "--strict", "-d", folder / "site", cwd=ROOT / "examples" / "district-monthly")
        (folder / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return once(tmp_path_factory, "district", make) / "site"


NYC_DATA = SHARED / "realdata" / "nyc-capital-projects"


@pytest.fixture(scope="session")
def nyc_site(tmp_path_factory) -> Path:
    """examples/nyc-capital-projects built from the real data in ../shared; its log is ``build.log`` beside it."""
    from .shared import once
    from .sites import run

    if not NYC_DATA.is_dir():
        pytest.skip(f"{NYC_DATA} is not present")

    def make(folder: Path) -> None:
        result = run("build", "-f", ROOT / "examples" / "nyc-capital-projects" / "mkdocs.yml", "--data", NYC_DATA,
                     "-d", folder / "site")
        (folder / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return once(tmp_path_factory, "nyc", make) / "site"
