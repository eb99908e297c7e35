"""Several currencies in one portfolio: each amount keeps its own currency and sums are per currency, unless
exchange_rates (with their date and source, printed on the methodology page) convert them; never a silent —."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from generator.contract.amounts import parse_amount, total
from generator.contract.units import currency
from generator.figures import metrics
from generator.rendering.formatting import Formatter

from .conftest import lines, load, write_table
from .sites import new_english_site, page_text, run

HEADER = ["Project id", "Project name", "Year", "Total investment", "Annual planned investment",
          "Annual completed investment"]
ROWS = [["MW-1", "Lilongwe water supply", "2023", "2294281682.5 MWK", "500000000 MWK", "250000000 MWK"],
        ["MW-2", "Rural roads", "2023", "USD 1,250,000", "USD 400,000", "USD 100,000"],
        ["MW-3", "Health centres", "2023", "EUR 800,000", "EUR 200,000", "EUR 150,000"],
        ["MW-4", "Bridges", "2023", "3,000,000 USD", "", ""]]
SETTINGS = {"currency": "MWK", "unit": "million MWK", "input_unit": "MWK"}


def test_an_amount_in_another_currency_keeps_it_and_sums_are_per_currency(site):
    write_table(site / "data", "projects", [HEADER, *ROWS])
    loaded = load(site, SETTINGS, "en")
    assert loaded.problems.errors == []
    said = [line for line in lines(loaded, "en") if "summed apart" in line]
    assert len(said) == 7 and said[0] == (
        "data/projects.csv:3: Total investment: “USD 1,250,000” is in USD: shown in it and summed apart from the site's "
        "currency; give a rate in exchange_rates to convert it")
    projects = loaded.report.projects
    assert (projects["MW-2"].total_investment.value, projects["MW-2"].total_investment.currency) == (Decimal(1250000), "USD")
    summed = total(p.total_investment for p in projects.values())
    assert (summed.value, summed.others) == (Decimal("2294281682.5"), (("EUR", Decimal(800000)), ("USD", Decimal(4250000))))
    fmt = Formatter("en", "million MWK", Decimal(10**6), "MWK")
    assert fmt.total(summed) == "MWK2,294.28m + €0.8m + US$4.25m"
    assert metrics.annual_completion(projects["MW-2"]).value == Decimal("0.25")  # a rate within one currency


def test_exchange_rates_convert_into_the_sites_currency(site):
    write_table(site / "data", "projects", [HEADER, *ROWS])
    settings = {**SETTINGS, "exchange_rates": {"rates": {"usd": 1034.67, "EUR": 1105.2}, "date": dt.date(2023, 6, 30),
                                               "source": "Reserve Bank of Malawi reference rates"}}
    loaded = load(site, settings, "en")
    assert [line for line in lines(loaded, "en") if "summed apart" in line] == []
    summed = total(p.total_investment for p in loaded.report.projects.values())
    assert summed.others == () and summed.value == Decimal("2294281682.5") + Decimal("4250000") * Decimal("1034.67") \
        + 800000 * Decimal("1105.2")
    roads = loaded.report.projects["MW-2"]
    fmt = Formatter("en", "million MWK", Decimal(10**6), "MWK")
    assert fmt.amount(roads.total_investment) == "MWK1,293.34m (US$1.25m)"  # converted, and as written
    from generator.rendering.oc4ids import project_package
    written = json.loads(project_package(loaded.report, "CoST Malawi", "urn:x"))
    assert written["projects"][1]["budget"] == {"amount": {"amount": 1250000, "currency": "USD"}}  # as the source has it


@pytest.mark.parametrize("cell,code,value", [("€3m", "EUR", 3_000_000), ("US$2m", "USD", 2_000_000),
                                             ("1.5 million USD", "USD", 1_500_000), ("MWK 5000", None, 5000),
                                             ("ZAR 3m", "ZAR", 3_000_000)])
def test_a_cell_says_its_currency_by_code_or_symbol(cell, code, value):
    amount = parse_amount(cell, currency("MWK"), "MWK")
    assert (amount.currency, amount.value) == (code, value)


def test_a_header_naming_another_currency_gives_its_bare_numbers_that_currency(site):
    write_table(site / "data", "projects", [["Project id", "Project name", "Budget (USD)"], ["A", "Roads", "1250000"]])
    settings = {**SETTINGS, "files": {"projects": {"columns": {"total_investment": "Budget (USD)"}}}}
    amount = load(site, settings, "en").report.projects["A"].total_investment
    assert (amount.currency, amount.value) == ("USD", Decimal(1250000))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("currencies")
    site = new_english_site(root / "site", "currency: MWK", "unit: million MWK", "input_unit: MWK",
                            "exchange_rates: {rates: {EUR: 1105.2}, date: 2023-06-30, source: Reserve Bank of Malawi}")
    write_table(site / "data", "projects", [HEADER, *ROWS])
    run("build", "-d", root / "out", cwd=site)
    return root / "out"


def test_the_pages_show_each_currency_and_the_rates(built):
    home = page_text(built / "index.html")
    assert "Total investment MWK3,178.44m + US$4.25m" in home
    roads = page_text(built / "projects" / "MW-2" / "index.html")
    assert "Total investment US$1.25m" in roads and "Annual completion 25.0%" in roads
    method = page_text(built / "methodology" / "index.html")
    assert "Exchange rates" in method and "rates of 2023-06-30; source: Reserve Bank of Malawi" in method
    assert "EUR 1105.2" in method
