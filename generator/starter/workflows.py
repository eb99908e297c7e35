"""The CI files that check, build and publish a site on every data change (GitHub Actions, GitLab CI)."""

from __future__ import annotations

from importlib import resources

#: What a change must touch to rebuild: the data, the pages, the settings, the site's templates.
WATCHED = ["data/**", "docs/**", "mkdocs.yml", "templates/**"]


def github_workflow(install: str = "pip install -r requirements.txt", cache_key: str = "requirements.txt",
                    extra_paths: list[str] = ()) -> str:
    text = (resources.files("generator.starter") / "ci" / "github-publish.yml").read_text(encoding="utf-8")
    paths = ", ".join(f'"{p}"' for p in [*WATCHED, ".github/workflows/publish.yml", *extra_paths])
    return text.format(paths=paths, install=install, cache_key=cache_key)


def gitlab_ci(install: str = "pip install -r requirements.txt", extra_paths: list[str] = ()) -> str:
    text = (resources.files("generator.starter") / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    changes = "\n    - ".join(f'"{p}"' for p in [*WATCHED, ".gitlab-ci.yml", *extra_paths])
    return text.replace("{changes}", changes).replace("{install}", install)


#: This repository publishes its sample site with the same files, installing itself from the checkout.
REPOSITORY = {
    "github": {"install": "pip install -e .", "cache_key": "pyproject.toml", "extra_paths": ["generator/**"]},
    "gitlab": {"install": "pip install -e .", "extra_paths": ["generator/**"]},
}
