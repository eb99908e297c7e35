"""Reading aids for elderly and low-vision readers (适老化): larger text and high contrast, each a button in a
bar above every page's header, remembered in the browser from page to page.

The buttons are real buttons (reached and pressed from the keyboard) that say whether they are on
(``aria-pressed``); a live region announces each change. A line of script in the head applies the remembered
choice before the page is drawn, so a page never flashes in the other size; without scripts the bar is not
shown (it could do nothing) and pages read as they are. The page script (``assets/progress.js``) works the
buttons; the styles (``assets/progress.css``) make the modes: text at 150%, with the layout reflowing (no
sideways scrolling at 375 px), and black on white or white on black with the theme's greys, links and lights
darkened or lightened to at least 7:1.
"""

from __future__ import annotations

from ..text.catalogue import say
from .markup import h

#: The browser's storage key for the reader's choice, and the modes, each an attribute on ``<html>``
#: (``data-ps-large``, ``data-ps-contrast``) while it is on.
STORE = "progress-site:reading"
MODES = ("large", "contrast")

_HEAD = ("<script>(function(){var d=document.documentElement,m={};d.className+=' ps-js';"
         "try{m=JSON.parse(localStorage.getItem('" + STORE + "')||'{}')}catch(e){}"
         + "".join(f"if(m.{mode})d.setAttribute('data-ps-{mode}','');" for mode in MODES)
         + "})()</script>")


def reading_aids(language: str) -> dict:
    """What every page gets: ``head``, the script for its head, and ``bar``, the buttons' HTML."""
    def t(key: str, **params) -> str:
        return h(say(key, language, **params))
    buttons = "".join(f'<button type="button" class="ps-reading__button" data-ps-mode="{mode}" aria-pressed="false">'
                      f'{t(f"reading-{mode}")}</button>' for mode in MODES)
    bar = (f'<div class="ps-reading" role="region" aria-label="{t("reading-aids")}" data-store="{STORE}"'
           f' data-on="{t("reading-on", mode="{mode}")}" data-off="{t("reading-off", mode="{mode}")}"'
           f' data-scroll-hint="{t("table-scrolls")}">'
           f'<span class="ps-reading__label" aria-hidden="true">{t("reading-aids")}</span>{buttons}'
           f'<span class="ps-reading__status" role="status"></span></div>')
    return {"head": _HEAD, "bar": bar}
