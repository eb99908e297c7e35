"""Every page kind of the sample and the district example, as Chromium shows it at 1280 and 375 px, in the light
scheme, the dark one and with the reading aids on: what ``make screenshots`` writes into ``screenshots/pages/``, to be
looked at before a change to the pages is done. The first screen of each (what a reader sees before scrolling) and
the whole page.

    python -m tests.screenshots [folder]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.rendering.reading import STORE as READING_STORE

from .browser.conftest import ARGS, CHROMIUM, served
from .conftest import ROOT
from .sites import run

#: Each site's page kinds: name -> address.
PAGES = {
    "sample": {"home": "", "project-red": "projects/ZD14/", "project-green": "projects/ZD03/", "project-unlit": "projects/ZD01/", "cluster": "clusters/metal/",
               "year": "years/2022/", "index": "projects/", "rankings": "rankings/", "changes": "changes/",
               "methodology": "methodology/", "report": "report/"},
    "district": {"home": "", "stage": "stages/new/", "project-red": "projects/2024-330112-65-01-530018/",
                 "package": "projects/2024-330112-47-01-512233/", "index": "projects/", "rankings": "rankings/",
                 "changes": "changes/", "methodology": "methodology/"},
}
SOURCES = {"sample": ROOT, "district": ROOT / "examples" / "district-monthly"}
WIDTHS = {"1280": {"width": 1280, "height": 800}, "375": {"width": 375, "height": 812}}
MODES = {"light": ("light", None), "dark": ("dark", None), "aids": ("light", {"large": True, "contrast": True})}


def shoot(built: dict[str, Path], out: Path) -> int:
    """Screenshots of the sites ``built`` (name -> built folder, names as in :data:`PAGES`) into ``out``; how many."""
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for site, folder in built.items():
            with served(folder) as base:
                for width, viewport in WIDTHS.items():
                    for mode, (scheme, reading) in MODES.items():
                        context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block")
                        if reading:
                            context.add_init_script(f"localStorage.setItem({READING_STORE!r}, {json.dumps(json.dumps(reading))})")
                        page = context.new_page()
                        for kind, path in PAGES[site].items():
                            page.goto(base + path, wait_until="load")
                            page.wait_for_function("Array.from(document.querySelectorAll('.ps-chart__canvas'))"
                                                   ".every(c => c.getAttribute('data-drawn') !== 'pending')", timeout=15_000)
                            name = f"{site}-{kind}-{width}-{mode}"
                            page.screenshot(path=out / f"{name}-first.png")
                            page.screenshot(path=out / f"{name}.png", full_page=True)
                            written += 2
                        context.close()
        browser.close()
    return written


def main(out: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        built = {}
        for site, source in SOURCES.items():
            built[site] = Path(tmp) / site
            run("build", "-d", built[site], cwd=source, fresh=True)
        written = shoot(built, out)
    print(f"{written} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots" / "pages"))
