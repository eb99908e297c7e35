"""One catalogue holds every string the tool shows, in both languages; nothing else branches on the language;
an English site says nothing in Chinese that the data did not."""

from __future__ import annotations

import ast
import json
import re
import string
import subprocess
import sys
from pathlib import Path

from generator.contract.schema import TABLES
from generator.figures.metrics import DEFINITIONS
from generator.text.catalogue import TEXT
from generator.text.messages import SEVERITY

from .conftest import ROOT, write_table

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: Keys whose English cites what users type in Chinese (header and cell examples, input words).
CITES_CHINESE_INPUT = {"dict-amounts", "dict-withheld", "dict-dates", "dict-periods", "dict-units", "dict-intro"}


#: Keys whose two languages are given different parameters to write the same thing (2022年一季度, 2022 Q1).
WRITTEN_DIFFERENTLY = {"period-half", "period-quarter", "period-day", "date-year", "date-month", "date-day",
                       "amount-compact", "amount-foreign"}  # 72.25亿元 / £1,563m


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_and_the_english_is_english():
    for key, label in TEXT.items():
        assert label.zh.strip() and label.en.strip() or key in ("no effect",), key
        assert key in CITES_CHINESE_INPUT or not CJK.search(label.en), (key, label.en)
        # both name the same parameters, but where the languages write a date or period differently
        assert _fields(label.zh) == _fields(label.en) or key in WRITTEN_DIFFERENTLY, key


def test_every_problem_code_has_a_message_and_a_severity():
    codes = {k for k in TEXT if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", k)}
    assert set(SEVERITY) <= set(TEXT)
    assert {"file-missing", "withheld-value", "site-busy"} <= set(SEVERITY) <= codes


def test_the_schema_and_the_definitions_are_declared_in_both_languages():
    for table in TABLES.values():
        assert table.zh and table.en and table.row_zh and table.row_en
        for field in table.fields:
            assert field.zh and field.en and not CJK.search(field.en), field.name
    for definition in DEFINITIONS:
        assert definition.zh and definition.en and definition.zh_text and definition.en_text


LANGUAGE_ATTRIBUTES = {"zh", "en", "zh_text", "en_text", "note_zh", "note_en", "row_zh", "row_en"}


def _branches(path: Path) -> list[str]:
    """Places in ``path`` that ask which language a site is in, or pick one half of a pair themselves."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            if any(isinstance(c, ast.Constant) and c.value in ("zh", "en") for c in [node.left, *node.comparators]):
                found.append(f"{node.lineno}: compares with a language")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith":
            if any(isinstance(a, ast.Constant) and a.value == "zh" for a in node.args):
                found.append(f"{node.lineno}: startswith('zh')")
        elif isinstance(node, ast.Name) and node.id == "zh" and isinstance(node.ctx, ast.Load):
            found.append(f"{node.lineno}: a name zh")
        elif isinstance(node, ast.IfExp):
            halves = [n for part in (node.body, node.orelse) for n in ast.walk(part)
                      if isinstance(n, ast.Attribute) and n.attr in LANGUAGE_ATTRIBUTES]
            if halves:
                found.append(f"{node.lineno}: picks .{halves[0].attr}")
    return found


def test_the_language_is_branched_on_only_inside_the_catalogue():
    catalogue = {ROOT / "generator" / "text" / name for name in ("catalogue.py", "label.py")}
    found = {str(p.relative_to(ROOT)): b for p in sorted((ROOT / "generator").rglob("*.py"))
             if p not in catalogue and (b := _branches(p))}
    assert found == {}
    templates = {p.name: line for p in (ROOT / "generator" / "rendering" / "templates").glob("*.j2")
                 for line in p.read_text(encoding="utf-8").splitlines() if re.search(r"language\s*[=!]=|\.zh\b|\.en\b", line)}
    assert templates == {}


def test_the_branch_finder_finds_branches(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('x = "年" if language == "zh" else ""\ny = f.zh if a else f.en\nz = lang.startswith("zh")\n', encoding="utf-8")
    assert len(_branches(sample)) == 3


def _text(path: Path) -> str:
    """A built file's text; of Pagefind's entry file, without the punctuation it lists as word characters
    (its own constant, which includes the full-width low line)."""
    text = path.read_text(encoding="utf-8")
    if path.name == "pagefind-entry.json":
        entry = json.loads(text)
        entry.pop("include_characters", None)
        text = json.dumps(entry, ensure_ascii=False)
    return text


def test_an_english_site_has_no_chinese_on_any_page_download_or_index(nyc_site):
    out = nyc_site
    assert not CJK.search((out.parent / "build.log").read_text(encoding="utf-8"))
    files = [p for p in out.rglob("*") if p.suffix in (".html", ".csv", ".json", ".xml")]
    assert len(files) > 400
    chinese = {str(p.relative_to(out)): CJK.findall(_text(p))[:5] for p in files if CJK.search(_text(p))}
    assert chinese == {}
    assert "404 - Page not found" in (out / "404.html").read_text(encoding="utf-8")


ENGLISH_SITE = """site_name: Test
theme:
  name: material
  language: en
plugins:
  - progress:
      currency: USD
      files:
        projects:
          columns: {id: Project ID, name: Project Name, status: Status, total_investment: Total Investment,
                    start_date: Start Date}
        progress:
          columns: {project: Project ID, period: Period, completed_investment: Completed}
"""


def test_an_english_sites_messages_are_english(tmp_path):
    """Messages name what the site's office wrote (its headers, its cells) and say the rest in English."""
    (tmp_path / "mkdocs.yml").write_text(ENGLISH_SITE, encoding="utf-8")
    write_table(tmp_path / "data", "projects", [
        ["Project ID", "Project Name", "Status", "Total Investment", "Start Date", "Contact Phone"],
        ["A", "Bridge", "building", "12", "2024-13-40", "138 0013 8000"],
        ["A", "Road", "under construction", "xx", "", ""],
        ["B", "Tunnel", "completed", "-5", "2024-01-01", ""],
        ["C", "", "completed", "abc", "", ""]])
    write_table(tmp_path / "data", "progress", [["Project ID", "Period", "Completed"], ["Z", "2024-03", "1"],
                                                ["B", "someday", "1"]])
    result = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout.count("\n") >= 8, result.stdout
    assert not CJK.search(result.stdout + result.stderr), result.stdout
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: material\n  language: en\nplugins:\n"
                                         "  - progress:\n      serach: pagefind\n      lights: {yellow_within: 200}\n"
                                         "      ignore: [nothing]\n", encoding="utf-8")
    config = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=tmp_path, capture_output=True, text=True)
    assert config.returncode == 1 and "did you mean search?" in config.stdout and "should be at most 100" in config.stdout
    assert not CJK.search(config.stdout + config.stderr), config.stdout


def test_a_new_english_site_is_english_from_its_settings_to_its_example_data(tmp_path):
    from .sites import run

    made = run("new", tmp_path / "s", "--language", "en")
    assert made.stdout.startswith("site made in ")
    site = tmp_path / "s"
    written = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")  # (the CI files are one, in English)
               for p in (site / "mkdocs.yml", site / "README.md", *site.glob("docs/*.md"), *site.glob("data/*.csv"))}
    assert "language: en" in written["mkdocs.yml"] and "site_name: Key projects' progress" in written["mkdocs.yml"]
    assert {name: CJK.findall(text)[:5] for name, text in written.items() if CJK.search(text)} == {}
    checked = run("validate", cwd=site)
    assert checked.stdout.splitlines()[-1] == "data is valid: 3 projects, 3 clusters, 2 periods; 0 error(s), 0 warning(s)"
    run("build", "--strict", "-d", tmp_path / "out", cwd=site)
    pages = {p: _text(p) for p in (tmp_path / "out").rglob("*.html")}
    assert {str(p): CJK.findall(text)[:5] for p, text in pages.items() if CJK.search(text)} == {}
    assert "Riverside water treatment plant" in pages[tmp_path / "out" / "projects" / "index.html"]
    assert "$205m" in pages[tmp_path / "out" / "index.html"]  # the total in the site's currency and unit
