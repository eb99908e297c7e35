"""Settings are validated once, with messages that name the key, in the site's language."""

import pytest

from generator.contract.schema import TABLES
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
     "配置项 plugins.progress.files.projects.columns.idd：没有这个字段；可用：" + ", ".join(TABLES["projects"].field_names), None),
    ({"files": {"budget": {}}}, "配置项 plugins.progress.files.budget：应为以下之一：'projects'、'clusters'、'progress'、'indicators'", None),
    ({"ignore": ["withheld"]}, "配置项 plugins.progress.ignore：“withheld”不是警告代码；可用：" + ", ".join(WARNING_CODES), None),
    ({"as_of": "soon"}, "配置项 plugins.progress.as_of：应为日期，如 2022-09-30", None),
    ({"serach": "pagefind"}, "配置项 plugins.progress.serach：不是已知的配置项（是否想写 search？）", None),
    ({"encoding": "klingon"}, "配置项 plugins.progress.encoding：未知的编码“klingon”", None),
    ({"statuses": {"施工": "building"}}, "配置项 plugins.progress.statuses.施工：应为以下之一：'reserve'、'negotiating'、'signed'、"
     "'not_started'、'under_construction'、'trial_operation'、'operating'、'completed'、'suspended'、'terminated'", None),
])
def test_bad_settings(data, zh, en):
    assert problems(data) == [zh]
    if en:
        assert problems(data, "en") == [en]


P = "配置项 plugins.progress.identity."


@pytest.mark.parametrize("identity,zh", [
    ({"site_code": "330100001"}, P + "site_code：“330100001”不是网站标识码：应为 10 位字母或数字（如 3301000001）"),
    # YAML reads an unquoted code as a number (one with a leading 0 as an octal one)
    ({"site_code": 3301000001}, P + "site_code：应为文字：请加引号（如 \"3301000001\"），否则 YAML 把它读作数字，开头的 0 会丢失"),
    ({"icp": "浙公网安备33010602000001号"}, P + "icp：“浙公网安备33010602000001号”不是 ICP 备案号：应照备案写，如 浙ICP备05070218号-1"),
    ({"police": "33010602000001"}, P + "police：“33010602000001”不是公网安备案号：应照发证写，含 14 位编号，如 浙公网安备33010602000001号"),
    ({"police": "浙公网安备3301060200000号"}, P + "police：“浙公网安备3301060200000号”不是公网安备案号：应照发证写，含 14 位编号，如 浙公网安备33010602000001号"),
    ({"domain": "https://www.xx.gov.cn/"}, P + "domain：“https://www.xx.gov.cn/”不是域名：只写域名，不带 https:// 和路径，如 fgw.example.gov.cn"),
    ({"contact": "0571-87000000"}, P + "contact：应为一组设置：phone, email, address"),
    ({"party_mark": "dzjg.png"}, P + "party_mark：应为一组设置：image, url"),
    ({"party_mark": {"image": "https://bszs.conac.cn/dzjg.png", "url": "https://bszs.conac.cn/"}},
     P + "party_mark.image：“https://bszs.conac.cn/dzjg.png”应为 docs/ 中的图片文件（.png、.jpg、.jpeg、.gif、.svg、.webp），如 images/dzjg.png"),
    ({"party_mark": {"image": "../README.md", "url": "https://bszs.conac.cn/"}},
     P + "party_mark.image：“../README.md”应为 docs/ 中的图片文件（.png、.jpg、.jpeg、.gif、.svg、.webp），如 images/dzjg.png"),
    ({"sitecode": "3301000001"}, P + "sitecode：不是已知的配置项（是否想写 site_code？）"),
    ({"contact": {"phon": "0571"}}, P + "contact.phon：不是已知的配置项（是否想写 phone？）"),
])
def test_bad_identity_settings(identity, zh):
    assert problems({"identity": identity}) == [zh]


def test_marks_as_issued_are_accepted():
    config = SiteConfig.from_mapping({"identity": {"icp": "浙ICP备05070218号-1", "police": "浙公网安备33010602000001号",
                                                   "site_code": "3301000001", "domain": "fgw.xx.gov.cn"}})
    assert config.identity.icp == "浙ICP备05070218号-1"


def test_the_party_mark_image_must_be_in_docs(tmp_path):
    from generator.settings.config import load_site

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - progress:\n      identity:\n"
                                         "        party_mark: {image: images/dzjg.png, url: 'https://bszs.conac.cn/'}\n",
                                         encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_site(tmp_path / "mkdocs.yml")
    missing = tmp_path / "docs" / "images" / "dzjg.png"
    assert info.value.lines() == [f"配置项 plugins.progress.identity.party_mark.image：文件 {missing} 不存在：图片应放在 docs/ 中"]
    missing.parent.mkdir()
    missing.write_bytes(b"\x89PNG")
    assert load_site(tmp_path / "mkdocs.yml").config.identity.party_mark.image == "images/dzjg.png"
