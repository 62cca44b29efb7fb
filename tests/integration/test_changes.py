"""A unit of work says what it changed: the areas of the tables it committed, whether the
service wrote through the ORM, Core statements, the bulk path or a sync import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from branch_desk.db.base import Base
from branch_desk.db.models.contributions import CoverageTarget
from branch_desk.services.changes import AREAS_OF_TABLE, areas_of
from branch_desk.services.claims.workflow import new_claim
from branch_desk.services.contributions.billing import build_bill
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.services.partners.registry import PartnerData, add_partner
from branch_desk.services.sync.exchange import import_changes
from tests.support.claims import add_person, jkm_data
from tests.support.contributions import pemda, person
from tests.support.sync import (
    add_participant,
    build_templates,
    close_offices,
    export,
    open_offices,
)

TODAY = date(2025, 6, 16)


def test_every_table_names_its_areas():
    assert set(Base.metadata.tables) <= set(AREAS_OF_TABLE)
    with pytest.raises(KeyError, match="no entry"):
        areas_of(["no_such_table"])


def test_registration_marks_participants(office):
    with office.uow() as uow:
        register_participant(uow, data=ParticipantData(
            nik="7309011203850001", name="Daeng Tiro", village_code="73.09.01.2003",
            segment="BPU", occupation="petani", tmt=date(2025, 1, 1)),
            allow_likely_duplicate=True, today=TODAY)
        assert uow.changes == frozenset()  # nothing is reported before the commit
        uow.commit()
    assert "participants" in uow.changes
    assert not uow.changes & {"claims", "partners", "documents", "sync"}
    assert {"participants", "enrolments"} <= uow.changed_tables


def test_payment_marks_contributions_and_coverage(office):
    pid = person(office, 1)
    with office.uow() as uow:
        record_payment(uow, participant_id=pid, first_month=date(2025, 1, 1), months=3,
                       payer="Daeng", paid_on=TODAY)
        uow.commit()
    assert {"contributions", "coverage"} <= uow.changes
    assert not uow.changes & {"participants", "claims", "partners"}


def test_partner_and_claim(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code="PEMKOT", name="Pemerintah Kota", kind="pemkot",
                                          region_code="73.71"))
        uow.commit()
    assert uow.changes == {"partners"}
    kpj = add_person(office)
    with office.uow() as uow:
        new_claim(uow, data=jkm_data(kpj), today=TODAY)
        uow.commit()
    assert uow.changes == {"claims"}


def test_bulk_inserts_are_marked(office):
    code = pemda(office)
    person(office, 1, partner_code=code)
    with office.uow() as uow:
        build_bill(uow, partner_code=code, first_month=date(2025, 1, 1), months=3, today=TODAY)
        uow.commit()
    assert "contribution_bill_lines" in uow.changed_tables  # written by record_bulk_insert
    assert "contributions" in uow.changes


def test_core_statements_are_marked(office):
    with office.uow("admin") as uow:
        uow.session.execute(update(CoverageTarget).values(workers=CoverageTarget.workers))
        uow.commit()
    assert uow.changes == {"targets", "coverage"}


def test_nothing_is_reported_without_a_commit(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code="X", name="Mitra X", kind="pemkot",
                                          region_code="73.71"))
        uow.mark_changed("sync_files")
    assert uow.changes == frozenset()
    with office.uow("admin") as uow:
        uow.mark_changed("sync_files")
        uow.commit()
    assert uow.changes == {"sync"}


@pytest.fixture
def two_offices(tmp_path: Path):
    made = open_offices(build_templates(tmp_path / "templates", ["MRS", "PKJ"]),
                        tmp_path / "offices")
    yield made
    close_offices(made)


def test_a_sync_import_marks_the_tables_it_applied(two_offices, tmp_path):
    mrs, pkj = two_offices["MRS"], two_offices["PKJ"]
    add_participant(mrs, nik="7309014505900001", name="Siti Aminah", kpj="MRS00000001")
    out = export(mrs, "PKJ", tmp_path / "mrs-pkj.bdsync")
    with pkj.uow() as uow:
        import_changes(uow, path=Path(out.path))
        uow.commit()
    assert {"sync", "participants"} <= uow.changes
    assert "participants" in uow.changed_tables
