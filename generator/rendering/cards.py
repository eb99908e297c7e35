"""Figure cards: the few figures a reader takes in at a glance, first on the home, cluster, stage and year pages.

Each card is a figure the page's own tables and lists are made from (one definition per figure); a sum that
left projects out says so on its card.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..figures import metrics
from .formatting import Formatter
from .markup import h


@dataclass(frozen=True)
class Card:
    key: str  # what it shows: projects, planned, completed, rate, overdue, start_rate
    label: str
    value: Markup
    note: str | None = None


def figure_cards(fmt: Formatter, summary: metrics.Summary, completed_label: str, gap: str | None = None,
                 start: metrics.StartRate | None = None, overdue: int = 0) -> list[Card]:
    """The cards of a group of projects: count, the year's plan and completion, the rate against 序时进度
    (``gap``), the projects overdue and the new projects' 开工率 when there are any (the lights have their bar,
    :mod:`.lightbar`)."""
    f = fmt
    categories = [(c, n) for c, n in summary.by_category.items() if n]
    note = f.join(f.t("labelled", label=f.t("n_" + c.value), text=str(n)) for c, n in categories) \
        if len(categories) > 1 else None
    cards = [Card("projects", f.t("project_count"), Markup(summary.count), note)]
    if summary.year:
        for key, label, sum_ in (("planned", f.of_year("year-planned", summary.year), summary.annual_planned),
                                 ("completed", completed_label, summary.annual_completed)):
            value, left_out = f.total_parts(sum_)
            cards.append(Card(key, label, Markup(h(value)), left_out))
        cards.append(Card("rate", f.of_year("year-rate", summary.year), Markup(h(f.ratio(summary.completion_rate))), gap))
    if overdue:
        cards.append(Card("overdue", f.t("overdue_count"), Markup(overdue)))
    if start is not None and start.rate.value is not None:
        cards.append(Card("start_rate", f.t("start_rate"), Markup(h(f.ratio(start.rate))),
                          f.t("start_rate_note", due=start.due, started=start.started)))
    return cards


def cards_html(cards: list[Card]) -> Markup:
    """The cards as one line of HTML (a block of its own in Markdown): a description list, so a screen reader
    reads each label with its figure."""
    items = "".join(
        f'<div class="ps-card ps-card--{c.key}"><dt>{h(c.label)}</dt><dd class="ps-card__value">{c.value}</dd>'
        + (f'<dd class="ps-card__note">{h(c.note)}</dd>' if c.note else "") + "</div>" for c in cards)
    return Markup(f'<dl class="ps-cards">{items}</dl>')
