"""Publishing: CI files that lint, atomic and reproducible builds, strict checks, what changed this period."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.starter.workflows import REPOSITORY, github_workflow, gitlab_ci

from .conftest import ROOT, write_table
from .sites import EXE, copy_sample, run, set_plugin

BIN = Path(sys.executable).parent


def test_repository_ci_files_are_the_shipped_ones():
    """Regenerate with `make workflows`."""
    assert (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8") == github_workflow(**REPOSITORY["github"])
    assert (ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8") == gitlab_ci(**REPOSITORY["gitlab"])


@pytest.mark.parametrize("where", ["repository", "new site"])
def test_workflows_pass_their_linters(tmp_path, where):
    if where == "new site":
        run("new", tmp_path / "s")
        root = tmp_path / "s"
    else:
        root = ROOT
    github = root / ".github" / "workflows" / "publish.yml"
    result = subprocess.run([str(BIN / "actionlint"), "-no-color", str(github)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", str(root / ".gitlab-ci.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = github.read_text(encoding="utf-8")
    for needed in ('"data/**"', '"docs/**"', '"mkdocs.yml"', "workflow_dispatch", "cache: pip", "--format github",
                   "build --strict", "deploy-pages", "pull_request"):
        assert needed in text


def test_validate_annotates_file_and_row_for_github(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "建设状态"], ["A", "甲", "半停半建"], ["A", "乙", "在建"]])
    result = CliRunner().invoke(main, ["validate", "--format", "github"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("::error file=data/projects.csv,line=2,title=建设状态::未知的状态“半停半建”")
    assert lines[1] == "::error file=data/projects.csv,line=3,title=项目编号::编号“A”重复（第 2 行已使用） [id-duplicate]"
    assert lines[-1] == "2 个错误，0 个警告"


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_identical_file_by_file(sample_site, tmp_path):
    """The run's shared build of the sample, and another one now (seconds or minutes later)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    time.sleep(max(0.0, 1.1 - (time.time() - (sample_site / "index.html").stat().st_mtime)))  # a clock would differ
    subprocess.run([EXE, "build", "--strict", "-d", str(tmp_path / "b")], cwd=ROOT, check=True, capture_output=True,
                   env={**env, "NO_MKDOCS_2_WARNING": "1"})
    a, b = _tree(sample_site), _tree(tmp_path / "b")
    assert a == b and len(a) > 50


def _sample(tmp_path) -> Path:
    """The sample site, built without its bulletin: these tests are about the site and its folder."""
    return set_plugin(copy_sample(tmp_path / "src"), "bulletin: {formats: []}")


@pytest.fixture(scope="session")
def built_once(tmp_path_factory) -> Path:
    """The sample without its bulletin, built once per run with --strict: ``src`` and the site it made, ``out``."""
    from .shared import once

    def make(folder: Path) -> None:
        run("build", "--strict", "-d", folder / "out", cwd=_sample(folder))
    return once(tmp_path_factory, "sample-without-bulletin", make)


def _built(built_once: Path, tmp_path: Path) -> Path:
    """A copy of that sample and of the site a build made of it (as if built here): the copy's source folder."""
    shutil.copytree(built_once / "src", tmp_path / "src", symlinks=True)
    shutil.copytree(built_once / "out", tmp_path / "out", symlinks=True)
    return tmp_path / "src"


def test_a_template_error_leaves_the_site_as_it_was(built_once, tmp_path):
    site = _built(built_once, tmp_path)
    before = _tree(tmp_path / "out")
    (site / "templates").mkdir()
    (site / "templates" / "project.md.j2").write_text("{{ front(title) }}\n{{ p.no_such_field }}\n", encoding="utf-8")
    text = (site / "mkdocs.yml").read_text(encoding="utf-8").replace("      unit: 亿元\n", "      unit: 亿元\n      templates_dir: templates\n")
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = run("build", "-d", tmp_path / "out", cwd=site, check=False)
    assert result.returncode != 0 and "no_such_field" in result.stderr
    assert _tree(tmp_path / "out") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]


def test_a_killed_build_leaves_the_site_and_the_next_run_cleans_up(built_once, tmp_path):
    site = _built(built_once, tmp_path)
    before = _tree(tmp_path / "out")
    build = subprocess.Popen([EXE, "build", "-d", str(tmp_path / "out")], cwd=site, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    deadline = time.monotonic() + 60
    staging = []
    while time.monotonic() < deadline and not staging:
        staging = [p for p in tmp_path.iterdir() if p.name.startswith(".progress-site-staging-") and any(p.rglob("*.html"))]
        time.sleep(0.05)
    assert staging, "the build never started writing"
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert _tree(tmp_path / "out") == before
    run("build", "-d", tmp_path / "out", cwd=site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]


def test_strict_fails_on_a_broken_link_and_keeps_the_site(built_once, tmp_path):
    site = _built(built_once, tmp_path)
    before = _tree(tmp_path / "out")
    (site / "docs" / "about.md").write_text("# 关于\n\n见[不存在的页面](nowhere.md)。\n", encoding="utf-8")
    result = run("build", "--strict", "-d", tmp_path / "out", cwd=site, check=False)
    assert result.returncode == 1 and "nowhere.md" in result.stderr
    assert _tree(tmp_path / "out") == before


def test_strict_fails_on_a_page_no_link_leads_to(tmp_path):
    site = _sample(tmp_path)
    (site / "docs" / "hidden.md").write_text("# 无人链接的页面\n", encoding="utf-8")
    text = (site / "mkdocs.yml").read_text(encoding="utf-8") + "nav:\n  - 首页: index.md\n  - 项目一览: projects/index.md\n"
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = run("build", "-d", tmp_path / "out", cwd=site)
    assert "WARNING -  没有任何链接通向页面 hidden/index.html" in result.stderr
    result = run("build", "--strict", "-d", tmp_path / "out2", cwd=site, check=False)
    assert result.returncode == 1 and not (tmp_path / "out2").exists()


def test_build_says_what_this_period_changes(tmp_path):
    site = _sample(tmp_path)
    rows = (site / "data" / "progress.csv").read_text(encoding="utf-8-sig")
    rows = rows.replace("ZD03,xx能重卡整车生产线项目,2022年三季度,1,1.1,,在建,", "ZD03,xx能重卡整车生产线项目,2022年三季度,1,0.1,,停建,")
    (site / "data" / "progress.csv").write_text(rows, encoding="utf-8")
    result = run("build", "-d", tmp_path / "out", cwd=site)
    line = result.stdout.splitlines()[-1]
    assert line.startswith("本期（2022年三季度，对比2022年二季度）：新增 0 个项目；2 个项目状态变化；本期完成投资 5.5亿元")
    assert line.endswith("；1 个转为黄灯、红灯；4 个转为绿灯")  # ZD03 from green to yellow; ZD04, ZD11, ZD12, ZD13 the other way
    page = (tmp_path / "out" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "xx能重卡整车生产线项目" in page and "停建" in page
