"""Generation stays linear: page count grows with the projects, a project page's size does not."""

import statistics

from generator.settings.config import PAGEFIND_FROM
from generator.starter.synth import make

from .sites import copy_sample, run


def _synthetic(folder, projects: int, clusters: int = 8, periods: int = 12):
    """The sample site with synthetic data instead of its own."""
    site = copy_sample(folder)
    for old in (site / "data").glob("*.csv"):
        old.unlink()
    make(site / "data", projects, clusters=clusters, periods=periods, seed=7)
    for page in ("index.md", "report.md", "years/2021.md", "years/2022.md"):  # the sample's prose speaks of its own data
        (site / "docs" / page).unlink()
    return site


def _build(tmp_path, projects: int, clusters: int = 8):
    site = _synthetic(tmp_path / f"s{projects}-{clusters}", projects, clusters)
    out = tmp_path / f"out{projects}-{clusters}"
    run("build", "-d", out, cwd=site)
    pages = list(out.rglob("*.html"))
    sizes = [p.stat().st_size for p in (out / "projects").glob("P*/index.html")]
    return len(pages), sizes


def test_pages_grow_with_projects_and_project_pages_do_not(tmp_path):
    small_count, small = _build(tmp_path, 30)
    large_count, large = _build(tmp_path, 120)
    assert (len(small), len(large)) == (30, 120)
    assert large_count - small_count == 90  # one page more per project, nothing else
    assert abs(statistics.median(large) / statistics.median(small) - 1) < 0.05
    assert max(large) < 1.1 * max(small)


def test_many_clusters_do_not_weigh_on_every_page(tmp_path):
    """Past a dozen clusters the navigation links to the clusters' index instead of listing them all."""
    _, few = _build(tmp_path, 40, clusters=8)
    _, many = _build(tmp_path, 40, clusters=36)
    assert statistics.median(many) < 1.03 * statistics.median(few)


def test_a_site_of_pagefind_size_gets_pagefind_by_default(tmp_path):
    """``search: auto``: from PAGEFIND_FROM projects the export carries Pagefind's indexing step and its box."""
    site = _synthetic(tmp_path / "s", PAGEFIND_FROM, periods=2)
    run("generate", "--out", tmp_path / "export", cwd=site)
    settings = (tmp_path / "export" / "mkdocs.yml").read_text(encoding="utf-8")
    assert (tmp_path / "export" / "hooks" / "pagefind.py").is_file() and "pagefind/pagefind-ui.js" in settings


def test_synthetic_data_is_deterministic_and_valid(tmp_path):
    make(tmp_path / "a", 50, clusters=5, periods=3, seed=3)
    make(tmp_path / "b", 50, clusters=5, periods=3, seed=3)
    for name in ("projects.csv", "clusters.csv", "progress.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    result = run("validate", "--data", tmp_path / "a", cwd=tmp_path)
    assert result.stdout.splitlines()[-1].startswith("数据检查通过：50 个项目，5 个产业集群，3 个报告期；0 个错误")
