"""Put text from data into Markdown, HTML and inline JSON so that it shows literally and never runs."""

from __future__ import annotations

import html
import json

#: Every character that means something to Markdown, its extensions or HTML, as a numeric entity.
#: Entities are left alone by Markdown and shown as the character by the browser.
_LITERAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-.!|~=^:$@%"} | {"\n": " ", "\r": " "})


def md(text) -> str:
    """Text for Markdown (a paragraph, a heading, a table cell): shown literally, never parsed."""
    return "" if text is None else str(text).translate(_LITERAL)


def h(text) -> str:
    """Text for an HTML element or attribute."""
    return "" if text is None else html.escape(str(text), quote=True)


def json_script(data) -> str:
    """JSON to place inside <script type="application/json">: no ``</script>``, no ``<!--``, no U+2028."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
