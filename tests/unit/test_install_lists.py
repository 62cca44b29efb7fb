"""The one list of external programs (scripts/setup-common.sh) against the code and the docs.

A test that calls a program the README's test command does not install errors on a fresh
machine; these checks catch it here, on any machine, before CI on a bare Debian would.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("src", "tests", "benchmarks", "installer", "scripts")
CALLS = {"run", "check_output", "check_call", "call", "Popen", "which"}
# Part of every Debian system (essential packages) or of the checkout itself.
ESSENTIAL = {"bash", "sh", "env", "git", "tar", "ldd", "ldconfig", "chroot", "runuser"}


def shell_array(name: str) -> list[str]:
    """The items of a bash array defined in scripts/setup-common.sh, as bash reads them."""
    script = f'source scripts/setup-common.sh; printf "%s\\n" "${{{name}[@]}}"'
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    return out.split()


def listed_tools() -> dict[str, str]:
    return dict(entry.split(":", 1) for entry in shell_array("TEST_TOOLS"))


def programs_called() -> dict[str, str]:
    """Each program named as the first word of a subprocess call or `shutil.which`, and where."""
    found: dict[str, str] = {}
    for folder in SCANNED:
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                func = node.func
                if not (isinstance(func, ast.Attribute) and func.attr in CALLS
                        and isinstance(func.value, ast.Name)
                        and func.value.id in {"subprocess", "shutil"}):
                    continue
                first = node.args[0]
                if isinstance(first, ast.List) and first.elts:
                    first = first.elts[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    program = first.value
                    if program and "/" not in program and " " not in program:
                        found.setdefault(program, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_program_the_code_calls_is_installed_by_the_test_command() -> None:
    listed = set(listed_tools())
    missing = {program: where for program, where in programs_called().items()
               if program not in listed and program not in ESSENTIAL}
    assert not missing, f"add these to TEST_TOOLS in scripts/setup-common.sh: {missing}"


def test_the_scanner_sees_the_calls_it_guards() -> None:
    called = programs_called()
    assert {"pdftotext", "qpdf", "zbarimg", "pdffonts", "pdftoppm"} <= set(called)


def test_pyinstaller_needs_binutils_and_it_is_listed() -> None:
    assert listed_tools()["objdump"] == "binutils"


def test_installing_guide_lists_every_package_the_commands_install() -> None:
    guide = (ROOT / "docs" / "installing.md").read_text(encoding="utf-8")
    packages = set(listed_tools().values()) | set(shell_array("QT_PACKAGES"))
    absent = sorted(package for package in packages if f"`{package}`" not in guide)
    assert not absent, f"docs/installing.md does not list: {absent}"


def test_tools_ensure_fails_with_the_names_of_what_it_cannot_find() -> None:
    # A program no package provides: apt is not asked (no such package is installed twice);
    # the function reports it by name instead of letting a test error later.
    script = ("source scripts/setup-common.sh; apt_ensure() { return 0; }; "
              "tools_ensure no-such-program-xyz:no-such-package")
    done = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode != 0
    assert "no-such-program-xyz (paket no-such-package)" in done.stderr
