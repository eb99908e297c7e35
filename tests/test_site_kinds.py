"""Sites other than the sample: hostile text, new sites with other data, overridden templates, live preview."""

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from generator.distribution.ownwheel import wheel_name

from .conftest import write_table
from .sites import PAYLOADS, Resources, free_port, get, previewing, run, text_of, use_pagefind, wait_for


@pytest.fixture(scope="module")
def hostile(hostile_site):
    return hostile_site


def test_text_from_data_is_shown_literally(hostile):
    html = (hostile / "projects" / "P1" / "index.html").read_text(encoding="utf-8")
    text = text_of(html)
    for value in PAYLOADS.values():
        assert " ".join(value.split()) in text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>粗</b>" not in html and "<iframe" not in html
    assert "javascript:" not in re.sub(r"&#\d+;|&[a-z]+;", "", " ".join(re.findall(r'href="([^"]*)"', html)))
    assert "<strong>粗体</strong>" not in html and ">49<" not in html


def test_payloads_inside_chart_json_cannot_close_the_script(hostile):
    for page in hostile.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for spec in re.findall(r'<script type="application/json" id="chart-[^"]*">(.*?)</script>', html, re.S):
            assert "<" not in spec and ">" not in spec
        parser = Resources()
        parser.feed(html)
        assert [u for u in parser.urls if "x" == u] == []


def test_titles_and_search_index_hold_the_text_not_markup(hostile):
    index = (hostile / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in index.replace("\\u003c", "<").replace("&lt;script&gt;", "")
    title = re.search(r"<title>(.*?)</title>", (hostile / "projects" / "P1" / "index.html").read_text(encoding="utf-8")).group(1)
    assert "<script>" not in title and "&lt;script&gt;" in title


def test_new_site_with_other_data_builds_without_touching_templates_or_docs(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        ".github/workflows/publish.yml", ".gitignore", ".gitlab-ci.yml", "README.md", "data/progress.csv",
        "data/projects.csv", "docs/index.md", "docs/tags.md", "mkdocs.yml", "requirements.txt",
        f"wheels/{wheel_name()}"]
    for old in (site / "data").iterdir():
        old.unlink()
    write_table(site / "data", "clusters", [["编号", "集群名称"], ["bio", "生物医药"], ["ai", "人工智能"]])
    write_table(site / "data", "projects", [
        ["序号", "项目名称", "产业链", "项目状态", "列入年度", "总投资（万元）", "开工日期"],
        ["1", "创新药研发中心", "生物医药", "新开工", "2023、2024", "xx", "2023年3月"],
        ["2", "算力中心", "人工智能", "停建", "2025", "待定", ""],
        ["3", "检测平台", "bio", "谋划", "2025", "约5000万", ""],
    ], "gbk")
    write_table(site / "data", "progress", [["项目名称", "月份", "完成投资（万元）"], ["创新药研发中心", "2024-01", "300"],
                                            ["创新药研发中心", "2024-02", "xx"]], "xlsx")
    result = run("build", "-d", tmp_path / "out", cwd=site)
    assert "已生成网站" in result.stdout
    out = tmp_path / "out"
    for page in ("projects/1", "projects/2", "projects/3", "clusters/bio", "clusters/ai", "years/2023", "years/2025"):
        assert (out / page / "index.html").is_file(), page
    home = text_of((out / "index.html").read_text(encoding="utf-8"))
    assert "共 3 个项目" in home
    assert "未公开" in text_of((out / "projects" / "1" / "index.html").read_text(encoding="utf-8"))


def test_site_templates_replace_the_built_in_ones(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    (site / "templates").mkdir()
    (site / "templates" / "project.md.j2").write_text(
        "{{ front(title) }}\n\n# {{ title }}\n\n自定义模板：{{ p.total_investment|amount }}\n", encoding="utf-8")
    yml = (site / "mkdocs.yml").read_text(encoding="utf-8").replace("      unit: 亿元\n", "      unit: 亿元\n      templates_dir: templates\n")
    (site / "mkdocs.yml").write_text(yml, encoding="utf-8")
    run("build", "--strict", "-d", tmp_path / "out", cwd=site)
    assert "自定义模板：12.5亿元" in text_of((tmp_path / "out" / "projects" / "P001" / "index.html").read_text(encoding="utf-8"))


def test_a_figure_that_cannot_be_filled_names_page_and_line(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    (site / "docs" / "about.md").write_text("# 关于\n\n第一行\n共有 [[ sum nonsense ]] 万元。[[ generated ]]\n"
                                            "[[ project 99 name ]] [[ sum total_investment year=2030 ]]\n", encoding="utf-8")
    result = run("build", "-d", tmp_path / "out", cwd=site, check=False)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "docs/about.md:4: [[ sum nonsense ]]: nonsense: 不是金额字段，可用（annual_planned, annual_completed, total_investment" in out
    assert "docs/about.md:4: [[ generated ]]: [[ generated ]] 须单独成行" in out
    assert "docs/about.md:5: [[ project 99 name ]]: 99: 没有这个编号的项目" in out
    assert "year=2030" not in out  # a sum over no projects is a figure (—), not an error
    assert not (tmp_path / "out").exists()


def test_bad_data_stops_the_build_and_keeps_the_old_site(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    run("build", "-d", tmp_path / "out", cwd=site)
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    (site / "data" / "projects.csv").write_text("项目编号,项目名称,建设状态\nP001,x,半停半建\n", encoding="utf-8")
    result = run("build", "-d", tmp_path / "out", cwd=site, check=False)
    assert result.returncode == 1 and "未知的状态“半停半建”" in result.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


def _search_docs(base: str, whole_pages: bool = False) -> list[dict]:
    docs = json.loads(get(f"{base}/search/search_index.json"))["docs"]
    return [d for d in docs if "#" not in d["location"]] if whole_pages else docs


def test_serve_rebuilds_what_a_csv_edit_changed_and_everything_after_other_edits(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    csv_path = site / "data" / "projects.csv"
    with previewing(site) as (base, log):
        assert "示例新材料生产线项目" in (wait_for(f"{base}/projects/P001/", "示例新材料生产线项目") or "")
        pages = len(_search_docs(base, whole_pages=True))

        # one project's name: its page, its cluster's page, the index and the search index change
        csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("示例新材料生产线项目", "改名后的新材料项目"), encoding="utf-8")
        assert "改名后的新材料项目" in (wait_for(f"{base}/projects/P001/", "改名后的新材料项目") or "")
        rebuilt = re.findall(r"数据已更新：重建 (\d+) 个页面", log.read_text(encoding="utf-8"))
        assert rebuilt and 3 <= int(rebuilt[-1]) < pages, (rebuilt, pages)
        assert "改名后的新材料项目" in get(f"{base}/projects/")
        assert "改名后的新材料项目" in get(f"{base}/tags/") and "示例新材料生产线项目" not in get(f"{base}/tags/")
        cluster = re.search(r'href="\.\./\.\./clusters/([^/"]+)/">', get(f"{base}/projects/P001/")).group(1)
        assert "改名后的新材料项目" in get(f"{base}/clusters/{cluster}/")
        titles = [d["title"].replace("\u200b", "") for d in _search_docs(base)]
        assert "改名后的新材料项目" in titles and "示例新材料生产线项目" not in titles
        assert len(_search_docs(base, whole_pages=True)) == pages

        # bad data: the problem is logged and the previous pages stay
        good = csv_path.read_text(encoding="utf-8")
        csv_path.write_text(good.replace("P002,", "P001,", 1), encoding="utf-8")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "data/projects.csv:" not in log.read_text(encoding="utf-8"):
            time.sleep(0.3)
        assert re.search(r"ERROR.*data/projects\.csv:\d+: .*P001", log.read_text(encoding="utf-8"))
        assert "改名后的新材料项目" in get(f"{base}/projects/P001/")

        # a new project adds a page: a full build
        csv_path.write_text(good.rstrip("\n") + "\nP099,新增的测试项目\n", encoding="utf-8")
        assert "新增的测试项目" in (wait_for(f"{base}/projects/P099/", "新增的测试项目") or "")

        # a hand-written page: a full build, as MkDocs does
        index_md = site / "docs" / "index.md"
        index_md.write_text(index_md.read_text(encoding="utf-8") + "\n\n手写的新段落。\n", encoding="utf-8")
        assert "手写的新段落" in (wait_for(f"{base}/", "手写的新段落") or "")
        assert log.read_text(encoding="utf-8").count("Building documentation") >= 3


def test_serve_with_pagefind_reindexes_after_a_csv_edit(tmp_path):
    run("new", tmp_path / "site")
    site = use_pagefind(tmp_path / "site")
    with previewing(site) as (base, _):
        assert "示例新材料生产线项目" in (wait_for(f"{base}/projects/P001/", "示例新材料生产线项目") or "")
        entry = get(f"{base}/pagefind/pagefind-entry.json")
        assert entry and "zh" in json.loads(entry)["languages"]
        csv_path = site / "data" / "projects.csv"
        csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("示例新材料生产线项目", "改名后的新材料项目"), encoding="utf-8")
        assert "改名后的新材料项目" in (wait_for(f"{base}/projects/P001/", "改名后的新材料项目") or "")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and get(f"{base}/pagefind/pagefind-entry.json") == entry:
            time.sleep(0.3)
        assert get(f"{base}/pagefind/pagefind-entry.json") != entry  # the index was made again


#: ``progress-site`` whose bulletin fails (its Word copy) while the file named by ``$FAIL_BULLETIN`` exists: a
#: bulletin job failing in the page worker, on demand. Everything else is the tool as installed.
def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a suite started in the background (a shell's ``&``) passes its children
    SIGINT ignored, and Python then never turns it into KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


FAILING_BULLETIN = [sys.executable, "-c", textwrap.dedent("""
    import faulthandler, os, signal, sys
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # where each thread is, should the preview not stop
    from generator.bulletin import word
    made = word.docx
    def docx(bulletin):
        if os.path.exists(os.environ["FAIL_BULLETIN"]):
            raise ValueError("the Word copy failed")
        return made(bulletin)
    word.docx = docx
    from generator.cli import main
    main(prog_name="progress-site")
""")]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_bulletin_that_fails_in_the_worker_leaves_the_preview_working_and_stoppable(tmp_path, stop):
    """The bulletin's job fails in the worker after a data edit; a docs/ edit then rebuilds everything, and the
    preview stops on SIGTERM or Ctrl-C. (When the failed job was run again in the preview's own process, Typst
    started its threads there, and every worker forked after that waited for them forever.)"""
    run("new", tmp_path / "site")
    site, flag = tmp_path / "site", tmp_path / "fail"
    port = free_port()
    base, log = f"http://127.0.0.1:{port}", tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen([*FAILING_BULLETIN, "serve", "-a", f"127.0.0.1:{port}"], cwd=site, stdout=sink,
                                  stderr=sink, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAIL_BULLETIN": str(flag)},
                                  preexec_fn=_as_from_a_terminal)
    try:
        said = lambda: log.read_text(encoding="utf-8", errors="replace")  # noqa: E731
        assert "示例新材料生产线项目" in (wait_for(f"{base}/projects/P001/", "示例新材料生产线项目") or ""), said()[-3000:]
        flag.touch()
        projects = site / "data" / "projects.csv"
        projects.write_text(projects.read_text(encoding="utf-8").replace("示例新材料生产线项目", "改名后的新材料项目"),
                            encoding="utf-8")
        assert "改名后的新材料项目" in (wait_for(f"{base}/projects/P001/", "改名后的新材料项目") or ""), said()[-3000:]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "the Word copy failed" not in said():
            time.sleep(0.3)
        assert "the Word copy failed" in said() and "Traceback" not in said(), said()[-3000:]
        assert "but the target is not found" not in said()  # the bulletin's links, checked again after the edit

        flag.unlink()
        index = site / "docs" / "index.md"
        index.write_text(index.read_text(encoding="utf-8") + "\n\n手写的新段落。\n", encoding="utf-8")
        assert "手写的新段落" in (wait_for(f"{base}/", "手写的新段落", seconds=60) or ""), said()[-3000:]
        docx = f"{base}/" + re.search(r'href="([^"]*bulletin-[^"]*\.docx)"', get(f"{base}/") or "").group(1)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "改名后的新材料项目" not in _docx_text(docx):
            time.sleep(0.5)
        assert "改名后的新材料项目" in _docx_text(docx)  # the next full build made it
    finally:
        server.send_signal(stop)
        try:
            code = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.send_signal(signal.SIGUSR1)  # its threads' stacks, into the log
            time.sleep(2)
            server.kill()
            server.wait()
            raise AssertionError(f"the preview did not stop on {stop!r}: {log.read_text(encoding='utf-8')[-6000:]}")
    assert code in (0, 1, -stop), log.read_text(encoding="utf-8")[-3000:]


def _docx_text(url: str) -> str:
    """The paragraphs and table cells of the Word file at ``url`` ("" while it cannot be had)."""
    import io
    import urllib.request

    import docx

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            document = docx.Document(io.BytesIO(response.read()))
    except Exception:  # noqa: BLE001 - not there yet
        return ""
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_dirty_rebuild_reads_its_pages_again(tmp_path):
    """``mkdocs build --dirty`` asks each generated page's file again after the first read: a build that let its
    pages go once read would fail there, so a dirty build keeps them."""
    from .sites import MKDOCS

    run("new", tmp_path / "site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for args in ([], ["--dirty"]):
        done = subprocess.run([MKDOCS, "build", *args, "-d", str(tmp_path / "out")], cwd=tmp_path / "site",
                              capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "out" / "projects" / "index.html").is_file()
