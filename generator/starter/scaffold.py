"""``progress-site new DIR``: a ready site with a small example data set to replace with your own."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .workflows import github_workflow, gitlab_ci

MKDOCS_YML = """\
site_name: {name}
theme:
  name: material
  language: zh
  font: false
  features:
    - navigation.tabs
    - navigation.sections
    - search.highlight
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/brightness-7
        name: 切换到深色模式
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/brightness-4
        name: 切换到浅色模式

markdown_extensions:
  - tables
  - attr_list
  - md_in_html  # Markdown inside HTML: the figures of site photos (data/photos)
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower

plugins:
  - search
  - tags
  - progress:
      data_dir: data
      unit: 亿元
      ignore: [withheld-value]          # figures written as xx are published as 未公开 on purpose
      # office: xx区发展和改革局          # 主办单位, shown in the footer
      # identity:                         # the footer's marks, each shown only when set
      #   operator: xx区发展和改革局       # 承办单位
      #   contact: {{phone: 0000-00000000, email: xx@xx.gov.cn, address: xx区xx路1号}}
      #   site_code: "0000000000"         # 网站标识码
      #   icp: xxICP备00000000号           # linked to the MIIT filing site
      #   police: xx公网安备00000000000000号  # with its emblem, linked to its filing site
      #   party_mark: {{image: images/dzjg.png, url: "https://..."}}  # 党政机关标识, as issued
      #   error_report: https://...       # the error-report page the office was given
"""

INDEX_MD = """\
# {name}

<!-- 这段文字由本单位编写；双方括号中的数字随 data/ 中的表格自动更新。 -->
本站公开本地区重点项目和招商引资项目的建设进展：共 [[ count ]] 个项目，计划总投资 [[ sum total_investment ]]。
每个项目的年度投资完成进度与序时进度（当年已过去的时间比例）相比，亮绿灯、黄灯或红灯；红灯、黄灯项目列在“重点关注”中，
并写明存在的问题和责任单位。各项数字的算法见“数据与方法”。

[[ generated ]]
"""

TAGS_MD = """\
# 标签

<!-- material/tags -->
"""

README_MD = """\
# {name}

A progress-report site made with progress-site.

- Put your tables in `data/` (projects, clusters, progress, indicators; CSV or .xlsx).
- Check them: `progress-site validate`
- Preview: `progress-site serve`, then open http://127.0.0.1:8000
- Build the site into `site/`: `progress-site build --strict`

Write your own text in `docs/`; figures such as `[[ count year=2022 category=key ]]` stay true when the data changes.
"""

PROJECTS = [
    ["项目编号", "项目名称", "项目类别", "所属产业集群", "建设状态", "年度", "计划总投资（亿元）", "年度计划投资（亿元）", "开工时间", "建设内容"],
    ["P001", "示例新材料生产线项目", "重点项目", "新材料", "在建", "2024", "12.5", "3", "2024-03", "建设新材料生产线。"],
    ["P002", "示例智能装备产业园项目", "重点项目", "智能装备", "已开工", "2024", "8", "2.4", "2024年5月", "建设智能装备产业园。"],
    ["P003", "示例总部经济项目", "招商项目", "总部经济", "洽谈", "2024", "xx", "", "", "引进企业区域总部。"],
]
PROGRESS = [
    ["项目编号", "报告期", "计划投资（亿元）", "完成投资（亿元）"],
    ["P001", "2024Q1", "0.75", "0.6"], ["P001", "2024Q2", "0.75", "0.9"],
    ["P002", "2024Q1", "0.6", "0.3"], ["P002", "2024Q2", "0.6", "0.5"],
]


def _csv(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def scaffold(folder: Path, name: str) -> list[Path]:
    """Create the site in ``folder`` (absent or empty). Returns the files written."""
    files = {
        "mkdocs.yml": MKDOCS_YML.format(name=name),
        "docs/index.md": INDEX_MD.format(name=name),
        "docs/tags.md": TAGS_MD,
        "README.md": README_MD.format(name=name),
        "data/projects.csv": _csv(PROJECTS),
        "data/progress.csv": _csv(PROGRESS),
        ".gitignore": "site/\n",
        "requirements.txt": "# What the CI installs to build the site; pin the version you use.\nprogress-site\n",
        ".github/workflows/publish.yml": github_workflow(),
        ".gitlab-ci.yml": gitlab_ci(),
    }
    written = []
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
