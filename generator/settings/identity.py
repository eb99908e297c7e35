"""Who runs a government site and its filing marks (政府网站发展指引 and the filing rules), as settings."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field

from ..text.catalogue import say
from .base import Settings

#: As the filings are issued, after the province's short name: 浙ICP备05070218号-1 (or an ICP 许可证 number),
#: 浙公网安备33010602000001号, whose 14 digits (the group) its filing site looks it up by.
ICP_NUMBER = re.compile(r"\S{1,2}ICP[备证]\d+号(?:-\d+)?")
POLICE_NUMBER = re.compile(r"\S{1,2}公网安备\s?(\d{14})号")
SITE_CODE = re.compile(r"[A-Za-z0-9]{10}")
DOMAIN = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::\d+)?")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


class ContactSettings(Settings):
    """How the public reaches the office that runs the site."""

    phone: str | None = Field(None, description="telephone", json_schema_extra={"zh": "联系电话"})
    email: str | None = Field(None, description="e-mail address", json_schema_extra={"zh": "电子邮箱"})
    address: str | None = Field(None, description="postal address", json_schema_extra={"zh": "通信地址"})


class PartyMarkSettings(Settings):
    """The 党政机关 identity mark the office was issued: its image and where it links."""

    image: str = Field(description="the mark's image: a file in docs/ (e.g. images/dzjg.png)", json_schema_extra={"zh": "标识图片：docs/ 中的文件（如 images/dzjg.png）"})
    url: str = Field(description="the address the mark links to, as issued with it", json_schema_extra={"zh": "标识链接的地址（随标识下发）"})


class IdentitySettings(Settings):
    """Who runs the site and its filing marks (政府网站发展指引 and the filing rules), each shown only when set."""

    organizer: str | None = Field(None, description="主办单位, the office the site belongs to; default: office", json_schema_extra={"zh": "主办单位；默认取 office"})
    operator: str | None = Field(None, description="承办单位, the office that runs it", json_schema_extra={"zh": "承办单位"})
    contact: ContactSettings = Field(default_factory=ContactSettings, description="phone, email, address", json_schema_extra={"zh": "联系方式：phone（电话）、email（邮箱）、address（地址）"})
    site_code: str | None = Field(None, description="网站标识码, the 10-character code of a government site", json_schema_extra={"zh": "网站标识码（10 位）"})
    domain: str | None = Field(None, description="the site's domain, for the SiteDomain tag; default: the host of site_url", json_schema_extra={"zh": "网站域名（SiteDomain 标签）；默认取 site_url 的主机名"})
    icp: str | None = Field(None, description="ICP 备案号, linked to the MIIT filing site; default: filing_number", json_schema_extra={"zh": "ICP 备案号，链接到工信部备案网站；默认取 filing_number"})
    police: str | None = Field(None, description="公网安备 number as issued (浙公网安备33010602000001号), shown with its emblem and linked to the public security filing site", json_schema_extra={"zh": "公网安备案号（如 浙公网安备33010602000001号），带图标，链接到公安备案网站"})
    party_mark: PartyMarkSettings | None = Field(None, description="党政机关标识: image and url", json_schema_extra={"zh": "党政机关标识：image（图片）、url（链接）"})
    error_report: str | None = Field(None, description="the error-report page the office was given (我为政府网站找错), linked; never a script from outside", json_schema_extra={"zh": "网站纠错页面（我为政府网站找错）的地址，只作为链接，不加载外部脚本"})


def identity_problems(i: IdentitySettings, language: str):
    """Each identity setting that is not as issued or as expected: (key, reason)."""
    if i.site_code is not None and not SITE_CODE.fullmatch(i.site_code):
        yield "identity.site_code", say("reason-site-code", language, value=i.site_code)
    if i.police is not None and not POLICE_NUMBER.fullmatch(i.police.strip()):
        yield "identity.police", say("reason-police-number", language, value=i.police)
    if i.icp is not None and not ICP_NUMBER.fullmatch(i.icp.strip()):
        yield "identity.icp", say("reason-icp-number", language, value=i.icp)
    if i.domain is not None and not DOMAIN.fullmatch(i.domain):
        yield "identity.domain", say("reason-domain", language, value=i.domain)
    image = i.party_mark.image if i.party_mark else None
    if image is not None and (re.match(r"[a-z][a-z0-9+.-]*:|//", image, re.I) or ".." in Path(image).parts
                              or not image.lower().endswith(IMAGE_SUFFIXES)):
        yield "identity.party_mark.image", say("reason-docs-image", language, value=image,
                                               suffixes="、".join(IMAGE_SUFFIXES))
    if i.contact.email is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", i.contact.email):
        yield "identity.contact.email", say("reason-email", language, value=i.contact.email)
    addresses = {"identity.error_report": i.error_report, "identity.party_mark.url": i.party_mark and i.party_mark.url}
    for key, value in addresses.items():
        if value is not None and not re.match(r"https?://[^\s/]+", value):
            yield key, say("reason-web-address", language, value=value)
