"""Windows and macOS: building and previewing with none of what only Linux has.

The tool runs here in a process where its own code cannot import ``fcntl`` and the other POSIX-only modules,
load the C library (``prctl``, ``renameat2``), read ``/proc``, ask for the cores it may run on, fork, or send
the signals Windows lacks; and where a text file opened without an encoding is an error (Windows opens it in
the locale's encoding, GBK on a Chinese desktop).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from generator.writing import lock as lock_module
from generator.writing.lock import Held, LockFile

from .conftest import ROOT
from .sites import copy_sample, previewing, run, use_pagefind, wait_for

#: Run first in the child process: what Windows lacks, taken away from the tool's own code.
WITHOUT_LINUX = textwrap.dedent("""
    import builtins, ctypes, ctypes.util, importlib.abc, io, multiprocessing, os, signal, sys, warnings
    from pathlib import Path

    GENERATOR = {generator!r}
    POSIX_ONLY = {{"fcntl", "termios", "tty", "pty", "resource", "grp", "posix_ipc"}}

    def from_the_tool():
        frame = sys._getframe(1)
        while frame is not None:
            name = frame.f_code.co_filename
            if not name.startswith("<frozen") and "importlib" not in name and name != "<string>":
                return name.startswith(GENERATOR)
            frame = frame.f_back
        return False

    class PosixOnly(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name.split(".")[0] in POSIX_ONLY and from_the_tool():
                raise ImportError("not on Windows: " + name)

    for name in POSIX_ONLY:
        sys.modules.pop(name, None)  # imported at start-up: the next import asks the finder
    sys.meta_path.insert(0, PosixOnly())

    class NoLibc(ctypes.CDLL):
        def __init__(self, name, *args, **kwargs):
            if from_the_tool():
                raise OSError("no such library: " + str(name))
            super().__init__(name, *args, **kwargs)
    ctypes.CDLL = NoLibc
    find_library = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None if from_the_tool() else find_library(name)

    for name in ("sched_getaffinity", "fork", "forkpty", "getppid"):
        if hasattr(os, name) and name != "getppid":
            delattr(os, name)
    multiprocessing.get_all_start_methods = lambda: ["spawn"]
    for name in ("SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD"):
        if hasattr(signal, name):
            delattr(signal, name)

    def refuse_proc(opener):
        def opening(path, *args, **kwargs):
            if str(path).startswith("/proc") and from_the_tool():
                raise FileNotFoundError(path)
            return opener(path, *args, **kwargs)
        return opening
    builtins.open = io.open = refuse_proc(builtins.open)
    os.open, os.listdir, os.scandir = refuse_proc(os.open), refuse_proc(os.listdir), refuse_proc(os.scandir)

    warnings.filterwarnings("error", category=EncodingWarning, module="generator")

    from generator.cli import main
    sys.argv = ["progress-site", *sys.argv[1:]]
    main()
""").format(generator=str(ROOT / "generator"))


#: ``progress-site`` in a process without Linux' facilities; a text file opened without an encoding warns.
TOOL = [sys.executable, "-X", "warn_default_encoding", "-c", WITHOUT_LINUX]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "0"}


def _tool(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([*TOOL, *map(str, args)], cwd=cwd, env=ENV, capture_output=True, text=True, encoding="utf-8")


def test_the_sample_builds_and_checks_without_what_only_linux_has(tmp_path):
    site = use_pagefind(copy_sample(tmp_path / "src"))  # the search index made by a second program too
    built = _tool("build", "--strict", "-d", tmp_path / "out", cwd=site)
    assert built.returncode == 0, built.stderr[-3000:]
    assert "EncodingWarning" not in built.stderr and "Traceback" not in built.stderr
    out = tmp_path / "out"
    assert (out / "index.html").is_file() and (out / ".progress-site").is_file()
    assert len(list(out.glob("projects/*/index.html"))) == 26
    assert sorted(p.name for p in out.glob("downloads/bulletin-*")) == ["bulletin-2022Q3.docx", "bulletin-2022Q3.pdf"]
    assert (out / "pagefind" / "pagefind-entry.json").is_file()
    assert not list(tmp_path.glob(".progress-site-*"))  # no lock, staging or old site left beside it
    checked = _tool("validate", "--strict", cwd=site)
    assert checked.returncode == 0, checked.stderr[-3000:]


def test_the_preview_serves_and_follows_a_data_edit_without_what_only_linux_has(tmp_path):
    run("new", tmp_path / "site")
    site = tmp_path / "site"
    with previewing(site, command=tuple(TOOL), env=ENV) as (base, log):
        shown = wait_for(f"{base}/projects/P001/", "示例新材料生产线项目") or ""
        assert "示例新材料生产线项目" in shown, log.read_text(encoding="utf-8")[-3000:]
        projects = site / "data" / "projects.csv"
        projects.write_text(projects.read_text(encoding="utf-8").replace("示例新材料生产线项目", "改名后的新材料项目"),
                            encoding="utf-8")
        shown = wait_for(f"{base}/projects/P001/", "改名后的新材料项目") or ""
        assert "改名后的新材料项目" in shown, log.read_text(encoding="utf-8")[-3000:]
    text = log.read_text(encoding="utf-8")
    assert "EncodingWarning" not in text and "Traceback" not in text, text[-3000:]


class Msvcrt:
    """Windows' ``msvcrt.locking`` as documented, over POSIX byte-range locks: ``nbytes`` from the current
    position; ``LK_NBLCK`` raises OSError at once when another process holds one of them."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self, fcntl):
        self._fcntl = fcntl

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        at = os.lseek(fd, 0, os.SEEK_CUR)
        flag = self._fcntl.LOCK_UN if mode == self.LK_UNLCK else self._fcntl.LOCK_EX | self._fcntl.LOCK_NB
        self._fcntl.lockf(fd, flag, nbytes, at, os.SEEK_SET)


def _as_on(system: str, module) -> None:
    """Make ``module`` (the lock module) lock as it does on ``system``."""
    if system == "windows":
        import fcntl

        module.fcntl, module.msvcrt = None, Msvcrt(fcntl)


#: Another process that holds the lock until its input closes.
HOLD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from generator.writing import lock
    from tests.test_portable import _as_on
    _as_on(sys.argv[2], lock)
    with lock.LockFile(Path(sys.argv[1])):
        print("held", flush=True)
        sys.stdin.read()
""")


@pytest.mark.parametrize("system", ["posix", "windows"])
def test_a_held_lock_is_refused_at_once_naming_its_holder_and_goes_when_released(tmp_path, monkeypatch, system):
    if system == "windows":
        monkeypatch.setattr(lock_module, "fcntl", lock_module.fcntl)
        monkeypatch.setattr(lock_module, "msvcrt", lock_module.msvcrt)
        _as_on(system, lock_module)
    path = tmp_path / ".lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), system], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert holder.stdout.readline() == "held\n"
        if system == "windows":
            assert os.path.getsize(path) < lock_module._FAR  # the locked byte lies past what is written
        with pytest.raises(Held) as refused:
            LockFile(path).acquire()
        assert refused.value.holder == str(holder.pid)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0 and not path.exists()
    with LockFile(path):
        assert path.read_text(encoding="ascii") == f"{os.getpid()}\n"
    assert not path.exists()
