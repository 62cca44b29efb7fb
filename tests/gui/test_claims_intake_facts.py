"""The intake form's benefit facts, driven through the real widgets: a JKK partial disability
entered field by field (amounts checked against DOMAIN §3.3), heirs proposed when the
participant is chosen, JHT/JP figures proposed from the iuran recorded, and the fields shown
for each claim type reachable with Tab and with non-clashing Alt mnemonics."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
)

from branch_desk.domain.claim_rules import ClaimType
from branch_desk.services.claims.queries import get_claim, list_claims
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import HeirData, ParticipantData
from branch_desk.ui.claims.fact_fields import OUTCOMES
from branch_desk.ui.claims.intake import set_heir
from tests.support.claims import add_person
from tests.support.claims_gui import claims_shot, heir_cells, mnemonics, open_claim_intake
from tests.support.gui import focused, press
from tests.support.offices import TODAY

PU_ALL = frozenset({"JKK", "JKM", "JHT", "JP", "JKP"})


def _saved(office):
    with office.uow("petugas", write=False) as uow:
        return get_claim(uow, list_claims(uow)[0].number)


# DOMAIN §3.3: anatomic partial disability = table % × 80 × monthly wage (one eye 35 %);
# function loss = % loss of function × table % × 80 × wage; sea transport capped at Rp2 jt;
# STMB 100 % of wage in the first 12 months; rehabilitation aids = hospital price + 40 %.
@pytest.mark.parametrize("anatomic, percent, function, expected", [
    ("satu_mata", "", "", ("JKK_CACAT_SEBAGIAN", 35 * 80 * 30_000)),  # 84.000.000
    (None, "40", "50", ("JKK_CACAT_SEBAGIAN", 50 * 40 * 80 * 300)),  # 48.000.000
])
def test_jkk_partial_disability_entered_in_the_new_fields(qtbot, office, anatomic, percent,
                                                         function, expected):
    kpj = add_person(office)
    _pg, form = open_claim_intake(qtbot, office, kpj, "JKK")
    facts = form.facts
    form.event_date.setDate(date(2025, 6, 14))
    facts.reported_on.setDate(date(2025, 6, 15))
    facts.outcome.setCurrentIndex(facts.outcome.findData("partial_disability"))
    assert facts.anatomic.isVisibleTo(form) and facts.function.isVisibleTo(form)
    assert not facts.balance.isVisibleTo(form) and not facts.children.isVisibleTo(form)
    facts.wage.setText("3.000.000")
    if anatomic:
        facts.anatomic.setCurrentIndex(facts.anatomic.findData(anatomic))
        assert facts.disability.text() == "35" and facts.disability.isReadOnly()
    else:
        facts.disability.setText(percent)
    facts.function.setText(function)
    facts.medical.setText("7850000")
    facts.transport.setCurrentIndex(facts.transport.findData("laut"))
    facts.transport_cost.setText("Rp2.500.000")
    facts.stmb.setValue(3)
    facts.rehab.setText("1000000")
    facts.off_site.setChecked(True)
    keys = [form.documents.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(form.documents.count())]
    assert {"surat_tugas", "laporan_polisi"} <= set(keys)  # off-site accident documents
    qtbot.waitUntil(lambda: "Rp84.000.000" in form.assessment.text()
                    or "Rp48.000.000" in form.assessment.text())
    code, amount = expected
    text = form.assessment.text()
    assert f"Rp{amount:,}".replace(",", ".") in text and "Memenuhi syarat" in text
    form.save.click()
    row = _saved(office)
    assert [(ln.code, ln.amount) for ln in row.lines] == [
        ("JKK_PENGOBATAN", 7_850_000), ("JKK_TRANSPORTASI", 2_000_000),
        ("JKK_STMB", 9_000_000), ("JKK_ALAT_BANTU", 1_400_000), (code, amount)]
    assert row.facts["reported_on"] == "2025-06-15" and row.facts["off_site"] is True
    assert row.facts["anatomic_case"] == anatomic
    assert row.facts["disability_percent"] == ("35" if anatomic else percent)
    assert not row.late  # reported the day after the accident: within 2×24 hours


def test_bad_amount_names_the_field(qtbot, office):
    kpj = add_person(office)
    _pg, form = open_claim_intake(qtbot, office, kpj, "JKK")
    form.facts.medical.setText("tujuh juta")
    form.refresh_preview()
    assert "Biaya pengobatan:" in form.assessment.text()
    form.facts.medical.setText("")
    form.facts.outcome.setCurrentIndex(form.facts.outcome.findData("partial_disability"))
    form.facts.disability.setText("tiga puluh")
    form.refresh_preview()
    assert "Persentase cacat (%): tulis angka persen" in form.assessment.text()


def _with_heirs(office):
    with office.uow("petugas") as uow:
        row = register_participant(uow, data=ParticipantData(
            nik="7309014507850002", name="Andi Tenri", village_code="73.09.01.1001",
            segment="BPU", income=2_000_000, tmt=date(2020, 1, 1), heirs=(
                HeirData("Muh. Arfah", "suami", bank_account="BNI 0223-4455-66"),
                HeirData("Nur Aisyah", "anak"))), today=TODAY)
        uow.commit()
    return row.kpj


def test_heirs_prefilled_when_the_participant_is_chosen(qtbot, office):
    kpj = _with_heirs(office)
    _pg, form = open_claim_intake(qtbot, office, kpj, "JKM")
    assert heir_cells(form) == [("Muh. Arfah", "suami", "BNI", "0223445566"),
                            ("Nur Aisyah", "anak", "", "")]
    assert "ahli waris yang terdaftar" in form.recipients.source.text()
    form.type.setCurrentIndex(form.type.findData("JHT"))  # paid to the participant
    assert heir_cells(form) == [("Andi Tenri", "peserta", "", "")]
    form.type.setCurrentIndex(form.type.findData("JKK"))
    form.facts.outcome.setCurrentIndex(form.facts.outcome.findData("death"))
    assert heir_cells(form)[0][0] == "Muh. Arfah"  # a JKK death is paid to the heirs
    set_heir(form.heirs, 0, ("Muh. Arfah", "suami", "BRI", "111222333"))  # the officer edits
    form.facts.outcome.setCurrentIndex(form.facts.outcome.findData("medical_only"))
    assert heir_cells(form)[0] == ("Muh. Arfah", "suami", "BRI", "111222333")  # kept


@pytest.mark.parametrize(("nik", "spouse"), [
    pytest.param("7309010505800001", "istri", id="male-participant"),
    pytest.param("7309014505800001", "suami", id="female-participant"),  # day + 40
])
def test_no_heirs_registered_proposes_the_spouse_row(qtbot, office, nik, spouse):
    # Issue 18: the first heir row proposes "suami" for a woman, "istri" for a man; the row
    # holding only that relationship is no recipient until someone is named in it.
    kpj = add_person(office, nik=nik)
    _pg, form = open_claim_intake(qtbot, office, kpj, "JKM")
    assert heir_cells(form) == [("", spouse, "", "")]
    assert form.recipients.recipients() == ()
    assert "belum mencatat ahli waris" in form.recipients.source.text()


def test_jht_balance_and_jp_figures_prefilled_from_recorded_contributions(qtbot, office):
    kpj = add_person(office, nik="7309010101700002", name="Andi Baso", segment="PU",
                     income=8_000_000, programs=PU_ALL, tmt=date(2024, 3, 1),
                     paid_from=date(2024, 3, 1), paid_to=date(2025, 5, 1))
    _pg, form = open_claim_intake(qtbot, office, kpj, "JHT")
    form.event_date.setDate(date(2025, 6, 1))
    facts = form.facts
    # 15 months × 5,7 % × Rp8.000.000 (DOMAIN §2.1) = Rp6.840.000, returns not included
    assert facts.balance.text() == "Rp6.840.000"
    assert "15 bulan iuran JHT" in facts.hint.text() and facts.hint.isVisibleTo(form)
    qtbot.waitUntil(lambda: "Rp6.840.000" in form.assessment.text())
    form.type.setCurrentIndex(form.type.findData("JP"))
    # JP 3 % of the wage under the cap: 15 × Rp240.000; mean wage base × 12
    assert facts.jp_accumulated.text() == "Rp3.600.000"
    assert facts.jp_annual.text() == "Rp96.000.000"
    assert "15 bulan iuran JP" in facts.hint.text()
    form.type.setCurrentIndex(form.type.findData("JHT"))
    facts.balance.setText("Rp50.000.000")  # the official balance, typed by the officer
    form.event_date.setDate(date(2025, 4, 1))
    assert facts.balance.text() == "Rp50.000.000"  # a typed figure is never replaced
    facts.balance.editingFinished.emit()
    keys = {form.documents.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(form.documents.count())}
    assert "npwp" not in keys  # only above Rp50.000.000
    form.save.click()
    row = _saved(office)
    assert row.total_amount == 50_000_000 and row.facts["balance"] == 50_000_000


def test_no_jht_record_is_said_in_the_hint(qtbot, office):
    kpj = add_person(office)  # BPU, JKK+JKM only
    _pg, form = open_claim_intake(qtbot, office, kpj, "JHT")
    assert form.facts.balance.text() == ""
    assert "tidak dapat diperkirakan" in form.facts.hint.text()
    assert "Belum ada iuran JHT" in form.facts.hint.text()


@pytest.mark.parametrize("claim_type, outcome", [
    *[("JKK", key) for key, _ in OUTCOMES], *[(t.value, None) for t in ClaimType
                                             if t is not ClaimType.JKK]])
def test_visible_labels_have_mnemonics_that_do_not_clash(qtbot, office, claim_type, outcome):
    _pg, form = open_claim_intake(qtbot, office, "0", claim_type)
    if outcome:
        form.facts.outcome.setCurrentIndex(form.facts.outcome.findData(outcome))
    letters = mnemonics(form)
    assert len(letters) == len(set(letters)), sorted(letters)
    for key, label in form.facts.labels.items():
        if label.isVisibleTo(form):
            assert "&" in label.text() and label.buddy() is form.facts.fields[key]


def test_jkk_fields_follow_each_other_with_tab(qtbot, office):
    kpj = add_person(office)
    page, form = open_claim_intake(qtbot, office, kpj, "JKK")
    form.facts.outcome.setCurrentIndex(form.facts.outcome.findData("partial_disability"))
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    form.description.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.description)
    f = form.facts
    expected = [f.wage, f.outcome, f.reported_on, f.off_site, f.outcome_on, f.stage2_on,
                f.medical, f.rehab, f.transport, f.transport_cost, f.stmb, f.anatomic,
                f.disability, f.function, form.heirs]
    seen = []
    for _ in range(30):
        widget = press(qtbot, Qt.Key.Key_Tab)
        if isinstance(widget.parent(), QAbstractSpinBox):
            widget = widget.parent()
        if not seen or seen[-1] is not widget:  # a date edit takes Tab once per section
            seen.append(widget)
        if widget is form.heirs:
            break
    assert seen == expected
    # Alt+S jumps to the STMB months (the label's buddy), Alt+F to the function loss
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert f.stmb in (focused(), focused().parent())
    qtbot.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert focused() is f.function


# DOMAIN §3.4: after ≥10 years of membership, once only, at most 30 % for housing or 10 % for
# other retirement preparation; the amount asked for lowers the payout, never raises it.
def test_jht_partial_withdrawal_fields(qtbot, office):
    kpj = add_person(office, nik="7309010101700002", name="Andi Baso", segment="PU",
                     income=8_000_000, programs=PU_ALL, tmt=date(2012, 1, 1),
                     paid_from=None, paid_to=None)
    page, form = open_claim_intake(qtbot, office, kpj, "JHT")
    facts = form.facts
    form.event_date.setDate(date(2025, 6, 1))
    facts.balance.setText("Rp100.000.000")
    assert not facts.requested.isVisibleTo(form) and not facts.partial_taken.isVisibleTo(form)
    facts.jht_kind.setCurrentIndex(facts.jht_kind.findData("partial_housing"))
    assert facts.requested.isVisibleTo(form) and facts.partial_taken.isVisibleTo(form)
    assert facts.labels["requested"].buddy() is facts.requested
    qtbot.waitUntil(lambda: "Rp30.000.000" in form.assessment.text())
    assert "Paling banyak 30% × Rp100.000.000 = Rp30.000.000; dibayar batas terbesar" \
        in form.assessment.text()
    facts.requested.setText("Rp50.000.000")
    qtbot.waitUntil(lambda: "melebihi batas 30%" in form.assessment.text())
    assert "30% setelah 10 tahun" in form.assessment.text()  # the rule applied
    facts.jht_kind.setCurrentIndex(facts.jht_kind.findData("partial_other"))
    qtbot.waitUntil(lambda: "melebihi batas 10%, dibayar Rp10.000.000" in
                    form.assessment.text())
    facts.requested.setText("Rp8.000.000")
    qtbot.waitUntil(lambda: "diminta Rp8.000.000, dibayar sesuai permintaan" in
                    form.assessment.text())
    claims_shot(page, "claims-jht-partial.png")
    facts.partial_taken.setChecked(True)
    qtbot.waitUntil(lambda: "Tidak memenuhi syarat" in form.assessment.text())
    assert form.assessment.text().count("hanya satu kali") == 1
    facts.partial_taken.setChecked(False)
    form.save.click()
    row = _saved(office)
    assert row.facts["jht_kind"] == "partial_other" and row.facts["requested"] == 8_000_000
    assert row.facts["jht_partial_taken"] is False and row.total_amount == 8_000_000
    facts.jht_kind.setCurrentIndex(facts.jht_kind.findData("full"))  # the form was emptied
    assert facts.requested.text() == ""


def test_jht_partial_fields_have_their_own_mnemonics(qtbot, office):
    _pg, form = open_claim_intake(qtbot, office, "0", "JHT")
    form.facts.jht_kind.setCurrentIndex(form.facts.jht_kind.findData("partial_housing"))
    letters = mnemonics(form)
    assert len(letters) == len(set(letters)), sorted(letters)
    assert {"n", "r"} <= set(letters)  # Jumlah dimi&nta, Sudah pe&rnah mengambil sebagian
