"""The Vega, Vega-Lite and Vega-Embed JavaScript, taken from vl-convert and served with the site."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import altair as alt

VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])  # what Altair writes, e.g. 6.4


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "progress-site"


@functools.cache
def vega_bundle() -> str:
    """The bundle for Altair's Vega-Lite version; built once per machine and vl-convert version."""
    import vl_convert

    path = _cache_dir() / f"vega-embed-{vl_convert.__version__}-vl{VL_VERSION}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = vl_convert.javascript_bundle(vl_version=VL_VERSION)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: build it again next time
    return text
