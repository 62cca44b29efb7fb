"""English mode shows the services' messages in English (issue 19): real errors raised by the
services on a real office, matched against the catalogue ``resources/i18n/messages_en.json``;
Indonesian mode shows them as written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from branch_desk.domain.errors import DomainError
from branch_desk.services.admin.audit import verify_audit_chain
from branch_desk.services.admin.users import add_user, authenticate
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.participants.importing import import_participants
from branch_desk.services.participants.registry import find_participant, register_participant
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.services.sync.exchange import import_changes
from branch_desk.ui.shell import i18n
from branch_desk.ui.shell.messages import english_message, service_text
from branch_desk.ui.shell.startup import application
from tests.support.contributions import person
from tests.support.gui import answer_next_box, app_context
from tests.support.offices import NOW, TODAY, Office
from tests.support.partners import add_maros

# Words that give an Indonesian sentence away; none may be left in an English message.
INDONESIAN_WORDS = ("tidak", "wajib", "sudah", "Berkas", "harus", "yang", "dengan", "Basis data",
                    "Peran", "Periksa", "berwenang", "diubah")


@pytest.fixture
def english() -> Iterator[None]:
    app = application()
    i18n.install_language(app, "en")
    yield
    i18n.install_language(app, "id")


def _raised(call: Callable[[], object]) -> str:
    with pytest.raises(DomainError) as caught:
        call()
    return str(caught.value)


def _register(office: Office, number: str, name: str = "Sitti Aminah",
              birth: date | None = None) -> object:
    with office.uow() as uow:
        row = register_participant(uow, data=ParticipantData(
            nik=number, name=name, village_code="73.09.01.2003", segment="BPU",
            occupation="petani", tmt=date(2025, 1, 1), birth_date=birth),
            allow_likely_duplicate=True, today=TODAY)
        uow.commit()
    return row


def _cases(office: Office, tmp_path: Path) -> list[tuple[str, str, str]]:
    """(Indonesian message, expected English, a value the English keeps) of real errors and
    results of the services on `office`."""
    cases = []
    short = _raised(lambda: _register(office, "730901450785000"))
    cases.append((short, "The NIK must have 16 digits; 15 digits were entered.", "15"))
    mismatch = _raised(lambda: _register(office, "7309014507850001", birth=date(1985, 7, 6)))
    cases.append((mismatch, "Birth date 06-07-1985 does not match the birth date in the NIK "
                            "(05-07-1985). Check the KTP (identity card).", "06-07-1985"))
    first = _register(office, "7309014507850001")
    twice = _raised(lambda: _register(office, "7309014507850001", name="Orang Lain"))
    cases.append((twice, "NIK 7309************ is already registered to Sitti Aminah (KPJ "
                         f"{first.kpj}). Open that participant's record; the same NIK cannot "
                         "be registered twice.", "Sitti Aminah"))
    with office.uow() as uow:
        missing = _raised(lambda: find_participant(uow, "7309999999990001"))
    cases.append((missing, "Participant with NIK/KPJ '7309999999990001' not found.",
                  "7309999999990001"))
    with office.uow("petugas") as uow:
        refused = _raised(lambda: add_user(uow, username="baru", role="petugas",
                                           password="rahasia-panjang", full_name="Baru"))
    cases.append((refused, "The Officer role may not manage users.", "Officer"))
    wrong = _raised(lambda: authenticate(office.db, "petugas", "salah", now=NOW))
    cases.append((wrong, "Wrong user name or password (4 attempts left).", "4"))
    pid = person(office, 7)
    with office.uow() as uow:
        record_payment(uow, participant_id=pid, first_month=date(2025, 1, 1), months=1,
                       payer="Daeng", paid_on=TODAY)
        uow.commit()
    with office.uow() as uow:
        paid = _raised(lambda: record_payment(uow, participant_id=pid,
                                              first_month=date(2025, 1, 1), months=1,
                                              payer="Daeng", paid_on=TODAY))
    cases.append((paid, "The contribution for January 2025 has already been paid; choose "
                        "another month.", "January 2025"))
    add_maros(office)
    broken = tmp_path / "daftar.xlsx"
    broken.write_bytes(b"bukan berkas excel")
    with office.uow() as uow:
        unreadable = _raised(lambda: import_participants(
            uow, broken, partner_code="PEMKAB-MAROS", dry_run=True, today=TODAY))
    cases.append((unreadable, "File 'daftar.xlsx' cannot be read as xlsx, xls or CSV (its "
                              "contents are not a worksheet). Open it in Excel and save it "
                              "again as an Excel Workbook (.xlsx).", "daftar.xlsx"))
    empty = tmp_path / "kosong.bdsync"
    empty.write_bytes(b"")
    with office.uow("admin") as uow:
        refused_file = _raised(lambda: import_changes(uow, path=empty))
    cases.append((refused_file, "The file is empty (0 bytes), not a sync file. The database "
                                "was not changed.", "0 bytes"))
    with office.uow("admin", write=False) as uow:
        check = verify_audit_chain(uow)
    cases.append((check.message, f"The audit log is intact: {check.checked} entries checked, "
                                 f"the hash chain is unbroken up to entry #{check.last_seq}; "
                                 f"{check.rows_checked} data rows match their records.",
                  f"#{check.last_seq}"))
    return cases


def test_real_service_messages_read_in_english(office, tmp_path, english):
    cases = _cases(office, tmp_path)
    assert len(cases) == 10
    for indonesian, expected, value in cases:
        shown = service_text(indonesian)
        assert shown == english_message(indonesian) == expected, indonesian
        assert value in shown
        assert not [w for w in INDONESIAN_WORDS if w in shown], shown


def test_indonesian_mode_shows_the_messages_as_written(office, tmp_path):
    i18n.install_language(application(), "id")
    for indonesian, _expected, _value in _cases(office, tmp_path):
        assert service_text(indonesian) == indonesian


def test_joined_and_nested_messages_are_translated_part_by_part(english):
    # registration joins its problems with a space and adds a closing sentence
    joined = ("Tanggal lahir 01-02-1990 tidak sama dengan tanggal lahir pada NIK (02-02-1990). "
              "Jenis kelamin L tidak sama dengan NIK (P: tanggal lahir ditambah 40). "
              "Periksa KTP.")
    assert english_message(joined) == (
        "Birth date 01-02-1990 does not match the birth date in the NIK (02-02-1990). "
        "Sex L does not match the NIK (P: birth day plus 40). Check the KTP (identity card).")
    # a sync refusal carries the malformed value's own message
    nested = ("Isi berkas tidak sah: jam lamport bukan bilangan bulat ('x'). "
              "Basis data tidak diubah.")
    assert english_message(nested) == (
        "The file's contents are not valid: jam lamport is not a whole number ('x'). "
        "The database was not changed.")
    # a value that is a domain label, and a word chosen in an f-string
    assert english_message("Program JKP tidak tersedia untuk segmen Bukan Penerima Upah "
                           "(PP 37/2021 jo. PP 6/2025).") == (
        "Programme JKP is not available for segment Non-wage earners (BPU) "
        "(PP 37/2021 jo. PP 6/2025).")
    assert english_message("Admin tidak dapat menonaktifkan akunnya sendiri; minta admin lain.") \
        == "An admin cannot deactivate their own account; ask another admin."
    # text that no template knows stays as it is
    assert english_message("Budi Santoso") == "Budi Santoso"
    assert english_message("") == ""


def test_registration_form_shows_the_refusal_in_the_interface_language(office, qtbot):
    from branch_desk.ui.participants.form import ParticipantForm

    app = application()
    shown = {}
    for language in ("en", "id"):
        i18n.install_language(app, language)
        try:
            form = ParticipantForm(app_context(office))
            qtbot.addWidget(form)
            form.nik.setText("7309014507850001")
            form.name.setText("Sitti Aminah")
            form.village.setText("73.09.01.2003")
            form.birth_date.setDate(date(1985, 7, 6))
            assert form.save() is None
            shown[language] = form.message.text()
        finally:
            i18n.install_language(app, "id")
    assert shown["en"].startswith("Birth date 06-07-1985 does not match the birth date in the")
    assert shown["id"].startswith("Tanggal lahir 06-07-1985 tidak sama dengan tanggal lahir")
    # nothing was registered in either language
    with office.uow(write=False) as uow, pytest.raises(DomainError):
        find_participant(uow, "7309014507850001")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "File 'daftar.xlsx' cannot be read as xlsx, xls or CSV (its contents are not a "
           "worksheet). Open it in Excel and save it again as an Excel Workbook (.xlsx)."),
    ("id", "Berkas 'daftar.xlsx' tidak dapat dibaca sebagai xlsx, xls atau CSV (isinya bukan "
           "lembar kerja). Buka di Excel lalu simpan ulang sebagai Excel Workbook (.xlsx)."),
])
def test_import_of_a_broken_file_shows_a_message_box_in_the_language(office, qtbot, tmp_path,
                                                                      language, expected):
    from branch_desk.ui.participants.import_dialog import ImportDialog

    add_maros(office)
    broken = tmp_path / "daftar.xlsx"
    broken.write_bytes(b"bukan berkas excel")
    app = application()
    i18n.install_language(app, language)
    try:
        dialog = ImportDialog(app_context(office))
        qtbot.addWidget(dialog)
        dialog.path.setText(str(broken))
        seen = answer_next_box(Qt.Key.Key_Return)
        dialog.start(dry_run=True)
    finally:
        i18n.install_language(app, "id")
    assert seen.text == expected
    assert seen.title == ("Cannot be processed" if language == "en" else "Tidak dapat diproses")
    assert dialog.report is None


def test_crafted_values_keep_their_data_and_long_text_is_left_alone(english):
    """A list's cell or a typed name repeating a template's literal parts is matched without
    losing data (which occurrence is the template's own is ambiguous: the first is taken);
    a text longer than any message is shown as it is (never matched)."""
    from branch_desk.ui.shell.messages import LONGEST

    cell = "' tidak dikenal; pilih salah satu: " * 20
    crafted = f"Kolom '{cell}' tidak dikenal; pilih salah satu: NIK, Nama."
    shown = english_message(crafted)
    assert shown.startswith("Unknown column '") and shown.endswith("NIK, Nama.")
    assert cell in shown  # every character of the data is still there
    flood = "Berkas 'a' tidak ditemukan. " * (LONGEST // 20)
    assert english_message(flood) == flood


def test_every_eligibility_finding_reads_in_english(english):
    """The findings a claim shows (claim_eligibility.check_eligibility, for each claim type,
    cause, segment, coverage and JHT/JKP reason) have an English reading, with the values and
    the regulation names kept."""
    from decimal import Decimal
    from itertools import product

    from branch_desk.domain.claim_eligibility import EligibilityInput, check_eligibility

    findings: set[str] = set()
    for claim_type, cause, segment, coverage, kind, reason in product(
            ("JKK", "JKM", "JHT", "JP", "JKP", "BEASISWA"), (None, "kerja", "bukan-kerja"),
            ("PU", "BPU"), ("aktif", "nonaktif"), ("full", "partial_housing"),
            ("", "phk", "mengundurkan_diri")):
        facts = EligibilityInput(
            claim_type=claim_type, cause=cause, event_date=date(2025, 5, 1),
            coverage_on_event=coverage, contribution_months_total=30,
            contribution_months_last_24=10, consecutive_months_before_event=4,
            membership_years=Decimal(6), age=50, segment=segment, jht_kind=kind,
            jht_reason=reason, jkp_join_age=30,
            jkp_phk_reason="efisiensi" if reason == "phk" else reason,
            programs=frozenset({"JKK", "JKM", "JHT"}), employer_size="besar_menengah")
        findings.update(check_eligibility(facts).reasons)
    assert len(findings) > 30
    untranslated = [text for text in findings if english_message(text) == text]
    assert not untranslated, untranslated
    shown = {english_message(text) for text in findings}
    assert "Membership of 6 years; a partial JHT withdrawal needs at least 10 years (PP 46/2015 " \
           "jo. PP 60/2015 Article 22)." in shown
    assert not [text for text in shown if "Pasal" in text or " tidak " in text], shown


def test_import_row_problems_read_in_english(office, qtbot, tmp_path, english):
    """The import dialog's rows and row detail show the service's reasons in English."""
    from openpyxl import Workbook

    from branch_desk.ui.participants.import_dialog import ImportDialog
    from branch_desk.ui.participants.import_rows import ImportRowsModel

    add_maros(office)
    book = Workbook()
    book.active.append(["NIK", "Nama", "Desa"])
    book.active.append(["7309014507850001", "SITTI AMINAH", "Tenrigangkae"])
    book.active.append([7309010101900000, "BASO TANG", "Bontoa"])
    book.active.append(["7309014507850001", "SITTI LAGI", "Bontoa"])
    book.save(tmp_path / "list.xlsx")
    dialog = ImportDialog(app_context(office))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "list.xlsx"))
    dialog.start(dry_run=True)
    model = dialog.table.model()
    notes = [model.index(i, ImportRowsModel.COL_NOTE).data() for i in range(model.rowCount())]
    assert notes == [
        "The NIK is stored as a number (7309010101900000); Excel keeps only 15 digits of a "
        "number, so the 16th digit has already become 0. Change the format of the NIK column "
        "to Text, then type the NIK again from the KTP (identity card).",
        "Same NIK as row 2 of this file."]
    dialog.table.setCurrentIndex(model.index(1, 0))
    assert dialog.detail.text() == "Row 4: Same NIK as row 2 of this file."
    assert dialog.report is not None and dialog.report.rejected == 2  # a check writes nothing
    with office.uow(write=False) as uow, pytest.raises(DomainError):
        find_participant(uow, "7309014507850001")


def test_benefit_lines_read_in_english(english):
    """The benefit lines a claim shows (label, account, rule) have an English reading; the
    amounts and the regulation names are kept. The papers print them in Indonesian."""
    from branch_desk.domain.benefits import JkkInput, jkk_benefit, jkm_benefit
    from branch_desk.domain.pmi_benefits import pmi_jkm_benefit

    event = date(2025, 3, 10)
    results = [jkm_benefit(event)] + [pmi_jkm_benefit(event, phase)
                                      for phase in ("sebelum", "selama", "setelah")] + [
        jkk_benefit(JkkInput(event, 5_000_000, outcome, stmb_months=3, medical_cost=2_000_000))
        for outcome in ("death", "total_disability", "temporary", "medical_only")]
    texts = {text for result in results for line in result.lines
             for text in (line.label, line.rule, line.detail)}
    # a formula of figures alone ("70% × 80 × Rp5.000.000.") needs no translation
    untranslated = [text for text in texts if english_message(text) == text
                    and any(word.isalpha() for word in text.split())]
    assert not untranslated, untranslated
    assert english_message("3 bulan × 100% × Rp5.000.000.") == "3 months × 100% × Rp5.000.000."
    shown = {english_message(line.label) for line in results[0].lines}
    assert shown == {"Lump-sum death benefit", "Periodic benefit (paid as a lump sum)",
                     "Funeral costs"}


def test_lists_and_amounts_in_english_leave_names_and_addresses_alone(english):
    """A list of known words reads in English item by item; a comma inside a name or an
    address is no list (nothing of it is translated); amounts are grouped the English way."""
    programmes = "Jaminan Kecelakaan Kerja (JKK), Jaminan Kematian (JKM)"
    assert english_message(programmes) == ("Work Accident Benefit (JKK), "
                                           "Death Benefit (JKM)")
    for typed in ("Jl. Poros Maros, Aktif", "Aktif, Dusun Bontoa", "Ya, Tidak Jadi"):
        assert english_message(typed) == typed
    assert service_text("Rp1.204.000.000") == "Rp1,204,000,000"
    assert service_text("Rp12.345,67") == "Rp12,345.67"
    assert service_text("NIK 7309.05.1001") == "NIK 7309.05.1001"
    assert service_text("kepadatan iuran 33,3%, kurang dari 80%") == (
        "a contribution density of 33.3%, under 80%")
    assert service_text("Rp1.500.000,00 dan 0,24%").endswith("0.24%")
    assert service_text("1,2,5%") == "1,2,5%"  # a list of figures is no decimal


def test_recorded_values_are_translated_only_where_wholly_a_word_of_the_program(english):
    """A history or audit value: yes/no, a sex, a programme list, a month date and amounts
    read in English; a name or an address typed to look like a message stays as recorded."""
    from branch_desk.ui.shell.messages import service_value

    assert [service_value(v) for v in ("Ya", "Perempuan", "5 Juli 1985", "Rp1.000.000")] == [
        "Yes", "Female", "5 July 1985", "Rp1,000,000"]
    assert service_value("Jaminan Kematian (JKM), Jaminan Hari Tua (JHT)") == (
        "Death Benefit (JKM), Old-Age Savings (JHT)")
    for typed in ("Kolom 'Nama' tidak dikenal.", "Berkas 'a' tidak ditemukan.",
                  "Ya, Dusun Bontoa", "Jl. Poros (Aktif)"):
        assert service_value(typed) == typed
