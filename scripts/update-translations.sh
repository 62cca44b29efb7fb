#!/usr/bin/env bash
# Re-extract the interface strings into the English .ts file and compile it to .qm.
#   scripts/update-translations.sh          update branch_desk_en.ts, then build the .qm
# After running, translate every entry lupdate marks unfinished (pyside6-linguist, or edit
# the XML), run the script again, and commit both files; tests/gui/test_translations.py
# fails while any interface string has no English translation.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
I18N=src/branch_desk/resources/i18n
mkdir -p "$I18N"
mapfile -t SOURCES < <(find src/branch_desk/ui -name '*.py' | sort)
"$BIN/pyside6-lupdate" -no-obsolete -locations relative "${SOURCES[@]}" -ts "$I18N/branch_desk_en.ts"
"$BIN/pyside6-lrelease" "$I18N/branch_desk_en.ts" -qm "$I18N/branch_desk_en.qm"
# Qt's own words in Indonesian (ui/shell/qt_texts.py) as a compiled catalogue of their own.
"$BIN/python" -c 'from branch_desk.ui.shell.qt_texts import ts_document; import sys; sys.stdout.write(ts_document())' >"$I18N/qt_id.ts"
"$BIN/pyside6-lrelease" "$I18N/qt_id.ts" -qm "$I18N/qt_id.qm"
