"""What a visitor downloads: bytes transferred, compressed, on a first visit to a project page and then on a
second project page with the browser's cache warm.

    .venv/bin/python benchmarks/weight.py SITE_DIR /projects/P00001/ /projects/P00002/

Serves the built site on loopback as a web server commonly does (gzip for text, ``Last-Modified`` and
``If-Modified-Since``, no cache lifetime), visits the pages in Debian's Chromium and counts, through the
DevTools protocol, the bytes each response took on the wire (headers included; a file served from the cache
counts nothing). The page is left to settle until the network has been idle for half a second (its charts
drawn, its search ready), so whatever it loads by itself is counted.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import mimetypes
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
TEXT = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _Handler(http.server.BaseHTTPRequestHandler):
    root: Path

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.root / unquote(urlsplit(self.path).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        modified = email.utils.formatdate(int(path.stat().st_mtime), usegmt=True)
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Last-Modified", modified)
        if kind.startswith(TEXT) and "gzip" in (self.headers.get("Accept-Encoding") or ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (_Handler,), {"root": site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def transferred(site: Path, first: str, second: str) -> dict:
    """Bytes on the wire for ``first`` on a fresh browser and then ``second`` (paths on the site), and the
    largest files of the first visit."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            urls: dict[str, str] = {}
            sizes: dict[str, int] = {}
            cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
            cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))

            def visit(path: str) -> dict[str, int]:
                urls.clear()
                sizes.clear()
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(500)
                return {urls.get(k, k).removeprefix(base): v for k, v in sizes.items()}

            one, two = visit(first), visit(second)
            browser.close()
    finally:
        server.shutdown()
    largest = sorted(one.items(), key=lambda kv: -kv[1])[:6]
    return {"first KB": round(sum(one.values()) / 1e3, 1), "second KB": round(sum(two.values()) / 1e3, 1),
            "first files": len(one), "largest": [(u, round(n / 1e3, 1)) for u, n in largest]}


if __name__ == "__main__":
    print(transferred(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
