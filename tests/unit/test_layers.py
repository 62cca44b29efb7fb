"""The layers of `docs/architecture.md`: which package may import which, no import cycles,
the core imports without Qt.

Every `import` and `from … import` counts, at module level or inside a function: an import
deferred into a function is still a dependency.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "branch_desk"

# The layers, top to bottom. A package may import itself and the packages listed here;
# `branch_desk` itself holds only the version, and `config` only where the data and the
# local settings file live, so every layer may read them.
ALLOWED: dict[str, frozenset[str]] = {
    "__main__": frozenset({"cli"}),
    "cli": frozenset({"services", "domain", "config", "branch_desk", "private_files"}),
    "ui": frozenset({"services", "domain", "config", "branch_desk", "private_files"}),
    "services": frozenset({"sync", "documents", "spreadsheets", "db", "domain", "config",
                           "private_files"}),
    "sync": frozenset({"db", "domain", "private_files"}),
    "documents": frozenset({"domain", "private_files"}),
    "spreadsheets": frozenset({"domain", "private_files"}),
    "db": frozenset({"domain", "private_files"}),
    "domain": frozenset(),
    "config": frozenset({"private_files"}),
    # Every layer that writes files writes them through this one module (user-only, whole
    # or not at all, a full disk as a ValidationError), so it sits just above the domain.
    "private_files": frozenset({"domain"}),
    "resources": frozenset(),
    "branch_desk": frozenset(),
}
# Single module edges outside the table, each with its reason.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("branch_desk.cli.main", "branch_desk.ui.shell.app"):
        "`branch-desk` without a command (or `gui`) starts the program",
}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")


MODULES: dict[str, Path] = {
    _module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def _imports(name: str, path: Path) -> set[str]:
    """The project modules `name` imports, anywhere in its body."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("branch_desk"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if not module.startswith("branch_desk"):
                continue
            for alias in node.names:
                child = f"{module}.{alias.name}"
                found.add(child if child in MODULES else module)
    found.discard(name)
    return found


IMPORTS: dict[str, set[str]] = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_every_import_follows_the_layers():
    wrong = sorted(
        f"{importer} → {imported}"
        for importer, imported_set in IMPORTS.items() for imported in imported_set
        if _layer(imported) != _layer(importer)
        and _layer(imported) not in ALLOWED[_layer(importer)]
        and (importer, imported) not in EXCEPTIONS)
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_every_exception_is_still_needed():
    unused = [edge for edge in EXCEPTIONS if edge[1] not in IMPORTS.get(edge[0], set())]
    assert not unused


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_between_modules():
    assert _cycles(IMPORTS) == []


def test_no_import_cycles_between_packages():
    packages: dict[str, set[str]] = {}
    for importer, imported_set in IMPORTS.items():
        for imported in imported_set:
            if _layer(imported) != _layer(importer) and (importer, imported) not in EXCEPTIONS:
                packages.setdefault(_layer(importer), set()).add(_layer(imported))
    for layer in ALLOWED:
        packages.setdefault(layer, set())
    assert _cycles(packages) == []


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
])
def test_the_cycle_finder_finds_cycles(graph, expected):
    assert _cycles(graph) == expected


def test_the_import_reader_sees_imports_inside_functions(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from branch_desk.ui.shell import app\n", encoding="utf-8")
    assert _imports("branch_desk.services.m", source) == {"branch_desk.ui.shell.app"}


def test_no_silent_fallback_when_an_import_fails():
    """A page or feature never quietly disappears because one of our imports broke."""
    guarded = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try):
                continue
            catches = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
            if catches & {"ImportError", "ModuleNotFoundError"} and any(
                    _loads_project_code(n) for n in ast.walk(ast.Module(node.body, []))):
                guarded.append(name)
    assert guarded == []


def _loads_project_code(node: ast.AST) -> bool:
    """An import of our own code: a statement, a module name, or `import_module(…)`."""
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").startswith("branch_desk")
    if isinstance(node, ast.Import):
        return any(a.name.startswith("branch_desk") for a in node.names)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.startswith("branch_desk")
    if isinstance(node, ast.Call):
        return ast.unparse(node.func).endswith("import_module")
    return False


def test_core_imports_without_pyside():
    core = [m for m in MODULES if _layer(m) not in ("ui", "__main__")]
    code = ("import importlib, sys\n"
            f"for m in {core!r}:\n    importlib.import_module(m)\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_version_is_fast_and_imports_nothing_heavy():
    code = ("import sys\nfrom branch_desk.cli.main import main\n"
            "rc = main(['--version'])\n"
            "heavy = [m for m in ('sqlalchemy', 'PySide6', 'reportlab') if m in sys.modules]\n"
            "print(heavy); sys.exit(rc or (1 if heavy else 0))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "branch-desk 0.1.0" in result.stdout
