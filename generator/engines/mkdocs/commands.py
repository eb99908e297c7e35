"""Building and previewing a site with MkDocs, for the ``progress-site`` command.

The command reads and checks the data first (nothing is written before that); these functions hand the
checked report to the plugin and let MkDocs render it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ...model.report import Report
from ...settings.config import DATA_ENV, PLUGIN_NAME, Site
from ...writing.place import publishing


class BuildError(Exception):
    """MkDocs refused or failed the build; the message is MkDocs' own."""


def _logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def _data_folder(data_dir: Path | None) -> None:
    if data_dir is not None:  # the plugin reads it from there (it has no other way in from the command)
        os.environ[DATA_ENV] = str(data_dir.resolve())


def build(config_file: Path, site: Site, report: Report, site_dir: Path | None, data_dir: Path | None,
          strict: bool, after) -> tuple[Path, str | None]:
    """Build the site of ``config_file`` from the checked ``report`` into ``site_dir`` (default: the
    config's), put in place only when complete; ``after(staging)`` runs on the finished site before it is.
    Returns where the site is and the build log's line of what the publication changes (None when the site
    does not use the plugin). Raises :class:`BuildError`, :class:`~generator.writing.place.PublishError` or
    OSError."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _logging()
    _data_folder(data_dir)
    try:
        config = load_config(config_file=str(config_file), strict=strict)
    except MkDocsException as exc:
        raise BuildError(str(exc) or "build failed") from None
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is not None:
        plugin.gathered = (site, report)  # read and checked already: the plugin need not do it again
    target = Path(site_dir) if site_dir else Path(config.site_dir)
    sources = {"config file": config_file, "docs folder": Path(config.docs_dir), "data folder": site.data_dir}
    try:
        with publishing(target, sources) as staging:
            config.site_dir = str(staging)
            mkdocs_build(config)
            after(staging)
        output = getattr(plugin, "output", None)
        line = output.summary_line() if output is not None and output.summary_line is not None else None
    except MkDocsException as exc:
        raise BuildError(str(exc) or "build failed") from None
    finally:
        if getattr(plugin, "output", None) is not None:
            plugin.output.close()
    return target, line


def serve(config_file: Path, data_dir: Path | None, dev_addr: str) -> None:
    """Preview the site with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    _logging()
    _data_folder(data_dir)
    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)
