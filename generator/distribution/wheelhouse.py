"""A folder of every wheel progress-site needs on a machine without internet (a 政务内网 desktop or server).

Made on a machine that reaches a package index, for a given Python version and platform (this machine's by
default); the other machine then installs with ``pip install --no-index --find-links FOLDER progress-site``.
pip fetches what the index has as wheels for that platform; a dependency published only as source (jieba)
is built into a wheel here, which works on any platform when it is pure Python. pip judges environment
markers by the machine it runs on, not the target (``colorama; platform_system == "Windows"``), so the
folder is then checked against the target's markers and completed until every requirement has its wheel.
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from .. import __version__
from .ownwheel import DISTRIBUTION, write_own_wheel

def _manylinux(arch: str, glibc_minor: int = 28) -> tuple[str, ...]:
    """The tags of wheels that run on a Linux with glibc 2.``glibc_minor`` (pip, told a platform, takes it
    literally: the older glibc tags a Linux also runs are listed here)."""
    return (*(f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 4, -1)),
            f"manylinux2014_{arch}", f"manylinux2010_{arch}", f"manylinux1_{arch}")


#: Names for the platforms offices use, and the pip platform tags they stand for.
PLATFORMS = {
    "windows": ("win_amd64",),
    "linux": _manylinux("x86_64"),  # glibc 2.28: Debian 10, 统信 UOS 20, 麒麟 V10 and later
    "linux-arm64": _manylinux("aarch64"),  # 鲲鹏、飞腾 machines
    "macos": ("macosx_14_0_arm64",),  # Apple silicon, macOS 14 and later (pip adds the older versions' tags)
}
_SYSTEMS = {"win": ("nt", "win32", "Windows"), "macosx": ("posix", "darwin", "Darwin"), "linux": ("posix", "linux", "Linux")}
_WINDOWS_MACHINES = {"win_amd64": "AMD64", "win32": "x86", "win_arm64": "ARM64"}
_ARCH = re.compile(r"(x86_64|aarch64|arm64|universal2|i686|armv7l|ppc64le|s390x|loongarch64|riscv64)$")
_MISSING = re.compile(r"No matching distribution found for ([A-Za-z0-9][A-Za-z0-9._-]*)")
_ATTEMPTS = 20


class WheelhouseError(Exception):
    """The folder could not be completed; ``code`` names the message, ``params`` fill it."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Target:
    """The machine the wheels are for: a Python version (``3.11``) and pip platform tags (none: this machine)."""

    python: str = field(default_factory=lambda: f"{sys.version_info.major}.{sys.version_info.minor}")
    platforms: tuple[str, ...] = ()
    name: str = ""  # as the platform was asked for (windows, linux …)

    @classmethod
    def of(cls, python: str | None, platform: str | None) -> "Target":
        tags = PLATFORMS.get(platform, (platform,)) if platform else ()
        return cls(python or cls().python, tuple(tags), platform or "")

    @property
    def here(self) -> bool:
        return not self.platforms and self.python == Target().python

    @property
    def label(self) -> str:
        return f"Python {self.python} · {self.name or sysconfig.get_platform()}"

    def pip_options(self) -> list[str]:
        """What tells pip download which wheels fit."""
        if self.here:
            return []
        nodot = self.python.replace(".", "")
        options = ["--python-version", self.python, "--implementation", "cp",
                   "--abi", f"cp{nodot}", "--abi", "abi3", "--abi", "none"]
        for tag in self.platforms:
            options += ["--platform", tag]
        return options

    def environment(self) -> dict[str, str]:
        """The environment markers of the target (PEP 508), for judging its requirements."""
        from packaging.markers import default_environment

        env = dict(default_environment())
        if self.platforms:
            tag = self.platforms[0]
            kind = "win" if tag.startswith("win") else "macosx" if tag.startswith("macosx") else "linux"
            os_name, sys_platform, system = _SYSTEMS[kind]
            machine = _WINDOWS_MACHINES.get(tag) if kind == "win" else (_ARCH.search(tag) or [""])[0]
            env.update(os_name=os_name, sys_platform=sys_platform, platform_system=system, platform_machine=machine,
                       platform_release="", platform_version="", implementation_name="cpython",
                       platform_python_implementation="CPython", implementation_version=f"{self.python}.0")
        env.update(python_version=self.python, python_full_version=f"{self.python}.0")
        return env


def _pip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                          capture_output=True, text=True, encoding="utf-8", errors="replace")


def _wheels(folder: Path) -> dict[str, list[tuple[object, Path]]]:
    """Canonical name -> [(version, wheel)] of the wheels in ``folder``."""
    found: dict[str, list[tuple[object, Path]]] = {}
    for path in folder.glob("*.whl"):
        try:
            name, ver, _build, _tags = parse_wheel_filename(path.name)
        except ValueError:
            continue
        found.setdefault(canonicalize_name(name), []).append((ver, path))
    return found


def _requires(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        headers = HeaderParser().parsestr(archive.read(meta).decode("utf-8", "replace"))
    return [Requirement(r) for r in headers.get_all("Requires-Dist") or []]


def unmet(folder: Path, root: Requirement, environment: dict[str, str]) -> list[Requirement]:
    """The requirements, from ``root`` down, that apply on the target and that no wheel in ``folder`` meets."""
    wheels = _wheels(folder)
    missing: dict[str, Requirement] = {}
    queue: list[tuple[Requirement, frozenset[str]]] = [(root, frozenset(root.extras))]
    done: set[tuple[str, frozenset[str]]] = set()
    while queue:
        requirement, extras = queue.pop()
        name = canonicalize_name(requirement.name)
        if (name, extras) in done:
            continue
        done.add((name, extras))
        fitting = sorted((v, p) for v, p in wheels.get(name, []) if requirement.specifier.contains(v, prereleases=True))
        if not fitting:
            missing.setdefault(name, requirement)
            continue
        for needed in _requires(fitting[-1][1]):
            applies = needed.marker is None or any(needed.marker.evaluate({**environment, "extra": extra})
                                                   for extra in (extras or {""}))
            if applies:
                queue.append((needed, frozenset(needed.extras)))
    return sorted(missing.values(), key=lambda r: canonicalize_name(r.name))


def _download(folder: Path, requirements: Iterable[str], target: Target) -> None:
    """pip download ``requirements`` as wheels for ``target``; a dependency with no wheel on the index is
    built here, when it is pure Python."""
    for _ in range(_ATTEMPTS):
        done = _pip("download", "--dest", str(folder), "--find-links", str(folder), "--only-binary=:all:",
                    *target.pip_options(), *requirements)
        if done.returncode == 0:
            return
        source_only = _MISSING.search(done.stderr)
        if not source_only:
            raise WheelhouseError("wheelhouse-pip-failed", reason=_last_lines(done.stderr))
        _build_pure(folder, source_only[1], target)
    raise WheelhouseError("wheelhouse-pip-failed", reason=_last_lines(done.stderr))


def _build_pure(folder: Path, requirement: str, target: Target) -> None:
    before = set(folder.glob("*.whl"))
    built = _pip("wheel", "--no-deps", "--prefer-binary", "--wheel-dir", str(folder), requirement)  # a binary one: no compiling
    made = set(folder.glob("*.whl")) - before
    if built.returncode != 0 or not made:
        raise WheelhouseError("wheelhouse-no-wheel", requirement=requirement, target=target.label,
                              reason=_last_lines(built.stderr))
    for wheel in made:
        if not wheel.name.endswith("-none-any.whl"):
            wheel.unlink()
            raise WheelhouseError("wheelhouse-not-pure", requirement=requirement, target=target.label)


def _last_lines(text: str, count: int = 4) -> str:
    """What pip said went wrong: its error lines (else its last lines), without its warnings."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip() and not line.startswith("WARNING")]
    errors = [line for line in lines if line.startswith("ERROR")]
    return " / ".join((errors or lines)[-count:]) or "?"


@dataclass(frozen=True)
class Wheelhouse:
    folder: Path
    target: Target
    wheels: tuple[Path, ...]

    @property
    def megabytes(self) -> float:
        return sum(p.stat().st_size for p in self.wheels) / 1e6

    @property
    def install(self) -> str:
        """The command that installs from the folder on the target machine."""
        return f"pip install --no-index --find-links {self.folder.name} {DISTRIBUTION}=={__version__}"


def make_wheelhouse(folder: Path, target: Target) -> Wheelhouse:
    """Fill ``folder`` with progress-site's own wheel and every wheel it needs on ``target``."""
    folder.mkdir(parents=True, exist_ok=True)
    own = write_own_wheel(folder)
    root = Requirement(f"{DISTRIBUTION}=={__version__}")
    _download(folder, [str(own)], target)
    for _ in range(_ATTEMPTS):
        missing = unmet(folder, root, target.environment())
        if not missing:
            break
        _download(folder, [str(r.name) + str(r.specifier) for r in missing], target)
    else:
        raise WheelhouseError("wheelhouse-incomplete", requirements=", ".join(map(str, missing)))
    return Wheelhouse(folder, target, tuple(sorted(folder.glob("*.whl"))))
