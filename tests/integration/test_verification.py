"""Signed QR strings: every changed character is caught; reprints need a reason."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from branch_desk.db.models.core import AuditEntry
from branch_desk.domain.errors import ValidationError
from branch_desk.services.partners.certificates import issue_certificate
from branch_desk.services.partners.registry import add_partner
from branch_desk.services.partners.verification import print_count, record_print, verify
from tests.support.partners import MAROS


@pytest.fixture
def piagam(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=MAROS)
        row = issue_certificate(uow, partner_code="PEMKAB-MAROS", as_of=date(2025, 3, 31),
                                place="Maros", signer="Andi Makkasau")
        uow.commit()
    return office, row


def test_every_changed_character_is_caught(piagam):
    office, row = piagam
    text = row.verification
    with office.uow("petugas", write=False) as uow:
        assert verify(uow, text).genuine
        assert verify(uow, f"  {text}\n").genuine
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
        for position in range(len(text)):
            replacement = next(c for c in alphabet if c != text[position])
            forged = text[:position] + replacement + text[position + 1:]
            assert not verify(uow, forged).genuine, (position, forged)
        assert not verify(uow, text[:-1]).genuine
        assert not verify(uow, "BD1.XYZ" + text[7:]).genuine
        unknown = verify(uow, "PGH/MRS/2025/999999")
        assert not unknown.genuine and "tidak dikenal" in unknown.message


def test_reprint_needs_a_reason_and_is_audited(piagam):
    office, row = piagam
    with office.uow("petugas") as uow:
        assert record_print(uow, kind="piagam", number=row.number) == 1
        with pytest.raises(ValidationError, match="alasan cetak ulang") as info:
            record_print(uow, kind="piagam", number=row.number, reason=" ")
        assert info.value.field == "reason"
        assert record_print(uow, kind="piagam", number=row.number,
                            reason="kertas macet di printer") == 2
        uow.commit()
    with office.uow("petugas", write=False) as uow:
        assert print_count(uow, kind="piagam", number=row.number) == 2
        events = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action.in_(["print", "reprint"])).order_by(AuditEntry.seq)).all()
        assert [(e.action, e.note) for e in events] == [
            ("print", ""), ("reprint", "kertas macet di printer")]
        assert events[1].username == "petugas" and events[1].after["prints"] == 2


def test_a_qr_is_genuine_only_for_a_number_of_the_signing_office(office):
    """An insider signs, with its own office key, a paper numbered as another office's."""
    from branch_desk.services.partners.verification import issue

    with office.uow("petugas") as uow:
        own = issue(uow, kind="klaim", number="JKM/MRS/2025/000777", summary={})
        foreign = issue(uow, kind="klaim", number="JKM/PKJ/2025/000777", summary={})
        uow.commit()
    with office.uow("petugas", write=False) as uow:
        assert verify(uow, own).genuine
        result = verify(uow, foreign)
    assert not result.genuine and "bukan nomor yang diterbitkan kantor MRS" in result.message


def test_a_reprint_keeps_the_earlier_qr_verifiable(office):
    from branch_desk.services.partners.verification import issue

    with office.uow("petugas") as uow:
        first = issue(uow, kind="klaim", number="JKM/MRS/2025/000778", summary={"a": 1})
        second = issue(uow, kind="klaim", number="JKM/MRS/2025/000778", summary={"a": 2})
        uow.commit()
    assert first != second
    with office.uow("petugas", write=False) as uow:
        assert verify(uow, first).genuine and verify(uow, second).genuine


def test_verifying_without_a_login_shows_no_personal_data(piagam):
    from branch_desk.services.uow import UnitOfWork

    office, row = piagam
    with office.uow("petugas", write=False) as uow:
        assert verify(uow, row.verification).summary  # an officer sees the details
    with UnitOfWork(office.db) as uow:
        anonymous = verify(uow, row.verification)
    assert anonymous.genuine and anonymous.summary is None
    assert "Andi Makkasau" not in anonymous.message


def test_cli_verify_without_a_login_says_genuine_and_nothing_more(piagam, capsys,
                                                                   monkeypatch):
    import json

    from branch_desk.cli.main import main

    office, row = piagam
    office.db.dispose()
    monkeypatch.delenv("BRANCH_DESK_PASSWORD", raising=False)
    assert main(["--db", str(office.path), "documents", "verify", row.verification,
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["genuine"] is True and data["summary"] is None
    assert "Andi Makkasau" not in json.dumps(data)
