"""A city's site built from its counties' monthly workbooks (see :mod:`tests.city`), as a visitor sees it: the areas
compared on the home page, a page per area, the projects index filtered by area; axe finds nothing on them."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .. import city
from ..sites import new_site, run
from .conftest import MOBILE, served

AIDS = {"large": True, "contrast": True}
PAGES = {"home": "", "place": "places/南岭县/", "places": "places/", "index": "projects/", "rankings": "rankings/"}


@pytest.fixture(scope="module")
def city_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("city-browser")
    city.city_series(new_site(root / "site") / "data")
    run("build", "-d", root / "out", cwd=root / "site")
    with served(root / "out") as base:
        yield base


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
    page.get_by_role("link", name="南岭县", exact=True).last.click()
    assert page.url.endswith("/places/%E5%8D%97%E5%B2%AD%E5%8E%BF/")
    assert v.errors == [] and v.failed == [] and v.outside() == []


RUNS = [(kind, scheme, mode) for kind in PAGES for scheme, mode in (("light", "default"), ("dark", "aids"))]


@pytest.mark.parametrize("kind,scheme,mode", RUNS, ids=["-".join(r) for r in RUNS])
def test_axe_finds_no_violation_on_the_area_pages(city_site, visit, kept_contexts, kind, scheme, mode):
    v = visit(city_site, context=kept_contexts(scheme=scheme, reading=AIDS if mode == "aids" else None))
    page = v.open(PAGES[kind])
    violations = Axe().run(page).response["violations"]
    assert {x["id"]: [n["target"] for n in x["nodes"]][:3] for x in violations} == {}
