"""Which project a row is: its id (a national 投资项目代码 serves), an id made from its name when the code is
still to come (待赋码), and a project named in another table found by code or by its name however written."""

from __future__ import annotations

import difflib
import re

from ..contract.marks import fold
from .cells import RESERVED_IDS, RowReader, safe_id

#: Words in a code cell that say the code does not exist yet.
PENDING_CODES = frozenset(fold(w) for w in ("待赋码", "未赋码", "暂无代码", "暂未赋码", "待生成", "待定", "暂无", "无"))
_PUNCTUATION = re.compile(r"[\s\"'“”‘’·•.,，。、:：;；\-—–_()\[\]{}【】〔〕［］〈〉《》]")


def slug(text: str | None, empty: str = "project") -> str:
    """A URL-safe id for a name that is not one: unsafe characters become ``-``."""
    if not text:
        return ""
    out = "".join(c if (c.isalnum() or c in "-_") else "-" for c in text).strip("-")
    out = re.sub(r"-{2,}", "-", out)
    return out or empty


def not_reserved(cid: str) -> str:
    """An id made from a name, kept off the names of the site's own pages."""
    return f"{cid}-2" if cid.casefold() in RESERVED_IDS else cid


def unique(candidate: str, taken) -> str:
    n, cid = 2, candidate
    while cid in taken or cid.casefold() in RESERVED_IDS:
        cid, n = f"{candidate}-{n}", n + 1
    return cid


def name_key(name: str) -> str:
    """The form names are matched in across tables: NFKC, case and white space aside, brackets and punctuation left
    out (``XX项目（一期）`` = ``XX项目[一期]`` = ``XX项目 一期``)."""
    return _PUNCTUATION.sub("", fold(name))


class ProjectIds:
    """Ids of one projects table. A code cell that says the code is still to come (待赋码), or is empty, gives
    an id made from the name, with a warning; so do all rows when ids would come from a 序号 that restarts in
    each section."""

    def __init__(self, from_names: bool):
        self.from_names = from_names
        self.taken: set[str] = set()

    def of(self, r: RowReader, name: str | None) -> str | None:
        if r.bound.column("id") is None:
            return None
        text = r.text("id")
        if self.from_names or text is None or fold(text) in PENDING_CODES or r.missing.kind(text) is not None:
            if not name:
                return None
            pid = unique(slug(name), self.taken)
            if not self.from_names:
                r.problem("id-from-name", "id", id=pid)
            self.taken.add(pid)
            return pid
        pid = r.identifier("id")
        if pid:
            self.taken.add(pid)
        return pid


class ProjectFinder:
    """Finds the project a progress row names: by id or code, else by name in :func:`name_key` form; an unknown
    name gets the closest known one as a suggestion."""

    def __init__(self, projects):
        self.projects = projects
        self.by_name: dict[str, str] = {}
        self.by_code = {fold(pid): pid for pid in projects}
        for p in projects.values():
            self.by_name.setdefault(name_key(p.name), p.id)

    def by_id(self, pid: str) -> str | None:
        return pid if pid in self.projects else self.by_code.get(fold(pid))

    def same_name(self, pid: str, name: str) -> bool:
        return name_key(self.projects[pid].name) == name_key(name)

    def named(self, name: str) -> str | None:
        return self.by_name.get(name_key(name))

    def closest(self, name: str) -> str | None:
        """The name of the known project closest to ``name``, if any is close."""
        found = difflib.get_close_matches(name_key(name), list(self.by_name), n=1, cutoff=0.6)
        return self.projects[self.by_name[found[0]]].name if found else None


def safe_or_slug(name: str) -> str:
    return name if safe_id(name) else slug(name, "cluster")
