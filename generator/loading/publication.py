"""What of a table may be published: columns the schema knows, columns the settings list, never personal data.

A column whose header or cells look like personal data (an ID-card number, a mobile phone number, an e-mail
address, a header such as 联系电话 or 身份证号) is taken out of every page, download and search index unless the
settings name it under ``publish_personal``. Columns the schema does not know are published (on project pages)
only when ``publish_columns`` lists them. Each column taken out is a warning that names it; its contents are
never echoed (build logs are often public).
"""

from __future__ import annotations

import re
import unicodedata

from ..contract.schema import normalize_header
from ..reading.tables import BoundTable, Column
from ..text.catalogue import both
from ..text.problems import ProblemLog
from .cells import as_text

#: Words in a header that name personal data (compared folded: case and width do not matter).
PERSONAL_HEADERS = ("身份证", "证件号", "护照", "手机", "电话", "联系方式", "联系人", "邮箱", "电子邮件", "住址", "家庭地址",
                    "银行卡", "银行账号", "微信", "qq", "e-mail", "email", "phone", "mobile", "telephone", "passport")
#: What personal data looks like in a cell, matched in NFKC (full-width digits and ＠ count): an ID-card number
#: (18 digits, or the old 15) or a mobile number, as a run of digits however it is spaced or dashed, and an
#: e-mail address.
_ID_CARD = re.compile(r"[1-9][0-9]{5}(?:(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
                      r"|[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3})")
_MOBILE = re.compile(r"(?:0?86)?1[3-9][0-9]{9}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
#: What people put between the digits of one number: runs of digits are read with these taken out, once with
#: spaces counted as separators (1 3 8 …, 110101 19900307 123X) and once without (a date beside a number).
_DASHES = "\u2010-\u2015\u2212\\-"  # hyphens and dashes (a range, then the ASCII one, escaped)
_SEPARATORS = (f"/.\u00b7()（）{_DASHES}", f" /.\u00b7()（）{_DASHES}")


#: A cell that is a figure, not a number someone dials: with decimals, digit grouping or an exponent, or a currency
#: or unit after it (``2294281682.5 MWK``, ``15,823,411,000``, ``1.39e10``, ``13912345678元``).
_FIGURE = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<fraction>\.[0-9]+)?(?P<exponent>[eE][+-]?[0-9]+)?"
                     r"\s*(?P<unit>[A-Za-z]{3}|[万亿]?元)?")


def personal_kind(text: str) -> str | None:
    """``id card``, ``mobile`` or ``email`` when ``text`` holds what looks like one, else None (a figure with
    decimals, grouping, an exponent or a currency is an amount, whatever its digits)."""
    text = unicodedata.normalize("NFKC", text)
    if "@" in text and _EMAIL.search(text):
        return "email"
    figure = _FIGURE.fullmatch(text.strip())
    if figure and (figure["fraction"] or figure["exponent"] or figure["unit"] or "," in text):
        return None
    for separators in _SEPARATORS:
        for run in re.finditer(rf"\+?[0-9](?:[{separators}]{{0,2}}[0-9])+[Xx]?", text):
            digits = re.sub(r"[^0-9Xx]", "", run[0])
            if _ID_CARD.fullmatch(digits):
                return "id card"
            if _MOBILE.fullmatch(digits):
                return "mobile"
    return None


#: Kinds of field whose cells are structure or figures, never free text: not scanned.
_STRUCTURAL = {"id", "status", "category", "level", "cluster_ref", "project_ref", "project_name", "years", "year",
               "amount", "number", "percent", "date", "period"}


def _folded(headers: list[str]) -> set[str]:
    return {normalize_header(h) for h in headers}


def personal_header(column: Column) -> dict | None:
    """Why ``column``'s header names personal data (message parameters), or None."""
    header = normalize_header(column.header)
    word = next((w for w in PERSONAL_HEADERS if w in header), None)
    return {"reason": both("personal header", word=word)} if word is not None else None


def personal_reason(bound: BoundTable, column: Column) -> dict | None:
    """Why ``column`` looks like personal data, by its header or its cells (message parameters), or None."""
    named = personal_header(column)
    if named is not None:
        return named
    if column.field and bound.table.field(column.field).kind in _STRUCTURAL:
        return None
    for row in bound.rows:
        text = as_text(row.cells.get(column.field) if column.field else row.extras.get(column.header))
        if text is None:
            continue
        what = personal_kind(text)
        if what is not None:
            return {"reason": both("personal cell", row=row.number, what=both(what))}
    return None


def apply(bound: BoundTable, publish_columns: list[str], publish_personal: list[str], log: ProblemLog,
          extras_published: bool, used: tuple[str, ...] = ()) -> None:
    """Take out of ``bound`` what may not be published, with a warning for each column taken out, and set
    ``bound.published`` to the unknown columns that may be.

    ``extras_published``: whether this table's unknown columns can appear on pages at all (the projects table's);
    ``used``: headers of unknown columns the settings read (``latest_by``), neither published nor warned about."""
    listed, personal_ok, read = _folded(publish_columns), _folded(publish_personal), _folded(list(used))
    bound.published = set()
    for column in bound.columns:
        header = normalize_header(column.header) if column.header else ""
        if not header or (column.field is None and header in read):
            continue
        if column.field is None and not extras_published:
            if column.suggestion:
                _close_to_known(bound, column, log)
            continue
        if column.field is None and header not in listed:  # not published whatever it holds
            named = personal_header(column) if header not in personal_ok else None
            if named is not None:
                log.add("personal-data", file=bound.sheet.label, row=bound.header_row, column=column.header, **named)
            elif column.suggestion:
                _close_to_known(bound, column, log)
            elif not column.known:  # a known header not needed (序号 beside 项目编号) says nothing
                log.add("column-not-published", file=bound.sheet.label, row=bound.header_row, column=column.header)
            continue
        required = column.field is not None and bound.table.field(column.field).required
        reason = None if header in personal_ok else personal_reason(bound, column)
        if reason is not None and required:  # a name must be published: it cannot simply be left out
            log.add("personal-data-required", file=bound.sheet.label, row=bound.header_row, column=column.header, **reason)
        elif reason is not None:
            log.add("personal-data", file=bound.sheet.label, row=bound.header_row, column=column.header, **reason)
            if column.field:
                for row in bound.rows:
                    row.cells[column.field] = None
        elif column.field is None:
            bound.published.add(column.header)


def _close_to_known(bound: BoundTable, column: Column, log: ProblemLog) -> None:
    log.add("column-unknown", file=bound.sheet.label, row=bound.header_row, column=column.header,
            suggestion=column.suggestion, table=bound.table.name)
