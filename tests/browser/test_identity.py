"""The marks a government site carries, as a visitor and a site platform's crawler see them: the footer's
主办 / 承办 units, contact, 网站标识码, ICP and 公网安备 numbers linked to their filing sites (the emblem shipped with
the site), the 党政机关标识 and the error-report link, the update date, and the standard meta tags per page kind;
an English site without the Chinese-only marks."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from ..sites import run
from .conftest import served

IDENTITY = """  - progress:
      identity:
        organizer: xx区人民政府办公室
        operator: xx区发展和改革局
        contact: {phone: 0000-12345678, email: fgj@example.gov.cn, address: xx区政府路1号}
        site_code: "0000000001"
        domain: www.xx.gov.cn
        icp: xxICP备00000001号
        police: xx公网安备00000000000001号
        party_mark: {image: images/dzjg.png, url: "https://bszs.conac.cn/sitename?method=show&id=0001"}
        error_report: "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000001"
"""


SITE_URL = "https://www.xx.gov.cn/zdxm/"


def _site(root, language: str | None = None):
    run("new", root / "s")
    config = root / "s" / "mkdocs.yml"
    block = IDENTITY + (f"      language: {language}\n" if language else "")
    text = config.read_text(encoding="utf-8").replace("  - progress:\n", block, 1)
    # the site's address is its public one; the tests serve a copy on loopback, as a preview or a mirror would
    config.write_text(f"site_url: {SITE_URL}\n" + text, encoding="utf-8")
    (root / "s" / "docs" / "images").mkdir(parents=True, exist_ok=True)
    picture = io.BytesIO()
    Image.new("RGB", (110, 55), "#c00").save(picture, "PNG")
    (root / "s" / "docs" / "images" / "dzjg.png").write_bytes(picture.getvalue())
    run("build", "--strict", "-d", root / "out", cwd=root / "s")
    return root / "out"


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    out = _site(tmp_path_factory.mktemp("identity"))
    with served(out) as base:
        yield base, out


FOOTER = """() => {
  const box = document.querySelector('.md-footer .ps-identity');
  if (!box) return null;
  const links = Object.fromEntries(Array.from(box.querySelectorAll('a')).map(a => [a.innerText.trim() || a.querySelector('img').alt, a.href]));
  const images = Array.from(box.querySelectorAll('img')).map(i => ({src: i.src, width: i.naturalWidth, alt: i.alt}));
  const meta = Object.fromEntries(Array.from(document.head.querySelectorAll('meta[name]')).map(m => [m.name, m.content]));
  return {text: box.innerText, links, images, meta, time: box.querySelector('time').getAttribute('datetime')};
}"""


def test_every_mark_is_in_the_footer_linked_to_where_it_can_be_checked(marked, visit):
    base, _ = marked
    v = visit(base)
    page = v.open("projects/")
    state = page.evaluate(FOOTER)
    for words in ("主办单位：xx区人民政府办公室", "承办单位：xx区发展和改革局", "联系电话：0000-12345678",
                  "电子邮箱：fgj@example.gov.cn", "地址：xx区政府路1号", "网站标识码：0000000001", "更新日期："):
        assert words in state["text"], words
    assert state["links"]["xxICP备00000001号"] == "https://beian.miit.gov.cn/"
    assert state["links"]["xx公网安备00000000000001号"] == "https://beian.mps.gov.cn/#/query/webSearch?code=00000000000001"
    assert state["links"]["党政机关网站标识"] == "https://bszs.conac.cn/sitename?method=show&id=0001"
    assert state["links"]["网站纠错"] == "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000001"
    assert state["links"]["0000-12345678"] == "tel:000012345678"
    emblem, party = state["images"]
    assert emblem["src"] == base + "assets/progress/police-beian.png" and emblem["width"] == 20 and emblem["alt"] == ""
    assert party["src"] == base + "images/dzjg.png" and party["width"] == 110
    assert v.outside() == [] and v.failed == []  # the emblem and the mark come from the site itself
    assert not [u for u in v.requests if "sitemap" in u]  # the feed's link is not taken for another language
    v.close()


def test_the_404_page_carries_the_marks_and_the_reading_aids(marked):
    _, out = marked
    html = (out / "404.html").read_text(encoding="utf-8")
    assert '<div class="ps-identity">' in html and "xxICP备00000001号" in html and "更新日期" in html
    assert 'name="SiteIDCode" content="0000000001"' in html and 'name="ColumnName"' in html
    assert 'class="ps-reading"' in html and "progress-site:reading" in html.split("</head>", 1)[0]
    # served at any path: the emblem and the mark by their path on the site's address
    assert 'src="/zdxm/assets/progress/police-beian.png"' in html and 'src="/zdxm/images/dzjg.png"' in html


@pytest.mark.parametrize("path,column", [("", "首页"), ("projects/", "项目一览"), ("clusters/", "产业集群"),
                                         ("methodology/", "数据与方法")])
def test_every_page_carries_the_standard_meta_tags_with_its_column(marked, visit, path, column):
    base, _ = marked
    v = visit(base)
    page = v.open(path)
    state = page.evaluate(FOOTER)
    meta = state["meta"]
    title = page.evaluate("document.querySelector('.md-typeset h1').firstChild.textContent").strip()
    assert meta["SiteName"] == page.evaluate("document.querySelector('.md-header__topic').innerText.trim()")
    assert meta["SiteDomain"] == "www.xx.gov.cn" and meta["SiteIDCode"] == "0000000001"
    assert meta["ContentSource"] == "xx区人民政府办公室"
    assert meta["ColumnName"] == column and meta["ArticleTitle"] == title
    assert meta["PubDate"] == state["time"] and len(meta["PubDate"]) == 10  # the date the footer shows
    assert meta["Keywords"] and (meta.get("Description") or meta.get("description"))
    v.close()


def test_a_project_page_names_its_column_and_its_tags(marked, visit):
    base, out = marked
    project = next(p.parent.name for p in sorted((out / "projects").glob("*/index.html")))
    v = visit(base)
    page = v.open(f"projects/{project}/")
    meta = page.evaluate(FOOTER)["meta"]
    assert meta["ColumnName"] == "项目一览"
    tags = page.evaluate("Array.from(document.querySelectorAll('.md-tag')).map(t => t.innerText.trim())")
    assert tags and all(t in meta["Keywords"].split(",") for t in tags)
    v.close()


def test_an_english_site_has_the_footer_without_the_chinese_only_marks(tmp_path):
    out = _site(tmp_path, language="en")
    html = (out / "index.html").read_text(encoding="utf-8")
    footer = re.sub(r"<[^>]+>", "", html.split('<div class="ps-identity">', 1)[1].split("</div>", 1)[0])
    assert footer.startswith("Run by xx区人民政府办公室Operated by xx区发展和改革局")
    assert "Phone 0000-12345678" in footer and "Report an error" in footer and "Updated " in footer
    for chinese_only in ("Site code", "ICP", "公网安备", "police-beian.png", "dzjg.png"):
        assert chinese_only not in footer and chinese_only not in html, chinese_only
    assert 'name="SiteIDCode"' not in html and 'name="SiteName"' in html


#: The meta tags the marks add (the theme's own, such as ``generator``, differ between engines).
MARK_TAGS = ("SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ArticleTitle", "PubDate", "ContentSource",
             "Keywords", "Description", "description")


def _seen(visit, base: str, path: str) -> dict:
    """The footer, its links and pictures (by their path on the site), the marks' meta tags and the reading aids
    of one page, as a visitor's browser shows them."""
    v = visit(base)
    page = v.open(path)
    state = page.evaluate(FOOTER)
    state["meta"] = {name: value for name, value in state["meta"].items() if name in MARK_TAGS}
    state["images"] = [{**image, "src": image["src"].removeprefix(base)} for image in state["images"]]
    state["title"] = page.title()
    state["feed"] = page.evaluate("(document.querySelector('link[rel~=feed]') || {}).href") == base + "feed.xml"
    page.keyboard.press("Tab")  # the skip link, then the reading aids' first button
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    state["large"] = page.evaluate("document.documentElement.hasAttribute('data-ps-large')")
    state["outside"], state["failed"] = v.outside(), v.failed
    v.close()
    return state


def test_a_site_zensical_builds_from_the_export_carries_the_same_marks_and_reading_aids(marked, visit, tmp_path):
    """Zensical runs no page hook: the export's theme template prints the marks, the same on every kind of page."""
    base, out = marked
    run("generate", "--out", tmp_path / "project", cwd=out.parent / "s")
    built = subprocess.run([str(Path(sys.executable).parent / "zensical"), "build"], cwd=tmp_path / "project",
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr + built.stdout
    site = tmp_path / "project" / "site"
    project = next(p.parent.name for p in sorted((out / "projects").glob("*/index.html")))
    with served(site) as zensical:
        for path in ("", "projects/", f"projects/{project}/", "clusters/", "methodology/", "rankings/"):
            ours, theirs = _seen(visit, base, path), _seen(visit, zensical, path)
            assert theirs == ours, path
            assert ours["large"] and ours["feed"] and ours["outside"] == [] and ours["failed"] == []
    for html in ((out / "404.html").read_text(encoding="utf-8"), (site / "404.html").read_text(encoding="utf-8")):
        head = html.split("</head>", 1)[0]
        assert 'name="ColumnName" content="首页"' in head and 'name="ArticleTitle" content="404 - 页面不存在"' in head
        assert 'class="ps-reading"' in html and 'src="/zdxm/images/dzjg.png"' in html
