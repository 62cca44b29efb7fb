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
