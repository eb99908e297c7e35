"""Controlled vocabularies: project status, category and level, with the words users type."""

from __future__ import annotations

from enum import Enum

from .marks import fold


class Status(str, Enum):
    """Where a project stands. Declared in lifecycle order; ``suspended`` stands apart."""

    RESERVE = "reserve"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    NOT_STARTED = "not_started"  # listed to start (未开工), not yet begun: not a reserve project
    UNDER_CONSTRUCTION = "under_construction"
    TRIAL_OPERATION = "trial_operation"
    OPERATING = "operating"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"  # ended before completion (终止, cancelled): not completed, and no longer judged

    @property
    def stage(self) -> int | None:
        """Position in the lifecycle (0 = reserve), or None for suspended and terminated."""
        return _STAGES[self]


_STAGES = {s: (None if s in (Status.SUSPENDED, Status.TERMINATED) else i) for i, s in enumerate(Status)}


class Category(str, Enum):
    KEY = "key"
    INVESTMENT = "investment"
    RESERVE = "reserve"


#: The words English portfolios use for a status.
ENGLISH_STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(["pipeline", "planning", "planned", "proposed", "preparation", "identification"], Status.RESERVE),
    **dict.fromkeys(["negotiation", "in negotiation"], Status.NEGOTIATING),
    **dict.fromkeys(["contracted", "awarded"], Status.SIGNED),
    **dict.fromkeys(["not started", "not yet started"], Status.NOT_STARTED),
    **dict.fromkeys(["under construction", "in construction", "construction", "in progress", "ongoing", "on-going", "on going", "started",
                     "implementation"], Status.UNDER_CONSTRUCTION),
    # OC4IDS's projectStatus: completion is the handover, maintenance the assets in use, decommissioning their end
    **dict.fromkeys(["completion", "decommissioning", "decommissioned"], Status.COMPLETED),
    "maintenance": Status.OPERATING,
    **dict.fromkeys(["trial operation", "commissioning", "testing"], Status.TRIAL_OPERATION),
    **dict.fromkeys(["operating", "in operation", "operational", "in use"], Status.OPERATING),
    **dict.fromkeys(["complete", "finished", "closed", "done"], Status.COMPLETED),
    **dict.fromkeys(["on hold", "paused", "halted"], Status.SUSPENDED),
    **dict.fromkeys(["terminated", "cancelled", "canceled", "abandoned", "withdrawn"], Status.TERMINATED),
}

STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(["储备", "谋划", "前期", "预备", "前期工作", "前期阶段", "策划"], Status.RESERVE),
    **dict.fromkeys(["洽谈", "在谈", "意向", "拟签约", "洽谈中", "在洽谈"], Status.NEGOTIATING),
    **dict.fromkeys(["签约", "已签约", "签约未开工"], Status.SIGNED),
    **dict.fromkeys(["未开工", "待开工", "拟开工", "尚未开工", "未动工", "计划开工"], Status.NOT_STARTED),
    **dict.fromkeys(["开工", "已开工", "在建", "动工", "已动工", "新开工", "续建", "施工", "施工中", "建设中", "在建中",
                     "正在建设"], Status.UNDER_CONSTRUCTION),
    **dict.fromkeys(["试投产", "试运行", "试生产", "调试"], Status.TRIAL_OPERATION),
    **dict.fromkeys(["投产", "已投产", "部分投产", "运营", "已运营", "投入运营", "投用", "已投用", "投入使用"], Status.OPERATING),
    **dict.fromkeys(["建成", "已建成", "竣工", "完工", "已完工", "已竣工", "全面完工", "竣工验收", "交付使用"], Status.COMPLETED),
    **dict.fromkeys(["停建", "暂停", "缓建", "停工", "已停工", "暂缓", "中止"], Status.SUSPENDED),
    **dict.fromkeys(["终止", "已终止", "取消", "已取消", "撤销", "退出"], Status.TERMINATED),
    **ENGLISH_STATUS_WORDS,
}


class Stage(str, Enum):
    """Which part of the year's list a project is in: the section headings of an office's table."""

    CONTINUING = "continuing"  # 续建
    NEW = "new"  # 新开工
    PREPARATORY = "preparatory"  # 预备、前期
    COMPLETED = "completed"  # 竣工

    @property
    def status(self) -> Status | None:
        """The status a row of this section has when the table gives none (a new project's depends on it)."""
        return {Stage.CONTINUING: Status.UNDER_CONSTRUCTION, Stage.PREPARATORY: Status.RESERVE,
                Stage.COMPLETED: Status.COMPLETED}.get(self)


STAGE_WORDS: dict[str, Stage] = {
    **dict.fromkeys(["续建", "续建项目", "续建类", "在建", "在建项目", "续建重点项目"], Stage.CONTINUING),
    **dict.fromkeys(["新开工", "新开工项目", "新建", "新建项目", "计划新开工", "计划新开工项目", "新开工重点项目"], Stage.NEW),
    **dict.fromkeys(["预备", "预备项目", "前期", "前期项目", "前期工作项目", "储备", "储备项目", "谋划项目", "预备类"], Stage.PREPARATORY),
    **dict.fromkeys(["竣工", "竣工项目", "建成", "建成项目", "竣工投产", "竣工投产项目", "完工项目"], Stage.COMPLETED),
}

YES_WORDS = frozenset({"是", "已开工", "开工", "yes", "y", "true", "1", "√", "✓"})
NO_WORDS = frozenset({"否", "未开工", "no", "n", "false", "0", "×"})

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

    def __init__(self, words: dict[str, object], canonical: list[object] | None = None,
                 own: dict[str, object] | None = None):
        self.own = dict(own or {})  # the site's words (its settings), named in every language's list
        self.words = {**words, **self.own}
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
        """The words a user may type, each list in its own language: the Chinese built-in words (grouped by what
        they mean) in Chinese, the canonical names in English; the site's own words in both."""
        from ..text.catalogue import Label

        def chinese(word: str) -> bool:
            return any("\u4e00" <= c <= "\u9fff" for c in word)

        canonical = [v.value if isinstance(v, Enum) else str(v) for v in dict.fromkeys(self.words.values())]
        added = [w for w in self.own if not chinese(w)]
        groups: dict[object, list[str]] = {}
        for word, value in self.words.items():
            if chinese(word) or word in self.own:
                groups.setdefault(value, []).append(word)
        shown = "、".join("/".join(words[:4]) + ("等" if len(words) > 4 else "") for words in groups.values())
        return Label(shown, ", ".join(dict.fromkeys(canonical + added)))
