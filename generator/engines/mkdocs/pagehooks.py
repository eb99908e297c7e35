"""What every page's content goes through before the theme prints it, whichever way the site is built.

- No attribute can run script: a value that decodes to a ``javascript:`` or ``vbscript:`` address (or a scripted
  ``data:`` one), however its characters were escaped, becomes ``#``; ``srcdoc`` (a frame's whole document) is
  emptied. Text from the data that a hand-written page put into an attribute cannot become a live link.
- A page titled by its first heading (a hand-written page, perhaps with a figure from the data in it) gets that
  title escaped, as generated pages have theirs in their front matter: the theme prints a heading's title
  through ``striptags``, which unescapes it.

- Every page's head names the site's Atom feed of changes (``extra.progress_feed``), so a feed reader finds it;
  as ``rel="alternate feed"``, which the theme does not take for another language's copy of the site (for each
  plain ``rel="alternate"`` it downloads the sitemap beside the link).
- The government site's meta tags, identity footer and reading aids on every page, the 404 page included.
- The home page's title is the site's name once, not twice.

The MkDocs plugin calls these; the file is also a MkDocs hook on its own (``hooks:`` in mkdocs.yml), which
``generate --out`` copies into the project it writes. There the feed, the marks and the reading aids are printed
by a theme template instead (``templatemarks``), so that Zensical, which runs no hook, shows them too; the hook
leaves them alone there. It needs nothing but Python and MarkupSafe.
"""

from __future__ import annotations

import html as _html
import re
from urllib.parse import urlsplit

from markupsafe import Markup

#: An attribute inside a tag, with its value (quoted or not).
_ATTRIBUTE = re.compile(r"""(\s)([\w:.-]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_H1 = re.compile(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\".*?</a>)?</h1>", re.S)
_SCRIPTED = re.compile(r"(?:java|vb)script:|data:(?:text/html|application/|image/svg)")


def defang(content: str) -> str:
    """Page content in which no attribute can run script (see the module's docstring)."""
    if ":" not in content and "&" not in content and "srcdoc" not in content:
        return content

    def attribute(m):
        name = m[2].lower()
        value = m[4] if m[4] is not None else m[5] if m[5] is not None else m[6]
        if name == "srcdoc":
            return f'{m[1]}{m[2]}=""'
        plain = re.sub(r"[\x00-\x20\x7f]+", "", _html.unescape(value)).lower()
        return f'{m[1]}{m[2]}="#"' if _SCRIPTED.search(plain) else m[0]

    return _TAG.sub(lambda tag: _ATTRIBUTE.sub(attribute, tag[0]), content)


def escape_title(page) -> None:
    """Give a page titled by its first heading that title escaped, when escaping changes it."""
    if page.meta.get("title") is None and page.title:
        shown = Markup(page.title).striptags()  # what the theme would print, unescaped
        if shown != page.title or any(c in shown for c in "<>&\"'"):
            page.meta["title"] = _html.escape(shown)


def _root(page, config) -> str:
    """The way from the page to the site's root: ``../`` per folder, so that a copy of the site anywhere (a
    preview, an intranet mirror) uses its own files; for the 404 page (``page`` None), served at any path, the
    root's path on the site's address (``/`` without one)."""
    if page is None:
        return urlsplit(config.get("site_url") or "/").path.rstrip("/") + "/"
    url = page.url or ""
    folder = url if url.endswith("/") or not url else url.rsplit("/", 1)[0] + "/" if "/" in url else ""
    return "../" * folder.count("/")


def feed_link(output: str, page, config) -> str:
    """The page with a ``<link rel="alternate">`` to the feed in its head."""
    feed = (config.get("extra") or {}).get("progress_feed")
    if not feed or "</head>" not in output:
        return output
    tag = (f'<link rel="alternate feed" type="application/atom+xml" title="{_html.escape(feed["title"])}" '
           f'href="{_html.escape(_root(page, config) + feed["path"])}">')
    return output.replace("</head>", tag + "</head>", 1)


def identity_marks(output: str, page, config) -> str:
    """The page with the government site's meta tags in its head (SiteName, SiteDomain, SiteIDCode, ColumnName
    by the page's kind, ArticleTitle, PubDate, ContentSource, Keywords, Description; from
    ``extra.progress_identity``, each only with a value, none the theme already wrote) and the identity footer
    (主办单位, contact, filing marks, the update date) above the theme's copyright line; and the reading aids
    (``reading``: a script for the head, the buttons above the header; see generator/rendering/reading.py)."""
    identity = (config.get("extra") or {}).get("progress_identity")
    if not identity or "</head>" not in output:
        return output
    updated = identity["updated"]
    heading = _H1.search(output)  # the page's headline; the navigation's title is shorter (首页 for the home page)
    title = Markup(heading[1] if heading else getattr(page, "title", None) or identity["site_name"]).striptags()
    url = (page.url or "") if page is not None else None  # None: the 404 page
    tags = [*identity["tags"], *page_tags(identity, url, title, page.meta if page is not None else {}, updated)]
    head, rest = output.split("</head>", 1)
    present = {m.lower() for m in re.findall(r'<meta\s+name="([^"]+)"', head)}
    head += "".join(f'<meta name="{_html.escape(n)}" content="{_html.escape(inert(str(v)))}">' for n, v in tags
                    if n.lower() not in present)
    # the placeholders rendering.identity leaves (this file imports nothing from the library)
    footer = identity["footer"].replace("%%ROOT%%", _html.escape(_root(page, config))).replace(
        "%%UPDATED%%", _html.escape(updated))
    marker = '<div class="md-copyright">'
    rest = rest.replace(marker, footer + marker, 1) if marker in rest else rest.replace("</body>", footer + "</body>", 1)
    reading = identity.get("reading")
    if reading:  # the reading aids: their script in the head, their buttons above the header
        head += reading["head"]
        marker = '<header class="md-header'
        rest = rest.replace(marker, reading["bar"] + marker, 1) if marker in rest else re.sub(
            r"(<body[^>]*>)", lambda m: m[1] + reading["bar"], rest, count=1)
    return head + "</head>" + rest


def page_tags(identity: dict, url: str | None, title: str, meta: dict, updated: str) -> list[tuple[str, str]]:
    """A page's own meta tags, each with a value: ColumnName by the first folder of its address (``url``: the
    engine's page URL, ``""`` for the home page, None for the 404 page), ArticleTitle (its headline), PubDate,
    Keywords (its tags and the site's name), Description (its own, else its headline)."""
    folder = url.split("/", 1)[0] if url and "/" in url else ""
    column = identity["columns"][""] if url == "" else identity["columns"].get(folder, title)
    keywords = [Markup(str(t)).striptags() for t in (meta.get("tags") or [])] + [identity["site_name"]]  # as shown
    tags = [("ColumnName", column), ("ArticleTitle", title), ("PubDate", updated),
            ("Keywords", ",".join(k for k in keywords if k)),
            ("Description", meta.get("description") or title)]  # the theme's, from site_description, wins
    return [(name, value) for name, value in tags if value]


def inert(value: str) -> str:
    """A meta tag's text from the data that no reader can take for a script address (its colons made full-width)."""
    plain = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    return value.replace(":", "\uff1a") if _SCRIPTED.search(plain) else value


def home_title(page, config) -> None:
    """Leave the home page no title of its own when it is the site's name: the theme prints a page's own title
    followed by the site's name (``<title>X - X</title>``), and the site's name alone for a home page without."""
    title = page.meta.get("title")
    if page.is_homepage and title is not None and _html.unescape(str(title)) == config.get("site_name"):
        del page.meta["title"]


def on_post_page(output, page, config, **kwargs):  # as a MkDocs hook
    return identity_marks(feed_link(output, page, config), page, config)


def on_post_template(output_content, template_name, config, **kwargs):  # as a MkDocs hook
    """The 404 page (a template the theme renders on its own, with no page) with the feed and the identity marks."""
    if template_name != "404.html":
        return output_content
    return identity_marks(feed_link(output_content, None, config), None, config)


def on_page_content(html, page, config, **kwargs):  # as a MkDocs hook
    escape_title(page)
    home_title(page, config)
    return defang(html)
