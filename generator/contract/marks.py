"""Cells that hold no figure: withheld (xx), to be determined (待定), not reported (empty)."""

from __future__ import annotations

import functools
import re
import unicodedata
from enum import Enum


class Missing(str, Enum):
    WITHHELD = "withheld"  # 未公开: redacted on purpose; never 0, never NaN
    TBD = "tbd"  # 待定: not decided yet
    NOT_REPORTED = "not_reported"  # empty cell: shown as —


class InvalidValue(ValueError):
    """A cell that cannot be read as its column's kind; ``code`` names the message."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


#: Marks that stand for a whole withheld value.
WITHHELD_WORDS = frozenset({"保密", "未公开", "不公开", "涉密"})
REDACTION_CHARS = "xX×*＊"
_ONLY_REDACTION = re.compile(r"^[xX×*]+$")
_EMPTY_WORDS = frozenset({"", "-", "—", "——", "–", "/", "无"})
_TBD_WORDS = frozenset({"待定", "未定", "待确定"})


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


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The form words are compared in (headers, units, vocabularies): ``clean`` and case-folded."""
    return clean(text).casefold()


def missing_kind(text: str) -> Missing | None:
    """The kind of missing value a whole cell stands for, or None when it holds something."""
    t = clean(text)
    if t in _EMPTY_WORDS:
        return Missing.NOT_REPORTED
    if t in _TBD_WORDS:
        return Missing.TBD
    if t in WITHHELD_WORDS or _ONLY_REDACTION.match(t):
        return Missing.WITHHELD
    return None


def has_redaction(text: str) -> bool:
    return any(c in REDACTION_CHARS for c in text)
