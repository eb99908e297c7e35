"""A city's site from its counties' own folders (a province's from its cities'): a data folder that holds no table of
its own but a folder per place, each with that place's files in whatever layout its office keeps (a workbook, a
monthly series, a platform export), is read folder by folder, each as a data folder of its own, and the places'
projects are put together, each project taking its folder's name as its place.

A project two places both list (the same id and name, or the same name and owner) is a warning naming both rows and
is counted once, in the place that lists it first; two different projects that happen to share an id (a 序号 used as
one) keep both, the second's id made distinct with its place's name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from ..model.places import joined
from ..model.report import Project, Report
from ..reading.sources import SPREADSHEETS
from ..settings.config import ConfigError, SiteConfig
from ..text.catalogue import say
from .folder import PHOTOS
from .identity import name_key

#: A place folder's own settings (the site's ``plugins.progress`` keys, as YAML): over the site's, for its files only.
SETTINGS = "progress.yml"


def place_folders(loader) -> list[Path]:
    """The data folder's subfolders that hold spreadsheets, when the data folder holds none of its own and no setting
    names the projects table's file; else none."""
    folder = loader.site.data_dir
    if not folder.is_dir() or loader.config.file("projects").path:
        return []
    entries = [p for p in folder.iterdir() if not p.name.startswith((".", "~$"))]
    if any(p.is_file() and p.suffix.lower() in SPREADSHEETS for p in entries):
        return []
    return sorted(p for p in entries if p.is_dir() and p.name != PHOTOS and any(
        q.suffix.lower() in SPREADSHEETS and not q.name.startswith((".", "~$")) for q in p.rglob("*")))


def read_places(loader, folders: list[Path]) -> list[tuple[str, Report]]:
    """Each place folder read as a data folder of its own: (place, its report); its problems added to ``loader``'s."""
    from .loader import Loader  # a place is loaded as the whole is

    loader.log.add("places-read", file=loader.label(loader.site.data_dir), count=len(folders),
                   places="、".join(folder.name for folder in folders))
    reports = []
    for folder in folders:
        loader.considered.add(folder.name.casefold())
        site = place_site(loader, folder)
        if site is None:
            continue
        own = Loader(site).load()
        loader.log.extend(own.problems.problems)
        if own.report is not None:
            reports.append((folder.name, own.report))
    return reports


def place_site(loader, folder: Path):
    """The site a place folder is read as: the whole site's settings, with those of its own :data:`SETTINGS` file
    over them (its headers, its unit, what it leaves out); None, the problem said, when that file is unusable."""
    import yaml

    site = dataclasses.replace(loader.site, data_dir=folder)
    path = folder / SETTINGS
    if not path.is_file():
        return site
    label = loader.label(path)
    try:
        own = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
        if not isinstance(own, dict):
            raise ConfigError([(label, say("settings-not-mapping", site.language))], site.language)
        merged = _merged(loader.config.model_dump(mode="json", exclude_defaults=True), own)
        return dataclasses.replace(site, config=SiteConfig.from_mapping(merged, site.language, prefix=f"{label}: "))
    except ConfigError as exc:
        for key, reason in exc.problems:
            loader.log.add("config-invalid", file=label, key=key.removeprefix(f"{label}: "), reason=reason)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        loader.log.add("config-invalid", file=label, key=SETTINGS, reason=str(exc).splitlines()[0])
    return None


def _merged(base: dict, over: dict) -> dict:
    """``base`` with ``over``'s keys put in, mappings merged key by key."""
    out = dict(base)
    for key, value in over.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _keys(p: Project) -> list[tuple]:
    """What makes two places' rows one project: the same id and name, or the same name and owner."""
    name = name_key(p.name)
    return [("id", p.id, name)] + ([("owner", p.owner, name)] if p.owner else [])


def combined_projects(loader, reports: list[tuple[str, Report]]) -> dict[str, Project]:
    """The places' projects as one list, each in its place; one listed twice said and counted once. A place whose
    tables name no year at all (no year in a header, a title or a file name) is taken to report the others' latest
    year, and a note says so."""
    projects: dict[str, Project] = {}
    seen: dict[tuple, Project] = {}  # _keys of the projects kept -> the project
    year = max((r.current_year for _, r in reports if r.current_year), default=None)
    for place, report in reports:
        if year and not report.years and report.projects:
            loader.log.add("place-year", file=loader.label(loader.site.data_dir / place), year=year)
            report = dataclasses.replace(report, projects={pid: dataclasses.replace(p, years=(year,))
                                                           for pid, p in report.projects.items()})
        for pid, p in report.projects.items():
            keys = _keys(p)
            twin = next((seen[k] for k in keys if k in seen), None)
            if twin is not None:
                loader.log.add("project-two-places", file=p.source.file, row=p.source.row, column=None,
                               name=p.name, place=joined(place, p.place), other=twin.place, where=f"{twin.source.file}:{twin.source.row}")
                continue
            new_id = pid if pid not in projects else f"{place}-{pid}"
            progress = tuple(dataclasses.replace(e, project_id=new_id) for e in p.progress) if new_id != pid else p.progress
            projects[new_id] = kept = dataclasses.replace(p, id=new_id, place=joined(place, p.place), progress=progress)
            seen.update(dict.fromkeys(keys, kept))
    return projects


def load_places(loader, folders: list[Path]):
    """The report of the places in ``folders`` put together, with the data folder's own photos, boundary and words."""
    from .boundary import check_places_on_map, load_boundary
    from .folder import report_unread
    from .loader import Loaded
    from .own_words import load_own_words
    from .photos import load_photos

    reports = read_places(loader, folders)
    projects = combined_projects(loader, reports)
    boundary, own_words = load_boundary(loader), load_own_words(loader)
    report_unread(loader)
    if not reports:
        return Loaded(None, loader.log)
    if len(projects) > loader.config.limits.projects:
        beyond = list(projects.values())[loader.config.limits.projects]
        loader.log.add("limit-projects", file=beyond.source.file, row=beyond.source.row,
                       limit=loader.config.limits.projects)
        return Loaded(None, loader.log)
    latest = max((r for _, r in reports), key=lambda r: r.as_of or dt.date.min)  # the places' newest data
    sources = [dataclasses.replace(s, name=f"{place}/{s.name}") for place, r in reports for s in r.sources] + loader.sources
    report = Report.assemble(loader.config.currency, loader.config.display_unit, projects,
                             {cid: c for _, r in reports for cid, c in r.clusters.items()},
                             [i for _, r in reports for i in r.indicators], sources, as_of=latest.as_of,
                             language=loader.site.language, unit_factor=latest.unit_factor,
                             completed_span=latest.completed_span, lights=latest.lights,
                             photos=load_photos(loader, projects), boundary=boundary, own_words=own_words,
                             departures=[dataclasses.replace(d, place=joined(place, d.place)) for place, r in reports for d in r.departures],
                             fiscal_start=loader.config.fiscal_year_start, exchange_rates=latest.exchange_rates)
    check_places_on_map(loader, report)
    return Loaded(report, loader.log)
