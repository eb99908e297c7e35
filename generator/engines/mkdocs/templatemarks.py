"""The government site's marks and the reading aids in the project ``generate --out`` writes, for an engine that
runs no page hook (Zensical): a theme template (``templates/progress-site.html``) prints them, from the settings
:func:`site_settings` makes (``extra.progress_site``) and each page's own meta tags, which :func:`with_page_head`
writes into its front matter. The tags and the footer are the ones the page hook adds (``pagehooks``), so the
site reads the same whichever engine builds it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

import markdown
import yaml
from markupsafe import Markup

from ...rendering.markup import yaml_value
from .pagehooks import inert, page_tags

TEMPLATE = "progress-site.html"
#: Where a site's own main.html goes: the marks' template extends it, and the new main.html the template.
SITE_MAIN = "progress-site-main.html"
_SOURCE = Path(__file__).parent / "templates" / TEMPLATE
_ATX = re.compile(r"#(?!#)[ \t]*(.+?)(?:[ \t]+#+)?[ \t]*")  # "# Title", "#Title", "# Title #"
_SETEXT = re.compile(r"=+[ \t]*")  # the line under a "Title" that makes it a heading
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")  # a heading's attr_list: {#id .class}
_MARKUP = re.compile(r"[\\`*_\[\]<>&!~^=|:{}]")  # what Markdown could make something of (else: the text)
_ROOTED = re.compile(r'%%ROOT%%([^"]*)')
#: Front matter as MkDocs reads it (mkdocs.utils.meta, which the export does not import: it runs without MkDocs),
#: and its other kind of meta data, MultiMarkdown's "Key: value" lines (a longer value on indented lines).
YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # reads what MkDocs' SafeLoader reads, faster


def site_settings(identity: dict, feed: dict | None, not_found_title: str, site_description: str | None,
                  home_title: str | None) -> dict:
    """``extra.progress_site``: the site's own meta tags, the footer (its date filled in), the reading aids, the
    feed's link, the 404 page's meta tags, and whether the home page's title (``home_title``, as its front matter
    writes it) is the site's name, which the theme would then print twice."""
    shown = Markup(str(home_title)).striptags() if home_title is not None else None
    return {"home_is_named": shown == identity["site_name"], "tags": [[name, inert(str(value))] for name, value in identity["tags"]],
            "footer": _footer_parts(identity["footer"].replace("%%UPDATED%%", html.escape(identity["updated"]))),
            "reading": identity.get("reading"), "feed": feed,
            "not_found": _tags(identity, None, not_found_title, {}, site_description)}


def read_front(text: str) -> tuple[re.Match | None, dict, str]:
    """A page's YAML front matter as MkDocs reads it: the block (None when there is none MkDocs can read), its
    meta data and the text after it. Without a block, MultiMarkdown's lines are the meta data; a block MkDocs
    cannot read is text, as MkDocs shows it."""
    front = YAML_RE.match(text)
    try:
        meta = yaml.load(front[1], Loader=_LOADER) if front else None
    except yaml.YAMLError:
        meta = None
    if isinstance(meta, dict):
        return front, meta, text[front.end():]
    body, meta = multimarkdown_meta(text) if not front else (text, {})
    return None, meta, body


def front_title(text: str) -> str | None:
    """The title a page's front matter gives it, as written."""
    title = read_front(text)[1].get("title")
    return None if title is None else str(title)


def multimarkdown_meta(text: str) -> tuple[str, dict]:
    """A page's MultiMarkdown meta data (lines of ``Key: value`` up to the first blank one) and the text after
    it, as MkDocs reads them; no such lines: the text as it is and no meta data."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, str] = {}
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if found := _META.match(line):
            key = found["key"].lower().strip()
            data[key] = f"{data[key]} {found['value'].strip()}" if key in data else found["value"].strip()
        elif (more := _META_MORE.match(line)) and key:
            data[key] += f" {more['value'].strip()}"
        else:
            lines.insert(0, line)
            break
    return ("\n".join(lines).lstrip("\n"), data) if data else (text, {})


def _footer_parts(footer: str) -> list[list[str]]:
    """The footer as ``[html, path]`` pairs: each site path (what followed ``%%ROOT%%``) for the theme's ``url``
    filter, which makes it relative to the page (absolute on the 404 page, served at any address)."""
    pieces = _ROOTED.split(footer)  # text, path, text, path, ..., text
    # percent-encoded where HTML would read a character (the filter's result is printed as it is in Jinja)
    return [[text, quote(html.unescape(path), safe="/%:@!$()*+,;=~")]
            for text, path in zip(pieces[::2], [*pieces[1::2], ""])]


def _tags(identity: dict, url: str | None, title: str, meta: dict, site_description: str | None) -> list[list[str]]:
    tags = page_tags(identity, url, title, meta, identity["updated"])
    own_description = meta.get("description") or site_description  # the theme prints that one itself
    return [[name, inert(str(value))] for name, value in tags if not (name == "Description" and own_description)]


def page_url(rel: str) -> str:
    """The address MkDocs gives a Markdown page in ``docs/`` (``projects/a.md`` -> ``projects/a/``)."""
    stem = rel[:-3] if rel.endswith(".md") else rel
    if stem == "index":
        return ""
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def headline(body: str) -> str | None:
    """A page's first level-one heading (``# Title`` or a title underlined with ``=``), as the reader sees it:
    its Markdown and HTML turned into text."""
    fenced, previous = False, ""
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced, previous = not fenced, ""
            continue
        if fenced:
            continue
        found = _ATX.fullmatch(line)
        text = found[1] if found else previous.strip() if previous.strip() and _SETEXT.fullmatch(line) else None
        if text:
            text = _ATTRIBUTES.sub("", text)
            return (Markup(markdown.markdown(text)).striptags() if _MARKUP.search(text) else text.strip()) or None
        previous = line
    return None


def _file_title(rel: str) -> str:
    """The title MkDocs gives a page without one: its file's (or, for an index, its folder's) name."""
    parts = rel[:-3].split("/") if rel.endswith(".md") else rel.split("/")
    name = parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]
    name = name.replace("-", " ").replace("_", " ")
    return name[:1].upper() + name[1:] if name.lower() == name else name


def with_page_head(text: str, rel: str, identity: dict, site_description: str | None) -> str:
    """A Markdown page with its own meta tags in its front matter (``progress_head``), the rest of its front
    matter meaning what it meant."""
    front, meta, body = read_front(text)
    title = headline(body) or (Markup(str(meta["title"])).striptags() if meta.get("title") else None) \
        or _file_title(rel)
    line = "progress_head: " + yaml_value(_tags(identity, page_url(rel), title, meta, site_description))
    if front and not front[1].lstrip().startswith("{"):  # a block mapping: one more line keeps it one
        return f"---\n{front[1]}{line}\n---\n" + body
    kept = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    return f"---\n{kept}{line}\n---\n\n" + body.lstrip("\n")


def templates(custom: dict[str, bytes]) -> dict[str, str]:
    """The theme files the marks need, given the site's own (``custom``: its custom_dir's files by path): the
    template, and a ``main.html`` that extends it. A site's own main.html is kept as :data:`SITE_MAIN`, which
    the template extends, so that its blocks stay and the marks come on top of them."""
    source = _SOURCE.read_text(encoding="utf-8")
    files = {"main.html": f'{{% extends "{TEMPLATE}" %}}\n'}
    if "main.html" in custom:
        files[SITE_MAIN] = custom["main.html"].decode("utf-8")
        source = source.replace('{% extends "base.html" %}', f'{{% extends "{SITE_MAIN}" %}}', 1)
    files[TEMPLATE] = source
    return files
