"""The government site's marks and the reading aids in the project ``generate --out`` writes, for an engine that
runs no page hook (Zensical): a theme template (``templates/progress-site.html``) prints them, from the settings
:func:`site_settings` makes (``extra.progress_site``) and each page's own meta tags, which :func:`with_page_head`
writes into its front matter. The tags and the footer are the ones the page hook adds (``pagehooks``), so the
site reads the same whichever engine builds it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path
from urllib.parse import quote

import markdown
import yaml
from markupsafe import Markup

from ...rendering.markup import yaml_value
from .pagehooks import inert, page_tags

TEMPLATE = "progress-site.html"
_SOURCE = Path(__file__).parent / "templates" / TEMPLATE
_FRONT = re.compile(r"\A---\n(.*?)\n---\n?", re.S)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")  # a heading's attr_list: {#id .class}
_ROOTED = re.compile(r'%%ROOT%%([^"]*)')
_EXTENDS_BASE = re.compile(r"""\{%-?\s*extends\s+["']base\.html["']\s*-?%\}""")


def update_date(identity: dict) -> str:
    """The pages' update date: the data's as-of date, or the day SOURCE_DATE_EPOCH names (what MkDocs dates
    pages by when it is set)."""
    if identity.get("updated"):
        return identity["updated"]
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date().isoformat()


def site_settings(identity: dict, feed: dict | None, not_found_title: str, site_description: str | None) -> dict:
    """``extra.progress_site``: the site's own meta tags, the footer (its date filled in), the reading aids, the
    feed's link, and the 404 page's meta tags."""
    updated = update_date(identity)
    return {"tags": [[name, inert(str(value))] for name, value in identity["tags"]],
            "footer": _footer_parts(identity["footer"].replace("%%UPDATED%%", html.escape(updated))),
            "reading": identity.get("reading"), "feed": feed,
            "not_found": _tags(identity, None, not_found_title, {}, site_description)}


def _footer_parts(footer: str) -> list[list[str]]:
    """The footer as ``[html, path]`` pairs: each site path (what followed ``%%ROOT%%``) for the theme's ``url``
    filter, which makes it relative to the page (absolute on the 404 page, served at any address)."""
    pieces = _ROOTED.split(footer)  # text, path, text, path, ..., text
    # percent-encoded, a path holds nothing HTML would read (the filter's result is printed as it is in Jinja)
    return [[text, quote(html.unescape(path), safe="/")] for text, path in zip(pieces[::2], [*pieces[1::2], ""])]


def _tags(identity: dict, url: str | None, title: str, meta: dict, site_description: str | None) -> list[list[str]]:
    tags = page_tags(identity, url, title, meta, update_date(identity))
    own_description = meta.get("description") or site_description  # the theme prints that one itself
    return [[name, inert(str(value))] for name, value in tags if not (name == "Description" and own_description)]


def page_url(rel: str) -> str:
    """The address MkDocs gives a Markdown page in ``docs/`` (``projects/a.md`` -> ``projects/a/``)."""
    stem = rel[:-3] if rel.endswith(".md") else rel
    if stem == "index":
        return ""
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def headline(body: str) -> str | None:
    """A page's first heading, as the reader sees it (its Markdown and HTML turned into text)."""
    fenced = False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (found := _H1.fullmatch(line)):
            text = _ATTRIBUTES.sub("", found[1])
            return html.unescape(Markup(markdown.markdown(text)).striptags()) or None
    return None


def with_page_head(text: str, rel: str, identity: dict, site_description: str | None) -> str:
    """A Markdown page with its own meta tags in its front matter (``progress_head``)."""
    front = _FRONT.match(text)
    try:
        meta = yaml.safe_load(front[1]) if front else {}
    except yaml.YAMLError:  # what MkDocs does with front matter it cannot read: no meta
        meta = {}
    meta = meta if isinstance(meta, dict) else {}
    body = text[front.end():] if front else text
    title = headline(body) or (str(meta["title"]) if meta.get("title") else None) or identity["site_name"]
    line = "progress_head: " + yaml_value(_tags(identity, page_url(rel), title, meta, site_description))
    if front:
        return f"---\n{front[1]}\n{line}\n---\n" + body
    return f"---\n{line}\n---\n\n" + text


def templates(custom: dict[str, bytes]) -> dict[str, str]:
    """The theme files the marks need, given the site's own (``custom``: its custom_dir's files by path): the
    template itself, and a ``main.html`` that extends it (the site's own, if it has one, made to extend it
    instead of the theme's base)."""
    files = {TEMPLATE: _SOURCE.read_text(encoding="utf-8")}
    own = custom.get("main.html")
    if own is None:
        files["main.html"] = f'{{% extends "{TEMPLATE}" %}}\n'
    else:
        files["main.html"] = _EXTENDS_BASE.sub(f'{{% extends "{TEMPLATE}" %}}', own.decode("utf-8"), count=1)
    return files
