"""Every string the tool shows, keyed, in Chinese and English side by side.

This module (with :mod:`.label`, and the parts of the table in ``*_texts.py``) is the only one that knows which
languages there are: everything else asks it for a key's text in
the site's language (:func:`say`), or for the right half of a pair declared with the data contract
(:func:`pick`), and never compares a language itself. Templates get :func:`say` as ``t``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .bulletin_texts import BULLETIN_TEXTS
from .label import LANGUAGES, Label, language_of
from .page_texts import PAGE_TEXTS
from .problem_texts import PROBLEM_TEXTS
from .tool_texts import TOOL_TEXTS

__all__ = ["LANGUAGES", "TEXT", "Label", "both", "choose", "is_key", "join", "language_of", "locale_of", "pick", "say"]


def _merged(*parts: dict[str, Label]) -> dict[str, Label]:
    merged: dict[str, Label] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"keys in two parts of the catalogue: {sorted(twice)}")
        merged.update(part)
    return merged


#: Every key, in both languages.
TEXT: dict[str, Label] = _merged(PROBLEM_TEXTS, PAGE_TEXTS, TOOL_TEXTS, BULLETIN_TEXTS)


def locale_of(language: str | None) -> str:
    """The Babel locale that formats numbers and percentages for ``language``."""
    return "zh_CN" if language_of(language) == "zh" else "en_US"


#: Parameter types that :func:`_shown` leaves as they are.
_AS_WRITTEN = frozenset({str, int, float, Decimal})


def _shown(value, language: str):
    if hasattr(value, "zh") and hasattr(value, "en"):  # a Label, or a schema field, table or definition
        return pick(value, language)
    if isinstance(value, (list, tuple)):
        return TEXT["list-separator"].in_(language).join(map(str, value))
    return value


def say(key: str, language: str | None, /, **params) -> str:
    """The text of ``key`` in ``language``, with its parameters filled in (lists joined, pairs picked)."""
    text = TEXT[key].in_(language)
    if not params and "{" not in text:
        return text
    if all(type(v) in _AS_WRITTEN for v in params.values()):  # the common case: nothing to pick or join
        return text.format(**params)
    return text.format(**{k: _shown(v, language) for k, v in params.items()})


def both(key: str, /, **params) -> Label:
    """The text of ``key`` in both languages, its parameters filled in (a Label parameter in its own)."""
    return Label(*(say(key, language, **params) for language in LANGUAGES))


def pick(pair, language: str | None) -> str:
    """The half of a bilingual pair (a Label, or anything with ``zh`` and ``en``) in ``language``."""
    return pair.zh if language_of(language) == "zh" else pair.en


def choose(language: str | None, zh: str, en: str) -> str:
    """One of two texts declared together elsewhere (a setting's help, a field's note) for ``language``."""
    return zh if language_of(language) == "zh" else en


def filing_marks_apply(language: str | None) -> bool:
    """Whether a site in ``language`` shows the marks of China's filing rules (网站标识码, ICP and 公网安备 numbers,
    党政机关标识): a Chinese site does, an English one gets its footer without them."""
    return language_of(language) == "zh"


def join(items: Iterable, language: str | None, key: str = "list-separator") -> str:
    return TEXT[key].in_(language).join(map(str, items))


def is_key(key: str) -> bool:
    return key in TEXT
