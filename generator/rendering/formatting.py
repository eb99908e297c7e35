"""How figures read on a page: amounts in the display unit with their qualifier, honest sums, shares."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache, lru_cache

from babel import Locale
from babel.numbers import format_percent, parse_pattern

from ..contract.amounts import Amount, Qualifier, Total
from ..contract.dates import DateValue, PartialDate
from ..contract.marks import Missing
from ..contract.periods import Period, year_name
from ..contract.units import SHORT_MAGNITUDES, foreign_words, symbol
from ..figures.metrics import Ratio
from ..text.catalogue import join, locale_of, say


@cache
def _pattern(digits: int):
    return parse_pattern("#,##0." + "#" * digits if digits else "#,##0")


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)  # once: babel is slow at it


@lru_cache(maxsize=65536)  # the same figures recur across a page (facts, tables, charts) and pages
def _digits(rounded: Decimal, digits: int, locale: str) -> str:
    return _pattern(digits).apply(rounded, _locale(locale), decimal_quantization=False)


@lru_cache(maxsize=16384)  # a page shows the same few shares many times, and Babel is slow at it
def _percent(share: Decimal, locale: str) -> str:
    """``62.5%`` of a share already rounded (half up, as :meth:`Formatter.number` rounds) to a tenth of a point."""
    return format_percent(share, format="#,##0.0%", locale=_locale(locale))

#: The mark of a sum that left figures out, in a page's tables and sentences; the page explains it once.
PARTIAL_MARK = '<sup class="ps-partial">&#42;</sup>'  # an entity: two marks in a line are never emphasis



class Formatter:
    """Formats figures of one report for one language."""

    def __init__(self, language: str, unit: str, unit_factor: Decimal, currency: str = "CNY", fiscal_start: int = 1):
        self.language = language
        self.fiscal_start = fiscal_start
        self.locale_name = locale_of(language)
        self.locale = _locale(self.locale_name)
        self.unit = unit
        self.unit_factor = unit_factor
        magnitude = SHORT_MAGNITUDES.get(unit_factor)
        # in units of a thousand, million, billion: £1,563m, $2.1bn (in English; 72.25亿元 in Chinese)
        self._compact = None if magnitude is None else dict(symbol=symbol(currency, self.locale_name), magnitude=magnitude,
                                                            unit=unit)
        self._shown: dict[tuple[Decimal, bool], str] = {}

    @classmethod
    def of(cls, report) -> Formatter:
        return cls(report.language, report.display_unit, report.unit_factor, report.currency, report.fiscal_start)

    def t(self, key: str, **params) -> str:
        """The catalogue's text for ``key``; a ``year`` is named as reports write it (2023, or 2022-23 for a
        financial year)."""
        if isinstance(params.get("year"), int):
            params["year"] = year_name(params["year"], self.fiscal_start)
        return say(key, self.language, **params)

    def year(self, year: int) -> str:
        """A year as its reports write it: 2023, or 2022-23 for a financial year."""
        return year_name(year, self.fiscal_start)

    def of_year(self, key: str, year: int | None) -> str:
        """A label naming the year (``2024年计划投资``), or, when the data names none, its plain form (``年度计划投资``):
        never "None"."""
        return self.t(key, year=year) if year is not None else self.t(f"{key}-any")

    def join(self, items) -> str:
        """A list in running text: ``a；b`` in Chinese, ``a; b`` in English."""
        return join(items, self.language, "semicolon")

    def number(self, value: Decimal, digits: int = 2) -> str:
        """Grouped digits, at most ``digits`` decimals, rounded half up (0.375 -> 0.38, 1.125 -> 1.13)."""
        value = Decimal(value)
        if not value.is_finite():
            return str(value)
        with localcontext() as context:  # enough digits for any figure, however large
            context.prec = max(28, value.adjusted() + digits + 3)
            rounded = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
            return _digits(rounded, digits, self.locale_name)

    def missing(self, kind: Missing | None, reason: str | None = None) -> str:
        """未公开, 待定, 不适用, —; with the reason a cell gives (``未公开（Exempt under section 43）``)."""
        text = self.t((kind or Missing.NOT_REPORTED).value)
        return self.t("in-parentheses", text=text, inner=reason) if reason else text

    def in_unit(self, value: Decimal) -> Decimal:
        return value / self.unit_factor

    def qualified(self, text: str, qualifier: Qualifier | None) -> str:
        if qualifier is None:
            return text
        word = self.t(qualifier.value)
        return f"{text}{word}" if qualifier is Qualifier.AT_LEAST else f"{word}{text}"

    def amount(self, a: Amount, unit: bool = True) -> str:
        """``72.25亿元``, ``约2亿元``, ``6亿元以上``, ``未公开``, ``待定``, ``—``; in another currency, its own
        (``US$12m``, ``0.12亿美元``) whatever ``unit`` says."""
        if a.value is None:
            return self.missing(a.missing, a.reason)
        if a.currency is not None:
            return self.qualified(self.foreign(a.value, a.currency), a.qualifier)
        shown = self.qualified(self._in_unit(self.in_unit(a.value), unit), a.qualifier)
        if a.original is not None:  # converted at the exchange rate: the figure as written beside it
            return self.t("amount-converted", amount=shown, original=self.foreign(a.original[1], a.original[0]))
        return shown

    def foreign(self, value: Decimal, code: str) -> str:
        """An amount of another currency at the site's magnitude: ``US$12m``, ``0.12亿美元``."""
        return self.t("amount-foreign", number=self.number(self.in_unit(value)),
                      **foreign_words(code, self.unit_factor, self.locale_name))

    def _in_unit(self, value: Decimal, unit: bool = True) -> str:
        key = (value, unit)
        if key not in self._shown:  # a page shows the same figures in its facts, tables and charts
            if len(self._shown) >= 65536:
                self._shown.clear()
            self._shown[key] = self._in_unit_made(value, unit)
        return self._shown[key]

    def _in_unit_made(self, value: Decimal, unit: bool) -> str:
        number = self.number(value)
        if not unit:
            return number
        if self._compact is not None:  # a minus goes before the symbol: -£5m
            sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
            return sign + say("amount-compact", self.language, number=digits, **self._compact)
        return say("with-unit", self.language, text=number, unit=self.unit)

    def total(self, s: Total, unit: bool = True) -> str:
        """A sum that says when it left figures out: ``44.1亿元（不完整：2 项未计入）``."""
        text, note = self.total_parts(s, unit)
        return self.t("in-parentheses", text=text, inner=note) if note else text

    def total_marked(self, s: Total, unit: bool = True) -> str:
        """A sum as a page's table shows it: ``44.1亿元*`` when it left figures out, the page saying once, under it,
        what the mark means (:data:`PARTIAL_MARK`); the figure cards say how many each left out."""
        text, note = self.total_parts(s, unit)
        return text + PARTIAL_MARK if note else text

    def total_parts(self, s: Total, unit: bool = True) -> tuple[str, str | None]:
        """A sum and what it left out, apart (``44.1亿元``, ``不完整：2 项未计入``), for a figure card; the sums in
        other currencies follow it (``MK 2,294m + US$12m``)."""
        if s.value is None and not s.others:
            return self.missing(s.missing), None
        shown = [self.qualified(self._in_unit(self.in_unit(s.value), unit), s.qualifier)] if s.value is not None else []
        text = self.t("sum-and").join(shown + [self.foreign(value, code) for code, value in s.others])
        if not s.partial:
            return text, None
        return text, self.t("labelled", label=self.t("partial"), text=self.t("left_out", n=s.left_out))

    def points(self, points: Decimal) -> str:
        """Percentage points with their sign, to one decimal (+3.1, −12.3, 0.0): a rate against 序时进度."""
        shown = f"{abs(Decimal(points)):.1f}"
        return shown if shown == "0.0" else ("+" if points > 0 else "\u2212") + shown

    def ratio(self, r: Ratio) -> str:
        if r.value is None:
            return self.missing(r.missing)
        text = _percent(Decimal(r.value).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP), self.locale_name)
        return self.t("in-parentheses", text=text, inner=self.t("partial")) if r.partial else text

    def quantity(self, indicator) -> str:
        """An indicator's value with its unit: ``19个``, ``优秀``, ``未公开`` (never a redaction mark or ``未公开人``)."""
        q = indicator.value
        if q.missing:
            return self.missing(q.missing)
        if q.text is not None:
            return q.text
        unit = indicator.unit or q.unit or ""
        number = self.number(q.number, 4)
        text = number + unit if unit in ("", "%") else self.t("with-unit", text=number, unit=unit)
        return self.qualified(text, q.qualifier)

    def date(self, d: DateValue | PartialDate | None) -> str:
        if isinstance(d, DateValue):
            if d.date is None:
                return self.missing(d.missing, d.reason)
            d = d.date
        if d is None:
            return self.missing(None)
        key = "date-day" if d.day else "date-month" if d.month else "date-year"
        return self.t(key, year=d.year, month=d.month, day=d.day, iso=d.iso())

    def period(self, p: Period) -> str:
        return p.label(self.language)
