"""Any public portfolio, judged on its own terms: a file per period found from its name or given in a setting,
financial years, ids that change between periods, ratings by period, exemptions in any column. The example is
``examples/uk-major-projects``: two yearly files in the layout of the UK Government Major Projects Portfolio."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
import yaml

from generator.contract.marks import InvalidValue
from generator.contract.periods import Period, fiscal_year_named, period_in_text
from generator.figures.changes import period_changes
from generator.figures.lights import Light, history, schedule_share

from .conftest import ROOT, lines, load
from .sites import page_text, run

EXAMPLE = ROOT / "examples" / "uk-major-projects"


def example_settings() -> dict:
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    return next(p["progress"] for p in config["plugins"] if isinstance(p, dict) and "progress" in p)


@pytest.fixture
def uk(site):
    shutil.copytree(EXAMPLE / "data", site / "data")
    return site


@pytest.mark.parametrize("text,year", [
    ("2022-23", 2023), ("2022/23", 2023), ("2022–2023", 2023), ("FY2023", 2023), ("FY 2022-23", 2023), ("FY23", 2023),
    ("2022-23财年", 2023), ("1999-00", 2000), ("2022-24", None), ("2023", None), ("2023-03", None)])
def test_a_financial_year_is_named_by_the_year_it_ends_in(text, year):
    assert fiscal_year_named(text) == year


@pytest.mark.parametrize("name,key", [
    ("gmpp-2023", "2022-23"), ("GMPP_data_2022-23", "2022-23"), ("ipa annual report FY2023", "2022-23"),
    ("portfolio March 2023", "2023-03"), ("contracts 2023-08-01", "2023-08-01"), ("two years 2021 2022", None),
    ("no period", None)])
def test_a_file_name_says_its_period_in_passing(name, key):
    found = period_in_text(name, 4)
    assert (found.key if found else None) == key


def test_a_financial_year_where_years_are_calendar_years_names_the_setting():
    with pytest.raises(InvalidValue) as raised:
        period_in_text("gmpp 2022-23", 1)
    assert raised.value.code == "period-fiscal-unset"


def test_a_financial_year_runs_from_its_month_and_its_quarters_with_it():
    year, quarter = Period("year", 2023, start_month=4), Period("quarter", 2023, 1, start_month=4)
    assert (year.start, year.end, year.key, year.label("zh"), year.label("en")) == (
        dt.date(2022, 4, 1), dt.date(2023, 3, 31), "2022-23", "2022-23年", "2022-23")
    assert (quarter.start, quarter.end, quarter.key) == (dt.date(2022, 4, 1), dt.date(2022, 6, 30), "2022-23Q1")
    assert Period("month", 2022, 5, start_month=4).fiscal_year == 2023


def test_two_yearly_files_are_two_financial_years_with_ids_mapped_and_ratings_by_year(uk):
    loaded = load(uk, example_settings(), "en")
    assert loaded.problems.errors == []
    report = loaded.report
    assert [p.key for p in report.periods] == ["2021-22", "2022-23"]
    assert (report.as_of, report.current_year, schedule_share(report)) == (dt.date(2023, 3, 31), 2023, 1)
    rated = {pid: [(period.key, check.light) for period, check in history(p, report)]
             for pid, p in report.projects.items()}
    assert rated == {
        "DFT-0031": [("2021-22", Light.RED), ("2022-23", Light.RED)],  # Amber/Red, then Red
        "DEFRA-0012": [("2021-22", Light.YELLOW), ("2022-23", Light.YELLOW)],
        "HMRC-0007": [("2021-22", Light.YELLOW), ("2022-23", Light.GREEN)],  # renamed too: joined by the id file
        "MOD-0044": [],  # exempt in every column: no light, no figure, no warning about the light
        "MOJ-0020": [("2021-22", Light.GREEN), ("2022-23", Light.YELLOW)],
        "DHSC-0051": [("2022-23", Light.YELLOW)]}
    tax = report.projects["HMRC-0007"]
    assert [(e.period.key, e.planned_investment.value) for e in tax.progress] == [
        ("2021-22", Decimal("145200000.00")), ("2022-23", Decimal("150000000.00"))]
    changes = period_changes(report)
    assert [(p.id, was, now) for p, was, now in changes.lights] == [
        ("HMRC-0007", Light.YELLOW, Light.GREEN), ("MOJ-0020", Light.GREEN, Light.YELLOW)]
    assert [p.id for p in changes.appeared] == ["DHSC-0051"]
    exempt = report.projects["MOD-0044"]
    assert (exempt.total_investment.missing.value, exempt.start_date.missing.value) == ("withheld", "withheld")


def test_without_the_id_file_a_renamed_project_is_said_to_leave_and_to_join(uk):
    settings = example_settings()
    del settings["files"]["projects"]["id_changes"]
    (uk / "data" / "id-changes.csv").unlink()
    said = [line for line in lines(load(uk, settings, "en"), "en") if "series-" in line or "earlier" in line]
    assert said == [
        "data/gmpp-2022.csv:4: Project Name: project “Making Tax Digital” is not in the latest table (2022-23): taken "
        "off the list? Its earlier figures are not published",
        "data/gmpp-2023.csv:4: Project Name: project “Digital Tax Platform” is in no earlier period's table and is "
        "listed from 2022-23; if only its id and name changed, give the old id in a “Previous id” column or in "
        "files.projects.id_changes",
        "data/gmpp-2023.csv:7: Project Name: project “Hospital Building Programme” is in no earlier period's table and "
        "is listed from 2022-23; if only its id and name changed, give the old id in a “Previous id” column or in "
        "files.projects.id_changes"]


def test_a_previous_id_column_joins_a_project_to_its_earlier_rows(uk):
    settings = example_settings()
    del settings["files"]["projects"]["id_changes"]
    (uk / "data" / "id-changes.csv").unlink()
    latest = uk / "data" / "gmpp-2023.csv"
    rows = latest.read_text(encoding="utf-8-sig").splitlines()
    rows = [rows[0] + ",Previous ID"] + [row + (",HMRC_0007" if row.startswith("HMRC") else ",") for row in rows[1:]]
    latest.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    report = load(uk, settings, "en").report
    assert [e.period.key for e in report.projects["HMRC-0007"].progress] == ["2021-22", "2022-23"]


def test_files_given_their_periods_need_no_names_alike(uk):
    data = uk / "data"
    (data / "gmpp-2022.csv").rename(data / "ipa-annual-report-data.csv")
    (data / "gmpp-2023.csv").rename(data / "major projects march.csv")
    settings = example_settings()
    settings["files"]["projects"]["periods"] = {"ipa-annual-report-data.csv": "2021-22",
                                                "major projects march.csv": "FY2023"}
    loaded = load(uk, settings, "en")
    assert loaded.problems.errors == []
    assert [p.key for p in loaded.report.periods] == ["2021-22", "2022-23"]
    assert "data: 2 files read as one series of periods: 2021-22, 2022-23; the latest (2022-23) is the project list" \
        in lines(loaded, "en")


def test_a_file_given_a_period_that_is_not_there_is_an_error(uk):
    settings = example_settings()
    settings["files"]["projects"]["periods"] = {"gmpp-2022.csv": "2021-22", "gmpp-2024.csv": "2023-24"}
    loaded = load(uk, settings, "en")
    assert loaded.problems.errors
    assert "data/gmpp-2024.csv: required data file gmpp-2024.csv is missing (.csv, .xlsx, .xls, .xlsb, .ods or .json)" in \
        lines(loaded, "en")


def test_financial_years_with_no_setting_are_an_error_naming_it(uk):
    data = uk / "data"
    (data / "gmpp-2022.csv").rename(data / "gmpp-2021-22.csv")
    (data / "gmpp-2023.csv").rename(data / "gmpp-2022-23.csv")
    settings = example_settings()
    del settings["fiscal_year_start"]
    errors = [line for line in lines(load(uk, settings, "en"), "en") if "financial year" in line]
    assert errors == [
        "data/gmpp-2021-22.csv: “gmpp-2021-22” is a financial year: set the month financial years begin in "
        "(fiscal_year_start, 4 for the UK)",
        "data/gmpp-2022-23.csv: “gmpp-2022-23” is a financial year: set the month financial years begin in "
        "(fiscal_year_start, 4 for the UK)"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("uk") / "site"
    checked = run("validate", "-f", EXAMPLE / "mkdocs.yml", check=False)
    run("build", "-f", EXAMPLE / "mkdocs.yml", "-d", out)
    return out, checked


def test_the_example_builds_and_its_pages_speak_of_financial_years_and_ratings(built):
    out, _ = built
    home = page_text(out / "index.html")
    assert "2022-23 plan" in home and "Share of the year elapsed: 100.0%" in home and "2022 plan" not in home
    tax = page_text(out / "projects" / "HMRC-0007" / "index.html")
    assert "Light by period Period Light" in tax and "2021-22 ▲ yellow" in tax and "2022-23 ● green" in tax
    changes = page_text(out / "changes" / "index.html")
    assert "Changes in 2022-23 against 2021-22" in changes
    assert "Digital Tax Platform ▲ yellow ● green" in changes and "Prison Places Programme ● green ▲ yellow" in changes
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "Digital Tax Platform" in feed and "Prison Places Programme" in feed
    assert (out / "years" / "2023" / "index.html").is_file()
    assert "2022-23 Data as of 2023-03-31" in page_text(out / "years" / "2023" / "index.html")


def test_the_readme_shows_what_validate_says_of_the_example(built):
    _, checked = built
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("```text\n")[2].split("```", 1)[0].splitlines()
    assert shown and set(shown) <= set(checked.stdout.splitlines()), checked.stdout
    assert "read 3 file(s), 19 rows: 3 header row(s), 16 data row(s)" in checked.stdout  # the id file counted too


def test_a_title_row_says_its_files_period(site):
    """Two workbooks whose names say nothing of their periods, and whose title rows do (March 2023, FY2024)."""
    import openpyxl

    (site / "data").mkdir()
    for name, title, rating in (("portfolio-a.xlsx", "Major projects portfolio: March 2023", "Amber"),
                                ("portfolio-b.xlsx", "Major projects portfolio, FY2024 annual data", "Green")):
        book = openpyxl.Workbook()
        book.active.append([title])
        book.active.append(["Project id", "Project name", "Rating"])
        book.active.append(["A-1", "Coastal defences", rating])
        book.save(site / "data" / name)
    loaded = load(site, {"fiscal_year_start": 4, "files": {"projects": {"periods": "portfolio-*.xlsx"}}}, "en")
    assert loaded.problems.errors == []
    assert [p.key for p in loaded.report.periods] == ["2023-03", "2023-24"]
    project = loaded.report.projects["A-1"]
    assert [(period.key, check.light) for period, check in history(project, loaded.report)] == [
        ("2023-03", Light.YELLOW), ("2023-24", Light.GREEN)]
