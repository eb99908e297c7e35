"""The sample site as a visitor's browser shows it: clean loads, drawn charts, search, the index, palettes."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from generator import load_report, load_site
from generator.rendering.lamps import COLOURS

from ..conftest import ROOT
from .conftest import DESKTOP, MOBILE, SCREENSHOTS, search

CHARTS_JS = """Array.from(document.querySelectorAll('figure.ps-chart')).map(f => ({
  id: f.id, expected: Number(f.dataset.marks),
  drawn: f.querySelector('.ps-chart__canvas').getAttribute('data-drawn'),
  svg: f.querySelectorAll('.ps-chart__canvas svg').length,
  marks: f.querySelectorAll('svg g.mark-rect.role-mark path, svg g.mark-symbol.role-mark path').length}))"""


@pytest.fixture(scope="module")
def report():
    return load_report(load_site(ROOT / "mkdocs.yml")).report


def _pages(site) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix().replace(".", "") + "/" if p.name == "index.html"
                  else p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_every_page_loads_cleanly_and_draws_its_charts(sample, visit, report):
    """Every page in turn, in one browser session as a reader going from page to page: each page's own
    requests (those its cache does not answer), errors and charts."""
    base, site = sample
    pages = _pages(site)
    totals = {"pages": 0, "charts": 0, "marks": 0, "requests": 0, "outside requests": 0}
    v = visit(base)
    for path in pages:
        for seen in (v.requests, v.failed, v.errors):
            seen.clear()
        page = v.open(path.lstrip("/"))
        charts = page.evaluate(CHARTS_JS)
        for c in charts:
            assert (c["drawn"], c["svg"]) == ("yes", 1), (path, c)
            assert c["marks"] == c["expected"] > 0, (path, c)
        assert v.errors == [], (path, v.errors)
        assert v.failed == [], (path, v.failed)
        assert v.outside() == [], (path, v.outside())
        totals["pages"] += 1
        totals["charts"] += len(charts)
        totals["marks"] += sum(c["marks"] for c in charts)
        totals["requests"] += len(v.requests)
    # home, this period, the indexes of projects and clusters, rankings, methodology, tags, the work report, 404,
    # and one page per project, cluster and year
    assert totals["pages"] == len(pages) == 9 + len(report.projects) + len(report.clusters) + len(report.years)
    assert totals["charts"] >= len(report.projects)
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "browser-checks.json").write_text(json.dumps(totals, indent=1) + "\n", encoding="utf-8")


@pytest.mark.parametrize("query,expected", [
    ("金属智造产业集群", "/clusters/metal/"),  # a cluster name
    ("xx能加注站网络项目", "/projects/ZD08/"),  # a full project name
    ("广xx动态吸附系统和装备基地项目", "/projects/ZS09/"),
    ("加注站", "/projects/ZD08/"),  # words from a description
    ("厂房", "/projects/ZD07/"),
])
def test_chinese_search_finds_the_page_first(sample, visit, query, expected):
    v = visit(sample[0])
    page = v.open("")
    results = search(page, query)
    assert results[0] == expected, results[:5]


def test_the_project_index_filters_and_sorts(sample, visit, report):
    v = visit(sample[0])
    page = v.open("projects/")
    rows = "document.querySelectorAll('.md-typeset table tbody tr')"
    assert page.evaluate(f"Array.from({rows}).filter(r => !r.hidden).length") == len(report.projects)
    page.fill(".ps-filter input", "金属")
    shown = page.evaluate(f"Array.from({rows}).filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())")
    metal = report.clusters["metal"].name
    expected = [p.name for p in report.projects.values() if "金属" in p.name or p.cluster_id == "metal"]
    assert sorted(shown) == sorted(expected) and metal
    assert page.inner_text(".ps-filter__count").strip() == f"{len(expected)} / {len(report.projects)}"
    page.fill(".ps-filter input", "")
    header = page.locator("th", has_text="计划总投资")
    index = page.evaluate("Array.from(document.querySelectorAll('.md-typeset table thead th'))"
                          ".findIndex(th => th.textContent.includes('计划总投资'))")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    column = page.evaluate(f"Array.from({rows}).map(r => r.cells[{index}].textContent.trim())")
    numbers = [float(re.search(r"[\d.]+", c).group()) for c in column if re.search(r"\d", c)]
    assert numbers == sorted(numbers) and all(not re.search(r"\d", c) for c in column[len(numbers):])
    header.locator("button").click()
    column = page.evaluate(f"Array.from({rows}).map(r => r.cells[{index}].textContent.trim())")
    numbers = [float(re.search(r"[\d.]+", c).group()) for c in column if re.search(r"\d", c)]
    assert header.get_attribute("aria-sort") == "descending" and numbers == sorted(numbers, reverse=True)
    assert column[0] == "15.6亿元"


def _luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(x) for x in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css: str):
    if css.startswith("#"):
        return tuple(int(css[i:i + 2], 16) for i in (1, 3, 5))
    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])


def _contrast(a, b) -> float:
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme,expected", [("light", "default"), ("dark", "slate")])
def test_charts_are_legible_in_light_and_dark(sample, visit, scheme, expected):
    v = visit(sample[0], scheme=scheme)
    page = v.open("clusters/metal/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    background = page.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor")
    if "0, 0, 0, 0" in background:
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    fills = set(page.evaluate("Array.from(document.querySelectorAll('.ps-chart svg text')).filter(t => !t.closest('g[class*=ps_on_bars]'))"
                              ".map(t => t.getAttribute('fill'))"))
    assert fills and all(_contrast(f, background) >= 4.5 for f in fills), (fills, background)
    # text drawn on the bars (a light's count) is dark on each light's colour, in either scheme
    on_bars = set(page.evaluate("Array.from(document.querySelectorAll('.ps-chart g[class*=ps_on_bars] text')).map(t => t.getAttribute('fill'))"))
    assert on_bars and all(_contrast(f, bar) >= 4.5 for f in on_bars for bar in COLOURS.values()), on_bars
    bars = set(page.evaluate("Array.from(document.querySelectorAll('.ps-chart svg g.mark-rect path')).map(p => p.getAttribute('fill'))"))
    assert bars and all(_contrast(f, background) >= 3 for f in bars), (bars, background)


def test_switching_the_palette_redraws_the_charts(sample, visit):
    v = visit(sample[0])
    page = v.open("clusters/metal/")
    before = page.evaluate("document.querySelector('.ps-chart svg text').getAttribute('fill')")
    page.click("form[data-md-component=palette] label:not([hidden])")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(f"document.querySelector('.ps-chart svg text').getAttribute('fill') !== '{before}'")
    v.wait_for_charts()


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("path", ["projects/ZD08/", "projects/ZS09/", "clusters/green-energy/", "clusters/metal/",
                                  "years/2022/", "projects/", ""])
def test_no_horizontal_overflow(sample, visit, viewport, path):
    v = visit(sample[0], viewport=viewport)
    page = v.open(path)
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width


SHOTS = {"home": "", "project": "projects/ZD08/", "cluster": "clusters/green-energy/", "index": "projects/",
         "year": "years/2022/"}


def test_screenshots(sample, visit):
    """Pictures of the main page kinds at desktop and mobile width, in screenshots/."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for device, viewport in (("desktop", DESKTOP), ("mobile", MOBILE)):
        v = visit(sample[0], viewport=viewport)
        for name, path in SHOTS.items():
            page = v.open(path)
            target = SCREENSHOTS / f"{name}-{device}.png"
            page.screenshot(path=str(target), full_page=device == "mobile")
            assert target.stat().st_size > 10_000
    if os.environ.get("UPDATE_README_SCREENSHOT"):
        shutil.copyfile(SCREENSHOTS / "home-desktop.png", SCREENSHOTS / "readme.png")
