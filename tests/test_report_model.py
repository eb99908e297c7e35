"""A report is assembled once and frozen; each page is made from one context, which is also what preview
compares to decide what to remake."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest

from generator import SiteConfig, load_report
from generator.rendering.pages import PageMaker
from generator.settings.config import Site
from generator.writing.output import generate, regenerate

from .conftest import ROOT, write_table

CLUSTERS = [["集群编号", "集群名称"], ["C1", "新材料"], ["C2", "装备制造"]]
PROJECTS = [["项目编号", "项目名称", "所属产业集群", "建设状态", "年度", "计划总投资（亿元）", "年度计划投资（亿元）"],
            ["A", "甲项目", "C1", "在建", "2024", "10", "4"],
            ["B", "乙项目", "C1", "在建", "2024", "8", "2"],
            ["C", "丙项目", "C2", "签约", "2024", "5", "1"]]
PROGRESS = [["项目编号", "报告期", "完成投资（亿元）"], ["A", "2024-03", "1"], ["B", "2024-03", "0.5"], ["C", "2024-03", "0.1"]]


def _site(folder, projects=PROJECTS, clusters=CLUSTERS, settings=None):
    write_table(folder / "data", "clusters", clusters)
    write_table(folder / "data", "projects", projects)
    write_table(folder / "data", "progress", PROGRESS)
    config = SiteConfig.from_mapping(settings or {}, "zh")
    site = Site(config, folder, folder / "data", "zh")
    loaded = load_report(site)
    assert loaded.ok, loaded.problems.sorted()
    return site, loaded.report


def test_a_report_is_assembled_once_with_its_year_dates_and_rule_and_cannot_be_changed(tmp_path):
    _, report = _site(tmp_path, settings={"lights": {"green_within": 5, "yellow_within": 20}})
    assert report.as_of.isoformat() == "2024-03-31" and report.current_year == 2024
    assert [p.key for p in report.periods] == ["2024-03"] and report.years == (2024,)
    assert (report.lights.green_within, report.lights.yellow_within) == (5, 20)
    assert all(p.current_year == 2024 for p in report.projects.values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.as_of = None
    with pytest.raises(TypeError):
        report.projects["Z"] = report.projects["A"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.projects["A"].name = "改"
    assert isinstance(report.projects["A"].progress, tuple)


def test_a_project_page_gets_its_context_and_nothing_of_the_whole_report(tmp_path):
    site, report = _site(tmp_path)
    maker = PageMaker(report)
    context = maker.project_contexts()["projects/A.md"]
    names = dict(context.values)
    assert "report" not in names and names["p"] is report.projects["A"] and names["cluster"].name == "新材料"
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "project.md.j2").write_text("{{ front(title) }}\n{{ report.as_of }}\n", encoding="utf-8")
    with pytest.raises(Exception, match="report"):  # a template cannot read past its context
        PageMaker(report, tmp_path / "templates").render(context)


def test_preview_remakes_the_pages_whose_context_changed_and_no_other(tmp_path):
    site, report = _site(tmp_path)
    old = generate(report, site, "测试")
    renamed = [CLUSTERS[0], ["C1", "新材料产业"], CLUSTERS[2]]
    _, changed_report = _site(tmp_path, clusters=renamed)
    new, changed = regenerate(old, changed_report, site, "测试")
    # the cluster's name is in the context of its two projects' pages, not of the third's
    assert {"projects/A.md", "projects/B.md"} <= changed and "projects/C.md" not in changed
    assert "新材料产业" in new.files["projects/A.md"]
    assert old.stamp[1] == new.stamp[1] and old.stamp[1] in old.files["projects/C.md"]  # the source in words, not a hash
    assert new.files["projects/C.md"] == old.files["projects/C.md"]
    # the contexts worked out are kept for the next edit; an unchanged project's context equals its old one
    assert new.project_contexts["projects/C.md"] == PageMaker(report, None, "测试").project_contexts()["projects/C.md"]
    assert new.project_contexts["projects/A.md"] != PageMaker(report, None, "测试").project_contexts()["projects/A.md"]


def test_a_build_dates_its_pages_from_the_data_and_leaves_the_environment_alone(tmp_path):
    script = f"""
import os, sys
from pathlib import Path
from generator import load_report, load_site
from generator.engines.mkdocs.commands import build
site = load_site(Path("mkdocs.yml"))
report = load_report(site).report
build(Path("mkdocs.yml"), site, report, Path({str(tmp_path / 'out')!r}), None, False, lambda staging: None)
print(os.environ.get("SOURCE_DATE_EPOCH"), report.as_of)
"""
    env = {k: v for k, v in __import__("os").environ.items() if k != "SOURCE_DATE_EPOCH"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**env, "NO_MKDOCS_2_WARNING": "1"})
    epoch, as_of = out.stdout.split()
    assert epoch == "None"
    # the compressed sitemap's header carries the pages' date: the data's, not the clock's
    stamp = int.from_bytes((tmp_path / "out" / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date().isoformat() == as_of
