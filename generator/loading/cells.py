"""Read the cells of one row by their field's kind, logging a located problem for each bad cell."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from ..contract.amounts import NOT_REPORTED, Amount, foreign, parse_amount, parse_quantity_parts, to_decimal
from ..contract.dates import NO_DATE, DateValue, PartialDate, parse_date, parse_years
from ..contract.marks import DEFAULT_WORDS, InvalidValue, Missing, MissingWords, clean, listed, one_line
from ..contract.periods import Period, parse_period
from ..contract.units import currency as currency_of
from ..contract.vocab import NO_WORDS, YES_WORDS, Vocabulary
from ..model.places import leaf, place_path, within
from ..model.report import Quantity
from ..reading.tables import BoundTable, Row
from ..reading.rawsheet import Formula
from ..text.catalogue import both
from ..text.problems import ProblemLog

_SAFE_ID = re.compile(r"^[\w.-]+$")
#: Ids that name a page of the site's own (``projects/index.md`` is the project index).
RESERVED_IDS = frozenset({"index"})
#: Fields whose text is one line however it was typed: names (a line break in such a cell is where the typist
#: wrapped it); what a project is, its progress and its issues keep their lines.
ONE_LINE = frozenset({"name", "project_name", "cluster", "sector", "level", "place", "construction_period", "location"})
#: Fields that may name several offices or people a line each: such lines are joined as a list (、), see
#: :func:`..contract.marks.listed`.
LISTS = {"owner": False, "department": False, "leader": True}


def as_text(cell) -> str | None:
    """A cell as text: whole numbers without ``.0``, dates in ISO form, blanks as None."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        cell = cell.date()
    if isinstance(cell, (dt.date, dt.datetime, PartialDate)):
        return cell.isoformat() if not isinstance(cell, PartialDate) else cell.iso()
    text = str(cell).strip()
    return text or None


def safe_id(text: str) -> bool:
    """Letters (any script), digits, ``-``, ``_``, ``.``; no ``..``; no ``.`` first (engines skip such files)."""
    return bool(_SAFE_ID.match(text)) and ".." not in text and not text.startswith(".")


_PERCENT = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*[%％]$")


def percent_text(text: str) -> Decimal | None:
    """The share a text such as ``56.54%`` writes, or None when it is anything else."""
    m = _PERCENT.match(clean(text))
    return Decimal(m[1]) / 100 if m else None


class RowReader:
    """Typed access to one row; every failure becomes a problem naming file, row and header."""

    def __init__(self, bound: BoundTable, row: Row, log: ProblemLog, *, money, bare_unit: str,
                 date_formats: tuple[str, ...] = (), missing: MissingWords = DEFAULT_WORDS, fiscal_start: int = 1,
                 rates: dict[str, Decimal] | None = None):
        self.bound, self.row, self.log = bound, row, log
        self.money, self.bare_unit, self.date_formats = money, bare_unit, date_formats
        self.missing, self.fiscal_start = missing, fiscal_start
        self.rates = rates or {}  # site-currency units per unit of another currency (exchange_rates)

    def raw(self, name: str):
        cell = self.row.cells.get(name)
        if isinstance(cell, Formula):
            self.row.cells[name] = None  # report once
            self.log.add("formula-no-value", file=self.bound.sheet.label, row=self.row.number,
                         column=self.bound.header_of(name), formula=str(cell))
            return None
        return cell

    def problem(self, code: str, name: str, **params) -> None:
        value = as_text(self.raw(name))
        self.log.add(code, file=self.bound.sheet.label, row=self.row.number,
                     column=self.bound.header_of(name), value=value, **params)

    def text(self, name: str) -> str | None:
        value = as_text(self.raw(name))
        if value is None:
            return None
        return one_line(value) if name in ONE_LINE else listed(value, LISTS[name]) if name in LISTS else value

    def given_text(self, name: str) -> str | None:
        """:meth:`text`, but None for a word that says there is none (N/A, 待定, 无, -): an office's 责任单位 written
        NA is no office. A withheld word stays, shown as written (保密, Exempt - Under Section 43)."""
        value = self.text(name)
        kind = self.missing.kind(value) if value is not None else None
        return value if kind is None or kind is Missing.WITHHELD else None

    def place(self) -> str | None:
        """Where the row's project is: its place column (a path, 云州市/东山区), else the section it sits in; a column
        naming another place than its section is a warning (the column is taken)."""
        written, section = place_path(self.given_text("place")), place_path(self.row.place)
        if written and section and not (within(written, section) or within(section, written)
                                        or leaf(written) == leaf(section)):
            self.problem("place-section-differs", "place", section=section)
        return written or section

    def required_text(self, name: str) -> str | None:
        value = self.text(name)
        if value is None and self.bound.column(name) is not None:
            self.problem("value-missing", name, field=self.bound.table.field(name))
        return value

    def reference(self, name: str) -> str | None:
        """An id as ids are kept: in NFKC (full-width letters, digits and dashes as plain ones)."""
        value = self.text(name)
        return unicodedata.normalize("NFKC", value) if value is not None else None

    def identifier(self, name: str) -> str | None:
        value = self.required_text(name)
        if value is not None:
            value = unicodedata.normalize("NFKC", value)
        if value is not None and not safe_id(value):
            self.problem("id-unsafe", name)
            return None
        if value is not None and value.casefold() in RESERVED_IDS:
            self.problem("id-reserved", name)
            return None
        return value

    def _guard(self, name: str, parse, fallback):
        try:
            return parse(self.raw(name))
        except InvalidValue as exc:
            self.problem(exc.code, name, **exc.params)
            return fallback

    def amount(self, name: str) -> Amount:
        cell = self.raw(name)
        if cell is None:  # an empty cell, or a column the table does not have: nothing to read or report
            return NOT_REPORTED
        return self.amount_cell(cell, self.bound.column(name), self.bound.header_of(name))

    def amount_cell(self, cell, col, header: str | None = None) -> Amount:
        """An amount in ``col`` (a field's column, a month of a wide block, a published extra column), in its unit;
        a problem names the cell under ``header`` (default: the column's)."""
        unit = col.unit if col is not None and col.unit and self.money.factor(col.unit) else self.bare_unit
        money, other = self.money, None
        if col is not None and col.unit and self.money.factor(col.unit) is None:  # Budget (USD): in that currency
            other, _ = foreign(col.unit)
            money, unit = (currency_of(other), col.unit) if other else (money, unit)

        def where(**found):  # made only for a problem: most cells have none
            return dict(file=self.bound.sheet.label, row=self.row.number, column=header or col.header, **found)
        if isinstance(cell, Formula):
            self.log.add("formula-no-value", formula=str(cell), **where())
            return NOT_REPORTED
        try:
            value = parse_amount(cell, money, unit, self.missing)
        except InvalidValue as exc:
            self.log.add(exc.code, **where(value=as_text(cell)), **exc.params)
            return NOT_REPORTED
        if value.value is not None:
            value = self._in_site_currency(value, value.currency or other, where)
        if value.missing is Missing.WITHHELD:
            self.log.add("withheld-value", effect=both("left out of sums"), **where(value=as_text(cell)))
        elif value.value is not None and value.value < 0:
            self.log.add("negative-amount", **where(value=as_text(cell)))
        return value

    def date(self, name: str) -> DateValue:
        cell = self.raw(name)
        value = self._guard(name, lambda c: parse_date(c, self.date_formats, self.missing), NO_DATE)
        if value.missing is Missing.WITHHELD:
            self.problem("withheld-value", name, effect=both("no effect"))
        elif _number_that_lost_a_zero(cell, value):
            self.problem("date-number", name, year=value.date.year)
        return value

    def period(self, name: str) -> Period | None:
        if self.raw(name) is None:
            return None
        return self._guard(name, lambda c: parse_period(c, self.date_formats, self.fiscal_start), None)

    def years(self, name: str) -> tuple[int, ...]:
        return self._guard(name, parse_years, ())

    def year(self, name: str) -> int | None:
        years = self.years(name)
        if len(years) > 1:
            self.problem("years-invalid", name)
        return years[0] if len(years) == 1 else None

    def number(self, name: str) -> Decimal | None:
        text = self.text(name)
        if text is None or self.missing.kind(text) is not None:
            return None
        try:
            number = to_decimal(self.raw(name)) if isinstance(self.raw(name), (int, float)) else Decimal(clean(text))
            if not number.is_finite():
                raise InvalidValue("number-invalid")
            return number
        except (InvalidOperation, InvalidValue):
            self.problem("number-invalid", name)
            return None

    def _in_site_currency(self, value: Amount, code: str | None, where) -> Amount:
        """An amount of another currency converted at its exchange rate, or kept in it (said in a note)."""
        if code is None or code == self.money.code:
            return replace(value, currency=None)
        rate = self.rates.get(code)
        if rate is not None:
            return replace(value, value=value.value * rate, scale=(value.scale or 1) * rate, currency=None,
                           original=(code, value.value))
        self.log.add("amount-other-currency", currency=code, **where(value=value.raw))
        return replace(value, currency=code)

    def percent(self, name: str) -> Decimal | None:
        """A share written as a percentage: ``56.54%``, or a bare number, in points above 1 or when the header says
        ``（%）`` (56.54), else a share (0.5654, as a spreadsheet stores a percentage)."""
        text = self.text(name)
        if text is None or self.missing.kind(text) is not None:
            return None
        share = percent_text(text)
        if share is not None:
            return share
        number = self.number(name)
        if number is None:
            return None
        col = self.bound.column(name)
        in_points = number > 1 or (col is not None and col.unit in ("%", "％"))
        return number / 100 if in_points else number

    def progress_share(self) -> Decimal | None:
        """形象进度 as a share: its own column, else a progress column that holds a percentage and nothing else."""
        if self.bound.column("physical_progress") is not None:
            return self.percent("physical_progress")
        note = self.text("progress_note")
        return percent_text(note) if note else None

    def word(self, name: str, vocabulary: Vocabulary, code: str):
        text = self.text(name)
        if text is None:
            return None
        value = vocabulary.get(text)
        if value is None:
            self.problem(code, name, accepted=vocabulary.accepted())
        return value

    def words(self, name: str, vocabulary: Vocabulary, code: str):
        """Several words in one cell (``省重点、市重点``), each known, joined as the first word's vocabulary shows
        them; None when any is unknown (the problem names the cell)."""
        raw = as_text(self.raw(name))
        if raw is None:
            return None
        parts = [p for p in re.split(r"[、,，;；/\r\n]+", raw) if p.strip()]  # one a line, too
        values = [vocabulary.get(p) for p in parts]
        if not parts or any(v is None for v in values):
            value = vocabulary.get(self.text(name))
            if value is None:
                self.problem(code, name, accepted=vocabulary.accepted())
            return value
        return "、".join(dict.fromkeys(str(v) for v in values))

    def yesno(self, name: str) -> bool | None:
        """是/否 (yes/no, 已开工/未开工, √/×); an empty cell is None."""
        text = self.text(name)
        if text is None:
            return None
        word = clean(text).casefold()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        self.problem("yesno-invalid", name)
        return None

    def quantity(self, name: str) -> Quantity:
        text = self.text(name)
        if text is None:
            return Quantity(missing=Missing.NOT_REPORTED)
        raw = self.raw(name)
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            try:
                return Quantity(number=to_decimal(raw), raw=text)
            except InvalidValue:
                self.problem("number-invalid", name)
                return Quantity(missing=Missing.NOT_REPORTED)
        number, qualifier, missing, unit = parse_quantity_parts(text, self.missing)
        if missing is Missing.WITHHELD:
            self.problem("withheld-value", name, effect=both("no effect"))
        if number is None and missing is None:
            return Quantity(text=text, raw=text)
        return Quantity(number=number, qualifier=qualifier, missing=missing, unit=unit, raw=text)


def _number_that_lost_a_zero(cell, value: DateValue) -> bool:
    """A number cell read as January (``2024.1``) in a date column: Excel keeps ``2024.10``, typed as October, as
    the number 2024.1, so the month cannot be told."""
    return (isinstance(cell, (int, float, Decimal)) and not isinstance(cell, bool) and value.date is not None
            and value.date.month == 1 and value.date.day is None and str(cell).endswith(".1"))
