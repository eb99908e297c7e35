"""Real third-party data: the NYC capital projects example validates with header and status mapping."""

import json
import subprocess
import sys

import docx
import pytest

from generator import load_report, load_site
from generator.contract.vocab import Status

from .conftest import ROOT, SHARED

DATA = SHARED / "realdata" / "nyc-capital-projects"
CONFIG = ROOT / "examples" / "nyc-capital-projects" / "mkdocs.yml"
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is not present")


@pytest.fixture(scope="module")
def loaded():
    return load_report(load_site(CONFIG, DATA))


def test_378_projects_and_their_report_dates_as_periods(loaded):
    # the real data has one negative budget forecast: worth a look, not an error
    assert [p.format("en") for p in loaded.problems.problems] == [
        f"{loaded.problems.problems[0].file}:1358: Budget Forecast: “-4102606” is negative: investment and output are "
        "rarely below zero; please check",
        f"{loaded.problems.problems[1].file}: these files of the data folder are not tables and were not read: SOURCE.md"]
    report = loaded.report
    assert len(report.projects) == 378
    assert len(report.clusters) == 12 and "DEP" in report.clusters
    assert [p.key for p in report.periods][:2] == ["2013-09-01", "2014-01-01"] and len(report.periods) == 15
    assert report.periods[-1].key == "2019-09-01" and report.periods[-1].kind == "date"
    assert sum(len(p.progress) for p in report.projects.values()) == 2259


def test_mapping_reads_latest_values(loaded):
    p = loaded.report.projects["3"]
    assert p.name.startswith("26th Ward Waste Water Treatment Plant")
    assert p.cluster_id == "DEP" and p.location == "Brooklyn"
    assert p.progress[0].total_investment.value == 182980960  # the first report's budget, in USD
    assert p.total_investment.value == p.progress[-1].total_investment.value  # the latest report's
    assert str(p.signed_date.date) == "2013-09-23"
    assert loaded.report.currency == "USD" and loaded.report.display_unit == "million USD"
    assert loaded.report.in_display_unit(p.progress[0].total_investment.value) == __import__("decimal").Decimal("182.98096")
    statuses = {q.status for q in loaded.report.projects.values()}
    assert Status.UNDER_CONSTRUCTION in statuses and Status.RESERVE in statuses


def test_validate_command_on_the_example():
    out = subprocess.run([sys.executable, "-m", "generator", "validate", "-f", str(CONFIG), "--data", str(DATA)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.splitlines()[-1] == "data is valid: 378 projects, 12 clusters, 15 periods; 0 error(s), 1 warning(s), 1 note(s)"


def test_the_example_builds_an_english_site(nyc_site):
    from .sites import text_of

    out = nyc_site
    assert len(list((out / "projects").glob("*/index.html"))) == 378
    text = text_of((out / "projects" / "3" / "index.html").read_text(encoding="utf-8"))
    assert "Data as of 2019-09-01 · Share of the year elapsed: 66.8%" in text
    assert "Source: the project tables this site compiles, as of " in text  # in words for the public: no file, no hash
    assert "SHA-256" not in text and "NYC_capital_projects" not in text
    package = json.loads((out / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    assert [s["sha256"][:12] for s in package["sources"] if s["title"] == "NYC_capital_projects_20190901.csv"][:1] == [
        "8090d724fea7"]  # where the file and its checksum are given
    assert "Total investment $180.58m" in text and "Budget over the reports" in text
    assert not any("\u4e00" <= c <= "\u9fff" for c in text.replace("—", ""))
    bulletin = docx.Document(out / "downloads" / "bulletin-2019-09-01.docx")  # the build's bulletin, in English
    words = "\n".join(p.text for p in bulletin.paragraphs)
    assert "2019-09-01: 378 projects, with no annual plan or completed investment reported." in words
    assert not any("\u4e00" <= c <= "\u9fff" for c in words)
