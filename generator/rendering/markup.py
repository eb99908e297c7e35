"""Put text from data into Markdown, HTML and inline JSON so that it shows literally and never runs."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

#: Every character that means something to Markdown, its extensions or HTML, as a numeric entity.
#: Entities are left alone by Markdown and shown as the character by the browser.
_LITERAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-.!|~=^:$@%/?"} | {"\t": " "})
_BREAKS = re.compile(r"\s*(?:\r\n|[\r\n\u2028\u2029\x0b\x0c\x85])\s*")


def md(text) -> str:
    """Text for Markdown (a paragraph, a heading, a table cell): shown literally, never parsed; its line breaks
    (a cell's Alt+Enter) kept as breaks, which a table cell allows where a Markdown line would end the row."""
    return "" if text is None else _BREAKS.sub("<br>", str(text).strip().translate(_LITERAL))


def show(value) -> Markup:
    """The one way a value reaches a Markdown page: markup this package made (:class:`Markup`) passes,
    numbers print, anything else (text from the data above all) is shown literally."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Markup(str(value))
    return Markup(md(value))


#: The scheme of an address that runs script (however its letters are spaced by what browsers drop).
_SCRIPTED = re.compile(r"(?i)((?:java|vb)script|data(?=[\t\n\r ]*:[\t\n\r ]*(?:text/html|application/|image/svg)))"
                       r"(?=[\t\n\r ]*:)")


def show_in_address(value) -> Markup:
    """:func:`show` for a value a page puts into an address or an attribute: text naming a scheme that runs
    script gets an invisible break in it, so that no engine (with or without a page hook) makes it live."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return show(_SCRIPTED.sub("\\1\u200b", value))
    return show(value)


def h(text) -> str:
    """Text for an HTML element or attribute."""
    return "" if text is None else html.escape(str(text), quote=True)


def json_script(data) -> str:
    """JSON to place inside <script type="application/json">: no ``</script>``, no ``<!--``, no U+2028."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


#: What YAML cannot hold in a document, or reads as a line break (PyYAML's reader rejects the first).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yaml_value(value) -> str:
    """A YAML flow value (front matter) that reads back as ``value`` (strings, numbers, lists, mappings),
    whatever characters its strings hold."""
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False))

