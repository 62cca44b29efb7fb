"""The core imports without Qt; the domain imports nothing else from the project."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "branch_desk"


def _modules(folder: str) -> list[str]:
    return sorted(
        "branch_desk." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(
            ".__init__")
        for p in (PACKAGE / folder).rglob("*.py"))


def test_core_imports_without_pyside():
    core = [m for folder in ("domain", "db", "services", "documents", "spreadsheets", "sync",
                             "cli") for m in _modules(folder)
            if ".migrations" not in m]  # env.py and revisions run only inside Alembic
    code = ("import importlib, sys\n"
            f"for m in {core!r}:\n    importlib.import_module(m)\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_imports_only_domain():
    for path in (PACKAGE / "domain").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                    "branch_desk"):
                assert node.module.startswith("branch_desk.domain"), (path, node.module)


def test_version_is_fast_and_imports_nothing_heavy():
    code = ("import sys\nfrom branch_desk.cli.main import main\n"
            "rc = main(['--version'])\n"
            "heavy = [m for m in ('sqlalchemy', 'PySide6', 'reportlab') if m in sys.modules]\n"
            "print(heavy); sys.exit(rc or (1 if heavy else 0))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "branch-desk 0.1.0" in result.stdout
