"""Live figures in hand-written pages: ``[[ count year=2022 category=key ]]`` stays true when data changes.

Syntax: ``[[ name arguments ]]``; arguments are words or ``key=value`` (quote values with spaces).

- ``count`` — number of projects
- ``sum FIELD`` — a sum such as ``total_investment``, ``annual_planned``, ``annual_completed`` (marked when partial)
- ``rate`` — the annual completion rate (needs ``year=``, or takes the latest year)
- ``indicator NAME`` — an indicator's value with its unit (``year=`` picks the year)
- ``summary`` — the headline sentence: figures, completion against 序时进度 and lights (filters apply)
- ``changes`` — what the latest period changed: new projects, status and light changes, completed investment
- ``project ID FIELD`` — one field of one project, e.g. ``[[ project ZS08 total_investment ]]``
- ``chart NAME`` — a chart: ``clusters``, ``status``, ``years``, ``pipeline`` (招商 projects), ``projects`` (one bar
  per project), ``timeline`` (planned start to completion, by light)

Filters for count, sum, rate, summary and the charts: ``year=2022``, ``category=key|investment|reserve`` (or 重点项目 …),
``cluster=ID-or-name``, ``status=WORD``.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from markupsafe import Markup

from ..contract.amounts import Amount, total
from ..contract.marks import fold
from ..contract.schema import PROJECTS
from ..figures import metrics
from ..figures.changes import period_changes, summary_line
from ..figures.lights import project_light
from ..model.report import Report
from ..text.catalogue import join, say
from . import charts as ch
from .formatting import Formatter
from .judging import Judge
from .markup import show, show_in_address

AMOUNT_FIELDS = PROJECTS.names("amount")
from ..contract.vocab import CATEGORY_WORDS, STATUS_WORDS, Category, Status, Vocabulary

#: A line that, where it ends, is inside an HTML tag or a Markdown link's address.
_OPEN_ADDRESS = re.compile(r"<[A-Za-z][^<>]*$|\]\([^()\s]*$|^\s*\[[^\]]+\]:\s*\S*$")


def _in_address(before: str) -> bool:
    return _OPEN_ADDRESS.search(before) is not None


SHORTCODE = re.compile(r"\[\[\s*(.+?)\s*\]\]")
SUMS = ("annual_planned", "annual_completed")


class ProseError(ValueError):
    """Shortcodes that cannot be filled: (line counted from 1, shortcode, reason) each."""

    def __init__(self, failures: list[tuple[int, str, str]]):
        self.failures = failures
        super().__init__("\n".join(self.lines()))

    def lines(self, page: str = "") -> list[str]:
        return [f"{page}:{line}: [[ {text} ]]: {reason}" if page else f"{line}: [[ {text} ]]: {reason}"
                for line, text, reason in self.failures]


@dataclass
class Figures:
    """Fills the shortcodes of hand-written pages from one report."""

    report: Report
    fmt: Formatter
    chart_html: object  # Chart -> Markup, the same as generated pages use
    groups: object  # projects -> {cluster name: projects}, the same grouping as generated pages

    def expand(self, text: str) -> str:
        """Fill every shortcode of a page; report all that fail at once. Every value goes in through
        :func:`show`, wherever it stands (in code it shows escaped: no guess at Markdown's parse can make it raw)."""
        counter = {"n": 0}
        out_lines, failures = [], []
        for number, line in enumerate(text.split("\n"), 1):
            def replace(m, number=number, line=line):
                if m.group(1).strip() == "generated" and line.strip() != m.group(0):
                    failures.append((number, m.group(1), self._t("generated alone")))
                    return m.group(0)
                try:
                    value = self.figure(m.group(1), counter)
                    return show_in_address(value) if _in_address(line[:m.start()]) else show(value)
                except (ValueError, KeyError, IndexError, AttributeError) as exc:
                    failures.append((number, m.group(1), str(exc).strip("'\"")))
                    return m.group(0)
            out_lines.append(SHORTCODE.sub(replace, line))
        if failures:
            raise ProseError(failures)
        return "\n".join(out_lines)

    # -- one shortcode ---------------------------------------------------------------
    def figure(self, code: str, counter: dict) -> Markup | str:
        """A shortcode's value: :class:`Markup` for figures formatted here, plain text (shown literally
        by :func:`.markup.show`) for anything that comes from the data."""
        words = shlex.split(code)
        if not words:
            raise ValueError(self._t("empty"))
        name, args = words[0], words[1:]
        if name == "generated":  # where a composed page puts the generated body
            return Markup("[[ generated ]]")
        positional = [a for a in args if "=" not in a]
        options = dict(a.split("=", 1) for a in args if "=" in a)
        projects = self._select(options)
        year = int(options["year"]) if "year" in options else None
        if name == "count":
            return len(projects)
        if name == "sum":
            field = positional[0] if positional else "total_investment"
            year = year or self.report.current_year
            if field in SUMS:
                summary = metrics.summarize(projects, year)
                return Markup(self.fmt.total(getattr(summary, field)))
            if field not in AMOUNT_FIELDS:
                raise ValueError(f"{field}: {self._t('not an amount')}（{', '.join([*SUMS, *AMOUNT_FIELDS])}）")
            return Markup(self.fmt.total(total(getattr(p, field) for p in projects)))
        if name == "rate":
            year = year or self.report.current_year
            return Markup(self.fmt.ratio(metrics.summarize(projects, year).completion_rate))
        if name == "summary":  # the headline sentence of a 通报, for the projects selected
            return Judge(self.report, self.fmt).sentence(projects, metrics.summarize(projects, year or self.report.current_year))
        if name == "changes":  # what the latest period changed
            return summary_line(period_changes(self.report), self.fmt)
        if name == "indicator":
            wanted = positional[0] if positional else ""
            found = [i for i in self.report.indicators if (i.name == wanted or wanted in i.name)
                     and (year is None or i.year == year)]
            if len(found) != 1:
                raise ValueError(f"{wanted}: {len(found)} {self._t('indicators match')}")
            return self.fmt.quantity(found[0])
        if name == "project":
            pid, field = (positional + ["", ""])[:2]
            if pid not in self.report.projects:
                raise ValueError(f"{pid}: {self._t('no such project')}")
            p = self.report.projects[pid]
            if field not in PROJECTS.field_names:
                raise ValueError(f"{field}: {self._t('no such field')}（{', '.join(PROJECTS.field_names)}）")
            return self._field(p, field)
        if name == "chart":
            counter["n"] += 1
            chart = self.chart_html(self._chart(positional[0] if positional else "", projects, counter["n"]))
            return Markup("\n\n") + chart + Markup("\n")
        raise ValueError(f"{name}: {self._t('unknown')}")

    def _field(self, p, field: str) -> Markup | str:
        """One field of a project as its page shows it (text from the data stays plain text)."""
        f = self.fmt
        if field == "year":
            return join(p.all_years, f.language)
        if field == "cluster":
            return self.report.clusters[p.cluster_id].name if p.cluster_id else f.t("unknown_cluster")
        if field == "status":
            return f.t(f"st_{p.status.value}" if p.status else "st_none")
        if field == "category":
            return f.t(p.category.value)
        value = getattr(p, field)
        if isinstance(value, Amount):
            return Markup(f.amount(value))
        if hasattr(value, "missing"):  # a date
            return Markup(f.date(value))
        return "" if value is None else str(value)

    def _chart(self, kind: str, projects, n: int) -> ch.Chart:
        f, r = self.fmt, self.report
        if kind == "clusters":
            chart = ch.investment_by(self.groups(projects), f, "cluster-investment", "chart_cluster_investment", least=1)
        elif kind == "status":
            chart = ch.status_breakdown(projects, f, least=1)  # asked for by name: drawn however few
        elif kind == "pipeline":
            chart = ch.pipeline(projects, f)
        elif kind == "years":
            chart = ch.plan_vs_completed_by_year(r, f, projects, least=1)
        elif kind == "projects":
            chart = ch.project_investment(projects, f, least=1)
        elif kind == "timeline":
            chart = ch.timeline(projects, f, lambda p: project_light(p, r).light, r.as_of)
        else:
            raise ValueError(f"chart {kind}: {self._t('unknown')} (clusters, status, pipeline, years, projects, timeline)")
        if chart is None:
            raise ValueError(f"chart {kind}: {self._t('nothing to draw')}")
        chart.id = f"prose-{n}-{chart.id}"
        return chart

    def _select(self, options: dict) -> list:
        projects = list(self.report.projects.values())
        for key, value in options.items():
            if key == "year":
                projects = [p for p in projects if int(value) in p.all_years]
            elif key == "category":
                category = Vocabulary(CATEGORY_WORDS, list(Category)).get(value)
                if category is None:
                    raise ValueError(f"category={value}: {self._t('unknown')}")
                projects = [p for p in projects if p.category is category]
            elif key == "cluster":
                cid = value if value in self.report.clusters else next(
                    (c.id for c in self.report.clusters.values() if fold(c.name) == fold(value)), None)
                if cid is None:
                    raise ValueError(f"cluster={value}: {self._t('unknown')}")
                projects = [p for p in projects if p.cluster_id == cid]
            elif key == "status":
                status = Vocabulary(STATUS_WORDS, list(Status)).get(value)
                if status is None:
                    raise ValueError(f"status={value}: {self._t('unknown')}")
                projects = [p for p in projects if p.status is status]
            else:
                raise ValueError(f"{key}=: {self._t('unknown')}")
        return projects

    def _t(self, key: str) -> str:
        return say("prose-" + key.replace(" ", "-"), self.fmt.language)
