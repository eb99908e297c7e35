"""The Atom feed of 本期变化: one entry per period, read back as XML, linked from every page's head."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

from generator import load_report, load_site
from generator.figures.changes import period_changes, summary_line
from generator.rendering.formatting import Formatter

from .conftest import ROOT
from .sites import copy_sample, run

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample with a feed per cluster too, built once."""
    site = copy_sample(tmp_path_factory.mktemp("feed") / "src")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - progress:\n", "  - progress:\n      feeds: clusters\n", 1),
                      encoding="utf-8")
    result = run("build", "--strict", "-d", site.parent / "out", cwd=site)
    return site.parent / "out", result.stdout


def test_one_entry_per_period_saying_what_changed(built):
    out, stdout = built
    report = load_report(load_site(ROOT / "mkdocs.yml")).report
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}updated").text == "2022-09-30T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [f"{p.label('zh')}项目变化" for p in reversed(report.periods)]
    assert [e.find(f"{ATOM}updated").text[:10] for e in entries] == [p.end.isoformat() for p in reversed(report.periods)]
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)
    latest = entries[0]
    assert latest.find(f"{ATOM}summary").text in stdout  # the line the build prints
    fmt = Formatter.of(report)
    for period, entry in zip(reversed(report.periods), entries):
        assert entry.find(f"{ATOM}summary").text == summary_line(period_changes(report, period), fmt)
    content = latest.find(f"{ATOM}content").text
    changes = period_changes(report)
    assert [re.sub(r"<.*?>", "", li) for li in re.findall(r"<li>(.*?)</li>", content)] == (
        [f"{p.name}：{fmt.t('st_' + a.value)} → {fmt.t('st_' + b.value)}" for p, a, b in changes.status]
        + [f"{p.name}：{'●▲■'[[*type(a)].index(a)]}{fmt.t('light_' + a.value)} → {'●▲■'[[*type(b)].index(b)]}{fmt.t('light_' + b.value)}"
           for p, a, b in changes.lights])
    link = latest.find(f"{ATOM}link").get("href")
    assert (out / urljoin("feed.xml", link) / "index.html").is_file()


def test_every_page_names_the_feed_and_a_cluster_page_its_own(built):
    out, _ = built
    report = load_report(load_site(ROOT / "mkdocs.yml")).report
    pages = [p for p in out.rglob("index.html")]
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        href = re.search(r'<link rel="alternate feed" type="application/atom\+xml" title="本期变化" href="([^"]+)">', html).group(1)
        url = page.relative_to(out).as_posix()
        assert urljoin("http://x/" + url, href) == "http://x/feed.xml", url
    cid = next(iter(report.clusters))
    own = ET.parse(out / "feeds" / f"{cid}.xml").getroot()
    names = {p.name for p in report.projects.values() if p.cluster_id == cid}
    others = {p.name for p in report.projects.values() if p.cluster_id != cid}
    text = "".join(e.find(f"{ATOM}content").text for e in own.findall(f"{ATOM}entry"))
    assert not any(n in text for n in others) and (any(n in text for n in names) or "本期没有项目新增或变化" in text)
    assert report.clusters[cid].name in own.find(f"{ATOM}title").text
    assert f'<p><a href="../../feeds/{cid}.xml">订阅本期变化（Atom）</a></p>' in (
        out / "clusters" / cid / "index.html").read_text(encoding="utf-8")
    # the 本期变化 page's link stands in its own paragraph, not run on after the bulletin's
    assert '<p><a href="../feed.xml">订阅本期变化（Atom）</a></p>' in (out / "changes" / "index.html").read_text(encoding="utf-8")


def test_the_changes_page_says_who_stayed_behind_for_how_long_and_how_each_rate_moved_against_the_year(built):
    out, _ = built
    report = load_report(load_site(ROOT / "mkdocs.yml")).report
    changes = period_changes(report)
    from generator.figures.lights import history, project_light

    # red or yellow in both periods, red first, the longest first; the run counted from each period's own light
    stayed = [(p.id, light.value, n) for p, light, n in changes.stayed]
    assert stayed[0] == ("ZD14", "red", 2) and {light for _, light, _ in stayed[1:]} == {"yellow"}
    for p, light, n in changes.stayed:
        lit = [c.light for _, c in history(p, report)]
        assert lit[-n:] == [light] * n and (len(lit) == n or lit[-n - 1] is not light)
        assert project_light(p, report).light is light
    # each project lit in both quarters: its rate's move against 序时进度's (50% to 75%: 25 points)
    assert {m.share_points for m in changes.moved} == {25}
    moves = [m.against for m in changes.moved]
    assert moves == sorted(moves) and changes.moved[0].project.id == "ZD14"
    zd14 = changes.moved[0]
    assert zd14.rate_points == (zd14.after.rate - zd14.before.rate) * 100 and zd14.against == zd14.rate_points - 25
    page = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", (out / "changes" / "index.html").read_text(encoding="utf-8"))))
    assert "仍为红灯、黄灯的项目 5 " in page  # in the summary table
    assert f"■ 红灯 {report.projects['ZD14'].name} 2 期 31.3%" in page
    assert "本期序时进度从 50.0% 推进到 75.0%，推进 25 个百分点。" in page
    assert f"{report.projects['ZD14'].name} ■ 红灯 18.8% 31.3% +12.5 −12.5" in page
