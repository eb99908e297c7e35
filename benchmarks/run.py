"""Build-time, size and memory benchmarks at several scales, printed as one table.

    .venv/bin/python benchmarks/run.py                 # 200, 1,000 and 5,000 projects, 12 months each
    .venv/bin/python benchmarks/run.py --sizes 200 1000

For each size: validate + generate (the library alone), the full `progress-site build`, a plain
`mkdocs build` of the `generate --out` export of the same site (MkDocs' own floor), their ratio, peak
memory of the full build (all its processes together), site size, median and largest project page, the
search the default settings chose and the seconds from typing a project's id in Chromium to its result, what
that search downloaded, and the bytes a first visit to a project page and a second project page transfer
(compressed, `weight.py`); the same site with the theme's search (`search: material`) for comparison;
the time from editing one project's row to its rebuilt page during `serve`; and `progress-site bulletin` (PDF
and Word copy of the latest period) with the PDF's pages. Ratios are measured in
one run on one machine; absolute times depend on it.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from pypdf import PdfReader
from search import first_result
from weight import transferred

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MKDOCS_YML = """site_name: 规模测试
theme:
  name: material
  language: zh
  font: false
markdown_extensions:
  - tables
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds: {case: lower}
plugins:
  - search
  - progress:
      ignore: [withheld-value]
"""


def _tree_rss(pid: int) -> int:
    """Resident memory (KiB) of a process and all its descendants, summed (shared pages counted in each)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def timed(args: list[str], cwd: Path) -> tuple[float, int, float]:
    """Seconds, peak resident memory (MiB, all processes of the command) and CPU seconds (user + system, the
    command and every process it waited for) of one command; stops the run if the command fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.05)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}")
    return elapsed, peak[0] // 1024, usage.ru_utime + usage.ru_stime


def make_site(folder: Path, projects: int) -> Path:
    site = folder / "site-src"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# 规模测试\n\n[[ generated ]]\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (site / "mkdocs-material.yml").write_text(MKDOCS_YML.replace("  - progress:\n", "  - progress:\n      search: material\n"),
                                              encoding="utf-8")
    subprocess.run([sys.executable, "-m", "generator.starter.synth", "--projects", str(projects), "--clusters",
                    str(max(8, projects // 125)), "--periods", "12", "--out", str(site / "data")], check=True, env=ENV)
    return site


def serve_edit_seconds(site: Path, timeout: float = 120) -> float | None:
    """Seconds from saving an edited projects.csv to the changed page being served."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(BIN / "progress-site"), "serve", "-a", f"127.0.0.1:{port}"], cwd=site, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/projects/P00001/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and "P00001" not in page():
            time.sleep(0.5)
        csv_path = site / "data" / "projects.csv"
        text = csv_path.read_text(encoding="utf-8")
        first = text.splitlines()[1].split(",")[1]
        start = time.perf_counter()
        csv_path.write_text(text.replace(first, "改名测试" + first, 1), encoding="utf-8")
        while time.perf_counter() - start < timeout:
            if "改名测试" in page():
                return time.perf_counter() - start
            time.sleep(0.1)
        return None
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def measure(projects: int, with_serve: bool, rounds: int = 2) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{projects}-"))
    try:
        site = make_site(work, projects)
        generate_s, *_ = timed([str(BIN / "progress-site"), "generate", "--out", str(work / "export")], site)
        # build and floor alternate, `rounds` times each: the ratio is the median of each build against the
        # floor run right after it (the machine's speed drifts; a pair shares it), in wall-clock and in CPU
        # seconds, and the fastest of each is shown beside it
        builds, floors = [], []
        for round_ in range(rounds):
            builds.append(timed([str(BIN / "progress-site"), "build", "-d", str(work / "out")], site))
            floors.append(timed([str(BIN / "mkdocs"), "build", "-d", str(work / "plain")], work / "export"))
            print(f"{projects} projects, round {round_ + 1}: build {builds[-1][0]:.1f} s ({builds[-1][2]:.1f} s CPU), "
                  f"floor {floors[-1][0]:.1f} s ({floors[-1][2]:.1f} s CPU)", file=sys.stderr, flush=True)
        build_s, build_mib = min(b[0] for b in builds), max(b[1] for b in builds)
        floor_s = min(f[0] for f in floors)
        paired = statistics.median(b[0] / f[0] for b, f in zip(builds, floors))
        paired_cpu = statistics.median(b[2] / f[2] for b, f in zip(builds, floors))
        material_s, *_ = timed([str(BIN / "progress-site"), "build", "-f", "mkdocs-material.yml", "-d", str(work / "theme")], site)
        bulletin_s, bulletin_mib, _ = timed([str(BIN / "progress-site"), "bulletin", "-o", str(work / "bulletin")], site)
        bulletin_pages = sum(len(PdfReader(pdf).pages) for pdf in (work / "bulletin").glob("*.pdf"))
        out = work / "out"
        pages = [p.stat().st_size for p in (out / "projects").glob("P*/index.html")]
        engine = "pagefind" if (out / "pagefind").is_dir() else "material"
        middle = f"P{projects // 2:05d}"
        query = middle  # synthetic names repeat (place + industry + kind); the id each page carries does not
        first, fetched = first_result(out, query, f"/projects/{middle}/")
        download = sum(len(gzip.compress((out / f.lstrip("/")).read_bytes())) for f in set(fetched)
                       if f.startswith(("/pagefind/", "/search/")) and (out / f.lstrip("/")).is_file())
        theme_first, _ = first_result(work / "theme", query, f"/projects/{middle}/")
        weight = transferred(out, f"/projects/{middle}/", f"/projects/P{projects // 2 + 1:05d}/")
        return {
            "projects": projects,
            "validate+generate s": round(generate_s, 1),
            "build s": round(build_s, 1),
            "mkdocs floor s": round(floor_s, 1),
            "build / floor": round(paired, 2),
            "fastest / fastest": round(build_s / floor_s, 2),
            "build / floor CPU": round(paired_cpu, 2),
            "peak MiB": build_mib,
            "site MB": round(sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6, 1),
            "median page KB": round(statistics.median(pages) / 1e3, 1),
            "largest page KB": round(max(pages) / 1e3, 1),
            "search": engine,
            "first result s": None if first is None else round(first, 2),
            # the theme's search fetches its whole index with the page (in the first visit), not for the query
            "search download KB": round(download / 1e3, 1) if engine == "pagefind" else None,
            "first visit KB": weight["first KB"],
            "second page KB": weight["second KB"],
            "theme search build / floor": round(material_s / floor_s, 2),
            "theme search first result s": None if theme_first is None else round(theme_first, 2),
            "serve edit s": (round(serve_edit_seconds(site), 1) if with_serve else None),
            "bulletin s": round(bulletin_s, 1),
            "bulletin pages": bulletin_pages,
            "bulletin MiB": bulletin_mib,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--rounds", type=int, default=3, help="build and floor alternate this many times each")
    parser.add_argument("--serve-up-to", type=int, default=1000, help="measure serve only up to this size")
    args = parser.parse_args()
    rows = [measure(n, n <= args.serve_up_to, args.rounds) for n in args.sizes]
    keys = list(rows[0])
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join("—" if row[k] is None else str(row[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
