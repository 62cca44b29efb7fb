# Sourced by scripts/run and scripts/test: system packages and the virtual environment.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BRANCH_DESK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Perlu hak root untuk: $*" >&2; return 1; fi
}

# Install the Debian packages named in "$@" that are not installed yet.
apt_ensure() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null; then
      echo "Paket sistem berikut diperlukan: ${missing[*]}" >&2; return 1
    fi
    echo "Memasang paket sistem: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Qt's system libraries for offscreen and real windows, and a font for tests.
QT_PACKAGES=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon0 libbrotli1 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0
  libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)

# Every program that scripts/test, scripts/screenshots.py and the tests run, with the Debian
# package that provides it: the one list of them. `tools_ensure` checks each with `command -v`
# (and `tool_path`'s other places) and installs the packages of
# the missing ones; docs/installing.md lists the same packages (tests/unit/test_install_lists.py
# compares the two, and the programs the tests call with this list).
TEST_TOOLS=(
  pdftotext:poppler-utils   # the text of printed PDFs
  pdftoppm:poppler-utils    # PDF pages as pictures (QR codes, screenshots)
  pdffonts:poppler-utils    # fonts embedded in PDFs
  pdfinfo:poppler-utils     # the page count of printed PDFs
  qpdf:qpdf                 # PDF structure check
  zbarimg:zbar-tools        # QR codes read back from printed pages
  objdump:binutils          # PyInstaller reads the libraries' headers (tests/bundle)
  initdb:postgresql         # the throwaway PostgreSQL server (scripts/pg-throwaway.sh)
  pg_ctl:postgresql
  xvfb-run:xvfb             # a virtual screen for scripts/screenshots.py
  xauth:xauth
  cupsd:cups                # a private print server for the print tests (cups-throwaway.sh)
  lp:cups-client            # the program sends PDFs to CUPS queues with it
  lpadmin:cups-client
  lpstat:cups-client
  cups-pdf:printer-driver-cups-pdf  # the queue that prints to PDF files, read back by tests
  soffice:libreoffice-calc-nogui    # a real spreadsheet client opens every file we write
  wine:wine                 # Windows programs under Wine (scripts/test-windows, tests/windows)
  wineserver:wine
  x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64-win32  # Wine's missing bcryptprimitives.dll
  tesseract:tesseract-ocr   # reads the words on the Windows screenshots (text, not boxes)
  npm:npm                   # Inno Setup's compiler, from the npm package innosetup
  unzip:unzip               # unpacks the embeddable Windows CPython (scripts/test-windows)
)

# Where a program is found: on PATH, in /usr/sbin, among PostgreSQL's versioned server
# programs, or among CUPS's backends.
tool_path() {
  command -v "$1" 2>/dev/null && return 0
  local found
  for found in "/usr/sbin/$1" "/usr/lib/cups/backend/$1"; do
    [ -x "$found" ] && { echo "$found"; return 0; }
  done
  found="$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$found" ] && [ -x "$found" ] && echo "$found"
}

# Install the packages of the programs in "$@" (entries program:package) that are missing,
# then fail with their names if any is still missing.
tools_ensure() {
  local entry packages=() missing=()
  for entry in "$@"; do
    tool_path "${entry%%:*}" >/dev/null || packages+=("${entry#*:}")
  done
  if [ ${#packages[@]} -gt 0 ]; then
    mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
    apt_ensure "${packages[@]}"
  fi
  for entry in "$@"; do
    tool_path "${entry%%:*}" >/dev/null || missing+=("${entry%%:*} (paket ${entry#*:})")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Program yang diperlukan tidak ditemukan: ${missing[*]}" >&2
    return 1
  fi
}

# PyInstaller (tests/bundle, installer/build-linux.sh) copies Python's shared library into the
# bundle; Debian's python3 is built shared but ships that library in a package of its own.
python_library_ensure() {
  local lib version
  lib="$("$PYTHON" -c 'import sysconfig as s; print(s.get_config_var("LIBDIR"), s.get_config_var("INSTSONAME"), sep="/")')"
  [ -e "$lib" ] && return 0
  version="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  apt_ensure "libpython$version"
}

venv_ensure() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" >/dev/null 2>&1 || { apt_ensure python3-venv; "$PYTHON" -m venv "$VENV"; }
  fi
  local stamp="$VENV/.installed-$extras"
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"
    touch "$stamp"
  fi
}
