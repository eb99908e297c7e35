"""The Vega, Vega-Lite and Vega-Embed JavaScript, taken from vl-convert and served with the site."""

from __future__ import annotations

import functools
import os
from pathlib import Path


def vl_version() -> str:
    """The Vega-Lite version Altair writes specs for, e.g. 6.4."""
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "progress-site"


@functools.cache
def vega_bundle() -> str:
    """The bundle for Altair's Vega-Lite version; built once per machine and vl-convert version."""
    import vl_convert

    version = vl_version()
    path = _cache_dir() / f"vega-embed-{vl_convert.__version__}-vl{version}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = vl_convert.javascript_bundle(vl_version=version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: build it again next time
    return text
