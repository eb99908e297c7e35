"""Helpers to make and build real sites in temporary folders."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from .conftest import ROOT
from .warm import Warm

EXE = str(Path(sys.executable).parent / "progress-site")
MKDOCS = str(Path(sys.executable).parent / "mkdocs")


WARM = Warm(EXE)


def run(*args, cwd=ROOT, check=True, fresh=False):
    """``progress-site ARGS`` in ``cwd``, from the warm process (:mod:`.warm`) unless ``fresh``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if fresh:
        result = subprocess.run([EXE, *map(str, args)], cwd=cwd, capture_output=True, text=True, env=env)
    else:
        result = WARM.run([str(a) for a in args], Path(cwd), env)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def new_site(folder: Path) -> Path:
    """A site made by ``progress-site new`` in ``folder``, its data folder emptied of the sample tables."""
    run("new", folder)
    for old in (folder / "data").glob("*.csv"):
        old.unlink()
    return folder


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str | None:
    """The text at ``url``, or None when it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 90) -> str | None:
    """The text at ``url`` once it holds ``text`` (a preview rebuilding), or what it was when time ran out."""
    deadline = time.monotonic() + seconds
    page = None
    while time.monotonic() < deadline and not (page and text in page):
        time.sleep(0.3)
        page = get(url)
    return page


@contextlib.contextmanager
def previewing(site: Path, command: tuple[str, ...] = (EXE,), env: dict | None = None):
    """``site`` previewed by ``COMMAND serve`` on a free loopback port while the block runs: (base URL, log file)."""
    port = free_port()
    log = site.parent / f"{site.name}-serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen([*command, "serve", "-a", f"127.0.0.1:{port}"], cwd=site, stdout=sink, stderr=sink,
                                  env=env or {**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield f"http://127.0.0.1:{port}", log
    finally:
        server.terminate()
        server.wait(timeout=30)


def copy_sample(dest: Path) -> Path:
    """The sample site (mkdocs.yml, docs/, data/) copied to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, dest / name)
    return dest


def new_english_site(folder: Path, *settings: str) -> Path:
    """A site made by ``progress-site new --language en`` in ``folder``, its sample tables taken out, and its
    currency and unit those ``settings`` give (each a line such as ``currency: MWK``), with the others."""
    run("new", folder, "--language", "en")
    for old in (folder / "data").glob("*.csv"):
        old.unlink()
    config = folder / "mkdocs.yml"
    config.write_text(re.sub(r" *(currency: USD|unit: million USD)\n", "", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    for line in settings:
        set_plugin(folder, line)
    return folder


def set_plugin(site: Path, line: str) -> Path:
    """Add ``line`` (a setting, e.g. ``search: pagefind``) to a site's progress plugin settings."""
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - progress:\n" in text
    config.write_text(text.replace("  - progress:\n", f"  - progress:\n      {line}\n", 1), encoding="utf-8")
    return site


def use_pagefind(site: Path) -> Path:
    """Switch a site's search to Pagefind (``search: pagefind`` in the progress plugin's settings)."""
    return set_plugin(site, "search: pagefind")


def text_of(html: str) -> str:
    """The visible text of a page's article, without tags."""
    article = html[html.find("<article"):html.find("</article>")]
    article = re.sub(r"<script\b.*?</script>", "", article, flags=re.S)
    return re.sub(r"\s+", " ", __import__("html").unescape(re.sub(r"<[^>]+>", " ", article)))


def page_text(path) -> str:
    """The visible text of a built page, its navigation and foot included, without tags, scripts or styles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return __import__("html").unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


class Resources(HTMLParser):
    """Every URL a page loads: scripts, styles, fonts, images, frames, inline style urls."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.specs: list[str] = []
        self.spec_ids: list[str] = []
        self._in_spec = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        if tag == "script" and a.get("type") == "application/json" and (a.get("id") or "").endswith("-spec"):
            self._in_spec = True
            self.specs.append("")
            self.spec_ids.append(a["id"])
        if tag == "link" and a.get("href") and (a.get("rel") or "") not in ("canonical", "alternate", "alternate feed"):
            self.urls.append(a["href"])
        if tag in ("img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.urls.append(a["src"])
        if a.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_spec = False

    def handle_data(self, data):
        if self._in_spec:
            self.specs[-1] += data


def outside(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)) and not url.startswith("data:")


#: Script, HTML, Markdown-link, template and prose-figure payloads, with Markdown and HTML around them.
PAYLOADS = {
    "name": "<script>alert('name')</script><img src=x onerror=alert('img')>**粗体**",
    "cluster": '"><svg onload=alert(\'cluster\')>集群',  # the quote would end an attribute (a meta tag's, a tag's)
    "description": "[点我](javascript:alert('link')) {{ 7*7 }} {% if 1 %}T{% endif %} [[ count ]] </script><b>粗</b>",
    "note": '"><iframe src=javascript:alert(1)></iframe> ${alert(1)} `x` | 管道 | # 标题 ~~删除~~ :smile:',
}


def field_payload(field: str) -> str:
    """Script, HTML, Markdown and template text for one more field, named so that a leak says where it came from."""
    return f"<script>alert('{field}')</script><img src=x onerror=alert('{field}')>**粗{field}** [点](javascript:alert(1)) {{{{ 7*7 }}}}"


#: Every other place data text reaches a page: project fields, a published extra column, the clusters table,
#: the indicators table, and the site's own settings.
FIELD_PAYLOADS = {f: field_payload(f) for f in ("owner", "department", "location", "level", "extra", "cluster_description",
                                               "indicator", "indicator_value", "indicator_unit", "indicator_note", "office")}
#: A hand-written page with every kind of shortcode, over the payloads.
FIGURES_PAGE = "\n\n".join([
    "# 数字",
    *[f"{field}: [[ project P1 {field} ]]" for field in (
        "id", "name", "category", "level", "cluster", "status", "year", "total_investment", "owner", "department",
        "location", "description", "progress_note", "start_date")],
    "[[ indicator 指标 ]] [[ indicator 数量 ]]", "[[ count cluster=c1 ]] [[ sum total_investment cluster=c1 ]] [[ rate year=2024 ]]",
    "[[ chart clusters ]]", "[[ chart status ]]", "[[ chart projects ]]", "[[ chart years ]]",
    "[链接]([[ project P2 location ]]) 与 <a href=\"[[ project P2 location ]]\">链接</a>",  # a data value as an address
    "代码 `[[ project P1 name ]]` 中", "```\n[[ project P1 name ]]\n```", "一个 ` 反引号之后 [[ project P1 owner ]]",
    '<iframe srcdoc="[[ project P1 name ]]"></iframe>',  # a frame's whole document from the data
    '<svg><a><animate attributeName="href" values="[[ project P2 location ]]"/><text>点</text></a></svg>',
])
#: Hand-written pages titled by their first heading, which holds a figure from the data (ATX and setext).
HEADING_PAGES = {"heading.md": "# [[ project P1 name ]]\n\n正文。\n", "setext.md": "[[ project P1 name ]]\n===\n\n正文。\n"}
#: Markdown block syntax of common extensions, each in a cluster's description (it starts a line on the cluster page).
BLOCK_SYNTAX = ["/// details", "??? note", "!!! warning", "/// admonition | 注", "=== \"标签\""]


def build_hostile(root: Path, pagefind: bool = False) -> Path:
    """Build a site whose every text from the data carries a payload (``PAYLOADS`` on project P1's page,
    ``FIELD_PAYLOADS`` elsewhere), with a page of every shortcode (``figures.md``); returns the built site."""
    import json

    from .conftest import write_table

    run("new", root / "s")
    site = root / "s"
    if pagefind:
        use_pagefind(site)
    f = FIELD_PAYLOADS
    config = (site / "mkdocs.yml").read_text(encoding="utf-8").replace("  - progress:\n", "  - progress:\n" + "".join(
        f"      {key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in {
            "office": f["office"], "levels": {f["level"]: f["level"]}, "publish_columns": ["附加信息"]}.items()), 1)
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    config = config.replace("markdown_extensions:\n", "markdown_extensions:\n  - admonition\n  - pymdownx.details\n"
                            "  - pymdownx.blocks.details\n  - pymdownx.blocks.admonition\n"
                            "  - pymdownx.superfences\n  - pymdownx.tabbed:\n      alternate_style: true\n", 1)
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    (site / "docs" / "figures.md").write_text(FIGURES_PAGE + "\n", encoding="utf-8")
    for name, text in HEADING_PAGES.items():
        (site / "docs" / name).write_text(text, encoding="utf-8")
    write_table(site / "data", "clusters", [["编号", "集群名称", "简介"], ["c1", PAYLOADS["cluster"], f["cluster_description"]],
                                            *[[f"b{i}", f"块语法集群{i}", text] for i, text in enumerate(BLOCK_SYNTAX)]])
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "所属产业集群", "项目级别", "建设状态", "年度", "计划总投资（亿元）", "业主单位", "责任单位", "建设地点",
         "建设内容", "进展情况", "附加信息"],
        ["P1", PAYLOADS["name"], PAYLOADS["cluster"], f["level"], "在建", "2024", "1", f["owner"], f["department"], f["location"],
         PAYLOADS["description"], PAYLOADS["note"], f["extra"]],
        ["P2", "正常项目", PAYLOADS["cluster"], "", "在建", "2024", "2", "", "", "javascript:alert('href')", "普通描述", "", ""],
        *[[f"B{i}", f"块语法项目{i}", f"块语法集群{i}", "", "在建", "2024", "1", "", "", "", text, "", ""]
          for i, text in enumerate(BLOCK_SYNTAX)],
    ])
    write_table(site / "data", "progress", [["项目编号", "报告期", "完成投资（亿元）", "进展情况"],
                                            ["P1", "2024Q1", "0.2", PAYLOADS["note"]], ["P1", "2024Q2", "0.3", ""]])
    write_table(site / "data", "indicators", [["年度", "指标名称", "数值", "单位", "说明"],
                                              ["2024", "指标" + f["indicator"], f["indicator_value"], "", f["indicator_note"]],
                                              ["2024", "数量", "19", f["indicator_unit"], ""]])
    run("build", "--strict", "-d", root / "out", cwd=site)
    return root / "out"
