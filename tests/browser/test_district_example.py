"""The district example (an office's 1-10月 workbook and a platform export) as a visitor sees it."""

import os
import shutil

import pytest

from ..conftest import ROOT
from ..sites import run
from .conftest import DESKTOP, MOBILE, SCREENSHOTS, serve

PACKAGE = "projects/2024-330112-47-01-512233/"


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    out = tmp_path_factory.mktemp("district") / "site"
    run("build", "--strict", "-d", out, cwd=ROOT / "examples" / "district-monthly")
    base, server = serve(out)
    yield base
    server.shutdown()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_the_district_site_loads_whole_and_fits(district, visit, viewport):
    for path in ("", PACKAGE):
        v = visit(district, viewport=viewport)
        page = v.open(path)
        assert v.errors == [] and v.failed == [] and v.outside() == []
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], (path, width)
        if path == PACKAGE:
            assert page.locator("h2", has_text="子项目").count() == 1
        else:
            assert "开工率\n66.7%" in page.inner_text(".ps-card--start_rate")
        v.close()


def test_the_districts_own_lights_lead_its_home_and_stage_pages(district, visit):
    """The workbook's 亮灯情况 column, as the office lit it, in the cards and the 重点关注 list."""
    from axe_playwright_python.sync_playwright import Axe

    v = visit(district)
    page = v.open("")
    legend = page.evaluate("Array.from(document.querySelectorAll('.ps-lightbar__legend li')).map(li => li.innerText.trim())")
    assert legend == ["■红灯 4", "▲黄灯 2", "●绿灯 2"]
    first = page.evaluate("Array.from(document.querySelector('table[data-stacked] tbody tr').cells).map(c => c.innerText.trim())")
    assert first == ["■红灯", "数字经济总部大楼", "0.0%", "−83.3", "用地规划调整未批复，未按期开工", "区发改局", "张区长", "7 期"]
    stage = v.open("stages/new/")
    assert stage.inner_text("h1") == "新开工项目" and stage.inner_text(".ps-card--start_rate .ps-card__value") == "66.7%"
    for path in ("", "stages/new/", "rankings/"):
        page = v.open(path)
        serious = [x["id"] for x in Axe().run(page).response["violations"] if x["impact"] in ("serious", "critical")]
        assert serious == [], (path, serious)


def test_district_screenshot(district, visit):
    """The example's overview, for the README's data section (``make screenshots`` refreshes it)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    v = visit(district, viewport=DESKTOP)
    page = v.open("")
    box = page.evaluate("""() => {
        const h = Array.from(document.querySelectorAll('h2')).find(e => e.textContent.includes('按建设性质'));
        let end = h.nextElementSibling;
        while (end && (end.tagName !== 'P' || end.classList.contains('ps-scroll-hint'))) end = end.nextElementSibling;  // the table, then the start rate line
        const a = h.getBoundingClientRect(), b = end.getBoundingClientRect();
        return {x: a.left - 16, y: a.top + window.scrollY - 8, width: Math.max(a.width, b.right - a.left) + 32,
                height: b.bottom - a.top + 24};
    }""")
    target = SCREENSHOTS / "district-desktop.png"
    page.screenshot(path=str(target), full_page=True, clip=box)
    assert target.stat().st_size > 10_000
    if os.environ.get("UPDATE_README_SCREENSHOT"):
        shutil.copyfile(target, SCREENSHOTS / "district.png")
