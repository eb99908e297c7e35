"""A city's site built from its counties' monthly workbooks (see :mod:`tests.city`), as a visitor sees it: the areas
compared on the home page, a page per area, the projects index filtered by area; axe finds nothing on them. A
province's site (cities, then counties) filtered by city and by county; a city's map shaded by county."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .. import city
from ..sites import new_site, run
from ..test_area_map import county_boundary
from ..test_rollup import counties, province
from .conftest import DESKTOP, MOBILE, served

AIDS = {"large": True, "contrast": True}
PAGES = {"home": "", "place": "places/南岭县/", "places": "places/", "index": "projects/", "rankings": "rankings/"}


def _built(tmp_path_factory, name: str, fill):
    """A site whose data folder ``fill(data)`` writes, built and served while the module's tests run."""
    root = tmp_path_factory.mktemp(name)
    fill(new_site(root / "site") / "data")
    run("build", "-d", root / "out", cwd=root / "site")
    with served(root / "out") as base:
        yield base


def _violations(page) -> dict:
    """What axe finds on ``page``: rule -> the first three elements."""
    return {x["id"]: [n["target"] for n in x["nodes"]][:3] for x in Axe().run(page).response["violations"]}


@pytest.fixture(scope="module")
def city_site(tmp_path_factory):
    yield from _built(tmp_path_factory, "city-browser", city.city_series)


def test_the_projects_index_filters_by_area_on_a_phone(city_site, visit):
    v = visit(city_site, viewport=MOBILE)
    page = v.open("projects/")
    visible = "Array.from(document.querySelectorAll('article table tbody tr')).filter(r => !r.hidden)"
    assert page.evaluate(f"{visible}.length") == 6
    page.get_by_role("combobox", name="按地区筛选").select_option("南岭县")
    names = page.evaluate(f"{visible}.map(r => r.cells[0].innerText.trim())")
    assert sorted(names) == sorted(p[2] for p in city.PROJECTS if p[1] == "南岭县" and 10 in p[6])
    assert page.inner_text(".ps-filter__count").strip() == "3 / 6"
    page.get_by_role("combobox", name="按地区筛选").select_option("")
    assert page.evaluate(f"{visible}.length") == 6
    assert v.errors == [] and v.failed == [] and v.outside() == []


def test_an_area_page_leads_with_its_figures_and_links_back(city_site, visit):
    v = visit(city_site)
    page = v.open("places/南岭县/")
    assert page.locator("h1").inner_text().strip().rstrip("¶") == "南岭县"
    assert "46.7%" in page.inner_text("article")
    page.get_by_role("link", name="南岭县光伏电站").first.click()
    page.wait_for_load_state("load")  # each page whole before the next click (a favicon cut off is no failure of ours)
    page.get_by_role("link", name="南岭县", exact=True).last.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/places/%E5%8D%97%E5%B2%AD%E5%8E%BF/")
    assert v.errors == [] and v.failed == [] and v.outside() == []


@pytest.fixture(scope="module")
def province_site(tmp_path_factory):
    yield from _built(tmp_path_factory, "province-browser", province)


def test_a_provinces_index_filters_by_city_and_by_county_and_an_area_page_links_it_filtered(province_site, visit):
    v = visit(province_site, viewport=MOBILE)
    page = v.open("projects/")
    visible = "Array.from(document.querySelectorAll('article table tbody tr')).filter(r => !r.hidden).length"
    select = page.get_by_role("combobox", name="按地区筛选")
    options = select.evaluate("s => Array.from(s.options).map(o => o.value)")
    assert options[:3] == ["", "云州市", "云州市/东山区"] and "河阳市" in options and "河阳市/河西县" in options
    select.select_option("河阳市")
    assert page.evaluate(visible) == 3
    select.select_option("河阳市/河西县")
    assert page.evaluate(visible) == 2
    page = v.open("places/%E6%B2%B3%E9%98%B3%E5%B8%82/")  # 河阳市's page: its counties, then all its projects
    page.get_by_role("link", name="项目一览").last.click()
    page.wait_for_function(f"{visible} === 3")
    assert page.get_by_role("combobox", name="按地区筛选").input_value() == "河阳市"
    assert v.errors == [] and v.failed == [] and v.outside() == []


def _counties_and_boundary(data):
    counties(data)
    county_boundary(data)


@pytest.fixture(scope="module")
def shaded_site(tmp_path_factory):
    yield from _built(tmp_path_factory, "shaded-browser", _counties_and_boundary)


SHAPES = "#chart-map svg g.mark-shape"


@pytest.mark.parametrize("viewport,scheme", [(DESKTOP, "light"), (MOBILE, "dark")], ids=["1280px-light", "375px-dark"])
def test_the_map_shades_each_county_with_its_figure_and_a_legend_and_fetches_nothing(shaded_site, visit, viewport, scheme):
    v = visit(shaded_site, viewport=viewport, scheme=scheme)
    page = v.open("")
    page.wait_for_function("document.querySelector('#chart-map .ps-chart__canvas').getAttribute('data-drawn') === 'yes'")
    drawn = page.evaluate(f"""() => {{
        const layers = Array.from(document.querySelectorAll('{SHAPES}'));
        const fills = layers.map(g => Array.from(g.querySelectorAll('path')).map(p => p.getAttribute('fill')));
        const labels = Array.from(document.querySelectorAll('#chart-map svg g.mark-text.role-mark text')).map(t => t.textContent);
        const legend = document.querySelector('#chart-map svg g.role-legend');
        return {{fills, labels, legend: legend ? legend.textContent : null,
                 gradient: document.querySelectorAll('#chart-map svg g.role-legend-gradient path').length}};
    }}""")
    land, shaded = drawn["fills"]
    assert len(land) == 5 and len(shaded) == 4  # every area drawn; the four with projects shaded
    rgb = [_rgb(fill) for fill in shaded]
    darkest = min(range(4), key=lambda i: sum(rgb[i]))
    assert darkest == 1  # 南岭县, furthest behind: 27.0 points
    assert sorted(set(drawn["labels"])) == ["东山区 \u221211.5", "南岭县 \u221227.0", "西河区 \u22121.3", "青山区 0.0"]
    assert "较序时进度（百分点）" in drawn["legend"] and drawn["gradient"] >= 1
    assert v.errors == [] and v.failed == [] and v.outside() == []
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width


def _rgb(colour: str) -> tuple[int, ...]:
    """A fill as Vega writes it (``#8c2d04`` or ``rgb(140, 45, 4)``) as three numbers."""
    if colour.startswith("#"):
        return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return tuple(int(c) for c in re.findall(r"\d+", colour)[:3])


#: The pages axe checks, each in the light palette and in the dark one with the reading aids: (site, page kind, path).
AXE_PAGES = [*(("city_site", kind, path) for kind, path in PAGES.items()),
             ("province_site", "city", "places/%E6%B2%B3%E9%98%B3%E5%B8%82/"),
             ("province_site", "county", "places/%E6%B2%B3%E9%98%B3%E5%B8%82/%E6%B2%B3%E8%A5%BF%E5%8E%BF/"),
             ("province_site", "places", "places/"), ("shaded_site", "map", "")]
AXE_RUNS = [(*page, scheme, mode) for page in AXE_PAGES for scheme, mode in (("light", "default"), ("dark", "aids"))]


@pytest.mark.parametrize("site,kind,path,scheme,mode", AXE_RUNS, ids=["-".join(r[:2] + r[3:]) for r in AXE_RUNS])
def test_axe_finds_no_violation_on_the_area_pages(request, visit, kept_contexts, site, kind, path, scheme, mode):
    v = visit(request.getfixturevalue(site), context=kept_contexts(scheme=scheme, reading=AIDS if mode == "aids" else None))
    page = v.open(path)
    if page.locator("#chart-map").count():  # the map checked once drawn
        page.wait_for_function("document.querySelector('#chart-map .ps-chart__canvas').getAttribute('data-drawn') === 'yes'")
    assert _violations(page) == {}
