"""The MkDocs adapter: ``plugins: [progress]`` reads and checks the data folder on every build.

It stays small on purpose: everything it does is a call into the library.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .config import PLUGIN_NAME, ConfigError, Site, SiteConfig, site_language
from .loader import load_report

log = logging.getLogger(f"mkdocs.plugins.{PLUGIN_NAME}")


class ProgressPlugin(BasePlugin):
    """Settings are validated by :class:`SiteConfig` (one schema for plugin and CLI), not by MkDocs."""

    def load_config(self, options, config_file_path=None):
        self.options = dict(options or {})
        return [], []

    def on_config(self, config):
        theme_language = config["theme"]["language"] if "language" in config["theme"] else None
        language = site_language(self.options.get("language") or theme_language)
        try:
            settings = SiteConfig.from_mapping(self.options, language, prefix=f"plugins.{PLUGIN_NAME}.")
        except ConfigError as exc:
            raise PluginError("\n".join(exc.lines())) from None
        root = Path(config.config_file_path).resolve().parent
        self.site = Site(settings, root, root / settings.data_dir, settings.language or language)
        loaded = load_report(self.site)
        for problem in loaded.problems.warnings:
            log.warning(problem.format(self.site.language))
        if not loaded.ok:
            lines = [p.format(self.site.language) for p in loaded.problems.errors]
            raise PluginError("\n".join(lines))
        self.report = loaded.report
        return config

    def on_serve(self, server, config, builder):
        server.watch(str(self.site.data_dir))
        return server
