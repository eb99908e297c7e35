"""Installing progress-site elsewhere: the package, a new site's first CI run, a machine without internet.

The sdist and the wheel are built as ``python -m build`` builds them; a folder of every wheel is made by
``progress-site wheelhouse`` (which reaches the package index); then clean virtual environments outside the
checkout install from that folder with the network refused, as on a 政务内网 machine, and build a site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest
import yaml

import generator
from generator.distribution.ownwheel import wheel_name

from .conftest import ROOT

VERSION = generator.__version__
#: What the sdist carries beside the package.
PROJECT_FILES = ["pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "MANIFEST.in"]


def _package_files() -> set[str]:
    """Every file of the package in the checkout (code, templates, assets), as a wheel names them."""
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def _offline(command: list[str]) -> list[str]:
    """``command`` with the network refused: in a network namespace of its own (nothing but a loopback
    that is down), or, where namespaces cannot be made, through a proxy that nothing listens on."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-rn", *command]
    return command


#: Where nothing answers: the proxy of last resort for :func:`_offline`.
NO_NETWORK = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
              "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "no_proxy": ""}


def _clean_env(**extra) -> dict[str, str]:
    """The environment of a new shell: no virtual environment, no PYTHONPATH, no pip settings of the checkout.
    pip leaves the installed modules uncompiled (Python compiles each when first imported): half the time of an
    installation, and nothing that what is installed depends on."""
    keep = {k: v for k, v in os.environ.items() if k in ("HOME", "LANG", "LC_ALL", "TMPDIR", "USER", "TERM")}
    return {**keep, "PATH": "/usr/local/bin:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
            "PIP_NO_COMPILE": "0",  # as pip documents it: its no-options are turned on by a false value
            **NO_NETWORK, **extra}


def _venv(folder: Path) -> Path:
    """A new virtual environment made by the Python that runs the tests (its base interpreter); returns bin/."""
    base = Path(getattr(sys, "_base_executable", sys.executable))
    subprocess.run([str(base), "-m", "venv", str(folder)], check=True, env=_clean_env())
    return folder / "bin"


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    """``python -m build`` of a copy of the sources: the sdist, then the wheel made from the sdist."""
    source = tmp_path_factory.mktemp("source")
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                   check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory) -> Path:
    """``progress-site wheelhouse`` for this machine (it reaches the package index)."""
    folder = tmp_path_factory.mktemp("offline") / "wheelhouse"
    made = subprocess.run([str(Path(sys.executable).parent / "progress-site"), "wheelhouse", str(folder)],
                          capture_output=True, text=True, encoding="utf-8")
    assert made.returncode == 0, made.stderr
    assert f"pip install --no-index --find-links wheelhouse progress-site=={VERSION}" in made.stdout
    return folder


def test_the_sdist_and_the_wheel_hold_every_file_of_the_package(dist):
    wheel = dist / wheel_name()
    sdist = dist / f"progress_site-{VERSION}.tar.gz"
    assert wheel.is_file() and sdist.is_file()
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"progress_site-{VERSION}.dist-info"
        meta = HeaderParser().parsestr(archive.read(f"{info}/METADATA").decode("utf-8"))
        entry_points = archive.read(f"{info}/entry_points.txt").decode("utf-8")
    assert {n for n in names if not n.startswith(info)} == _package_files()
    assert {f"{info}/licenses/LICENSE", f"{info}/entry_points.txt"} <= names
    assert "progress-site = generator.cli:main" in entry_points and "progress = generator.engines.mkdocs.plugin:ProgressPlugin" in entry_points
    assert meta["Version"] == VERSION and meta["License-Expression"] == "MIT"
    requires = {re.split(r"[<>=\[;! ]", r)[0].lower() for r in meta.get_all("Requires-Dist") if "extra ==" not in r}
    assert {"mkdocs", "mkdocs-material", "pandas", "typst", "python-docx", "pagefind", "packaging"} <= requires
    with tarfile.open(sdist) as archive:
        held = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert set(PROJECT_FILES) <= held and _package_files() <= held


def test_one_version_named_everywhere():
    from click.testing import CliRunner

    from generator.cli import main

    assert CliRunner().invoke(main, ["--version"]).output == f"progress-site, version {VERSION}\n"
    assert 'dynamic = ["version"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(VERSION)} ", changelog, re.M), "the CHANGELOG has no entry for this version"
    assert re.findall(r"^## (\S+)", changelog, re.M)[0] == VERSION  # the newest first


def test_the_wheel_a_new_site_keeps_is_the_built_wheel(dist, tmp_path):
    from .sites import run

    run("new", tmp_path / "site")
    kept = tmp_path / "site" / "wheels" / wheel_name()
    assert (tmp_path / "site" / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"./wheels/{wheel_name()}"
    with zipfile.ZipFile(kept) as mine, zipfile.ZipFile(dist / wheel_name()) as built:
        ours, theirs = ({n: _comparable(n, w.read(n)) for n in w.namelist() if not n.endswith(("/RECORD", "/WHEEL"))}
                        for w in (mine, built))
    assert ours == theirs


def _comparable(name: str, data: bytes):
    """A wheel entry as compared: the metadata's fields without its long description (the README as it was
    when the checkout was installed, which a later edit of the README leaves behind)."""
    if name.endswith("/METADATA"):
        return sorted(HeaderParser().parsestr(data.decode("utf-8")).items())
    return data


def test_a_machine_without_internet_installs_from_the_folder_and_builds_a_new_site(wheelhouse, tmp_path):
    bin_ = _venv(tmp_path / "venv")
    install = subprocess.run(_offline([str(bin_ / "pip"), "install", "--no-index", "--find-links", str(wheelhouse),
                                       f"progress-site=={VERSION}"]),
                             cwd=wheelhouse.parent, env=_clean_env(), capture_output=True, text=True)
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    where = subprocess.run([str(bin_ / "python"), "-c", "import generator; print(generator.__file__)"],
                           cwd=tmp_path, env=_clean_env(), capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(tmp_path / "venv")), where  # the installed copy, not the checkout

    def tool(*args, cwd):
        done = subprocess.run(_offline([str(bin_ / "progress-site"), *map(str, args)]), cwd=cwd, env=_clean_env(),
                              capture_output=True, text=True, encoding="utf-8")
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
        return done

    assert tool("--version", cwd=tmp_path).stdout == f"progress-site, version {VERSION}\n"
    tool("new", tmp_path / "site", cwd=tmp_path)
    site = tmp_path / "site"
    assert (site / "wheels" / wheel_name()).is_file()  # packed from the installed copy
    built = tool("build", "--strict", cwd=site)
    assert "已生成网站" in built.stdout
    assert (site / "site" / "index.html").is_file()
    assert sorted(p.suffix for p in (site / "site" / "downloads").glob("bulletin-*")) == [".docx", ".pdf"]


def test_the_gitlab_job_of_a_new_site_runs_line_by_line_in_a_fresh_environment(wheelhouse, tmp_path):
    """The job's own lines, in order, in a new virtual environment (as the job's image has no progress-site):
    it installs the wheel the site keeps, with the other wheels from the offline folder instead of the index."""
    from .sites import run

    run("new", tmp_path / "site")
    site = tmp_path / "site"
    job = yaml.safe_load((site / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    lines = [*job["default"]["before_script"], *job["pages"]["script"]]
    assert any("fonts-noto-cjk" in line for line in lines) and "pip install -r requirements.txt" in lines
    bin_ = _venv(tmp_path / "venv")
    env = _clean_env(PATH=f"{bin_}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", VIRTUAL_ENV=str(bin_.parent),
                     PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse), PIP_DISABLE_PIP_VERSION_CHECK="1")
    for line in lines:
        # the system's font package comes from the system's own mirror (the line does nothing where it is installed);
        # everything else runs with the network refused
        system = "apt-get" in line
        done = subprocess.run(["bash", "-ec", line] if system else _offline(["bash", "-ec", line]), cwd=site,
                              env={**os.environ, "PATH": env["PATH"]} if system else env, capture_output=True, text=True)
        assert done.returncode == 0, f"{line}\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
    public = site / "public"
    assert job["pages"]["artifacts"]["paths"] == ["public"]
    assert (public / "index.html").is_file() and (public / "projects" / "P001" / "index.html").is_file()
    assert sorted(p.suffix for p in (public / "downloads").glob("bulletin-*")) == [".docx", ".pdf"]


def _wheel(folder: Path, name: str, version: str, requires: list[str]) -> None:
    """A small real wheel whose metadata requires ``requires``."""
    meta = "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as archive:
        archive.writestr(f"{name}-{version}.dist-info/METADATA",
                         f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{meta}")


@pytest.mark.parametrize("platform, missing", [
    ("windows", ["colour>=0.4", "tzinfo", "zone-extra"]),
    ("linux", ["zone-extra"]),
    ("macos", ["mac-only", "zone-extra"]),
])
def test_the_folder_is_completed_by_the_markers_of_the_machine_it_is_for(tmp_path, platform, missing):
    """pip judges markers by the machine it runs on; the folder is checked by those of the target."""
    from packaging.requirements import Requirement

    from generator.distribution.wheelhouse import Target, unmet

    _wheel(tmp_path, "tool", "1.0", ["base>=2", "colour>=0.4; platform_system == 'Windows'", "zone[extra]",
                                     "mac-only; sys_platform == 'darwin'", "old; python_version < '3.10'"])
    _wheel(tmp_path, "base", "2.1", ["tzinfo; os_name == 'nt'"])
    _wheel(tmp_path, "base", "1.0", [])
    _wheel(tmp_path, "zone", "3.0", ["zone-extra; extra == 'extra'", "zone-docs; extra == 'docs'"])
    target = Target.of("3.11", platform)
    assert [f"{r.name}{r.specifier}" for r in unmet(tmp_path, Requirement("tool==1.0"), target.environment())] == missing
    assert [str(r) for r in unmet(tmp_path, Requirement("base<2"), target.environment())] == []


def test_a_platform_by_name_stands_for_every_tag_its_wheels_may_carry():
    """pip takes a platform tag literally: a Linux with glibc 2.28 also runs the wheels of older glibc tags
    (typst's for ARM carry only manylinux2014), and a Mac on macOS 14 those for 11 to 14 (pip adds those)."""
    from generator.distribution.wheelhouse import Target

    linux = Target.of("3.12", "linux-arm64")
    assert {"manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64", "manylinux1_aarch64"} <= set(linux.platforms)
    assert linux.environment()["platform_machine"] == "aarch64" and linux.environment()["python_version"] == "3.12"
    assert "--abi" in linux.pip_options() and "cp312" in linux.pip_options()
    assert Target.of("3.11", "macos").platforms == ("macosx_14_0_arm64",)
    assert Target.of("3.11", "win32").platforms == ("win32",) and Target.of("3.11", "win32").environment()["os_name"] == "nt"
    assert Target.of(None, None).here and Target.of(None, None).pip_options() == []
