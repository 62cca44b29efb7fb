"""Intake proposals (recipients, JHT/JP estimates) and edits of a claim's checklist."""

from __future__ import annotations

from datetime import date

from branch_desk.services.claims.data import ClaimData, ClaimFactsData
from branch_desk.services.claims.intake import intake_defaults
from branch_desk.services.claims.workflow import new_claim, update_claim
from branch_desk.services.participants.registry import find_participant, register_participant
from branch_desk.services.participants.rows import HeirData, ParticipantData
from tests.support.claims import add_person

TODAY = date(2025, 6, 16)
PU_ALL = frozenset({"JKK", "JKM", "JHT", "JP", "JKP"})


def _defaults(office, participant_id, claim_type, outcome=None, as_of=date(2025, 6, 1)):
    with office.uow("petugas", write=False) as uow:
        return intake_defaults(uow, participant_id=participant_id, claim_type=claim_type,
                               outcome=outcome, as_of=as_of)


def _id(office, kpj):
    with office.uow("petugas", write=False) as uow:
        return find_participant(uow, kpj).id


def test_heirs_proposed_for_a_death_and_the_participant_otherwise(office):
    with office.uow("petugas") as uow:
        person = register_participant(uow, data=ParticipantData(
            nik="7309014507850002", name="Andi Tenri", village_code="73.09.01.1001",
            income=2_000_000, tmt=date(2020, 1, 1),
            heirs=(HeirData("Muh. Arfah", "suami", bank_account="BNI 0223-4455-66"),)),
            today=TODAY)
        uow.commit()
    found = _defaults(office, person.id, "JKM")
    assert found.paid_to_heirs and found.registered_wage == 2_000_000
    assert [(r.name, r.relationship, r.bank_name, r.bank_account) for r in found.recipients] \
        == [("Muh. Arfah", "suami", "BNI", "0223445566")]
    assert found.recipients[0].nik == ""  # the heir's NIK is never copied to the screen
    own = _defaults(office, person.id, "JKK", "temporary")
    assert not own.paid_to_heirs
    assert [(r.name, r.relationship) for r in own.recipients] == [("Andi Tenri", "peserta")]
    assert not own.jht.available and "Belum ada iuran JHT" in own.jht.reason


def test_jht_and_jp_estimated_from_the_ledger(office):
    kpj = add_person(office, nik="7309010101700002", name="Andi Baso", segment="PU",
                     income=8_000_000, programs=PU_ALL, tmt=date(2024, 3, 1),
                     paid_from=date(2024, 3, 1), paid_to=date(2025, 5, 1))
    found = _defaults(office, _id(office, kpj), "JHT")
    assert (found.jht.available, found.jht.months, found.jht.contributions) == (
        True, 15, 15 * 456_000)
    assert (found.jp.months, found.jp.contributions, found.jp.average_annual_wage) == (
        15, 15 * 240_000, 96_000_000)
    earlier = _defaults(office, _id(office, kpj), "JHT", as_of=date(2024, 2, 1))
    assert not earlier.jht.available and "sampai tanggal kejadian" in earlier.jht.reason


def test_update_follows_the_checklist_and_marks_new_documents(office):
    kpj = add_person(office, nik="7309010101700002", name="Andi Baso", segment="PU",
                     income=8_000_000, programs=PU_ALL, tmt=date(2014, 3, 1),
                     paid_from=date(2024, 3, 1), paid_to=date(2025, 5, 1))
    data = ClaimData(participant=kpj, claim_type="JHT", event_date=date(2025, 6, 1),
                     received=("kpj", "paklaring_atau_phk"),
                     facts=ClaimFactsData(balance=40_000_000))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=data, today=TODAY)
        uow.commit()
    changed = ClaimData(participant=kpj, claim_type="JHT", event_date=date(2025, 6, 1),
                        received=("kpj", "ktp"),
                        facts=ClaimFactsData(jht_kind="partial_housing", balance=80_000_000))
    with office.uow("petugas") as uow:
        after = update_claim(uow, number=row.number, data=changed, expected_version=row.version,
                             today=date(2025, 6, 20))
        uow.commit()
    docs = {d.key: d for d in after.documents}
    # housing papers and the NPWP (balance above Rp50 jt) are asked for now; the PHK letter
    # that was handed in stays on the list, the family card that was not is dropped
    assert list(docs) == ["kpj", "ktp", "bukti_perumahan", "buku_tabungan", "npwp",
                          "paklaring_atau_phk"]
    assert docs["ktp"].received and docs["ktp"].received_on == date(2025, 6, 20)
    assert docs["paklaring_atau_phk"].received and not docs["npwp"].received
    assert any(e.action == "documents" and "ktp" in e.reason for e in after.events)


def test_a_death_claim_without_heirs_names_no_payee(office):
    kpj = add_person(office)
    with office.uow("petugas") as uow:
        jkm = new_claim(uow, data=ClaimData(participant=kpj, claim_type="JKM",
                                            event_date=date(2025, 6, 1)), today=TODAY)
        jkk = new_claim(uow, data=ClaimData(participant=kpj, claim_type="JKK",
                                            event_date=date(2025, 6, 14),
                                            facts=ClaimFactsData(medical_cost=1_000_000)),
                        today=TODAY)
        uow.commit()
    assert jkm.recipients == ()  # never the deceased participant
    assert [(r.name, r.relationship) for r in jkk.recipients] == [("Daeng Sija", "peserta")]
