"""Assemble docs/benchmarks.md from benchmarks/results/*.md (one file per area)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORDER = ("startup", "participants", "contributions", "claims", "documents", "sync", "hub",
         "security", "encryption", "installer")
HEADER = """# Benchmarks

Every figure comes from a script in `benchmarks/` that measures a baseline in the same run and
prints the ratio; the command is given with each table. Tests never assert wall-clock times.
This page is assembled by `python benchmarks/collect_results.py` from `benchmarks/results/`.
"""


def _demote(text: str) -> str:
    """Each area's headings move one level down under this page's title (not in code)."""
    lines, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        lines.append("#" + line if line.startswith("#") and not fenced else line)
    return "\n".join(lines)


def main() -> None:
    results = ROOT / "benchmarks" / "results"
    names = sorted(p.stem for p in results.glob("*.md"))
    ordered = [n for n in ORDER if n in names] + [n for n in names if n not in ORDER]
    parts = [HEADER]
    for name in ordered:
        text = (results / f"{name}.md").read_text(encoding="utf-8").strip()
        if not text.startswith("#"):
            text = f"# {name}\n\n{text}"
        parts.append(_demote(text))
    (ROOT / "docs" / "benchmarks.md").write_text("\n\n".join(parts) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
