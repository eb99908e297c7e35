"""Search as a visitor meets it: seconds from typing a project's name on a freshly loaded page to its result.

    .venv/bin/python benchmarks/search.py SITE_DIR "项目名称" /projects/P00001/

Serves the built site on loopback and drives Debian's Chromium with Playwright.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def first_result(site: Path, query: str, expected_path: str, timeout: float = 60) -> tuple[float | None, list[str]]:
    """Seconds from the query being typed (right after the page's load event) to ``expected_path``
    showing among the first ten results (None when it never does within ``timeout``), and the site's
    files the search fetched."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(f"{base}/", wait_until="load")
            fetched: list[str] = []
            page.on("request", lambda r: fetched.append(r.url.removeprefix(base).split("?")[0]))
            start = time.perf_counter()
            if page.locator(".md-search__input").count():  # Material's search
                page.click(".md-search__input")
                page.keyboard.insert_text(query)
                page.keyboard.press("End")
                selector = ".md-search-result__item > a"
            else:  # Pagefind's
                page.click(".ps-search .pagefind-ui__search-input")
                page.keyboard.insert_text(query)
                page.keyboard.press("End")
                selector = ".pagefind-ui__result-link"
            found = None
            while time.perf_counter() - start < timeout:
                links = page.evaluate(f"Array.from(document.querySelectorAll({selector!r})).slice(0, 10)"
                                      ".map(a => new URL(a.href, location.href).pathname)")
                if expected_path in links:
                    found = time.perf_counter() - start
                    break
                time.sleep(0.02)
            browser.close()
            return found, fetched
    finally:
        server.shutdown()


if __name__ == "__main__":
    print(first_result(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
