"""A claim moves towards payment only with someone to pay, and a submitted claim stays
submittable when it is edited; through the services and the CLI, on both engines."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from branch_desk.db.models.claims import ClaimRecipient
from branch_desk.domain.claim_workflow import BackToDraftError
from branch_desk.domain.errors import InvalidTransition
from branch_desk.services.claims.data import ChildData, ClaimData, ClaimFactsData, RecipientData
from branch_desk.services.claims.queries import get_claim
from branch_desk.services.claims.workflow import (
    advance_claim,
    mark_documents,
    new_claim,
    update_claim,
)
from tests.support.claims import add_person, jkm_data

TODAY = date(2025, 6, 16)
HEIR = RecipientData("Hasnah", "istri", "0123456789", "BRI")


def _death_claim(kpj: str, claim_type: str, recipients=()) -> ClaimData:
    """JKM, a JKK death at sea, or a scholarship after it; `recipients` as entered."""
    if claim_type == "JKM":
        return ClaimData(participant=kpj, claim_type="JKM", event_date=date(2025, 6, 1),
                         cause="bukan-kerja", recipients=recipients)
    facts = (ClaimFactsData(outcome="death", reported_on=date(2025, 6, 2))
             if claim_type == "JKK" else
             ClaimFactsData(outcome="death", children=(ChildData("Nur Aisyah", "SD", 9),)))
    return ClaimData(participant=kpj, claim_type=claim_type, event_date=date(2025, 6, 1),
                     cause="kerja", place="Perairan Maros", recipients=recipients, facts=facts)


def _step(office, user, number, to, **kw):
    with office.uow(user) as uow:
        row = advance_claim(uow, number=number, to=to, today=TODAY, **kw)
        uow.commit()
    return row


def _row(office, number):
    with office.uow("petugas", write=False) as uow:
        return get_claim(uow, number)


@pytest.mark.parametrize("claim_type", ["JKM", "JKK", "BEASISWA"])
def test_death_claim_without_heirs_is_not_submitted(office, claim_type):
    kpj = add_person(office)
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=_death_claim(kpj, claim_type), today=TODAY)
        mark_documents(uow, number=row.number, all_received=True, today=TODAY)
        uow.commit()
    assert row.recipients == () and row.eligible  # logged as a draft: heirs come later
    with pytest.raises(InvalidTransition) as caught:
        _step(office, "petugas", row.number, "diajukan")
    assert str(caught.value).startswith("Klaim belum dapat diajukan: belum ada ahli waris "
                                        "penerima manfaat; isi nama, hubungan dan nomor "
                                        "rekening bank ahli waris")
    assert caught.value.field == "recipients"
    assert _row(office, row.number).status == "draft"
    # the heir entered from the heir statement: the claim goes on
    saved = _row(office, row.number)
    with office.uow("petugas") as uow:
        update_claim(uow, number=row.number, expected_version=saved.version, today=TODAY,
                     data=_death_claim(kpj, claim_type, (HEIR,)))
        uow.commit()
    assert _step(office, "petugas", row.number, "diajukan").status == "diajukan"


def test_heir_without_bank_account_or_the_deceased_is_no_payee(office):
    kpj = add_person(office)
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=jkm_data(kpj), today=TODAY)
        mark_documents(uow, number=row.number, all_received=True, today=TODAY)
        uow.commit()
    for recipient, text in (
            (RecipientData("Hasnah", "istri"), "Hasnah: nomor rekening belum diisi"),
            (RecipientData("Daeng Sija", "peserta", "0987654321", "BRI"),
             "bukan kepada peserta yang meninggal")):
        saved = _row(office, row.number)
        with office.uow("petugas") as uow:
            update_claim(uow, number=row.number, expected_version=saved.version, today=TODAY,
                         data=_death_claim(kpj, "JKM", (recipient,)))
            uow.commit()
        with pytest.raises(InvalidTransition, match=text):
            _step(office, "petugas", row.number, "diajukan")


def test_approval_and_payment_refused_when_the_payee_went_missing(office):
    """A claim submitted before the rule (or received so from another office) is caught at
    the latest when it is approved or paid."""
    kpj = add_person(office)
    with office.uow("petugas") as uow:
        number = new_claim(uow, data=jkm_data(kpj), today=TODAY).number
        mark_documents(uow, number=number, all_received=True, today=TODAY)
        uow.commit()
    _step(office, "petugas", number, "diajukan")
    _step(office, "petugas2", number, "diverifikasi")
    with office.uow("petugas") as uow:
        for recipient in uow.session.scalars(select(ClaimRecipient)):
            recipient.bank_account = ""
        uow.commit()
    with pytest.raises(InvalidTransition, match="Klaim belum dapat disetujui: belum ada ahli "
                                                "waris dengan nama"):
        _step(office, "kepala", number, "disetujui")
    assert _row(office, number).status == "diverifikasi"
    # a supervisor may still reject it
    assert _step(office, "kepala", number, "ditolak", reason="rekening tidak ada").status \
        == "ditolak"


def test_cli_advance_refuses_a_death_claim_without_heirs(office, cli):
    kpj = add_person(office)
    out = cli("claims", "new", "--participant", kpj, "--type", "JKM", "--event-date",
              "2025-06-01", "--json", "--today", "2025-06-16")
    assert out.returncode == 0, out.stderr
    number = json.loads(out.stdout)["number"]
    assert cli("claims", "documents", number, "--all-received").returncode == 0
    out = cli("claims", "advance", number, "--to", "diajukan", "--json")
    assert out.returncode == 2
    assert "belum dapat diajukan: belum ada ahli waris" in json.loads(out.stdout)["error"]
    out = cli("claims", "advance", number, "--to", "diajukan")
    assert out.returncode == 2 and "ahli waris" in out.stderr + out.stdout


# --- editing a submitted claim ------------------------------------------------------------

def _submitted_jkk(office, kpj):
    data = ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 10),
                     cause="kerja", place="Dermaga", recipients=(
                         RecipientData("Daeng Sija", "peserta", "0123456789", "BRI"),),
                     facts=ClaimFactsData(medical_cost=2_400_000, reported_on=date(2025, 6, 11)))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=data, today=TODAY)
        mark_documents(uow, number=row.number, all_received=True, today=TODAY)
        row = advance_claim(uow, number=row.number, to="diajukan", today=TODAY)
        uow.commit()
    return data, row


def _edit(office, row, data, **kw):
    with office.uow("petugas") as uow:
        saved = update_claim(uow, number=row.number, data=data, expected_version=row.version,
                             today=TODAY, **kw)
        uow.commit()
    return saved


def test_edit_needing_new_documents_is_refused_or_sends_the_claim_back_to_draft(office):
    kpj = add_person(office)
    data, row = _submitted_jkk(office, kpj)
    off_site = ClaimData(**{**data.__dict__, "facts": ClaimFactsData(
        medical_cost=2_400_000, reported_on=date(2025, 6, 11), off_site=True)})
    with pytest.raises(BackToDraftError) as caught:
        _edit(office, row, off_site)
    message = str(caught.value)
    assert message.startswith(f"Klaim {row.number} sudah diajukan, tetapi setelah perubahan "
                              "ini dokumen wajib belum diterima: Surat tugas (kecelakaan di "
                              "luar lokasi kerja), Laporan/keterangan kepolisian.")
    assert "mengembalikan klaim ke draf" in message
    unchanged = _row(office, row.number)
    assert unchanged.status == "diajukan" and unchanged.version == row.version
    assert unchanged.facts["off_site"] is False

    saved = _edit(office, row, off_site, back_to_draft=True)
    assert saved.status == "draft" and saved.facts["off_site"] is True
    back = [e for e in saved.events if e.action == "back_to_draft"]
    assert len(back) == 1 and (back[0].from_status, back[0].to_status) == ("diajukan", "draft")
    assert back[0].username == "petugas"
    assert back[0].reason == ("Dikembalikan ke draf setelah perubahan data: dokumen wajib "
                              "belum diterima: Surat tugas (kecelakaan di luar lokasi kerja), "
                              "Laporan/keterangan kepolisian")
    with office.uow("petugas") as uow:
        mark_documents(uow, number=row.number, all_received=True, today=TODAY)
        uow.commit()
    assert _step(office, "petugas", row.number, "diajukan").status == "diajukan"


def test_edit_of_a_submitted_claim_that_stays_complete_keeps_it_submitted(office):
    kpj = add_person(office)
    data, row = _submitted_jkk(office, kpj)
    # off-site, with the assignment letter and police report handed in with the change
    off_site = ClaimData(**{**data.__dict__, "received": ("surat_tugas", "laporan_polisi"),
                            "facts": ClaimFactsData(medical_cost=2_400_000, off_site=True,
                                                    reported_on=date(2025, 6, 11))})
    saved = _edit(office, row, off_site)
    assert saved.status == "diajukan" and saved.documents_complete
    assert not any(e.action == "back_to_draft" for e in saved.events)


def test_edit_leaving_nobody_to_pay_is_refused_on_a_submitted_claim(office):
    kpj = add_person(office)
    data, row = _submitted_jkk(office, kpj)
    no_account = ClaimData(**{**data.__dict__,
                              "recipients": (RecipientData("Daeng Sija", "peserta"),)})
    with pytest.raises(BackToDraftError, match="Daeng Sija: nomor rekening belum diisi"):
        _edit(office, row, no_account)
    assert _edit(office, row, no_account, back_to_draft=True).status == "draft"
