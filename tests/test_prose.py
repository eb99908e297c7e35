"""Live figures in hand-written pages, filled from the sample data."""

import pytest

from generator import load_report, load_site
from generator.rendering.prose import ProseError
from generator.writing.output import generate

from .conftest import ROOT


@pytest.fixture(scope="module")
def figures():
    site = load_site(ROOT / "mkdocs.yml")
    return generate(load_report(site).report, site).figures


@pytest.mark.parametrize("code,shown", [
    ("count year=2022 category=key", "12"),
    ("sum total_investment year=2022 category=key", "72.25亿元"),
    ("sum total_investment year=2021 category=key", "44.1亿元（不完整：2 项未计入）"),
    ("sum annual_planned category=key", "23.3亿元"),  # the report's current year, 2022
    ("rate year=2022 category=key", "71.2%"),
    ("indicator 储备项目 year=2022", "19个"),
    ("indicator 投资完成率 year=2021", "未公开"),
    ("project ZD01 year", "2021"),
    ("project ZD03 year", "2021、2022"),
    ("project ZD01 status", "建成"),
    ("project ZD01 category", "重点项目"),
    ("project ZD01 cluster", "xx能产业集群"),
    ("project ZD12 cluster", "不属于产业集群"),
    ("project ZD01 owner", ""),
    ("project ZS08 signed_date", "2022年1月"),
    ("project ZS10 annual_revenue", "6亿元以上"),
])
def test_figures(figures, code, shown):
    assert figures.expand(f"[[ {code} ]]") == shown


def test_charts_follow_their_filters(figures):
    all_years = figures.expand("[[ chart years ]]")
    key_only = figures.expand("[[ chart years category=key ]]")
    assert 'id="chart-prose-1-years"' in all_years and all_years != key_only


def test_every_failure_on_a_page_is_reported(figures):
    with pytest.raises(ProseError) as info:
        figures.expand("a [[ count ]]\n[[ project ZD01 nonsense ]] [[ nope ]]\n[[ sum owner ]]")
    assert [line.split(": ", 2)[:2] for line in info.value.lines()] == [
        ["2", "[[ project ZD01 nonsense ]]"], ["2", "[[ nope ]]"], ["3", "[[ sum owner ]]"]]


def test_a_column_of_figures_is_right_aligned_and_one_of_words_is_not():
    from generator.rendering.figures_align import align_figures

    table = "\n".join(["| 项目 | 总投资 | 完成率 | 较序时进度 | 灯 | 年度 |", "|---|---|---|---|---|---|",
                       "| [甲](a.md) | 72.25亿元 | 56.5% | −27.0 | <span>■红灯</span> | 2022-23 |",
                       "| 乙 | 未公开 | — | +3.1 | <span>●绿灯</span> | 2023-24 |",
                       "| 丙 | MWK2,744.28m + US$4.25m | 12.0%（不完整） | 0.0 | | 2024-25 |"])
    assert align_figures(f"text\n\n{table}\n\nmore").split("\n")[3] == "|---|---:|---:|---:|---|---|"
