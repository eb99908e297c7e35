"""Hostile text stays text in the browser; chart data is reachable by keyboard (axe: test_reading.py)."""

from __future__ import annotations

import re

import pytest

from ..sites import PAYLOADS

PAYLOAD_DOM_JS = """({
  handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
  frames: Array.from(document.querySelectorAll('iframe')).filter(f => f.getAttribute('srcdoc') || f.getAttribute('src')).length,
  images: Array.from(document.images).filter(i => i.getAttribute('src') === 'x').length,
  bold: Array.from(document.querySelectorAll('article b, article strong')).filter(b => /粗/.test(b.textContent)).length,
  scripts: Array.from(document.scripts).filter(s => s.type !== 'application/json' && /alert\\(/.test(s.textContent)).length,
  links: Array.from(document.querySelectorAll('a[href]')).filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
})"""


@pytest.mark.parametrize("path", ["projects/P1/", "projects/", "", "clusters/", "years/2024/", "tags/", "figures/", "heading/",
                                  "setext/", "clusters/b0/", "methodology/"])
def test_payloads_neither_run_nor_become_markup(hostile, visit, path):
    base, site = hostile
    if path == "clusters/":
        path = next(p.relative_to(site).as_posix() for p in (site / "clusters").iterdir() if p.is_dir()) + "/"
    v = visit(base)
    page = v.open(path)
    page.wait_for_timeout(300)
    assert v.dialogs == []
    assert page.evaluate(PAYLOAD_DOM_JS) == {"handlers": 0, "frames": 0, "images": 0, "bold": 0, "scripts": 0, "links": 0}
    assert v.errors == [] and v.outside() == []


def test_payloads_are_shown_literally(hostile, visit):
    v = visit(hostile[0])
    page = v.open("projects/P1/")
    text = " ".join(page.inner_text("article").split())
    for value in PAYLOADS.values():
        assert " ".join(value.split()) in text
    assert "49" not in text.replace("2024", "")  # {{ 7*7 }} was not evaluated
    assert page.title().startswith(PAYLOADS["name"])


def test_charts_have_names_and_their_tables_are_reachable_by_keyboard(sample, visit):
    v = visit(sample[0])
    page = v.open("clusters/metal/")
    labels = page.evaluate("Array.from(document.querySelectorAll('.ps-chart__canvas')).map(c => [c.getAttribute('role'), c.getAttribute('aria-label')])")
    assert labels and all(role == "img" and label and "：" in label for role, label in labels)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.ps-chart-data summary')"):
            break
    else:
        pytest.fail("no chart's data table could be reached with Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('details').open")
    cells = page.evaluate("Array.from(document.activeElement.closest('details').querySelectorAll('td')).length")
    assert cells > 0
    assert re.search(r"\d", page.evaluate("document.activeElement.closest('details').innerText"))
