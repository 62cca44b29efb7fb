"""Coverage dashboard figures in SQL, targets, trend, due and arrears lists."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from branch_desk.domain.coverage import format_percentage
from branch_desk.domain.errors import PermissionDenied, ValidationError
from branch_desk.services.contributions.coverage_figures import coverage_summary
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.contributions.schedules import add_schedule, due_list
from branch_desk.services.contributions.targets import set_target
from branch_desk.services.participants.registry import deactivate_participant, get_participant
from tests.support.contributions import VILLAGES, pemda, person

TODAY = date(2025, 6, 16)


def pay(office, pid, first, months):
    with office.uow() as uow:
        record_payment(uow, participant_id=pid, first_month=first, months=months, payer="X",
                       paid_on=TODAY)
        uow.commit()


def target(office, code, workers, year=2025):
    with office.uow("kepala") as uow:
        set_target(uow, region_code=code, year=year, workers=workers)
        uow.commit()


def test_summary_by_region_segment_partner_with_targets_and_trend(office):
    code = pemda(office)
    a = person(office, 1, village=VILLAGES[0], partner_code=code)  # Mandai
    b = person(office, 2, village=VILLAGES[1])  # Camba, mandiri
    c = person(office, 3, village=VILLAGES[1], segment="PU", income=3_000_000)
    lapsed = person(office, 4, village=VILLAGES[2])
    pay(office, a, date(2025, 1, 1), 12)
    pay(office, b, date(2025, 4, 1), 1)  # April paid: grace in May and June
    pay(office, c, date(2025, 6, 1), 1)
    pay(office, lapsed, date(2025, 1, 1), 1)  # lapsed since April
    target(office, "73.09", 8)
    target(office, "73.09.02", 4)
    with office.uow(write=False) as uow:
        summary = coverage_summary(uow, as_of=TODAY)
        maros = coverage_summary(uow, as_of=TODAY, region="7309")
    assert summary.covered == 3 and summary.target == 8
    assert summary.percentage == Decimal("37.5")
    assert format_percentage(summary.percentage) == "37,50%"
    assert [(f.code, f.covered) for f in summary.areas] == [("73.09", 3)]
    assert {f.code: f.covered for f in summary.segments} == {"BPU": 2, "PU": 1}
    assert {f.code: f.covered for f in summary.partners} == {"PEMKAB-MAROS": 1, "MANDIRI": 2}
    assert dict(summary.trend)[date(2025, 1, 1)] == 2
    assert dict(summary.trend)[date(2025, 4, 1)] == 2  # a, b (lapsed ran out in March)
    assert dict(summary.trend)[date(2024, 7, 1)] == 0 and len(summary.trend) == 12
    by_district = {f.code: (f.covered, f.target, format_percentage(f.percentage))
                   for f in maros.areas}
    assert by_district["73.09.01"] == (1, None, "–")
    assert by_district["73.09.02"] == (2, 4, "50,00%")
    assert maros.region_name.startswith("Kabupaten Maros")


def test_deactivated_participants_drop_out_of_the_figures(office):
    pid = person(office, 5)
    pay(office, pid, date(2025, 6, 1), 3)
    with office.uow("kepala") as uow:
        row = get_participant(uow, pid)
        deactivate_participant(uow, participant_id=pid, reason="meninggal dunia",
                               expected_version=row.version, on=TODAY)
        uow.commit()
    with office.uow(write=False) as uow:
        assert coverage_summary(uow, as_of=TODAY).covered == 0


def test_percentage_of_the_issue_example():
    from branch_desk.domain.coverage import coverage_percentage

    assert format_percentage(coverage_percentage(36_553, 59_392)) == "61,54%"


def test_targets_need_a_supervisor_and_a_known_region(office):
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied):
        set_target(uow, region_code="73.09", year=2025, workers=10)
    with office.uow("kepala") as uow, pytest.raises(ValidationError) as info:
        set_target(uow, region_code="73.99", year=2025, workers=10)
    assert info.value.field == "region_code"
    target(office, "73.09", 100)
    target(office, "73.09", 120)  # changed, not duplicated
    with office.uow(write=False) as uow:
        assert coverage_summary(uow, as_of=TODAY).target == 120


def test_due_list_follows_harvest_schedules(office):
    monthly = person(office, 6, village=VILLAGES[0], tmt=date(2025, 1, 1))
    farmer = person(office, 7, village=VILLAGES[1], tmt=date(2025, 1, 1), occupation="petani")
    ahead = person(office, 8, village=VILLAGES[0], tmt=date(2025, 1, 1))
    pay(office, monthly, date(2025, 1, 1), 3)  # Jan-Mar: April, May unpaid
    pay(office, farmer, date(2025, 4, 1), 2)  # paid at the April harvest for Apr-May
    pay(office, ahead, date(2025, 1, 1), 12)
    with office.uow("petugas") as uow:
        add_schedule(uow, name="Panen Camba (April, September)", kind="periodik",
                     due_months=(4, 9), months_per_payment=5, region_code="73.09.02",
                     occupation="petani")
        uow.commit()
    with office.uow(write=False) as uow:
        rows = {r.participant_id: r for r in due_list(uow, today=TODAY)}
    assert ahead not in rows
    assert rows[monthly].arrears == 2 and rows[monthly].in_arrears
    assert rows[monthly].due_on == date(2025, 4, 15)
    # The farmer's June falls in the April harvest payment: due 15 April, so overdue too,
    # but only June is missing.
    assert rows[farmer].schedule.startswith("Panen") and rows[farmer].arrears == 0
    assert rows[farmer].due_on == date(2025, 4, 15)
