"""The data dictionary, rendered from the schema so that it is never written twice."""

from __future__ import annotations

from ..contract.limits import Limits
from ..contract.marks import DEFAULT_MISSING
from ..contract.schema import TABLES
from ..contract.units import currency
from ..contract.vocab import CATEGORY_WORDS, LEVEL_WORDS, STATUS_WORDS, Status
from ..figures.metrics import DEFINITIONS
from ..settings.config import FileSettings, MapSettings, MissingSettings, SiteConfig
from ..text.catalogue import choose, join, pick, say


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def data_dictionary(language: str = "zh") -> str:
    """The whole data dictionary as Markdown, in ``language`` (zh or en)."""
    def t(key: str, **params) -> str:
        return say(key, language, **params)

    out = [f"# {t('dict-title')}", "", t("dict-intro")]
    for table in TABLES.values():
        need = t("dict-required" if table.required else "dict-optional")
        out += ["", "## " + t("dict-table", table=pick(table, language), file=table.name, need=need), "",
                t("dict-row", row=choose(language, table.row_zh, table.row_en)), ""]
        out += [t("dict-fields-head"), "|---|---|---|---|---|"]
        for f in table.fields:
            headers = join(f.aliases, language)
            if f.fallback_aliases:
                headers += t("dict-fallback", headers=join(f.fallback_aliases, language))
            required = t("dict-yes") if f.required else ""
            note = choose(language, f.note_zh, f.note_en or "")
            out.append(f"| `{f.name}` {pick(f, language)} | {_md(headers)} | {t('kind-' + f.kind)} | {required} | {_md(note)} |")
    out += ["", f"## {t('dict-values')}", "", f"### {t('dict-status-words')}", "", t("dict-status-head"), "|---|---|"]
    for status in Status:
        words = "、".join(w for w, s in STATUS_WORDS.items() if s is status)
        out.append(f"| `{status.value}` {t('st_' + status.value)} | {words} |")
    words = {kind: "、".join(f"`{w}`" for w in found) for kind, found in DEFAULT_MISSING.items()}
    out += ["", "- " + t("dict-categories", words="、".join(CATEGORY_WORDS)),
            "- " + t("dict-levels", words="、".join(LEVEL_WORDS)), "- " + t("dict-amounts"),
            "- " + t("dict-units", words="、".join(currency("CNY").unit_words()[:12])),
            "- " + t("dict-withheld", words=words["withheld"], tbd=words["tbd"], na=words["not_applicable"],
                     none=words["not_reported"]), "- " + t("dict-dates"), "- " + t("dict-periods")]
    out += ["", f"## {t('dict-derived')}", ""]
    out += [f"- **{pick(d, language)}**{t('colon')}{d.explained(language)}" for d in DEFINITIONS]
    out += ["", f"## {t('dict-settings')}", "", t("dict-settings-where"), "", t("dict-settings-head"), "|---|---|---|"]

    def meaning(info) -> str:
        return _md(choose(language, (info.json_schema_extra or {}).get("zh", ""), info.description or ""))

    for name, info in SiteConfig.model_fields.items():
        default = "" if info.default_factory or info.default is None else f"`{info.default}`"
        out.append(f"| `{name}` | {default} | {meaning(info)} |")
    for name, info in FileSettings.model_fields.items():
        out.append(f"| `files.<table>.{name}` |  | {meaning(info)} |")
    for name, info in MissingSettings.model_fields.items():
        out.append(f"| `missing.{name}` |  | {meaning(info)} |")
    for name, info in MapSettings.model_fields.items():
        out.append(f"| `map.{name}` |  | {meaning(info)} |")
    for name, info in Limits.model_fields.items():
        out.append(f"| `limits.{name}` | `{info.default}` | {meaning(info)} |")
    return "\n".join(out) + "\n"
