"""Built sites served on loopback and visited in Debian's Chromium, driven by Playwright.

No browser is downloaded: Playwright starts /usr/bin/chromium (``make test`` installs it).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from generator.rendering.reading import STORE as READING_STORE

from ..conftest import ROOT

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
# Without the background-networking switches Chromium calls out to the internet at every start.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio"]
SCREENSHOTS = ROOT / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}


def search(page, text: str, box: str = ".md-search__input", results: str = ".md-search-result__item > a") -> list[str]:
    """Type into a search box as a person with an input method does, and read the result links (paths)
    once they stop changing. Material's box by default; Pagefind's with its selectors."""
    page.click(box)
    page.fill(box, "")
    page.keyboard.insert_text(text)  # Chinese arrives without key events …
    page.keyboard.press("End")  # … so press a key, as the input method's commit would
    page.wait_for_selector(results, timeout=15_000)
    previous, stable_since = None, time.monotonic()
    while time.monotonic() - stable_since < 0.6:
        links = page.evaluate(f"Array.from(document.querySelectorAll({results!r})).map(a => new URL(a.href).pathname)")
        if links != previous:
            previous, stable_since = links, time.monotonic()
        time.sleep(0.1)
    return previous


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


def serve(folder: Path):
    """Serve ``folder`` on a free loopback port in a background thread; returns (base URL, server)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@contextlib.contextmanager
def served(folder: Path):
    """``folder`` served (see :func:`serve`) while the block runs: its base URL."""
    base, server = serve(folder)
    try:
        yield base
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def sample(sample_site):
    """The sample site, built and served: (base URL, site folder)."""
    with served(sample_site) as base:
        yield base, sample_site


@pytest.fixture(scope="session")
def hostile(hostile_site):
    """A site whose names, notes and descriptions carry script, HTML, link and template payloads."""
    with served(hostile_site) as base:
        yield base, hostile_site


class Visit:
    """One page visit that records every request, failure, console error and dialog."""

    def __init__(self, browser, base: str, viewport=DESKTOP, scheme: str | None = None, script: bool = True,
                 reading: dict | None = None, context=None):
        """``script``: whether the page's scripts run; ``reading``: the reading aids' modes the browser has
        remembered (as the page script stores them), e.g. ``{"large": True}``; ``context``: a browser context
        to open the page in (one of :func:`kept_contexts`) instead of a new one with those settings."""
        self.base = base
        self.script = script  # as the context was made
        self._owns_context = context is None
        self.context = context or self.new_context(browser, viewport, scheme, script, reading)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self._opened = 0  # pages opened so far; each request is marked with the page that made it
        self._made_by: dict[object, int] = {}
        self.page.on("request", self._request)
        self.page.on("requestfailed", self._request_failed)
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    @staticmethod
    def new_context(browser, viewport=DESKTOP, scheme: str | None = None, script: bool = True, reading: dict | None = None):
        context = browser.new_context(viewport=viewport, color_scheme=scheme or "light", service_workers="block",
                                      java_script_enabled=script)
        if reading:
            context.add_init_script(f"localStorage.setItem({READING_STORE!r}, {json.dumps(json.dumps(reading))})")
        return context

    def _request(self, request) -> None:
        self.requests.append(request.url)
        self._made_by[request] = self._opened

    def _request_failed(self, request) -> None:
        """A failed request, unless it is one of an earlier page that going to the next page cancelled."""
        cancelled = "ERR_ABORTED" in (request.failure or "") and self._made_by.get(request, self._opened) < self._opened
        if not cancelled:
            self.failed.append(f"{request.url} {request.failure}")

    def open(self, path: str):
        self._opened += 1
        self.page.goto(self.base + path, wait_until="load")
        if self.script:
            self.wait_for_charts()
        return self.page

    def wait_for_charts(self):
        self.page.wait_for_function(
            "Array.from(document.querySelectorAll('.ps-chart__canvas'))"
            ".every(c => ['yes', 'error'].includes(c.getAttribute('data-drawn')))", timeout=20_000)

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base) and not u.startswith(("data:", "blob:"))]

    def close(self):
        (self.context if self._owns_context else self.page).close()


@pytest.fixture(scope="module")
def kept_contexts(browser):
    """Browser contexts kept across a module's tests, one per set of settings (those of :meth:`Visit.new_context`),
    for tests that only read their pages: cache and compiled scripts carry from page to page, as in a reader's
    browser."""
    kept = {}

    def context(**settings):
        key = json.dumps(settings, sort_keys=True)
        if key not in kept:
            kept[key] = Visit.new_context(browser, **settings)
        return kept[key]
    yield context
    for c in kept.values():
        c.close()


@pytest.fixture
def visit(browser):
    opened = []

    def make(base, **kw):
        v = Visit(browser, base, **kw)
        opened.append(v)
        return v
    yield make
    for v in opened:
        v.close()
