"""The ``generate --out`` export builds on the engines that come after Material for MkDocs: Zensical (its
successor, which reads mkdocs.yml but runs no plugin) and ProperDocs (which continues MkDocs 1.6)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .sites import build_hostile, run
from .test_safety import assert_no_payload_became_markup

BIN = Path(sys.executable).parent
ENV_NO_WARNING = {"NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    run("generate", "--out", root / "project")
    return root / "project"


def _expected_pages(project: Path) -> set[str]:
    """The HTML page every Markdown page of the export becomes."""
    pages = set()
    for md in (project / "docs").rglob("*.md"):
        rel = md.relative_to(project / "docs").with_suffix("")
        pages.add("index.html" if rel.as_posix() == "index" else
                  (rel.parent / "index.html").as_posix() if rel.name == "index" else (rel / "index.html").as_posix())
    return pages


def _check_site(project: Path, site: Path, search_index: Path) -> None:
    built = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    assert _expected_pages(project) <= built
    home = (site / "index.html").read_text(encoding="utf-8")
    charts = re.findall(r'<figure class="ps-chart" id="(chart-[^"]+)"[^>]*>.*?<script type="application/json" id="\1-spec">',
                        home, re.S)
    assert len(charts) >= 3  # drawn by the page script from their specs
    for asset in ("assets/progress/progress.js", "assets/progress/progress.css"):
        assert (site / asset).is_file() and asset in home
    assert (site / "assets" / "progress" / "vega.js").is_file()  # which the page script loads where a chart is
    for markdown in (project / "docs" / "projects").glob("*.md"):
        if markdown.stem == "index":
            continue
        page = (site / "projects" / markdown.stem / "index.html").read_text(encoding="utf-8")
        assert 'class="ps-stamp ps-stamp--sources"' in page
        assert ('class="ps-chart"' in page) == ('class="ps-chart"' in markdown.read_text(encoding="utf-8"))
    index = json.loads(search_index.read_text(encoding="utf-8"))
    entries = index.get("items") or index.get("docs")
    locations = {e["location"].split("#")[0] for e in entries}
    assert any(loc.startswith("projects/") for loc in locations) and len(locations) >= len(_expected_pages(project)) - 1


def test_zensical_builds_every_page_chart_and_the_search_index(export, tmp_path):
    result = subprocess.run([str(BIN / "zensical"), "build"], cwd=export, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout
    _check_site(export, export / "site", export / "site" / "search.json")
    assert "404 - 页面不存在" in (export / "site" / "404.html").read_text(encoding="utf-8")  # the site's language


def test_properdocs_builds_every_page_chart_and_the_search_index(export, tmp_path):
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
                            cwd=export, capture_output=True, text=True, env={**os.environ, **ENV_NO_WARNING})
    assert result.returncode == 0, result.stderr
    _check_site(export, tmp_path / "site", tmp_path / "site" / "search" / "search_index.json")


def test_the_export_of_hostile_data_is_safe_on_zensical_which_runs_no_page_hook(tmp_path):
    hostile = build_hostile(tmp_path / "hostile")
    run("generate", "--out", tmp_path / "project", cwd=hostile.parent / "s")
    result = subprocess.run([str(BIN / "zensical"), "build"], cwd=tmp_path / "project", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout
    assert_no_payload_became_markup(tmp_path / "project" / "site")


def test_properdocs_runs_the_plugin_itself(tmp_path):
    """ProperDocs loads MkDocs plugins unchanged: the site builds from its data with the progress plugin."""
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, **ENV_NO_WARNING})
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="ps-chart"' in home and (tmp_path / "site" / "downloads" / "projects.csv").is_file()
    assert len(list((tmp_path / "site" / "projects").glob("*/index.html"))) > 20
