"""The reading aids (适老化) in Chromium: larger text and high contrast from the keyboard alone, announced,
remembered from page to page, never scrolling sideways on a phone; the skip link; pages without scripts;
axe in both modes, light and dark."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from ..sites import run
from .conftest import MOBILE, SCREENSHOTS, served

PAGES = {"home": "", "project": "projects/ZD08/", "cluster": "clusters/metal/", "year": "years/2022/",
         "index": "projects/", "methodology": "methodology/", "rankings": "rankings/", "changes": "changes/"}
AIDS = {"large": True, "contrast": True}


def _tab_to(page, selector: str, limit: int = 10) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def _text_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset p:not([class]):not(.ps-crumbs + p)')).fontSize)")


def test_reading_aids_from_the_keyboard_alone(sample, visit):
    """Larger text and high contrast, pressed by keyboard, announced, remembered, with no sideways scrolling."""
    v = visit(sample[0], viewport=MOBILE)
    page = v.open("projects/ZD08/")
    before = _text_size(page)
    _tab_to(page, '[data-ps-mode="large"]')
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.hasAttribute('data-ps-large')")
    assert page.get_attribute('[data-ps-mode="large"]', "aria-pressed") == "true"
    assert page.inner_text(".ps-reading__status") == "已开启大字号"  # the live region says what changed
    assert _text_size(page) >= 1.5 * before
    _tab_to(page, '[data-ps-mode="contrast"]', limit=2)
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.hasAttribute('data-ps-contrast')")
    assert page.inner_text(".ps-reading__status") == "已开启高对比度"
    text, back = page.evaluate("[getComputedStyle(document.querySelector('.md-content .md-typeset p:not([class]):not(.ps-crumbs + p)')).color,"
                               " getComputedStyle(document.body).backgroundColor]")
    assert (text, back) == ("rgb(0, 0, 0)", "rgb(255, 255, 255)")
    # remembered on every page, applied before it is drawn; nothing scrolls sideways at 375 px
    for path in PAGES.values():
        page.goto(v.base + path, wait_until="domcontentloaded")
        assert page.evaluate("document.documentElement.hasAttribute('data-ps-large')"), path
        page.wait_for_load_state("load")
        v.wait_for_charts()
        assert page.get_attribute('[data-ps-mode="large"]', "aria-pressed") == "true"
        assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"], path
    page.goto(v.base + "projects/ZD08/", wait_until="load")
    v.wait_for_charts()
    page.screenshot(path=str(SCREENSHOTS / "reading-aids.png"))
    if os.environ.get("UPDATE_README_SCREENSHOT"):
        shutil.copyfile(SCREENSHOTS / "reading-aids.png", SCREENSHOTS / "reading.png")
    _tab_to(page, '[data-ps-mode="large"]')
    page.keyboard.press("Enter")
    assert page.inner_text(".ps-reading__status") == "已关闭大字号"
    assert not page.evaluate("document.documentElement.hasAttribute('data-ps-large')")
    assert v.errors == [] and v.outside() == []


CHART_WORDS = """() => Array.from(document.querySelectorAll('.ps-chart__canvas svg')).flatMap(svg => {
  const box = svg.getBoundingClientRect();
  const words = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim() && t.getBBox().width
      && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0').map(t => [t.textContent, t.getBoundingClientRect()]);
  const out = words.filter(([_, b]) => b.left < box.left - 1 || b.right > box.right + 1).map(([w]) => 'outside: ' + w);
  words.forEach(([a, p], i) => words.slice(i + 1).forEach(([b, q]) => {
    const x = Math.min(p.right, q.right) - Math.max(p.left, q.left), y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (x > 2 && y > 2) out.push('overlap: ' + a + ' / ' + b);
  }));
  return out;
})"""


@pytest.mark.parametrize("kind", ["home", "project", "cluster", "year"])
def test_charts_in_larger_text_on_a_phone_keep_their_words_apart_and_inside(sample, visit, kind):
    v = visit(sample[0], viewport=MOBILE, reading={"large": True})
    page = v.open(PAGES[kind])
    assert page.locator(".ps-chart__canvas[data-drawn=yes]").count()
    assert page.evaluate(CHART_WORDS) == []
    v.close()


def test_the_skip_link_comes_first_and_leads_to_the_text(sample, visit):
    v = visit(sample[0])
    page = v.open("projects/ZD08/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.md-skip')")
    box = page.locator(".md-skip").bounding_box()
    assert box and box["width"] > 0 and box["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    heading = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert heading and page.evaluate("id => document.getElementById(id).tagName", heading) == "H1"
    page.keyboard.press("Tab")  # the next stop is inside the text, not back in the header
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


@pytest.mark.parametrize("path", ["", "projects/ZD08/", "clusters/metal/"])
def test_pages_read_without_scripts(sample, visit, path):
    v = visit(sample[0], script=False)
    page = v.open(path)
    charts = page.locator(".ps-chart")
    assert charts.count() > 0
    for i in range(charts.count()):  # each chart says in words what it shows, and its table opens
        chart = charts.nth(i)
        words = chart.locator(".ps-chart__text")
        assert words.is_visible() and len(words.inner_text()) > 4
        details = chart.locator("xpath=following-sibling::details[1]")
        details.locator("summary").click()
        assert details.locator("tbody tr").first.is_visible()
    assert not page.locator(".ps-reading").is_visible()  # its buttons would do nothing
    assert page.locator(".md-content table tbody tr").count() > 0
    assert v.outside() == []


AXE_RUNS = ([(kind, scheme, "default") for scheme in ("light", "dark") for kind in PAGES]
            + [(kind, scheme, "aids") for scheme in ("light", "dark") for kind in ("home", "project", "cluster", "index")])


@pytest.mark.parametrize("kind,scheme,mode", AXE_RUNS, ids=["-".join(r) for r in AXE_RUNS])
def test_axe_finds_no_violation(sample, visit, kept_contexts, kind, scheme, mode):
    v = visit(sample[0], context=kept_contexts(scheme=scheme, reading=AIDS if mode == "aids" else None))
    page = v.open(PAGES[kind])
    violations = Axe().run(page).response["violations"]
    found = {x["id"]: {"impact": x["impact"], "nodes": [n["target"] for n in x["nodes"]][:3]} for x in violations}
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / f"axe-{kind}-{scheme}-{mode}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n",
                                                                  encoding="utf-8")
    assert found == {}


@pytest.fixture(scope="module")
def zensical_sample(tmp_path_factory):
    """The sample's export, built by Zensical (which runs no page hook: its theme template prints the aids)."""
    project = tmp_path_factory.mktemp("zensical") / "project"
    run("generate", "--out", project)
    built = subprocess.run([str(Path(sys.executable).parent / "zensical"), "build"], cwd=project,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr + built.stdout
    with served(project / "site") as base:
        yield base


ZENSICAL_RUNS = [(kind, scheme, mode) for kind in ("home", "project", "cluster", "index")
                 for scheme, mode in (("light", "default"), ("dark", "aids"))]


@pytest.mark.parametrize("kind,scheme,mode", ZENSICAL_RUNS, ids=["-".join(r) for r in ZENSICAL_RUNS])
def test_axe_finds_no_violation_on_a_site_zensical_builds_from_the_export(zensical_sample, visit, kept_contexts, kind,
                                                                          scheme, mode):
    v = visit(zensical_sample, context=kept_contexts(scheme=scheme, reading=AIDS if mode == "aids" else None))
    page = v.open(PAGES[kind])
    assert page.locator(".ps-reading").is_visible() and page.locator(".ps-identity").count() == 1
    if mode == "aids":
        assert page.evaluate("document.documentElement.hasAttribute('data-ps-large')")
    violations = Axe().run(page).response["violations"]
    assert [(x["id"], x["impact"], [n["target"] for n in x["nodes"]][:3]) for x in violations] == []
