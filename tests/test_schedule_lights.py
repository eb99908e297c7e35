"""Progress against a project's own schedule: physical progress (形象进度 %, percent complete) lit against the
share of its own time elapsed, from its start to its planned completion, and a project past its planned completion
and not complete is overdue (逾期). The records are in the shape of a public works agency's contract list (contract
id, description, implementing office, contractor, cost in pesos, start and expiry dates, status, physical
accomplishment), made here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.contract.vocab import Status
from generator.figures import metrics
from generator.figures.lights import Light, project_light

from .conftest import lines, load, write_table
from .sites import new_english_site, page_text, run

HEADER = ["Contract ID", "Contract Description", "Implementing Office", "Contractor", "Contract Cost", "Start Date",
          "Expiry Date", "Status", "Physical Accomplishment (%)"]
CONTRACTS = [
    ["23GA0001", "Concreting of farm-to-market road", "Bohol 1st DEO", "ABC Builders", "24,500,000.00", "2023-01-02",
     "2023-12-31", "On-Going", "56.54"],
    ["23GA0002", "Construction of flood control structure", "Bohol 1st DEO", "XYZ Construction", "48,000,000.00",
     "2023-03-01", "2023-08-31", "On-Going", "80"],
    ["22GA0107", "Rehabilitation of school building", "Bohol 2nd DEO", "ABC Builders", "9,800,000.00", "2022-06-01",
     "2023-05-31", "Completed", "100"],
    ["23GA0031", "Construction of multi-purpose building", "Bohol 2nd DEO", "LMN Corp.", "12,000,000.00",
     "2023-07-01", "2024-06-30", "On-Going", "30%"],
    ["23GA0044", "Widening of national road", "Bohol 1st DEO", "XYZ Construction", "96,100,000.00", "2023-02-01",
     "2023-10-31", "On-Going", "20.00"],
    ["23GA0050", "Construction of drainage", "Bohol 2nd DEO", "OPQ Builders", "7,400,000.00", "2023-02-01",
     "2023-06-30", "Terminated", "12"],
]
SETTINGS = {"currency": "PHP", "unit": "million PHP", "input_unit": "PHP", "as_of": dt.date(2023, 9, 30),
            "lights": {"by": "schedule"}, "files": {"projects": {"columns": {"id": "Contract ID",
                                                                              "name": "Contract Description",
                                                                              "department": "Implementing Office",
                                                                              "owner": "Contractor",
                                                                              "total_investment": "Contract Cost"}}}}


def test_a_contract_is_lit_by_its_progress_against_its_own_time(site):
    write_table(site / "data", "projects", [HEADER, *CONTRACTS])
    loaded = load(site, SETTINGS, "en")
    assert lines(loaded, "en") == []
    report = loaded.report
    checks = {pid: project_light(p, report) for pid, p in report.projects.items()}
    assert {pid: (c.light, c.rate, round(c.share, 3) if c.share is not None else None)
            for pid, c in checks.items()} == {
        "23GA0001": (Light.YELLOW, Decimal("0.5654"), Decimal("0.747")),  # 272 of 364 days: 18.1 points behind
        "23GA0002": (Light.YELLOW, Decimal("0.8"), Decimal("1.000")),  # its time is up: 20 points behind
        "22GA0107": (Light.GREEN, Decimal("1"), Decimal("1.000")),
        "23GA0031": (Light.GREEN, Decimal("0.30"), Decimal("0.251")),
        "23GA0044": (Light.RED, Decimal("0.2"), Decimal("0.886")),
        "23GA0050": (None, None, None)}  # terminated: nothing left to judge
    assert report.projects["23GA0050"].status is Status.TERMINATED
    overdue = [pid for pid, p in report.projects.items() if metrics.is_overdue(p, report.as_of)]
    assert overdue == ["23GA0002"]  # past its expiry at 80%; the terminated and the completed are not


def test_a_chinese_progress_column_of_percentages_is_physical_progress(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "开工时间", "计划竣工时间", "形象进度", "建设状态"],
        ["A", "甲项目", "2024-01-01", "2024-12-31", "45%", "在建"],
        ["B", "乙项目", "2024-01-01", "2024-12-31", "主体结构封顶", "在建"]])
    report = load(site, {"as_of": dt.date(2024, 6, 30), "lights": {"by": "schedule"}}).report
    first, second = report.projects.values()
    assert (first.physical_progress, first.progress_note) == (Decimal("0.45"), "45%")
    assert (second.physical_progress, second.progress_note) == (None, "主体结构封顶")
    assert project_light(first, report).light is Light.YELLOW  # 45% done at half its time (182 of 366 days)
    assert project_light(second, report).light is None  # words say no figure: no light


@pytest.mark.parametrize("written,share", [("56.54%", "0.5654"), ("56.54", "0.5654"), ("0.5654", "0.5654"),
                                           ("100", "1"), ("0", "0")])
def test_physical_progress_is_read_as_written(site, written, share):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "physical progress"], ["A", "甲", written]])
    assert load(site).report.projects["A"].physical_progress == Decimal(share)


def test_a_header_in_percent_reads_small_numbers_as_points(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "形象进度（%）"], ["A", "甲", "0.5"]])
    assert load(site).report.projects["A"].physical_progress == Decimal("0.005")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("schedule")
    site = new_english_site(root / "site", "lights: {by: schedule}", "as_of: 2023-09-30", "input_unit: PHP",
                            "unit: million PHP", "currency: PHP",
                            "files: {projects: {columns: {id: Contract ID, name: Contract Description, "
                            "department: Implementing Office, owner: Contractor, total_investment: Contract Cost}}}")
    write_table(site / "data", "projects", [HEADER, *CONTRACTS])
    run("build", "-d", root / "out", cwd=site)
    return root / "out"


def test_the_pages_say_progress_against_the_schedule_and_flag_the_overdue(built):
    late = page_text(built / "projects" / "23GA0002" / "index.html")
    assert "▲ yellow (physical progress 80.0%, 20 points behind the share of its schedule elapsed) · Overdue" in late
    assert "Physical progress (%) 80.0%" in late and "Share of its schedule elapsed 100.0%" in late
    done = page_text(built / "projects" / "22GA0107" / "index.html")  # completed by its status: the date is the plan
    assert "Completed 2023-05-31 — reached" in done
    home = page_text(built / "index.html")
    assert "Overdue projects 1" in home
    assert "▲ yellow overdue (due 2023-08-31) Construction of flood control structure 80.0% −20.0" in home
    assert "Share of the year elapsed" not in home  # the year is not what these contracts are judged by


def test_a_suspended_contract_with_works_done_has_started_and_a_completed_one_is_done(site):
    write_table(site / "data", "projects", [HEADER, *CONTRACTS[:3],
                                            ["23GA0060", "Seawall", "Bohol 1st DEO", "ABC Builders", "5,000,000.00",
                                             "", "2024-06-30", "Suspended", "70"]])
    rows = (site / "data" / "projects.csv").read_text(encoding="utf-8").replace(
        "2022-06-01,2023-05-31,Completed,100", "2022-06-01,2023-05-31,Completed,95")
    (site / "data" / "projects.csv").write_text(rows, encoding="utf-8")
    settings = {**SETTINGS, "files": {"projects": {"columns": {**SETTINGS["files"]["projects"]["columns"],
                                                               "planned_start_date": "Start Date"}}}}
    report = load(site, settings, "en").report
    seawall, school = report.projects["23GA0060"], report.projects["22GA0107"]
    assert metrics.has_started(seawall, report.as_of)  # 70% done: started, whatever its status
    assert project_light(seawall, report).late_start is False
    assert (project_light(school, report).light, project_light(school, report).rate) == (Light.GREEN, 1)


def test_an_overdue_project_without_a_light_is_among_those_to_watch(site):
    from generator.rendering.formatting import Formatter
    from generator.rendering.judging import Judge

    write_table(site / "data", "projects", [HEADER, *CONTRACTS])
    report = load(site, {**SETTINGS, "lights": {"by": "annual_plan"}}, "en").report
    projects = list(report.projects.values())
    judged = Judge(report, Formatter.of(report)).judged(projects, metrics.summarize(projects, report.current_year))
    assert [(w.project.id, w.check.light, w.overdue) for w in judged["watch"]] == [("23GA0002", None, "overdue (due 2023-08-31)")]
    assert [c.label for c in judged["figure_cards"] if c.key == "overdue"] == ["Overdue projects"]


def test_the_bulletin_says_the_lights_go_by_each_projects_schedule(built):
    import docx

    [made] = list((built / "downloads").glob("bulletin*.docx"))
    document = docx.Document(made)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Each project is lit by its physical progress against the share of its own schedule elapsed" in text
    assert "yellow up to 30 points below, red further below." in text
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["No.", "Name", "Lights", "Physical progress (%)", "Issues to resolve", "Responsible office",
            "Leader in charge"] in headers
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert any(row[1] == "Construction of flood control structure" and row[2].endswith("(overdue)") for row in rows)


def test_overdue_has_one_definition_for_the_flag_the_milestone_and_the_light(site):
    write_table(site / "data", "projects", [HEADER, *CONTRACTS[:2],
                                            ["23GA0070", "Port terminal", "Bohol 1st DEO", "ABC Builders", "5,000,000.00",
                                             "2023-01-01", "2023-06-30", "Operating", "90"],
                                            ["23GA0071", "Water tank", "Bohol 1st DEO", "ABC Builders", "1,000,000.00",
                                             "2023-01-01", "2023-06-30", "On-Going", "100"]])
    report = load(site, SETTINGS, "en").report
    for pid in ("23GA0070", "23GA0071", "23GA0002"):  # in use, works done, and 80% past its expiry
        p = report.projects[pid]
        completed = next(m for m in metrics.milestones(p, report.as_of) if m.kind == "completed")
        assert metrics.is_overdue(p, report.as_of) is completed.overdue is (pid == "23GA0002"), pid
        assert (project_light(p, report).rate == 1) is metrics.is_finished(p, report.as_of), pid


def test_the_changes_page_of_a_schedule_lit_series_without_dates_names_no_move_it_cannot_work_out(site):
    """Two monthly tables lit by their own rating, with progress but no dates: no 工期进度 to move against."""
    from generator.figures.changes import period_changes
    from generator.rendering.pages import PageMaker

    for months, progress, light in (("1-8", "40", "黄灯"), ("1-9", "50", "黄灯")):
        write_table(site / "data", f"2024年{months}月项目", [["项目编号", "项目名称", "形象进度（%）", "亮灯情况"],
                                                          ["A", "甲", progress, light]])
    report = load(site, {"lights": {"by": "schedule"}}).report
    changes = period_changes(report)
    assert changes.moved == [] and [(p.id, light.value) for p, light, _ in changes.stayed] == [("A", "yellow")]
    maker = PageMaker(report)
    assert "仍为红灯、黄灯的项目" in maker.render(maker.changes()).markdown  # and no crash over a missing share
