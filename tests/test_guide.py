"""The README and the guide, in Chinese and in English: every command, make target and setting the tool has
is in both guides, every one the README names exists, and every link and picture they give leads somewhere."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from generator.cli import main
from generator.settings.config import SiteConfig

from .conftest import ROOT

GUIDES = ["GUIDE.md", "GUIDE.en.md"]
DOCUMENTS = ["README.md", *GUIDES]


def _text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _make_targets() -> set[str]:
    """The Makefile's documented targets (those with a ``##`` note)."""
    return set(re.findall(r"^([a-z][a-z-]*):[^\n]*##", _text("Makefile"), re.M))


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped (CJK kept), spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("guide", GUIDES)
def test_each_guide_covers_every_command_make_target_and_setting(guide):
    text = _text(guide)
    missing = [f"progress-site {c}" for c in main.commands if f"progress-site {c}" not in text]
    missing += [f"make {t}" for t in sorted(_make_targets()) if f"make {t}" not in text]
    missing += [f"`{key}`" for key in SiteConfig.model_fields if f"`{key}`" not in text]
    missing += [code for code in ("progress-site --version", "--no-index --find-links", "fonts-noto-cjk", "bulletin.fonts")
                if code not in text]
    assert missing == []


def test_what_the_readme_names_exists():
    text = _text("README.md")
    named = set(re.findall(r"progress-site (\w[\w-]*)", text))
    assert named and named <= set(main.commands)
    targets = set(re.findall(r"^make (\w+)", text, re.M))
    assert {"site", "test", "serve"} <= targets <= _make_targets()
    assert len(text) < 4000  # short: the guide has the rest


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_link_and_picture_leads_somewhere(name):
    text = _text(name)
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        if path and not (ROOT / unquote(path)).exists():
            broken.append(target)
        elif anchor and not path and unquote(anchor) not in anchors:
            broken.append(target)
        elif anchor and path.endswith(".md"):
            there = {_slug(h) for h in re.findall(r"^#+ (.+)$", (ROOT / path).read_text(encoding="utf-8"), re.M)}
            if unquote(anchor) not in there:
                broken.append(target)
    assert broken == []


def test_both_guides_have_the_same_sections():
    counts = [len(re.findall(r"^## \d+\. ", _text(g), re.M)) for g in GUIDES]
    assert counts[0] == counts[1] >= 15
    subsections = [re.findall(r"^### (\d+\.\d+) ", _text(g), re.M) for g in GUIDES]
    assert subsections[0] == subsections[1]
