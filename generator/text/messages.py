"""Problem messages: each code's severity, and its text from the catalogue (:mod:`.catalogue`)."""

from __future__ import annotations

import errno

from .catalogue import TEXT, Label, both, say

#: Codes of problems that stop a build.
ERRORS = (
    "row-above-header", "file-missing", "file-ambiguous", "file-unreadable", "file-format", "encoding-unknown", "encoding-invalid",
    "file-not-workbook", "file-encrypted", "file-html", "file-unsafe-xml", "limit-size", "limit-rows", "limit-projects",
    "limit-columns", "limit-cells", "limit-sheets", "limit-part", "limit-cell", "sheet-none", "sheet-all-hidden", "sheet-missing",
    "header-missing-sheet", "formula-no-value", "header-missing", "column-missing", "column-duplicate",
    "column-unit", "latest-by-missing", "value-missing", "id-duplicate", "id-duplicate-sheet", "id-unsafe", "id-reserved",
    "cluster-unknown", "project-unknown", "project-mismatch", "status-unknown", "category-unknown",
    "level-unknown", "amount-invalid", "amount-unit", "number-invalid", "date-invalid", "period-invalid",
    "period-fiscal-unset", "json-not-records",
    "years-invalid", "progress-duplicate", "personal-data-required", "site-holds-sources", "site-in-docs",
    "site-bad-link", "site-not-folder", "site-not-ours", "site-busy", "site-write-failed", "config-invalid",
    "config-file", "stage-unknown", "yesno-invalid", "month-year-missing", "photo-unreadable",
    "photo-too-large", "photo-too-many-pixels", "boundary-missing", "boundary-unreadable", "boundary-not-geo",
    "boundary-object-missing", "boundary-coordinates", "bulletin-text", "bulletin-text-missing", "file-outside", "file-unread", "sheets-unread",
    "boundary-too-many-points", "boundary-too-large", "series-period-twice",
)
#: Codes of problems that are reported and let the build go on (a site may ``ignore`` them).
WARNINGS = (
    "withheld-value", "negative-amount", "column-unknown", "column-not-published", "personal-data",
    "date-number", "hidden-sheets", "hidden-rows", "hidden-columns", "text-invisible", "merged-amount",
    "operation-before-start", "total-mismatch", "id-from-name", "period-sum-mismatch", "ytd-sum-mismatch",
    "progress-conflict", "package-mismatch", "section-count", "project-matched-by-name", "component-parent",
    "withheld-total-given-months", "light-unknown", "light-disagrees", "photo-project-unknown", "photo-format",
    "photo-caption-unknown", "coordinates-off-globe", "coordinates-half", "coordinates-far", "bulletin-fonts",
    "series-project-left", "series-name-changed", "summary-mismatch", "sheet-not-read", "folder-nested",
    "project-two-places", "place-not-on-map", "place-section-differs", "place-code-invalid",
    "id-change-unknown", "oc4ids-code-unknown",
)
#: Codes of things worth knowing that are no fault (more completed than planned): never an error, not even
#: with ``--strict``.
NOTES = ("completion-over-100", "series-project-joined", "amount-other-currency", "file-chosen", "sheet-chosen", "sheets-chosen", "sheet-not-table", "series-read",
         "section-group", "sheet-summary", "sheet-summary-earlier", "folder-others", "places-read", "place-year",
         "sheet-chart")
SEVERITY = {**dict.fromkeys(ERRORS, "error"), **dict.fromkeys(WARNINGS, "warning"), **dict.fromkeys(NOTES, "note")}


def render(code: str, language: str = "zh", **params) -> str:
    """The message for ``code`` in ``language``, with list parameters joined."""
    return say(code, language, **params)


def os_reason(exc: OSError) -> Label:
    """Why the disk refused, in words (the system's own message for the rarer kinds)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in TEXT:
        return both(name)
    text = exc.strerror or str(exc)
    return Label(text, text)


def severity_of(code: str) -> str:
    return SEVERITY[code]


WARNING_CODES = sorted(WARNINGS + NOTES)  # what ignore may name
