"""The claims recap as an xlsx workbook: one sheet per breakdown, totals per programme."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

HEADERS = ("Program", "Kode wilayah", "Kabupaten/Kota", "Kode mitra", "Mitra", "Jumlah klaim",
           "Ditolak", "Dibayar (klaim)", "Total manfaat (Rp)", "Total dibayar (Rp)")
RUPIAH = '#,##0;-#,##0'


def write_recap_xlsx(path: Path, recap: Any) -> Path:
    """Write `recap` (a `services.claims.recap.ClaimsRecap`) to `path` atomically."""
    f = recap.criteria
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap per program"
    ws.append(["Rekap klaim", f"{f.date_from.isoformat()} s.d. {f.date_to.isoformat()}"])
    ws.append(["Mitra", recap.partner_name or "semua", "Program", f.program or "semua",
               "Wilayah", recap.region_name or "semua"])
    ws.append([])
    ws.append(["Program", "Jumlah klaim", "Ditolak", "Dibayar (klaim)", "Total manfaat (Rp)",
               "Total dibayar (Rp)"])
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for p in recap.programs:
        ws.append([p.program, p.count, p.rejected, p.paid_count, p.total, p.paid_total])
    ws.append(["Jumlah", recap.count, sum(p.rejected for p in recap.programs),
               sum(p.paid_count for p in recap.programs), recap.total, recap.paid_total])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=5, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = RUPIAH
    ws.column_dimensions["A"].width = 14
    for col in "BCDEF":
        ws.column_dimensions[col].width = 20
    detail = wb.create_sheet("Rincian")
    detail.append(list(HEADERS))
    for cell in detail[1]:
        cell.font = Font(bold=True)
    for ln in recap.lines:
        detail.append([ln.program, ln.regency_code, ln.regency_name, ln.partner_code,
                       ln.partner_name, ln.count, ln.rejected, ln.paid_count, ln.total,
                       ln.paid_total])
    for row in detail.iter_rows(min_row=2, min_col=9, max_col=10):
        for cell in row:
            cell.number_format = RUPIAH
    for col, width in zip("ABCDEFGHIJ", (10, 14, 28, 20, 34, 13, 10, 15, 20, 20), strict=True):
        detail.column_dimensions[col].width = width
    detail.freeze_panes = "A2"
    late = wb.create_sheet("Terlambat dibayar")
    late.append(["Nomor klaim", "Program", "Berkas lengkap", "Batas bayar BPJS", "Dibayar",
                 "Hari terlambat", "Kompensasi (Rp)"])
    for cell in late[1]:
        cell.font = Font(bold=True)
    for p in recap.late_payments:
        late.append([p.number, p.program, p.complete_on, p.due, p.paid_on, p.days_late,
                     p.compensation])
        late.cell(late.max_row, 7).number_format = RUPIAH
    for col, width in zip("ABCDEFG", (26, 10, 15, 17, 12, 14, 18), strict=True):
        late.column_dimensions[col].width = width
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path
