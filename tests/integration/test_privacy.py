"""The data-subject report: everything held about one person, audited, for permitted roles."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from branch_desk.db.models.claims import Claim, ClaimDocument, ClaimRecipient
from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Enrolment, Heir, Participant
from branch_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from branch_desk.services.admin.privacy import personal_data_report
from tests.support.offices import PASSWORDS
from tests.support.program import run_program

NIK = "7309014505900001"
OTHER_NIK = "7309011203850002"


def _person(uow, nik, kpj, name):
    p = Participant(nik=nik, kpj=kpj, name=name, name_search=name.lower(),
                    birth_date=date(1990, 5, 5), sex="P", village_code="73.09.01.2001",
                    segment="BPU", tmt=date(2024, 1, 1), registered_on=date(2024, 1, 1))
    uow.session.add(p)
    uow.session.flush()
    return p


@pytest.fixture
def people(office):
    with office.uow("petugas") as uow:
        siti = _person(uow, NIK, "25000000011", "Siti Aminah")
        other = _person(uow, OTHER_NIK, "25000000029", "Baso Tang")
        uow.session.add_all([
            Heir(participant_id=siti.id, name="Andi", relationship="anak", nik="",
                 bank_account="BRI 1234567890"),
            Enrolment(participant_id=siti.id, program="JKK", start_date=date(2024, 1, 1)),
            Enrolment(participant_id=other.id, program="JKM", start_date=date(2024, 1, 1)),
            # Siti is named as heir by somebody else: that is data about her too
            Heir(participant_id=other.id, name="Siti Aminah", relationship="istri", nik=NIK),
        ])
        claim = Claim(number="JKM/MRS/2025/000001", claim_type="JKM", participant_id=siti.id,
                      event_date=date(2025, 5, 1), filed_on=date(2025, 5, 3))
        uow.session.add(claim)
        uow.session.flush()
        uow.session.add_all([
            ClaimDocument(claim_id=claim.id, key="ktp", label="KTP ahli waris"),
            ClaimRecipient(claim_id=claim.id, name="Andi", relationship="anak",
                           bank_account="BRI 1234567890"),
        ])
        uow.commit()
        return siti.id, other.id


def test_report_holds_every_related_row_and_audit_entries(office, people):
    siti_id, other_id = people
    with office.uow("kepala") as uow:
        report = personal_data_report(uow, "7309 0145 0590 0001")
        uow.commit()
    assert [p["participant"]["id"] for p in report["participants"]] == [siti_id]
    related = report["participants"][0]["related"]
    assert {"heirs", "enrolments", "claims", "claim_documents", "claim_recipients"} <= set(related)
    assert related["heirs"][0]["bank_account"] == "BRI 1234567890"
    assert all(r["participant_id"] == siti_id for r in related["enrolments"])
    assert related["claim_recipients"][0]["name"] == "Andi"
    assert [h["participant_id"] for h in report["named_as_other"]["heirs"]] == [other_id]
    tables = {e["table_name"] for e in report["audit_entries"]}
    assert {"participants", "heirs", "claims"} <= tables
    assert all(e["row_id"] != other_id for e in report["audit_entries"])
    assert report["subject"]["query"] == "7309************"
    json.dumps(report)  # JSON-ready
    with office.uow("admin", write=False) as uow:
        event = uow.session.execute(select(AuditEntry.username, AuditEntry.row_id).where(
            AuditEntry.action == "export_personal_data")).one()
    assert tuple(event) == ("kepala", siti_id)


def test_report_by_kpj(office, people):
    with office.uow("admin") as uow:
        report = personal_data_report(uow, "25000000029")
    assert report["participants"][0]["participant"]["name"] == "Baso Tang"


def test_officer_may_not_export_personal_data(office, people):
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied, match="mengekspor"):
        personal_data_report(uow, NIK)


def test_unknown_and_malformed_keys(office, people):
    with office.uow("admin") as uow:
        with pytest.raises(NotFound, match="7309"):
            personal_data_report(uow, "7309019999990009")
        with pytest.raises(ValidationError, match="NIK"):
            personal_data_report(uow, "Siti")


def test_export_is_not_audited_when_not_committed(office, people):
    with office.uow("admin") as uow:
        personal_data_report(uow, NIK)
    with office.uow("admin", write=False) as uow:
        assert uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "export_personal_data")).first() is None


def test_cli_privacy_report(office, people, tmp_path):
    office.db.dispose()
    out = tmp_path / "laporan" / "siti.json"
    data = tmp_path / "cli-data"
    run = run_program("privacy", "report", NIK, "--out", str(out), "--db", str(office.path),
                      "--user", "kepala", "--json", data=data, password=PASSWORDS["kepala"])
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["participants"] == 1 and summary["related_rows"] >= 5
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["participants"][0]["participant"]["nik"] == NIK
    refused = run_program("privacy", "report", NIK, "--out", str(tmp_path / "x.json"),
                          "--db", str(office.path), "--user", "petugas", data=data,
                          password=PASSWORDS["petugas"])
    assert refused.returncode == 2 and not (tmp_path / "x.json").exists()
