"""Write docs/rules.md from the rule tables of the domain (`branch_desk.domain.rule_tables`).

    python scripts/rules_doc.py           rewrite docs/rules.md
    python scripts/rules_doc.py --check   exit 1 when docs/rules.md is out of date

tests/unit/test_rules_doc.py fails while the committed page differs from the tables.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from branch_desk.domain.rule_tables import PAGE, rules_page  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    path = ROOT / PAGE
    text = rules_page()
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is out of date: run python scripts/rules_doc.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"{PAGE} written ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
