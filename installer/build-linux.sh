#!/usr/bin/env bash
# Build the Linux bundle: dist/branch-desk/branch-desk (one folder, copy it anywhere).
#
#   bash installer/build-linux.sh
#
# Idempotent: every run starts from a clean work folder and replaces the bundle.
# Environment (all optional):
#   PYTHON      the Python of the virtual environment with branch-desk and pyinstaller
#               installed (default: .venv/bin/python of the checkout)
#   DIST_DIR    where the bundle folder goes (default: dist/)
#   WORK_DIR    PyInstaller's build folder (default: build/pyinstaller/)
# Prints the bundle's size at the end. Needs the `installer` extra:
#   .venv/bin/pip install -e '.[installer]'
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
DIST_DIR="${DIST_DIR:-$ROOT/dist}"
WORK_DIR="${WORK_DIR:-$ROOT/build/pyinstaller}"

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller belum terpasang di $PYTHON: jalankan  $PYTHON -m pip install -e '${ROOT}[installer]'" >&2
  exit 1
fi

# The icon is committed; draw it again only if someone deleted it.
if [ ! -f "$ROOT/installer/icons/branch-desk.png" ]; then
  QT_QPA_PLATFORM=offscreen "$PYTHON" "$ROOT/installer/make_icon.py"
fi

rm -rf "$WORK_DIR" "$DIST_DIR/branch-desk"
mkdir -p "$DIST_DIR" "$WORK_DIR"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST_DIR" --workpath "$WORK_DIR" "$ROOT/installer/branch-desk.spec"
end=$(date +%s)

BUNDLE="$DIST_DIR/branch-desk"
# The desktop entry and icon travel with the bundle (see docs/installing.md).
cp "$ROOT/installer/branch-desk.desktop" "$BUNDLE/branch-desk.desktop"
cp "$ROOT/installer/icons/branch-desk.png" "$BUNDLE/branch-desk.png"
cp "$ROOT/installer/install-linux.sh" "$BUNDLE/install.sh"
chmod +x "$BUNDLE/install.sh"

"$BUNDLE/branch-desk" --version
echo "Bundel: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), $((end - start)) detik)"
