"""What every page's content goes through before the theme prints it, whichever way the site is built.

- No attribute can run script: a value that decodes to a ``javascript:`` or ``vbscript:`` address (or a scripted
  ``data:`` one), however its characters were escaped, becomes ``#``; ``srcdoc`` (a frame's whole document) is
  emptied. Text from the data that a hand-written page put into an attribute cannot become a live link.
- A page titled by its first heading (a hand-written page, perhaps with a figure from the data in it) gets that
  title escaped, as generated pages have theirs in their front matter: the theme prints a heading's title
  through ``striptags``, which unescapes it.

- Every page's head names the site's Atom feed of changes (``extra.progress_feed``), so a feed reader finds it.

The MkDocs plugin calls these; the file is also a MkDocs hook on its own (``hooks:`` in mkdocs.yml), which
``generate --out`` copies into the project it writes. It needs nothing but Python and MarkupSafe.
"""

from __future__ import annotations

import html as _html
import re

from markupsafe import Markup

#: An attribute inside a tag, with its value (quoted or not).
_ATTRIBUTE = re.compile(r"""(\s)([\w:.-]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
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


def feed_link(output: str, page, config) -> str:
    """The page with a ``<link rel="alternate">`` to the feed in its head (addressed from the page; from the
    site's root when its address is known, as a 404 page is served at any path)."""
    feed = (config.get("extra") or {}).get("progress_feed")
    if not feed or "</head>" not in output:
        return output
    site_url = config.get("site_url")
    if site_url:
        href = site_url.rstrip("/") + "/" + feed["path"]
    else:
        url = page.url or ""
        folder = url if url.endswith("/") or not url else url.rsplit("/", 1)[0] + "/" if "/" in url else ""
        href = "../" * folder.count("/") + feed["path"]
    tag = (f'<link rel="alternate" type="application/atom+xml" title="{_html.escape(feed["title"])}" '
           f'href="{_html.escape(href)}">')
    return output.replace("</head>", tag + "</head>", 1)


def on_post_page(output, page, config, **kwargs):  # as a MkDocs hook
    return feed_link(output, page, config)


def on_page_content(html, page, **kwargs):  # as a MkDocs hook
    escape_title(page)
    return defang(html)
