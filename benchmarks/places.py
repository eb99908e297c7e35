"""A province's roll-up: a folder per city (10) holding a folder per county (10 each), 50 projects a county, every
county a monthly series of three workbooks or CSV files (1-8月, 1-9月, 1-10月): 5,000 projects in 110 areas.

    .venv/bin/python benchmarks/places.py              # a few minutes; prints one table

Measured, one run: `progress-site validate`, the full `progress-site build` against a plain `mkdocs build` of the
`generate --out` export of the same site (MkDocs' own floor) and their ratio, the build's peak memory (all its
processes), the largest area page and the home page (whose comparison of the areas grows with them).
"""

from __future__ import annotations

import csv
import gzip
import io
import shutil
import tempfile
from pathlib import Path

from run import BIN, MKDOCS_YML, timed

CITIES = ["云州市", "青川市", "南岭市", "东湖市", "西山市", "北原市", "临江市", "安平市", "长乐市", "永宁市"]
COUNTIES = ["东城区", "西城区", "南山县", "北山县", "河口县", "湖滨区", "新华县", "平安县", "太和县", "兴隆县"]
STAGES = ["续建", "新开工", "预备"]


def make_site(folder: Path, per_county: int = 50, cities: int = len(CITIES), counties: int = len(COUNTIES)) -> Path:
    """The province's site: a data folder of a folder per city, each of a folder per county, each county a monthly
    series, half as .xlsx."""
    import openpyxl

    site = folder / "site-src"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# 规模测试\n\n[[ generated ]]\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    n = 0
    for c, city in enumerate(CITIES[:cities]):
        for k, county in enumerate(COUNTIES[:counties]):
            place = f"{city}{county}"
            folder = site / "data" / city / county
            folder.mkdir(parents=True)
            for month in (8, 9, 10):
                rows = [["项目代码", "项目名称", "建设性质", "2025年计划投资（万元）", f"1-{month}月完成投资（万元）", "责任单位",
                         "存在问题"]]
                for i in range(per_county):
                    plan = 1000 + 37 * ((n + i) % 50)
                    rows.append([f"{c:02d}{k:02d}-{i:03d}", f"{place}项目{i + 1}", STAGES[i % 3], plan,
                                 plan * (month - 2 - (i % 5)) // 12, f"{place}发改局", "征地进度偏慢" if i % 7 == 0 else ""])
                name = f"{place}2025年1-{month}月重点项目"
                if (c + k) % 2:
                    book = openpyxl.Workbook(write_only=True)
                    sheet = book.create_sheet("重点项目")
                    for row in rows:
                        sheet.append(row)
                    book.save(folder / f"{name}.xlsx")
                else:
                    buffer = io.StringIO()
                    csv.writer(buffer).writerows(rows)
                    (folder / f"{name}.csv").write_text(buffer.getvalue(), encoding="utf-8")
            n += per_county
    return site


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-places-"))
    try:
        site = make_site(work)
        validate_s, validate_mib, _ = timed([str(BIN / "progress-site"), "validate"], site)
        timed([str(BIN / "progress-site"), "generate", "--out", str(work / "export")], site)
        build_s, build_mib, build_cpu = timed([str(BIN / "progress-site"), "build", "-d", str(work / "out")], site)
        floor_s, _, floor_cpu = timed([str(BIN / "mkdocs"), "build", "-d", str(work / "plain")], work / "export")
        out = work / "out"
        pages = [p for p in (out / "places").glob("**/index.html") if p.parent != out / "places"]
        largest = max(pages, key=lambda p: p.stat().st_size)
        sent = len(gzip.compress(largest.read_bytes()))  # what a browser downloads from a server that compresses
        print("| projects | areas | validate s | validate MiB | build s | mkdocs floor s | build / floor | build / floor CPU "
              "| peak MiB | largest area page KB (compressed) | home page KB |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        print(f"| {len(CITIES) * len(COUNTIES) * 50:,} | {len(pages)} | {validate_s:.1f} | {validate_mib:,} | {build_s:.1f} "
              f"| {floor_s:.1f} | {build_s / floor_s:.2f} | {build_cpu / floor_cpu:.2f} | {build_mib:,} "
              f"| {largest.stat().st_size / 1e3:.1f} ({sent / 1e3:.1f}) | {(out / 'index.html').stat().st_size / 1e3:.1f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
