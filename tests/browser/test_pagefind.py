"""``search: pagefind``, the engine for large sites: Chinese search from the header, nothing from outside,
accessible, and hostile text stays text in its results."""

import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from ..sites import MKDOCS, build_hostile, copy_sample, run, use_pagefind
from .conftest import MOBILE, search, serve

BOX = ".ps-search .pagefind-ui__search-input"


@pytest.fixture(scope="module")
def pagefind_sample(tmp_path_factory):
    root = tmp_path_factory.mktemp("pagefind")
    site = use_pagefind(copy_sample(root / "src"))
    run("build", "--strict", "-d", root / "site", cwd=site)
    base, server = serve(root / "site")
    yield base, root / "site"
    server.shutdown()


def _search(page, text: str) -> list[str]:
    return search(page, text, BOX, ".pagefind-ui__result-link")


def test_the_build_writes_pagefinds_index_instead_of_the_themes(pagefind_sample):
    _, site = pagefind_sample
    assert (site / "pagefind" / "pagefind-entry.json").is_file() and (site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (site / "search" / "search_index.json").exists()
    html = (site / "projects" / "ZD08" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../../pagefind/pagefind-ui.js"></script>' in html and "md-search__input" not in html


def test_the_export_indexes_the_same_way_with_plain_mkdocs(pagefind_sample, tmp_path):
    site = use_pagefind(copy_sample(tmp_path / "src"))
    run("generate", "--out", tmp_path / "export", cwd=site)
    assert "hooks/pagefind.py" in (tmp_path / "export" / "mkdocs.yml").read_text(encoding="utf-8")
    subprocess.run([MKDOCS, "build", "-q", "-d", str(tmp_path / "plain")], cwd=tmp_path / "export", check=True)
    ours = sorted(p.name for p in (pagefind_sample[1] / "pagefind" / "index").iterdir())
    assert ours and sorted(p.name for p in (tmp_path / "plain" / "pagefind" / "index").iterdir()) == ours


def test_a_site_zensical_builds_from_the_export_is_indexed_by_the_index_command(tmp_path, visit):
    """Zensical runs no MkDocs hook: `generate` says so, and `progress-site index` indexes its site."""
    site = use_pagefind(copy_sample(tmp_path / "src"))
    said = run("generate", "--out", tmp_path / "export", cwd=site).stdout.splitlines()
    built = tmp_path / "export" / "site"
    assert said[1:] == [f"站内搜索用 Pagefind：用 zensical build 生成网站后，再运行 progress-site index {built} 建立索引"
                        "（mkdocs build 和 properdocs build 会自己建立）"]
    zensical = subprocess.run([str(Path(sys.executable).parent / "zensical"), "build"], cwd=tmp_path / "export",
                              capture_output=True, text=True)
    assert zensical.returncode == 0, zensical.stderr + zensical.stdout
    assert not (built / "pagefind").exists()
    assert run("index", built).stdout == f"已建立搜索索引 {built / 'pagefind'}\n"
    base, server = serve(built)
    try:
        v = visit(base)
        results = _search(v.open("projects/ZD01/"), "加注站")
        assert results and results[0] == "/projects/ZD08/", results
        assert v.outside() == [] and v.failed == [] and v.errors == []
    finally:
        server.shutdown()


@pytest.mark.parametrize("query,expected", [
    ("金属智造产业集群", "/clusters/metal/"),  # a cluster name
    ("xx能加注站网络项目", "/projects/ZD08/"),  # a full project name
    ("加注站", "/projects/ZD08/"),  # a word from a description
])
def test_chinese_search_from_the_header_finds_the_page_first(pagefind_sample, visit, query, expected):
    v = visit(pagefind_sample[0])
    results = _search(v.open("projects/ZD01/"), query)
    assert results and results[0] == expected, results
    assert v.outside() == [] and v.failed == [] and v.errors == []


def test_the_box_fits_a_phone_and_passes_axe(pagefind_sample, visit):
    v = visit(pagefind_sample[0], viewport=MOBILE)
    page = v.open("clusters/metal/")
    _search(page, "金属")
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    violations = Axe().run(page).response["violations"]
    assert [(x["id"], x["impact"]) for x in violations if x["impact"] in ("serious", "critical")] == []


def test_hostile_text_in_results_stays_text(tmp_path_factory, visit):
    out = build_hostile(tmp_path_factory.mktemp("hostile-pagefind"), pagefind=True)
    base, server = serve(out)
    try:
        v = visit(base)
        page = v.open("")
        assert "/projects/P2/" in _search(page, "正常项目")
        assert "/projects/P1/" in _search(page, "粗体")  # from the payload name
        titles = page.evaluate("Array.from(document.querySelectorAll('.pagefind-ui__result-title')).map(t => t.textContent)")
        assert any("<script>alert('name')</script>" in t for t in titles), titles  # shown as text
        assert v.dialogs == [] and v.errors == []
        assert page.evaluate("document.querySelectorAll('.pagefind-ui img, .pagefind-ui iframe, .pagefind-ui script, "
                             ".pagefind-ui svg[onload]').length") == 0
    finally:
        server.shutdown()
