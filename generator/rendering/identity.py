"""The marks a government site carries (政府网站发展指引 and the filing rules): who runs it and how to reach them,
its filing numbers linked to where anyone can check them, the update date, and the meta tags that describe each
page to the government site platforms. Each mark is shown only when the settings give it; an English site gets
the same footer without the marks that exist only in China (网站标识码, ICP and 公网安备 numbers, 党政机关标识).

:func:`identity` makes what an engine needs: the footer's HTML, with ``%%ROOT%%`` for the way from a page to the
site's root and ``%%UPDATED%%`` for the page's date, and the site's meta tags with the column name per page kind."""

from __future__ import annotations

import datetime as dt
import os
import re
from urllib.parse import urlsplit

from ..model.report import Report
from ..settings.config import SiteConfig
from ..settings.identity import POLICE_NUMBER
from ..text.catalogue import filing_marks_apply, say
from .markup import h

MIIT = "https://beian.miit.gov.cn/"
MPS = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
#: The public security filing system's emblem, shipped with the site (nothing is loaded from its site).
POLICE_EMBLEM = "police-beian.png"
ROOT, UPDATED = "%%ROOT%%", "%%UPDATED%%"

#: The column (栏目) of a page by the first folder of its address; a hand-written page elsewhere uses its title.
_COLUMNS = {"": "home", "projects": "projects", "clusters": "clusters", "years": "years", "stages": "stages",
            "rankings": "rankings", "changes": "changes", "methodology": "methodology", "tags": "tags"}


def publication_date(report: Report) -> str:
    """The date pages carry (footer, PubDate, sitemap): the data's as-of date, not the clock; or the day the
    environment's SOURCE_DATE_EPOCH names, when it sets one (as MkDocs dates pages then)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return (report.as_of or report.newest_date or dt.date(1970, 1, 1)).isoformat()


def identity(settings: SiteConfig, language: str, site_name: str, site_url: str | None, assets: str,
             updated: str) -> dict:
    """The footer and meta tags of every page (JSON-ready; the update date and the page's own tags are always
    there). ``assets``: the docs-relative folder of the site's assets."""
    footer = footer_html(settings, language, assets)
    i = settings.identity
    chinese = filing_marks_apply(language)
    domain = i.domain or (urlsplit(site_url).hostname if site_url else None)
    tags = [("SiteName", site_name), ("SiteDomain", domain), ("SiteIDCode", i.site_code if chinese else None),
            ("ContentSource", organizer(settings) or i.operator)]
    return {"site_name": site_name, "footer": footer, "updated": updated,
            "tags": [[name, value] for name, value in tags if value],
            "columns": {folder: say(key, language) for folder, key in _COLUMNS.items()}}


def footer_html(settings: SiteConfig, language: str, assets: str) -> str:
    """The footer's lines: who runs the site, how to reach them, its filing marks, then the error-report link
    and the page's update date."""
    i, c, chinese = settings.identity, settings.identity.contact, filing_marks_apply(language)

    def t(key: str) -> str:
        return h(say(key, language))
    runs = [f"{t('identity-organizer')}{h(organizer(settings))}" if organizer(settings) else "",
            f"{t('identity-operator')}{h(i.operator)}" if i.operator else ""]
    reach = [f'{t("identity-phone")}<a href="tel:{h(_dial(c.phone))}">{h(c.phone)}</a>' if c.phone else "",
             f'{t("identity-email")}<a href="mailto:{h(c.email)}">{h(c.email)}</a>' if c.email else "",
             f"{t('identity-address')}{h(c.address)}" if c.address else ""]
    marks: list[str] = []
    if chinese:
        icp = i.icp or settings.filing_number
        marks = [f"{t('identity-site-code')}{h(i.site_code)}" if i.site_code else "",
                 f'<a href="{MIIT}" rel="noopener">{h(icp)}</a>' if icp else "",
                 (f'<a class="ps-identity__police" href="{h(MPS.format(code=police_code(i.police)))}" rel="noopener">'
                  f'<img src="{ROOT}{h(assets)}/{POLICE_EMBLEM}" alt="" width="20" height="20">{h(i.police)}</a>')
                 if i.police else ""]
    party = (f'<a class="ps-identity__party" href="{h(i.party_mark.url)}" rel="noopener">'
             f'<img src="{ROOT}{h(i.party_mark.image.lstrip("/"))}" alt="{t("identity-party-mark")}"></a>'
             if chinese and i.party_mark else "")
    last = [party, f'<a href="{h(i.error_report)}" rel="noopener">{t("identity-error-report")}</a>' if i.error_report else "",
            f'{t("identity-updated")}<time datetime="{UPDATED}">{UPDATED}</time>']
    lines = [[part for part in line if part] for line in (runs, reach, marks, last)]
    return ('<div class="ps-identity">' + "".join(
        '<p class="ps-identity__line">' + "".join(f'<span class="ps-identity__part">{p}</span>' for p in line) + "</p>"
        for line in lines if line) + "</div>")


def organizer(settings: SiteConfig) -> str | None:
    """主办单位: the setting, else the site's office."""
    return settings.identity.organizer or settings.office


def police_code(number: str) -> str:
    """The digits the public security filing site looks a number up by (浙公网安备33010602000001号 -> 3301…)."""
    found = POLICE_NUMBER.fullmatch(number.strip())  # the settings accept no other form
    return found[1] if found else ""


def _dial(phone: str) -> str:
    """The first number of a phone field (0571-8888 8888、8888 9999) as a tel: link dials it."""
    return re.sub(r"[^\d+]", "", re.split(r"[/、,，;；]", phone)[0])
