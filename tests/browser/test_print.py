"""Printing a page (打印本页) in Chromium: print media emulated, then the page printed to PDF and read back."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from generator import load_report, load_site

from ..conftest import ROOT

CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer__inner",
          ".ps-filter", ".ps-lights-filter", "[data-md-component='palette']"]
STATE = """(chrome) => ({
  shown: chrome.filter(s => Array.from(document.querySelectorAll(s)).some(e => getComputedStyle(e).display !== 'none')),
  charts: Array.from(document.querySelectorAll('figure.ps-chart')).map(f => {
    const svg = f.querySelector('.ps-chart__canvas svg'); const box = svg && svg.getBoundingClientRect();
    return {id: f.id, width: box ? box.width : 0, height: box ? box.height : 0,
            filter: svg ? getComputedStyle(svg).filter : '', inside: getComputedStyle(f).breakInside}; }),
  rows: Array.from(document.querySelectorAll('.md-typeset tbody tr')).map(r => getComputedStyle(r).breakInside),
  heads: Array.from(document.querySelectorAll('.md-typeset thead')).map(t => getComputedStyle(t).display),
  downloads: Array.from(document.querySelectorAll('.md-typeset a[href*="downloads/"]'))
    .map(a => getComputedStyle(a, '::after').content),
  width: document.querySelector('.md-content').getBoundingClientRect().width,
  page: document.documentElement.clientWidth,
})"""


# The CJK font maps some simplified characters to radical code points that NFKC leaves alone (车 read back as ⻋).
RADICALS = str.maketrans("⻋⻓⻔⻅⻛⻢⻥⻚⻉⻄⻜⻩⻬⻰⻳⻮⻆⻘⻝⻊⻣⻤⻦⻧⻨⻁⻌⻍⻏⻖⻈⻆⻓",
                         "车长门见风马鱼页贝西飞黄齐龙龟齿角青食足骨鬼鸟卤麦兀辶辶阝阝讠角长")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(RADICALS))


@pytest.fixture(scope="module")
def report():
    return load_report(load_site(ROOT / "mkdocs.yml")).report


def _pages(report, site) -> list[tuple[str, str]]:
    project = next(p for p in report.projects.values()
                   if 'class="ps-chart"' in (site / "projects" / p.id / "index.html").read_text(encoding="utf-8"))
    cluster = next(iter(report.clusters))
    return [(f"projects/{project.id}/", "light"), (f"clusters/{cluster}/", "dark"), (f"years/{report.years[-1]}/", "light"),
            ("", "dark")]


def test_a_printed_page_has_no_navigation_search_or_toggles_and_every_chart(sample, visit, report):
    base, site = sample
    for path, scheme in _pages(report, site):
        v = visit(base, scheme=scheme)
        page = v.open(path)
        if scheme == "dark":  # the reader's dark scheme, as the theme's toggle sets it
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
            v.wait_for_charts()
        title = page.evaluate("document.querySelector('.md-typeset h1').firstChild.textContent")
        page.emulate_media(media="print")
        state = page.evaluate(STATE, CHROME)
        assert state["shown"] == [], (path, state["shown"])
        assert state["charts"] and all(c["width"] > 200 and c["height"] > 50 and c["inside"] == "avoid"
                                       for c in state["charts"]), (path, state["charts"])
        assert all(("invert" in c["filter"]) == (scheme == "dark") for c in state["charts"]), (path, state["charts"])
        assert state["rows"] and set(state["rows"]) == {"avoid"}, path
        assert set(state["heads"]) == {"table-header-group"}, path
        assert state["width"] >= state["page"] * 0.95, path  # the text uses the page's width
        if path == "":
            assert state["downloads"] and all("downloads/" in c for c in state["downloads"])

        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
        text = _plain("".join(p.extract_text() for p in pdf.pages))
        assert text.startswith(_plain(title)), (path, text[:80])  # no header or tabs before the title
        figures = page.evaluate("Array.from(document.querySelectorAll('figure.ps-chart figcaption')).map(f => f.innerText)")
        assert figures and all(_plain(f) in text for f in figures), (path, figures, text)
        v.close()
