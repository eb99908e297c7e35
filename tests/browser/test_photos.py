"""A project page with site photos on a phone: the thumbnails load, link to their full size, and fit."""

from __future__ import annotations

import pytest

from ..photos import PROJECT, sample_with_photos
from ..sites import run
from .conftest import MOBILE, serve


@pytest.fixture(scope="module")
def with_photos(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos")
    site = sample_with_photos(root / "s")
    run("build", "--strict", "-d", root / "out", cwd=site)
    base, server = serve(root / "out")
    yield base
    server.shutdown()


def test_photos_load_and_fit_a_phone(with_photos, visit):
    v = visit(with_photos, viewport=MOBILE)
    page = v.open(f"projects/{PROJECT}/")
    figures = page.locator("figure.ps-photo")
    assert figures.count() == 2
    for i in range(figures.count()):
        figures.nth(i).scroll_into_view_if_needed()  # thumbnails load lazily, when they come into view
    page.wait_for_function("Array.from(document.querySelectorAll('.ps-photo img')).every(i => i.complete)",
                           timeout=15_000)
    shown = page.evaluate("""Array.from(document.querySelectorAll('.ps-photo img')).map(i => ({
        natural: i.naturalWidth, width: i.getBoundingClientRect().width, right: i.getBoundingClientRect().right,
        alt: i.alt, full: i.closest('a').href}))""")
    assert [s["natural"] for s in shown] == [480, 640]
    assert all(0 < s["width"] and s["right"] <= MOBILE["width"] for s in shown)
    assert shown[0]["alt"] == "总装车间主体完工"
    assert page.locator("figure.ps-photo figcaption").first.inner_text() == "总装车间主体完工"
    statuses = page.evaluate("Promise.all(%r.map(u => fetch(u).then(r => r.status)))" % [s["full"] for s in shown])
    assert statuses == [200, 200]
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    assert v.errors == [] and v.failed == [] and v.outside() == []
    assert not [u for u in v.requests if not u.startswith("http://127.0.0.1:")]
