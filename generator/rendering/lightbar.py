"""The bar of a group's projects by light: every project in it, red first, the unlit too and why they are unlit.

The bar is drawn by the stylesheet, each part with its light's shape; its legend, in the bar's order, is the text a
screen reader and a printed page read (colour is never the only signal)."""

from __future__ import annotations

from markupsafe import Markup

from ..figures.lights import Light
from .formatting import Formatter
from .lamps import SHAPES, lamp
from .markup import h

#: The bar's order: the furthest behind first, as the 重点关注 table reads.
ORDER = (Light.RED, Light.YELLOW, Light.GREEN)
UNLIT_SHAPE = "○"


def light_bar(fmt: Formatter, counts: dict[Light, int], unlit: dict[str, int]) -> Markup:
    """``counts`` (projects by light) and ``unlit`` (projects without one, by reason) as a bar with its legend
    and a line saying what the unlit are."""
    f = fmt
    parts = [(light.value, SHAPES[light], counts[light]) for light in ORDER if counts.get(light)]
    left = sum(unlit.values())
    if left:
        parts.append(("none", UNLIT_SHAPE, left))
    bar = "".join(f'<span class="ps-lightbar__part ps-lightbar__part--{key}" style="flex-grow:{n}">{shape}</span>'
                  for key, shape, n in parts)
    legend = [lamp(light, f.language, f.t(f"light_count_{light.value}", n=counts.get(light, 0))) for light in ORDER]
    if left:
        legend.append(Markup(f'<span class="ps-light ps-light--none"><span class="ps-light__shape" aria-hidden="true">'
                             f'{UNLIT_SHAPE}</span>{h(f.t("light_count_none", n=left))}</span>'))
    items = "".join(f"<li>{item}</li>" for item in legend)
    note = ""
    if left:
        reasons = f.join(f.t("unlit_reason_count", reason=f.t("unlit_" + reason), n=n) for reason, n in unlit.items())
        note = f'<p class="ps-lightbar__note">{h(f.t("unlit_note", reasons=reasons))}</p>'
    total = sum(counts.values()) + left
    return Markup(f'<div class="ps-lightbar" data-search-exclude><div class="ps-lightbar__bar" aria-hidden="true">{bar}</div>'
                  f'<ul class="ps-lightbar__legend" aria-label="{h(f.t("lights_of_all", n=total))}">{items}</ul>{note}</div>')
