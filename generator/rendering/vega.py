"""Charts as the browser draws them: each Vega-Lite spec compiled to Vega at build time, so that a page
loads only the Vega runtime (:data:`RUNTIME`: Vega's and vega-tooltip's own minified builds, kept in
``assets/`` with their licences and served as one file; 180 KB compressed, against 305 KB for Vega-Lite, Vega
and Vega-Embed together), and only on a page that has a chart. To move to a newer Vega, replace the files
with those of ``npm pack vega@6.x`` and ``vega-tooltip`` (``build/*.min.js``, with their banner lines).

A chart's spec is compiled without its rows: inline data is replaced by named data sets, the rest (the
chart's kind, titles, orders) is compiled once per machine and vl-convert version and kept in the user's
cache folder, and each chart fills its own rows into the compiled copy. Vega-Lite writes its default mark
colour into the drawing; that colour becomes the signal :data:`COLOUR_SIGNAL`, which the page script sets to
the reader's scheme, as it does a map's colour parameters (``psLand`` …); the other colours, of axes, legends
and categories, come from the script's Vega config.
"""

from __future__ import annotations

import functools
import hashlib
import json

from .bundle import cached, convert, converter_version, vl_version

#: The runtime's files in ``assets/``: Vega 6, the version the Vega-Lite compiler writes for (a test checks
#: it), and vega-tooltip; the site serves them as one file, :data:`SERVED`, which the page script loads.
RUNTIME = ("vega.min.js", "vega-tooltip.min.js")
SERVED = "vega.js"


def runtime() -> bytes:
    """The runtime as served: its files one after the other."""
    from importlib import resources

    folder = resources.files("generator.rendering") / "assets"
    return b"\n".join((folder / name).read_bytes() for name in RUNTIME)
COLOUR_SIGNAL = "psColour"
#: The light palette (as the page script's): colour-blind safe categories, text, grid lines, a map's land and
#: outline. Charts for print use it; in a browser the script sets the dark one where the reader has chosen it.
LIGHT = {"text": "#1f2328", "grid": "#d0d7de", "land": "#eef1f4", "border": "#57606a",
         "range": ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]}
_DEFAULT_COLOUR = "#4c78a8"  # Vega-Lite's mark colour
_DATA = "ps_data_"


def to_vega(lite: dict) -> dict:
    """The Vega spec of the Vega-Lite spec ``lite``, with the same rows (its description is the page's, which
    labels the chart's frame and says it in words: the drawing, hidden from screen readers, needs none)."""
    rows: dict[str, list] = {}

    def unfill(node):
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key == "data" and isinstance(value, dict) and "values" in value:
                    name = f"{_DATA}{len(rows)}"
                    rows[name] = value["values"]
                    out[key] = {**{k: v for k, v in value.items() if k != "values"}, "name": name}
                else:
                    out[key] = unfill(value)
            return out
        if isinstance(node, list):
            return [unfill(v) for v in node]
        return node

    bare = unfill({k: v for k, v in lite.items() if k != "description"})
    vega = json.loads(_compiled(json.dumps(bare, ensure_ascii=False, sort_keys=True)))
    for data in vega.get("data", ()):
        if data.get("name") in rows:
            data["values"] = rows[data["name"]]
    return vega


@functools.lru_cache(maxsize=1024)
def _compiled(lite: str) -> str:
    version = vl_version()
    digest = hashlib.sha256(lite.encode("utf-8")).hexdigest()[:24]
    name = f"specs/{converter_version()}-vl{version}-{digest}.json"
    return cached(name, lambda: _themable(convert("vegalite_to_vega", json.loads(lite), vl_version=version))
                  .encode("utf-8")).decode("utf-8")


def _themable(vega: dict) -> str:
    """``vega`` as JSON, its default mark colour a signal and its schema URL (which nothing fetches) gone."""
    vega.pop("$schema", None)

    def recolour(node):
        if isinstance(node, dict):
            if node.get("value") == _DEFAULT_COLOUR and len(node) == 1:
                return {"signal": COLOUR_SIGNAL}
            return {k: recolour(v) for k, v in node.items()}
        if isinstance(node, list):
            return [recolour(v) for v in node]
        return node

    vega = recolour(vega)
    vega["signals"] = [{"name": COLOUR_SIGNAL, "value": LIGHT["range"][0]}, *vega.get("signals", [])]
    return json.dumps(vega, ensure_ascii=False)
