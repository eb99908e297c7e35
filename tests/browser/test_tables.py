"""Tables as readers read them, on a desk and on a phone: figures right-aligned in digits of one width, headers
not broken inside a word, text as large as the body's, and a table wider than a phone saying so and keeping its
names in view while its figures scroll."""

import re

import pytest

from .conftest import DESKTOP, MOBILE

PAGES = ["", "rankings/", "projects/", "methodology/"]


@pytest.mark.parametrize("path", PAGES)
def test_figures_are_right_aligned_and_text_is_16px(sample, visit, path):
    v = visit(sample[0], viewport=DESKTOP)
    page = v.open(path)
    cells = page.evaluate("""Array.from(document.querySelectorAll('article table td'))
        .filter(td => !td.querySelector('a')).map(td => [
        td.innerText.trim(), getComputedStyle(td).textAlign, parseFloat(getComputedStyle(td).fontSize),
        getComputedStyle(td).fontVariantNumeric])""")  # a link (a year, a project) is a name, not a figure
    assert cells
    figures = [c for c in cells if c[0][:1].isdigit() and c[0].rstrip("*%亿元万个").replace(",", "").replace(".", "").isdigit()
               and not re.fullmatch(r"(19|20)\d\d", c[0])]  # a year names a list, it is not compared
    assert figures and {align for _, align, _, _ in figures} == {"right"}, figures[:5]
    assert min(size for _, _, size, _ in cells) >= 16
    assert {numeric for _, _, _, numeric in cells} == {"tabular-nums"}
    h1 = page.evaluate("[getComputedStyle(document.querySelector('article h1')).fontWeight,"
                       " parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)]")
    assert int(h1[0]) >= 700 and h1[1] >= 16


def test_a_header_is_not_broken_inside_a_word_on_a_phone(sample, visit):
    page = visit(sample[0], viewport=MOBILE).open("rankings/")
    broken = page.evaluate("""(() => {
        const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
        const out = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent.trim();
            if (!text || /\\s/.test(text) || !node.parentElement.closest('th')) continue;
            const range = document.createRange(); range.selectNodeContents(node);
            const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
            if (tops.size > 1) out.push(text);
        }
        return out;
    })()""")
    assert broken == []


def test_a_wide_table_on_a_phone_says_it_scrolls_and_keeps_its_names_in_view(sample, visit):
    page = visit(sample[0], viewport=MOBILE).open("projects/")
    state = page.evaluate("""(() => {
        const wrap = document.querySelector('article .md-typeset__scrollwrap');
        const hint = wrap.previousElementSibling;
        return [wrap.scrollWidth > wrap.clientWidth, hint && hint.classList.contains('ps-scroll-hint') && !hint.hidden,
                hint && hint.innerText];
    })()""")
    assert state[0] and state[1], state
    assert "左右滑动" in state[2]
    before = page.evaluate("document.querySelector('article table tbody td').getBoundingClientRect().left")
    page.evaluate("document.querySelector('article .md-typeset__scrollwrap').scrollLeft = 400")
    page.wait_for_timeout(100)
    after = page.evaluate("""[document.querySelector('article table tbody td').getBoundingClientRect().left,
        document.querySelector('article .md-typeset__scrollwrap').getBoundingClientRect().left,
        document.querySelector('article .md-typeset__scrollwrap').scrollLeft]""")
    assert before >= after[1] and after[2] > 0 and after[0] >= after[1] - 1  # scrolled 400 px, the name still in view
    # on a desk the same table fits, and says nothing
    wide = visit(sample[0], viewport=DESKTOP).open("projects/")
    assert wide.evaluate("document.querySelectorAll('.ps-scroll-hint:not([hidden])').length") == 0


def test_a_league_on_a_phone_keeps_the_rank_and_the_name_in_view_and_shows_the_ranked_rate_and_lights(sample, visit):
    page = visit(sample[0], viewport=MOBILE).open("rankings/")
    cells = "Array.from(document.querySelector('article table tbody tr').cells).slice(0, 4).map(c => c.getBoundingClientRect())"
    first = page.evaluate(f"{cells}.map(r => [r.left, r.right])")
    assert first[3][1] <= MOBILE["width"]  # rank, name, the rate it is ranked by and its lights, without scrolling
    page.evaluate("document.querySelector('article .md-typeset__scrollwrap').scrollLeft = 300")
    page.wait_for_timeout(100)
    after = page.evaluate(f"{cells}.map(r => [r.left, r.right])")
    assert page.evaluate("document.querySelector('article .md-typeset__scrollwrap').scrollLeft") > 0
    frame = page.evaluate("document.querySelector('article .md-typeset__scrollwrap').getBoundingClientRect().left")
    assert after[0][0] >= frame - 1 and after[1][1] <= first[1][1] + 1  # both still in view at the frame's edge
    assert after[1][0] >= after[0][1] - 1 and after[2][1] <= after[1][1]  # the name beside the rank, the rate under them


def test_the_project_index_lists_red_first_then_yellow_then_green(sample, visit):
    page = visit(sample[0], viewport=DESKTOP).open("projects/")
    order = page.evaluate("""Array.from(document.querySelectorAll('article table tbody tr')).map(tr =>
        (tr.querySelector('.ps-light') || {className: 'none'}).className.match(/ps-light--(\\w+)|none/)[1] || 'none')""")
    rank = {"red": 0, "yellow": 1, "green": 2, "none": 3}
    assert order[0] == "red" and [rank[o] for o in order] == sorted(rank[o] for o in order)


def test_every_generated_page_says_where_it_sits_and_leads_back_up(sample, visit):
    """当前位置 above each page's title, its first link the home page; the home page has none."""
    v = visit(sample[0], viewport=MOBILE)
    trails = {}
    for path in ("projects/ZD14/", "clusters/metal/", "projects/", "rankings/", "changes/", "methodology/", "years/2022/",
                 "clusters/"):
        page = v.open(path)
        trail = page.evaluate("""(() => { const p = document.querySelector('article .ps-crumbs + p');
            return p && [p.innerText, Array.from(p.querySelectorAll('a')).map(a => new URL(a.href).pathname)]; })()""")
        assert trail, path
        trails[path] = trail
        assert trail[1][0] == "/" and trail[0].endswith(page.inner_text("h1").strip())  # home first, the page last
        crumbs = page.evaluate("document.querySelector('article .ps-crumbs + p').getBoundingClientRect().bottom")
        assert crumbs <= page.evaluate("document.querySelector('article h1').getBoundingClientRect().top")  # above the title
    assert trails["projects/ZD14/"][0].startswith("当前位置：首页 › 项目一览 › ") and trails["projects/ZD14/"][1] == ["/", "/projects/"]
    assert trails["clusters/metal/"][1] == ["/", "/clusters/"]
    assert v.open("").locator(".ps-crumbs").count() == 0
