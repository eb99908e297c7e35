"""Charts that answer a reader's question, measured in the drawing Chromium makes: a red project's line under the
序时进度 line, lights counted per period on whole numbers, leagues as ranked bars, a timeline with its as-of line
and whole names; and no chart whose answer is one bar."""

import re

import pytest

from generator import load_report, load_site
from generator.figures import lights

from ..conftest import ROOT
from .conftest import DESKTOP, MOBILE

#: Each symbol of a chart (its centre on screen) with the y of the dashed 序时进度 line at the same x.
AGAINST_LINE = """id => {
  const svg = document.querySelector('#' + id + ' svg');
  const line = svg.querySelector('g.mark-line path[stroke-dasharray]');
  const m = line.getScreenCTM(), length = line.getTotalLength(), along = [];
  for (let i = 0; i <= 400; i++) {
    const p = line.getPointAtLength(length * i / 400);
    along.push([m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f]);
  }
  const at = x => along.reduce((a, b) => Math.abs(b[0] - x) < Math.abs(a[0] - x) ? b : a)[1];
  return Array.from(svg.querySelectorAll('g.mark-symbol.role-mark path')).map(s => {
    const r = s.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
    return [x, y, at(x)];
  });
}"""


@pytest.fixture(scope="module")
def report():
    return load_report(load_site(ROOT / "mkdocs.yml")).report


def _pace(page) -> list:
    page.wait_for_selector("#chart-pace svg")
    return page.evaluate(AGAINST_LINE, "chart-pace")


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280px", "375px"])
def test_a_red_projects_line_runs_under_the_schedule_line_and_a_green_ones_over_it(sample, visit, report, viewport):
    v = visit(sample[0], viewport=viewport)
    red = _pace(v.open("projects/ZD14/"))
    assert lights.project_light(report.projects["ZD14"], report).light is lights.Light.RED
    assert len(red) == 3 and all(y > line + 10 for _, y, line in red), red  # well below, at every period (y grows down)
    ahead = max((p for p in report.projects.values() if lights.project_light(p, report).light is lights.Light.GREEN
                 and len([c for _, c in lights.history(p, report) if c.rate is not None]) >= 2),
                key=lambda p: lights.project_light(p, report).gap_points)
    green = _pace(v.open(f"projects/{ahead.id}/"))
    assert green[-1][1] <= green[-1][2] + 1, (ahead.id, green)  # its latest point on or over the line
    # the same scale on every page: 0 to 100% at least, so a red project looks red
    ticks = v.page.evaluate("Array.from(document.querySelectorAll('#chart-pace svg g.role-axis-label text')).map(t => t.textContent)")
    assert "0%" in ticks and "100%" in ticks and "3月" in ticks and "9月" in ticks


def test_the_home_page_counts_each_periods_lights_on_whole_numbers_in_the_bars_order(sample, visit, report):
    page = visit(sample[0], viewport=DESKTOP).open("")
    page.wait_for_selector("#chart-lights-by-period svg")
    ticks = page.evaluate("Array.from(document.querySelectorAll('#chart-lights-by-period g.role-axis-label text'))"
                          ".map(t => t.textContent)")
    counts = [t for t in ticks if re.fullmatch(r"\d+", t)]
    assert counts and len(counts) == len(set(counts))  # whole numbers, none twice (no 0 1 1 2 2)
    legend = page.evaluate("Array.from(document.querySelectorAll('#chart-lights-by-period g.role-legend-label text'))"
                           ".map(t => t.textContent)")
    assert legend == ["红灯", "黄灯", "绿灯"]  # as the parts stack from the baseline
    rows = page.evaluate("Array.from(document.querySelectorAll('#chart-lights-by-period + details tbody tr'))"
                         ".map(r => Array.from(r.cells).map(c => c.textContent.trim()))")
    latest = [sum(lights.project_light(p, report).light is light for p in report.projects.values())
              for light in (lights.Light.RED, lights.Light.YELLOW, lights.Light.GREEN)]
    assert rows[-1] == ["2022年三季度", *map(str, latest)]


def test_a_league_is_drawn_as_bars_in_rank_order_with_the_schedule_line(sample, visit):
    page = visit(sample[0], viewport=MOBILE).open("rankings/")
    page.wait_for_selector("#chart-league-department svg")
    bars = page.evaluate("""Array.from(document.querySelectorAll('#chart-league-department g.mark-rect path'))
        .map(p => { const r = p.getBoundingClientRect(); return [r.y, r.width]; })""")
    assert len(bars) >= 3 and [y for y, _ in bars] == sorted(y for y, _ in bars)  # first rank on top
    assert [w for _, w in bars] == sorted((w for _, w in bars), reverse=True)  # the highest rate the longest bar
    assert page.locator("#chart-league-department svg g.mark-rule.role-mark line").count() == 1
    assert "序时进度" in page.inner_text("#chart-league-department")
    clusters = page.evaluate("Array.from(document.querySelectorAll('#chart-league-cluster svg g.role-axis-label text'))"
                             ".map(t => t.textContent)")
    assert "金属智造产业集群" in clusters and "metal" not in clusters  # the names the table gives, not the ids


def test_a_timeline_writes_each_name_whole_and_marks_the_as_of_date(sample, visit, report):
    page = visit(sample[0], viewport=MOBILE).open("clusters/metal/")
    page.wait_for_selector("#chart-timeline svg")
    texts = page.evaluate("Array.from(document.querySelectorAll('#chart-timeline svg text')).map(t => t.textContent)")
    names = [p.name for p in report.projects_in(cluster_id="metal") if p.completion_date.date]
    assert names and all(name in texts for name in names)  # whole, not cut to an axis label's width
    assert "数据截至" in texts and page.locator("#chart-timeline svg g.mark-rule.role-mark line").count() == 1
    inside = page.evaluate("""(() => { const f = document.querySelector('#chart-timeline'), svg = f.querySelector('svg');
        const right = svg.getBoundingClientRect().right;
        return Array.from(svg.querySelectorAll('g.mark-rect path')).every(p => p.getBoundingClientRect().right <= right + 1); })()""")
    assert inside  # no bar runs off the edge


def test_no_chart_on_any_page_answers_with_one_bar(sample_site):
    for page in sample_site.rglob("index.html"):
        marks = re.findall(r'<figure class="ps-chart" id="([^"]+)" data-marks="(\d+)"', page.read_text(encoding="utf-8"))
        assert all(int(n) >= 2 for cid, n in marks if cid != "chart-map"), (page, marks)
