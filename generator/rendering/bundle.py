"""vl-convert, the one place that runs it (compiling charts to Vega, see :mod:`.vega`; drawing them for print),
and the cache of what it makes.

vl-convert runs threads once called, which a forked child would not have: a child forked after a call must
not call it (it would wait for them for ever), so every call goes through :func:`convert`, which remembers."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

_started = False


def started() -> bool:
    """Whether this process has called vl-convert (then it must not fork a worker that calls it)."""
    return _started


def convert(function: str, *args, **kwargs):
    """``vl_convert.<function>(*args, **kwargs)``, remembered by :func:`started`."""
    global _started
    import vl_convert

    _started = True
    return getattr(vl_convert, function)(*args, **kwargs)


def converter_version() -> str:
    import vl_convert

    return vl_convert.__version__


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
