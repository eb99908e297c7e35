"""How pages judge projects against 序时进度: a light with its words, a group's figure cards and its 重点关注 list,
a rate with its bar. One place, so every page (and every engine) says it the same way."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from ..contract.schema import PROJECTS
from ..figures import lights, metrics
from ..model.report import Project, Report
from ..text.catalogue import pick, say
from .cards import figure_cards
from .formatting import Formatter
from .lamps import lamp
from .markup import h

#: At most this many projects in a page's 重点关注 list (red first, then the furthest behind); the list says how many
#: more there are and where all of them are (the projects table, filtered by light).
WATCH_LIMIT = 30
#: On an area's page, whose table lists every project with its light: the furthest behind only, so that a county
#: of fifty projects stays a page a phone loads at once.
PLACE_WATCH_LIMIT = 10


class Judge:
    """Lights, cards and the watch list of one report, in its language."""

    def __init__(self, report: Report, fmt: Formatter):
        self.report = report
        self.fmt = fmt
        self.labels = field_labels(report)

    def light(self, p: Project) -> lights.Light | None:
        return lights.project_light(p, self.report).light

    def lamp_of(self, p: Project) -> Markup:
        """A project's light as shape and word, or 未填报."""
        light = self.light(p)
        return lamp(light, self.fmt.language) if light else Markup(h(self.fmt.t("not_reported")))

    def rate_of(self, p: Project) -> str:
        """A project's completion of its annual plan as text (the rate its light is judged by), or 未填报."""
        rate = lights.project_light(p, self.report).rate
        return self.fmt.t("not_reported") if rate is None else self.fmt.ratio(metrics.Ratio(rate))

    def against(self, summary: metrics.Summary) -> str:
        """A group's completion rate against 序时进度 in signed points (−12.3), the figure a league and the map
        by place give each group; — when it has no rate or the report no date."""
        points = lights.against_schedule(summary.completion_rate.value, self.report)
        return "—" if points is None else self.fmt.points(points)

    def rate_bar(self, rate: Decimal | None) -> Markup:
        """A completion rate with a bar drawn by the stylesheet (the figure is the text; the bar adds nothing
        a screen reader needs), capped at the cell's width past 100%."""
        if rate is None:
            return Markup(h(self.fmt.t("not_reported")))
        width = max(0, min(100, round(rate * 100)))
        return Markup(f'<span class="ps-rate"><span class="ps-rate__bar" style="width:{width}%" aria-hidden="true">'
                      f'</span>{h(self.fmt.ratio(metrics.Ratio(rate)))}</span>')

    def completed_label(self, year: int | None) -> str:
        """``2024年1-10月完成投资`` when the table's header names the months, else ``2024年完成投资``."""
        r = self.report
        if r.completed_span is not None and r.completed_span.year == year:
            return self.labels["annual_completed_investment"]
        return self.fmt.of_year("year-completed", year)

    def judged(self, projects: list[Project], summary: metrics.Summary, start: metrics.StartRate | None = None,
               lit: bool = True, limit: int = WATCH_LIMIT) -> dict:
        """The figure cards of ``projects`` (from the page's own ``summary``: the group's completion against
        序时进度, the lights' counts) and, with ``lit``, the red and yellow ones (重点关注), furthest behind first, at most
        ``limit`` of them."""
        r, f = self.report, self.fmt
        checks = [c for c in (lights.project_light(p, r) for p in projects) if c.light is not None] if lit else []
        counts = {light: sum(c.light is light for c in checks) for light in lights.Light} if checks else None
        overdue = sum(metrics.is_overdue(p, r.as_of) for p in projects) if lit else 0
        share = lights.schedule_share(r) if r.lights.by == "annual_plan" else None  # by schedule: each project's own
        rate = summary.completion_rate
        points = lights.against_schedule(rate.value, r) if checks else None
        gap = None if points is None else self.gap(points)
        cards = figure_cards(f, summary, self.completed_label(summary.year), gap, counts,
                             f.ratio(metrics.Ratio(share)) if share is not None else None, start, overdue)
        watch = [(p, lights.project_light(p, r)) for p in lights.to_watch(projects, r)] if lit else []
        return dict(figure_cards=cards, watch=[(p, c, self.watch_detail(p, c)) for p, c in watch[:limit]],
                    watch_more=max(0, len(watch) - limit))

    def watch_detail(self, p: Project, c: lights.LightCheck) -> str:
        """``年度完成率 0.0%；存在问题及需协调事项：…；责任单位：…；联系领导：…`` for the 重点关注 list."""
        f, labels = self.fmt, self.labels
        rate = f.ratio(metrics.Ratio(c.rate)) if c.rate is not None else f.t("not_reported")
        parts = [f.t("watch_rate_schedule" if c.by == "schedule" else "watch_rate", rate=rate)]
        if metrics.is_overdue(p, self.report.as_of):
            parts.append(f.t("watch_overdue", date=f.date(p.completion_date)))
        parts += [f.t("labelled", label=labels[k], text=v) for k, v in
                  (("issues", p.issues), ("department", p.department), ("leader", p.leader)) if v]
        parts = [part.rstrip("。；;.") for part in parts]  # the list's own separators end each part
        return f.t("semicolon").join(parts)

    def span_label(self) -> str:
        """What the report's figures run to: ``1-10月`` when the table's header says, else the latest period
        (``2024年三季度``), else the year."""
        r, f = self.report, self.fmt
        if r.completed_span is not None:
            return r.completed_span.label(r.language)
        if r.latest_period is not None:
            return f.period(r.latest_period)
        return f.t("year-title", year=r.current_year) if r.current_year else f.t("bulletin_no_period")

    def sentence(self, projects: list[Project], summary: metrics.Summary) -> str:
        """The headline sentence of a group, as a 通报 opens: ``1-10月，40个项目完成投资75.3亿元，完成年度计划
        75.2%，低于序时进度8.1个百分点；红灯3个、黄灯5个、绿灯32个。`` (lights and gap when there are any)."""
        f, r = self.fmt, self.report
        counts = {light: sum(lights.project_light(p, r).light is light for p in projects) for light in lights.Light}
        rate = summary.completion_rate
        points = lights.points_against(rate.value, lights.schedule_share(r))
        # the sentence says only what the data reports: no "completed —, — of the plan"
        key = ("bulletin_sentence" if rate.value is not None else "bulletin_sentence_completed"
               if summary.annual_completed.value is not None else "bulletin_sentence_unreported")
        head = f.t(key, span=self.span_label(), count=summary.count, completed=f.total(summary.annual_completed),
                   rate=f.ratio(rate))
        if points is not None:
            head = f.t("bulletin_sentence_gap", head=head, gap=self.gap(points))
        if not any(counts.values()):
            return f.t("bulletin_sentence_plain", head=head)
        lit = f.t("bulletin_and").join(f.t(f"bulletin_count_{light.value}", n=counts[light]) for light in
                                       (lights.Light.RED, lights.Light.YELLOW, lights.Light.GREEN))
        return f.t("bulletin_sentence_end", head=head, lights=lit)

    def gap(self, points: Decimal, by: str = "annual_plan") -> str:
        """``低于序时进度 20.8 个百分点`` / ``与序时进度持平`` for a gap in percentage points (``低于工期进度 …`` for a
        project judged by its own schedule)."""
        f, own = self.fmt, "_schedule" if by == "schedule" else ""
        shown = f.number(abs(points), 1)
        if shown == f.number(0, 1):
            return f.t("gap_equal" + own)
        return f.t(("gap_above" if points > 0 else "gap_below") + own, points=shown)

    def light_text(self, check: lights.LightCheck) -> Markup | None:
        """``▲黄灯（年度完成率 62.5%，低于序时进度 20.8 个百分点）``; None when no light can be given."""
        if check.light is None:
            return None
        f, word = self.fmt, lamp(check.light, self.fmt.language)
        if check.late_start and check.stated is None:
            return Markup(f.t("light_late", light=word))
        if check.gap_points is None:
            return word
        key = "light_line_schedule" if check.by == "schedule" else "light_line"
        return Markup(f.t(key, light=word, rate=h(f.ratio(metrics.Ratio(check.rate))), gap=h(self.gap(check.gap_points, check.by))))


def field_labels(report: Report) -> dict[str, str]:
    """Each project field's label in the report's language; completed investment says the months it runs to
    when the table's header names them (``2024年1-10月完成投资``)."""
    language = report.language
    labels = {fd.name: pick(fd, language) for fd in PROJECTS.fields}
    if report.completed_span is not None:
        labels["annual_completed_investment"] = say("completed-in-span", language,
                                                    span=report.completed_span.label(language))
    return labels
