"""How the hub reports' typed cells are shown (domain.report_cells)."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.domain.report_cells import Column, Count, HubTable, show


@pytest.mark.parametrize(("kind", "value", "text"), [
    ("text", "MRS", "MRS"),
    ("text", None, ""),
    ("int", 12345, "12.345"),
    ("int", 0, "0"),
    ("money", 42_000_000, "Rp42.000.000"),
    ("date", date(2025, 6, 30), "30 Juni 2025"),
    ("coded", ("73.09", "Kabupaten Maros"), "73.09 Kabupaten Maros"),
    ("status", "diperpanjang", "Diperpanjang"),
    ("renewal", 14, "PERLU, 14 hari lagi"),
    ("renewal", -3, "LEWAT 3 hari"),
    ("renewal", None, ""),
    ("text", Count(3, "offices"), "3 kantor"),
    ("renewal", Count(2, "renewals_due"), "2 perlu diperpanjang"),
])
def test_cells_by_kind(kind: str, value: object, text: str) -> None:
    assert show(kind, value) == text


def test_a_table_shown_and_written_to_a_sheet() -> None:
    table = HubTable("agreements", (Column("office"), Column("end_date", "date"),
                                    Column("budget", "money"), Column("renewal", "renewal")),
                     rows=(("MRS", date(2025, 6, 30), 1_000, 14),),
                     total=(None, None, 1_000, Count(1, "renewals_due")), records=(),
                     as_of=date(2025, 6, 16), within_days=30)
    assert [c.title for c in table.columns] == ["Kantor", "Berakhir", "Anggaran", "Perpanjangan"]
    assert table.subtitle == ("Per 16 Juni 2025; perlu diperpanjang = aktif dan berakhir "
                              "dalam 30 hari")
    assert table.display(table.rows[0]) == ("MRS", "30 Juni 2025", "Rp1.000",
                                            "PERLU, 14 hari lagi")
    assert table.display_total() == ("Jumlah", "", "Rp1.000", "1 perlu diperpanjang")
    assert table.sheet_row(table.rows[0]) == ["MRS", date(2025, 6, 30), 1_000,
                                              "PERLU, 14 hari lagi"]
    assert table.sheet_total() == ["Jumlah", None, 1_000, "1 perlu diperpanjang"]
