"""Charts for print: the pages' Vega-Lite specs drawn by vl-convert (no browser) at a fixed width, in the
light palette the site's script uses, as SVG (vector, for the PDF) and PNG (for Word)."""

from __future__ import annotations

import copy

#: Width of a chart on an A4 page, in CSS pixels (the text block is about 16 cm).
WIDTH = 560
FONT = "Noto Sans CJK SC"
#: The site's light palette (generator/rendering/assets/progress.js), colour-blind safe.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
TEXT, GRID = "#1f2328", "#d0d7de"


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


_drawn_here = False


def drawn_here() -> bool:
    """Whether this process has drawn a chart: vl-convert then runs threads that a forked child would not
    have, so a child forked after it must not draw (it would wait for them for ever)."""
    return _drawn_here


def drawn(spec: dict) -> tuple[str, bytes]:
    """The chart as SVG text and as a PNG at twice its size."""
    import vl_convert

    global _drawn_here
    _drawn_here = True

    svg = vl_convert.vegalite_to_svg(printable(spec))
    return svg, vl_convert.svg_to_png(svg, scale=2)
