"""A build at the default limits: as many projects as a site may hold (``limits.projects``), each with ten
monthly progress rows, which fills the progress table to its row limit (``limits.rows``).

    .venv/bin/python benchmarks/limits.py              # about 6 minutes on 2 cores; prints one table row

Synthetic data (``python -m generator.starter.synth``) in a new site; ``progress-site validate``, then the full
``progress-site build``, each timed with the peak resident memory of all its processes summed
(:func:`run.timed`). The build is the ceiling the defaults are chosen for: it must finish on a 2-core, 24 GB
machine.
"""

from __future__ import annotations

import platform
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import BIN, ENV, timed  # noqa: E402

from generator.contract.limits import Limits  # noqa: E402

PERIODS = 10


def main() -> None:
    limits = Limits()
    projects = min(limits.projects, limits.rows // PERIODS)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([str(BIN / "progress-site"), "new", str(site)], check=True, env=ENV, capture_output=True)
        for old in (site / "data").glob("*.csv"):
            old.unlink()
        subprocess.run([sys.executable, "-m", "generator.starter.synth", "--projects", str(projects), "--clusters", "40",
                        "--periods", str(PERIODS), "--out", str(site / "data")], check=True, env=ENV, capture_output=True)
        rows = sum(1 for _ in (site / "data" / "progress.csv").open(encoding="utf-8")) - 1
        checked = timed([str(BIN / "progress-site"), "validate"], site)
        built = timed([str(BIN / "progress-site"), "build", "-d", str(Path(tmp) / "out")], site)
        size = sum(p.stat().st_size for p in (Path(tmp) / "out").rglob("*") if p.is_file()) / 1e6
    print(f"machine: {platform.machine()}, 2 cores expected, Python {platform.python_version()}")
    print("| projects | progress rows | validate s | validate peak MiB | build s | build peak MiB | build CPU s | site MB |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {projects:,} | {rows:,} | {checked[0]:.1f} | {checked[1]:,} | {built[0]:.0f} | {built[1]:,} | {built[2]:.0f} | {size:.0f} |")


if __name__ == "__main__":
    main()
