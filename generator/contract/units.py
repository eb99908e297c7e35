"""Currencies and their magnitude units (元, 万元, 亿元; USD, million USD ...)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

from .marks import fold


@dataclass(frozen=True)
class Currency:
    """A currency with the unit words that scale its base unit."""

    code: str
    units: dict[str, Decimal]  # unit word as users write it -> multiple of the base unit
    default_unit: str  # the display unit when the site names none

    def factor(self, unit: str) -> Decimal | None:
        """How many base units one ``unit`` is, or None for a word that is no unit of this currency."""
        return self.units.get(_unit_key(unit)) if unit else None

    def unit_words(self) -> list[str]:
        return list(self.units)

    def accepted_units(self):
        """The unit words to suggest in a message: Chinese ones for Chinese, the others for English."""
        from ..text.catalogue import Label

        chinese = [w for w in self.units if any("\u4e00" <= c <= "\u9fff" for c in w)]
        latin = [w for w in self.units if w not in chinese]
        return Label("、".join(chinese[:12]), ", ".join(latin[:12]))


_unit_key = fold


_CHINESE_MAGNITUDES = {"": 1, "千": 10**3, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}
_ENGLISH_MAGNITUDES = {"": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9, "K": 10**3, "M": 10**6, "bn": 10**9}


def _make(code: str, chinese: list[str], latin: list[str], default_unit: str, bare_chinese: bool = False) -> Currency:
    from_chinese: dict[str, Decimal] = {}
    for word in chinese:
        for prefix, n in _CHINESE_MAGNITUDES.items():
            from_chinese[_unit_key(prefix + word)] = Decimal(n)
    if bare_chinese:  # 2亿, 3000万: the currency word is left out
        for prefix, n in _CHINESE_MAGNITUDES.items():
            if prefix:
                from_chinese.setdefault(prefix, Decimal(n))
    from_latin: dict[str, Decimal] = {}
    for word in latin:
        for prefix, n in _ENGLISH_MAGNITUDES.items():
            for form in ([f"{prefix} {word}", f"{word} {prefix}", prefix] if prefix else [word]):
                from_latin.setdefault(_unit_key(form), Decimal(n))  # 1.5 million USD, USD 1.5M, $1.5M
    units = {**from_chinese, **from_latin} if bare_chinese else {**from_latin, **from_chinese}
    return Currency(code, units, default_unit)


#: Words of the currencies offices use most, beyond what Babel knows of every ISO 4217 currency.
_OWN_WORDS: dict[str, tuple[list[str], list[str], str]] = {
    "CNY": (["元", "人民币", "元人民币"], ["RMB", "yuan", "¥"], "亿元"),
    "USD": (["美元"], ["US$", "$", "dollars"], "million USD"),
    "EUR": (["欧元"], ["€", "euros"], "million EUR"),
    "HKD": (["港元", "港币"], ["HK$"], "亿港元"),
    "GBP": (["英镑"], ["£", "pounds"], "million GBP"),
}
#: The short magnitude words of a compact English amount (£1,563m, US$2.1bn).
SHORT_MAGNITUDES = {Decimal(1): "", Decimal(10**3): "k", Decimal(10**6): "m", Decimal(10**9): "bn", Decimal(10**12): "tn"}


@functools.cache
def currency_codes() -> frozenset[str]:
    """Every currency code Babel knows (ISO 4217, current and historic)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@functools.cache
def currency(code: str) -> Currency | None:
    """The currency of an ISO 4217 ``code``, with its unit words in Chinese and English (from Babel's names and
    symbols), or None for a code that is none."""
    code = code.upper()
    if code not in currency_codes():
        return None
    from babel.numbers import get_currency_name, get_currency_symbol

    chinese, latin, default = _OWN_WORDS.get(code, ([], [], f"million {code}"))
    names = [*chinese, get_currency_name(code, locale="zh_CN")]
    symbols = [code, *latin, *(get_currency_symbol(code, loc) for loc in ("en", "en_GB", "zh_CN")),
               get_currency_name(code, count=2, locale="en")]
    return _make(code, list(dict.fromkeys(names)), list(dict.fromkeys(symbols)), default, bare_chinese=code == "CNY")


def symbol(code: str, locale: str) -> str:
    """The currency's symbol where ``locale`` reads it (``$`` in en_US, ``US$`` in en_GB, ``£``)."""
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(code, locale)


def foreign_words(code: str, factor: Decimal, locale: str) -> dict[str, str]:
    """The words that show an amount of another currency at the site's magnitude ``factor``: its symbol and short
    magnitude (US$12m), or its Chinese magnitude and name (0.12亿美元)."""
    from babel.numbers import get_currency_name

    chinese = next((word for word, n in _CHINESE_MAGNITUDES.items() if Decimal(n) == factor), "")
    shown = symbol(code, "en_GB" if locale.startswith("en") else locale)  # US$, not a $ read as the site's own
    shown = shown + " " if shown == code else shown  # EUR 2.5m, not EUR2.5m
    return dict(symbol=shown, magnitude=SHORT_MAGNITUDES.get(factor, ""),
                unit=chinese + get_currency_name(code, locale="zh_CN"), code=code)
