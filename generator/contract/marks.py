"""Cells that hold no figure: withheld (xx), to be determined (待定), not reported (empty)."""

from __future__ import annotations

import fnmatch
import functools
import re
import unicodedata
from enum import Enum


class Missing(str, Enum):
    WITHHELD = "withheld"  # 未公开: redacted on purpose; never 0, never NaN
    TBD = "tbd"  # 待定: not decided yet
    NOT_APPLICABLE = "not_applicable"  # 不适用 (/): the figure does not exist for this row; sums are not partial for it
    NOT_REPORTED = "not_reported"  # empty cell: shown as —


class InvalidValue(ValueError):
    """A cell that cannot be read as its column's kind; ``code`` names the message."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


#: The words that mean each kind of missing value, by default (a site's ``missing`` setting replaces a kind's
#: list); ``*`` and ``?`` make a pattern (``Exempt under*``). A cell of redaction marks only (xx, ***) is withheld.
DEFAULT_MISSING: dict[str, tuple[str, ...]] = {
    "withheld": ("保密", "未公开", "不公开", "涉密", "商业秘密", "Exempt*", "Withheld", "Redacted", "Confidential"),
    "tbd": ("待定", "未定", "待确定", "暂定", "TBD", "TBC"),
    "not_applicable": ("/", "／", "不适用", "N/A", "NA", "n.a.", "Not applicable"),
    "not_reported": ("-", "—", "——", "–", "无", "暂无", "未填报", "Not reported"),
}
WITHHELD_WORDS = frozenset(w for w in DEFAULT_MISSING["withheld"] if "*" not in w)
REDACTION_CHARS = "xX×*＊"
_ONLY_REDACTION = re.compile(r"^[xX×*]+$")
#: A missing word (or pattern) that a plain number could be, such as ``0`` or ``9999*``.
_NUMBER_LIKE = re.compile(r"[+\-.]*[\d*?][\d*?+\-.]*")


def _invisible(c: str) -> bool:
    """A control or format character (U+0000, U+007F, U+0085, U+200B, U+202E …), a surrogate or a
    noncharacter (U+FFFE): nothing a reader can see, and what breaks pages, names and comparisons."""
    code = ord(c)
    return (unicodedata.category(c) in ("Cc", "Cf", "Cs") and c not in "\t\n\r") or (code & 0xFFFE) == 0xFFFE \
        or 0xFDD0 <= code <= 0xFDEF


def visible(text: str) -> tuple[str, str]:
    """``text`` without invisible characters (see :func:`_invisible`), and the ones removed ("" when none)."""
    if text.isprintable():  # the common case, checked in C
        return text, ""
    removed = [c for c in text if _invisible(c)]
    if not removed:
        return text, ""
    return "".join(c for c in text if not _invisible(c)), "".join(dict.fromkeys(removed))


def code_points(chars: str) -> list[str]:
    """``U+200B``-style names of characters, for messages."""
    return [f"U+{ord(c):04X}" for c in chars]


@functools.lru_cache(maxsize=65536)  # the same words and marks recur in every row
def clean(text: str) -> str:
    """NFKC (full-width to half-width) with all white space removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_LINES = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_WORD_END = re.compile(r"[A-Za-z0-9]$")
_WORD_START = re.compile(r"^[A-Za-z0-9]")


#: How the name of an office or a company ends (局, 委, 办, 中心, 政府, 公司 …, or a bracket closing a remark).
_UNIT_END = re.compile(r"[局委办室院所站会部处科队司厂心府行团社校）)]$")


def listed(text: str, people: bool = False) -> str:
    """Several offices (or, with ``people``, several people) typed a line each in one cell, written as an
    office writes them on one line: ``区发改局\n区住建局`` -> ``区发改局、区住建局``, ``张三\n李四`` -> ``张三、李四``.
    A line is a new name only after a whole one (an office's name ends as offices' do; a person's name is at most
    four characters); else it is the same name wrapped (``区农业\n农村局`` -> ``区农业农村局``)."""
    if not _LINES.search(text):
        return text
    parts = [part for part in _LINES.split(text.strip()) if part]
    joined = parts[0] if parts else ""
    for before, part in zip(parts, parts[1:]):
        whole = _UNIT_END.search(before) or (people and len(before) <= 4 and len(part) <= 8)
        joined += ("、" if whole and part[0] not in "（(" else " " if _WORD_END.search(before) and
                   _WORD_START.match(part) else "") + part
    return joined


def one_line(text: str) -> str:
    """A short text typed over two lines of its cell (a long name wrapped by hand), joined as it was meant:
    nothing between the lines, a space only between two Latin words or numbers (``东山\n现代农业示范园`` ->
    ``东山现代农业示范园``, ``Phase\n2`` -> ``Phase 2``)."""
    if not _LINES.search(text):
        return text
    parts = [part for part in _LINES.split(text.strip()) if part]
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        joined += (" " if _WORD_END.search(joined) and _WORD_START.match(part) else "") + part
    return joined


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The form words are compared in (headers, units, vocabularies): ``clean`` and case-folded."""
    return clean(text).casefold()


class MissingWords:
    """The words (and ``*`` patterns) that mean a cell holds no figure, by kind; compared in :func:`fold` form."""

    def __init__(self, words: dict[str, tuple[str, ...] | list[str]] | None = None):
        merged = {**DEFAULT_MISSING, **(words or {})}
        self.words = {kind: tuple(merged[kind]) for kind in DEFAULT_MISSING}
        self._exact: dict[str, Missing] = {"": Missing.NOT_REPORTED}
        self._patterns: list[tuple[re.Pattern, Missing]] = []
        for kind, found in self.words.items():
            for word in found:
                key = fold(word)
                if "*" in key or "?" in key:
                    self._patterns.append((re.compile(fnmatch.translate(key)), Missing(kind)))
                else:
                    self._exact.setdefault(key, Missing(kind))
        #: whether every plain number (``1234.5``) is a figure here, as it is unless a word says otherwise
        self.numbers_are_figures = not any(_NUMBER_LIKE.fullmatch(fold(w)) for found in self.words.values()
                                           for w in found)

    def kind(self, text: str) -> Missing | None:
        """The kind of missing value a whole cell stands for, or None when it holds something."""
        t = fold(text)
        if t in self._exact:
            return self._exact[t]
        if _ONLY_REDACTION.match(t) or (t and not t.strip("x×*")):  # only x, × or *
            return Missing.WITHHELD
        return next((kind for pattern, kind in self._patterns if pattern.match(t)), None)

    def reason(self, text: str) -> str | None:
        """What a missing cell says beyond its kind (``Exempt under section 43``), shown beside 未公开; None for a
        bare mark or word."""
        t = text.strip()
        if not t or fold(t) in self._exact or _ONLY_REDACTION.match(clean(t)) or len(clean(t)) <= 4:
            return None
        return t


DEFAULT_WORDS = MissingWords()


def missing_kind(text: str, words: MissingWords = DEFAULT_WORDS) -> Missing | None:
    """The kind of missing value a whole cell stands for, or None when it holds something."""
    return words.kind(text)


def has_redaction(text: str) -> bool:
    return any(c in REDACTION_CHARS for c in text)
