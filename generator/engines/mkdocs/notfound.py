"""The page for a missing address, in the site's language (the theme's own says it in English)."""

from __future__ import annotations

from ...text.catalogue import say


def not_found_template(language: str) -> str:
    """A theme template for 404.html, its words from the catalogue; links are filled in by the theme."""
    text = say("not-found-text", language, home="{{ base_url }}/", projects="{{ base_url }}/projects/")
    return ('{% extends "main.html" %}\n{% block content %}\n'
            f"  <h1>{say('not-found-title', language)}</h1>\n  <p>{text}</p>\n"
            "{% endblock %}\n")
