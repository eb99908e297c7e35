"""The sample in data/ reproduces every figure the seed work report states."""

import datetime as dt
from decimal import Decimal

import pytest

from generator import load_report, load_site
from generator.contract.amounts import Qualifier
from generator.contract.dates import PartialDate
from generator.contract.marks import Missing
from generator.contract.vocab import Category, Status
from generator.figures import lights, metrics

from .conftest import ROOT

YI = Decimal(10) ** 8


@pytest.fixture(scope="module")
def report():
    loaded = load_report(load_site(ROOT / "mkdocs.yml"))
    assert loaded.problems.errors == []
    return loaded.report


def by_name(report, fragment):
    (project,) = [p for p in report.projects.values() if fragment in p.name]
    return project


def indicator(report, year, fragment):
    (found,) = [i for i in report.indicators_for(year) if fragment in i.name]
    return found


def test_2021_seven_key_projects_with_figures_withheld(report):
    s = metrics.year_summary(report, 2021, Category.KEY)
    assert s.count == 7
    assert s.total_investment.partial and s.total_investment.withheld == 2  # 计划总投资xx亿元
    assert s.completion_rate.value is None and s.completion_rate.missing is Missing.WITHHELD  # 完成率1xx%
    assert indicator(report, 2021, "投资完成率").value.missing is Missing.WITHHELD
    assert indicator(report, 2021, "省市重点项目计划总投资").value.missing is Missing.WITHHELD
    assert sum(p.status is Status.COMPLETED for p in report.projects_in(year=2021, category=Category.KEY)) >= 1  # 部分已提前建成


def test_2021_seven_attracted_projects(report):
    attracted = report.projects_in(year=2021, category=Category.INVESTMENT)
    assert len(attracted) == 7
    two = [p for p in attracted if p.total_investment.value == 2 * YI]
    assert len(two) == 1 and two[0].status is Status.OPERATING and two[0].output_to_date.missing is Missing.WITHHELD
    trial = [p for p in attracted if p.status is Status.TRIAL_OPERATION]
    assert len(trial) == 1 and trial[0].operation_date.date == PartialDate(2021, 6)
    platform = by_name(report, "xx平台项目")
    assert platform.start_date.date == PartialDate(2021, 11)
    assert platform.phase1_investment.missing is Missing.WITHHELD and platform.annual_revenue.missing is Missing.WITHHELD
    jan26 = [p for p in attracted if p.start_date.date == PartialDate(2022, 1, 26)]
    assert len(jan26) == 3  # 该三个项目已于今年1月26日集中动工建设
    assert by_name(report, "xx基地项目").total_investment.missing is Missing.WITHHELD
    assert indicator(report, 2021, "意向").value.missing is Missing.WITHHELD  # 储备了…项目X个
    assert indicator(report, 2021, "绩效评价").value.text == "优秀"


def test_2022_twelve_key_projects_total_72_25(report):
    s = metrics.year_summary(report, 2022, Category.KEY)
    assert s.count == 12
    assert s.total_investment.value == Decimal("72.25") * YI and not s.total_investment.partial
    assert report.in_display_unit(s.total_investment.value) == Decimal("72.25")
    assert all(p.level in ("省重点", "市重点") for p in report.projects_in(year=2022, category=Category.KEY))


def test_2022_attracted_projects(report):
    signed = [p for p in report.projects_in(year=2022, category=Category.INVESTMENT) if p.signed_date.date == PartialDate(2022, 1)]
    assert len(signed) == 1
    p = signed[0]
    assert (p.total_investment.value, p.annual_output.value) == (Decimal("1.3") * YI, Decimal("2.5") * YI)
    assert p.start_date.date == PartialDate(2022, 1, 26) and p.signed_date.date.precision == "month"
    adsorption = by_name(report, "动态吸附系统和装备基地项目")
    assert adsorption.total_investment.value == Decimal("1.5") * YI and adsorption.status is Status.NEGOTIATING


def test_reserve_pipeline_and_headquarters_economy(report):
    assert indicator(report, 2022, "储备项目").value.number == 19
    hq = report.projects_in(cluster_id="hq")
    revenue = sorted((p.annual_revenue.value, p.annual_revenue.qualifier) for p in hq if p.annual_revenue.known)
    assert revenue == [(3 * YI, Qualifier.ABOUT), (6 * YI, Qualifier.AT_LEAST), (12 * YI, Qualifier.AT_LEAST)]
    assert indicator(report, 2022, "重卡").value.text == "2000-3000"


def test_clusters_the_report_names(report):
    names = [c.name for c in report.clusters.values()]
    assert names == ["xx能产业集群", "金属智造产业集群", "高端新材料供给产业集群", "机械装备产业集群", "总部经济"]
    assert "绿色能源供应基地" in report.clusters["green-energy"].description
    assert any("重卡" in p.name for p in report.projects_in(cluster_id="green-energy"))


def test_quarterly_progress_for_2022(report):
    assert [p.key for p in report.periods] == ["2021", "2022Q1", "2022Q2", "2022Q3"]
    assert report.as_of == dt.date(2022, 9, 30)
    key = report.projects_in(year=2022, category=Category.KEY)
    assert all(len([e for e in p.progress if e.period.year == 2022]) == 3 for p in key)
    lit = {lights.project_light(p, report).light for p in key}
    assert lit == set(lights.Light)  # the sample tells of green, yellow and red projects
