"""The files of an English site that ``progress-site new --language en`` writes in place of the Chinese ones: the
same site, its words, its example data (English headers, a currency of its own) and its notes in English."""

from __future__ import annotations

#: The English site's words in its settings (see :data:`.scaffold.MKDOCS_YML`), and its progress-site settings.
MKDOCS_WORDS = {"language": "en", "to_dark": "Switch to dark mode", "to_light": "Switch to light mode",
                "photos": "the layout of site photos (data/photos)", "permalink": "Permanent link", "progress": """\
  # progress-site's settings (data_dir: the data folder; currency: an ISO 4217 code; unit: how pages show amounts);
  # every setting is in the guide, section 11
  - progress:
      data_dir: data
      currency: USD
      unit: million USD
      ignore: [withheld-value]          # figures written xx are withheld on purpose (pages say so): no warning
      # office: City Planning Department  # the responsible office, in the footer and the source line
"""}

INDEX_MD = """\
# {name}

<!-- Your office writes this text; the figures in double brackets follow the tables in data/. -->
This site publishes the progress of the area's key projects: [[ count ]] projects, [[ sum total_investment ]] in all.
Each project's spending this year is set against the share of the year elapsed, for a green, amber or red light;
red and amber projects are listed first, with what holds them up and who answers for them. The methodology page
says how every figure is worked out.

[[ generated ]]
"""

TAGS_MD = """\
# Tags

<!-- material/tags -->
"""

README_MD = """\
# {name}

A progress-report site made with progress-site {version}.

- Put your office's tables in `data/` (projects, clusters, progress, indicators; CSV or .xlsx).
- Check the data: `progress-site validate`
- Preview: `progress-site serve`, then open http://127.0.0.1:8000
- Build the site into `site/`: `progress-site build --strict`
- Pushed to GitHub or GitLab, the CI installs the progress-site that `requirements.txt` names, checks the data,
  builds and publishes the site.

Write your own pages in `docs/`; figures such as `[[ count year=2024 category=key ]]` follow the data.
The columns progress-site reads are listed by `progress-site dictionary --language en`.
"""

PROJECTS = [
    ["Project ID", "Project Name", "Category", "Cluster", "Status", "Year", "Total investment (million USD)",
     "Annual planned investment (million USD)", "Start date", "Description"],
    ["P001", "Riverside water treatment plant", "key", "Water", "under construction", "2024", "125", "30", "2024-03",
     "A treatment plant for 200,000 people."],
    ["P002", "North ring road", "key", "Transport", "under construction", "2024", "80", "24", "2024-05",
     "Four lanes over 12 km."],
    ["P003", "Business park", "investment", "Industry", "negotiating", "2024", "xx", "", "",
     "Offices for regional headquarters."],
]
PROGRESS = [
    ["Project ID", "Period", "Planned investment (million USD)", "Completed investment (million USD)"],
    ["P001", "2024Q1", "7.5", "6"], ["P001", "2024Q2", "7.5", "9"],
    ["P002", "2024Q1", "6", "3"], ["P002", "2024Q2", "6", "5"],
]
