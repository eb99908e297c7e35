"""How pages judge projects against 序时进度: a light with its words, a group's figure cards and its 重点关注 list,
a rate with its bar. One place, so every page (and every engine) says it the same way."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ..contract.schema import PROJECTS
from ..figures import lights, metrics
from ..model.report import Project, Report
from ..text.catalogue import pick, say
from .cards import figure_cards
from .formatting import Formatter
from .lamps import lamp
from .lightbar import light_bar
from .markup import h

#: At most this many projects in a page's 重点关注 list (red first, then the furthest behind); the list says how many
#: more there are and where all of them are (the projects table, filtered by light).
WATCH_LIMIT = 30
#: On an area's page, whose table lists every project with its light: the furthest behind only, so that a county
#: of fifty projects stays a page a phone loads at once.
PLACE_WATCH_LIMIT = 10


@dataclass(frozen=True)
class WatchRow:
    """A project on a page's 重点关注 table."""

    project: Project
    check: lights.LightCheck
    overdue: str | None  # 逾期（计划 2024年6月 竣工）, when it is
    gap: str  # its rate against 序时进度 (or its own schedule) in signed points, or —
    issues: str  # 存在问题, or 未说明原因
    streak: int | None  # periods in a row at this light, where the data has periods


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
        """What a group's page opens with: with ``lit``, the verdict (:meth:`sentence`), the bar of its projects by
        light and its red and yellow ones (重点关注, :func:`..figures.lights.to_watch`), at most ``limit`` of
        them; then its figure cards, from the page's own ``summary``."""
        r, f = self.report, self.fmt
        judged = self.this_year(projects)
        checks = [c for c in (lights.project_light(p, r) for p in judged) if c.light is not None] if lit else []
        overdue = sum(metrics.is_overdue(p, r.as_of) for p in projects) if lit else 0
        points = lights.against_schedule(summary.completion_rate.value, r) if checks else None
        cards = figure_cards(f, summary, self.completed_label(summary.year), None if points is None else self.gap(points),
                             start, overdue)
        watch = [self.watch_row(p) for p in lights.to_watch(judged, r)] if lit else []
        shown = watch[:limit]
        return dict(figure_cards=cards, verdict=Markup(self.sentence(judged, summary, f.total_marked)) if checks else None,
                    light_bar=light_bar(f, {light: sum(c.light is light for c in checks) for light in lights.Light},
                                        lights.unlit_counts(judged, r)) if checks else None,
                    watch=shown, watch_more=max(0, len(watch) - limit),
                    watch_columns={"department": any(w.project.department for w in shown),
                                   "leader": any(w.project.leader for w in shown),
                                   "streak": any(w.streak for w in shown)})

    def watch_row(self, p: Project) -> WatchRow:
        check = lights.project_light(p, self.report)
        overdue = self.fmt.t("watch_overdue", date=self.fmt.date(p.completion_date)) \
            if metrics.is_overdue(p, self.report.as_of) else None
        return WatchRow(p, check, overdue,
                        "—" if check.gap_points is None else self.fmt.points(check.gap_points),
                        self.stated_issues(p), lights.streak(p, self.report))

    def stated_issues(self, p: Project) -> str:
        """A watched project's 存在问题 as its table states it, else 未说明原因: a red light with no reason given is a
        question to its office, not a blank."""
        return p.issues or self.fmt.t("no_reason_given")

    def span_label(self) -> str:
        """What the report's figures run to: ``1-10月`` when the table's header says, else the latest period
        (``2024年三季度``), else the year."""
        r, f = self.report, self.fmt
        if r.completed_span is not None:
            return r.completed_span.label(r.language)
        if r.latest_period is not None:
            return f.period(r.latest_period)
        return f.t("year-title", year=r.current_year) if r.current_year else f.t("bulletin_no_period")

    def this_year(self, projects: list[Project]) -> list[Project]:
        """The ``projects`` the year's lights judge: those listed this year (or in no year); one listed only in an
        earlier year has no plan now."""
        return metrics.this_year(projects, self.report.current_year)

    def sentence(self, projects: list[Project], summary: metrics.Summary, total=None) -> str:
        """The headline sentence of a group, as a 通报 opens: ``1-10月，40个项目完成投资75.3亿元，完成年度计划
        75.2%，低于序时进度8.1个百分点；红灯3个、黄灯5个、绿灯32个。`` (lights and gap when there are any), of
        this year's ``projects`` (:meth:`this_year`): the same on a page, in the bulletin and in a hand-written page."""
        f, r = self.fmt, self.report
        judged = self.this_year(projects)
        if len(judged) != len(projects):
            projects, summary = judged, metrics.summarize(judged, summary.year)
        total = total or f.total  # a page's marks a partial sum (explained once, under it); the bulletin says it in words
        counts = {light: sum(lights.project_light(p, r).light is light for p in projects) for light in lights.Light}
        rate = summary.completion_rate
        points = lights.points_against(rate.value, lights.schedule_share(r))
        # the sentence says only what the data reports: no "completed —, — of the plan"
        key = ("bulletin_sentence" if rate.value is not None else "bulletin_sentence_completed"
               if summary.annual_completed.value is not None else "bulletin_sentence_unreported")
        head = f.t(key, span=self.span_label(), count=summary.count, completed=total(summary.annual_completed),
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
