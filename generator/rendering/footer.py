"""The line at the foot of every page: the site's own copyright, the office, and the filing number."""

from __future__ import annotations

from ..settings.config import SiteConfig
from .markup import h


def site_footer(settings: SiteConfig, existing: str | None) -> str | None:
    """The footer's HTML: ``existing`` (the site's copyright), the office, and the filing number linked
    to the national filing system, as the rules ask sites to."""
    parts = [p for p in (existing, h(settings.office) if settings.office else None) if p]
    if settings.filing_number:
        parts.append(f'<a href="https://beian.miit.gov.cn/" rel="noopener">{h(settings.filing_number)}</a>')
    return " · ".join(parts) if parts else existing
