"""The ``progress-site`` command: a thin layer over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .config import ConfigError, load_site
from .loader import load_report
from .messages import word
from .problems import Problem, Severity

_SEVERITY = {("zh", Severity.ERROR): "错误", ("zh", Severity.WARNING): "警告",
             ("en", Severity.ERROR): "error", ("en", Severity.WARNING): "warning"}


def _default_config() -> Path | None:
    path = Path("mkdocs.yml")
    return path if path.is_file() else None


def _line(problem: Problem, language: str) -> str:
    where = problem.location()
    sep = "：" if language == "zh" else ": "
    text = f"{_SEVERITY[language, problem.severity]}{sep}{problem.message(language)}"
    return f"{where}: {text}" if where else text


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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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
    counts = None
    if loaded.report is not None:
        r = loaded.report
        counts = {"projects": len(r.projects), "clusters": len(r.clusters), "periods": len(r.periods)}
    _report(loaded.problems.sorted(), site.language, fmt, strict, counts)


def _report(problems: list[Problem], language: str, fmt: str, strict: bool, counts: dict | None) -> None:
    if strict:
        problems = [Problem(Severity.ERROR, p.code, p.file, p.row, p.column, p.value, p.params) for p in problems]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if fmt == "json":
        out = {"ok": errors == 0, "errors": errors, "warnings": warnings, "data": counts,
               "problems": [p.as_dict(language) for p in problems]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(_line(p, language))
        summary = word("summary", language, errors=errors, warnings=warnings)
        if errors == 0 and counts is not None:
            sep = "；" if language == "zh" else "; "
            summary = word("ok", language, **counts) + sep + summary
        click.echo(summary)
    sys.exit(1 if errors else 0)


@main.command()
@click.option("--language", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def dictionary(language: str) -> None:
    """Print the data dictionary (Markdown), rendered from the schema."""
    from .dictionary import data_dictionary

    click.echo(data_dictionary(language), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
