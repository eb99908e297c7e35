"""``progress-site validate``: exact output, exit codes, formats, languages."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT, write_table

MKDOCS_ZH = "site_name: 测试\ntheme:\n  name: material\n  language: zh\nplugins:\n  - search\n  - progress\n"
MKDOCS_EN = MKDOCS_ZH.replace("language: zh", "language: en")


def run(*args):
    return CliRunner().invoke(main, ["validate", *args])


@pytest.fixture
def bad_site(site):
    (site / "mkdocs.yml").write_text(MKDOCS_ZH, encoding="utf-8")
    write_table(site / "data", "projects", [["项目编号", "项目名称", "建设状态", "计划总投资（亿元）"],
                                            ["A", "甲", "半停半建", "xx"], ["A", "乙", "在建", "两亿"]])
    return site


def test_sample_site_validates():
    result = CliRunner().invoke(main, ["validate", "-f", str(ROOT / "mkdocs.yml")])
    assert result.exit_code == 0
    assert result.output == ("读取 4 个文件，共 89 行：标题和说明 1 行、表头 4 行、数据 83 行、合计 1 行\n"
                             "数据检查通过：26 个项目，5 个产业集群，4 个报告期；0 个错误，0 个警告\n")


def test_problems_one_per_line_errors_first_then_summary(bad_site):
    result = run()
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "data/projects.csv:2: 建设状态: 错误：未知的状态“半停半建”（可用：储备/谋划/前期/预备等、洽谈/在谈/意向/拟签约等、"
        "签约/已签约/签约未开工、未开工/待开工/拟开工/尚未开工等、开工/已开工/在建/动工等、试投产/试运行/试生产/调试、"
        "投产/已投产/部分投产/运营等、建成/已建成/竣工/完工等、停建/暂停/缓建/停工等、终止/已终止/取消/已取消等；可在配置 statuses 中添加） [status-unknown]",
        "data/projects.csv:3: 项目编号: 错误：编号“A”重复（第 2 行已使用） [id-duplicate]",
        "data/projects.csv:3: 计划总投资（亿元）: 错误：“两亿”不是金额：应为数字（可带单位和“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空"
        " [amount-invalid]",
        "data/projects.csv:2: 计划总投资（亿元）: 警告：“xx”为未公开数值：页面显示为“未公开”，不计入合计（合计标为不完整） [withheld-value]",
        "读取 1 个文件，共 3 行：表头 1 行、数据 2 行",
        "3 个错误，1 个警告",
    ]


def test_english_site_speaks_english(bad_site):
    (bad_site / "mkdocs.yml").write_text(MKDOCS_EN, encoding="utf-8")
    lines = run().output.splitlines()
    assert lines[1] == "data/projects.csv:3: 项目编号: error: id “A” is used twice (first in row 2) [id-duplicate]"
    assert lines[-1] == "3 error(s), 1 warning(s)"


def test_warnings_pass_unless_strict(site):
    (site / "mkdocs.yml").write_text(MKDOCS_ZH, encoding="utf-8")
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资"], ["A", "甲", "xx"]])
    ok = run()
    assert ok.exit_code == 0
    assert ok.output.splitlines()[-1] == "数据检查通过：1 个项目，0 个产业集群，0 个报告期；0 个错误，1 个警告"
    strict = run("--strict")
    assert strict.exit_code == 1
    assert strict.output.splitlines() == [
        "data/projects.csv:2: 计划总投资: 错误：“xx”为未公开数值：页面显示为“未公开”，不计入合计（合计标为不完整） [withheld-value]",
        "读取 1 个文件，共 2 行：表头 1 行、数据 1 行",
        "1 个错误，0 个警告"]


def test_json_format(bad_site):
    result = run("--format", "json")
    assert result.exit_code == 1
    out = json.loads(result.output)
    assert (out["ok"], out["errors"], out["warnings"]) == (False, 3, 1)
    assert out["problems"][1] == {"severity": "error", "code": "id-duplicate", "file": "data/projects.csv", "row": 3,
                                  "column": "项目编号", "value": "A", "message": "编号“A”重复（第 2 行已使用）"}


def test_data_option_and_config_option(bad_site, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    write_table(other, "projects", [["项目编号", "项目名称"], ["B", "乙"]])
    result = run("--data", str(other), "-f", str(bad_site / "mkdocs.yml"))
    assert result.exit_code == 0 and "1 个项目" in result.output


@pytest.mark.parametrize("args", [["--format", "xml"], ["-f", "missing.yml"], ["--data", "missing"], ["--nope"]])
def test_bad_usage_exits_2(site, args):
    result = run(*args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_bad_settings_name_the_key(site):
    (site / "mkdocs.yml").write_text(MKDOCS_ZH.replace("  - progress\n", "  - progress:\n      unit: 公斤\n      colums: {}\n"),
                                     encoding="utf-8")
    result = run()
    assert result.exit_code == 1
    assert result.output.splitlines() == ["mkdocs.yml: 错误：配置项 plugins.progress.colums：不是已知的配置项 [config-invalid]", "1 个错误，0 个警告"]
    (site / "mkdocs.yml").write_text(MKDOCS_ZH.replace("  - progress\n", "  - progress:\n      unit: 公斤\n"), encoding="utf-8")
    assert run().output.splitlines()[0].startswith("mkdocs.yml: 错误：配置项 plugins.progress.unit：“公斤”不是 CNY 的单位")


def test_mkdocs_yml_with_python_tags_is_read(site):
    text = MKDOCS_ZH + "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["A", "甲"]])
    assert run().exit_code == 0


@pytest.mark.parametrize("command", [["progress-site"], [sys.executable, "-m", "generator"]])
def test_console_script_and_module(command):
    exe = command[0] if command[0] == sys.executable else str(Path(sys.executable).parent / command[0])
    out = subprocess.run([exe, *command[1:], "validate"], capture_output=True, text=True, cwd=ROOT)
    assert (out.returncode, out.stdout, out.stderr) == (
        0, "读取 4 个文件，共 89 行：标题和说明 1 行、表头 4 行、数据 83 行、合计 1 行\n"
           "数据检查通过：26 个项目，5 个产业集群，4 个报告期；0 个错误，0 个警告\n", "")


@pytest.mark.parametrize("language,name", [("zh", "DICTIONARY.md"), ("en", "DICTIONARY.en.md")])
def test_dictionary_command_matches_the_committed_page(language, name):
    """data/DICTIONARY.md (and .en.md) are generated from the schema; regenerate with `make dictionary`."""
    result = CliRunner().invoke(main, ["dictionary", "--language", language])
    assert result.output == (ROOT / "data" / name).read_text(encoding="utf-8")


def test_broken_yaml_is_one_line_with_its_place(site):
    (site / "mkdocs.yml").write_text("site_name: x\nplugins: [progress\n", encoding="utf-8")
    result = run()
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "mkdocs.yml: 错误：无法读取配置文件：3:1: expected ',' or ']', but got '<stream end>' [config-file]", "1 个错误，0 个警告"]


def test_a_warnings_line_ends_with_the_code_that_silences_it(site):
    (site / "mkdocs.yml").write_text(MKDOCS_ZH, encoding="utf-8")
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资"], ["A", "甲", "xx"]])
    line = run().output.splitlines()[0]
    code = re.fullmatch(r".* \[([a-z0-9-]+)\]", line).group(1)
    (site / "mkdocs.yml").write_text(MKDOCS_ZH.replace("  - progress\n", f"  - progress:\n      ignore: [{code}]\n"),
                                     encoding="utf-8")
    assert run("--strict").output.splitlines() == ["读取 1 个文件，共 2 行：表头 1 行、数据 1 行",
                                                   "数据检查通过：1 个项目，0 个产业集群，0 个报告期；0 个错误，0 个警告"]


def test_completing_more_than_planned_is_a_note_that_strict_lets_pass(site):
    (site / "mkdocs.yml").write_text(MKDOCS_ZH, encoding="utf-8")
    write_table(site / "data", "projects", [["项目编号", "项目名称", "年度", "年度计划投资", "年度完成投资"],
                                            ["A", "甲", "2024", "2", "3"]])
    result = run("--strict")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "data/projects.csv:2: 年度完成投资: 提示：年度完成率为 150.0%，超过 100% [completion-over-100]",
        "读取 1 个文件，共 2 行：表头 1 行、数据 1 行",
        "数据检查通过：1 个项目，0 个产业集群，0 个报告期；0 个错误，0 个警告，1 个提示"]
    github = run("--format", "github").output.splitlines()[0]
    assert github.startswith("::notice file=data/projects.csv,line=2")
    assert json.loads(run("--format", "json").output)["notes"] == 1


def test_index_needs_a_built_site(tmp_path):
    result = CliRunner().invoke(main, ["index", str(tmp_path)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"{tmp_path} 中没有可索引的网页（先生成网站）\n")
