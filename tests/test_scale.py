"""Generation stays linear: page count grows with the projects, a project page's size does not."""

import statistics

from generator.starter.synth import make

from .sites import copy_sample, run


def _build(tmp_path, projects: int, clusters: int = 8):
    site = copy_sample(tmp_path / f"s{projects}-{clusters}")
    for old in (site / "data").glob("*.csv"):
        old.unlink()
    make(site / "data", projects, clusters=clusters, periods=12, seed=7)
    for page in ("index.md", "report.md", "years/2021.md", "years/2022.md"):  # the sample's prose speaks of its own data
        (site / "docs" / page).unlink()
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


def test_synthetic_data_is_deterministic_and_valid(tmp_path):
    make(tmp_path / "a", 50, clusters=5, periods=3, seed=3)
    make(tmp_path / "b", 50, clusters=5, periods=3, seed=3)
    for name in ("projects.csv", "clusters.csv", "progress.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    result = run("validate", "--data", tmp_path / "a", cwd=tmp_path)
    assert result.stdout.splitlines()[-1].startswith("数据检查通过：50 个项目，5 个产业集群，3 个报告期；0 个错误")
