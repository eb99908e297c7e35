"""Whatever bytes or CSV arrive, reading ends in a model or in problems, never in an exception."""

import csv
import io
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import SiteConfig, load_report
from generator.contract.schema import TABLES
from generator.settings.config import Site

HEADERS = sorted({a for t in TABLES.values() for f in t.fields for a in (*f.aliases, f.name)}) + ["合计", "", "备注"]
CELLS = st.one_of(
    st.sampled_from(["xx", "1xx%", "约2亿", "6亿元以上", "2022-01-26", "2022年一季度", "2022Q5", "在建", "合计", "小计",
                     "..", "a/b", "待定", "", "１２．５", "3000万", "2021;2022", "=SUM(A1)", "<script>", "\x00"]),
    st.text(alphabet=string.printable + "年月日亿万元（）、；合计xX×*", max_size=12),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
)
TABLE = st.lists(st.lists(st.one_of(st.sampled_from(HEADERS), CELLS), min_size=0, max_size=7), min_size=0, max_size=8)
SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                              HealthCheck.too_slow])


def _load(tmp_path, files: dict[str, bytes]):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    for old in data.iterdir():
        old.unlink()
    for name, content in files.items():
        (data / name).write_bytes(content)
    loaded = load_report(Site(SiteConfig.from_mapping({}), tmp_path, data, "zh"))
    for problem in loaded.problems.problems:  # every problem renders in both languages
        problem.format("zh"), problem.format("en")
    assert loaded.report is not None or loaded.problems.errors
    return loaded


def _csv(rows, delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


@SETTINGS
@given(projects=TABLE, progress=TABLE, indicators=TABLE, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
       delimiter=st.sampled_from([",", "\t"]))
def test_generated_csv_tables(tmp_path, projects, progress, indicators, encoding, delimiter):
    files = {}
    for name, rows in (("projects.csv", projects), ("progress.csv", progress), ("indicators.csv", indicators)):
        files[name] = _csv(rows, delimiter).encode(encoding, errors="replace")
    _load(tmp_path, files)


@SETTINGS
@given(header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6), rows=TABLE)
def test_generated_projects_with_real_headers(tmp_path, header, rows):
    _load(tmp_path, {"projects.csv": _csv([["项目编号", "项目名称", *header], *rows]).encode()})


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2000), name=st.sampled_from(["projects.csv", "projects.xlsx", "clusters.csv"]))
def test_random_bytes(tmp_path, content, name):
    files = {name: content}
    if name == "clusters.csv":
        files["projects.csv"] = "项目编号,项目名称,产业集群\nA,甲,x\n".encode()
    _load(tmp_path, files)
