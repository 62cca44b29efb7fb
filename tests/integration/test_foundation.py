"""Users, audit chain and change log written in the same transaction as each change."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.db.models.partners import Partner
from branch_desk.db.recording import GENESIS_HASH, audit_hash
from branch_desk.domain.errors import ConflictError, PermissionDenied, ValidationError
from branch_desk.services.admin.users import LoginError, authenticate
from branch_desk.services.partners.registry import (
    PartnerData,
    add_partner,
    list_partners,
    update_partner,
)
from tests.support.offices import NOW, PASSWORDS

MAROS = PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros", kind="pemkab",
                    region_code="7309")


def test_partner_write_is_audited_and_change_logged(office):
    with office.uow("admin") as uow:
        row = add_partner(uow, data=MAROS)
        uow.commit()
    assert row.region_code == "73.09" and row.region_name == "Kabupaten Maros"
    assert row.head_title == "Bupati"
    with office.uow("admin", write=False) as uow:
        change = uow.session.scalars(select(ChangeEntry).where(
            ChangeEntry.table_name == "partners")).one()
        assert change.op == "insert" and change.fields["code"] == "PEMKAB-MAROS"
        entries = [
            {"seq": e.seq, "at": e.at.isoformat(), "username": e.username, "office": e.office,
             "action": e.action, "table_name": e.table_name, "row_id": e.row_id,
             "before": e.before, "after": e.after, "note": e.note, "prev": e.prev_hash,
             "hash": e.hash}
            for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    prev = GENESIS_HASH
    for entry in entries:
        assert entry["prev"] == prev
        assert entry["hash"] == audit_hash(entry, prev)
        prev = entry["hash"]
    assert entries[-1]["username"] == "admin" and entries[-1]["table_name"] == "partners"


def test_failed_write_leaves_nothing(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=MAROS)
        with pytest.raises(ValidationError, match="sudah dipakai"):
            add_partner(uow, data=MAROS)
        # not committed: everything rolls back
    with office.uow("admin", write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Partner)) == 0
        assert uow.session.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.table_name == "partners")) == 0


@pytest.mark.parametrize("bad, field", [
    ({"code": ""}, "code"), ({"name": " "}, "name"), ({"kind": "dinas"}, "kind"),
    ({"region_code": "99.99"}, "region_code"), ({"npwp": "123"}, "npwp"),
])
def test_partner_validation_names_the_field(office, bad, field):
    data = PartnerData(**{**MAROS.__dict__, **bad})
    with office.uow("admin") as uow, pytest.raises(ValidationError) as info:
        add_partner(uow, data=data)
    assert info.value.field == field


def test_officer_may_not_add_partners(office):
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied, match="Petugas"):
        add_partner(uow, data=MAROS)


def test_stale_edit_is_refused(office):
    with office.uow("admin") as uow:
        row = add_partner(uow, data=MAROS)
        uow.commit()
    renamed = PartnerData(**{**MAROS.__dict__, "head_name": "H. A. S. Chaidir Syam"})
    with office.uow("admin") as uow:
        update_partner(uow, partner_id=row.id, data=renamed, expected_version=row.version)
        uow.commit()
    with office.uow("kepala") as uow, pytest.raises(ConflictError, match="telah diubah"):
        update_partner(uow, partner_id=row.id, data=MAROS, expected_version=row.version)
    with office.uow("admin", write=False) as uow:
        assert list_partners(uow)[0].head_name == "H. A. S. Chaidir Syam"


def test_login_lockout_after_repeated_failures(office):
    for attempt in range(4):
        with pytest.raises(LoginError, match=f"sisa {4 - attempt}"):
            authenticate(office.db, "petugas", "salah-sekali", now=NOW)
    with pytest.raises(LoginError, match="dikunci"):
        authenticate(office.db, "petugas", "salah-sekali", now=NOW)
    with pytest.raises(LoginError, match="terkunci"):
        authenticate(office.db, "petugas", PASSWORDS["petugas"], now=NOW)
    later = NOW.replace(hour=NOW.hour + 1)
    assert authenticate(office.db, "petugas", PASSWORDS["petugas"], now=later).role == "petugas"
