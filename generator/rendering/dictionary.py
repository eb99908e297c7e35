"""The data dictionary, rendered from the schema so that it is never written twice."""

from __future__ import annotations

from ..contract.limits import Limits
from ..contract.marks import WITHHELD_WORDS
from ..contract.schema import TABLES
from ..contract.units import CURRENCIES
from ..contract.vocab import CATEGORY_WORDS, LEVEL_WORDS, STATUS_WORDS, Status
from ..figures.metrics import DEFINITIONS
from ..settings.config import FileSettings, SiteConfig

_KINDS = {
    "id": ("编号", "identifier"), "text": ("文字", "text"), "status": ("状态", "status"),
    "category": ("类别", "category"), "level": ("级别", "level"), "cluster_ref": ("集群编号或名称", "cluster id or name"),
    "project_ref": ("项目编号", "project id"), "project_name": ("项目名称", "project name"),
    "years": ("年度（可多个）", "years"), "year": ("年度", "year"), "amount": ("金额", "amount"),
    "number": ("数字", "number"), "date": ("日期", "date"), "period": ("报告期", "period"), "value": ("数值或文字", "number or word"),
}
_STATUS_ZH = {Status.RESERVE: "储备", Status.NEGOTIATING: "洽谈", Status.SIGNED: "签约", Status.UNDER_CONSTRUCTION: "在建",
              Status.TRIAL_OPERATION: "试投产", Status.OPERATING: "投产", Status.COMPLETED: "建成", Status.SUSPENDED: "停建"}


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def data_dictionary(language: str = "zh") -> str:
    """The whole data dictionary as Markdown, in ``language`` (zh or en)."""
    zh = language == "zh"
    out = ["# 数据字典" if zh else "# Data dictionary", ""]
    out.append("数据文件夹（默认 `data/`）中的每张表可以是 CSV（UTF-8、带 BOM 的 UTF-8、GBK/GB18030；逗号或制表符分隔）或同名 .xlsx。"
               "表头匹配时忽略首尾空格、单元格内换行和全角/半角括号；表头括号内的单位（如“计划总投资（亿元）”）为该列单位。"
               "表头上方的标题行、空行空列、合计行会被跳过。"
               if zh else
               "Each table in the data folder (default `data/`) is a CSV file (UTF-8, UTF-8 with BOM, GBK/GB18030; comma or tab "
               "separated) or an .xlsx file of the same name. Headers match ignoring surrounding spaces, line breaks and full- vs "
               "half-width parentheses; a unit in parentheses sets the column's unit. Title rows above the header, blank rows and "
               "columns, and total rows are skipped.")
    for table in TABLES.values():
        need = ("必需" if table.required else "可选") if zh else ("required" if table.required else "optional")
        out += ["", f"## {table.zh if zh else table.en}：`{table.name}.csv`（{need}）" if zh
                else f"## {table.en}: `{table.name}.csv` ({need})", "",
                f"每行是{table.row_zh}。" if zh else f"One row is {table.row_en}.", ""]
        out.append("| 字段 | 可用表头 | 类型 | 必填 | 说明 |" if zh else "| Field | Headers | Kind | Required | Notes |")
        out.append("|---|---|---|---|---|")
        for f in table.fields:
            headers = "、".join(f.aliases) if zh else ", ".join(f.aliases)
            if f.fallback_aliases:
                extra = "、".join(f.fallback_aliases)
                headers += f"（无上述列时用 {extra}）" if zh else f" ({extra} when none of these is present)"
            kind = _KINDS[f.kind][0 if zh else 1]
            req = ("是" if zh else "yes") if f.required else ""
            note = f.note_zh if zh else (f.note_en or "")
            out.append(f"| `{f.name}` {f.zh if zh else f.en} | {_md(headers)} | {kind} | {req} | {_md(note)} |")
    out += ["", "## 取值" if zh else "## Values", ""]
    out.append("### 建设状态" if zh else "### Status words")
    out += ["", "| 状态 | 可用词语 |" if zh else "| Status | Words |", "|---|---|"]
    for status in Status:
        words = "、".join(w for w, s in STATUS_WORDS.items() if s is status)
        out.append(f"| `{status.value}` {_STATUS_ZH[status] if zh else ''} | {words} |")
    cats = "、".join(CATEGORY_WORDS)
    levels = "、".join(LEVEL_WORDS)
    withheld = "、".join(["xx", "XX", "X", "x", "×", "*", "***", *sorted(WITHHELD_WORDS)])
    units = "、".join(CURRENCIES["CNY"].unit_words()[:12])
    if zh:
        out += ["", f"- **项目类别**：{cats}（默认重点项目）。", f"- **项目级别**：{levels}；站点配置 `levels` 可添加。",
                "- **金额**：`72.25`、`1,234.5`、全角 `７２．２５`；单元格内单位换算为本列单位（`2亿元`、`3000万`、`5000000元`）；"
                "保留限定词 `约2亿`（约）、`6亿元以上`（以上）、`超3亿`/`逾3亿`（超）、`近3亿`（近）。显示单位为站点设置（默认亿元）。",
                f"- **人民币单位**：{units} 等。",
                f"- **未公开**：{withheld}，以及含遮盖数字的数，如 `1xx`、`1xx%`、`X亿元`：页面显示“未公开”，不计入合计，合计标为不完整。"
                "`待定` 为待定；空单元格为未填报（显示为 —）。",
                "- **日期**：`2022-01-26`、`2022/1/26`、`2022.1.26`、`2022年1月26日`、`2022年1月`、`2022-01`、`2022.1`、`2022年`，保留写出的精度；"
                ".xlsx 中的日期单元格亦可；站点配置 `date_formats` 可添加格式。",
                "- **报告期**：月 `2022-03`、`2022年3月`；季度 `2022Q1`、`2022年一季度`；半年 `2022上半年`；年度 `2022`、`2022年`；或报告日期。"]
    else:
        out += ["", f"- **Categories**: {cats} (default key).", f"- **Levels**: {levels}; add more with `levels`.",
                "- **Amounts**: `72.25`, `1,234.5`, full-width `７２．２５`; a unit in the cell converts to the column's unit "
                "(`2亿元`, `3000万`, `5000000元`); qualifiers are kept: `约2亿` (about), `6亿元以上` (at least), `超3亿`/`逾3亿` (over), "
                "`近3亿` (nearly). The display unit is a site setting (default 亿元).",
                f"- **CNY units**: {units} …",
                f"- **Withheld**: {withheld}, and numbers with redacted digits such as `1xx`, `1xx%`, `X亿元`: shown as 未公开, "
                "left out of sums, which are marked partial. `待定` is to be determined; an empty cell is not reported (shown as —).",
                "- **Dates**: `2022-01-26`, `2022/1/26`, `2022.1.26`, `2022年1月26日`, `2022年1月`, `2022-01`, `2022.1`, `2022年`, "
                "kept at the precision given; real date cells in .xlsx; add formats with `date_formats`.",
                "- **Periods**: month `2022-03`, quarter `2022Q1` / `2022年一季度`, half `2022上半年`, year `2022`, or a report date."]
    out += ["", "## 派生指标" if zh else "## Derived figures", ""]
    for d in DEFINITIONS:
        out += [f"- **{d.zh if zh else d.en}**：{d.zh_text}" if zh else f"- **{d.en}**: {d.en_text}"]
    out += ["", "## 站点设置" if zh else "## Site settings", "",
            "写在 `mkdocs.yml` 的 `plugins: - progress:` 下：" if zh else "Under `plugins: - progress:` in `mkdocs.yml`:", "",
            "| 设置 | 默认 | 说明 |" if zh else "| Setting | Default | Meaning |", "|---|---|---|"]
    def meaning(info) -> str:
        return _md((info.json_schema_extra or {}).get("zh", "") if zh else info.description or "")

    for name, info in SiteConfig.model_fields.items():
        default = "" if info.default_factory or info.default is None else f"`{info.default}`"
        out.append(f"| `{name}` | {default} | {meaning(info)} |")
    for name, info in FileSettings.model_fields.items():
        out.append(f"| `files.<table>.{name}` |  | {meaning(info)} |")
    for name, info in Limits.model_fields.items():
        out.append(f"| `limits.{name}` | `{info.default}` | {meaning(info)} |")
    return "\n".join(out) + "\n"
