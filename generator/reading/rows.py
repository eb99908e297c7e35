"""What a row below a table's header is: a note, a section heading, a total or subtotal, a package project's
sub-row, or a row of data; and what a section heading says."""

from __future__ import annotations

import re

from ..contract.marks import clean
from ..contract.vocab import STAGE_WORDS, Stage, Vocabulary

TOTAL_WORDS = ("合计", "总计")
SUBTOTAL_WORDS = ("小计",)
NOTE_WORDS = ("注", "备注", "说明", "数据来源", "填报", "来源")
#: A section heading inside a table: 一、新开工项目（5个）, （二）续建项目, 3. 储备项目
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d+[、](?!\d))")
_TOTAL = re.compile(rf"^[^\d]{{0,6}}({'|'.join(TOTAL_WORDS)})")
#: a sub-row of a package project: 8-1, 8.1 (in the 序号 column), ①, or a name written 其中：…
COMPONENT_SERIAL = re.compile(r"^\d+[-.－—]\d+$|^[①-⑳]$")
COMPONENT_NAME = re.compile(r"^其中[:：]\s*")
_STATED_COUNT = re.compile(r"[(（](?:共)?(\d+)(?:个|项)[^()（）]*[)）]")
_STAGES = Vocabulary(STAGE_WORDS)


def serial_text(cell) -> str | None:
    """A 序号 as written; one that Excel turned into a date (``8-1`` typed in became 1 August) as ``8-1`` again."""
    if cell is None:
        return None
    month, day = getattr(cell, "month", None), getattr(cell, "day", None)
    if month and day and not isinstance(cell, str):
        return f"{month}-{day}"
    return clean(str(cell))


def is_total(first: str) -> bool:
    return bool(_TOTAL.match(first)) and len(first) <= 16


def _heading_text(heading: str) -> tuple[str, int | None]:
    """A section heading without its numbering and stated count, and the count."""
    text = clean(heading)
    count = _STATED_COUNT.search(text)
    text = _STATED_COUNT.sub("", text)
    text = re.sub(r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d+[、.])", "", text)
    return text, int(count[1]) if count else None


def heading_stage(heading: str) -> tuple[Stage | None, int | None]:
    """``一、续建项目（16个）`` -> (continuing, 16): the stage a section heading names and the count it states."""
    text, count = _heading_text(heading)
    return _STAGES.get(text), count


#: What a place's name ends with: 东山区, 南岭县, 云州市, 某某旗, 经济技术开发区, 某某镇, 某某街道
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:区|县|市|旗|州|盟|镇|乡|街道|开发区|新区|园区)$")


def heading_place(heading: str) -> str | None:
    """``一、东山区（4个）`` -> 东山区: the place a section heading names, when it names one (a city compiles its
    counties' projects in sections, one per county)."""
    text, _ = _heading_text(heading)
    return text if _PLACE.match(text) and _STAGES.get(text) is None else None


def opens_section(cells: list) -> bool:
    """A heading alone on its row that names a place or a stage (一、东山区（4个）): above a header, it still opens the
    section of the rows below."""
    texts = [str(c).strip() for c in cells if c is not None]
    return len(texts) == 1 and bool(HEADING.match(texts[0])) and (
        heading_place(texts[0]) is not None or heading_stage(texts[0])[0] is not None)
