"""Exports by a role without the personal-data permission (EXPORT_PERSONAL_DATA: a petugas)
hold no NIK, phone or address: every cell of the real xlsx files is read back with openpyxl.
The same exports by a kepala cabang do hold them, so the check can fail."""

from __future__ import annotations

from datetime import date

from branch_desk.domain.permissions import Permission, allowed
from tests.support.masks import (
    MIN_CONSISTENT,
    Scene,
    consistent_niks,
    pdf_file_text,
    xlsx_cells,
)


def _exports(scene: Scene, user: str, tag: str, month: str) -> dict[str, list[str]]:
    """Every file a user can write with personal or financial data in it, as its cells or
    its text (the bill is a new one, of `month`)."""
    tmp = scene.tmp
    scene.ok("participants", "export", str(tmp / f"peserta-{tag}.xlsx"), user=user)
    scene.ok("contributions", "bill", "--partner", scene.partner, "--from", month,
             "--months", "1", "--attachment", str(tmp / f"lampiran-{tag}.xlsx"),
             "--invoice", str(tmp / f"tagihan-{tag}.pdf"), user=user)
    scene.ok("claims", "recap", "--from", "2025-01-01", "--to", "2025-12-31", "--xlsx",
             str(tmp / f"rekap-{tag}.xlsx"), "--pdf", str(tmp / f"rekap-{tag}.pdf"), user=user)
    scene.ok("report", "coverage", "--as-of", "2025-06-30", "--xlsx",
             str(tmp / f"cakupan-{tag}.xlsx"), user=user)
    return {
        "participants export": xlsx_cells(tmp / f"peserta-{tag}.xlsx"),
        "bill attachment": xlsx_cells(tmp / f"lampiran-{tag}.xlsx"),
        "invoice": [pdf_file_text(tmp / f"tagihan-{tag}.pdf")],
        "claims recap xlsx": xlsx_cells(tmp / f"rekap-{tag}.xlsx"),
        "claims recap pdf": [pdf_file_text(tmp / f"rekap-{tag}.pdf")],
        "coverage xlsx": xlsx_cells(tmp / f"cakupan-{tag}.xlsx"),
    }


def _personal(scene: Scene, cells: list[str]) -> set[str]:
    """What of the participants' NIKs, phones and addresses any cell holds."""
    found = set()
    for cell in cells:
        for nik in scene.people:
            if nik in cell:
                found.add(f"NIK {nik}")
        for address, phone in scene.contacts.values():
            if address in cell:
                found.add(f"alamat {address}")
            if phone and phone in cell:
                found.add(f"HP {phone}")
    return found


def test_exports_without_the_permission_hold_no_nik_phone_or_address(office, cli, tmp_path):
    assert not allowed("petugas", Permission.EXPORT_PERSONAL_DATA)
    assert allowed("supervisor", Permission.EXPORT_PERSONAL_DATA)
    scene = Scene(office, cli, tmp_path)
    assert len(scene.contacts) == 8  # the Pemda list gave addresses and phones
    leaks = {name: _personal(scene, cells)
             for name, cells in _exports(scene, "petugas", "petugas", "2025-07").items()}
    assert leaks == {name: set() for name in leaks}
    header = xlsx_cells(tmp_path / "peserta-petugas.xlsx")[:20]
    assert "NIK" in header and "Alamat" not in header and "No HP" not in header
    full = _exports(scene, "kepala", "kepala", "2025-08")
    assert {"NIK", "HP", "alamat"} <= {leak.split()[0] for leak in _personal(
        scene, full["participants export"])}
    assert any(leak.startswith("NIK") for leak in _personal(scene, full["bill attachment"]))


def test_a_masked_export_joined_with_its_birth_date_column_gives_no_nik(office, cli, tmp_path):
    """The attack of the issue: the masked NIK of each exported row, joined with the birth
    date, sex and village code columns of the same row, still leaves 1,000 NIKs or more."""
    from openpyxl import load_workbook

    scene = Scene(office, cli, tmp_path)
    scene.ok("participants", "export", str(tmp_path / "peserta.xlsx"))
    sheet = load_workbook(tmp_path / "peserta.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    col = {title: i for i, title in enumerate(rows[0])}
    assert len(rows) == 1 + len(scene.people)
    for row in rows[1:]:
        born = row[col["Tanggal Lahir"]]
        born = born.date() if hasattr(born, "date") else born
        assert isinstance(born, date)
        district = str(row[col["Kode Desa"]])[:8]
        count = consistent_niks(row[col["NIK"]], district=district, born=born,
                                sex=row[col["Jenis Kelamin"]])
        assert count >= MIN_CONSISTENT
