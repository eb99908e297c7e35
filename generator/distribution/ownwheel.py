"""The wheel of the progress-site that is running, packed from its own files.

A site keeps this wheel so that its CI installs exactly the version the site was made with, whether this
copy was installed from a wheel, from an offline folder or from a checkout (``pip install -e``). The wheel
holds the package's files as they are here (caches aside) and the installed metadata; the same files give
the same bytes (entries sorted, dated 1980-01-01).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import zipfile
from pathlib import Path

import generator
from .. import __version__

DISTRIBUTION = "progress-site"
#: A wheel's file-name stem of the distribution (PEP 427: dashes become underscores).
STEM = DISTRIBUTION.replace("-", "_")
_TAG = "py3-none-any"
_DATE = (1980, 1, 1, 0, 0, 0)


class NotInstalled(LookupError):
    """This progress-site runs without installed metadata (from a bare source folder): no wheel can be made."""


def wheel_name() -> str:
    """The file name of this version's wheel."""
    return f"{STEM}-{__version__}-{_TAG}.whl"


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def _package_files() -> list[tuple[str, Path]]:
    """(name in the wheel, file) of every file of the package: code, templates, assets; no caches."""
    package = Path(generator.__file__).parent
    return [(f"generator/{path.relative_to(package).as_posix()}", path) for path in sorted(package.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo")]


def _metadata_files() -> dict[str, bytes]:
    """The dist-info files a wheel carries, from the installed distribution."""
    # An installed wheel's or editable install's dist-info; a checkout's egg-info (which a run from the
    # checkout may find first) has no METADATA.
    found = [d for d in importlib.metadata.distributions(name=DISTRIBUTION) if d.read_text("METADATA")]
    if not found:
        raise NotInstalled(DISTRIBUTION)
    dist = found[0]
    if dist.version != __version__:
        raise NotInstalled(f"{DISTRIBUTION} {dist.version} is installed, {__version__} runs")
    files = {"METADATA": dist.read_text("METADATA"),
             "WHEEL": f"Wheel-Version: 1.0\nGenerator: {DISTRIBUTION} {__version__}\nRoot-Is-Purelib: true\nTag: {_TAG}\n",
             "entry_points.txt": dist.read_text("entry_points.txt"), "top_level.txt": "generator\n"}
    for licence in ("licenses/LICENSE", "LICENSE"):
        if (text := dist.read_text(licence)) is not None:
            files["licenses/LICENSE"] = text
            break
    return {name: text.encode("utf-8") for name, text in files.items() if text is not None}


def write_own_wheel(folder: Path) -> Path:
    """Write this progress-site's wheel into ``folder`` (made if need be); returns its path.
    :class:`NotInstalled` when there is no installed metadata to describe it."""
    info = f"{STEM}-{__version__}.dist-info"
    entries = [(name, path.read_bytes()) for name, path in _package_files()]
    entries += [(f"{info}/{name}", data) for name, data in sorted(_metadata_files().items())]
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries) + f"{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode("utf-8")))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / wheel_name()
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, _DATE)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(entry, data)
    partial.replace(target)
    return target
