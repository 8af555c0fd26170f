"""The layers of docs/architecture.md, enforced: a stage imports only what lies beneath it."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsdesk"
#: The bottom layer every stage may use: data types, errors, settings, dates, languages and text keys.
BOTTOM = {"model", "errors", "config", "dates", "lang", "jsonld", "__version__"}
#: What each part may import from newsdesk besides itself.
ALLOWED = {
    **{part: BOTTOM for part in BOTTOM},
    "sources": BOTTOM,
    "extract": BOTTOM,
    "understand": BOTTOM,
    "relate": BOTTOM,
    "store": BOTTOM,
    "export": BOTTOM,
    "cluster": BOTTOM,
    "offices": BOTTOM,
    "alerts": BOTTOM | {"store"},
    "pipeline": BOTTOM | {"sources", "extract", "understand", "relate", "store", "cluster"},
    "serve": BOTTOM | {"store", "pipeline", "sources", "export", "offices"},
    "terminal": BOTTOM,
    "cli": BOTTOM | {"sources", "store", "pipeline", "serve", "cluster", "export", "understand", "terminal", "offices", "alerts"},
}


def part_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def newsdesk_imports(path: Path) -> set[str]:
    """The parts of newsdesk a module imports, at any depth of the module (lazy imports count)."""
    module = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = module if path.name == "__init__.py" else module[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            target = list(package[: len(package) - node.level + 1]) + (node.module.split(".") if node.module else [])
            names = [target] if node.module or len(target) > 1 else [[*target, alias.name] for alias in node.names]
            found.update(t[1] for t in names if len(t) > 1)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsdesk."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("newsdesk."))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts and p.name != "__init__.py"
                 or p.parent != PACKAGE and p.name == "__init__.py" and "migrations" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_the_layers_beneath_it(path):
    part = part_of(path)
    if part == "__init__":
        return
    above = newsdesk_imports(path) - ALLOWED[part] - {part}
    assert not above, f"{path.relative_to(PACKAGE)} ({part}) imports {sorted(above)}"


def test_migrations_import_nothing_of_newsdesk():
    """A migration carries a frozen copy of what it runs: later changes must not change what it did."""
    for path in (PACKAGE / "store" / "migrations" / "versions").glob("*.py"):
        assert not newsdesk_imports(path), path.name
        assert "newsdesk" not in path.read_text(encoding="utf-8").split('"""', 2)[-1].replace("newsdesk/", "")


#: The longest a function or a module may grow (issue 15): past these, split by what the parts do.
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 450


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_and_function_stays_short(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{path.name}: {len(source.splitlines())} lines"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{path.name}: {node.name} is {length} lines"


def test_the_package_type_checks():
    """mypy over src/newsdesk, as configured in pyproject.toml: the store protocols, the records and
    every stage's signatures agree with how they are called."""
    from mypy import api

    root = PACKAGE.parents[1]
    report, errors, status = api.run(["--config-file", str(root / "pyproject.toml"),
                                      "--cache-dir", str(root / ".mypy_cache"), str(PACKAGE)])
    assert status == 0, report + errors
