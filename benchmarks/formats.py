"""A 5,000-project workbook in each format an office saves (.xlsx, .xls, .xlsb, .ods), read by progress-site's reader
and by the other readers one could use, each in a fresh process: seconds and peak memory.

    .venv/bin/python benchmarks/formats.py             # a minute or two; prints one table

The workbook is the synthetic projects table (``python -m generator.starter.synth``) with a title row, a
percentage and a date column, written with openpyxl and saved again as .xls (xlwt), .xlsb and .ods (odfpy) by
the tests' own writers. Readers: progress-site's (what a sheet shows: merges, hidden rows and columns, number
formats); python-calamine, when installed (values only: no hidden rows or columns, a percentage as a
fraction); openpyxl's read-only mode (.xlsx), xlrd without formats (.xls), pyxlsb (.xlsb)
and pandas over odfpy (.ods), the readers most Python code uses.
"""

from __future__ import annotations

import csv
import datetime as dt
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROJECTS = 5000

#: reader -> (formats it reads, its imports, code that reads ``path`` and leaves the rows read in ``n``), run in a
#: fresh process; the reading is timed, the imports not
READERS = {
    "progress-site": (("xlsx", "xls", "xlsb", "ods"), "from generator.reading.sources import read_sheet",
                      "n = len(read_sheet(path, path.name, 'projects').rows)"),
    "python-calamine": (("xlsx", "xls", "xlsb", "ods"), "import python_calamine",
                        "n = len(python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())"),
    "openpyxl read-only": (("xlsx",), "import openpyxl",
                           "n = sum(1 for _ in openpyxl.load_workbook(path, read_only=True, data_only=True).active.iter_rows(values_only=True))"),
    "xlrd": (("xls",), "import xlrd", "n = xlrd.open_workbook(str(path)).sheet_by_index(0).nrows"),
    "pyxlsb": (("xlsb",), "import pyxlsb",
               "n = sum(1 for _ in pyxlsb.open_workbook(str(path)).get_sheet(1).rows(sparse=True))"),
    "pandas + odfpy": (("ods",), "import pandas, odf", "n = len(pandas.read_excel(path, engine='odf', header=None))"),
}

#: The peak is the process's own high-water mark (VmHWM): ru_maxrss would carry over the parent's, through fork.
_MEASURE = """
import sys, time
from pathlib import Path
path = Path(sys.argv[1])
{imports}
start = time.perf_counter()
{code}
seconds = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(n, seconds, peak // 1024)
"""


def workbooks(folder: Path) -> dict[str, Path]:
    """The projects table as .xlsx, .xls, .xlsb and .ods in ``folder``."""
    import openpyxl

    from tests import books

    subprocess.run([sys.executable, "-m", "generator.starter.synth", "--projects", str(PROJECTS), "--out", str(folder)],
                   check=True, capture_output=True, cwd=ROOT)
    with (folder / "projects.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "续建项目"
    ws.append([f"{PROJECTS:,} 个项目的进度表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]) + 2)
    ws.append([*rows[0], "完成率", "开工时间"])
    for i, row in enumerate(rows[1:]):
        ws.append([*row, (i % 100) / 100, dt.date(2024, 1 + i % 12, 1 + i % 28)])
        ws.cell(ws.max_row, len(row) + 1).number_format = "0.0%"
        ws.cell(ws.max_row, len(row) + 2).number_format = "yyyy-mm-dd"
    paths = {"xlsx": folder / "projects.xlsx"}
    book.save(paths["xlsx"])
    paths["xls"] = books.save_xls(book, folder / "projects.xls")
    paths["xlsb"] = books.save_xlsb(book, folder / "projects.xlsb")
    paths["ods"] = books.save_ods(book, folder / "projects.ods")
    return paths


def measure(imports: str, code: str, path: Path) -> tuple[int, float, int] | None:
    """(rows, seconds, peak MiB) of ``code`` reading ``path`` in a fresh process; None when it cannot run."""
    done = subprocess.run([sys.executable, "-c", _MEASURE.format(imports=imports, code=code), str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        return None
    rows, seconds, mib = done.stdout.split()
    return int(rows), float(seconds), int(mib)


def main() -> None:
    baseline = measure("", "n = 0", Path("."))
    with tempfile.TemporaryDirectory() as tmp:
        paths = workbooks(Path(tmp))
        sizes = {fmt: path.stat().st_size / 1e6 for fmt, path in paths.items()}
        results = []
        for fmt, path in paths.items():
            for reader, (formats, imports, code) in READERS.items():
                if fmt in formats:
                    results.append((fmt, reader, measure(imports, code, path)))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; "
          f"an empty Python process peaks at {baseline[2]} MiB")
    print("| format | file MB | reader | rows | seconds | peak MiB |")
    print("|---|---|---|---|---|---|")
    for fmt, reader, got in results:
        shown = "not installed" if got is None else f"{got[0]:,} | {got[1]:.2f} | {got[2]:,}"
        print(f"| {fmt} | {sizes[fmt]:.1f} | {reader} | {shown} |")


if __name__ == "__main__":
    main()
