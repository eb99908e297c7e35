"""Charts for print: the pages' Vega-Lite specs drawn by vl-convert (no browser) at a fixed width, in the
light palette the site's script uses, as SVG (vector, for the PDF) and PNG (for Word)."""

from __future__ import annotations

import copy
import hashlib
import json

from ..rendering.bundle import cached, convert, converter_version
from ..rendering.vega import LIGHT

#: Width of a chart on an A4 page, in CSS pixels (the text block is about 16 cm).
WIDTH = 560
FONT = "Noto Sans CJK SC"
PALETTE, TEXT, GRID = LIGHT["range"], LIGHT["text"], LIGHT["grid"]  # the site's light palette


def printable(spec: dict) -> dict:
    """``spec`` at a fixed width with the print theme (the page script sets these in a browser)."""
    spec = copy.deepcopy(spec)
    spec["width"] = WIDTH
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    axis = {"labelColor": TEXT, "titleColor": TEXT, "gridColor": GRID, "domainColor": GRID, "tickColor": GRID,
            "labelFont": FONT, "titleFont": FONT, "labelFontSize": 11, "titleFontSize": 11}
    config = spec.setdefault("config", {})
    config.update(font=FONT, background="white", axis=axis, range={"category": PALETTE},
                  legend={"labelColor": TEXT, "titleColor": TEXT, "labelFont": FONT, "titleFont": FONT},
                  mark={"color": PALETTE[0]}, bar={"color": PALETTE[0]}, line={"color": PALETTE[0]},
                  view={"stroke": None})
    return spec


def drawn(spec: dict) -> tuple[str, bytes]:
    """The chart as SVG text and as a PNG at twice its size (each kept in the user's cache by what it is
    drawn from, so rebuilding unchanged data does not start the renderer)."""
    spec = printable(spec)
    key = hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]
    name = f"charts/{converter_version()}-{key}"
    drawing = cached(name + ".svg", lambda: convert("vegalite_to_svg", spec).encode("utf-8")).decode("utf-8")
    return drawing, cached(name + ".png", lambda: convert("svg_to_png", drawing, scale=2))
