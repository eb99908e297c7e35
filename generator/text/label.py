"""A phrase in both of the tool's languages, and which of them a language code means."""

from __future__ import annotations

from typing import NamedTuple

LANGUAGES = ("zh", "en")


def language_of(code: str | None) -> str:
    """zh for any Chinese language code (zh, zh-Hant, zh_TW) and when none is given, else en."""
    if code == "zh" or code == "en":
        return code
    return "zh" if not code or str(code).lower().startswith("zh") else "en"


class Label(NamedTuple):
    """A phrase in both languages."""

    zh: str
    en: str

    def in_(self, language: str | None) -> str:
        return self.zh if language_of(language) == "zh" else self.en
