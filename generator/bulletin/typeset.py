"""The bulletin as an A4 PDF, set by Typst (in-process, no browser): CJK fonts embedded (subset), charts as
vector graphics, the same bytes for the same data (the document's date is the as-of date, not the clock).

Typst was chosen by measuring it against WeasyPrint on the bulletin's long tables (``benchmarks/bulletin_engines.py``)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .document import Bulletin

#: Where operating systems keep CJK fonts (Debian's fonts-noto-cjk first; Windows' own folder and the one
#: for fonts a user installed; macOS'); a setting can name others.
FONT_FOLDERS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts/google-noto-cjk",
                "/usr/share/fonts/opentype/source-han-sans", "/usr/share/fonts/truetype/wqy",
                "/System/Library/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts",
                os.path.join(os.environ.get("WINDIR", "C:/Windows"), "Fonts"),
                os.path.join(os.environ.get("LOCALAPPDATA", "~/AppData/Local"), "Microsoft", "Windows", "Fonts"))
SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Serif SC")
SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
        "Noto Sans SC", "WenQuanYi Micro Hei")


class FontsMissing(LookupError):
    """No CJK font in the folders searched."""

    def __init__(self, folders: list[str]):
        self.folders = folders
        super().__init__(", ".join(folders))


@dataclass(frozen=True)
class Fonts:
    folders: tuple[str, ...]
    serif: str
    sans: str


_started = False


def started() -> bool:
    """Whether this process has run Typst's compiler, whose thread pool a forked process would inherit without
    its threads (a worker forked from here would wait for them forever)."""
    return _started


def _compile(*args, **kwargs):
    """``typst.compile``, remembered by :func:`started`."""
    global _started
    import typst

    _started = True
    return typst.compile(*args, **kwargs)


def find_fonts(folders: Iterable[str] = ()) -> Fonts:
    """The serif and sans families to set the bulletin in, from ``folders`` (a setting) or the usual places.
    Only these folders are read (not every font of the machine), so what is embedded does not depend on
    what else happens to be installed."""
    return _find_fonts(tuple(folders))


@functools.lru_cache(maxsize=8)  # a preview asks again on every edit
def _find_fonts(folders: tuple[str, ...]) -> Fonts:
    import typst

    searched = [str(Path(f).expanduser()) for f in folders or FONT_FOLDERS]
    present = tuple(f for f in searched if os.path.isdir(f))
    families = set(typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                               font_paths=list(present)).families()) if present else set()
    serif = next((f for f in SERIF if f in families), None)
    sans = next((f for f in SANS if f in families), None)
    if serif is None and sans is None:
        raise FontsMissing(searched)
    return Fonts(present, serif or sans, sans or serif)


def template() -> bytes:
    return (resources.files("generator.bulletin") / "templates" / "bulletin.typ").read_bytes()


def pdf(bulletin: Bulletin, fonts: Fonts) -> bytes:
    """The bulletin as PDF bytes."""
    stamp = dt.datetime.combine(bulletin.as_of or dt.date(2000, 1, 1), dt.time(), tzinfo=dt.timezone.utc)
    inputs = {"bulletin": json.dumps(bulletin.data(), ensure_ascii=False), "serif": fonts.serif, "sans": fonts.sans}
    tagged = _compile(template(), font_paths=list(fonts.folders), ignore_system_fonts=True, sys_inputs=inputs,
                           timestamp=stamp)
    return compact(tagged)


def compact(pdf: bytes) -> bytes:
    """``pdf`` with its objects packed into compressed object streams (qpdf, through pikepdf). Typst writes
    the structure tags that make the PDF readable by screen readers as loose objects, one per table cell:
    a province's bulletin is then ten times the size; packed, about twice that of an untagged one."""
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 deterministic_id=True, linearize=False)
    return out.getvalue()


def pngs(bulletin: Bulletin, fonts: Fonts, ppi: float = 72, pages: int = 1) -> list[bytes]:
    """The bulletin's first ``pages`` pages (the cover, then the headline figures) as PNG, e.g. for a README
    picture."""
    inputs = {"bulletin": json.dumps(bulletin.data(), ensure_ascii=False), "serif": fonts.serif, "sans": fonts.sans}
    made = _compile(template(), font_paths=list(fonts.folders), ignore_system_fonts=True, sys_inputs=inputs,
                         format="png", ppi=ppi)
    return (made if isinstance(made, list) else [made])[:pages]
