"""The site's settings for progress-site, declared once and validated with messages that name the key.

The same settings are read from the ``progress`` entry of ``mkdocs.yml``'s ``plugins`` by the
MkDocs plugin and by the command line, so both see one schema.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, BaseModel, Field, ValidationError

from ..contract.geometry import BOUNDARY_SUFFIXES
from ..contract.limits import Limits
from ..contract.marks import DEFAULT_MISSING, code_points, visible
from ..contract.units import Currency, currency
from ..contract.vocab import Category, Status
from ..text.catalogue import is_key, language_of, say
from ..text.messages import WARNING_CODES, render
from ..text.problems import Silence
from .base import Settings as _Settings
from .files import FileSettings, file_problems
from .identity import IdentitySettings, identity_problems

PLUGIN_NAME = "progress"
#: Set by ``progress-site build/serve --data``: the data folder to use instead of the setting.
DATA_ENV = "PROGRESS_SITE_DATA"


class ConfigError(Exception):
    """Settings that cannot be used. ``problems`` holds (key, reason) pairs."""

    def __init__(self, problems: list[tuple[str, str]], language: str = "zh", code: str = "config-invalid"):
        self.problems = problems
        self.language = language
        self.code = code  # config-invalid: a setting; config-file: the file itself
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [render(self.code, self.language, key=k, reason=r) for k, r in self.problems]


def _words_help(kind: str) -> str:
    return "、".join(DEFAULT_MISSING[kind])


class MissingSettings(_Settings):
    """The words that mean a cell holds no figure, by kind; a list given replaces that kind's default. ``*`` and
    ``?`` make a pattern (``Exempt under*``); case, width and spaces do not matter."""

    withheld: list[str] | None = Field(None, description=f"withheld (shown as withheld, left out of sums); default: {', '.join(DEFAULT_MISSING['withheld'])}", json_schema_extra={"zh": f"未公开（显示为“未公开”，不计入合计）；默认：{_words_help('withheld')}"})
    tbd: list[str] | None = Field(None, description=f"to be determined; default: {', '.join(DEFAULT_MISSING['tbd'])}", json_schema_extra={"zh": f"待定；默认：{_words_help('tbd')}"})
    not_applicable: list[str] | None = Field(None, description=f"not applicable (sums are not partial for it); default: {', '.join(DEFAULT_MISSING['not_applicable'])}", json_schema_extra={"zh": f"不适用（合计不因此标为不完整）；默认：{_words_help('not_applicable')}"})
    not_reported: list[str] | None = Field(None, description=f"not reported (like an empty cell); default: {', '.join(DEFAULT_MISSING['not_reported'])}", json_schema_extra={"zh": f"未填报（同空白单元格）；默认：{_words_help('not_reported')}"})


class LightSettings(_Settings):
    """What 红黄绿灯 judge, and their bands in percentage points below 序时进度 (or the schedule)."""

    green_within: float = Field(0, ge=0, le=100, description="points below the share of the year elapsed that are still green", json_schema_extra={"zh": "低于序时进度多少个百分点以内仍为绿灯"})
    yellow_within: float = Field(30, ge=0, le=100, description="points below it that are still yellow (further below is red)", json_schema_extra={"zh": "低于序时进度多少个百分点以内为黄灯（更低为红灯）"})
    by: Literal["annual_plan", "schedule"] = Field("annual_plan", description="what a project is lit by: annual_plan (its completion of the year's planned investment against the share of the year elapsed) or schedule (its physical progress against the share of its own schedule elapsed, from its start to its planned completion)", json_schema_extra={"zh": "亮灯依据：annual_plan（年度投资计划完成率对比序时进度）或 schedule（形象进度对比工期进度，即从开工到计划竣工已过去的比例）"})


class MapSettings(_Settings):
    """The map of projects: the district's boundary file."""

    boundary: str | None = Field(None, description="the district's boundary for the map: a GeoJSON (.geojson, .json) or TopoJSON (.topojson) file in the data folder; default: boundary.geojson, boundary.json or boundary.topojson when there is one", json_schema_extra={"zh": "地图上的辖区边界：数据文件夹中的 GeoJSON（.geojson、.json）或 TopoJSON（.topojson）文件；默认取 boundary.geojson、boundary.json 或 boundary.topojson（有则用）"})
    object: str | None = Field(None, description="the TopoJSON object to draw; default: the first", json_schema_extra={"zh": "要画出的 TopoJSON 对象；默认取第一个"})


class ExchangeRateSettings(_Settings):
    """Rates that convert amounts written in other currencies into the site's, with where they come from."""

    rates: dict[Annotated[str, AfterValidator(str.upper)], float] = Field(default_factory=dict, description="currency code -> units of the site's currency one unit of it is worth (USD: 1790.5)", json_schema_extra={"zh": "币种代码 → 一个单位合多少本站币种（USD: 7.1）"})
    date: dt.date | None = Field(None, description="the date the rates are of", json_schema_extra={"zh": "汇率的日期"})
    source: str | None = Field(None, description="where the rates come from (a central bank's reference rates …)", json_schema_extra={"zh": "汇率的来源（如中国人民银行公布的中间价）"})


class BulletinSettings(_Settings):
    """The printed bulletin (通报)."""

    formats: list[Literal["pdf", "docx"]] = Field(["pdf", "docx"], description="what build writes into the downloads: pdf, docx, or [] for neither", json_schema_extra={"zh": "构建时写入数据下载的格式：pdf、docx，写 [] 则都不生成"})
    title: str | None = Field(None, description="the bulletin's title; default 重点项目建设进展情况通报 (Key projects: progress bulletin)", json_schema_extra={"zh": "通报标题；默认“重点项目建设进展情况通报”"})
    office: str | None = Field(None, description="the issuing office on the cover; default: office", json_schema_extra={"zh": "封面上的发文单位；默认取 office"})
    text: str | None = Field(None, description="the office's own words (Markdown, [[ … ]] figures allowed) placed before the generated sections: a file in the data folder; default bulletin.md when there is one", json_schema_extra={"zh": "放在生成内容之前的本单位文字（Markdown，可用 [[ … ]] 数字）：数据文件夹中的文件；默认取 bulletin.md（有则用）"})
    fonts: list[str] = Field(default_factory=list, description="folders of the CJK fonts to set it in (Noto Serif/Sans CJK SC, 宋体, 黑体 …); default: the usual system folders", json_schema_extra={"zh": "排版所用中文字体所在的文件夹（思源/Noto 宋体黑体等）；默认查找系统常用字体目录"})
    charts: bool = Field(True, description="draw the charts (vector graphics)", json_schema_extra={"zh": "是否绘制图表（矢量图）"})
    list_up_to: int = Field(300, ge=0, description="list each cluster's projects when the bulletin covers at most this many projects (0: never); above, each cluster has its sentence and the site's project index holds the list", json_schema_extra={"zh": "通报涉及的项目不超过此数时，分产业集群列出每个项目（0 表示不列）；超过时各集群只写概况，项目明细见网站项目一览"})


class IgnoreSetting(_Settings):
    """A warning or note not to report in one file or one column only."""

    code: str = Field(description="the problem's code, as printed after its message", json_schema_extra={"zh": "问题代码（提示末尾方括号中的）"})
    file: str | None = Field(None, description="only in this file of the data folder", json_schema_extra={"zh": "只在数据文件夹中的这个文件里"})
    column: str | None = Field(None, description="only in the column with this header", json_schema_extra={"zh": "只在此表头的列中"})


#: Projects from which ``search: auto`` chooses Pagefind. The theme's search downloads its whole index with a
#: visitor's first page and builds it in the browser: measured in Chromium, its first result took 0.75 s at 200
#: projects, 1.0 s at 400 and 1.4 s at 700 (68, 124 and 208 KB of index, compressed), Pagefind's about 0.45 s
#: at any size after fetching only the index parts a query needs (benchmarks/README.md).
PAGEFIND_FROM = 300


class SiteConfig(_Settings):
    """Every setting of a progress site, with its default."""

    data_dir: str = Field("data", description="the data folder, relative to mkdocs.yml", json_schema_extra={"zh": "数据文件夹，相对于 mkdocs.yml"})
    language: Literal["zh", "en"] | None = Field(None, description="language of pages and messages; default: theme.language", json_schema_extra={"zh": "页面和提示的语言（zh 或 en）；默认取 theme.language"})
    currency: Annotated[str, AfterValidator(str.upper)] = Field("CNY", description="currency of every amount: an ISO 4217 code (CNY, USD, EUR, GBP, HKD, JPY …)", json_schema_extra={"zh": "金额的币种：ISO 4217 代码（CNY、USD、EUR、GBP、HKD、JPY 等）"})
    unit: str | None = Field(None, description="display unit; default 亿元 (CNY) or million USD", json_schema_extra={"zh": "显示单位；默认亿元（CNY）或 million USD"})
    input_unit: str | None = Field(None, description="unit of a bare number in a column whose header names none; default: unit", json_schema_extra={"zh": "表头和单元格都没写单位时数字的单位；默认同显示单位"})
    outside_files: bool = Field(False, description="read the files that a symbolic link or a path setting (files.*.path, bulletin.text, map.boundary) puts outside the data folder; the methodology page then says which data came from outside it", json_schema_extra={"zh": "读取符号链接或路径设置（files.*.path、bulletin.text、map.boundary）指向数据文件夹以外的文件；“数据与方法”页会注明哪些数据取自数据文件夹以外"})
    encoding: str | None = Field(None, description="encoding of CSV files and of bulletin.md; default: detected", json_schema_extra={"zh": "CSV 文件和 bulletin.md 的编码；默认自动识别"})
    date_formats: list[str] = Field(default_factory=list, description="extra strptime formats for dates, e.g. %m/%d/%Y", json_schema_extra={"zh": "额外的日期格式（strptime），如 %m/%d/%Y"})
    exchange_rates: ExchangeRateSettings = Field(default_factory=ExchangeRateSettings, description="rates, date and source that convert amounts written in other currencies into the site's; without a rate, such amounts are shown and summed in their own currency, apart; the methodology page prints them", json_schema_extra={"zh": "把以其他币种填写的金额折算为本站币种的汇率（rates）、日期（date）和来源（source）；没有汇率的，按原币种显示并单独合计；“数据与方法”页列出所用汇率"})
    fiscal_year_start: int = Field(1, ge=1, le=12, description="the month financial years begin in (4 for April, as in the UK; 7 for July); years are named by the year they end in (2022-23, FY2023) and 序时进度 counts from it; default 1, calendar years", json_schema_extra={"zh": "财年从几月开始（英国为 4，即 4 月；澳大利亚为 7）；财年以其结束的年份命名（2022-23、FY2023），序时进度从财年开始计算；默认 1，即自然年"})
    as_of: dt.date | None = Field(None, description="the data's as-of date; default: the end of the latest period", json_schema_extra={"zh": "数据截止日期；默认为最新报告期末"})
    files: dict[Literal["projects", "clusters", "progress", "indicators"], FileSettings] = Field(
        default_factory=dict, description="per table (projects, clusters, progress, indicators): where it is and its headers", json_schema_extra={"zh": "每张表（projects、clusters、progress、indicators）的文件位置和表头"})
    statuses: dict[str, Status] = Field(default_factory=dict, description="extra status words -> canonical status", json_schema_extra={"zh": "新增状态词 → 标准状态"})
    categories: dict[str, Category] = Field(default_factory=dict, description="extra category words", json_schema_extra={"zh": "新增项目类别词 → 标准类别"})
    levels: dict[str, str] = Field(default_factory=dict, description="extra level words -> level shown", json_schema_extra={"zh": "新增项目级别词 → 显示的级别"})
    templates_dir: str | None = Field(None, description="folder of templates that replace the built-in ones (home.md.j2, project.md.j2 ...), relative to mkdocs.yml", json_schema_extra={"zh": "覆盖内置模板（home.md.j2、project.md.j2 等）的文件夹，相对于 mkdocs.yml"})
    filing_number: str | None = Field(None, description="the site's ICP filing number (备案号), shown in the footer", json_schema_extra={"zh": "网站备案号，显示在页脚"})
    office: str | None = Field(None, description="the responsible office, shown in the footer", json_schema_extra={"zh": "主办或负责单位，显示在页脚"})
    identity: IdentitySettings = Field(default_factory=IdentitySettings, description="who runs the site and its filing marks, each shown only when set: organizer, operator, contact, site_code, domain, icp, police, party_mark, error_report", json_schema_extra={"zh": "网站标识与备案信息（设置了才显示）：organizer（主办）、operator（承办）、contact（联系方式）、site_code（网站标识码）、domain（域名）、icp（ICP 备案号）、police（公网安备）、party_mark（党政机关标识）、error_report（纠错）"})
    search: Literal["auto", "material", "pagefind"] = Field("auto", description=f"search engine: auto (the theme's up to {PAGEFIND_FROM - 1} projects, Pagefind from {PAGEFIND_FROM}), material (the theme's: its whole index loads with every first visit) or pagefind (loads only the parts of the index a query needs)", json_schema_extra={"zh": f"站内搜索引擎：auto（{PAGEFIND_FROM - 1} 个项目以内用主题自带搜索，{PAGEFIND_FROM} 个起用 Pagefind）、material（主题自带，首次访问即下载整个索引）或 pagefind（按需加载索引分片）"})
    ignore: list[str | IgnoreSetting] = Field(default_factory=list, description="warnings and notes not to report: a code (withheld-value), or {code, file, column} to silence it in one file or column", json_schema_extra={"zh": "不再提示的警告或提示：代码（如 withheld-value），或 {code, file, column} 只在某文件或某列中不提示"})
    publish_columns: list[str] = Field(default_factory=list, description="headers of project-table columns the schema does not know, to publish on project pages (others are not published)", json_schema_extra={"zh": "项目表中未识别的列里要在项目页上发布的列（表头）；未列出的不发布"})
    publish_personal: list[str] = Field(default_factory=list, description="headers of columns that look like personal data (phone, e-mail, ID number …), to publish all the same", json_schema_extra={"zh": "看起来是个人信息（电话、邮箱、身份证号等）但仍要发布的列（表头）"})
    lights: LightSettings = Field(default_factory=LightSettings, description="bands of the red/yellow/green lights against the share of the year elapsed", json_schema_extra={"zh": "红黄绿灯相对序时进度的带宽"})
    missing: MissingSettings = Field(default_factory=MissingSettings, description="words that mean a cell holds no figure: withheld, tbd, not_applicable, not_reported", json_schema_extra={"zh": "表示单元格没有数值的词：withheld（未公开）、tbd（待定）、not_applicable（不适用）、not_reported（未填报）"})
    limits: Limits = Field(default_factory=Limits, description="how much one data file may hold", json_schema_extra={"zh": "单个数据文件的大小上限"})
    bulletin: BulletinSettings = Field(default_factory=BulletinSettings, description="the printed bulletin (PDF and .docx): formats, title, office, text, fonts, charts, list_up_to", json_schema_extra={"zh": "通报（PDF 和 .docx）：formats（格式）、title（标题）、office（发文单位）、text（本单位文字）、fonts（字体）、charts（图表）、list_up_to（列出项目明细的上限）"})
    feeds: Literal["site", "clusters", "none"] = Field("site", description="Atom feeds of 本期变化: site (one feed, feed.xml), clusters (also one per cluster, feeds/ID.xml, and one per area, feeds/places/AREA.xml) or none", json_schema_extra={"zh": "本期变化的 Atom 订阅：site（全站一个，feed.xml）、clusters（另加每个产业集群一个，feeds/编号.xml，每个地区一个，feeds/places/地区.xml）或 none（不生成）"})
    map: MapSettings = Field(default_factory=MapSettings, description="the map of projects with coordinates (latitude and longitude columns): boundary, object", json_schema_extra={"zh": "有经纬度的项目的地图：boundary（边界文件）、object（TopoJSON 对象）"})

    def search_engine(self, projects: int) -> Literal["material", "pagefind"]:
        """The search a site of ``projects`` projects gets: ``search``, or with ``auto`` the theme's below
        :data:`PAGEFIND_FROM` projects and Pagefind from there."""
        if self.search != "auto":
            return self.search
        return "pagefind" if projects >= PAGEFIND_FROM else "material"

    @property
    def money(self) -> Currency:
        return currency(self.currency)

    @property
    def display_unit(self) -> str:
        return self.unit or self.money.default_unit

    @property
    def bare_unit(self) -> str:
        return self.input_unit or self.display_unit

    def file(self, table: str) -> FileSettings:
        return self.files.get(table, FileSettings())

    @classmethod
    def from_mapping(cls, data: dict | None, language: str = "zh", prefix: str = "") -> "SiteConfig":
        """Validate raw settings; raise ConfigError naming each bad key (``prefix`` + dotted path)."""
        unseen = invisible_settings(data or {}, language, prefix)
        if unseen:
            raise ConfigError(unseen, language)
        try:
            config = cls.model_validate(data or {})
        except ValidationError as exc:
            problems = [(prefix + ".".join(str(p) for p in e["loc"] if p != "[key]"), _reason(e, language) + cls._hint(e, language))
                        for e in exc.errors()]
            raise ConfigError(problems, language) from None
        problems = [(prefix + key, reason) for key, reason in config._rule_problems(language)]
        if problems:
            raise ConfigError(problems, language)
        return config

    @classmethod
    def _hint(cls, error: dict, language: str) -> str:
        """For an unknown key, the known one of its group it was probably meant to be."""
        if error["type"] != "extra_forbidden":
            return ""
        group = _group_of(cls, tuple(error["loc"][:-1]))
        if group is None:
            return ""
        close = difflib.get_close_matches(str(error["loc"][-1]), list(group.model_fields), n=1, cutoff=0.6)
        if not close:
            return ""
        return say("did-you-mean", language, name=close[0])

    def _rule_problems(self, language: str):
        if currency(self.currency) is None:
            yield "currency", say("not-a-currency", language, code=self.currency)
            return
        cur = self.money
        for code, rate in self.exchange_rates.rates.items():
            if currency(code) is None:
                yield f"exchange_rates.rates.{code}", say("not-a-currency", language, code=code)
            elif not rate > 0:
                yield f"exchange_rates.rates.{code}", say("reason-positive", language)
        for key in ("unit", "input_unit"):
            value = getattr(self, key)
            if value is not None and cur.factor(value) is None:
                words = ", ".join(cur.unit_words()[:12])
                yield key, say("not-a-unit", language, value=value, currency=cur.code, words=words)
        for table, settings in self.files.items():
            yield from file_problems(table, settings, self.fiscal_year_start, language)
        if self.lights.yellow_within < self.lights.green_within:
            yield "lights.yellow_within", say("reason-at-least", language, limit=self.lights.green_within)
        for i, rule in enumerate(self.ignore):
            code = rule if isinstance(rule, str) else rule.code
            if code not in WARNING_CODES:
                key = "ignore" if isinstance(rule, str) else f"ignore.{i}.code"
                yield key, say("no-warning-code", language, code=code, values=", ".join(WARNING_CODES))
        if self.map.boundary and not self.map.boundary.lower().endswith(BOUNDARY_SUFFIXES):
            yield "map.boundary", say("reason-suffix", language, suffixes=", ".join(BOUNDARY_SUFFIXES))
        yield from identity_problems(self.identity, language)
        if self.encoding:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                yield "encoding", say("unknown-encoding", language, encoding=self.encoding)

    @property
    def silenced(self) -> list[Silence]:
        """What ``ignore`` silences, each rule in one form."""
        return [Silence(r) if isinstance(r, str) else Silence(r.code, r.file, r.column) for r in self.ignore]


def _plain(limit):
    """A limit as a person writes it: 100, not 100.0."""
    return f"{limit:g}" if isinstance(limit, float) else limit


#: Each group of settings by its class's name (as pydantic names it in an error).
_GROUPS = {group.__name__: group for group in _Settings.__subclasses__()}


def _reason(error: dict, language: str) -> str:
    """Why pydantic refused a value, in the site's language (pydantic's own words for rarer kinds)."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        return say("expected-one-of", language, values=[v for v in expected if v])
    if kind in ("greater_than_equal", "less_than_equal"):
        return say("reason-at-least" if kind == "greater_than_equal" else "reason-at-most", language,
                   limit=_plain(ctx.get("ge", ctx.get("le"))))
    if kind in ("model_type", "dict_type") and ctx.get("class_name") in _GROUPS:
        return say("reason-settings-group", language, keys=", ".join(_GROUPS[ctx["class_name"]].model_fields))
    if kind == "string_type" and isinstance(error.get("input"), (int, float)) and not isinstance(error["input"], bool):
        return say("reason-quote-number", language)
    return say(f"reason-{kind}", language) if is_key(f"reason-{kind}") else error["msg"]


def _group_of(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The group of settings that the key at ``loc`` sits in (None when it is not one)."""
    for part in loc:
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        inner = [a for a in (getattr(field.annotation, "__args__", None) or (field.annotation,))
                 if isinstance(a, type) and issubclass(a, BaseModel)]
        if not inner:
            return None
        model = inner[0]
    return model


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!!python/name, !ENV, !relative)."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_MkDocsLoader.add_multi_constructor("", _any_tag)



def site_language(theme_language: str | None) -> str:
    """zh for any Chinese theme language (zh, zh-Hant, zh-TW), else en; zh when none is set."""
    return language_of(theme_language)


@dataclass(frozen=True)
class Site:
    """A site's settings resolved against the file they came from."""

    config: SiteConfig
    root: Path  # folder of mkdocs.yml, or the working folder
    data_dir: Path
    language: str

    @classmethod
    def resolve(cls, config: SiteConfig, root: Path, data_dir: Path, language: str,
                docs_dir: Path | None = None) -> "Site":
        """The site, once the folders and files its settings name are checked (a ConfigError names the key)."""
        if config.templates_dir and not (root / config.templates_dir).is_dir():
            folder = root / config.templates_dir
            raise ConfigError([(f"plugins.{PLUGIN_NAME}.templates_dir",
                                say("folder-missing", language, folder=folder))],
                              language)
        mark = config.identity.party_mark
        if mark is not None and docs_dir is not None and not (docs_dir / mark.image.lstrip("/")).is_file():
            raise ConfigError([(f"plugins.{PLUGIN_NAME}.identity.party_mark.image",
                                say("file-missing-in-docs", language, file=docs_dir / mark.image.lstrip("/")))],
                              language)
        return cls(config, root, data_dir, language)


def invisible_settings(data, language: str, key: str = "") -> list[tuple[str, str]]:
    """``(dotted key, reason)`` for each text setting holding invisible characters: what would reach the feed's
    XML, the bulletin and the pages' metadata as it is written."""
    if isinstance(data, str):
        _, removed = visible(data)
        return [(key, say("setting-invisible", language, chars="、".join(code_points(removed))))] if removed else []
    if isinstance(data, dict):
        items = ((f"{key}{k}" if not key or key.endswith(".") else f"{key}.{k}", v) for k, v in data.items())
    elif isinstance(data, list):
        items = ((f"{key}.{i}", v) for i, v in enumerate(data))
    else:
        return []
    return [found for k, v in items for found in invisible_settings(v, language, k)]


def read_mkdocs_yml(path: Path) -> dict:
    """mkdocs.yml as a mapping; tags are read as plain values, never run."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_MkDocsLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{mark.line + 1}:{mark.column + 1}: " if mark else ""
        raise ConfigError([("", f"{where}{exc.problem or exc.context}")], code="config-file") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError([("", " ".join(str(exc).split()))], code="config-file") from None
    return data if isinstance(data, dict) else {}


def plugin_settings(mkdocs: dict) -> dict | None:
    """The ``progress`` entry of ``plugins`` (list or mapping form), or None when absent."""
    plugins = mkdocs.get("plugins") or []
    items = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) and p else (p, {}) for p in plugins)
    for name, settings in items:
        if name == PLUGIN_NAME:
            return settings or {}
    return None


def check_site_name(name, language: str) -> None:
    """MkDocs' ``site_name``, which the feed, the bulletin and every page's metadata carry: a ConfigError when it
    holds invisible characters."""
    unseen = invisible_settings(name if isinstance(name, str) else "", language, "site_name")
    if unseen:
        raise ConfigError(unseen, language)


def load_site(config_file: Path | None = None, data_dir: Path | None = None) -> Site:
    """Settings from ``config_file`` (a mkdocs.yml) or defaults; ``data_dir`` overrides the data folder."""
    raw: dict = {}
    theme_language = None
    root = Path.cwd()
    docs_dir = None
    if config_file is not None:
        mkdocs = read_mkdocs_yml(config_file)
        theme = mkdocs.get("theme")
        theme_language = theme.get("language") if isinstance(theme, dict) else None
        raw = plugin_settings(mkdocs) or {}
        root = config_file.resolve().parent
        docs_dir = root / str(mkdocs.get("docs_dir") or "docs")
    if not isinstance(raw, dict):
        raise ConfigError([(f"plugins.{PLUGIN_NAME}", "expected a mapping of settings")])
    language = site_language(raw.get("language") or theme_language)
    if config_file is not None:
        check_site_name(mkdocs.get("site_name"), language)
    config = SiteConfig.from_mapping(raw, language, prefix=f"plugins.{PLUGIN_NAME}.")
    if config.language:
        language = config.language
    folder = data_dir if data_dir is not None else root / config.data_dir
    return Site.resolve(config, root, folder, language, docs_dir)
