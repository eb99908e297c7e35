"""The Markdown extensions that pages with site photos need: ``attr_list`` (a thumbnail's width, height and lazy
loading) and ``md_in_html`` (Markdown inside the figures, so that the engine makes their addresses the built
page's own). A site that lists neither gets them.

The MkDocs plugin calls :func:`on_config` when the report has photos; the file is also a MkDocs hook on its own,
which ``generate --out`` copies into the project it writes. It needs nothing but Python.
"""

NEEDED = ("attr_list", "md_in_html")


def on_config(config, **kwargs):  # as a MkDocs hook
    listed = {str(name).rsplit(".", 1)[-1] for name in config.markdown_extensions}
    config.markdown_extensions.extend(name for name in NEEDED if name not in listed)
    return config
