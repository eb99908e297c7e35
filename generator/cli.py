"""The ``progress-site`` command: a thin layer over the library."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from . import __version__
from .figures.changes import period_changes, summary_line
from .loading.account import account, per_source
from .loading.loader import load_report
from .rendering.formatting import Formatter
from .rendering.links import unreachable_pages
from .settings.config import ConfigError, load_site, read_mkdocs_yml
from .text.catalogue import LANGUAGES, say
from .text.messages import os_reason, render
from .text.problems import Problem, Severity
from .writing.place import PublishError


def _default_config() -> Path | None:
    path = Path("mkdocs.yml")
    return path if path.is_file() else None


def _line(problem: Problem, language: str) -> str:
    where = problem.location()
    severity = say(f"severity-{problem.severity.value}", language)
    text = say("labelled", language, label=severity, text=problem.message(language)) + f" [{problem.code}]"
    return f"{where}: {text}" if where else text


def _strictly(problems: list[Problem], strict: bool) -> list[Problem]:
    """With --strict every warning is reported, and counted, as an error (a note stays a note)."""
    if not strict:
        return problems
    return [Problem(Severity.ERROR, p.code, p.file, p.row, p.column, p.value, p.params)
            if p.severity is Severity.WARNING else p for p in problems]


def _annotation(problem: Problem, language: str) -> str:
    """A GitHub Actions workflow command that marks the file and row of a problem."""
    def escape(text: str, prop: bool = False) -> str:
        text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text
    props = [f"file={escape(problem.file, True)}"] if problem.file else []
    if problem.row:
        props.append(f"line={problem.row}")
    if problem.column:
        props.append(f"title={escape(problem.column, True)}")
    kind = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}[problem.severity]
    return f"::{kind} {','.join(props)}::{escape(problem.message(language))} [{problem.code}]"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="progress-site")
def main() -> None:
    """Public progress reports on key projects, from the spreadsheets you keep."""


@main.command()
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The site's mkdocs.yml (default: ./mkdocs.yml when present).")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The data folder (default: the site's data_dir setting, else ./data).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="github: annotations on the offending file and row in GitHub Actions.")
def validate(config_file: Path | None, data_dir: Path | None, strict: bool, fmt: str) -> None:
    """Check the data folder and report every problem: file:row: column: message."""
    config_file = config_file or _default_config()
    try:
        site = load_site(config_file, data_dir)
    except ConfigError as exc:
        label = str(config_file) if config_file else "mkdocs.yml"
        problems = [Problem(Severity.ERROR, exc.code, file=label, params={"key": k, "reason": r})
                    for k, r in exc.problems]
        _report(problems, exc.language, fmt, strict, counts=None)
        return
    loaded = load_report(site)
    counts = sources = None
    if loaded.report is not None:
        r = loaded.report
        counts = {"projects": len(r.projects), "clusters": len(r.clusters), "periods": len(r.periods)}
        sources = r.sources
        if loaded.ok:  # the bulletin's own words and fonts, as a build would check them
            from .bulletin.make import check as check_bulletin

            loaded.problems.extend(check_bulletin(r, site))
    _report(loaded.problems.sorted(), site.language, fmt, strict, counts, sources)


def _account_line(sources, language: str) -> str:
    """读取 1 个文件、3 张工作表，共 12 行：… — what every row of the files read was read as."""
    told = account(sources)
    rows = [say(f"rows-{kind}", language, n=n) for kind, n in told.rows.items() if n]
    key = "account-sheets" if told.sheets else "account"
    return say(key, language, files=told.files, sheets=told.sheets, total=told.total, rows=rows)


def _report(problems: list[Problem], language: str, fmt: str, strict: bool, counts: dict | None,
            sources=None) -> None:
    problems = _strictly(problems, strict)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    notes = sum(p.severity is Severity.NOTE for p in problems)
    warnings = len(problems) - errors - notes
    if fmt == "json":
        out = {"ok": errors == 0, "errors": errors, "warnings": warnings, "notes": notes, "data": counts,
               "sources": per_source(sources) if sources is not None else None,
               "problems": [p.as_dict(language) for p in problems]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(_annotation(p, language) if fmt == "github" else _line(p, language))
        if sources:
            click.echo(_account_line(sources, language))
        summary = say("summary", language, errors=errors, warnings=warnings)
        if notes:
            summary += say("notes-count", language, notes=notes)
        if errors == 0 and counts is not None:
            summary = say("ok", language, **counts) + say("semicolon", language) + summary
        click.echo(summary)
    sys.exit(1 if errors else 0)


CONFIG_OPTION = click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                             default="mkdocs.yml", show_default=True, help="The site's mkdocs.yml.")
DATA_OPTION = click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
                           help="The data folder (default: the site's data_dir setting).")


def _gather(config_file: Path, data_dir: Path | None, strict: bool, warnings: bool = True):
    """Read and check everything before anything is written; exit 1 on errors. Warnings are printed
    unless ``warnings`` is false (when the plugin reports them again)."""
    try:
        site = load_site(config_file, data_dir)
    except ConfigError as exc:
        for line in exc.lines():
            click.echo(line, err=True)
        sys.exit(1)
    loaded = load_report(site)
    problems = _strictly(loaded.problems.sorted(), strict)
    blocking = [p for p in problems if p.severity is Severity.ERROR]
    for p in problems if (warnings or blocking) else ():
        click.echo(_line(p, site.language), err=True)
    if blocking or loaded.report is None:
        warned = sum(p.severity is Severity.WARNING for p in problems)
        click.echo(say("summary", site.language, errors=len(blocking), warnings=warned), err=True)
        sys.exit(1)
    return site, loaded.report


@main.command()
@CONFIG_OPTION
@DATA_OPTION
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), help="Where to write the site (default: site/).")
@click.option("--strict", is_flag=True, help="Fail on any warning, from the data or from MkDocs.")
def build(config_file: Path, data_dir: Path | None, site_dir: Path | None, strict: bool) -> None:
    """Check the data and build the site. The previous site stays until the new one is complete."""
    import gc
    import signal

    from .engines.mkdocs.commands import BuildError
    from .engines.mkdocs.commands import build as build_site

    site, report = _gather(config_file, data_dir, strict)
    # The report lives as long as the build: keep the collector from walking its objects on every pass.
    gc.freeze()

    def check_links(staging: Path) -> None:
        orphans = unreachable_pages(staging)
        for page in orphans:
            click.echo(f"WARNING -  {say('page-unlinked', site.language, page=page)}", err=True)
        if orphans and strict:
            raise BuildError(say("pages-unlinked-strict", site.language, count=len(orphans)))

    signal.signal(signal.SIGTERM, _terminate)  # as Ctrl-C: the staging folder and the page worker go
    try:
        target, changes_line = build_site(config_file, site, report, site_dir, data_dir, strict, check_links)
    except PublishError as exc:
        _fail(exc.message(site.language))
    except BuildError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(render("site-write-failed", site.language, path=exc.filename or site_dir or "site",
                     reason=os_reason(exc)))
    click.echo(say("built", site.language, site=target, projects=len(report.projects),
                    clusters=len(report.clusters), years=len(report.years)))
    click.echo(changes_line if changes_line is not None else summary_line(period_changes(report), Formatter.of(report)))


def _terminate(signum, frame):
    raise SystemExit(128 + signum)


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


@main.command()
@CONFIG_OPTION
@DATA_OPTION
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(config_file: Path, data_dir: Path | None, dev_addr: str) -> None:
    """Preview the site; pages reload when a page or a data file changes."""
    import signal

    from .engines.mkdocs.commands import serve as serve_site

    _gather(config_file, data_dir, strict=False, warnings=False)  # the plugin's first build prints them

    def stop(signum, frame):  # as Ctrl-C does: MkDocs then removes its temporary site folder
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    serve_site(config_file, data_dir, dev_addr)


@main.command()
@CONFIG_OPTION
@DATA_OPTION
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="An empty folder for the MkDocs project.")
def generate(config_file: Path, data_dir: Path | None, out_dir: Path) -> None:
    """Write a self-contained MkDocs project (no progress plugin needed) that builds the same site."""
    from .engines.mkdocs.export import export_project
    from .engines.mkdocs.search import SEARCH_FIELDS, SEARCH_SEPARATOR
    from .writing.output import generate as generate_output

    if out_dir.exists() and any(out_dir.iterdir()):
        raise click.UsageError(f"{out_dir} is not empty")
    site, report = _gather(config_file, data_dir, strict=False)
    raw = read_mkdocs_yml(config_file)
    from .bulletin.make import BulletinError

    try:
        output = generate_output(report, site, raw.get("site_name", ""), site_url=raw.get("site_url"))
    except BulletinError as exc:
        for p in exc.problems:
            click.echo(_line(p, site.language), err=True)
        sys.exit(1)
    for p in output.problems:
        click.echo(_line(p, site.language), err=True)
    engine = site.config.search_engine(len(report.projects))
    written = export_project(config_file, report, output, out_dir, raw.get("copyright"),
                             SEARCH_SEPARATOR, SEARCH_FIELDS, engine)
    click.echo(say("exported", site.language, count=len(written), folder=out_dir))
    if engine == "pagefind":  # indexed by a MkDocs hook, which Zensical does not run
        click.echo(say("exported-pagefind", site.language, site=out_dir / raw.get("site_dir", "site")))


@main.command()
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def index(site_dir: Path) -> None:
    """Index a built site for Pagefind search, as `build` does with search: pagefind (for a site Zensical
    built from the `generate` export; it runs no MkDocs hook)."""
    from .engines.mkdocs import pagefind

    home = site_dir / "index.html"
    said = re.search(r'<html[^>]*\slang="([a-z]+)', home.read_text(encoding="utf-8", errors="replace")) \
        if home.is_file() else None
    language = said[1] if said and said[1] in LANGUAGES else LANGUAGES[0]  # the site's, as its pages say
    if not any(site_dir.rglob("*.html")):
        _fail(say("index-no-pages", language, folder=site_dir))
    try:
        pagefind.index_site(str(site_dir))
    except (RuntimeError, OSError) as exc:
        _fail(str(exc))
    click.echo(say("indexed", language, folder=site_dir / pagefind.BUNDLE))


@main.command()
@CONFIG_OPTION
@DATA_OPTION
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The folder to write the bulletin into.")
@click.option("--period", help="An earlier reporting period as the data writes it (2024-09, 2024年三季度 …); default: the latest.")
@click.option("--cluster", help="Only this cluster (its id or name).")
@click.option("--department", help="Only the projects of this 责任单位 (as the data writes it).")
@click.option("--place", help="Only the projects of this area (县区, as the data writes it).")
@click.option("--format", "formats", type=click.Choice(["pdf", "docx"]), multiple=True,
              help="pdf or docx (repeat for both; default: the site's bulletin.formats).")
def bulletin(config_file: Path, data_dir: Path | None, out_dir: Path, period: str | None, cluster: str | None,
             department: str | None, place: str | None, formats: tuple[str, ...]) -> None:
    """Write the bulletin (通报) of the latest period, or of --period, as an A4 PDF and a Word copy."""
    from .bulletin.make import BulletinError, plan, write
    from .bulletin.scope import Scope, ScopeError

    site, report = _gather(config_file, data_dir, strict=False)
    try:
        checked = plan(report, site, Scope(period, cluster, department, place), formats or None)
    except ScopeError as exc:
        _fail(str(exc))
    except BulletinError as exc:
        for p in exc.problems:
            click.echo(_line(p, site.language), err=True)
        sys.exit(1)
    for p in checked.problems:
        click.echo(_line(p, site.language), err=True)
    if not checked.formats:
        _fail(say("bulletin-nothing", site.language))
    for path in write(report, checked, out_dir):
        click.echo(path)


LANGUAGE_OPTION = click.option("--language", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True,
                               help="The language of what the command says.")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The site's name.  [default: 重点项目建设进展, in English Key projects' progress]")
@click.option("--language", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True,
              help="The site's language (its pages, settings, example data) and what the command says.")
def new(folder: Path, name: str | None, language: str) -> None:
    """Create a ready site in FOLDER: mkdocs.yml, docs/, example data/, a README, CI files and, in wheels/,
    this progress-site for the CI to install."""
    from .starter.scaffold import scaffold

    if folder.exists() and any(folder.iterdir()):
        raise click.UsageError(f"{folder} is not empty")
    written = scaffold(folder, name or say("new-site-name", language), language)
    click.echo(say("new-made", language, folder=folder, count=len(written)))
    shipped = any(p.suffix == ".whl" for p in written)
    click.echo(say("new-wheel" if shipped else "new-no-wheel", language, version=__version__), err=not shipped)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@LANGUAGE_OPTION
def wheel(folder: Path, language: str) -> None:
    """Write this progress-site's own wheel into FOLDER (a site's wheels/, to upgrade the version its CI installs)."""
    from .distribution.ownwheel import NotInstalled, write_own_wheel

    try:
        path = write_own_wheel(folder)
    except NotInstalled as exc:
        _fail(say("not-installed", language, detail=exc))
    click.echo(say("wheel-made", language, path=path))


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--python", "python_version", metavar="X.Y",
              help="The Python version of the machine to install on (default: this one's).")
@click.option("--platform", metavar="NAME",
              help="windows, linux, linux-arm64, macos, or a pip platform tag such as win32 (default: this machine's).")
@LANGUAGE_OPTION
def wheelhouse(folder: Path, python_version: str | None, platform: str | None, language: str) -> None:
    """Write into FOLDER every wheel progress-site needs, for a machine without internet: it then installs with
    pip install --no-index --find-links FOLDER progress-site."""
    from .distribution.ownwheel import NotInstalled
    from .distribution.wheelhouse import Target, WheelhouseError, make_wheelhouse

    try:
        made = make_wheelhouse(folder, Target.of(python_version, platform))
    except NotInstalled as exc:
        _fail(say("not-installed", language, detail=exc))
    except WheelhouseError as exc:
        _fail(say(exc.code, language, **exc.params))
    click.echo(say("wheelhouse-made", language, folder=folder, count=len(made.wheels),
                   megabytes=f"{made.megabytes:.0f}", target=made.target.label, install=made.install))


@main.command()
@click.option("--language", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True,
              help="The dictionary's language.")
def dictionary(language: str) -> None:
    """Print the data dictionary (Markdown), rendered from the schema."""
    from .rendering.dictionary import data_dictionary

    click.echo(data_dictionary(language), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
