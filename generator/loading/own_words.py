"""The office's own words for the bulletin (``bulletin.md`` in the data folder, or the file ``bulletin.text``
names), read as the tables are: its encoding detected the same way, within the size limit, inside the data
folder, and each line cleaned of invisible characters with a warning that names it."""

from __future__ import annotations

from ..contract.marks import InvalidValue, code_points, visible
from ..model.report import OwnWords
from ..reading.sources import decode
from .folder import file_bytes

DEFAULT_TEXT = "bulletin.md"


def load_own_words(loader) -> OwnWords | None:
    """The bulletin's own words, or None when there are none or they cannot be read (a problem says why)."""
    name = loader.config.bulletin.text
    path = loader.site.data_dir / (name or DEFAULT_TEXT)
    label = loader.label(path)
    if not path.is_file():
        if name:
            loader.log.add("bulletin-text-missing", file=name)
        return None
    data = file_bytes(loader, path, label, loader.config.limits.file_mb)
    if data is None:
        return None
    try:
        text, _ = decode(data, loader.config.encoding)
    except InvalidValue as exc:
        loader.log.add(exc.code, file=label, **exc.params)
        return None
    lines = []
    # only line feeds end a line here: str.splitlines would also split at U+001C–U+001E, U+0085 and U+2028,
    # moving every later line number away from the one an editor shows
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        kept, removed = visible(line)
        if removed:
            loader.log.add("text-invisible", file=label, row=number, chars="、".join(code_points(removed)))
        lines.append(kept)
    return OwnWords("\n".join(lines), label)
