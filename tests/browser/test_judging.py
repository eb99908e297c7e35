"""Judging at a glance, as a visitor sees it: the figure cards, lights with their shapes, the 重点关注 list, the
league tables and the projects table with its light filter, on a desktop and on a phone."""

import re
from decimal import Decimal

import pytest

from generator import load_report, load_site
from generator.figures import lights, metrics

from ..conftest import ROOT, write_table
from ..sites import run
from .conftest import MOBILE, serve

LIGHT_WORDS = {lights.Light.GREEN: "绿灯", lights.Light.YELLOW: "黄灯", lights.Light.RED: "红灯"}
SHAPES = {lights.Light.GREEN: "●", lights.Light.YELLOW: "▲", lights.Light.RED: "■"}


@pytest.fixture(scope="module")
def report():
    return load_report(load_site(ROOT / "mkdocs.yml")).report


def _fits(page) -> bool:
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return width[0] <= width[1]


def _cards(page) -> dict:
    return page.evaluate("""Object.fromEntries(Array.from(document.querySelectorAll('.ps-card')).map(c => [
        c.className.match(/ps-card--(\\w+)/)[1],
        [c.querySelector('dt').innerText.trim(), c.querySelector('.ps-card__value').innerText.trim(),
         (c.querySelector('.ps-card__note') || {innerText: ''}).innerText.trim()]]))""")


#: The first screen a reader sees, on a phone and on a desk.
PHONE_SCREEN, DESK_SCREEN = {"width": 375, "height": 812}, {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [DESK_SCREEN, PHONE_SCREEN], ids=["1280px", "375px"])
def test_the_first_screen_says_how_things_stand_who_is_behind_and_why(sample, visit, report, viewport):
    v = visit(sample[0], viewport=viewport)
    page = v.open("")
    assert v.errors == [] and v.outside() == [] and _fits(page)
    projects = list(report.projects.values())
    checks = {p.id: lights.project_light(p, report) for p in projects}
    counts = {light: sum(c.light is light for c in checks.values()) for light in lights.Light}
    assert counts == {lights.Light.GREEN: 7, lights.Light.YELLOW: 4, lights.Light.RED: 1}  # the sample's story
    # one sentence: the rate against 序时进度 and the red and yellow counts
    verdict = page.inner_text(".ps-verdict")
    assert "完成年度计划71.2%，低于序时进度 3.8 个百分点" in verdict and "红灯1个、黄灯4个" in verdict
    # one bar of every project, the unlit counted and explained rather than judged, its legend in the bar's order
    parts = page.evaluate("Array.from(document.querySelectorAll('.ps-lightbar__part')).map(p => [p.className.split('--')[1],"
                          " p.textContent, +p.style.flexGrow])")
    assert parts == [["red", "■", 1], ["yellow", "▲", 4], ["green", "●", 7], ["none", "○", 5]]
    assert sum(n for _, _, n in parts) == len([p for p in projects if 2022 in p.all_years])  # this year's projects
    legend = page.evaluate("Array.from(document.querySelectorAll('.ps-lightbar__legend li')).map(li => li.innerText.trim())")
    assert legend == ["■红灯 1", "▲黄灯 4", "●绿灯 7", "○未亮灯 5"]
    assert page.inner_text(".ps-lightbar__note") == "未亮灯的项目不作评价：储备、前期项目 1 个；无年度计划投资 4 个。"
    colours = page.evaluate("Array.from(new Set(Array.from(document.querySelectorAll('.ps-lightbar__part'))"
                            ".map(e => getComputedStyle(e).backgroundColor)))")
    assert len(colours) == 4  # and each part has its shape: colour is never alone
    # then 重点关注 as a table, red first, its first project in view: all within the first screen
    table = page.locator("article h2:has-text('重点关注') ~ .md-typeset__scrollwrap table").first
    first = table.locator("tbody tr").first
    for element in (page.locator(".ps-verdict"), page.locator(".ps-lightbar"), first.locator("td").nth(1)):
        box = element.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], (element, box)
    names = table.evaluate("t => Array.from(t.tBodies[0].rows).map(r => r.cells[1].innerText.trim())")
    assert names[0] == report.projects["ZD14"].name and len(names) == 5
    row = first.evaluate("r => Array.from(r.cells).map(c => [c.getAttribute('data-label'), c.innerText.trim()])")
    assert row[0] == ["亮灯：", "■红灯"] and row[2] == ["年度完成率：", "31.3%"] and row[3][1] == "−43.8"
    assert row[4] == ["存在问题及需协调事项：", "研发设备采购招标延期，需协调加快采购审批。"]
    assert [label for label, _ in row[5:]] == ["责任单位：", "联系领导：", "本灯已持续："]
    stacked = first.evaluate("r => getComputedStyle(r).display")
    assert stacked == ("block" if viewport is PHONE_SCREEN else "table-row")  # a phone reads each project as a block
    # the cards come after the list, the overview after them
    order = page.evaluate("""Array.from(document.querySelectorAll('article .ps-verdict, article .ps-lightbar, article .ps-cards, article h2'))
        .map(e => e.matches('.ps-cards') ? 'cards' : e.matches('.ps-verdict') ? 'verdict' : e.matches('.ps-lightbar') ? 'bar'
        : e.textContent.replace('¶', '').trim())""")
    assert order[:5] == ["verdict", "bar", "重点关注（红灯、黄灯项目）", "cards", "总体情况"]
    cards = _cards(page)
    assert list(cards) == ["projects", "planned", "completed", "rate"]
    assert cards["planned"] == ["2022年计划投资", "23.3亿元", "不完整：5 项未计入"]  # a partial sum says so on its card
    summary = metrics.summarize(projects, report.current_year)
    gap = (summary.completion_rate.value - Decimal(9) / 12) * 100
    assert cards["rate"] == ["2022年完成率", "71.2%", f"低于序时进度 {abs(gap):.1f} 个百分点"]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_lights_word_keeps_its_contrast_in_light_and_dark(sample, visit, scheme):
    from .test_in_browser import _contrast

    v = visit(sample[0])
    page = v.open("")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    words = page.evaluate("Array.from(document.querySelectorAll('.ps-lightbar__legend .ps-light')).map(e => getComputedStyle(e).color)")
    assert len(words) == 4 and all(_contrast(fg, background) >= 4.5 for fg in words), (words, background)
    shapes = page.evaluate("Array.from(document.querySelectorAll('.ps-lightbar__part')).map(e => [getComputedStyle(e).color,"
                           " getComputedStyle(e).backgroundColor])")
    assert all(_contrast(fg, bg) >= 3 for fg, bg in shapes[:3]), shapes  # a shape on its light's colour


def test_the_league_tables_rank_by_rate_and_sort_by_any_column(sample, visit, report):
    v = visit(sample[0])
    page = v.open("rankings/")
    assert v.errors == [] and v.outside() == []
    headings = page.evaluate("Array.from(document.querySelectorAll('article h2')).map(h => h.textContent.replace('¶', '').trim())")
    assert headings == ["按责任单位", "按联系领导", "按产业集群", "按行业领域", "按项目级别"]
    table = page.locator("article table").first
    # sorting leaves the theme's table style in place (it styles tables that have no class)
    assert page.evaluate("getComputedStyle(document.querySelector('article table')).borderTopStyle") == "solid"
    rows = "Array.from(document.querySelector('article table').tBodies[0].rows).map(r => r.cells[{}].innerText.trim())"
    assert page.evaluate(rows.format(0))[:3] == ["1", "2", "3"]
    rates = [float(x.rstrip("%")) for x in page.evaluate(rows.format(2)) if x.endswith("%")]  # the verdict first
    assert rates == sorted(rates, reverse=True)
    header = table.locator("th", has_text="项目数")
    header.locator("button").click()
    counts = [int(x) for x in page.evaluate(rows.format(5))]
    assert header.get_attribute("aria-sort") == "ascending" and counts == sorted(counts)
    header.locator("button").click()
    assert [int(x) for x in page.evaluate(rows.format(5))] == sorted(counts, reverse=True)
    nav = page.evaluate("Array.from(document.querySelectorAll('.md-tabs__link, .md-nav__link')).map(a => a.textContent.trim())")
    assert "排名" in nav


def test_the_projects_table_at_375px_shows_light_and_rate_first_and_filters_by_light(sample, visit, report):
    v = visit(sample[0], viewport=MOBILE)
    page = v.open("projects/")
    assert v.errors == [] and _fits(page)
    headers = page.evaluate("Array.from(document.querySelectorAll('article table thead th')).map(t => t.innerText.trim())")
    assert headers[:5] == ["项目名称", "亮灯", "年度完成率", "建设状态", "责任单位"]
    # the first row's light, rate and status are on screen without scrolling sideways
    right = page.evaluate("document.querySelector('article table tbody tr').cells[3].getBoundingClientRect().right")
    assert right <= MOBILE["width"]
    visible = "Array.from(document.querySelectorAll('article table tbody tr')).filter(r => !r.hidden)"
    for light, word in LIGHT_WORDS.items():
        page.get_by_role("button", name=word, exact=True).click()
        shown = page.evaluate(f"{visible}.map(r => r.cells[1].innerText.trim())")
        expected = [p for p in report.projects.values() if lights.project_light(p, report).light is light]
        assert shown == [SHAPES[light] + word] * len(expected)
        assert page.get_by_role("button", name=word, exact=True).get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="全部", exact=True).click()
    assert page.evaluate(f"{visible}.length") == len(report.projects)
    bars = page.evaluate("Array.from(document.querySelectorAll('.ps-rate__bar')).map(b => [b.style.width, b.parentElement.innerText])")
    assert bars and all(int(w.rstrip("%")) == min(100, round(float(t.rstrip("%")))) for w, t in bars)


#: Projects at each edge of the default bands, as of 2024-10-31 (序时进度 10/12): (planned, completed, light).
EDGES = {"等于序时进度": ("12", "10", "绿灯"), "略低于序时进度": ("12", "9.99", "黄灯"),
         "低30个百分点": ("12", "6.4", "黄灯"), "低30个百分点以上": ("12", "6.39", "红灯"),
         "超过序时进度": ("12", "12", "绿灯")}


@pytest.fixture(scope="module")
def edges(tmp_path_factory):
    """A site with a project at each band edge, its lights worked out from its figures."""
    root = tmp_path_factory.mktemp("edges")
    run("new", root / "s")
    data = root / "s" / "data"
    for f in data.iterdir():
        f.unlink()
    header = ["项目编号", "项目名称", "年度", "年度计划投资（亿元）", "1-10月完成投资（亿元）", "责任单位"]
    write_table(data, "projects", [header, *[[f"E{i}", name, "2024", plan, done, f"单位{i % 2}"]
                                             for i, (name, (plan, done, _)) in enumerate(EDGES.items())]])
    write_table(data, "progress", [["项目编号", "报告期", "建设状态"], *[[f"E{i}", "2024-10", "在建"] for i in range(len(EDGES))]])
    run("build", "--strict", "-d", root / "out", cwd=root / "s")
    base, server = serve(root / "out")
    yield base
    server.shutdown()


def test_derived_lights_at_each_band_edge(edges, visit):
    v = visit(edges)
    page = v.open("projects/")
    lit = dict(page.evaluate("Array.from(document.querySelectorAll('article table tbody tr'))"
                             ".map(r => [r.cells[0].innerText.trim(), r.cells[1].innerText.trim()])"))
    assert lit == {name: SHAPES[next(k for k, w in LIGHT_WORDS.items() if w == word)] + word
                   for name, (_, _, word) in EDGES.items()}
    page = v.open("projects/E3/")
    assert re.search(r"■红灯（年度完成率 53\.\d%，低于序时进度 30\.1 个百分点）", page.inner_text("article"))
    page = v.open("")
    legend = page.evaluate("Array.from(document.querySelectorAll('.ps-lightbar__legend li')).map(li => li.innerText.trim())")
    assert legend == ["■红灯 1", "▲黄灯 2", "●绿灯 2"]


@pytest.mark.parametrize("site,path", [("sample", "clusters/metal/"), ("sample", "years/2022/"), ("district", "stages/new/"),
                                       ("district", "")])
def test_every_group_page_says_how_it_stands_within_the_first_screen_of_a_phone(request, visit, site, path):
    from .conftest import served

    folder = request.getfixturevalue("sample_site" if site == "sample" else "district_site")
    with served(folder) as base:
        v = visit(base, viewport=PHONE_SCREEN)
        page = v.open(path)
        assert v.errors == [] and _fits(page)
        shown = [page.locator(".ps-verdict"), page.locator(".ps-lightbar")]
        if page.locator("table[data-stacked]").count():
            shown.append(page.locator("table[data-stacked] tbody tr").first.locator("td").nth(1))  # the first project to watch
        for element in shown:
            box = element.bounding_box()
            assert box and box["y"] + box["height"] <= PHONE_SCREEN["height"], (path, element, box)
        parts = page.evaluate("Array.from(document.querySelectorAll('.ps-lightbar__part')).map(p => +p.style.flexGrow)")
        counted = page.evaluate("document.querySelector('.ps-verdict').innerText")
        assert sum(parts) >= 1 and "个项目" in counted
