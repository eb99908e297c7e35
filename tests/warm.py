"""progress-site commands run from a warm process: one that has imported the tool and forks for each command.

A command run this way is the tool's own ``main`` in a process of its own, in the folder and with the
environment given, its output and exit code collected as ``subprocess.run`` collects them. What the commands
share is Python's start and the imports (about half of a small build's time), and anything the imports wrote
to standard error is written again at the start of each command's. Tests that signal or watch the process,
or that compare two processes' builds (a forked process keeps its parent's hash seed), start the executable.

Run as a script, this file is the warm process: it reads one command a line (JSON) and answers each with its
exit code once it has ended.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

#: What a build, a check and a bulletin import, imported once.
WARM_MODULES = ("generator.cli", "generator.engines.mkdocs.commands", "generator.engines.mkdocs.plugin",
                "generator.bulletin.make", "generator.bulletin.typeset", "generator.bulletin.word", "mkdocs.commands.build",
                "mkdocs.commands.serve", "material.plugins.search.plugin", "material.plugins.tags.plugin", "pandas", "altair",
                "vl_convert", "pikepdf", "docx", "typst", "PIL.Image", "openpyxl", "jieba")


class Warm:
    """A warm process for this test process, started on first use."""

    def __init__(self, executable: str):
        self.executable = executable
        self._server: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, __file__, self.executable], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, env=env, text=True, encoding="utf-8")
        if server.stdout.readline().strip() != "ready":
            raise RuntimeError("the warm process did not start")
        atexit.register(self.stop)
        return server

    def run(self, args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
        with self._lock, tempfile.TemporaryDirectory(prefix="warm-") as folder:
            if self._server is None or self._server.poll() is not None:
                self._server = self._start()
            out, err = Path(folder) / "out", Path(folder) / "err"
            request = {"args": args, "cwd": str(cwd), "env": env, "out": str(out), "err": str(err)}
            self._server.stdin.write(json.dumps(request) + "\n")
            self._server.stdin.flush()
            answer = self._server.stdout.readline()
            if not answer:
                raise RuntimeError("the warm process ended")
            code = json.loads(answer)["code"]
            return subprocess.CompletedProcess([self.executable, *args], code, out.read_text(), err.read_text())

    def stop(self) -> None:
        if self._server is not None and self._server.poll() is None:
            self._server.stdin.close()
            self._server.wait(timeout=30)


def _serve(executable: str) -> None:  # in the warm process
    import importlib

    with tempfile.TemporaryFile() as said:  # what the imports write to standard error
        saved = os.dup(2)
        os.dup2(said.fileno(), 2)
        try:
            for name in WARM_MODULES:
                importlib.import_module(name)
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
        said.seek(0)
        preamble = said.read()
    requests, answers = sys.stdin, sys.stdout
    answers.write("ready\n")
    answers.flush()
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _command(executable, request, preamble)  # never returns
        _, status = os.waitpid(pid, 0)
        answers.write(json.dumps({"code": os.waitstatus_to_exitcode(status)}) + "\n")
        answers.flush()


def _command(executable: str, request: dict, preamble: bytes) -> None:  # in a forked process
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, name in ((1, "out"), (2, "err")):
            target = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        os.write(2, preamble)
        sys.argv = [executable, *request["args"]]
        from generator.cli import main

        try:
            main(args=request["args"], prog_name=Path(executable).name)
            code = 0
        except SystemExit as exit_:
            if exit_.code is None or isinstance(exit_.code, int):
                code = exit_.code or 0
            else:
                print(exit_.code, file=sys.stderr)
        except BaseException:  # noqa: BLE001 - as the interpreter reports an uncaught one
            import traceback

            traceback.print_exc()
        atexit._run_exitfuncs()  # as the interpreter ends: multiprocessing's, logging's
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


if __name__ == "__main__":
    del sys.path[0]  # this folder: its modules are the tests', not the tool's
    _serve(sys.argv[1])
