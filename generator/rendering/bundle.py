"""The Vega, Vega-Lite and Vega-Embed JavaScript, taken from vl-convert and served with the site."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path


def vl_version() -> str:
    """The Vega-Lite version Altair writes specs for, e.g. 6.4."""
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "progress-site"


def cached(name: str, make: Callable[[], bytes]) -> bytes:
    """``make()``, kept in the user's cache folder under ``name`` (which must say everything the bytes depend
    on): what vl-convert makes is the same for the same input and version, and starting it takes a second."""
    path = _cache_dir() / name
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: make it again next time
    return data


@functools.cache
def vega_bundle() -> str:
    """The bundle for Altair's Vega-Lite version; built once per machine and vl-convert version."""
    import vl_convert

    version = vl_version()
    return cached(f"vega-embed-{vl_convert.__version__}-vl{version}.js",
                  lambda: vl_convert.javascript_bundle(vl_version=version).encode("utf-8")).decode("utf-8")
