"""Money amounts as offices write them: units, qualifiers, withheld marks; and honest sums."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum

from .marks import DEFAULT_WORDS, InvalidValue, Missing, MissingWords, clean
from .units import Currency, currency_codes
from .units import currency as currency_of


class Qualifier(str, Enum):
    ABOUT = "about"  # 约 / 左右
    AT_LEAST = "at_least"  # 以上
    OVER = "over"  # 超 / 逾 / 多 / 余
    NEARLY = "nearly"  # 近


_PREFIXES = {"约": Qualifier.ABOUT, "大约": Qualifier.ABOUT, "约合": Qualifier.ABOUT, "超": Qualifier.OVER,
             "超过": Qualifier.OVER, "逾": Qualifier.OVER, "近": Qualifier.NEARLY, "将近": Qualifier.NEARLY,
             "接近": Qualifier.NEARLY, "不低于": Qualifier.AT_LEAST, "至少": Qualifier.AT_LEAST, "达": None, "可达": None}
_SUFFIXES = {"以上": Qualifier.AT_LEAST, "及以上": Qualifier.AT_LEAST, "左右": Qualifier.ABOUT,
             "多": Qualifier.OVER, "余": Qualifier.OVER}

_alt = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
_AMOUNT = re.compile(
    rf"^(?P<pre>{_alt(_PREFIXES)})?(?P<sym>[A-Z]{{1,3}}\$|CN¥|JP¥|[$¥€£₩₹]|[A-Z]{{3}})?(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+))"
    rf"(?P<mid>{_alt(['多', '余'])})?(?P<unit>[^\d]*?)(?P<post>{_alt(_SUFFIXES)})?$"
)
#: A bare number as a CSV cell holds it, the common case, read without the steps above.
_PLAIN = re.compile(r"[+-]?\d+(?:\.\d*)?")
#: A number with redacted digits and an optional unit or mark around it: 1xx, X亿元, 1xx%.
_REDACTED = re.compile(rf"(?:{_alt(_PREFIXES)})?[\dxX×*.]*[xX×*][\dxX×*.]*[^\da-zA-Z]*")


@dataclass(frozen=True)
class Amount:
    """A money amount in the currency's base unit (元, USD), or the reason it is missing."""

    value: Decimal | None = None
    qualifier: Qualifier | None = None
    missing: Missing | None = None
    raw: str = ""
    scale: Decimal | None = field(default=None, compare=False)  # base units per unit written (亿 -> 1e8)
    reason: str | None = field(default=None, compare=False)  # what a missing cell says beyond its kind
    currency: str | None = None  # another currency's ISO code, when the cell is written in it (value in its units)
    original: tuple[str, Decimal] | None = field(default=None, compare=False)  # converted from: (code, value in it)

    @property
    def known(self) -> bool:
        return self.value is not None

    @classmethod
    def absent(cls, kind: Missing = Missing.NOT_REPORTED, raw: str = "") -> "Amount":
        return cls(missing=kind, raw=raw)


NOT_REPORTED = Amount.absent()


def half_last_digit(text: str | None) -> Decimal:
    """Half a unit of the last digit written: ``72.25`` -> 0.005, ``72`` -> 0.5, ``6,582.00`` -> 0.005."""
    digits = "".join(c for c in (text or "") if c.isdigit() or c == ".")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Decimal(5) / Decimal(10) ** (decimals + 1)


def tolerance(a: Amount) -> Decimal:
    """How far from an amount, in base units, another may be and still agree: half its last digit written."""
    return half_last_digit(a.raw) * (a.scale or 1)


def written_like(value: Decimal, like: Amount) -> str:
    """``value`` (base units) in the unit ``like`` was written in, for a message beside it: ``29500``."""
    return f"{(value / (like.scale or 1)).normalize():f}"


def to_decimal(value) -> Decimal:
    """A cell's number as Decimal; floats from spreadsheets are read to 15 significant digits. A number that is
    none (infinity, NaN: a workbook can hold them, Excel cannot show them) is an invalid value."""
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise InvalidValue("number-invalid")
    return number


def parse_amount(cell, currency: Currency, column_unit: str, words: MissingWords = DEFAULT_WORDS) -> Amount:
    """Read one amount cell. ``column_unit`` is the unit of a bare number in this column."""
    if cell is None:
        return NOT_REPORTED
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        factor = currency.factor(column_unit)
        try:
            number = to_decimal(cell)
        except InvalidValue:
            raise InvalidValue("amount-invalid") from None
        return Amount(number * factor, raw=str(cell), scale=factor)
    raw = str(cell).strip()
    if words.numbers_are_figures and _PLAIN.fullmatch(raw):
        factor = currency.factor(column_unit)
        if factor is not None:
            return Amount(Decimal(raw) * factor, raw=raw, scale=factor)
    kind = words.kind(raw)
    if kind is not None:
        return Amount(missing=kind, raw=raw, reason=words.reason(raw))
    text = clean(raw).replace(",", "")
    if _REDACTED.fullmatch(text):
        return Amount.absent(Missing.WITHHELD, raw)  # 1xx, X亿元, 1xx%
    m = _AMOUNT.match(text)
    if not m:
        raise InvalidValue("amount-invalid")
    qualifier = _PREFIXES.get(m["pre"]) if m["pre"] else None
    if m["mid"] or m["post"]:
        qualifier = _SUFFIXES[m["post"] or m["mid"]]
    unit = f"{m['sym'].strip()} {m['unit'].strip()}".strip() if m["sym"] else m["unit"]  # €3m is 3 million euros
    if unit == "%":
        raise InvalidValue("amount-invalid")
    factor = currency.factor(unit) if unit else currency.factor(column_unit)
    other = None
    if factor is None and unit:
        other, factor = foreign(unit)
    if factor is None:
        raise InvalidValue("amount-unit", unit=unit, accepted=currency.unit_words()[:12])
    try:
        number = Decimal(m["num"])
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise InvalidValue("amount-invalid") from None
    return Amount(number * factor, qualifier, raw=raw, scale=factor, currency=other)


#: The currencies a symbol alone most often means, tried in this order ($ is the US dollar).
_SYMBOL_FIRST = ("USD", "EUR", "GBP", "CNY", "HKD", "JPY")


def foreign(unit: str) -> tuple[str | None, Decimal | None]:
    """The other currency a unit names, and its factor: ``MWK``, ``million USD``, ``€ m``; (None, None) for none."""
    codes = [w.upper() for w in re.findall(r"(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])", unit) if w.upper() in currency_codes()]
    for code in dict.fromkeys([*codes, *_SYMBOL_FIRST]):
        factor = currency_of(code).factor(unit)
        if factor is not None:
            return code, factor
    return None, None


@dataclass(frozen=True)
class Total:
    """A sum that says what it left out. ``partial`` when any addend had no figure."""

    value: Decimal | None
    counted: int
    withheld: int = 0
    tbd: int = 0
    not_reported: int = 0
    qualifier: Qualifier | None = None
    not_applicable: int = 0  # rows the figure does not apply to: not a gap in the sum
    others: tuple[tuple[str, Decimal], ...] = ()  # sums in other currencies (code, value), kept apart

    @property
    def left_out(self) -> int:
        return self.withheld + self.tbd + self.not_reported

    @property
    def partial(self) -> bool:
        return self.counted > 0 and self.left_out > 0

    @property
    def missing(self) -> Missing | None:
        """For a sum with nothing to add: the kind of missing that all addends share, if any."""
        if self.counted or self.others:
            return None
        if self.withheld:
            return Missing.WITHHELD
        if self.tbd:
            return Missing.TBD
        return Missing.NOT_APPLICABLE if self.not_applicable and not self.not_reported else Missing.NOT_REPORTED


def total(amounts) -> Total:
    """Add amounts; qualifiers carry over (any 约/近 makes 约, only 以上/超 make 以上)."""
    value, counted = Decimal(0), 0
    gaps = {Missing.WITHHELD: 0, Missing.TBD: 0, Missing.NOT_REPORTED: 0, Missing.NOT_APPLICABLE: 0}
    qualifiers, others = set(), {}
    for a in amounts:
        if a.value is None:
            gaps[a.missing or Missing.NOT_REPORTED] += 1
            continue
        if a.currency is not None:  # another currency: summed apart, never added to this one
            others[a.currency] = others.get(a.currency, Decimal(0)) + a.value
            continue
        value += a.value
        counted += 1
        if a.qualifier:
            qualifiers.add(a.qualifier)
    if not qualifiers:
        qualifier = None
    elif qualifiers <= {Qualifier.AT_LEAST, Qualifier.OVER}:
        qualifier = Qualifier.AT_LEAST
    else:
        qualifier = Qualifier.ABOUT
    return Total(value if counted else None, counted, gaps[Missing.WITHHELD], gaps[Missing.TBD],
                 gaps[Missing.NOT_REPORTED], qualifier, gaps[Missing.NOT_APPLICABLE], tuple(sorted(others.items())))


def parse_quantity_parts(text: str, words: MissingWords = DEFAULT_WORDS) -> tuple[Decimal | None, Qualifier | None, Missing | None, str | None]:
    """A free figure (an indicator): (number, qualifier, missing, unit written in the cell).

    Anything that is not a number with an optional unit is none of these: the caller keeps it as text.
    """
    kind = words.kind(text)
    if kind is not None:
        return None, None, kind, None
    t = clean(text).replace(",", "")
    if _REDACTED.fullmatch(t):
        return None, None, Missing.WITHHELD, None
    m = _AMOUNT.match(t)
    if not m or (m["unit"] and re.search(r"[\d-]", m["unit"])):
        return None, None, None, None
    qualifier = _PREFIXES.get(m["pre"]) if m["pre"] else None
    if m["mid"] or m["post"]:
        qualifier = _SUFFIXES[m["post"] or m["mid"]]
    return Decimal(m["num"]), qualifier, None, (m["unit"] or m["sym"] or None)
