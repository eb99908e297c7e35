"""The figures in plain words, for 数据与方法: what a reader needs to read the pages, said with this site's own date,
序时进度 and light bands. The whole definitions (what a file's columns feed, in which order) are in the data
dictionary, a download."""

from __future__ import annotations

from decimal import Decimal

from ..contract.dates import PartialDate
from ..figures import lights, metrics
from ..model.report import Report
from .formatting import Formatter


def plain_words(report: Report, fmt: Formatter) -> list[tuple[str, str]]:
    """(term, sentence) for each figure the pages judge by, in reading order."""
    f, rule = fmt, report.lights
    own = rule.by == "schedule"
    out = [(f.t("physical_progress_term") if own else f.t("completion_rate"),
            f.t("plain_progress" if own else "plain_rate"))]
    share = lights.schedule_share(report)
    if own:
        out.append((f.t("schedule_elapsed_term"), f.t("plain_elapsed")))
    elif share is not None:
        key = "plain_share_fiscal" if report.fiscal_start != 1 else "plain_share"
        out.append((f.t("schedule_share"), f.t(key, date=f.date(PartialDate.of(report.as_of)),
                                                share=f.ratio(metrics.Ratio(share)), month=report.fiscal_start)))
    against = f.t("plain_against_own" if own else "plain_against")
    green = f.t("plain_green_level", against=against) if rule.green_within == 0 else \
        f.t("plain_green_within", against=against, points=_points(f, rule.green_within))
    out.append((f.t("lights_heading"), f.t("plain_lights", green=green, against=against,
                                           yellow=_points(f, rule.yellow_within))
                + ("" if own else f.t("plain_late"))
                + (f.t("plain_stated") if any(lights.stated_light(p.light) for p in report.projects.values()) else "")
                + f.t("plain_unlit")))
    out += [(f.t("watch_heading"), f.t("plain_watch")), (f.t("overdue"), f.t("plain_overdue")),
            (f.t("plain_sums_term"), f.t("plain_sums")), (f.t("rankings"), f.t("plain_rankings"))]
    return out


def _points(fmt: Formatter, points: Decimal) -> str:
    return fmt.number(points, 1)
