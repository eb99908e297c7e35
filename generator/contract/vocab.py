"""Controlled vocabularies: project status, category and level, with the words users type."""

from __future__ import annotations

from enum import Enum

from .marks import fold


class Status(str, Enum):
    """Where a project stands. Declared in lifecycle order; ``suspended`` stands apart."""

    RESERVE = "reserve"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    UNDER_CONSTRUCTION = "under_construction"
    TRIAL_OPERATION = "trial_operation"
    OPERATING = "operating"
    COMPLETED = "completed"
    SUSPENDED = "suspended"

    @property
    def stage(self) -> int | None:
        """Position in the lifecycle (0 = reserve), or None for suspended."""
        return _STAGES[self]


_STAGES = {s: (None if s is Status.SUSPENDED else i) for i, s in enumerate(Status)}


class Category(str, Enum):
    KEY = "key"
    INVESTMENT = "investment"
    RESERVE = "reserve"


STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(["储备", "谋划", "前期"], Status.RESERVE),
    **dict.fromkeys(["洽谈", "在谈", "意向", "拟签约"], Status.NEGOTIATING),
    **dict.fromkeys(["签约", "已签约"], Status.SIGNED),
    **dict.fromkeys(["开工", "已开工", "在建", "动工", "新开工", "续建"], Status.UNDER_CONSTRUCTION),
    **dict.fromkeys(["试投产", "试运行", "试生产"], Status.TRIAL_OPERATION),
    **dict.fromkeys(["投产", "已投产", "部分投产", "运营"], Status.OPERATING),
    **dict.fromkeys(["建成", "已建成", "竣工", "完工"], Status.COMPLETED),
    **dict.fromkeys(["停建", "暂停", "缓建"], Status.SUSPENDED),
}

CATEGORY_WORDS: dict[str, Category] = {
    **dict.fromkeys(["重点项目", "重点"], Category.KEY),
    **dict.fromkeys(["招商项目", "招商引资项目", "招商", "招引项目"], Category.INVESTMENT),
    **dict.fromkeys(["储备项目", "储备"], Category.RESERVE),
}

#: Levels are open-ended words; these are the ones every site accepts.
LEVEL_WORDS: dict[str, str] = {w: w for w in ["国家重点", "省重点", "市重点", "区重点", "县重点", "省市重点"]}


normalize_word = fold  # NFKC, no white space, lower case


class Vocabulary:
    """Maps the words of one field (built-in plus the site's own) to canonical values."""

    def __init__(self, words: dict[str, object], canonical: list[object] | None = None):
        self.words = dict(words)
        self._lookup = {normalize_word(w): v for w, v in self.words.items()}
        for value in canonical or []:
            key = value.value if isinstance(value, Enum) else str(value)
            self._lookup.setdefault(normalize_word(key), value)

    def get(self, text: str):
        """The canonical value for ``text``, or None. A trailing parenthetical is ignored."""
        key = normalize_word(text)
        if key in self._lookup:
            return self._lookup[key]
        for opener, closer in ("()", "[]", "【】"):
            if key.endswith(closer) and opener in key:
                return self._lookup.get(key[: key.rindex(opener)])
        return None

    def accepted(self):
        """The words a user may type: all of them in Chinese, canonical names and added words in English."""
        from ..text.catalogue import Label

        canonical = [v.value if isinstance(v, Enum) else str(v) for v in dict.fromkeys(self.words.values())]
        added = [w for w in self.words if not any("\u4e00" <= c <= "\u9fff" for c in w)]
        return Label("、".join(self.words), ", ".join(dict.fromkeys(canonical + added)))
