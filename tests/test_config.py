"""Settings are validated once, with messages that name the key, in the site's language."""

import pytest

from generator.settings.config import PAGEFIND_FROM, ConfigError, SiteConfig
from generator.text.messages import WARNING_CODES


def problems(data, language="zh"):
    with pytest.raises(ConfigError) as info:
        SiteConfig.from_mapping(data, language, prefix="plugins.progress.")
    return info.value.lines()


def test_defaults():
    config = SiteConfig.from_mapping({})
    assert (config.data_dir, config.currency, config.display_unit, config.bare_unit) == ("data", "CNY", "亿元", "亿元")
    usd = SiteConfig.from_mapping({"currency": "usd"})
    assert (usd.currency, usd.display_unit) == ("USD", "million USD")


def test_search_fits_the_site_unless_it_is_set():
    auto = SiteConfig.from_mapping({})
    assert auto.search == "auto"
    assert [auto.search_engine(n) for n in (0, PAGEFIND_FROM - 1, PAGEFIND_FROM, 5000)] == [
        "material", "material", "pagefind", "pagefind"]
    assert SiteConfig.from_mapping({"search": "material"}).search_engine(5000) == "material"
    assert SiteConfig.from_mapping({"search": "pagefind"}).search_engine(10) == "pagefind"
    assert problems({"search": "lunr"}) == ["配置项 plugins.progress.search：应为以下之一：'auto'、'material'、'pagefind'"]


@pytest.mark.parametrize("data,zh,en", [
    ({"unknown": 1}, "配置项 plugins.progress.unknown：不是已知的配置项", "setting plugins.progress.unknown: is not a known setting"),
    ({"currency": "XYZ"}, "配置项 plugins.progress.currency：“XYZ”不是 ISO 4217 币种代码（如 CNY、USD、EUR、GBP、HKD、JPY）",
     "setting plugins.progress.currency: “XYZ” is no ISO 4217 currency code (such as CNY, USD, EUR, GBP, HKD, JPY)"),
    ({"lights": {"yellow_within": 200}}, "配置项 plugins.progress.lights.yellow_within：应不大于 100",
     "setting plugins.progress.lights.yellow_within: should be at most 100"),
    ({"files": {"projects": {"columns": {"idd": "PID"}}}},
     "配置项 plugins.progress.files.projects.columns.idd：没有这个字段；可用：id, name, category, level, sector, cluster, status, "
     "stage, started, year, construction_period, total_investment, phase1_investment, cumulative_before_year, "
     "annual_planned_investment, annual_completed_investment, cumulative_investment, stated_rate, schedule_share, light, "
     "signed_amount, funds_in_place, signed_date, planned_start_date, start_date, operation_date, completion_date, annual_output, "
     "output_to_date, annual_revenue, owner, department, leader, location, latitude, longitude, description, progress_note, "
     "issues, remark", None),
    ({"files": {"budget": {}}}, "配置项 plugins.progress.files.budget：应为以下之一：'projects'、'clusters'、'progress'、'indicators'", None),
    ({"ignore": ["withheld"]}, "配置项 plugins.progress.ignore：“withheld”不是警告代码；可用：" + ", ".join(WARNING_CODES), None),
    ({"as_of": "soon"}, "配置项 plugins.progress.as_of：应为日期，如 2022-09-30", None),
    ({"serach": "pagefind"}, "配置项 plugins.progress.serach：不是已知的配置项（是否想写 search？）", None),
    ({"encoding": "klingon"}, "配置项 plugins.progress.encoding：未知的编码“klingon”", None),
    ({"statuses": {"施工": "building"}}, "配置项 plugins.progress.statuses.施工：应为以下之一：'reserve'、'negotiating'、'signed'、"
     "'not_started'、'under_construction'、'trial_operation'、'operating'、'completed'、'suspended'", None),
])
def test_bad_settings(data, zh, en):
    assert problems(data) == [zh]
    if en:
        assert problems(data, "en") == [en]
