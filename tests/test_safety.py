"""Safe to publish: data text never becomes markup, builds never destroy, downloads never run, private cells stay private,
hostile files cannot exhaust the machine. Real files, real builds, real processes."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from .conftest import lines, load, write_table
from .sites import BLOCK_SYNTAX, EXE, FIELD_PAYLOADS, HEADING_PAGES, PAYLOADS, run, set_plugin, text_of

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# -- every value from the data is escaped on every path, shortcodes included ------------------------------------
class Markup(HTMLParser):
    """What a payload would have made of a page: handlers, scripts that alert, images, frames, bold, links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "textarea"):  # as browsers read them: text up to the end tag, no markup in it
            self.set_cdata_mode(tag)
        a = dict(attrs)
        self.found += [f"{tag}[{k}]" for k in a if k.startswith("on")]
        if (tag == "iframe" and (a.get("srcdoc") or "").strip()) or (tag == "img" and a.get("src") == "x"):
            self.found.append(tag)
        self.found += [f"{tag}[{k}=javascript]" for k, v in a.items()
                       if re.search(r"(?:java|vb)script:", re.sub(r"\s+", "", html.unescape(v or "")), re.I)]
        if tag == "details" and "ps-chart-data" not in (a.get("class") or ""):
            self.found.append("details")
        if tag == "div" and re.search(r"\b(?:admonition|tabbed-set)\b", a.get("class") or ""):
            self.found.append("block")
        self._script = tag == "script" and a.get("type") != "application/json"
        self._bold = tag in ("b", "strong")

    def handle_data(self, data):
        if self._script and "alert(" in data:
            self.found.append("script")
        if getattr(self, "_bold", False) and "粗" in data:
            self.found.append("bold")

    def handle_endtag(self, tag):
        self._script = self._bold = False


@pytest.fixture(scope="module")
def hostile(hostile_site):
    return hostile_site


def assert_no_payload_became_markup(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = Markup()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page


def test_no_payload_in_any_field_or_shortcode_becomes_markup_on_any_page(hostile):
    assert_no_payload_became_markup(hostile)


@pytest.fixture(scope="module")
def hostile_export(hostile, tmp_path_factory):
    """The hostile site exported by ``generate --out`` and built by plain MkDocs."""
    root = tmp_path_factory.mktemp("hostile-export")
    run("generate", "--out", root / "project", cwd=hostile.parent / "s")
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(root / "site")],
                   cwd=root / "project", check=True, capture_output=True, env=ENV)
    return root / "site"


def test_the_plain_mkdocs_export_is_as_safe(hostile_export):
    assert_no_payload_became_markup(hostile_export)
    title = re.search(r"<title>(.*?)</title>", (hostile_export / "heading" / "index.html").read_text(encoding="utf-8")).group(1)
    assert "<" not in title


def test_every_shortcode_shows_the_data_literally(hostile):
    page = (hostile / "figures" / "index.html").read_text(encoding="utf-8")
    text = text_of(page)
    for field in ("owner", "department", "location", "level", "indicator_value"):
        assert " ".join(FIELD_PAYLOADS[field].split()) in text, field
    for value in PAYLOADS.values():
        assert " ".join(value.split()) in text
    assert ">49<" not in page and "{{ 7*7 }}" in text
    footer = page[page.index("<footer"):page.index("</footer>")]
    assert FIELD_PAYLOADS["office"] in html.unescape(re.sub(r"<[^>]+>", "", footer))


def test_a_page_titled_by_a_heading_with_a_figure_keeps_its_title_text(hostile):
    for name in HEADING_PAGES:
        page = (hostile / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        assert "<" not in title and html.unescape(title).startswith(PAYLOADS["name"]), title


def test_a_figure_in_code_stays_text_and_a_figure_as_an_address_cannot_run(hostile):
    page = (hostile / "figures" / "index.html").read_text(encoding="utf-8")
    codes = [html.unescape(c) for c in re.findall(r"<code>(.*?)</code>", page, re.S)]
    assert len([c for c in codes if "&#60;script&#62;" in c]) == 2  # a span and a fenced block show it escaped, as text
    # the data's addresses are there, and none is one a browser would run (it drops tabs and line breaks)
    hrefs = [re.sub(r"[\t\n\r]", "", html.unescape(h)) for h in re.findall(r'href="([^"]*)"', page)]
    assert len([h for h in hrefs if "alert" in h or h == "#"]) >= 2
    assert not [h for h in hrefs if re.match(r"(?i)[\x00-\x20]*(?:java|vb)script:", h)]


def test_block_syntax_in_the_data_stays_text(hostile):
    for i, text in enumerate(BLOCK_SYNTAX):
        assert text in text_of((hostile / "clusters" / f"b{i}" / "index.html").read_text(encoding="utf-8"))


def test_cluster_and_indicator_text_is_literal_where_it_is_shown(hostile):
    cluster = text_of((hostile / "clusters" / "c1" / "index.html").read_text(encoding="utf-8"))
    assert " ".join(FIELD_PAYLOADS["cluster_description"].split()) in cluster
    year = text_of((hostile / "years" / "2024" / "index.html").read_text(encoding="utf-8"))
    for field in ("indicator", "indicator_value", "indicator_unit", "indicator_note"):
        assert " ".join(FIELD_PAYLOADS[field].split()) in year, field


# -- a build writes only where a site may go ----------------------------------------------------------------------
def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def small(tmp_path) -> Path:
    """A new site, which builds without its bulletin here: these tests are about the site and its folder."""
    run("new", tmp_path / "s")
    return set_plugin(tmp_path / "s", "bulletin: {formats: []}")


@pytest.mark.parametrize("where,message", [
    (".", "不能把网站写入 .：它是或包含配置文件 mkdocs.yml，写入会删除它；请用 -d 指定另一个文件夹"),
    ("..", "不能把网站写入 ..：它是或包含配置文件 mkdocs.yml，写入会删除它；请用 -d 指定另一个文件夹"),
    ("data", "不能把网站写入 data：它是或包含数据文件夹 {root}/data，写入会删除它；请用 -d 指定另一个文件夹"),
    ("docs", "不能把网站写入 docs：它是或包含文档文件夹 {root}/docs，写入会删除它；请用 -d 指定另一个文件夹"),
    ("docs/site", "不能把网站写入 docs/site：它在文档文件夹 {root}/docs 之内；请用 -d 指定另一个文件夹"),
])
def test_a_build_refuses_a_folder_that_is_or_holds_the_sources(small, where, message):
    (small.parent / "sibling.txt").write_text("keep", encoding="utf-8")
    before = _tree(small.parent)
    result = run("build", "-d", where, cwd=small, check=False)
    assert (result.returncode, result.stderr.strip()) == (1, message.format(root=small))
    assert "Traceback" not in result.stderr and _tree(small.parent) == before


def test_a_build_refuses_a_folder_with_other_content_and_keeps_dotfiles_it_did_not_make(small, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("build", "-d", out, cwd=small, check=False)
    assert (result.returncode, result.stderr.strip()) == (
        1, f"不能把网站写入 {out}：其中已有不是本工具生成的内容（notes.txt）；请指定一个空的或不存在的文件夹，或先移走这些内容")
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    (out / "notes.txt").unlink()
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    run("build", "-d", out, cwd=small)  # a folder with only dotfiles counts as empty
    run("build", "-d", out, cwd=small)  # and a site it made is replaced
    assert (out / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (out / ".progress-site").is_file() and (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "s"]


def test_a_symlinked_site_folder_is_updated_where_it_points(small, tmp_path):
    (tmp_path / "releases" / "7").mkdir(parents=True)
    (tmp_path / "site").symlink_to("releases/7")
    run("build", "-d", tmp_path / "site", cwd=small)
    assert os.readlink(tmp_path / "site") == "releases/7"
    assert (tmp_path / "releases" / "7" / "index.html").is_file()
    assert sorted(p.name for p in (tmp_path / "releases").iterdir()) == ["7"]
    run("build", "-d", tmp_path / "site", cwd=small)
    assert os.readlink(tmp_path / "site") == "releases/7" and (tmp_path / "releases" / "7" / "index.html").is_file()


@pytest.fixture(scope="module")
def large(large_site) -> Path:
    """A site large enough that its page worker is still at work when a signal comes."""
    return large_site


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State:"))
    except (OSError, StopIteration):
        return False
    return "Z" not in state.split(":", 1)[1]  # a zombie has ended; only its entry waits to be collected


def _start_and_signal(site: Path, out: Path, sig: int) -> tuple[int, list[int]]:
    build = subprocess.Popen([EXE, "build", "-d", str(out)], cwd=site, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=ENV)
    deadline, workers = time.monotonic() + 60, []
    while time.monotonic() < deadline and not workers:
        workers = _children(build.pid)
        time.sleep(0.02)
    assert workers, "the page worker never started"
    build.send_signal(sig)
    _, err = build.communicate(timeout=60)
    assert b"Traceback" not in err
    return build.returncode, workers


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_signalled_build_leaves_no_process_and_the_site_as_it_was(large, tmp_path, sig):
    out = tmp_path / "out"
    shutil.copytree(large.parent / "built", out)
    before = _tree(out)
    code, workers = _start_and_signal(large, out, sig)
    assert code == -sig or code == 128 + sig
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(w) for w in workers):
        time.sleep(0.05)
    assert not any(_running(w) for w in workers)
    assert _tree(out) == before
    if sig == signal.SIGTERM:  # it cleaned up after itself
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    else:
        run("build", "-d", out, cwd=large)  # the next build cleans what a killed one left
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_build_of_the_same_site_folder_is_refused_while_the_first_runs(large, tmp_path):
    out = tmp_path / "out"
    first = subprocess.Popen([EXE, "build", "-d", str(out)], cwd=large, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=ENV, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.name.startswith(".progress-site-lock-") for p in tmp_path.iterdir()):
        time.sleep(0.02)
    second = run("build", "-d", out, cwd=large, check=False)
    assert (second.returncode, second.stderr.strip()) == (
        1, f"另一个构建（进程 {first.pid}）正在写入 {out}；请等它结束后再试")
    assert first.wait(timeout=120) == 0
    assert (out / "index.html").is_file() and len(list(out.rglob("*.html"))) > 300
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _in_mount_namespace(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` with sh in a private mount namespace (a tmpfs can be mounted there without root)."""
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
                          capture_output=True, text=True, env=ENV)


@pytest.fixture
def mounts(tmp_path):
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True) \
        if shutil.which("unshare") else None
    if probe is None or probe.returncode != 0:
        pytest.skip("no private mount namespaces here")
    return tmp_path


def test_a_mount_point_as_site_folder_and_a_full_disk_are_messages(small, mounts):
    mnt = mounts / "mnt"
    mnt.mkdir()
    script = f"""
        mount -t tmpfs -o size=40m tmpfs {mnt} && echo keep > {mnt}/.well-known
        {EXE} build -d {mnt} >/dev/null 2>&1; echo "first=$?"
        {EXE} build -d {mnt} >/dev/null 2>&1; echo "again=$?"
        ls -A {mnt} | tr '\\n' ' '; echo
        dd if=/dev/zero of={mnt}/.fill bs=1M count=100 2>/dev/null
        {EXE} build -d {mnt} 2>&1; echo "full=$?"
        ls -A {mnt} | tr '\\n' ' '; echo
        {EXE} build -d {mnt}/new 2>&1; echo "new=$?"; ls -A {mnt} | grep -c new
    """
    result = _in_mount_namespace(script)
    out = result.stdout.splitlines()
    assert out[0:2] == ["first=0", "again=0"], result.stdout + result.stderr
    entries = out[2].split()
    assert {".well-known", ".progress-site", "index.html", "projects"} <= set(entries)
    assert not [e for e in entries if e.startswith(".progress-site-")]
    assert out[3] == f"无法写入 {mnt}：磁盘空间不足；原有网站保持不变" and out[4] == "full=1"
    assert set(out[5].split()) == set(entries) | {".fill"}
    assert out[6:] == [f"无法写入 {mnt}/new：磁盘空间不足；原有网站保持不变", "new=1", "0"]


# -- downloads are safe in Excel and WPS ------------------------------------------------------------------------------
FORMULAS = ["=HYPERLINK(\"http://x.example\",\"点我\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd",
            "\t=1+1", "\r=1+1", "＝1+1"]


def test_downloads_neutralise_formulas_and_keep_numbers(small, tmp_path):
    write_table(small / "data", "projects", [
        ["项目编号", "项目名称", "建设状态", "年度", "计划总投资（亿元）", "业主单位", "建设内容"],
        *[[f"P{i}", text, "在建", "2024", "-2" if i == 0 else "1.5", text, text] for i, text in enumerate(FORMULAS)]])
    (small / "data" / "progress.csv").unlink()
    run("build", "-d", tmp_path / "out", cwd=small)
    downloads = tmp_path / "out" / "downloads"
    rows = list(csv.reader(io.StringIO((downloads / "projects.csv").read_text(encoding="utf-8-sig"))))
    header, body = rows[0], rows[1:]
    for row in body:
        for cell in row:
            assert not cell.startswith(tuple("=+-@\t\r＝")) or re.fullmatch(r"-?\d+(\.\d+)?", cell), cell
    name, investment = header.index("项目名称"), header.index("计划总投资（亿元）")
    assert [row[name] for row in body] == ["'" + f.strip() for f in FORMULAS]  # cells are read without surrounding space
    assert [row[investment] for row in body][:2] == ["-2", "1.5"]  # numbers stay numbers
    records = json.loads((downloads / "projects.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in records] == [f.strip() for f in FORMULAS]  # the JSON keeps the text as it was read


@pytest.mark.parametrize("text,shown", [("=1+1", "'=1+1"), ("\t=1+1", "'\t=1+1"), ("\r=1", "'\r=1"), ("-2+3", "'-2+3"),
                                        ("-2.5", "-2.5"), ("+3", "+3"), ("1e5", "1e5"), ("@x", "'@x"), ("甲=1", "甲=1"),
                                        ("-5%", "-5%"), ("-1,234.5", "-1,234.5"), ("+5%", "+5%"), ("-", "'-"), ("-5%x", "'-5%x")])
def test_a_cell_that_would_start_a_formula_is_neutralised(text, shown):
    from generator.rendering.downloads import spreadsheet_safe

    assert spreadsheet_safe(text) == shown


# -- publication rules: hidden cells, unknown columns, personal data ------------------------------------------------
ID_NUMBER, PHONE, EMAIL = "110101199003074514", "13912345678", "zhang.san@example.com"


def test_hidden_rows_columns_unknown_and_personal_columns_are_not_published(small, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "projects"
    ws.append(["项目编号", "项目名称", "身份证号", "建设状态", "年度", "计划总投资（亿元）", "联系人手机", "内部备注（不公开）",
               "备注", "截至2023年底累计完成投资"])
    ws.append(["P1", "公开项目", ID_NUMBER, "在建", "2024", 3, PHONE, "仅供内部", f"联系 {EMAIL}", "2.5"])
    ws.append(["P2", "不公开项目", ID_NUMBER, "在建", "2024", 1, PHONE, "仅供内部", "", "1"])
    ws.append(["P3", "另一公开项目", ID_NUMBER, "在建", "2024", 2, PHONE, "", "", "0.5"])
    ws.row_dimensions[3].hidden = True  # filtered out as not public
    ws.column_dimensions["C"].hidden = True
    for path in (small / "data").iterdir():
        path.unlink()
    book.save(small / "data" / "projects.xlsx")
    config = small / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - progress:\n", "  - progress:\n      publish_columns: [备注, 截至2023年底累计完成投资]\n"), encoding="utf-8")
    result = run("validate", cwd=small)
    assert result.stdout.splitlines() == [
        "data/projects.xlsx: 警告：工作表隐藏了 1 行数据（第 3 行）：未读取，也不发布 [hidden-rows]",
        "data/projects.xlsx:1: 警告：工作表隐藏了 1 列（“身份证号”）：未读取，也不发布 [hidden-columns]",
        "data/projects.xlsx:1: 联系人手机: 警告：此列看起来是个人信息（表头含“手机”），不发布；确需公开时请在配置 publish_personal 中列出 [personal-data]",
        "data/projects.xlsx:1: 内部备注（不公开）: 警告：表头“内部备注（不公开）”不是已知的列，此列不发布；如需在项目页上发布，请在配置 publish_columns 中列出"
        " [column-not-published]",
        "data/projects.xlsx:1: 备注: 警告：此列看起来是个人信息（第 2 行的内容像电子邮箱），不发布；确需公开时请在配置 publish_personal 中列出 [personal-data]",
        "读取 1 个文件（其中工作表 1 张），共 4 行：表头 1 行、数据 2 行、隐藏 1 行（不发布）",
        "数据检查通过：2 个项目，0 个产业集群，0 个报告期；0 个错误，5 个警告"]
    run("build", "-d", tmp_path / "out", cwd=small)
    out = tmp_path / "out"
    published = html.unescape("".join(
        p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file()
        and p.suffix in (".html", ".json", ".csv", ".xml")))
    for secret in (ID_NUMBER, PHONE, EMAIL, "不公开项目", "仅供内部", "身份证号", "联系人手机"):
        assert secret not in published, secret
    page = text_of((out / "projects" / "P1" / "index.html").read_text(encoding="utf-8"))
    assert "截至上年底累计完成投资 2.5亿元" in page  # a known column, in the display unit
    methodology = text_of((out / "methodology" / "index.html").read_text(encoding="utf-8"))
    assert "隐藏的 1 行、1 列未发布" in methodology
    listed = config.read_text(encoding="utf-8").replace("      publish_columns:", "      publish_personal: [备注]\n      publish_columns:")
    config.write_text(listed, encoding="utf-8")
    run("build", "-d", tmp_path / "out", cwd=small)
    assert EMAIL in text_of((out / "projects" / "P1" / "index.html").read_text(encoding="utf-8"))


# -- text hygiene ------------------------------------------------------------------------------------------------------
def test_control_and_format_characters_are_removed_with_a_warning_naming_the_cell(small, tmp_path):
    (small / "data" / "progress.csv").unlink()
    write_table(small / "data", "projects", [
        ["项目编号", "项目名称", "所属产业集群", "建设状态", "年度", "计划总投资（亿元）"],
        ["P1", "新材料\x7f生产线\x85项目\ufffe", "新材料", "在建", "2024", "\x001\x002"],
        ["P2", "第二个\u202e项目", "新材料\u200b", "在建", "2024", "3"],
        ["P3", "第三个项目", "新　材料", "在建", "2024", "1"]])
    result = run("validate", cwd=small)
    assert result.stdout.splitlines() == [
        "data/projects.csv:2: 项目名称: 警告：删除了看不见的控制或格式字符：U+007F、U+0085、U+FFFE [text-invisible]",
        "data/projects.csv:2: 计划总投资（亿元）: 警告：删除了看不见的控制或格式字符：U+0000 [text-invisible]",
        "data/projects.csv:3: 项目名称: 警告：删除了看不见的控制或格式字符：U+202E [text-invisible]",
        "data/projects.csv:3: 所属产业集群: 警告：删除了看不见的控制或格式字符：U+200B [text-invisible]",
        "读取 1 个文件，共 4 行：表头 1 行、数据 3 行",
        "数据检查通过：3 个项目，1 个产业集群，0 个报告期；0 个错误，4 个警告"]
    loaded = load(small)
    assert loaded.report.projects["P1"].total_investment.value == 12 * 10**8  # \x001\x002 is 12, said so above
    run("build", "-d", tmp_path / "out", cwd=small)
    page = (tmp_path / "out" / "projects" / "P1" / "index.html").read_text(encoding="utf-8")
    assert "<title>新材料生产线项目" in page and "title:" not in text_of(page)
    assert 'class="md-tag' in page and "新材料" in page  # the front matter was read: tags are there


# -- bounded resources -------------------------------------------------------------------------------------------------
def _formatted_empty_rows(path: Path, rows: int, cells: int = 10) -> None:
    """A workbook with two projects and ``rows`` formatted empty rows below them (a sheet's bloated used range)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "projects"
    ws.append(["项目编号", "项目名称", "计划总投资（亿元）"])
    ws.append(["P1", "甲", 1])
    ws.append(["P2", "乙", 2])
    ws["A1"].font = openpyxl.styles.Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                letters = [openpyxl.utils.get_column_letter(c + 1) for c in range(cells)]
                filler = "".join(f'<row r="{r}" s="1" customFormat="1">' + "".join(f'<c r="{c}{r}" s="1"/>' for c in letters)
                                 + "</row>" for r in range(4, 4 + rows))
                text = data.decode()
                at = text.index("</sheetData>")
                data = (text[:at] + filler + text[at:]).encode()
            out.writestr(info, data)


def test_a_workbook_with_formatted_empty_rows_reads_as_its_data(site):
    (site / "data").mkdir()
    _formatted_empty_rows(site / "data" / "projects.xlsx", 200_000)
    loaded = load(site)
    assert lines(loaded) == [] and sorted(loaded.report.projects) == ["P1", "P2"]


def _edited_workbook(path: Path, edit) -> None:
    """A workbook of one project whose sheet XML ``edit`` rewrites (a cell's text is PLACEHOLDER)."""
    book = openpyxl.Workbook()
    book.active.title = "projects"
    book.active.append(["项目编号", "项目名称", "建设内容"])
    book.active.append(["P1", "甲", "PLACEHOLDER"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info, edit(data.decode()).encode() if info.filename == "xl/worksheets/sheet1.xml" else data)


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_without_unpacking(site):
    (site / "data").mkdir()
    _edited_workbook(site / "data" / "projects.xlsx", lambda xml: xml.replace(
        "<t>PLACEHOLDER</t>", '<t xml:space="preserve">' + " " * 3_000_000 + "</t>"))
    assert (site / "data" / "projects.xlsx").stat().st_size < 100_000  # 3 MB of white space, a few KB packed
    assert lines(load(site, {"limits": {"file_mb": 2}})) == [
        "data/projects.xlsx: 文件（解压后）约 3 MB，超过上限 2 MB；请删去无关内容，或在配置 limits.file_mb 中调高上限"]
    assert lines(load(site)) == []  # within the default limit it is read, white space and all


@pytest.mark.parametrize("fmt", ["utf-8", "xlsx"])
def test_rows_columns_and_cells_beyond_their_limits_are_errors_naming_the_file(site, fmt):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "建设内容", "进展情况", "备注"],
                                            *[[f"P{i}", f"项目{i}", "内容", "", ""] for i in range(10)]], fmt=fmt)
    name = f"data/projects.{'xlsx' if fmt == 'xlsx' else 'csv'}"
    assert lines(load(site, {"limits": {"rows": 5}})) == [
        f"{name}:7: 数据超过 5 行（读到此行时），超过上限；请拆分文件，或在配置 limits.rows 中调高上限"]
    write_table(site / "data", "projects", [["项目编号", "项目名称", "建设内容", "进展情况", "备注"],
                                            ["P1", "甲", "内容", "进展", "备注"]], fmt=fmt)
    assert lines(load(site, {"limits": {"columns": 3}})) == [
        f"{name}:1: 此行有内容的列超过 3 列，超过上限；请删去无关的列，或在配置 limits.columns 中调高上限"]
    long = "很长。" * 400_000
    if fmt == "xlsx":  # written into the sheet as Excel would never let it be
        _edited_workbook(site / "data" / "projects.xlsx", lambda xml: xml.replace("PLACEHOLDER", long))
    else:
        write_table(site / "data", "projects", [["项目编号", "项目名称", "建设内容"], ["P1", "甲", long]])
    assert lines(load(site)) == [
        f"{name}:2: 单元格 C2 有 1200000 个字符，超过上限 32767；请缩短，或在配置 limits.cell_length 中调高上限"]


def test_a_cell_at_the_length_limit_builds(small, tmp_path):
    """The theme's search segments each cell and Markdown reads it: at the limit both stay quick."""
    (small / "data" / "progress.csv").unlink()
    write_table(small / "data", "projects", [["项目编号", "项目名称", "建设内容"], ["P1", "甲", ("重点.项目-建设*" * 4096)[:32767]]])
    start = time.monotonic()
    run("build", "-d", tmp_path / "out", cwd=small)
    assert (tmp_path / "out" / "projects" / "P1" / "index.html").is_file()
    print(f"built with a 32,767-character cell in {time.monotonic() - start:.1f} s")


def test_entity_bombs_in_a_workbook_are_refused(site):
    (site / "data").mkdir()
    entities = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 9))
    _edited_workbook(site / "data" / "projects.xlsx", lambda xml: xml.replace(
        "<worksheet", f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{entities}]><worksheet', 1).replace("PLACEHOLDER", "&lol8;"))
    assert lines(load(site)) == ["data/projects.xlsx: 工作簿的 XML 中声明了实体或外部引用（可能是恶意构造的文件），拒绝读取；"
                                 "请在 Excel 或 WPS 中打开并另存为 .xlsx"]


# -- the smaller items --------------------------------------------------------------------------------------------------
def test_index_cannot_be_an_id(site):
    write_table(site / "data", "clusters", [["编号", "集群名称"], ["index", "新材料"]])
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["index", "甲"], ["Index", "乙"], ["P1", "丙"]])
    assert lines(load(site))[:3] == [
        "data/clusters.csv:2: 编号: 编号“index”是网站自用的页面名，不能用作编号；请换一个编号",
        "data/projects.csv:2: 项目编号: 编号“index”是网站自用的页面名，不能用作编号；请换一个编号",
        "data/projects.csv:3: 项目编号: 编号“Index”是网站自用的页面名，不能用作编号；请换一个编号"]
    (site / "data" / "clusters.csv").unlink()
    write_table(site / "data", "projects", [["项目编号", "项目名称", "所属产业集群"], ["P1", "甲", "index"]])
    assert load(site).report.projects["P1"].cluster_id == "index-2"  # a cluster named index gets another page


def test_the_data_package_is_the_same_wherever_the_build_runs(small, tmp_path):
    run("build", "-d", tmp_path / "a", cwd=small)
    run("build", "-f", small / "mkdocs.yml", "-d", tmp_path / "b", cwd=tmp_path)
    a = (tmp_path / "a" / "downloads" / "datapackage.json").read_text(encoding="utf-8")
    assert a == (tmp_path / "b" / "downloads" / "datapackage.json").read_text(encoding="utf-8")
    assert [s["title"] for s in json.loads(a)["sources"]] == ["projects.csv", "progress.csv"]


def test_a_missing_templates_folder_is_an_error(small, tmp_path):
    config = small / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - progress:\n", "  - progress:\n      templates_dir: mine\n"),
                      encoding="utf-8")
    message = f"配置项 plugins.progress.templates_dir：文件夹 {small}/mine 不存在"
    result = run("validate", "--strict", cwd=small, check=False)
    assert (result.returncode, result.stdout.splitlines()[0]) == (1, f"mkdocs.yml: 错误：{message} [config-invalid]")
    result = run("build", "-d", tmp_path / "out", cwd=small, check=False)
    assert (result.returncode, result.stderr.strip()) == (1, message) and not (tmp_path / "out").exists()
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-d", str(tmp_path / "out")], cwd=small,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 1 and message in result.stderr


def test_workbooks_are_parsed_with_defusedxml():
    import openpyxl as op

    assert op.DEFUSEDXML is True


# -- what a review found beyond the first list ------------------------------------------------------------------------
def _workbook(path: Path, build, edits: dict | None = None) -> Path:
    """A workbook made by ``build(book)`` with openpyxl, then parts of its XML rewritten by ``edits`` (name -> fn),
    for what openpyxl will not write (zero heights, huge merges, styles)."""
    book = openpyxl.Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            edit = (edits or {}).get(info.filename)
            out.writestr(info, edit(data.decode()).encode() if edit else data)
        for name, edit in (edits or {}).items():
            if name not in source.namelist():
                out.writestr(name, edit("").encode())
    return path


def _chart_sheet(book, index: int | None = None) -> None:
    """A chart sheet (a sheet that is only a chart), as Excel makes them."""
    from openpyxl.chart import BarChart, Reference

    data = book.create_sheet("图表数据")
    data.append(["x", 1])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=1))
    book.create_chartsheet("图表", index).add_chart(chart)
    book.remove(data)


def _projects(ws, rows, title="projects"):
    ws.title = title
    for row in [["项目编号", "项目名称", "建设状态", "年度", "计划总投资（亿元）", "建设地点"], *rows]:
        ws.append(row)


def test_a_sheet_name_from_the_workbook_never_becomes_markup(small, tmp_path):
    name = "<img src=x onerror=alert(1)>"

    def build(book):
        _projects(book.active, [["P1", "甲", "在建", "2024", 1, ""], ["P2", "乙", "在建", "2024", 1, ""]], title=name)
        book.active.row_dimensions[3].hidden = True
        book.create_sheet("其他")
    for path in (small / "data").iterdir():
        path.unlink()
    _workbook(small / "data" / "projects.xlsx", build)
    config = small / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - progress:\n", f"  - progress:\n      files: {{projects: {{sheet: '{name}'}}}}\n"), encoding="utf-8")
    run("build", "-d", tmp_path / "out", cwd=small)
    page = (tmp_path / "out" / "methodology" / "index.html").read_text(encoding="utf-8")
    parser = Markup()
    parser.feed(page)
    assert parser.found == [] and "项目表：工作表中隐藏的 1 行、0 列未发布。" in text_of(page)  # the table, not its file


def test_a_templates_own_escaping_shows_the_data_literally(small, tmp_path):
    from importlib import resources

    builtin = (resources.files("generator.rendering") / "templates" / "project.md.j2").read_text(encoding="utf-8")
    (small / "templates").mkdir()
    (small / "templates" / "project.md.j2").write_text(builtin + "\n{{ p.location|e }} {{ p.location|escape }}\n", encoding="utf-8")
    config = small / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - progress:\n", "  - progress:\n      templates_dir: templates\n"), encoding="utf-8")
    rows = (small / "data" / "projects.csv").read_text(encoding="utf-8-sig").splitlines()
    rows[0] += ",建设地点"
    rows[1] += ",**粗** [点](javascript:alert('loc'))"
    (small / "data" / "projects.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    run("build", "-d", tmp_path / "out", cwd=small)
    page = (tmp_path / "out" / "projects" / "P001" / "index.html").read_text(encoding="utf-8")
    parser = Markup()
    parser.feed(page)
    assert parser.found == [] and text_of(page).count("**粗** [点](javascript:alert('loc'))") == 3


def test_builds_of_sibling_site_folders_run_side_by_side(small, tmp_path):
    """Two builds started together into two folders of one parent (each its own lock and staging folder)."""
    out = tmp_path / "out"
    out.mkdir()
    builds = [subprocess.Popen([EXE, "build", "-d", str(out / name)], cwd=small, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=ENV) for name in ("site", "site-en")]
    assert [b.wait(timeout=300) for b in builds] == [0, 0]
    assert _tree(out / "site") == _tree(out / "site-en") and len(_tree(out / "site")) > 20
    assert sorted(p.name for p in out.iterdir()) == ["site", "site-en"]


def test_a_symlink_loop_as_site_folder_is_a_message(small, tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    result = run("build", "-d", tmp_path / "loop", cwd=small, check=False)
    assert (result.returncode, result.stderr.strip()) == (1, f"不能把网站写入 {tmp_path / 'loop'}：它是一个指向自身的（循环）符号链接")


def test_plain_mkdocs_build_refuses_a_folder_with_other_content(small, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "important.txt").write_text("keep", encoding="utf-8")
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-d", str(tmp_path / "out")], cwd=small,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 1 and "其中已有不是本工具生成的内容（important.txt）" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["important.txt"]
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-d", str(tmp_path / "site")], cwd=small,
                   check=True, capture_output=True, env=ENV)
    assert (tmp_path / "site" / ".progress-site").is_file()  # a plain build marks its site too


@pytest.mark.parametrize("value,reason", [
    (13800138000, "第 2 行的内容像手机号码"), ("电话１３８００１３８０００", "第 2 行的内容像手机号码"),
    ("110101900307123", "第 2 行的内容像身份证号"), ("zhang＠example.com", "第 2 行的内容像电子邮箱"),
    ("138.0013.8000", "第 2 行的内容像手机号码"), ("+86 138 0013 8000", "第 2 行的内容像手机号码"),
    ("110101 19900307 123X", "第 2 行的内容像身份证号"), ("138—0013—8000", "第 2 行的内容像手机号码"),
    ("138/0013/8000", "第 2 行的内容像手机号码"), ("(138)0013-8000", "第 2 行的内容像手机号码"),
    ("1 3 8 0 0 1 3 8 0 0 0", "第 2 行的内容像手机号码"), ("2024-01-26 联系 13800138000", "第 2 行的内容像手机号码"),
])
def test_personal_data_in_any_form_is_not_published(site, value, reason):
    _workbook(site / "data" / "projects.xlsx", lambda book: _projects(book.active, [["P1", "甲", "在建", "2024", 1, ""]]) or
              (book.active.cell(1, 7, "备注"), book.active.cell(2, 7, value)))
    loaded = load(site, {"publish_columns": ["备注"]})
    assert lines(loaded) == [f"data/projects.xlsx:1: 备注: 此列看起来是个人信息（{reason}），不发布；确需公开时请在配置 publish_personal 中列出"]
    assert loaded.report.projects["P1"].extras == {}


def test_personal_data_in_a_name_that_must_be_published_is_an_error(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["P1", "张三13800138000负责的项目"]])
    assert lines(load(site)) == ["data/projects.csv:1: 项目名称: 此列看起来含有个人信息（第 2 行的内容像手机号码），而它必须发布；"
                                 "请删去这些内容，或确需公开时在配置 publish_personal 中列出此列"]
    assert lines(load(site, {"publish_personal": ["项目名称"]})) == []


def test_hidden_sheets_rows_and_columns_in_every_form_are_not_read(site):
    def build(book):
        _projects(book.active, [["X1", "内部项目", "在建", "2024", 1, ""]], title="原始数据")
        book.active.sheet_state = "hidden"
        _projects(book.create_sheet(), [["P1", "公开项目", "在建", "2024", 1, "城南"], ["P2", "隐藏行项目", "在建", "2024", 1, ""]],
                  title="公开版")
        _chart_sheet(book, 0)
    _workbook(site / "data" / "projects.xlsx", build, {"xl/worksheets/sheet2.xml": lambda xml: xml.replace(
        '<row r="3"', '<row r="3" ht="0" customHeight="1"').replace("<sheetData>", '<cols><col min="6" max="6" width="0" customWidth="1"/></cols><sheetData>')})
    loaded = load(site)
    assert sorted(p.name for p in loaded.report.projects.values()) == ["公开项目"]
    assert loaded.report.projects["P1"].location is None
    assert lines(loaded) == ["data/projects.xlsx[公开版]: 工作簿隐藏的工作表（“原始数据”）未读取，也不发布",
                             "data/projects.xlsx[公开版]: 工作表隐藏了 1 行数据（第 3 行）：未读取，也不发布",
                             "data/projects.xlsx[公开版]:1: 工作表隐藏了 1 列（“建设地点”）：未读取，也不发布",
                             "data/projects.xlsx[图表]: 图表工作表：只有图表，没有表格，不读取"]
    assert sorted(load(site, {"files": {"projects": {"sheet": "原始数据"}}}).report.projects) == ["X1"]  # named: read


def test_a_workbook_without_worksheets_is_a_message(site):
    def build(book):
        _chart_sheet(book)
        book.remove(book.active)
    _workbook(site / "data" / "projects.xlsx", build)
    assert lines(load(site)) == ["data/projects.xlsx: 工作簿中没有工作表（可能存为了“严格 Open XML”格式）；请在 Excel 或 WPS 中另存为普通的 .xlsx"]


def test_merges_over_a_million_rows_cost_only_the_rows_that_hold_something(site):
    letters = [openpyxl.utils.get_column_letter(c) for c in range(7, 67)]
    merges = "".join(f'<mergeCell ref="{c}2:{c}1048576"/>' for c in letters)
    _workbook(site / "data" / "projects.xlsx", lambda book: _projects(book.active, [["P1", "甲", "在建", "2024", 1, ""], ["P2", "乙", "在建", "2024", 1, ""]]) or [
        book.active.cell(2, 7 + i, "合并") for i in range(60)], {"xl/worksheets/sheet1.xml": lambda xml: xml.replace(
            "</sheetData>", f'</sheetData><mergeCells count="60">{merges}</mergeCells>')})
    loaded = load(site)
    assert sorted(loaded.report.projects) == ["P1", "P2"]


def test_styles_and_shared_strings_beyond_any_table_are_refused_before_parsing(site):
    xf = '<x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 200_000 + "<font/>" * 250_000  # prefixed, and not xf
    _workbook(site / "data" / "projects.xlsx", lambda book: _projects(book.active, []),
              {"xl/styles.xml": lambda xml: xml.replace("<cellXfs", f"<cellXfs>{xf}</cellXfs><cellXfsX", 1)})
    assert lines(load(site)) == ["data/projects.xlsx: 工作簿中的 xl/styles.xml 有超过 400000 个元素，远多于任何表格所需（Excel 最多 64000 种单元格格式），文件可能已损坏或是恶意构造的；请在 Excel 或 WPS 中另存"]
    _workbook(site / "data" / "projects.xlsx", lambda book: _projects(book.active, []),
              {"xl/sharedStrings.xml": lambda _: "<x:sst>" + "<x:si><x:t/></x:si>" * 102_000 + "</x:sst>"})
    assert lines(load(site, {"limits": {"cells": 1000}})) == [  # beyond the cells and the header's headroom
        "data/projects.xlsx: 有内容的单元格超过 1000 个，超过上限；请拆分文件，或在配置 limits.cells 中调高上限"]


def test_a_csv_row_of_millions_of_fields_is_refused_before_it_is_split(site):
    (site / "data").mkdir()
    (site / "data" / "projects.csv").write_text("项目编号,项目名称\nP1," + "," * 2_000_000 + "x\n", encoding="utf-8")
    assert lines(load(site)) == ["data/projects.csv:2: 此行有内容的列超过 1000 列，超过上限；请删去无关的列，或在配置 limits.columns 中调高上限"]
    write_table(site / "data", "projects", [["项目编号", "项目名称", "建设内容"], *[[f"P{i}", "甲", "含,逗号"] for i in range(10)]])
    assert lines(load(site, {"limits": {"cells": 20}})) == [  # the 21st cell below the header is in row 8
        "data/projects.csv:8: 有内容的单元格超过 20 个，超过上限；请拆分文件，或在配置 limits.cells 中调高上限"]
    assert lines(load(site, {"limits": {"rows": 10}})) == []  # exactly as many data rows as the limit
    assert lines(load(site, {"limits": {"rows": 10, "cells": 30}})) == []  # and cells: the header is not counted


def test_a_huge_amount_builds(small, tmp_path):
    rows = (small / "data" / "projects.csv").read_text(encoding="utf-8-sig").replace(",12.5,", ",100000000000000000000000000,", 1)
    (small / "data" / "projects.csv").write_text(rows, encoding="utf-8")
    run("build", "-d", tmp_path / "out", cwd=small)
    assert "100,000,000,000,000,000,000,000,000亿元" in text_of((tmp_path / "out" / "projects" / "P001" / "index.html").read_text(encoding="utf-8"))


def test_an_id_the_engine_would_skip_is_refused(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], [".git", "甲"]])
    assert lines(load(site)) == ["data/projects.csv:2: 项目编号: 编号“.git”不能用作网址：只允许字母、数字和 - _ .，不能含“..”，也不能以“.”开头"]


def test_characters_a_workbook_escapes_are_read_and_cleaned(site):
    _workbook(site / "data" / "projects.xlsx", lambda book: _projects(book.active, [["P1", "PLACEHOLDER", "在建", "2024", 1, ""]]),
              {"xl/worksheets/sheet1.xml": lambda xml: xml.replace("PLACEHOLDER", "名_x0000__x0001_称_x005F_x0041_")})
    loaded = load(site)
    assert loaded.report.projects["P1"].name == "名称_x0041_"
    assert lines(loaded) == ["data/projects.xlsx:2: 项目名称: 删除了看不见的控制或格式字符：U+0000、U+0001"]


def test_a_formula_without_a_result_in_a_published_column_is_a_problem(site):
    _workbook(site / "data" / "projects.xlsx", lambda book: _projects(book.active, [["P1", "甲", "在建", "2024", 1, ""]]) or (
        book.active.cell(1, 7, "备注"), book.active.cell(2, 7, '=CONCAT("a","b")')))
    assert lines(load(site, {"publish_columns": ["备注"]})) == [
        "data/projects.xlsx:2: 备注: 公式 =CONCAT(\"a\",\"b\") 没有保存计算结果（文件可能由程序生成）；请在 Excel 或 WPS 中打开并保存后再试"]


@pytest.mark.parametrize("text", ["2024-330112-39-01-424564", "2024.10.01-2025.12.31", "0571-87654321", "计划总投资 12.5 亿元",
                                  "20240101", "123456789012345678901", "13912345678.5 MWK", "13,912,345,678",
                                  "1.3912345678e10", "13912345678.00", "13912345678元"])
def test_codes_dates_and_figures_are_not_taken_for_personal_data(text):
    from generator.loading.publication import personal_kind

    assert personal_kind(text) is None


def test_an_infinite_number_in_a_workbook_is_an_invalid_amount(site):
    _workbook(site / "data" / "projects.xlsx", lambda book: _projects(book.active, [["P1", "甲", "在建", "2024", 7, ""]]),
              {"xl/worksheets/sheet1.xml": lambda xml: xml.replace("<v>7</v>", "<v>1E+400</v>")})
    assert lines(load(site)) == ["data/projects.xlsx:2: 计划总投资（亿元）: “inf”不是金额：应为数字（可带单位和“约/以上/超/近”）、"
                                 "未公开标记（如 xx）、“待定”或留空"]


def test_millions_of_blank_lines_are_refused_without_reading_them_all(site):
    (site / "data").mkdir()
    (site / "data" / "projects.csv").write_text("项目编号,项目名称\nP1,甲\n" + "\n" * 5000, encoding="utf-8")
    assert lines(load(site, {"limits": {"rows": 10}})) == [
        "data/projects.csv:1101: 数据超过 10 行（读到此行时），超过上限；请拆分文件，或在配置 limits.rows 中调高上限"]


def test_text_that_names_a_scripted_address_is_broken_only_where_a_page_puts_it_into_an_address():
    from generator.rendering.markup import show, show_in_address
    from generator.rendering.prose import _in_address

    assert "\u200b" in show_in_address("JavaScript:alert(1)") and "\u200b" in show_in_address("data:text/html,<b>")
    assert "\u200b" not in show_in_address("data: 2024 年") and "\u200b" not in show("javascript:alert(1)")
    assert _in_address('<a href="') and _in_address("see [the page](") and _in_address("[ref]: ")
    assert not _in_address("plain text ") and not _in_address('<a href="x">name: ')


def test_more_projects_than_a_site_may_hold_is_an_error_at_the_first_beyond(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], *[[f"P{i}", f"项目{i}"] for i in range(1, 6)]])
    assert lines(load(site, {"limits": {"projects": 5}})) == []
    assert lines(load(site, {"limits": {"projects": 3}})) == [
        "data/projects.csv:5: 项目超过 3 个（读到此行时），超过上限：每个项目一页，再多生成网站要很久、占用很多内存；"
        "请按地区或类别分成几个网站，或在配置 limits.projects 中调高上限"]
