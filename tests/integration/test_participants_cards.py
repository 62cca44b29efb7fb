"""Member cards: PDF text read back, QR decoded from the rendered page and verified."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pypdf import PdfReader

from branch_desk.services.participants.cards import print_card, print_cards
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData, ParticipantQuery
from branch_desk.services.partners import verification
from tests.support.partners import add_maros


def qr_texts(pdf: Path, tmp_path: Path, page: int = 1) -> list[str]:
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", str(page), "-l", str(page),
                    str(pdf), str(prefix)], check=True)
    png = next(tmp_path.glob(f"page{page}*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    return sorted(line for line in out.stdout.splitlines() if line)


def test_single_card(office, tmp_path):
    with office.uow("petugas") as uow:
        row = register_participant(uow, data=ParticipantData(
            nik="7309014507850001", name="Sitti Aminah", village_code="73.09.01.2003"))
        path = print_card(uow, nik_or_kpj=row.kpj, out=tmp_path / "kartu.pdf")
        uow.commit()
    text = PdfReader(path).pages[0].extract_text()
    for expected in ("KARTU PESERTA", "SITTI AMINAH", row.kpj, "7309************", "JKK, JKM",
                     "Kantor Cabang Maros"):
        assert expected in text
    assert "7309014507850001" not in text
    [code] = qr_texts(path, tmp_path)
    with office.uow("petugas", write=False) as uow:
        checked = verification.verify(uow, code)
    assert checked.genuine and checked.kind == "kartu" and checked.number == row.kpj
    assert checked.summary is not None and checked.summary["nama"] == "Sitti Aminah"


def test_batch_for_a_partner_with_cut_marks(office, tmp_path, monkeypatch, capsys):
    add_maros(office)
    with office.uow("petugas") as uow:
        for n in range(12):
            register_participant(uow, data=ParticipantData(
                nik=f"730901010180{n:04d}"[:12] + f"{n + 1:04d}", name=f"Peserta {chr(65 + n)}",
                village_code="73.09.01.2003", partner_code="PEMKAB-MAROS"),
                allow_likely_duplicate=True)
        register_participant(uow, data=ParticipantData(
            nik="7309014507850001", name="Mandiri Saja", village_code="73.09.01.2003"))
        uow.commit()
    from branch_desk.cli.main import main
    from tests.support.offices import PASSWORDS

    out = tmp_path / "cards.pdf"
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS["petugas"])
    assert main(["participants", "cards", "--partner", "PEMKAB-MAROS", "--out", str(out),
                 "--db", str(office.path), "--user", "petugas", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cards"] == 12
    reader = PdfReader(out)
    assert len(reader.pages) == 2  # ten cards per A4 page
    first = reader.pages[0].extract_text()
    assert first.count("KARTU PESERTA") == 10 and "Mandiri Saja".upper() not in first
    assert reader.pages[1].extract_text().count("KARTU PESERTA") == 2
    assert len(qr_texts(out, tmp_path, page=2)) == 2
    with office.uow("petugas") as uow:
        assert print_cards(uow, query=ParticipantQuery(text="mandiri"),
                           out=tmp_path / "one.pdf") == 1
