"""The claims recap as an xlsx workbook: one sheet per breakdown, totals per programme
(through `xlsx_writer`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from branch_desk.spreadsheets.xlsx_writer import DATE, ID, INT, MONEY, Book, Column

PROGRAM_COLUMNS = (Column("Program", 14), Column("Jumlah klaim", 20, INT),
                   Column("Ditolak", 20, INT), Column("Dibayar (klaim)", 20, INT),
                   Column("Total manfaat (Rp)", 20, MONEY), Column("Total dibayar (Rp)", 20, MONEY))
DETAIL_COLUMNS = (Column("Program", 10), Column("Kode wilayah", 14, ID),
                  Column("Kabupaten/Kota", 28), Column("Kode mitra", 20, ID),
                  Column("Mitra", 34), Column("Jumlah klaim", 13, INT), Column("Ditolak", 10, INT),
                  Column("Dibayar (klaim)", 15, INT), Column("Total manfaat (Rp)", 20, MONEY),
                  Column("Total dibayar (Rp)", 20, MONEY))


LATE_COLUMNS = (Column("Nomor klaim", 26, ID), Column("Program", 10),
                Column("Berkas lengkap", 15, DATE), Column("Batas bayar BPJS", 17, DATE),
                Column("Dibayar", 12, DATE), Column("Hari terlambat", 14, INT),
                Column("Kompensasi (Rp)", 18, MONEY))


def write_recap_xlsx(path: Path, recap: Any) -> Path:
    """Write `recap` (a `services.claims.recap.ClaimsRecap`) to `path` atomically."""
    f = recap.criteria
    with Book() as book:
        programs = book.table("Rekap per program", PROGRAM_COLUMNS, heading=[
            ["Rekap klaim", f"{f.date_from.isoformat()} s.d. {f.date_to.isoformat()}"],
            ["Mitra", recap.partner_name or "semua", "Program", f.program or "semua", "Wilayah",
             recap.region_name or "semua"]])
        programs.extend([p.program, p.count, p.rejected, p.paid_count, p.total, p.paid_total]
                        for p in recap.programs)
        programs.total(["Jumlah", recap.count, sum(p.rejected for p in recap.programs),
                        sum(p.paid_count for p in recap.programs), recap.total, recap.paid_total])
        book.table("Rincian", DETAIL_COLUMNS).extend(
            [ln.program, ln.regency_code, ln.regency_name, ln.partner_code, ln.partner_name,
             ln.count, ln.rejected, ln.paid_count, ln.total, ln.paid_total] for ln in recap.lines)
        book.table("Terlambat dibayar", LATE_COLUMNS).extend(
            [p.number, p.program, p.complete_on, p.due, p.paid_on, p.days_late, p.compensation]
            for p in recap.late_payments)
        return book.save(path)
