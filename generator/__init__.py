"""progress-site: public progress reports on key projects, from the spreadsheets offices keep.

The core is a pure pipeline (read -> check -> model -> pages); the MkDocs plugin and the
command line are thin adapters over it.
"""

from .loading.loader import Loaded, load_report
from .model.report import Report
from .settings.config import Site, SiteConfig, load_site

__version__ = "0.8.0"
__all__ = ["Loaded", "Report", "Site", "SiteConfig", "load_report", "load_site"]
