"""Issue 18 on the intake form: the reason for paying heirs out of their legal order is asked
for only when needed and saved; the stage-II dates, the JP kind and the PHK reason are read."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.data import ClaimFactsData
from branch_desk.services.claims.queries import get_claim
from branch_desk.ui.claims.pmi_benefit_table import BENEFIT, COST
from branch_desk.ui.claims.recipients import set_heir
from tests.support.claims import add_husband, add_person
from tests.support.claims_gui import mnemonics, open_claim_intake
from tests.support.gui import answer_next_box


def test_heir_order_reason_is_asked_only_when_a_lower_tier_is_paid(qtbot, office):
    page, form = open_claim_intake(qtbot, office, add_husband(office), "JKM")
    form.event_date.setDate(date(2025, 6, 1))
    form.refresh_preview()
    reason = form.recipients.reason
    assert not reason.isVisibleTo(form)  # the widow is proposed: the legal order
    set_heir(form.heirs, 0, ("Baso", "saudara kandung", "BNI", "0987654321"))
    form.refresh_preview()
    assert reason.isVisibleTo(form)
    assert "golongan 1" in reason.toolTip() and "Urutan ahli waris" in form.assessment.text()
    seen = answer_next_box(Qt.Key.Key_Return)  # Enter closes the error
    assert not form.submit()
    assert "Urutan ahli waris" in seen.text + seen.info
    reason.setText("Istri telah bercerai sebelum peserta meninggal.")
    assert form.submit()
    with office.uow(write=False) as uow:
        row = get_claim(uow, page.detail.row.number)
    assert row.facts["heir_order_reason"].startswith("Istri telah bercerai")


def test_new_jkk_jp_and_jkp_facts_are_read_from_the_form(qtbot, office):
    kpj = add_person(office)
    _pg, form = open_claim_intake(qtbot, office, kpj, "JKK")
    form.facts.outcome.setCurrentIndex(form.facts.outcome.findData("death"))
    form.facts.outcome_on.setText("03-06-2025")
    form.facts.stage2_on.setText("")
    facts = form.facts.facts()
    assert (facts.outcome_on, facts.stage2_reported_on) == (date(2025, 6, 3), None)
    keys = {form.documents.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(form.documents.count())}
    assert {"akta_kematian", "kartu_keluarga", "surat_keterangan_ahli_waris"} <= keys
    form.facts.stage2_on.setText("32-13-2025")
    try:
        form.facts.facts()
    except ValidationError as exc:
        assert exc.field == "stage2_on" and "Laporan tahap 2" in exc.message
    else:
        raise AssertionError("a date that does not exist was accepted")
    form.type.setCurrentIndex(form.type.findData("JP"))
    form.facts.jp_kind.setCurrentIndex(form.facts.jp_kind.findData("widow"))
    assert form.facts.facts().jp_kind == "widow"
    form.type.setCurrentIndex(form.type.findData("JKP"))
    form.facts.phk_reason.setCurrentIndex(form.facts.phk_reason.findData("pkwt_berakhir"))
    form.facts.employer_size.setCurrentIndex(form.facts.employer_size.findData("mikro_kecil"))
    read = form.facts.facts()
    assert (read.phk_reason, read.employer_size, read.jp_kind) == ("pkwt_berakhir",
                                                                  "mikro_kecil", "old_age")


def test_migrant_worker_jkm_phase_is_chosen_on_the_form(qtbot, office):
    # Permenaker 4/2023: a PMI's JKM needs the protection phase; during work it is Rp85 jt.
    kpj = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    _other, ordinary = open_claim_intake(qtbot, office, add_person(office), "JKM")
    assert not ordinary.facts.pmi_phase.isVisibleTo(ordinary)  # only for a migrant worker
    page, form = open_claim_intake(qtbot, office, kpj, "JKM")
    form.event_date.setDate(date(2025, 4, 19))
    phase = form.facts.pmi_phase
    assert phase.isVisibleTo(form) and phase.currentData() == ""
    papers = {form.documents.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(form.documents.count())}
    assert "surat_keterangan_cuti" in papers and "buku_nikah" not in papers  # Ps 57
    form.type.setCurrentIndex(form.type.findData("JKK"))
    form.facts.outcome.setCurrentIndex(form.facts.outcome.findData("partial_disability"))
    letters = mnemonics(form)  # the most fields a PMI's claim shows: no Alt key twice
    assert phase.isVisibleTo(form) and len(letters) == len(set(letters)), sorted(letters)
    form.type.setCurrentIndex(form.type.findData("JKM"))
    seen = answer_next_box(Qt.Key.Key_Return)
    assert not form.submit()  # no phase: refused with the field named, nothing saved
    assert "masa pelindungan" in seen.text + seen.info
    phase.setCurrentIndex(phase.findData("selama"))
    assert form.submit()
    with office.uow(write=False) as uow:
        row = get_claim(uow, page.detail.row.number)
    assert row.facts["pmi_phase"] == "selama" and row.total_amount == 85_000_000


def test_migrant_worker_jkk_benefits_are_ticked_on_the_form(qtbot, office):
    # Permenaker 4/2023 as Kemnaker announced it: treatment abroad up to Rp50 jt, glasses up
    # to Rp1 jt. The officer sees each benefit by its name, ticks it (Space) and types its
    # cost; typing a cost ticks the benefit.
    kpj = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    page, form = open_claim_intake(qtbot, office, kpj, "JKK")
    form.event_date.setDate(date(2025, 6, 10))
    facts = form.facts
    table = facts.pmi_benefits
    assert table.isVisibleTo(form)
    names = [table.item(row, BENEFIT).text() for row in range(table.rowCount())]
    assert "Penggantian kacamata" in names and not any("_" in name for name in names)
    facts.pmi_phase.setCurrentIndex(facts.pmi_phase.findData("selama"))
    glasses = table.row_of("kacamata")
    table.item(glasses, COST).setText("sembilan ratus")
    assert table.item(glasses, BENEFIT).checkState() == Qt.CheckState.Checked
    with pytest.raises(ValidationError) as err:
        facts.facts()
    assert err.value.field == "pmi_benefits" and "Penggantian kacamata" in err.value.message
    table.item(glasses, COST).setText("800000")
    abroad = table.row_of("perawatan_luar_negeri")
    table.setFocus()
    table.setCurrentCell(abroad, BENEFIT)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    table.item(abroad, COST).setText("Rp60.000.000")
    assert facts.facts().pmi_benefits == (("perawatan_luar_negeri", 60_000_000),
                                          ("kacamata", 800_000))
    set_heir(form.heirs, 0, ("Wa Ode", "peserta", "BRI", "0123456789"))
    assert form.submit()
    with office.uow(write=False) as uow:
        row = get_claim(uow, page.detail.row.number)
    assert {(ln.code, ln.amount) for ln in row.lines} >= {
        ("JKK_PMI_PERAWATAN_LUAR_NEGERI", 50_000_000), ("JKK_PMI_KACAMATA", 800_000)}


def test_saved_migrant_worker_benefits_come_back_ticked_and_none_is_dropped(qtbot, office):
    # A saved claim shown again: its benefits ticked with their costs; a key no row shows (a
    # crafted or older record) is kept for the assessment to name, not silently dropped.
    kpj = add_person(office, nik="7309010101900011", name="Wa Ode", segment="PMI",
                     paid_from=None, paid_to=None)
    _page, form = open_claim_intake(qtbot, office, kpj, "JKK")
    table = form.facts.pmi_benefits
    form.facts.load(ClaimFactsData(pmi_phase="sebelum", pmi_benefits=(
        ("gagal_berangkat", 0), ("kacamata", 900_000), ("lotre", 5))),
        reported_default=date(2025, 6, 10))
    assert table.item(table.row_of("kacamata"), COST).text() == "Rp900.000"
    assert table.item(table.row_of("gagal_berangkat"), BENEFIT).checkState() \
        == Qt.CheckState.Checked
    assert table.items() == (("kacamata", 900_000), ("gagal_berangkat", 0), ("lotre", 5))
