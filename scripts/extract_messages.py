"""Keep the English catalogue of the services' messages up to date with the code.

    python scripts/extract_messages.py          update resources/i18n/messages_en.json
    python scripts/extract_messages.py --check  change nothing; exit 1 when a template is
                                                missing, stale or has no English yet

The messages shown to the officer that come from below the interface (the first argument of
every `DomainError` subclass, the helpers that build one, and the display texts named in
`MESSAGE_SINKS`, `TEXT_KEYWORDS`, `TEXT_LISTS`, `TEXT_FUNCTIONS`, with the words put into
them from `WORD_TABLES`, `WORD_TUPLES` and `TEXT_PARAMETERS`) are written in Indonesian in
the code. This script walks the syntax tree of
`src/branch_desk` (not `ui/`, not `cli/`) and turns each string or f-string literal found there
into a template, each `{…}` of an f-string becoming a numbered placeholder (``{0}``, ``{1}``,
…, literal braces doubled as in `str.format`). Templates new in the code are added with an
empty English text, templates no longer in the code are removed, and the ones still without
English are printed: fill them in the JSON file (keep every placeholder) and run it again.
`ui/shell/messages.english_message` uses the file to show the messages in English.
"""

from __future__ import annotations

import argparse
import ast
import json
import string
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "branch_desk"
CATALOGUE = PACKAGE / "resources" / "i18n" / "messages_en.json"
SKIPPED = ("ui", "cli", "resources")

BASE_ERRORS = frozenset({"DomainError", "RowProblem"})
"""Roots of the error classes whose message the officer sees; their subclasses are found."""

MESSAGE_SINKS: dict[str, tuple[int, ...]] = {
    "rejected": (1,),  # sync/errors.rejected(reason, message)
    "SyncRejected": (1,),
    "malformed": (0,),  # sync/received.malformed(message)
    "_provenance_refused": (0,),
    "_corrupt": (0,),  # sync/archive._corrupt(detail)
    "_refuse": (1,),  # spreadsheets/xlsx_guard._refuse(name, what)
    "_unreadable": (1, 2),  # spreadsheets/workbook_reader._unreadable(name, kind, detail)
    "check": (1,),  # domain/claim_eligibility: check(ok, text), each rule's finding
    "_not_self": (2,),  # services/admin/accounts._not_self(uow, user, what)
    "add": (2,),  # services/admin/audit: add(seq, kind, message), an audit chain problem
    "_check_extent": (3,),  # spreadsheets/xlsx_guard: the verb of "lembar … {verb} sampai …"
    "ImportRowResult": (4,),  # services/participants/importing: why a row is refused
    "BenefitLine": (1, 3, 4),  # domain/benefits: a benefit line's label, rule and account
    "Verification": (1,),  # services/partners/verification: the verdict on a paper
    "_doc": (1, 2),  # domain/claim_rules: a claim document's label and when it is needed
    "AnatomicCase": (1,),  # domain/benefit_rules: a disability of the anatomic table
    "CoverageReport": (1,),  # domain/coverage: why a participant is covered or not
    "DeadlineCheck": (0, 3),  # domain/claim_rules: a deadline's rule and what it found
    "_expiry": (0,),  # … a claim right's expiry rule
    "AreaFigure": (1,),  # services/contributions/coverage_figures: a figure's name
    "CoverageSummary": (2,),  # … and the region the summary covers ("Semua wilayah")
    "PmiPackage": (2,),  # services/contributions/payments: what a migrant worker's package is
}
"""Helpers that build an error or a display text: their positional arguments that hold text."""

WORD_TUPLES = frozenset({"BILL_STATES", "STATUSES"})
"""Stored status codes that are Indonesian words put into messages as they are
(`f"Tagihan {bill.number} sudah {bill.status}."`, agreements' `STATUSES`)."""

TEXT_KEYWORDS = frozenset({"message", "label", "what", "reason", "schema_note"})
"""Keyword arguments that carry a message or a word put into one (`status_reason(what=…)`).
The column labels an import names in its row problems ("Nama", "Tanggal lahir") are not
collected: they name the columns of the Pemda's list and stay as the list writes them."""

WORD_TABLES = frozenset({"ACTION_LABELS", "_STEP_WORDS", "JHT_EXIT_REASONS", "_OUTCOME_WORDS",
                         "_EVENT_WORDS", "PHK_REASONS", "EMPLOYER_SIZES", "_JP_KINDS",
                         "PMI_PHASES", "FIELD_LABELS", "TABLE_LABELS", "_SUMMARIES",
                         "_EVENTS", "_SEX", "_VALUE_WORDS",
                         "_CERTIFIED", "KIND_LABELS", "GROUPS", "TRANSPORT_WORDS",
                         "_DISABILITY_KINDS", "_MISSING_WORDS", "PMI_JKK_LABELS"})
"""Tables of words the code puts into a message (`f"Peran {label} tidak berwenang {action}."`);
their values are templates too, so the word is translated where it appears as a value."""

TEXT_PARAMETERS = frozenset({"verb"})
"""Parameters whose default word goes into a message (`def _check_extent(…, verb="memakai")`)."""

TEXT_FUNCTIONS = frozenset({"message", "payee_problem", "heir_order_problem", "quarantine_note",
                            "gap_note", "event_text", "record_subject",
                            "coverage_finding", "jp_deemed_record_refusal",
                            "_deemed_refusal", "jp_survivor_problem"})
"""Functions (and properties) that write a text shown as it is: the texts they return or
assign (the parts they put together)."""

TEXT_LISTS = frozenset({"problems", "warnings", "failed", "gaps", "unfit", "notes"})
"""Lists of texts shown to the officer (joined into a message): `problems.append(text)`."""


def error_classes(trees: list[ast.Module]) -> set[str]:
    """Every class deriving, directly or not, from one of `BASE_ERRORS`."""
    classes = [(node.name, {_name(base) for base in node.bases}) for tree in trees
               for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    found = set(BASE_ERRORS)
    grew = True
    while grew:
        grew = False
        for name, bases in classes:
            if name not in found and bases & found:
                found.add(name)
                grew = True
    return found


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def templates(node: ast.AST) -> list[str]:
    """The message templates `node` can produce; none when it holds no literal text."""
    parts = _alternatives(node)
    # A word chosen inside an f-string (`{'tersedia' if ok else 'tidak tersedia'}`) is a value
    # that is itself translated.
    parts += [t for inner in ast.walk(node)
              if isinstance(inner, ast.FormattedValue) and isinstance(inner.value, ast.IfExp)
              for t in _alternatives(inner.value)]
    # A part appended to a text ("; dibayar {0}", "+ {0} bulan …") is kept without its joint.
    return [t.lstrip(" ;+").rstrip() for t in parts
            if t is not None and any(c.isalpha() for c in _literal(t))]


def _literal(template: str) -> str:
    return "".join(piece for piece, *_ in string.Formatter().parse(template))


def _alternatives(node: ast.AST) -> list[str | None]:
    """Templates with placeholders numbered from 0; None stands for a value (no literal)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [_escape(node.value)]
    if isinstance(node, ast.JoinedStr):
        text, n = [], 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                text.append(_escape(value.value))
            else:
                text.append(f"{{{n}}}")
                n += 1
        return ["".join(text)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [_concat(a, b) for a in _alternatives(node.left)
                for b in _alternatives(node.right)]
    if isinstance(node, ast.IfExp):
        return _alternatives(node.body) + _alternatives(node.orelse)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("replace", "strip", "rstrip")):
        return _alternatives(node.func.value)  # f"{n:,} baris".replace(",", "."): the text
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
        return [t for v in node.value.values for t in _alternatives(v)]
    return [None]


def _concat(left: str | None, right: str | None) -> str | None:
    """Two templates one after the other, the right one's placeholders renumbered."""
    if left is None and right is None:
        return None
    left = "{0}" if left is None else left
    right = "{0}" if right is None else right
    shift = sum(1 for _, field, _, _ in string.Formatter().parse(left) if field is not None)
    out = []
    for literal, field, _, _ in string.Formatter().parse(right):
        out.append(_escape(literal))
        if field is not None:
            out.append(f"{{{int(field) + shift}}}")
    return left + "".join(out)


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _sink_arguments(node: ast.Call, errors: set[str], in_error_class: bool) -> list[ast.AST]:
    name = _name(node.func)
    found: list[ast.AST] = []
    if name in MESSAGE_SINKS:
        found += [node.args[i] for i in MESSAGE_SINKS[name] if i < len(node.args)]
    elif (name in errors or (in_error_class and _is_super_init(node))
          or (name == "append" and isinstance(node.func, ast.Attribute)
              and _name(node.func.value) in TEXT_LISTS)):
        found += node.args[:1]
    found += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
    return found


def _is_super_init(node: ast.Call) -> bool:
    """`super().__init__(…)`: an error class building its own message."""
    return (isinstance(node.func, ast.Attribute) and node.func.attr == "__init__"
            and isinstance(node.func.value, ast.Call) and _name(node.func.value.func) == "super")


def _walk(node: ast.AST, errors: set[str], in_error_class: bool = False,
          scope: ast.AST | None = None, module: ast.AST | None = None) -> Iterator[str]:
    if isinstance(node, ast.Module):
        module = node
    if isinstance(node, ast.ClassDef):
        in_error_class = node.name in errors
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        scope = node
        arguments = node.args.posonlyargs + node.args.args
        defaults = zip(arguments[len(arguments) - len(node.args.defaults):], node.args.defaults,
                       strict=True)
        for argument, default in [*defaults, *zip(node.args.kwonlyargs, node.args.kw_defaults,
                                                   strict=True)]:
            if argument.arg in TEXT_PARAMETERS and default is not None:
                yield from templates(default)
    if (isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict)
            and any(_name(t) in WORD_TABLES for t in _targets(node))):
        for value in node.value.values:
            yield from templates(value)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in TEXT_FUNCTIONS:
        for inner in ast.walk(node):
            if (isinstance(inner, (ast.Return, ast.Assign, ast.AnnAssign))
                    and _is_text(inner.value)):
                yield from templates(inner.value)
    if (isinstance(node, (ast.Assign, ast.AnnAssign))
            and isinstance(node.value, (ast.Tuple, ast.List, ast.Set))
            and any(_name(t) in WORD_TUPLES for t in _targets(node))):
        for value in node.value.elts:
            yield from templates(value)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get" and _name(node.func.value) in WORD_TABLES
            and len(node.args) == 2):
        yield from templates(node.args[1])  # the word when the table has none
    if isinstance(node, ast.Call):
        for argument in _sink_arguments(node, errors, in_error_class):
            yield from templates(argument)
            names = _text_names(argument)
            if scope is not None:
                yield from _assigned(scope, names)
            if module is not None:  # a module constant: `_RETYPE = "Ubah format …"`
                yield from _assigned(module, names, top_level=True)
    for child in ast.iter_child_nodes(node):
        yield from _walk(child, errors, in_error_class, scope, module)


def _text_names(argument: ast.AST) -> set[str]:
    """The variables whose text makes up `argument`: the argument itself, a value of it, or a
    part added to it (`detail + "."`)."""
    if isinstance(argument, ast.Name):
        return {argument.id}
    names = set()
    for inner in ast.walk(argument):
        if isinstance(inner, ast.FormattedValue) and isinstance(inner.value, ast.Name):
            names.add(inner.value.id)
        elif isinstance(inner, ast.BinOp):
            names.update(side.id for side in (inner.left, inner.right)
                         if isinstance(side, ast.Name))
    return names


def _assigned(scope: ast.AST, names: set[str], *, top_level: bool = False) -> Iterator[str]:
    """`message = f"…"` earlier in the function, then `raise Error(message)` (or `f"{where}…"`);
    with `top_level`, the module's own constants only."""
    for inner in (scope.body if top_level and isinstance(scope, ast.Module) else ast.walk(scope)):
        if (isinstance(inner, (ast.Assign, ast.AnnAssign, ast.AugAssign))
                and _is_text(inner.value) and any(_name(t) in names for t in _targets(inner))):
            yield from templates(inner.value)


def _targets(node: ast.Assign | ast.AnnAssign | ast.AugAssign) -> list[ast.expr]:
    return node.targets if isinstance(node, ast.Assign) else [node.target]


def _is_text(node: ast.AST | None) -> bool:
    return isinstance(node, (ast.Constant, ast.JoinedStr, ast.IfExp, ast.BinOp))


def extract(package: Path = PACKAGE) -> list[str]:
    """Every message template in the code under `package`, sorted."""
    paths = [p for p in sorted(package.rglob("*.py"))
             if p.relative_to(package).parts[0] not in SKIPPED and "migrations" not in p.parts]
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in paths]
    errors = error_classes(trees)
    return sorted({t for tree in trees for t in _walk(tree, errors)})


def updated(found: list[str], old: dict[str, str]) -> dict[str, str]:
    """The catalogue for `found`: known English kept, new templates empty, stale ones gone."""
    return {template: old.get(template, "") for template in found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    old = json.loads(CATALOGUE.read_text(encoding="utf-8")) if CATALOGUE.exists() else {}
    new = updated(extract(), old)
    missing = [t for t, english in new.items() if not english.strip()]
    stale = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    for template in missing:
        print(f"no English yet: {template}")
    if args.check:
        for template in stale:
            print(f"no longer in the code: {template}")
        for template in added:
            print(f"not in the catalogue: {template}")
        if missing or stale or added:
            print(f"{CATALOGUE.relative_to(ROOT)} is not up to date: run "
                  "python scripts/extract_messages.py and fill in the English", file=sys.stderr)
            return 1
        return 0
    CATALOGUE.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{CATALOGUE.relative_to(ROOT)}: {len(new)} templates, {len(added)} added, "
          f"{len(stale)} removed, {len(missing)} without English")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
