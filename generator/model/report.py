"""The typed model of a progress report that pages are made from.

A report is assembled once (:meth:`Report.assemble`), with everything derived from the whole of it (its
periods, years, as-of date and current year) worked out there, and never changes after: every value in it
is frozen, and its collections are read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType

from ..contract.amounts import NOT_REPORTED, Amount, Qualifier
from ..contract.dates import NO_DATE, DateValue
from ..contract.marks import Missing
from ..contract.periods import Period, fiscal_year_of
from ..contract.spans import Span
from ..contract.vocab import Category, Stage, Status
from .photos import Photo
from .places import within


@dataclass(frozen=True)
class SourceFile:
    """A data file the report was read from, with its checksum (stamped on generated pages)."""

    table: str
    label: str  # as problems name it (relative to the working folder)
    sha256: str
    encoding: str | None
    rows: int
    name: str = ""  # relative to the data folder, with the sheet of a workbook of several: the same wherever it is read
    hidden_rows: int = 0  # rows of data the workbook hides, not published
    hidden_columns: int = 0
    outside: bool = False  # read from outside the data folder (the outside_files setting allows it)
    account: tuple[tuple[str, int], ...] = ()  # what its rows were read as (kind, rows), every row with content

    @property
    def file(self) -> str:
        """The file's name in the data folder, without the sheet (a workbook's sheets are one file)."""
        return self.name[:self.name.rindex("[")] if self.name.endswith("]") else self.name


@dataclass(frozen=True)
class Departure:
    """A project an earlier file of a monthly series lists and the latest does not (调出): its name as last written,
    the last period that lists it, and where."""

    name: str
    last: Period
    source: SourceRef
    place: str | None = None  # the area that listed it (县区)


@dataclass(frozen=True)
class OwnWords:
    """The office's own words for the bulletin (Markdown with [[ … ]] figures), as read and cleaned."""

    text: str
    label: str  # as problems name the file (relative to the working folder)


@dataclass(frozen=True)
class SourceRef:
    file: str
    row: int


@dataclass(frozen=True)
class Cluster:
    id: str
    name: str
    description: str | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class ProgressEntry:
    """One project in one reporting period; amounts are for the period unless named cumulative."""

    project_id: str
    period: Period
    planned_investment: Amount = NOT_REPORTED
    completed_investment: Amount = NOT_REPORTED
    cumulative_investment: Amount = NOT_REPORTED
    total_investment: Amount = NOT_REPORTED
    ytd_completed_investment: Amount = NOT_REPORTED  # from January to the period's end (本年累计完成投资)
    status: Status | None = None
    started: bool | None = None
    note: str | None = None
    source: SourceRef | None = None
    light: str | None = None  # the light (rating) the period's table gives, as written
    physical_progress: Decimal | None = None  # 形象进度 at the period's end, 0 to 1


@dataclass(frozen=True)
class Component:
    """A sub-row of a package project (打包项目: ``8-1``, ``其中：…``): shown on its page, never counted apart."""

    serial: str | None
    name: str
    total_investment: Amount = NOT_REPORTED
    annual_planned_investment: Amount = NOT_REPORTED
    annual_completed_investment: Amount = NOT_REPORTED
    cumulative_investment: Amount = NOT_REPORTED
    status: Status | None = None
    progress_note: str | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    category: Category = Category.KEY
    level: str | None = None
    sector: str | None = None
    cluster_id: str | None = None
    status: Status | None = None
    stage: Stage | None = None  # the section of the year's list it is in (续建, 新开工, 预备, 竣工)
    place: str | None = None  # where it is: a path of areas, widest first (云州市/东山区), see :mod:`.places`
    place_code: str | None = None  # 行政区划代码 of its place, as the table gives it (the map matches areas by it)
    started: bool | None = None  # 是否开工, as reported
    years: tuple[int, ...] = ()
    construction_period: str | None = None
    total_investment: Amount = NOT_REPORTED
    phase1_investment: Amount = NOT_REPORTED
    cumulative_before_year: Amount = NOT_REPORTED
    annual_planned_investment: Amount = NOT_REPORTED
    annual_completed_investment: Amount = NOT_REPORTED
    cumulative_investment: Amount = NOT_REPORTED
    signed_amount: Amount = NOT_REPORTED
    funds_in_place: Amount = NOT_REPORTED
    signed_date: DateValue = NO_DATE
    planned_start_date: DateValue = NO_DATE
    start_date: DateValue = NO_DATE
    operation_date: DateValue = NO_DATE
    completion_date: DateValue = NO_DATE  # 计划竣工时间: as tables mostly mean it, the plan
    actual_completion_date: DateValue = NO_DATE  # 实际竣工时间
    annual_output: Amount = NOT_REPORTED
    output_to_date: Amount = NOT_REPORTED
    annual_revenue: Amount = NOT_REPORTED
    owner: str | None = None
    department: str | None = None
    leader: str | None = None
    location: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    description: str | None = None
    progress_note: str | None = None
    issues: str | None = None  # 存在问题及需协调事项
    light: str | None = None  # 亮灯情况 as the table reports it
    remark: str | None = None
    previous_id: str | None = None  # the id earlier periods' files give it, where it differed (、 between several)
    physical_progress: Decimal | None = None  # 形象进度: the share of the works done, 0 to 1 (or more, as written)
    #: published columns the schema does not know, by header as written: text, or an amount for a money column
    extras: Mapping[str, str | Amount] = field(default_factory=dict)
    components: tuple[Component, ...] = ()
    source: SourceRef | None = None
    progress: tuple[ProgressEntry, ...] = ()  # sorted by period
    #: the year the row's annual figures are for: the report's current year when the project is listed in
    #: it, else the project's latest listed year (set when the report is assembled)
    current_year: int | None = None
    #: figures worked out from this project's fields alone, kept by the function that defines each (a cache:
    #: never compared, not copied by ``replace``)
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def all_years(self) -> tuple[int, ...]:
        """The listed years, or else the years of the project's reporting periods."""
        return self.years or tuple(sorted({e.period.fiscal_year for e in self.progress}))

    def in_report_of(self, year: int | None) -> Project:
        """This project in a report about ``year``: its annual figures' year set."""
        years = self.all_years
        return replace(self, current_year=year if year in years else (years[-1] if years else None))


@dataclass(frozen=True)
class Quantity:
    """An indicator's value or target: a number (with qualifier), a word such as 优秀, or missing."""

    number: Decimal | None = None
    text: str | None = None
    qualifier: Qualifier | None = None
    missing: Missing | None = None
    unit: str | None = None  # a unit written in the cell (个, %, 亿元)
    raw: str = ""


@dataclass(frozen=True)
class Indicator:
    name: str
    value: Quantity
    year: int | None = None
    target: Quantity = Quantity(missing=Missing.NOT_REPORTED)
    unit: str | None = None
    note: str | None = None
    source: SourceRef | None = None

    @property
    def shown_unit(self) -> str | None:
        return self.unit or self.value.unit


@dataclass(frozen=True)
class LightRule:
    """How a project is lit against 序时进度 (the share of the year elapsed): green at most ``green_within``
    percentage points below it, yellow at most ``yellow_within`` below, red further below or not started by its
    planned start."""

    green_within: Decimal = Decimal(0)
    yellow_within: Decimal = Decimal(30)
    by: str = "annual_plan"  # or "schedule": physical progress against the share of its own schedule elapsed


@dataclass(frozen=True)
class Boundary:
    """The district's outline for maps, as its boundary file gives it, simplified to inline in a page."""

    geojson: str  # compact GeoJSON text of a FeatureCollection (lon/lat; outlines clockwise, as maps draw them)
    bbox: tuple[float, float, float, float]  # west, south, east, north, of the file as read
    areas: tuple[tuple[str | None, str | None], ...] = ()  # each feature's (name, 行政区划代码), in the text's order


@dataclass(frozen=True)
class ExchangeRates:
    """The rates amounts in other currencies were converted at: (code, site-currency units per unit), their date
    and source, as the settings give them."""

    rates: tuple[tuple[str, Decimal], ...] = ()
    date: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True, eq=False)
class Report:
    """Everything a site is made from. Amounts are in the currency's base unit. Made by :meth:`assemble`.
    A report equals only itself (comparing two whole reports would cost more than remaking their pages)."""

    currency: str
    display_unit: str
    projects: Mapping[str, Project]
    clusters: Mapping[str, Cluster]
    indicators: tuple[Indicator, ...]
    sources: tuple[SourceFile, ...]
    as_of: dt.date | None  # the date the data is as of: the setting, else the end of the latest period
    periods: tuple[Period, ...]  # every reporting period, in order
    years: tuple[int, ...]
    current_year: int | None  # the year the report is about
    language: str = "zh"
    unit_factor: Decimal = Decimal(1)  # base units in one display unit
    #: the months the projects table's completed investment runs to (1-10月), when its header names them
    completed_span: Span | None = None
    lights: LightRule = LightRule()
    #: each project's site photos, by project id (projects without any are not in it)
    photos: Mapping[str, tuple[Photo, ...]] = field(default_factory=lambda: MappingProxyType({}))
    boundary: Boundary | None = None  # for the map of projects, when the data folder has a boundary file
    own_words: OwnWords | None = None  # the office's own words for the bulletin
    departures: tuple[Departure, ...] = ()  # projects taken off the list of a monthly series (调出)
    fiscal_start: int = 1  # the month (financial) years begin in; years are named by the year they end in
    exchange_rates: ExchangeRates = ExchangeRates()

    @classmethod
    def assemble(cls, currency: str, display_unit: str, projects: Mapping[str, Project],
                 clusters: Mapping[str, Cluster], indicators: Iterable[Indicator], sources: Iterable[SourceFile],
                 as_of: dt.date | None = None, language: str = "zh",
                 unit_factor: Decimal = Decimal(1), completed_span: Span | None = None,
                 lights: LightRule = LightRule(), photos: Mapping[str, Iterable[Photo]] | None = None,
                 boundary: Boundary | None = None, own_words: OwnWords | None = None,
                 departures: Iterable[Departure] = (), fiscal_start: int = 1,
                 exchange_rates: ExchangeRates = ExchangeRates()) -> Report:
        """The report of these parts, with what is derived from all of them worked out once."""
        indicators = tuple(indicators)
        periods = tuple(sorted({e.period for p in projects.values() for e in p.progress}, key=Period.sort_key))
        years = {y for p in projects.values() for y in p.all_years} | {i.year for i in indicators if i.year}
        years = tuple(sorted(years))
        as_of = as_of or (periods[-1].end if periods else None)
        # the as-of date's year when projects are listed in it, else the latest year (a plan listing later
        # years does not move it)
        at = fiscal_year_of(as_of, fiscal_start) if as_of else None
        current = at if at in years else (years[-1] if years else None)
        frozen = MappingProxyType({pid: p.in_report_of(current) for pid, p in projects.items()})
        shown = MappingProxyType({pid: tuple(ps) for pid, ps in (photos or {}).items() if pid in projects and ps})
        return cls(currency, display_unit, frozen, MappingProxyType(dict(clusters)), indicators, tuple(sources),
                   as_of, periods, years, current, language, unit_factor, completed_span, lights, shown, boundary,
                   own_words, tuple(departures), fiscal_start, exchange_rates)

    def only(self, keep, clusters: Iterable[str] | None = None) -> Report:
        """This report with the projects ``keep`` accepts (and only the ``clusters`` named, when given): the
        figures of a part (a cluster, a 责任单位) made exactly as the whole's."""
        projects = {pid: p for pid, p in self.projects.items() if keep(p)}
        shown = self.clusters if clusters is None else {cid: self.clusters[cid] for cid in clusters}
        return replace(self, projects=MappingProxyType(projects), clusters=MappingProxyType(dict(shown)),
                       departures=())  # a part has no list of its own that a project left

    def in_place(self, place: str) -> Report:
        """This report with one area's projects (those of the areas within it too), and the projects that area's list no longer has (调出)."""
        return replace(self.only(lambda p: within(p.place, place)),
                       departures=tuple(d for d in self.departures if within(d.place, place)))

    @property
    def latest_period(self) -> Period | None:
        return self.periods[-1] if self.periods else None

    def projects_in(self, cluster_id: str | None = None, year: int | None = None,
                    category: Category | None = None) -> list[Project]:
        return [p for p in self.projects.values()
                if (cluster_id is None or p.cluster_id == cluster_id)
                and (year is None or year in p.all_years)
                and (category is None or p.category is category)]

    @property
    def newest_date(self):
        """The latest date any project row gives (for dating output when there is no as-of date)."""
        dates = [d.date.last_day() for p in self.projects.values()
                 for d in (p.signed_date, p.start_date, p.operation_date) if d.date]
        return max(dates) if dates else None

    def indicators_for(self, year: int | None) -> list[Indicator]:
        return [i for i in self.indicators if i.year == year]

    def in_display_unit(self, value: Decimal) -> Decimal:
        return value / self.unit_factor
