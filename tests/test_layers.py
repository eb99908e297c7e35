"""The library's shape: layers that import only those below them, one package for the engine, a core
that runs without MkDocs, and making pages without side effects."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"
ENGINE = PACKAGE / "engines" / "mkdocs"
#: Bottom to top: a package may import its own modules and those of the packages before it.
LAYERS = ["text", "contract", "settings", "reading", "model", "figures", "loading", "rendering", "bulletin", "writing", "engines",
          "distribution",
          "starter"]
ENGINE_LIBRARIES = {"mkdocs", "material", "pymdownx", "properdocs", "zensical"}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in ``path``, relative ones resolved."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            if node.module is None:  # from . import a, b
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def _modules():
    return [p for p in sorted(PACKAGE.rglob("*.py")) ]


def test_mkdocs_and_material_are_imported_only_in_the_engine_package():
    outside = [f"{p.relative_to(ROOT)}:{line} {name}" for p in _modules() if ENGINE not in p.parents
               for line, name in _imports(p) if name.split(".")[0] in ENGINE_LIBRARIES]
    assert outside == []


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for path in _modules():
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:  # cli, __init__, __main__: the edges over everything
            continue
        mine = LAYERS.index(parts[0])
        for line, name in _imports(path):
            target = name.split(".")
            if target[0] == "generator" and len(target) > 1 and target[1] in LAYERS:
                if LAYERS.index(target[1]) > mine:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert wrong == []


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


CORE_WITHOUT_MKDOCS = """
import importlib, importlib.abc, json, multiprocessing, pkgutil, sys
from pathlib import Path

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError("blocked: " + name)

sys.meta_path.insert(0, Blocked())
import generator
from generator import load_report, load_site
from generator.writing.output import generate

engine_only = {{"generator.engines.mkdocs.plugin", "generator.engines.mkdocs.live", "generator.engines.mkdocs.internals"}}
imported = []
for module in pkgutil.walk_packages(generator.__path__, "generator."):
    if module.name not in engine_only and not module.name.endswith("__main__"):
        importlib.import_module(module.name)
        imported.append(module.name)
site = load_site(Path("mkdocs.yml"))
loaded = load_report(site)
output = generate(loaded.report, site, "site")
contents = {{path: output.files[path] for path in output.files}}
print(json.dumps({{"imported": len(imported), "pages": len(output.pages),
                  "made": sum(1 for p in output.pages if contents[p].startswith("---")),
                  "files": len(contents), "children": len(multiprocessing.active_children()),
                  "engine_loaded": sorted({{m.split(".")[0] for m in sys.modules}} & {blocked!r})}}))
"""


def test_the_core_makes_every_page_with_mkdocs_blocked_and_no_second_process():
    code = CORE_WITHOUT_MKDOCS.format(blocked=ENGINE_LIBRARIES)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["engine_loaded"] == []
    assert result["imported"] > 40
    assert result["pages"] > 30 and result["made"] == result["pages"]  # every page, with its front matter
    assert result["files"] > result["pages"]  # and the downloads and assets
    assert result["children"] == 0  # making pages as a library forks no worker


def test_the_export_is_written_with_mkdocs_blocked(tmp_path):
    code = ("import sys, importlib.abc\n"
            "class Blocked(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path, target=None):\n"
            f"        if name.split('.')[0] in {ENGINE_LIBRARIES!r}: raise ImportError(name)\n"
            "sys.meta_path.insert(0, Blocked())\n"
            "from generator.cli import main\n"
            f"main(['generate', '--out', {str(tmp_path / 'out')!r}])\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "out" / "mkdocs.yml").is_file() and (tmp_path / "out" / "docs" / "index.md").is_file()
