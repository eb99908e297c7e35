"""OC4IDS in and out: a project package dropped into ``data/`` is read with no setting (projects, status, period,
budget and its currency, locations, parties, contracting processes, completion, physical progress; values outside
the code lists kept and said); the site writes its projects back as a package that validates against the vendored
schema; plain JSON records are read with the same header mapping as a CSV. The package is made here, in the shape
of a CoST infrastructure transparency programme's (budgets in kwacha, dollars and euros)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from importlib import resources

import pytest

from generator.contract.vocab import Status
from generator.figures.lights import project_light

from .conftest import lines, load
from .sites import new_english_site, page_text, run


def _project(pid, title, status, budget, currency, **more):
    return {"id": pid, "title": title, "status": status, "budget": {"amount": {"amount": budget, "currency": currency}},
            "period": {"startDate": "2021-07-01T00:00:00Z", "endDate": "2023-06-30T00:00:00Z"}, **more}


PACKAGE = {
    "uri": "https://example.org/oc4ids/malawi.json", "publishedDate": "2023-03-31T00:00:00Z", "version": "0.9",
    "publisher": {"name": "CoST Malawi"},
    "projects": [
        _project("oc4ids-mw-0001", "Rehabilitation of Lilongwe water supply", "implementation", 2294281682.5, "MWK",
                 type="rehabilitation", description="Replace 40 km of mains.",
                 locations=[{"id": "1", "description": "Lilongwe", "geometry": {"type": "Point", "coordinates": [33.78, -13.96]}}],
                 parties=[{"id": "p1", "name": "Lilongwe Water Board", "roles": ["publicAuthority", "procuringEntity"]},
                          {"id": "p2", "name": "African Development Bank", "roles": ["funder"]},
                          {"id": "p3", "name": "Mota-Engil", "roles": ["supplier"]}],
                 publicAuthority={"id": "p1", "name": "Lilongwe Water Board"},
                 metrics=[{"id": "physicalProgress", "observations": [
                     {"id": "1", "measure": 40, "period": {"endDate": "2022-12-31T00:00:00Z"}},
                     {"id": "2", "measure": 56.5, "period": {"endDate": "2023-03-31T00:00:00Z"}}]}],
                 contractingProcesses=[{"id": "cp1", "summary": {"title": "Pipe supply", "status": "implementation"}},
                                       {"id": "cp2", "summary": {"title": "Civil works", "status": "completed"}}]),
        _project("oc4ids-mw-0002", "Rural feeder roads", "completed", 1250000, "USD",  # not in the code list
                 parties=[{"id": "p4", "name": "Roads Authority", "roles": ["procuringEntity", "roadBuilder"]}]),
        _project("oc4ids-mw-0003", "Zomba health centres", "completion", 800000, "EUR",
                 completion={"endDate": "2023-01-15T00:00:00Z", "finalValue": {"amount": 815000, "currency": "EUR"}}),
        _project("oc4ids-mw-0004", "Shire bridge", "cancelled", 3000000, "USD"),
        _project("oc4ids-mw-0005", "Mzuzu market", "preparation", 450000000, "MWK"),
    ]}
SETTINGS = {"currency": "MWK", "unit": "million MWK"}


@pytest.fixture
def package(site):
    (site / "data").mkdir()
    (site / "data" / "cost-malawi.json").write_text(json.dumps(PACKAGE), encoding="utf-8")
    return site


def test_a_package_dropped_in_is_read_with_no_setting(package):
    loaded = load(package, SETTINGS, "en")
    assert loaded.problems.errors == []
    said = lines(loaded, "en")
    assert [line for line in said if "code list" in line] == [
        "data/cost-malawi.json: projects[1].status: “completed” is not in the OC4IDS code list projectStatus (expected one of "
        "identification, preparation, implementation, completion, maintenance, decommissioning, decommissioned, "
        "cancelled): published as written, not used as a status or role",
        "data/cost-malawi.json: projects[1].parties.roles: “roadBuilder” is not in the OC4IDS code list partyRole (expected one "
        "of buyer, procuringEntity, supplier, tenderer, funder, enquirer, payer, payee, reviewBody, interestedParty, "
        "publicAuthority, administrativeEntity, climateFinanceFocalPoint, independentMonitor): published as written, "
        "not used as a status or role"]
    assert "data/cost-malawi.json: there is no projects.csv; this file is read as the projects table (name it under " \
           "files.projects.path in the configuration)" in said
    report = loaded.report
    assert report.as_of.isoformat() == "2023-03-31"
    water, roads, health, bridge, market = report.projects.values()
    assert (water.name, water.status, water.total_investment.value, water.total_investment.currency) == (
        "Rehabilitation of Lilongwe water supply", Status.UNDER_CONSTRUCTION, Decimal("2294281682.5"), None)
    assert (water.owner, water.department, water.location, water.longitude, water.latitude, water.physical_progress) == (
        "Lilongwe Water Board", "Lilongwe Water Board", "Lilongwe", Decimal("33.78"), Decimal("-13.96"), Decimal("0.565"))
    assert water.extras == {"Project type": "Rehabilitation", "Funders": "African Development Bank",
                            "Suppliers": "Mota-Engil", "Contracting processes": "Pipe supply (implementation); Civil works (completed)"}
    assert (roads.status, roads.extras["Status as published"], roads.total_investment.currency) == (None, "completed", "USD")
    assert (health.status, health.actual_completion_date.date.iso(), health.cumulative_investment.currency) == (
        Status.COMPLETED, "2023-01-15", "EUR")
    assert (bridge.status, project_light(bridge, report).light) == (Status.TERMINATED, None)
    assert (market.status, market.planned_start_date.date.iso(), market.completion_date.date.iso()) == (
        Status.RESERVE, "2021-07-01", "2023-06-30")


def test_plain_json_records_are_read_with_the_header_mapping_of_a_csv(site):
    (site / "data").mkdir()
    records = {"records": [
        {"contractId": "23GA0001", "description": "Concreting of road", "budget": {"amount": 24500000},
         "status": "On-Going", "accomplishment": 56.54},
        {"contractId": "23GA0002", "description": "Flood control", "budget": {"amount": 48000000},
         "status": "Completed", "accomplishment": 100}]}
    (site / "data" / "projects.json").write_text(json.dumps(records), encoding="utf-8")
    settings = {"currency": "PHP", "unit": "million PHP", "input_unit": "PHP",
                "files": {"projects": {"columns": {"id": "contractId", "name": "description",
                                                   "total_investment": "budget/amount",
                                                   "physical_progress": "accomplishment"}}}}
    loaded = load(site, settings, "en")
    assert loaded.problems.errors == []
    first = loaded.report.projects["23GA0001"]
    assert (first.name, first.total_investment.value, first.physical_progress, first.status) == (
        "Concreting of road", Decimal(24500000), Decimal("0.5654"), Status.UNDER_CONSTRUCTION)


def test_a_json_file_of_no_records_is_an_error(site):
    (site / "data").mkdir()
    (site / "data" / "projects.json").write_text('{"name": "not a table"}', encoding="utf-8")
    assert lines(load(site, {}, "en"), "en")[0].startswith("data/projects.json: no project records")


def _validator():
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    folder = resources.files("generator.contract").joinpath("oc4ids")
    package = json.loads(folder.joinpath("project-package-schema.json").read_text("utf-8"))
    project = json.loads(folder.joinpath("project-schema.json").read_text("utf-8"))
    registry = Registry().with_resource(project["id"], Resource(project, DRAFT4))
    return Draft4Validator(package, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("oc4ids")
    site = new_english_site(root / "site", "currency: MWK", "unit: million MWK")
    (site / "data" / "cost-malawi.json").write_text(json.dumps(PACKAGE), encoding="utf-8")
    run("build", "-d", root / "out", cwd=site)
    return root


def test_the_site_writes_its_projects_as_a_package_that_validates(built):
    written = json.loads((built / "out" / "downloads" / "oc4ids.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in _validator().iter_errors(written)]
    assert errors == []
    assert written["version"] == "0.9" and written["publishedDate"] == "2023-03-31T00:00:00Z"
    water = written["projects"][0]
    assert (water["status"], water["budget"], water["locations"][0]["geometry"]["coordinates"]) == (
        "implementation", {"amount": {"amount": 2294281682.5, "currency": "MWK"}}, [33.78, -13.96])
    assert [(p["name"], p["roles"]) for p in water["parties"]] == [  # one party with both its roles, as read
        ("Lilongwe Water Board", ["publicAuthority", "procuringEntity"]), ("African Development Bank", ["funder"]),
        ("Mota-Engil", ["supplier"])]
    assert written["projects"][1]["budget"] == {"amount": {"amount": 1250000, "currency": "USD"}}
    home = page_text(built / "out" / "index.html")
    assert "MWK2,744.28m + €0.8m + US$4.25m" in home


def test_the_written_package_reads_back_as_the_same_projects(built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.copy(built / "out" / "downloads" / "oc4ids.json", tmp_path / "data" / "oc4ids.json")
    again = load(tmp_path, SETTINGS, "en").report
    original = load(built / "site", SETTINGS, "en").report
    def shown(report):
        return [(p.id, p.name, p.status, p.total_investment.value, p.total_investment.currency, p.physical_progress,
                 p.owner, p.location) for p in report.projects.values()]
    assert shown(again)[0] == shown(original)[0] and len(shown(again)) == 5
    assert [row[3:5] for row in shown(again)] == [row[3:5] for row in shown(original)]


def test_records_under_any_name_are_the_projects_when_no_spreadsheet_is_and_a_boundary_is_not(site):
    (site / "data").mkdir()
    (site / "data" / "contracts.json").write_text(json.dumps([
        {"Project id": "C-1", "Project name": "Road", "Total investment": {"amount": 8200000, "currency": "USD"}}]),
        encoding="utf-8")
    (site / "data" / "boundary.json").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Area"}, "geometry": {"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 1]]]}}]}),
        encoding="utf-8")
    loaded = load(site, SETTINGS, "en")
    assert loaded.problems.errors == []
    road = loaded.report.projects["C-1"]
    assert (road.total_investment.value, road.total_investment.currency) == (Decimal(8200000), "USD")
    assert "data/contracts.json: there is no projects.csv; this file is read as the projects table (name it under " \
           "files.projects.path in the configuration)" in lines(loaded, "en")
