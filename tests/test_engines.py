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

from generator.engines.mkdocs import templatemarks

from .conftest import ROOT
from .sites import copy_sample, run
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
    for mark in ('class="ps-identity"', 'name="ColumnName" content="首页"', 'class="ps-reading"', 'rel="alternate feed"'):
        assert home.count(mark) == 1, mark  # printed by the export's theme template, and not by the hook too
    assert "<title>xx 重点项目建设及招商引资进展</title>" in home  # the site's name once
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


def test_the_export_of_hostile_data_is_safe_on_zensical_and_properdocs(hostile_site, tmp_path):
    run("generate", "--out", tmp_path / "project", cwd=hostile_site.parent / "s")
    result = subprocess.run([str(BIN / "zensical"), "build"], cwd=tmp_path / "project", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout
    assert_no_payload_became_markup(tmp_path / "project" / "site")
    # and on ProperDocs, whose templates escape nothing by themselves (the export's theme template does)
    result = subprocess.run([str(BIN / "properdocs"), "build", "-f", "mkdocs.yml", "-d", str(tmp_path / "properdocs")],
                            cwd=tmp_path / "project", capture_output=True, text=True, env={**os.environ, **ENV_NO_WARNING})
    assert result.returncode == 0, result.stderr
    assert_no_payload_became_markup(tmp_path / "properdocs")


def test_properdocs_runs_the_plugin_itself(tmp_path):
    """ProperDocs loads MkDocs plugins unchanged: the site builds from its data with the progress plugin."""
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, **ENV_NO_WARNING})
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="ps-chart"' in home and (tmp_path / "site" / "downloads" / "projects.csv").is_file()
    assert len(list((tmp_path / "site" / "projects").glob("*/index.html"))) > 20


def test_a_site_s_own_main_template_keeps_its_blocks_and_the_marks_come_on_top(tmp_path):
    """A site that overrides the theme's main.html keeps its blocks (its head block without the theme's, as
    Material's own example writes it), and its pages still carry the marks."""
    site = copy_sample(tmp_path / "s")
    (site / "overrides").mkdir()
    (site / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}本站为试运行版本{% endblock %}\n'
        '{% block extrahead %}<meta name="robots" content="noindex">{% endblock %}\n', encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    run("generate", "--out", tmp_path / "project", cwd=site)
    result = subprocess.run([str(BIN / "zensical"), "build"], cwd=tmp_path / "project", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout
    page = (tmp_path / "project" / "site" / "clusters" / "index.html").read_text(encoding="utf-8")
    assert "本站为试运行版本" in page and '<meta name="robots" content="noindex">' in page
    assert page.count('class="ps-identity"') == 1 and 'name="ColumnName" content="产业集群"' in page


@pytest.mark.parametrize("rel,url", [("index.md", ""), ("projects/index.md", "projects/"), ("projects/a.md", "projects/a/"),
                                     ("years/2022.md", "years/2022/")])
def test_the_export_names_each_page_by_the_address_mkdocs_gives_it(rel, url):
    assert templatemarks.page_url(rel) == url


@pytest.mark.parametrize("body,expected", [
    ("```\n# not a heading\n```\n\n## Sub\n# **xx** 项目 &amp;amp; <em>园区</em> {#top}\n", "xx 项目 &amp; 园区"),
    ("#标题 #\n", "标题"),
    ("正文\n\n下划线标题\n=====\n\n# 后来的\n", "下划线标题"),
    ("No heading\n\n## Only a second level\n", None),
])
def test_a_page_s_headline_is_its_first_heading_as_the_reader_sees_it(body, expected):
    assert templatemarks.headline(body) == expected


IDENTITY = {"site_name": "站", "columns": {"": "首页", "clusters": "产业集群"}, "updated": "2026-11-30", "tags": [],
            "footer": ""}
HEAD = '["PubDate", "2026-11-30"], ["Keywords", "站"]'


def _front(text: str) -> tuple[dict, str]:
    """What MkDocs reads of a page: its meta and its text."""
    from mkdocs.utils.meta import get_data

    body, meta = get_data(text)
    return meta, body


def test_a_page_without_front_matter_gets_its_meta_tags_in_a_new_one():
    text = templatemarks.with_page_head("# 标题\n\n正文\n", "notes/x.md", IDENTITY, None)
    assert text == ('---\nprogress_head: [["ColumnName", "标题"], ["ArticleTitle", "标题"], ' + HEAD +
                    ', ["Description", "标题"]]\n---\n\n# 标题\n\n正文\n')


def test_a_page_s_block_front_matter_gets_one_more_line():
    tagged = templatemarks.with_page_head('---\ntitle: "T &amp; U"\ntags:\n  - "甲&amp;乙"\n---\n正文\n', "clusters/a.md",
                                          IDENTITY, "站点简介")
    assert tagged == ('---\ntitle: "T &amp; U"\ntags:\n  - "甲&amp;乙"\nprogress_head: [["ColumnName", "产业集群"], '
                      '["ArticleTitle", "T & U"], ["PubDate", "2026-11-30"], ["Keywords", "甲&乙,站"]]\n---\n正文\n')


@pytest.mark.parametrize("front,meta", [
    ("---   \ntitle: T\n...\n", {"title": "T"}),  # MkDocs' other closing line, and spaces after the opening one
    ("---\n{title: T, tags: [甲]}\n---\n", {"title": "T", "tags": ["甲"]}),  # a flow mapping
    ("Title: T\nTags: 甲\n\n", {"title": "T", "tags": "甲"}),  # MultiMarkdown's lines
])
def test_front_matter_in_any_form_mkdocs_reads_keeps_its_meaning(front, meta):
    meta_read, body = _front(templatemarks.with_page_head(front + "正文\n", "notes/x.md", IDENTITY, None))
    assert body == "正文\n" and {k: v for k, v in meta_read.items() if k != "progress_head"} == meta
    assert ["ArticleTitle", "T"] in meta_read["progress_head"]


@pytest.mark.parametrize("front", ["---\n- a list\n---\n", "---\ntitle: [unclosed\n---\n"])
def test_front_matter_mkdocs_cannot_read_stays_text_after_the_meta_tags(front):
    meta, body = _front(templatemarks.with_page_head(front + "正文\n", "notes/some_file.md", IDENTITY, None))
    assert body == front + "正文\n"  # as MkDocs showed it before
    assert ["ArticleTitle", "Some file"] in meta["progress_head"]  # titled by its file's name, as MkDocs does


def test_the_home_page_is_titled_by_the_site_s_name_once_when_its_title_is_that_name():
    settings = lambda title: templatemarks.site_settings(IDENTITY, None, "404", None, title)["home_is_named"]
    assert settings('"站"') is False and settings("站") is True and settings("&#31449;") is True and settings(None) is False
    assert templatemarks.front_title('---\ntitle: "站 &amp; 台"\n---\n# x\n') == "站 &amp; 台"


def test_source_date_epoch_is_the_publication_date_else_the_data_s_as_of_date():
    """SOURCE_DATE_EPOCH (a reproducible build's date) is the date the footer, PubDate and the sitemap carry, on
    the plugin's pages and the export's alike (both take it from here)."""
    import datetime as dt

    from generator.rendering.identity import publication_date

    os.environ["SOURCE_DATE_EPOCH"] = "1764547200"  # 2025-12-01 UTC
    try:
        assert publication_date(None) == "2025-12-01"
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert dt.date.fromisoformat(publication_date(type("R", (), {"as_of": dt.date(2024, 9, 30)})())) == dt.date(2024, 9, 30)
