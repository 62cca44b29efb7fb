#!/usr/bin/env bash
# Install (or upgrade, or remove) the Branch Desk bundle on a Linux workstation.
# Shipped inside the bundle as install.sh; run it from the unpacked bundle folder:
#
#   ./install.sh              for the current user: ~/.local/opt/branch-desk, menu entry,
#                             command ~/.local/bin/branch-desk
#   sudo ./install.sh         for every user: /opt/branch-desk, /usr/share/applications,
#                             command /usr/local/bin/branch-desk
#   ./install.sh --uninstall  removes the program; the office data stays
#                             (~/.local/share/BranchDesk of each user)
#
# Upgrading is installing the new bundle the same way: the program folder is replaced,
# the data folder is never touched (the program upgrades the database itself, after a backup).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "$(id -u)" = 0 ]; then
  PREFIX=/opt/branch-desk BIN=/usr/local/bin SHARE=/usr/share
else
  PREFIX="$HOME/.local/opt/branch-desk" BIN="$HOME/.local/bin" SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
APPS="$SHARE/applications"
ICON_DIR="$SHARE/icons/hicolor/256x256/apps"

refresh_menus() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$APPS" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX"
  rm -f "$BIN/branch-desk" "$APPS/branch-desk.desktop" "$ICON_DIR/branch-desk.png"
  refresh_menus
  echo "Branch Desk dihapus dari $PREFIX. Data kantor tidak dihapus."
  exit 0
fi

if [ ! -x "$HERE/branch-desk" ] || [ ! -d "$HERE/_internal" ]; then
  echo "Jalankan skrip ini dari folder bundel Branch Desk (berisi branch-desk dan _internal)." >&2
  exit 1
fi

# Copy next to the old folder, then swap: a failed copy leaves the old version working.
mkdir -p "$(dirname "$PREFIX")" "$BIN" "$APPS" "$ICON_DIR"
rm -rf "$PREFIX.new"
cp -a "$HERE" "$PREFIX.new"
rm -rf "$PREFIX.old"
[ -d "$PREFIX" ] && mv "$PREFIX" "$PREFIX.old"
mv "$PREFIX.new" "$PREFIX"
rm -rf "$PREFIX.old"

ln -sfn "$PREFIX/branch-desk" "$BIN/branch-desk"
cp "$PREFIX/branch-desk.png" "$ICON_DIR/branch-desk.png"
sed -e "s|^Exec=branch-desk|Exec=\"$PREFIX/branch-desk\"|" \
    -e "s|^TryExec=branch-desk|TryExec=$PREFIX/branch-desk|" \
    -e "s|^Icon=branch-desk|Icon=$PREFIX/branch-desk.png|" \
    "$PREFIX/branch-desk.desktop" > "$APPS/branch-desk.desktop"
refresh_menus
echo "Branch Desk $("$PREFIX/branch-desk" --version | cut -d' ' -f2) terpasang di $PREFIX"
echo "Menu: Office → Branch Desk; perintah: $BIN/branch-desk"
