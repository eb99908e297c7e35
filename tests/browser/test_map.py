"""The map of projects as a visitor sees it: the district drawn from the spec alone (nothing fetched), one mark
per project, legible in both palettes, fitting a phone."""

import json
import shutil

import pytest

from ..conftest import write_table
from ..sites import run
from ..test_map import GEOJSON, HEADER, ROWS
from .conftest import DESKTOP, MOBILE, serve
from .test_in_browser import _contrast

MAP = "#chart-map"
SHAPES = f"{MAP} svg g.mark-shape path"
SYMBOLS = f"{MAP} svg g.mark-symbol.role-mark path"


@pytest.fixture(scope="module")
def mapped(tmp_path_factory):
    """A small site whose projects have coordinates, with the district's boundary in its data folder."""
    root = tmp_path_factory.mktemp("map")
    run("new", root / "s")
    data = root / "s" / "data"
    shutil.rmtree(data)
    write_table(data, "projects", [HEADER, *ROWS])
    (data / "boundary.geojson").write_text(json.dumps(GEOJSON, ensure_ascii=False), encoding="utf-8")
    run("build", "--strict", "-d", root / "out", cwd=root / "s")
    base, server = serve(root / "out")
    yield base
    server.shutdown()


def _drawn(page) -> dict:
    page.wait_for_function(f"document.querySelector('{MAP} .ps-chart__canvas').getAttribute('data-drawn') === 'yes'")
    return page.evaluate(f"""() => {{
        const svg = document.querySelector('{MAP} svg').getBoundingClientRect();
        const shapes = Array.from(document.querySelectorAll('{SHAPES}')).map(p => {{
            const b = p.getBoundingClientRect();
            return {{d: (p.getAttribute('d') || '').length, width: b.width, height: b.height,
                    inside: b.left >= svg.left - 1 && b.right <= svg.right + 1 && b.top >= svg.top - 1 && b.bottom <= svg.bottom + 1,
                    fill: p.getAttribute('fill'), stroke: p.getAttribute('stroke')}};
        }});
        const symbols = Array.from(document.querySelectorAll('{SYMBOLS}')).map(p => {{
            const b = p.getBoundingClientRect();
            return {{fill: p.getAttribute('fill'), stroke: p.getAttribute('stroke'), d: p.getAttribute('d'),
                    x: b.left + b.width / 2, y: b.top + b.height / 2}};
        }});
        return {{shapes, symbols, marks: Number(document.querySelector('{MAP}').dataset.marks), width: svg.width}};
    }}""")


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280px", "375px"])
def test_the_map_is_drawn_from_the_page_alone(mapped, visit, viewport):
    v = visit(mapped, viewport=viewport)
    page = v.open("")
    drawn = _drawn(page)
    # the district: one outline, drawn inside the chart (a ring the wrong way round would fill the globe)
    [shape] = drawn["shapes"]
    assert shape["d"] > 20 and shape["inside"] and 100 < shape["width"] <= drawn["width"] + 1
    # a mark per project with coordinates, each light in its own colour and shape
    assert len(drawn["symbols"]) == drawn["marks"] == len(ROWS) - 1
    assert len({s["fill"] for s in drawn["symbols"]}) == len({s["d"] for s in drawn["symbols"]}) == 3
    # … where they are: the projection is fitted to the district (not to the globe), so they lie apart
    xs, ys = [s["x"] for s in drawn["symbols"]], [s["y"] for s in drawn["symbols"]]
    assert max(xs) - min(xs) > shape["width"] / 4 and max(ys) - min(ys) > shape["height"] / 4, drawn
    assert v.requests and all(u.startswith(mapped) for u in v.requests), v.outside()
    assert v.errors == [] and v.failed == []
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width


def test_a_cluster_page_maps_its_own_projects(mapped, visit):
    v = visit(mapped)
    page = v.open("clusters/新材料/")
    drawn = _drawn(page)
    assert len(drawn["shapes"]) == 1 and len(drawn["symbols"]) == 1 and v.outside() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_is_legible_in_both_palettes(mapped, visit, scheme):
    v = visit(mapped, scheme=scheme)
    page = v.open("")
    drawn = _drawn(page)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    [shape] = drawn["shapes"]
    assert _contrast(shape["stroke"], background) >= 3, (shape, background)  # the district's outline
    for symbol in drawn["symbols"]:  # each mark's fill and its edge stand out from the page and the district
        assert _contrast(symbol["fill"], background) >= 3 and _contrast(symbol["stroke"], shape["fill"]) >= 3, symbol
    page.hover(SYMBOLS)
    page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
    assert "甲项目" in page.inner_text("#vg-tooltip-element")
