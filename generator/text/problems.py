"""Problems found in a data folder: where, what was found, what was expected."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .messages import render, severity_of


_ONE_LINE = re.compile(r"\r\n|[\r\n\u2028\u2029]")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # worth knowing, no fault: never blocks a build, not even with --strict


@dataclass(frozen=True)
class Problem:
    """One problem. ``row`` is the row number a spreadsheet shows; ``column`` the header as written."""

    severity: Severity
    code: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict = field(default_factory=dict, compare=False)

    def message(self, language: str = "zh") -> str:
        """The message, on one line: a line break inside a cell it quotes is shown as ↵."""
        text = render(self.code, language, value=self.value, column=self.column, **self.params)
        return _ONE_LINE.sub("↵", text)

    def location(self) -> str:
        """``file:row: column`` with the parts that are known."""
        head = ":".join(str(p) for p in (self.file, self.row) if p is not None)
        return ": ".join(p for p in (head, self.column) if p)

    def format(self, language: str = "zh", code: bool = False) -> str:
        """``file:row: column: message``; with ``code``, the problem's code after it (what ``ignore`` takes)."""
        where = self.location()
        text = f"{where}: {self.message(language)}" if where else self.message(language)
        return f"{text} [{self.code}]" if code else text

    def as_dict(self, language: str = "zh") -> dict:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message(language),
        }


@dataclass(frozen=True)
class Silence:
    """A warning or note not to report: one code everywhere, or only in one file and/or one column."""

    code: str
    file: str | None = None  # a file of the data folder (its name, or its path from the data folder)
    column: str | None = None  # a header as written

    def covers(self, code: str, file: str | None, column: str | None) -> bool:
        if code != self.code:
            return False
        if self.file is not None:
            shown = (file or "").split("[", 1)[0].replace("\\", "/")
            if not (shown == self.file or shown.endswith("/" + self.file.lstrip("./"))):
                return False
        return self.column is None or _folded(column or "") == _folded(self.column)


def _folded(text: str) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


class ProblemLog:
    """Collects every problem of a run; warnings and notes that ``ignore`` covers are dropped."""

    def __init__(self, ignore=()):
        self.problems: list[Problem] = []
        self._seen: set[Problem] = set()
        rules = [Silence(r) if isinstance(r, str) else r for r in ignore]
        self.ignore = {r.code for r in rules if r.file is None and r.column is None}  # codes silenced everywhere
        self._narrow = [r for r in rules if r.file is not None or r.column is not None]

    def add(self, code: str, **where) -> None:
        """Record a problem; its severity comes from the message catalogue."""
        severity = Severity(severity_of(code))
        if severity is not Severity.ERROR and (code in self.ignore or any(
                r.covers(code, where.get("file"), where.get("column")) for r in self._narrow)):
            return
        known = {k: where.pop(k) for k in ("file", "row", "column", "value") if k in where}
        if known.get("value") is not None:
            known["value"] = str(known["value"])
        problem = Problem(severity, code, params=where, **known)
        if problem not in self._seen:  # one file may serve two tables: say each thing once
            self._seen.add(problem)
            self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.NOTE]

    def extend(self, problems) -> None:
        """Record problems found elsewhere (already silenced as their maker's settings ask)."""
        for problem in problems:
            if problem not in self._seen:
                self._seen.add(problem)
                self.problems.append(problem)

    def sorted(self) -> list[Problem]:
        """Errors first, then warnings, then notes; each in file, row order."""
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}

        def key(p: Problem):
            return (order[p.severity], p.file or "", p.row or 0)
        return sorted(self.problems, key=key)
