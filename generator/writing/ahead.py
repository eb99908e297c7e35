"""Work made ahead, in a second process, while this one goes on with something else.

A site engine reads generated pages one by one, and each page costs it more than it costs us to make one. So
a forked process makes the pages in the order they will be read and sends them over a pipe; reading a page
waits only if it is not there yet. On two cores the generator's time hides behind the engine's.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

T = TypeVar("T")


class WorkerGone(RuntimeError):
    """The worker ended before it made a value (it was killed, or ran out of memory)."""


class JobFailed(RuntimeError):
    """A job's exception that could not be sent from the worker as it was: its type, message and traceback."""


def _sendable(exc: BaseException) -> BaseException:
    """``exc`` as it can cross the pipe: itself when it survives pickling, else a :class:`JobFailed` saying it;
    either with the worker's traceback as a note."""
    told = "".join(traceback.format_exception(exc))
    try:
        copy = pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - a local class, an unpicklable argument, an __init__ of its own
        copy = JobFailed(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
    copy.add_note(f"in the worker process:\n{told}")
    return copy


def _die_with(parent: int) -> None:
    """End this process when ``parent`` ends, however it ends (Linux; elsewhere the closed pipe ends it)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the call above
        os._exit(0)


def can_fork() -> bool:
    """Whether work may go to a forked process: on Linux. Windows has no fork, and on macOS a process that
    forks after its threads started (the system's own frameworks start some) may crash; there the work is
    done in this process, as it is read."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Ahead(Mapping[str, T]):
    """``key -> value`` where each value is ``jobs[key]()``, made in job order by a forked process
    when ``parallel`` (and :func:`can_fork`), else on first use, here.

    A thread here takes each value as it arrives, so the worker never waits for a reader and runs as far
    ahead as it can. A job that fails over there raises its exception where it is read, with its own type
    and the worker's traceback as a note; it is never run again here: a job may start threads (Typst's,
    vl-convert's) that would make this process unfit to fork another worker. A worker that ends before
    making a value (killed, out of memory) raises :class:`WorkerGone` where it is read.

    ``extras`` are made the same way after the jobs but are not part of the mapping: :meth:`extra` reads
    one (a figure the caller needs once all is made, which would cost it time to work out itself)."""

    def __init__(self, jobs: dict[str, Callable[[], T]], parallel: bool = True,
                 extras: dict[str, Callable[[], object]] | None = None):
        self._keys = jobs
        self._jobs = {**jobs, **(extras or {})}
        self._made: dict[str, T] = {}
        self._failed: dict[str, BaseException] = {}
        self._forgotten: set[str] = set()  # read and let go (see forget)
        self._gone = False  # the worker ended early
        self._arrived = threading.Condition()
        self._worker = None
        self._receiving = False
        if parallel and can_fork():
            context = multiprocessing.get_context("fork")
            conn, child = context.Pipe(duplex=False)
            self._worker = context.Process(target=self._make_all, args=(child, conn, os.getpid()), daemon=True,
                                           name="progress-site pages")
            self._worker.start()
            child.close()
            self._receiving = True
            threading.Thread(target=self._receive, args=(conn,), daemon=True, name="progress-site receiver").start()

    def _make_all(self, conn, parents_end, parent: int) -> None:  # in the forked process
        parents_end.close()  # else the pipe stays open here and a send would wait for a reader that is gone
        # the parent's handlers are not for this process: Ctrl-C is the parent's to act on (it ends this
        # worker), and SIGTERM ends it at once, even inside a call into native code that never returns
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with(parent)
        gc.freeze()  # what it inherited (the report) stays: the cycle collector need not walk it on every pass
        for key, job in self._jobs.items():
            try:
                value = job()
            except Exception as exc:  # noqa: BLE001 - raised over there, where the value is read
                conn.send((key, False, _sendable(exc)))
                continue
            conn.send((key, True, value))
        conn.close()

    def _receive(self, conn) -> None:  # a thread of this process
        try:
            while True:
                key, ok, value = conn.recv()
                with self._arrived:
                    if key in self._forgotten:
                        pass
                    elif ok:
                        self._made[key] = value
                    else:
                        self._failed[key] = value
                    self._arrived.notify_all()
        except (EOFError, OSError):  # the worker is done (or gone)
            pass
        finally:
            conn.close()
            if self._worker is not None:
                self._worker.join()
            with self._arrived:
                self._receiving = False
                self._gone = len(self._made) + len(self._failed) < len(self._jobs)
                self._arrived.notify_all()

    def __getitem__(self, key: str) -> T:
        if key not in self._keys:
            raise KeyError(key)
        return self._value(key)

    def extra(self, key: str):
        """The value of the extra job ``key``."""
        if key in self._keys or key not in self._jobs:
            raise KeyError(key)
        return self._value(key)

    def _value(self, key: str):
        with self._arrived:
            self._arrived.wait_for(lambda: key in self._made or key in self._failed or key in self._forgotten
                                   or not self._receiving)
            if key in self._forgotten:
                raise KeyError(f"{key} was let go (Ahead.forget)")
            if key in self._failed:
                raise self._failed[key]
            if key not in self._made and self._gone:
                code = self._worker.exitcode
                raise WorkerGone(f"the worker process ended ({code}) before making {key}")
            ready = key in self._made
        if not ready:  # no worker: made here, when first read
            value = self._jobs[key]()
            with self._arrived:
                return self._made.setdefault(key, value)
        return self._made[key]

    def forget(self, key: str) -> None:
        """Let the value of ``key`` go, made or still to come: its reader holds it now and nobody will ask
        again (a site at the limits holds its pages once, not twice). Reading it afterwards is a KeyError."""
        with self._arrived:
            self._forgotten.add(key)
            self._made.pop(key, None)
            self._arrived.notify_all()

    def __contains__(self, key) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def close(self) -> None:
        """Stop the worker (if it is still making things nobody will read)."""
        worker = self._worker
        if worker is not None and worker.is_alive():
            worker.terminate()
