"""``generate --out``: a self-contained MkDocs project that plain ``mkdocs build`` turns into the same site.

The site's own mkdocs.yml is kept verbatim as ``base.yml``; the new ``mkdocs.yml`` inherits it and
replaces what the plugin would have done: the plugin list (without ``progress``), the navigation,
the assets and the search settings; a theme template prints the government site's marks and the reading aids
(``templatemarks``), so that an engine running no page hook (Zensical) shows them too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ...model.report import Report
from ...rendering.feed import feed_head
from ...settings.config import PLUGIN_NAME, read_mkdocs_yml
from ...text.catalogue import say
from ...writing.output import CSS, JS, Output, compose, nav, own_pages
from . import pagefind, templatemarks
from .notfound import not_found_template
from .pagehooks import defang


def _plugins(raw: list | dict | None, separator: str, fields: dict, pagefind: bool = False) -> list:
    items = raw.items() if isinstance(raw, dict) else (
        next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in (raw or []))
    out = []
    for name, settings in items:
        if name == PLUGIN_NAME:
            continue
        if name in ("search", "material/search"):
            settings = dict(settings or {})
            if pagefind:
                settings["enabled"] = False
            else:
                settings.setdefault("separator", separator)
                settings.setdefault("fields", fields)
        out.append({name: settings} if settings else name)
    return out


def _own(output: Output, path: Path) -> str:
    """A hand-written page with its figures filled in, and no attribute of its HTML able to run script: what
    the page hook does to the built page, done here too for engines that run no hook (Zensical)."""
    return defang(output.figures.expand(path.read_text(encoding="utf-8-sig")))


def export_project(config_file: Path, report: Report, output: Output, out_dir: Path, copyright: str | None,
                   separator: str, search_fields: dict, search: str = "material") -> list[Path]:
    """Write the project into ``out_dir`` (which must be empty or absent); returns the files written."""
    config_file = config_file.resolve()
    root = config_file.parent
    raw = read_mkdocs_yml(config_file)
    docs_dir = root / raw.get("docs_dir", "docs")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    description = raw.get("site_description")

    def write(rel: str, content: str | bytes) -> None:
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)

    shutil.copyfile(config_file, out_dir / "base.yml")
    written.append(out_dir / "base.yml")
    generated = output.page_paths()
    own = own_pages(docs_dir)
    if docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*")):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_dir() or rel in output.files:
                continue
            if path.suffix == ".md":
                write(f"docs/{rel}", templatemarks.with_page_head(_own(output, path), rel, output.identity, description))
            else:
                write(f"docs/{rel}", path.read_bytes())
    for rel, content in output.files.items():
        if rel in generated and rel in own:
            content = compose(_own(output, docs_dir / rel), content)
        if rel in generated:
            content = templatemarks.with_page_head(content, rel, output.identity, description)
        write(f"docs/{rel}", content)
    theme = raw.get("theme") if isinstance(raw.get("theme"), dict) else {}
    custom = root / theme["custom_dir"] if theme.get("custom_dir") else None
    overrides = {path.relative_to(custom).as_posix(): path.read_bytes() for path in sorted(custom.rglob("*"))
                 if path.is_file()} if custom and custom.is_dir() else {}
    overrides.update(templatemarks.templates(overrides))  # the marks and reading aids, printed by the theme
    for rel, content in overrides.items():
        write(f"overrides/{rel}", content)
    if "404.html" not in overrides:
        write("overrides/404.html", not_found_template(report.language))
    use_pagefind = search == "pagefind"
    # what the plugin does to every page's content, as a MkDocs hook
    write("hooks/pages.py", (Path(__file__).parent / "pagehooks.py").read_text(encoding="utf-8"))
    if use_pagefind:  # the same indexing step, as a MkDocs hook
        write("hooks/pagefind.py", (Path(__file__).parent / "pagefind.py").read_text(encoding="utf-8"))
    if report.photos:  # the Markdown extensions the photos' figures need, as a MkDocs hook
        write("hooks/photos.py", (Path(__file__).parent / "photomarkup.py").read_text(encoding="utf-8"))
    home = out_dir / "docs" / "index.md"
    settings = {
        "INHERIT": "base.yml",
        "docs_dir": "docs",
        "plugins": _plugins(raw.get("plugins"), separator, search_fields, use_pagefind),
        "nav": raw.get("nav") or nav(report, output, own, report.language),
        "extra_css": [*CSS, *(raw.get("extra_css") or []), *(pagefind.CSS if use_pagefind else [])],
        "extra_javascript": [*(pagefind.JS if use_pagefind else []), *(raw.get("extra_javascript") or []), *JS],
        "theme": {"font": False, "custom_dir": "overrides", "variant": "classic"},  # variant: Zensical's look of Material
        "extra": {"generator": (raw.get("extra") or {}).get("generator", False),
                  "progress_site": templatemarks.site_settings(
                      output.identity, feed_head(output.files, report.language), say("not-found-title", report.language),
                      description, templatemarks.front_title(home.read_text(encoding="utf-8")) if home.is_file() else None)},
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    settings["hooks"] = [*(raw.get("hooks") or []), "hooks/pages.py", *(["hooks/pagefind.py"] if use_pagefind else []),
                         *(["hooks/photos.py"] if report.photos else [])]
    if copyright:
        settings["copyright"] = copyright
    lines = ["# Made by progress-site generate: plain `mkdocs build` builds the site from this folder."]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()]
    write("mkdocs.yml", "\n".join(lines) + "\n")
    return written
