"""How a light looks: its word, a shape beside it (colour is never the only signal) and its colour."""

from __future__ import annotations

from markupsafe import Markup

from ..figures.lights import Light
from ..text.catalogue import say
from .markup import h

#: A shape per light, in text (●▲■) and as a chart's point shape.
SHAPES = {Light.GREEN: "●", Light.YELLOW: "▲", Light.RED: "■"}
CHART_SHAPES = {Light.GREEN: "circle", Light.YELLOW: "triangle-up", Light.RED: "square"}
#: Colours of a chart's marks, each at least 3:1 against the theme's light and dark backgrounds.
COLOURS = {Light.GREEN: "#1A9850", Light.YELLOW: "#B8860B", Light.RED: "#E34A33"}
#: A project without a light, in a chart.
UNLIT = ("#8C8C8C", "diamond")


def word(light: Light, language: str) -> str:
    return say(f"light_{light.value}", language)


def lamp(light: Light, language: str, text: str | None = None) -> Markup:
    """``■ 红灯`` as HTML: the shape hidden from screen readers (the word says it), coloured by the stylesheet."""
    shown = h(text if text is not None else word(light, language))
    return Markup(f'<span class="ps-light ps-light--{light.value}"><span class="ps-light__shape" aria-hidden="true">'
                  f'{SHAPES[light]}</span>{shown}</span>')


def lamp_count(light: Light, language: str, n: int) -> Markup:
    """``■1`` as HTML for a table cell short enough for a phone: the shape and the count in view, the light's word
    for a screen reader (the shape is hidden from it); a count of none in grey."""
    shade = light.value if n else "none"  # a zero in grey: the eye goes to the lights there are
    return Markup(f'<span class="ps-light ps-light--{shade}"><span class="ps-light__shape" aria-hidden="true">'
                  f'{SHAPES[light]}</span><span class="ps-sr">{h(word(light, language))}</span>{n}</span>')
