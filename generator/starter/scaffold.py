"""``progress-site new DIR``: a ready site with a small example data set to replace with your own."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .. import __version__
from ..distribution.ownwheel import NotInstalled, write_own_wheel
from . import english
from .workflows import github_workflow, gitlab_ci

MKDOCS_YML = """\
site_name: {name}
theme:
  name: material
  language: {language}
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
        name: {to_dark}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/brightness-4
        name: {to_light}

markdown_extensions:
  - tables
  - attr_list
  - md_in_html  # {photos}
  - toc:
      permalink: true
      permalink_title: {permalink}
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower

plugins:
  - search
  - tags
{progress}"""
#: The Chinese site's words in its settings, and its progress-site settings with their notes.
MKDOCS_WORDS = {"language": "zh", "to_dark": "切换到深色模式", "to_light": "切换到浅色模式",
                "photos": "现场照片（data/photos）的图文排版要用", "permalink": "永久链接", "progress": """\
  # 本工具的设置（data_dir：数据文件夹；unit：页面上金额的单位）；全部设置见使用说明第 11 节
  - progress:
      data_dir: data
      unit: 亿元
      ignore: [withheld-value]          # 写作 xx 的数有意不公开（页面显示“未公开”），不再提示
      # office: xx区发展和改革局          # 主办单位，显示在页脚
      # identity:                         # 政府网站标识，每项设置了才显示
      #   operator: xx区发展和改革局       # 承办单位
      #   contact: {phone: 0000-00000000, email: xx@xx.gov.cn, address: xx区xx路1号}
      #   site_code: "0000000000"         # 网站标识码（写在引号中）
      #   icp: xxICP备00000000号           # ICP 备案号，链接到工信部备案网站
      #   police: xx公网安备00000000000000号  # 公网安备号，带图标，链接到公安备案网站
      #   party_mark: {image: images/dzjg.png, url: "https://..."}  # 党政机关标识（图片放在 docs/ 中）
      #   error_report: https://...       # 网站纠错页面的地址
"""}

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

本站由 progress-site {version} 生成。

- 把本单位的表格放进 `data/`（项目表、产业集群表、进度表、指标表；CSV 或 .xlsx）。
- 检查数据：`progress-site validate`
- 本机预览：`progress-site serve`，再打开 http://127.0.0.1:8000
- 生成网站到 `site/`：`progress-site build --strict`
- 提交到 GitHub 或 GitLab 后，CI 安装中文字体和 `requirements.txt` 所写的 progress-site，检查数据、生成并发布网站。

在 `docs/` 中写本单位自己的文字；`[[ count year=2024 category=key ]]` 这样的数字随数据更新。

A progress-report site made with progress-site {version}: tables in `data/`, check with `progress-site validate`,
preview with `progress-site serve`, build with `progress-site build --strict`; the CI files publish it.
"""

REQUIREMENTS_WHEEL = """\
# CI 安装的 progress-site：建站时的版本 {version}，即本仓库 wheels/ 中的安装包。
# 升级：在装有新版本的电脑上运行 progress-site wheel wheels，再把下一行改为新的文件名。
# What CI installs: progress-site {version}, the version this site was made with, from wheels/.
./wheels/{wheel}
"""

REQUIREMENTS_INDEX = """\
# CI 安装的 progress-site：建站时的版本 {version}，来自本单位的软件包源（在 CI 中用 PIP_INDEX_URL 指定），
# 或把安装包放进 wheels/ 并改写下一行。
# What CI installs: progress-site {version}, from the office's own package index (PIP_INDEX_URL in CI).
progress-site=={version}
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


#: Each language's own files: its settings, pages, notes and example data.
STARTERS = {"zh": (MKDOCS_WORDS, INDEX_MD, TAGS_MD, README_MD, PROJECTS, PROGRESS),
            "en": (english.MKDOCS_WORDS, english.INDEX_MD, english.TAGS_MD, english.README_MD, english.PROJECTS,
                   english.PROGRESS)}


def scaffold(folder: Path, name: str, language: str = "zh") -> list[Path]:
    """Create the site in ``folder`` (absent or empty), in ``language``, with this progress-site's wheel in
    ``wheels/`` for its CI to install (when this copy is installed, and so can describe itself). Returns the files
    written."""
    words, index_md, tags_md, readme_md, projects, progress = STARTERS[language]
    try:
        wheel = write_own_wheel(folder / "wheels")
        requirements = REQUIREMENTS_WHEEL.format(version=__version__, wheel=wheel.name)
    except NotInstalled:
        wheel, requirements = None, REQUIREMENTS_INDEX.format(version=__version__)
    files = {
        "mkdocs.yml": MKDOCS_YML.format(name=name, **words),
        "docs/index.md": index_md.format(name=name),
        "docs/tags.md": tags_md,
        "README.md": readme_md.format(name=name, version=__version__),
        "data/projects.csv": _csv(projects),
        "data/progress.csv": _csv(progress),
        ".gitignore": "site/\n",
        "requirements.txt": requirements,
        ".github/workflows/publish.yml": github_workflow(),
        ".gitlab-ci.yml": gitlab_ci(),
    }
    written = [wheel] if wheel else []
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
