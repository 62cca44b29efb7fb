"""Masks that cannot be undone: every masked view of the program, produced for real (CLI
JSON, xlsx cells, PDF text through pdftotext, service rows), leaves at least 1,000 NIKs
consistent with each masked NIK it shows — even with the village (digits 1–6), the birth
date and the sex (digits 7–12) of the person known. With the old mask (`7309********0001`)
one NIK was left: the person's own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from branch_desk.domain.errors import DomainError
from branch_desk.services.claims.queries import find_claim_participants
from branch_desk.services.participants.detail import participant_detail
from branch_desk.services.participants.registry import correct_nik, register_participant
from branch_desk.services.participants.rows import ParticipantData
from tests.support.claims import NIK_MAN
from tests.support.masks import (
    MIN_CONSISTENT,
    Scene,
    masked_niks,
    pdf_file_text,
    weakest_mask,
    xlsx_cells,
)
from tests.support.offices import TODAY

pytestmark = pytest.mark.usefixtures("office")


def _cli_list(s: Scene) -> list[str]:
    return [s.out("participants", "list", "--limit", "100")]


def _cli_incomplete(s: Scene) -> list[str]:
    return [s.out("participants", "incomplete")]


def _cli_import_report(s: Scene) -> list[str]:
    return [s.out("participants", "import", str(s.listing), "--partner", s.partner,
                  "--dry-run")]


def _export_xlsx(s: Scene) -> list[str]:
    s.ok("participants", "export", str(s.tmp / "peserta.xlsx"))
    return xlsx_cells(s.tmp / "peserta.xlsx")


def _cards_pdf(s: Scene) -> list[str]:
    s.ok("participants", "cards", "--partner", s.partner, "--out", str(s.tmp / "kartu.pdf"))
    return [pdf_file_text(s.tmp / "kartu.pdf")]


def _bill_attachment_xlsx(s: Scene) -> list[str]:
    return xlsx_cells(s.tmp / "lampiran.xlsx")


def _claim_receipt_pdf(s: Scene) -> list[str]:
    s.ok("claims", "receipt", s.claim, "--out", str(s.tmp / "terima.pdf"), "--today",
         TODAY.isoformat())
    return [pdf_file_text(s.tmp / "terima.pdf")]


def _claim_show(s: Scene) -> list[str]:
    return [s.out("claims", "show", s.claim)]


def _detail(s: Scene) -> list[str]:
    with s.office.uow("petugas", write=False) as uow:
        return [repr(participant_detail(uow, pid)) for pid in s.ids.values()]


def _claim_intake_choices(s: Scene) -> list[str]:
    with s.office.uow("petugas", write=False) as uow:
        return [repr(find_claim_participants(uow, s.kpj))]


def _nik_correction_history(s: Scene) -> list[str]:
    new = NIK_MAN[:12] + "0777"
    with s.office.uow("kepala") as uow:
        correct_nik(uow, participant_id=s.ids[NIK_MAN], new_nik=new, reason="Salah ketik",
                    today=TODAY)
        uow.commit()
    s.people[new] = s.people[NIK_MAN]
    with s.office.uow("petugas", write=False) as uow:
        return [repr(participant_detail(uow, s.ids[NIK_MAN]).history)]


def _duplicate_message(s: Scene) -> list[str]:
    with s.office.uow("petugas") as uow, pytest.raises(DomainError) as refused:
        register_participant(uow, data=ParticipantData(
            nik=NIK_MAN, name="Orang Lain", village_code="73.09.01.1001"), today=TODAY)
    return [str(refused.value)]


VIEWS: dict[str, Callable[[Scene], list[str]]] = {
    "participants list --json": _cli_list,
    "participants incomplete --json": _cli_incomplete,
    "participants import report": _cli_import_report,
    "participants export xlsx (petugas)": _export_xlsx,
    "member cards PDF": _cards_pdf,
    "bill attachment xlsx (petugas)": _bill_attachment_xlsx,
    "claim receipt PDF": _claim_receipt_pdf,
    "claims show --json": _claim_show,
    "participant detail": _detail,
    "claim intake choices": _claim_intake_choices,
    "same-NIK refusal message": _duplicate_message,
    "NIK correction in the history": _nik_correction_history,  # last: it changes a NIK
}


def test_every_masked_view_leaves_a_thousand_niks(office, cli, tmp_path):
    scene = Scene(office, cli, tmp_path)
    weak = {}
    for name, view in VIEWS.items():
        texts = view(scene)
        for nik in scene.people:
            assert all(nik not in text for text in texts), f"{name} shows a full NIK"
        found, fewest = weakest_mask(texts, scene.people)
        assert found, f"{name} shows no masked NIK"
        if fewest < MIN_CONSISTENT:
            weak[name] = fewest
    assert weak == {}


def test_the_old_mask_gave_the_nik_back():
    """The measure used above, on the mask of before issue 16: one NIK, the person's own."""
    people = {NIK_MAN: (date(1980, 5, 5), "L")}
    assert weakest_mask(["NIK 7309********0001"], people) == (1, 1)
    assert weakest_mask(["NIK 7309************"], people) == (1, 9_999)
    assert masked_niks("7309********0001 | 7309************ | 7309010505800001") == [
        "7309********0001", "7309************"]
