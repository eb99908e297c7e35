"""The CI files that check, build and publish a site on every data change (GitHub Actions, GitLab CI)."""

from __future__ import annotations

from importlib import resources

#: What a change must touch to rebuild: the data, the pages, the settings, the site's templates …
WATCHED = ["data/**", "docs/**", "mkdocs.yml", "templates/**"]
#: … or the progress-site it is built with (a site's: the requirements and the wheel they name).
TOOL = ["requirements.txt", "wheels/**"]


def github_workflow(install: str = "pip install -r requirements.txt", cache_key: str = "requirements.txt",
                    tool: list[str] = TOOL) -> str:
    text = (resources.files("generator.starter") / "ci" / "github-publish.yml").read_text(encoding="utf-8")
    paths = ", ".join(f'"{p}"' for p in [*WATCHED, *tool, ".github/workflows/publish.yml"])
    return text.format(paths=paths, install=install, cache_key=cache_key)


def gitlab_ci(install: str = "pip install -r requirements.txt", tool: list[str] = TOOL) -> str:
    text = (resources.files("generator.starter") / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    changes = "\n    - ".join(f'"{p}"' for p in [*WATCHED, *tool, ".gitlab-ci.yml"])
    return text.replace("{changes}", changes).replace("{install}", install)


#: This repository publishes its sample site with the same files, installing itself from the checkout.
REPOSITORY = {
    "github": {"install": "pip install -e .", "cache_key": "pyproject.toml", "tool": ["generator/**", "pyproject.toml"]},
    "gitlab": {"install": "pip install -e .", "tool": ["generator/**", "pyproject.toml"]},
}
