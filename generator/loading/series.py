"""A workbook a month: an office's periodic files of its projects table (1-8月, 1-9月, 1-10月), read as one series.

Each file's period comes from its 截至 line, else the months its headers or title name (``1-10月完成投资``,
``（1-10月）``), else its file name. The latest file is the project list; every earlier one gives each project's
year-to-date figures at its period, so that lights, changes and the feed have their periods with no platform
export. Projects are matched by code, else by name (widths of brackets, spaces and line breaks aside), else by a
name one character apart, with a warning naming both spellings. A project an earlier file has and the latest has
not is a warning naming its row (调出).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..contract.amounts import NOT_REPORTED
from ..contract.marks import InvalidValue, fold
from ..contract.periods import Period, parse_period, period_in_text
from ..contract.schema import TABLES
from ..contract.spans import split_span
from ..model.report import Departure, ProgressEntry, SourceRef
from ..reading.headers import HeaderMatcher
from ..reading.sources import SPREADSHEETS, read_sheet
from ..reading.tables import BoundTable, bind
from ..text.problems import ProblemLog
from .identity import ProjectFinder, name_key
from .sheets import name_unread_sheet, other_sheets
from .summary import is_summary, read_summary


@dataclass
class PeriodFile:
    """One file of the series: its table, bound, and the month it runs to."""

    path: Path
    bounds: list[BoundTable]  # its sheets of projects (续建项目, 新开工项目 … each)
    period: Period
    problems: list  # what reading it found, said only if it is an earlier file (the latest is read again)


def file_period(bound: BoundTable, name: str, start_month: int = 1) -> Period | None:
    """The period a periodic file runs to: its 截至 date, else the months its headers or title name, else the
    period its title names in passing (``March 2023``, ``2022-23``, ``FY2023``), else its name's (raises
    ``period-fiscal-unset`` for a financial year where years are calendar years)."""
    year = bound.year
    if bound.preamble.as_of is not None and bound.preamble.as_of.month:
        return Period("month", bound.preamble.as_of.year, bound.preamble.as_of.month, start_month=start_month)
    span = bound.completed_span or bound.preamble.span
    stem = Path(name).stem
    if span is None:
        for at in range(len(stem)):
            found, _ = split_span(stem[at:])
            if found is not None and found.kind not in ("year", "before"):
                span = found
                break
    if year is None and (m := re.search(r"(20\d{2})年", stem)):  # a header's 1-10月 with the year in the name
        year = int(m[1])
    year = (span.year if span is not None else None) or year
    if span is not None and year is not None and span.kind not in ("year", "before"):
        return Period("month", year, span.last, start_month=start_month)
    for text in (bound.preamble.title, stem):
        if text and (period := period_in_text(text, start_month)) is not None:
            return period
    return None


_PERIOD_WORDS = re.compile(r"[0-9０-９]+|第?[一二三四]季度|[上下]半年|[一二三四五六七八九十]+月|[()（）\[\]【】\s_-]")


def _name_pattern(stem: str) -> str:
    """A file's name with its period and punctuation taken out: ``2025年1-9月重点项目`` and ``2025年1-10月重点项目``
    are alike; a platform's export beside a workbook is not."""
    return _PERIOD_WORDS.sub("", stem)


def read_series(loader, matcher: HeaderMatcher) -> list[PeriodFile] | None:
    """The projects table's files of one period each, oldest first: those ``files.projects.periods`` names, else
    the data folder's spreadsheets that are projects tables with a period each and are named alike (their periods
    aside), when there are two or more of them (else None: the folder is read as before). A period given by two
    files is an error naming both, and the series is not read."""
    folder = loader.site.data_dir
    if not folder.is_dir():
        return None
    given = loader.config.file("projects").periods
    if given is not None:
        candidates = _given_files(loader, given)
    else:
        candidates = [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in SPREADSHEETS
                      and not p.name.startswith((".", "~$")) and p.parent == folder and not p.is_symlink()]
        named: dict[str, list[Path]] = {}  # files named alike once their periods are taken out (read only those)
        for path in candidates:
            named.setdefault(_name_pattern(path.stem), []).append(path)
        candidates = [(path, None) for path in max(named.values(), key=len, default=[])]
        if len(candidates) < 2:
            return None
    files = [file for path, period in candidates if (file := _period_file(loader, matcher, path, period))]
    if len(files) < (1 if given is not None else 2):
        return None
    files.sort(key=lambda file: file.period.sort_key())
    for before, after in zip(files, files[1:]):
        if before.period == after.period:
            loader.log.add("series-period-twice", file=loader.label(after.path), other=loader.label(before.path),
                           period=after.period.key)
            return None
    return files


def _given_files(loader, given: dict[str, str] | str) -> list[tuple[Path, Period | None]]:
    """The files ``files.projects.periods`` names, each with the period it gives (None: found from the file), or
    those its pattern matches; a named file that is not there is an error."""
    folder, start = loader.site.data_dir, loader.config.fiscal_year_start
    if isinstance(given, str):
        found = sorted(p for p in folder.glob(given) if p.is_file() and not p.name.startswith((".", "~$")))
        if not found:
            loader.log.add("file-missing", file=loader.label(folder), name=given)
        return [(path, None) for path in found]
    out = []
    for name, period in given.items():
        path = folder / name
        if not path.is_file():
            loader.log.add("file-missing", file=loader.label(path), name=name)
            continue
        out.append((path, parse_period(str(period), (), start)))
    return out


def _period_file(loader, matcher: HeaderMatcher, path: Path, period: Period | None) -> PeriodFile | None:
    """One file of the series, read and bound, with its period (the one given, else found from the file), or None
    when it cannot be read (said) or names no period."""
    scratch = ProblemLog(loader.config.silenced)
    anchor = matcher.table.anchor
    try:
        sheet = read_sheet(path, loader.label(path), "projects", loader.config.encoding, None, loader.config.limits,
                           header=lambda cells: any(matcher.match(c).field == anchor for c in cells))
    except InvalidValue as exc:  # one of the series that cannot be read: said, and left out
        loader.log.add(exc.code, file=loader.label(path), **exc.params)
        loader.considered.add(path.name.casefold())
        return None
    bound = bind(sheet, matcher.table, matcher, loader.config.money, scratch)
    if bound is None:
        return None
    if period is None:
        try:
            period = file_period(bound, path.name, loader.config.fiscal_year_start)
        except InvalidValue as exc:
            loader.log.add(exc.code, file=loader.label(path), value=path.stem)
            return None
    if period is None:
        return None
    others = [b for _, b in other_sheets(loader, path, sheet, "projects", matcher, scratch)]
    return PeriodFile(path, [bound, *others], period, scratch.problems)


#: Characters that tell two projects apart rather than mistype one: phases, numbers, lots, places
_DISTINGUISHING = frozenset("0123456789一二三四五六七八九十百期号段标区县东西南北上下")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one character changed, added or taken out, and not one that tells two projects
    apart (一期 / 二期, 1号 / 2号)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        changed = [(x, y) for x, y in zip(a, b) if x != y]
        return len(changed) == 1 and not (set(changed[0]) & _DISTINGUISHING)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short and long_[i] not in _DISTINGUISHING for i in range(len(long_)))


def _one_character_apart(name: str, keys: dict[str, str]) -> str | None:
    """The one project of the latest list (``keys``: id -> name in :func:`name_key` form) whose name is ``name`` with
    one character changed (never a short name, where one character is the difference between two projects), if
    exactly one is."""
    key = name_key(name)
    if len(key) < 6:
        return None
    near = [pid for pid, other in keys.items() if _one_edit(key, other)]
    return near[0] if len(near) == 1 else None


def _name_other_sheets(loader, file: PeriodFile) -> None:
    """An earlier file's sheets that are not its projects (汇总, 说明), each named in a note: nothing in the data
    folder goes unsaid."""
    first = file.bounds[0].sheet
    read = {bound.sheet.name for bound in file.bounds} | set(first.hidden_sheets) | set(first.also_headed)
    for other in (name for name in first.sheets if name not in read):
        where = f"{loader.label(file.path)}[{other}]"
        if is_summary(other):
            loader.log.add("sheet-summary-earlier", file=where)
            read_summary(loader, file.path, other, TABLES["projects"], loader.config.file("projects"))
        else:
            name_unread_sheet(loader, file.path, other, "projects", file.bounds[0].header_of("name"))
    for chart in first.charts:
        loader.log.add("sheet-chart", file=f"{loader.label(file.path)}[{chart}]")


def series_entries(loader, files: list[PeriodFile], projects: dict) -> dict[str, list[ProgressEntry]]:
    """Each project's year-to-date completed investment, status and light (rating) at each file's period (the
    latest file's included), and the month's own where the file before it runs to the month before; a project of
    an earlier file that the latest no longer lists is a warning naming its row, one the latest lists first a
    note."""
    finder = ProjectFinder(projects)
    renamed = id_changes(loader, projects)
    keys = {pid: name_key(p.name) for pid, p in projects.items()}
    found: dict[str, dict] = {}
    left: dict[str, tuple] = {}  # a name no longer listed -> the last period and place that list it
    for file in files[:-1]:
        loader.log.extend(file.problems)
        loader.considered.add(file.path.name.casefold())
        _name_other_sheets(loader, file)
        for bound in file.bounds:
            loader.source("projects", file.path, bound.sheet.label, bound.sheet.sha256, bound.sheet.encoding,
                          len(bound.rows), bound.hidden_rows, bound.hidden_columns, bound.account)
            for row in bound.rows:
                r = loader.reader(bound, row)
                name = r.text("name")
                code = r.text("id") if bound.column("id") is not None and not bound.id_is_serial else None
                pid = ((renamed.get(fold(code)) or finder.by_id(code) if code else None)
                       or (finder.named(name) if name else None))
                if pid is None and name and not code and (near := _one_character_apart(name, keys)) is not None:
                    pid = near  # a name retyped with one character changed: the same project, said
                    loader.log.add("series-name-changed", file=bound.sheet.label, row=row.number,
                                   column=bound.header_of("name"), value=name, other=projects[near].name,
                                   latest=files[-1].period.key)
                if pid is None:
                    if name:
                        left[name_key(name)] = (file.period, dict(file=bound.sheet.label, row=row.number,
                                                                   column=bound.header_of("name"), value=name),
                                                r.place())
                    continue
                found.setdefault(pid, {})[file.period] = (
                    r.amount("annual_completed_investment"), SourceRef(bound.sheet.label, row.number),
                    r.word("status", loader.statuses, "status-unknown"), r.given_text("light"),
                    r.amount("annual_planned_investment"), r.progress_share())
    latest = files[-1].period
    for period, where, place in left.values():  # said once, at the last file that lists it
        loader.log.add("series-project-left", latest=latest.key, **where)
        loader.departures.append(Departure(where["value"], period, SourceRef(where["file"], where["row"]), place))
    if len(files) > 1:
        for pid in (pid for pid, p in projects.items() if pid not in found):
            source = projects[pid].source
            loader.log.add("series-project-joined", file=source.file, row=source.row, value=projects[pid].name,
                           column=files[-1].bounds[0].header_of("name"), latest=latest.key)
    for pid, p in projects.items():
        found.setdefault(pid, {})[latest] = (p.annual_completed_investment, p.source, p.status, p.light,
                                             p.annual_planned_investment, p.physical_progress)
    return {pid: _entries(pid, by_period) for pid, by_period in found.items()}


def _entries(pid: str, by_period: dict) -> list[ProgressEntry]:
    """One project's entries, oldest first, with each month's own completed investment where the month before's
    year to date is known; a year's file gives the year's plan and completed investment."""
    entries, previous = [], None
    for period in sorted(by_period, key=Period.sort_key):
        ytd, source, status, light, plan, done = by_period[period]
        if period.kind == "year":
            entries.append(ProgressEntry(pid, period, planned_investment=plan, completed_investment=ytd,
                                         ytd_completed_investment=ytd, source=source, status=status, light=light,
                                         physical_progress=done))
            continue
        month = NOT_REPORTED  # the month's own: this file's year to date less the month before's
        if previous is not None and previous[0].kind == period.kind == "month" \
                and previous[0].end + dt.timedelta(days=1) == period.start and previous[0].fiscal_year == period.fiscal_year \
                and ytd.known and previous[1].known and not ytd.qualifier and not previous[1].qualifier:
            month = replace(ytd, value=ytd.value - previous[1].value, raw="")
        entries.append(ProgressEntry(pid, period, completed_investment=month, ytd_completed_investment=ytd,
                                     source=source, status=status, light=light, physical_progress=done))
        previous = (period, ytd)
    return entries


def id_changes(loader, projects: dict) -> dict[str, str]:
    """Each id that earlier periods' files give a project (folded) -> the project's id now: from its row's
    原项目编号 and from the ``files.projects.id_changes`` file (old id, new id)."""
    out: dict[str, str] = {}
    for pid, p in projects.items():
        for old in filter(None, re.split(r"[、,，;；\s]+", p.previous_id or "")):
            out[fold(old)] = pid
    name = loader.config.file("projects").id_changes
    if name:
        path = loader.site.data_dir / name
        loader.considered.add(path.name.casefold())
        try:
            sheet = read_sheet(path, loader.label(path), "projects", loader.config.encoding, None, loader.config.limits)
        except InvalidValue as exc:
            loader.log.add(exc.code, file=loader.label(path), **exc.params)
            return out
        finder, mapped = ProjectFinder(projects), 0
        for number, cells in sheet.rows[1:]:  # below its header: old id, new id
            old, new = (str(c).strip() if c is not None else "" for c in (list(cells) + [None, None])[:2])
            if not old and not new:
                continue
            mapped += 1
            target = finder.by_id(new) if new else None
            if target is None:
                loader.log.add("id-change-unknown", file=sheet.label, row=number, value=new or old)
                continue
            out[fold(old)] = target
        loader.source("projects", path, sheet.label, sheet.sha256, sheet.encoding, mapped,
                      account={"header": 1, "data": mapped})  # accounted for, as every file read is
    return out
