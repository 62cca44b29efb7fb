"""Issue 18 in the services: a paid death claim ends the membership, the JP record over the
whole career, the heirs' legal order, JKK papers by outcome and the stage-II report."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from branch_desk.db.models.contributions import CoverageSpell
from branch_desk.db.models.participants import Participant
from branch_desk.domain.coverage import CoverageStatus
from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.data import ClaimData, ClaimFactsData, RecipientData
from branch_desk.services.claims.queries import list_claims
from branch_desk.services.claims.workflow import advance_claim, mark_documents, new_claim
from branch_desk.services.contributions.billing import bill_lines, build_bill
from branch_desk.services.contributions.coverage import coverage_for
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.participants.registry import get_participant, register_participant
from branch_desk.services.participants.rows import HeirData, ParticipantData
from tests.support.claims import add_person, jkm_data
from tests.support.contributions import pemda
from tests.support.pdf import pdf_text

TODAY = date(2025, 6, 16)
WIDOW = RecipientData("Hasnah", "istri", "0123456789", "BRI")


def _pay(office, number):
    for user, to, kw in (("petugas", "diajukan", {}), ("petugas2", "diverifikasi", {}),
                         ("kepala", "disetujui", {}),
                         ("petugas", "dibayar", {"reference": "TRF-1"})):
        with office.uow(user) as uow:
            advance_claim(uow, number=number, to=to, today=TODAY, **kw)
            uow.commit()


def _claim(office, data):
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=data, today=TODAY)
        mark_documents(uow, number=row.number, all_received=True, today=TODAY)
        uow.commit()
    return row


def _id(office, kpj):
    with office.uow(write=False) as uow:
        return uow.session.scalar(select(Participant.id).where(Participant.kpj == kpj))


def test_paid_death_claim_ends_membership_billing_and_coverage(office):
    code = pemda(office)
    kpj = add_person(office, partner=code, tmt=date(2025, 1, 1), paid_from=date(2025, 1, 1),
                     paid_to=date(2025, 3, 1))
    add_person(office, nik="7309010101900009", name="Baso Hidup", partner=code,
               tmt=date(2025, 1, 1), paid_from=date(2025, 1, 1), paid_to=date(2025, 3, 1))
    row = _claim(office, jkm_data(kpj, event=date(2025, 4, 10)))
    pid = _id(office, kpj)
    with office.uow(write=False) as uow:  # not paid yet: still a member
        assert get_participant(uow, pid).status == "aktif"
    _pay(office, row.number)
    with office.uow(write=False) as uow:
        person = get_participant(uow, pid)
        assert person.status == "nonaktif" and "10-04-2025" in person.status_reason
        assert row.number in person.status_reason
        status = coverage_for(uow, participant_ids=[pid], on=date(2025, 5, 15))[pid]
    assert status["JKM"] is CoverageStatus.NONAKTIF and status["JKK"] is CoverageStatus.NONAKTIF
    with office.uow(write=False) as uow:  # the coverage figures (Monev) count it no more
        counted = uow.session.scalars(select(CoverageSpell.counted).where(
            CoverageSpell.participant_id == pid)).all()
    assert counted and not any(counted)
    with office.uow() as uow:
        bill = build_bill(uow, partner_code=code, first_month=date(2025, 4, 1), months=6,
                          today=TODAY)
        lines = {ln.participant_id: (ln.first_month, ln.months) for ln in
                 bill_lines(uow, bill.number)}
        uow.commit()
    assert lines[pid] == (date(2025, 4, 1), 1)  # the month of death, no month after it
    assert len(lines) == 2


def test_paid_jkk_without_death_keeps_the_member(office):
    kpj = add_person(office)
    data = ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 1),
                     cause="kerja", recipients=(RecipientData("Daeng Sija", "peserta",
                                                              "0123456789", "BRI"),),
                     facts=ClaimFactsData(outcome="medical_only", medical_cost=500_000,
                                          reported_on=date(2025, 6, 2)))
    row = _claim(office, data)
    _pay(office, row.number)
    with office.uow(write=False) as uow:
        assert get_participant(uow, _id(office, kpj)).status == "aktif"


def test_jp_record_counts_every_paid_month_across_a_gap(office):
    # Issue 18 (150 + gap + 60 = 210 months) is reproduced in tests/unit/test_benefits.py;
    # JP rates exist here from March 2023 only: 12 paid months, a 3-month gap, then 8 more
    # up to the month of the event = 20 (only the last 8 would count if the gap reset them).
    kpj = add_person(office, nik="7309010101650003", name="La Ode", segment="PU",
                     income=5_000_000, programs=frozenset({"JKK", "JKM", "JHT", "JP"}),
                     tmt=date(2023, 3, 1), paid_from=date(2023, 3, 1),
                     paid_to=date(2024, 2, 1))
    with office.uow("petugas") as uow:
        record_payment(uow, participant_id=_id(office, kpj), first_month=date(2024, 6, 1),
                       months=9, payer="La Ode", paid_on=date(2024, 6, 1))
        uow.commit()
    data = ClaimData(participant=kpj, claim_type="JP", event_date=date(2025, 1, 15),
                     recipients=(RecipientData("La Ode", "peserta", "0123456789", "BRI"),),
                     facts=ClaimFactsData(accumulated_contributions=3_000_000))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=data, today=TODAY)
        uow.commit()
    assert any("seluruhnya 20 bulan" in f.text for f in row.findings), row.findings
    assert [(ln.code, ln.amount) for ln in row.lines] == [("JP_SEKALIGUS", 3_000_000)]


def test_sibling_paid_while_widow_registered_needs_a_reason(office):
    with office.uow("petugas") as uow:
        kpj = register_participant(uow, data=ParticipantData(
            nik="7309010101800004", name="Daeng Tiro", village_code="73.09.01.1001",
            heirs=(HeirData("Hasnah", "istri"),)), today=TODAY).kpj
        uow.commit()
    sibling = (RecipientData("Baso", "saudara kandung", "0987654321", "BNI"),)
    data = ClaimData(participant=kpj, claim_type="JKM", event_date=date(2025, 6, 1),
                     cause="bukan-kerja", recipients=sibling)
    with office.uow("petugas") as uow, pytest.raises(ValidationError) as err:
        new_claim(uow, data=data, today=TODAY)
    assert err.value.field == "heir_order_reason"
    assert "golongan 1" in err.value.message and "Baso" in err.value.message
    with office.uow(write=False) as uow:
        assert list_claims(uow) == []  # nothing half-written
    reason = "Istri telah bercerai sebelum peserta meninggal (akta cerai terlampir)."
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=dataclasses.replace(
            data, facts=ClaimFactsData(heir_order_reason=reason)), today=TODAY)
        uow.commit()
    assert row.recipients[0].relationship == "saudara kandung"
    assert row.facts["heir_order_reason"] == reason


def test_jkk_death_asks_for_death_and_heir_papers_and_shows_stage2_deadline(office):
    kpj = add_person(office)
    data = ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 1),
                     cause="kerja", recipients=(WIDOW,),
                     facts=ClaimFactsData(outcome="death", reported_on=date(2025, 6, 2),
                                          outcome_on=date(2025, 6, 3),
                                          stage2_reported_on=date(2025, 6, 9)))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=data, today=TODAY)
        uow.commit()
    required = {d.key for d in row.documents if d.required}
    assert {"akta_kematian", "kartu_keluarga", "surat_keterangan_ahli_waris"} <= required
    stage2 = [f for f in row.findings if "tahap II" in f.text]
    assert stage2 and not stage2[0].ok and "5 Juni 2025" in stage2[0].text
    assert row.late


def test_cli_shows_bpjs_deadline_overdue_list_and_late_payment_in_recap(office, cli,
                                                                        tmp_path):
    # Complete on Monday 16 June 2025: JKK due 7 working days later, Wednesday 25 June.
    kpj = add_person(office)
    out = cli("claims", "new", "--participant", kpj, "--type", "JKK", "--event-date",
              "2025-06-10", "--cause", "kerja", "--outcome", "temporary", "--stmb-months", "1",
              "--reported-on", "2025-06-11", "--heir", "Daeng Sija;peserta;BRI 0123456789",
              "--json", "--today", "2025-06-16")
    assert out.returncode == 0, out.stderr
    number = json.loads(out.stdout)["number"]
    assert cli("claims", "documents", number, "--all-received", "--today",
               "2025-06-16").returncode == 0
    shown = json.loads(cli("claims", "show", number, "--json", "--today",
                           "2025-06-20").stdout)["payment_deadline"]
    assert (shown["due"], shown["days_left"], shown["days_late"]) == ("2025-06-25", 5, 0)
    overdue = json.loads(cli("claims", "list", "--overdue", "--json", "--today",
                             "2025-06-27").stdout)
    assert [r["number"] for r in overdue] == [number]
    assert json.loads(cli("claims", "list", "--overdue", "--json", "--today",
                          "2025-06-25").stdout) == []
    for user, to, extra in (("petugas", "diajukan", []), ("petugas2", "diverifikasi", []),
                            ("kepala", "disetujui", []),
                            ("petugas", "dibayar", ["--reference", "TRF-7"])):
        done = cli("claims", "advance", number, "--to", to, *extra, "--today", "2025-06-30",
                   user=user)
        assert done.returncode == 0, done.stdout + done.stderr
    total = json.loads(cli("claims", "show", number, "--json").stdout)["total"]
    recap = json.loads(cli("claims", "recap", "--from", "2025-06-01", "--to", "2025-06-30",
                           "--json").stdout)["late_payments"]
    assert recap["count"] == 1
    assert recap["claims"][0]["days_late"] == 5  # paid 30 June, due 25 June
    assert recap["compensation"] == round(total * 5 / 100)
    xlsx, pdf = tmp_path / "rekap.xlsx", tmp_path / "rekap.pdf"
    text = cli("claims", "recap", "--from", "2025-06-01", "--to", "2025-06-30",
               "--xlsx", str(xlsx), "--pdf", str(pdf)).stdout
    assert "melewati batas BPJS: 1 klaim" in text
    sheet = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Terlambat dibayar")
    rows = sheet.to_python()
    assert rows[1][0] == number and rows[1][5] == 5 and rows[1][6] == recap["compensation"]
    printed = pdf_text(pdf.read_bytes(), tmp_path)
    assert "Dibayar melewati batas BPJS: 1 klaim" in printed and "terlambat 5 hari" in printed


def test_migrant_worker_jkm_is_permenaker_4_2023_amount(office):
    kpj = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=jkm_data(kpj, event=date(2025, 4, 19), pmi_phase="selama"),
                        today=TODAY)
        uow.commit()
    assert [(ln.code, ln.amount) for ln in row.lines] == [("JKM_PMI", 85_000_000)]
    assert "Permenaker 4/2023" in row.lines[0].rule


def test_migrant_worker_jkm_needs_the_phase_and_nothing_is_written_without_it(office):
    # A careless officer leaves the phase empty: Rp85 jt is only for a death during work, so
    # the claim is refused with the field named, and no claim row is written.
    kpj = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    with pytest.raises(ValidationError) as err, office.uow("petugas") as uow:
        new_claim(uow, data=jkm_data(kpj, event=date(2025, 4, 19)), today=TODAY)
        uow.commit()
    assert err.value.field == "pmi_phase"
    with office.uow(write=False) as uow:
        assert list_claims(uow) == []
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=jkm_data(kpj, event=date(2025, 4, 19), pmi_phase="setelah"),
                        today=TODAY)
        uow.commit()
    assert row.total_amount == 42_000_000


def test_migrant_worker_jkk_benefits_from_the_cli_and_refused_for_others(office, cli):
    pmi = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    args = ("claims", "new", "--type", "JKK", "--event-date", "2025-06-10", "--cause", "kerja",
            "--heir", "Wa Ode;peserta;BRI 0123456789", "--json", "--today", "2025-06-16")
    out = cli(*args, "--participant", pmi, "--pmi-phase", "selama",
              "--pmi-benefit", "perawatan_luar_negeri=Rp60.000.000",
              "--pmi-benefit", "kacamata=800000")
    assert out.returncode == 0, out.stderr
    lines = {ln["code"]: ln["amount"] for ln in json.loads(out.stdout)["lines"]}
    assert lines == {"JKK_PMI_PERAWATAN_LUAR_NEGERI": 50_000_000, "JKK_PMI_KACAMATA": 800_000}
    # An insider adds a migrant-worker benefit to an ordinary participant's claim: refused in
    # Indonesian, no claim written.
    other = add_person(office)
    with office.uow(write=False) as uow:
        before = len(list_claims(uow))
    out = cli(*args, "--participant", other, "--pmi-phase", "selama",
              "--pmi-benefit", "pemerkosaan")
    assert out.returncode != 0 and "hanya untuk peserta segmen PMI" in out.stderr
    out = cli(*args, "--participant", pmi, "--pmi-phase", "selama",
              "--pmi-benefit", "gagal_berangkat")
    assert out.returncode != 0 and "hanya untuk kejadian sebelum bekerja" in out.stderr
    assert "Traceback" not in out.stderr
    with office.uow(write=False) as uow:
        assert len(list_claims(uow)) == before


def test_migrant_worker_killed_at_work_is_paid_85_million_from_jkk(office, cli):
    # A PMI killed in a work accident abroad: the heirs get BPJS's fixed Rp85 jt from JKK, not
    # 48 x the registered income + Rp22 jt. A careless officer who leaves the phase empty is
    # refused (the amount depends on it) and nothing is written.
    pmi = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    args = ("claims", "new", "--participant", pmi, "--type", "JKK", "--event-date",
            "2025-06-10", "--cause", "kerja", "--outcome", "death", "--wage", "9000000",
            "--heir", "Hasnah;istri;BRI 0123456789", "--json", "--today", "2025-06-16")
    out = cli(*args)
    assert out.returncode != 0 and "masa pelindungan" in out.stderr
    with office.uow(write=False) as uow:
        assert list_claims(uow) == []
    out = cli(*args, "--pmi-phase", "selama")
    assert out.returncode == 0, out.stderr
    lines = {ln["code"]: ln["amount"] for ln in json.loads(out.stdout)["lines"]}
    assert lines == {"JKK_PMI_KEMATIAN": 85_000_000}


def test_migrant_worker_disability_pays_at_most_100_million(office, cli):
    # A PMI totally disabled at work on a declared Rp4 jt wage: the standard 70% x 80 x wage
    # would be Rp224 jt; BPJS states Rp100 jt at most for a PMI. No phase is needed for it.
    # The same facts for a participant who is not a migrant worker keep the standard amount.
    pmi = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    other = add_person(office)
    args = ("claims", "new", "--type", "JKK", "--event-date", "2025-06-10", "--cause", "kerja",
            "--outcome", "total_disability", "--wage", "4000000",
            "--heir", "Wa Ode;peserta;BRI 0123456789", "--json", "--today", "2025-06-16")
    amounts = {}
    for kpj in (pmi, other):
        out = cli(*args, "--participant", kpj)
        assert out.returncode == 0, out.stderr
        amounts[kpj] = {ln["code"]: ln["amount"] for ln in json.loads(out.stdout)["lines"]}
    assert amounts[pmi]["JKK_CACAT_TOTAL"] == 100_000_000
    assert amounts[other]["JKK_CACAT_TOTAL"] == 224_000_000


def test_a_reason_of_one_character_does_not_skip_the_order(office):
    with office.uow("petugas") as uow:
        kpj = register_participant(uow, data=ParticipantData(
            nik="7309010101800004", name="Daeng Tiro", village_code="73.09.01.1001",
            heirs=(HeirData("Hasnah", "istri"),)), today=TODAY).kpj
        uow.commit()
    data = ClaimData(participant=kpj, claim_type="JKM", event_date=date(2025, 6, 1),
                     cause="bukan-kerja",
                     recipients=(RecipientData("Baso", "saudara kandung", "0987654321"),),
                     facts=ClaimFactsData(heir_order_reason="-"))
    with office.uow("petugas") as uow, pytest.raises(ValidationError) as err:
        new_claim(uow, data=data, today=TODAY)
    assert "paling sedikit 10 karakter" in err.value.message
    with office.uow(write=False) as uow:
        assert list_claims(uow) == []


def test_a_crafted_date_in_the_stored_facts_is_a_clear_error():
    with pytest.raises(ValidationError) as err:
        ClaimFactsData.from_json({"outcome_on": "31-02-2025"})
    assert err.value.field == "outcome_on" and "tidak terbaca" in err.value.message


@pytest.mark.parametrize("raw", [
    "kacamata", [["kacamata"]], [["kacamata", "900000"]], [[1, 2]], [["kacamata", True]],
    [{"key": "kacamata"}],
])
def test_crafted_migrant_worker_benefits_in_the_stored_facts_are_refused(raw):
    with pytest.raises(ValidationError) as err:
        ClaimFactsData.from_json({"pmi_benefits": raw})
    assert err.value.field == "pmi_benefits" and "tidak terbaca" in err.value.message


def test_stored_migrant_worker_benefits_read_back_as_written():
    facts = ClaimFactsData(pmi_phase="selama", pmi_benefits=(("kacamata", 900_000),))
    assert ClaimFactsData.from_json(json.loads(json.dumps(facts.to_json()))) == facts


def test_worker_enrolled_before_jkp_existed_joined_jkp_in_2021(office):
    # Born 1 January 1967, employed since 2015: 54 when PP 37/2021 took effect (2 Feb 2021).
    kpj = add_person(office, nik="7309010101670005", name="Andi Tua", segment="PU",
                     income=4_000_000, programs=frozenset({"JKK", "JKM", "JHT", "JP", "JKP"}),
                     tmt=date(2015, 7, 1), paid_from=date(2024, 1, 1), paid_to=date(2025, 4, 1))
    data = ClaimData(participant=kpj, claim_type="JKP", event_date=date(2025, 5, 2),
                     facts=ClaimFactsData(phk_reason="efisiensi"))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=data, today=TODAY)
        uow.commit()
    assert not row.eligible
    assert any("Usia saat terdaftar 54 tahun" in f.text and not f.ok for f in row.findings)


def test_widow_pension_before_pension_age_is_paid_to_the_widow(office):
    # The participant died at 45 with 24 months of JP: the widow's pension counts 180 months,
    # needs no pension age, and is never paid to the deceased.
    kpj = add_person(office, nik="7309010101800006", name="La Baco", segment="PU",
                     income=10_000_000, programs=frozenset({"JKK", "JKM", "JHT", "JP"}),
                     tmt=date(2023, 3, 1), paid_from=date(2023, 3, 1),
                     paid_to=date(2025, 2, 1))
    widow = ClaimFactsData(jp_kind="widow", average_indexed_annual_wage=120_000_000)
    self_paid = ClaimData(participant=kpj, claim_type="JP", event_date=date(2025, 3, 5),
                          facts=widow)
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=self_paid, today=TODAY)
        uow.commit()
    assert row.recipients == ()  # heirs wanted: the deceased is not proposed as payee
    assert "ahli waris" in row.payee_problem
    assert [(ln.code, ln.amount) for ln in row.lines] == [("JP_WIDOW", 750_000)]
    assert row.eligible and any("tidak menunggu usia pensiun" in f.text for f in row.findings)


def test_widow_pension_on_a_sparse_record_is_the_lump_sum(office):
    # Permenaker 29/2015 Ps 26: enrolled March 2023, died March 2025, but only the last 12 of
    # the 24 months due were paid (density 50 %): the record is not counted as 15 years and
    # the widow receives the accumulated contributions at once, the finding says why.
    kpj = add_person(office, nik="7309010101800007", name="La Sennang", segment="PU",
                     income=10_000_000, programs=frozenset({"JKK", "JKM", "JHT", "JP"}),
                     tmt=date(2023, 3, 1), paid_from=date(2024, 3, 1),
                     paid_to=date(2025, 2, 1))
    widow = ClaimFactsData(jp_kind="widow", average_indexed_annual_wage=120_000_000,
                           accumulated_contributions=3_600_000)
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=ClaimData(participant=kpj, claim_type="JP",
                                            event_date=date(2025, 3, 5), facts=widow),
                        today=TODAY)
        uow.commit()
    assert [(ln.code, ln.amount) for ln in row.lines] == [("JP_SEKALIGUS", 3_600_000)]
    assert any("kepadatan iuran 50%, kurang dari 80%" in f.text for f in row.findings)
    assert "Permenaker 29/2015 Pasal 26" in row.lines[0].detail


def test_child_pension_while_a_widow_is_registered_is_refused(office):
    # PP 45/2015 Ps 16 d: the child's pension is for a participant who left no widow. With a
    # registered wife the claim is refused whatever reason is typed, nothing is written; the
    # widow's pension to her is accepted; three children on a child's pension are refused.
    with office.uow("petugas") as uow:
        kpj = register_participant(uow, data=ParticipantData(
            nik="7309010101800008", name="Daeng Rani", village_code="73.09.01.1001",
            segment="PU", income=5_000_000, tmt=date(2020, 1, 1),
            heirs=(HeirData("Hasnah", "istri"), HeirData("Baco", "anak"))), today=TODAY).kpj
        uow.commit()
    child = ClaimData(participant=kpj, claim_type="JP", event_date=date(2025, 6, 1),
                      recipients=(RecipientData("Baco", "anak", "0987654321", "BNI"),),
                      facts=ClaimFactsData(jp_kind="child", heir_order_reason=(
                          "Anak yang mengurus keluarga sejak ayahnya meninggal.")))
    with office.uow("petugas") as uow, pytest.raises(ValidationError) as err:
        new_claim(uow, data=child, today=TODAY)
    assert err.value.field == "recipients"
    assert "Penerima pensiun JP" in err.value.message and "janda/duda" in err.value.message
    with office.uow(write=False) as uow:
        assert list_claims(uow) == []
    widow = dataclasses.replace(child, recipients=(WIDOW,),
                                facts=ClaimFactsData(jp_kind="widow"))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=widow, today=TODAY)
        uow.commit()
    assert row.recipients[0].relationship == "istri"
    three = tuple(RecipientData(name, "anak", f"01234567{i}", "BRI")
                  for i, name in enumerate(("A", "B", "C")))
    orphan = add_person(office, nik="7309010101800009", name="La Tahir", segment="PU",
                        programs=frozenset({"JKK", "JKM", "JHT", "JP"}))
    with office.uow("petugas") as uow, pytest.raises(ValidationError) as err:
        new_claim(uow, data=dataclasses.replace(child, participant=orphan, recipients=three),
                  today=TODAY)
    assert "paling banyak untuk 2 anak; tercatat 3 anak" in err.value.message



def test_child_pension_to_a_child_registered_as_23_or_older_is_refused(office):
    # The child's NIK (born 3 March 2002) says 23 on the event of 1 June 2025: refused, named.
    with office.uow("petugas") as uow:
        kpj = register_participant(uow, data=ParticipantData(
            nik="7309010101700010", name="Daeng Lalo", village_code="73.09.01.1001",
            segment="PU", income=5_000_000, tmt=date(2020, 1, 1),
            heirs=(HeirData("Baco", "anak", nik="7309010303020001"),)), today=TODAY).kpj
        uow.commit()
    child = ClaimData(participant=kpj, claim_type="JP", event_date=date(2025, 6, 1),
                      recipients=(RecipientData("Baco", "anak", "0987654321", "BNI"),),
                      facts=ClaimFactsData(jp_kind="child"))
    with office.uow("petugas") as uow, pytest.raises(ValidationError) as err:
        new_claim(uow, data=child, today=TODAY)
    assert "sampai anak berusia 23 tahun" in err.value.message and "Baco" in err.value.message
    with office.uow(write=False) as uow:
        assert list_claims(uow) == []
