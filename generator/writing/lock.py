"""A lock file that one process holds at a time, on Linux, macOS and Windows.

It is taken at once or refused (never waited for), says which process holds it, and goes when it is released.
POSIX systems lock the whole file with ``flock``; Windows locks one byte far past the end with
``msvcrt.locking``, so that the holder's process number at the start stays readable by the one refused.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None

#: Where Windows' byte lock sits: past anything the file holds.
_FAR = 1 << 30


class Held(Exception):
    """Another process holds the lock; ``holder`` is its process number as it wrote it (or ``?``)."""

    def __init__(self, holder: str):
        super().__init__(holder)
        self.holder = holder


def _try_lock(fd: int) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    if msvcrt is not None:
        os.lseek(fd, _FAR, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    return True  # no locking facility at all: one build at a time is then the user's care


def _unlock(fd: int) -> None:
    if fcntl is None and msvcrt is not None:
        os.lseek(fd, _FAR, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
    # flock's lock goes with the descriptor


class LockFile:
    """The lock at ``path``: :meth:`acquire` takes it or raises :class:`Held`; :meth:`release` gives it up
    and removes the file. Used as a context manager, it is taken on entry."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise Held(holder)
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)  # the last holder removed it as it finished: take a new one
        self._fd = fd
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:  # a full disk: the lock goes, and the reason is raised
            self.release()
            raise

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name != "nt":
            _remove(self.path)  # while still held, so that nobody locks a file that is about to go
        _unlock(fd)
        os.close(fd)
        if os.name == "nt":
            _remove(self.path)  # Windows removes no open file: after closing (one taking it meanwhile keeps it)

    def __enter__(self) -> "LockFile":
        if self._fd is None:
            self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except (FileNotFoundError, PermissionError):
        pass
