"""The English catalogue of the services' messages (resources/i18n/messages_en.json) is built
from the code by scripts/extract_messages.py and kept complete: a new Indonesian message
without English fails here."""

from __future__ import annotations

import importlib.util
import json
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "extract_messages.py"
CATALOGUE = ROOT / "src" / "branch_desk" / "resources" / "i18n" / "messages_en.json"


def _script():
    spec = importlib.util.spec_from_file_location("extract_messages", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fields(template: str) -> Counter[str]:
    return Counter(f for _, f, _, _ in string.Formatter().parse(template) if f is not None)


def test_the_committed_catalogue_is_current_and_complete():
    run = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True,
                         text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_english_template_has_the_placeholders_of_its_indonesian_one():
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    assert len(catalogue) > 400
    wrong = [(source, english) for source, english in catalogue.items()
             if _fields(source) != _fields(english)]
    assert not wrong, wrong
    # every placeholder is numbered 0, 1, … in order of appearance, as the matcher expects
    for source in catalogue:
        found = [f for _, f, _, _ in string.Formatter().parse(source) if f is not None]
        assert found == [str(i) for i in range(len(found))], source


def test_the_extractor_turns_fstrings_into_numbered_templates(tmp_path):
    script = _script()
    package = tmp_path / "pkg"
    (package / "domain").mkdir(parents=True)
    (package / "ui").mkdir()
    (package / "domain" / "rules.py").write_text(
        "class DomainError(Exception):\n    pass\n\n"
        "class BerkasError(DomainError):\n    pass\n\n"
        "def check(name, rows, ok):\n"
        "    if not ok:\n"
        "        raise BerkasError(f\"Berkas {name} tidak ditemukan ({rows:,} baris).\")\n"
        "    message = f\"Isian {{nama}} pada {name} {'kosong' if rows else 'penuh'}.\"\n"
        "    raise DomainError(message)\n"
        "    problems = []\n"
        "    problems.append(\"NIK kosong.\")\n"
        "    raise ValueError(\"internal, not for the officer\")\n", encoding="utf-8")
    (package / "ui" / "page.py").write_text(
        "raise DomainError('Teks antarmuka diterjemahkan oleh Qt.')\n", encoding="utf-8")
    assert script.extract(package) == [
        "Berkas {0} tidak ditemukan ({1} baris).", "Isian {{nama}} pada {0} {1}.",
        "NIK kosong.", "kosong", "penuh"]


def test_an_update_adds_new_templates_empty_and_drops_the_stale_ones():
    script = _script()
    old = {"Berkas {0} tidak ditemukan.": "File {0} not found.", "Pesan lama.": "Old message."}
    new = script.updated(["Berkas {0} tidak ditemukan.", "Pesan baru {0}."], old)
    assert new == {"Berkas {0} tidak ditemukan.": "File {0} not found.", "Pesan baru {0}.": ""}


def test_check_mode_names_a_message_without_english(tmp_path, monkeypatch, capsys):
    script = _script()
    catalogue = tmp_path / "messages_en.json"
    entries = {t: "x" for t in script.extract()}
    entries.pop(next(iter(entries)))  # one template of the code not in the catalogue
    catalogue.write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(script, "CATALOGUE", catalogue)
    monkeypatch.setattr(script, "ROOT", tmp_path)
    assert script.main(["--check"]) == 1
    assert "not in the catalogue" in capsys.readouterr().out
    assert catalogue.read_text(encoding="utf-8") == json.dumps(entries)  # check writes nothing


def test_the_catalogue_covers_the_messages_of_each_layer():
    """Each layer below the interface contributes templates (the walk reaches it); the
    interface and the CLI, translated by Qt or not at all, do not."""
    script = _script()
    package = ROOT / "src" / "branch_desk"
    trees = {p: script.ast.parse(p.read_text(encoding="utf-8")) for p in package.rglob("*.py")}
    errors = script.error_classes(list(trees.values()))
    catalogue = set(json.loads(CATALOGUE.read_text(encoding="utf-8")))
    for module in ("domain/nik.py", "services/admin/users.py", "sync/received.py",
                   "spreadsheets/workbook_reader.py", "documents/agreement.py", "db/migrate.py"):
        found = set(script._walk(trees[package / module], errors))
        assert found and found <= catalogue, module
    assert "Peran {0} tidak berwenang {1}." in catalogue  # domain/permissions
    assert "mengelola pengguna" in catalogue  # a word put into it (ACTION_LABELS)
