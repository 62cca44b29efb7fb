# Sourced by scripts/test: start a private CUPS scheduler with a cups-pdf queue, so that the
# print tests send real jobs through CUPS and read back what it printed. Exports CUPS_SERVER
# (its socket), BRANCH_DESK_TEST_PRINTER (the queue) and BRANCH_DESK_TEST_PRINT_OUT (where
# cups-pdf writes the printed PDFs). `cups_stop` ends it and removes its folder.
# shellcheck shell=bash

CUPS_QUEUE=BranchDeskPDF
CUPS_PDF_INSTANCE=branchdesk  # cups-pdf reads /etc/cups/cups-pdf-<instance>.conf

cups_start() {
  local dir
  dir="$(mktemp -d /tmp/branch-desk-cups.XXXXXX)"
  chmod 755 "$dir"
  mkdir -p "$dir/conf/ppd" "$dir/spool" "$dir/cache" "$dir/log" "$dir/run" "$dir/out"
  chmod 1777 "$dir/out"
  cat >"$dir/conf/cupsd.conf" <<CONF
Listen $dir/run/cups.sock
LogLevel warn
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
CONF
  cat >"$dir/conf/cups-files.conf" <<CONF
ServerRoot $dir/conf
RequestRoot $dir/spool
CacheDir $dir/cache
StateDir $dir/run
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
SystemGroup root lpadmin
CONF
  cp /usr/share/cups/mime/* "$dir/conf/" 2>/dev/null || true
  as_root tee "/etc/cups/cups-pdf-$CUPS_PDF_INSTANCE.conf" >/dev/null <<CONF
Out $dir/out
AnonDirName $dir/out
Label 0
TitlePref 1
CONF
  as_root /usr/sbin/cupsd -c "$dir/conf/cupsd.conf" -s "$dir/conf/cups-files.conf"
  export CUPS_SERVER="$dir/run/cups.sock"
  local tries=0
  until lpstat -r >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then echo "CUPS tidak dapat dijalankan." >&2; return 1; fi
    sleep 0.2
  done
  as_root env CUPS_SERVER="$CUPS_SERVER" lpadmin -p "$CUPS_QUEUE" -E \
    -v "cups-pdf:/$CUPS_PDF_INSTANCE" -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
  export BRANCH_DESK_TEST_PRINTER="$CUPS_QUEUE" BRANCH_DESK_TEST_PRINT_OUT="$dir/out"
  CUPS_DIR="$dir"
  echo "CUPS sementara berjalan: antrean $CUPS_QUEUE, hasil cetak di $dir/out"
}

cups_stop() {
  if [ -n "${CUPS_DIR:-}" ]; then
    as_root pkill -f "$CUPS_DIR/conf/cupsd.conf" 2>/dev/null || true
    local tries=0  # let it end its jobs and exit before its folder goes; then insist
    while pgrep -f "$CUPS_DIR/conf/cupsd.conf" >/dev/null && [ "$tries" -lt 25 ]; do
      tries=$((tries + 1))
      sleep 0.2
    done
    as_root pkill -KILL -f "$CUPS_DIR/conf/cupsd.conf" 2>/dev/null || true
    as_root rm -f "/etc/cups/cups-pdf-$CUPS_PDF_INSTANCE.conf"
    rm -rf "$CUPS_DIR"
    CUPS_DIR=""
  fi
}
