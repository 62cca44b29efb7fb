"""The demo office's money, claims and documents, recorded through the real services."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.services.claims.data import ClaimData, ClaimFactsData, RecipientData
from branch_desk.services.claims.workflow import advance_claim, mark_documents, new_claim
from branch_desk.services.contributions.billing import build_bill, pay_bill
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.contributions.targets import set_target
from branch_desk.services.partners.agreements import AgreementData, new_agreement, renew_agreement
from branch_desk.services.partners.certificates import issue_certificate
from branch_desk.services.uow import UnitOfWork

T = TypeVar("T")
PATH = ("diajukan", "diverifikasi", "disetujui", "dibayar")
# Who takes each step: four eyes — the creator never verifies, the approver is a supervisor
# who neither created nor verified.
STEP_USER = {"diajukan": "petugas", "diverifikasi": "petugas2", "disetujui": "kepala",
             "dibayar": "petugas", "ditolak": "kepala"}


def _as(db: Database, actor: Actor, work: Callable[[UnitOfWork], T]) -> T:
    with UnitOfWork(db, actor, write=True) as uow:
        result = work(uow)
        uow.commit()
    return result


def contributions(db: Database, actors: dict[str, Actor], rng: random.Random,
                  ids: dict[str, list[str]], *, today: date) -> dict[str, Any]:
    """Two yearly Pemda bills per partner (paid) and individual BPU payments."""
    officer = actors["petugas"]
    bills = 0
    for code in ("PEMKAB-MAROS", "PEMKAB-POLMAN", "PEMKOT-PALOPO", "PEMKAB-WAKATOBI"):
        for year, paid_on in ((today.year - 1, date(today.year - 1, 2, 14)),
                              (today.year, date(today.year, 2, 16))):
            bill = _as(db, officer, lambda uow, c=code, y=year: build_bill(
                uow, partner_code=c, first_month=date(y, 1, 1), months=12,
                today=date(y, 1, 20)))
            _as(db, officer, lambda uow, n=bill.number, d=paid_on, c=code: pay_bill(
                uow, bill_number=n, paid_on=d, reference=f"SP2D/{c}/{d:%Y%m%d}"))
            bills += 1
    payments = 0
    with UnitOfWork(db, officer, write=True) as uow:
        for index, pid in enumerate(ids["MANDIRI"]):
            # Monthly payers, payers in advance, and some who stopped (in grace or lapsed).
            start = date(2025, 1 + index % 6, 1)
            pattern = index % 4
            months = {0: 12 + today.month, 1: 24, 2: 8, 3: 12 + today.month - 2}[pattern]
            first, left = start, months - (start.month - 1)
            while left > 0:
                chunk = 12 if pattern == 1 else rng.choice((1, 3, 6))
                chunk = min(chunk, left)
                record_payment(uow, participant_id=pid, first_month=first, months=chunk,
                               payer="Peserta sendiri", paid_on=min(first, today))
                payments += 1
                left -= chunk
                first = _add_months(first, chunk)
        uow.commit()
    return {"bills": bills, "payments": payments}


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _claim(db: Database, actors: dict[str, Actor], data: ClaimData, *, reported: date,
           to: str, today: date) -> str:
    row = _as(db, actors["petugas"], lambda uow: new_claim(uow, data=data, today=reported))
    if to == "draft":
        return row.number
    _as(db, actors["petugas"], lambda uow: mark_documents(uow, number=row.number,
                                                          all_received=True, today=reported))
    day = reported
    if to == "ditolak":
        _as(db, actors["kepala"], lambda uow: advance_claim(
            uow, number=row.number, to="ditolak", today=day,
            reason="Ahli waris tidak sesuai dengan surat keterangan ahli waris dari desa."))
        return row.number
    for step in PATH:
        day = min(day + timedelta(days=3), today)
        reference = f"TRF-{row.number.replace('/', '')}" if step == "dibayar" else None
        _as(db, actors[STEP_USER[step]], lambda uow, s=step, d=day, r=reference: advance_claim(
            uow, number=row.number, to=s, reference=r, today=d))
        if step == to:
            break
    return row.number


def claims(db: Database, actors: dict[str, Actor], rng: random.Random,
           ids: dict[str, list[str]], *, today: date) -> dict[str, Any]:
    """Claims in every state: JKM for heirs of deceased workers, JKK accidents at sea and on
    the road, a scholarship, all on participants covered by their Pemda's bills."""
    used: set[str] = set()

    def pick(partner: str) -> str:
        """The partner's next participant not yet given a claim (another partner's when a
        small demo has too few; a demo of 20 participants failed here)."""
        chosen = next((p for p in ids[partner] if p not in used), None) or next(
            p for people in ids.values() for p in people if p not in used)
        used.add(chosen)
        return chosen

    heir = (RecipientData(name="Wa Ode Hasnah", relationship="istri",
                          bank_account="0123456789012", bank_name="BRI"),)

    def jkm(pid: str, event: date) -> ClaimData:
        return ClaimData(participant=pid, claim_type="JKM", event_date=event,
                         cause="bukan-kerja", place="Rumah", recipients=heir,
                         description="Meninggal dunia karena sakit.")

    def jkk(pid: str, event: date, outcome: str, cost: int = 0) -> ClaimData:
        return ClaimData(participant=pid, claim_type="JKK", event_date=event, cause="kerja",
                         place="Perairan Wangi-Wangi", recipients=heir,
                         description="Kecelakaan saat melaut.",
                         facts=ClaimFactsData(outcome=outcome, medical_cost=cost,
                                              reported_on=event + timedelta(days=1)))

    plan = [
        (jkm(pick("PEMKAB-WAKATOBI"), date(2025, 2, 3)), "dibayar"),
        (jkm(pick("PEMKAB-WAKATOBI"), date(2025, 4, 20)), "dibayar"),
        (jkm(pick("PEMKAB-WAKATOBI"), date(2026, 1, 9)), "dibayar"),
        (jkk(pick("PEMKAB-WAKATOBI"), date(2025, 7, 14), "death"), "dibayar"),
        (jkk(pick("PEMKAB-MAROS"), date(2026, 2, 2), "medical_only", 7_850_000), "dibayar"),
        (jkm(pick("PEMKAB-MAROS"), date(2026, 1, 12)), "disetujui"),
        (jkm(pick("PEMKAB-POLMAN"), date(2026, 2, 2)), "diverifikasi"),
        (jkk(pick("PEMKOT-PALOPO"), date(2026, 3, 10), "medical_only", 2_400_000), "diajukan"),
        (jkm(pick("PEMKOT-PALOPO"), date(2026, 3, 20)), "draft"),
        (jkm(pick("PEMKAB-POLMAN"), date(2025, 12, 1)), "ditolak"),
    ]
    numbers = []
    for data, to in plan:
        reported = min(data.event_date + timedelta(days=rng.randint(5, 20)), today)
        numbers.append(_claim(db, actors, data, reported=reported, to=to, today=today))
    return {"claims": len(numbers)}


def agreements_and_certificates(db: Database, actors: dict[str, Actor], *,
                                today: date) -> dict[str, Any]:
    """The PKS of the news (Polman 16 May 2025, Palopo 13 March 2025, Wakatobi renewed on
    5 March 2025) and the piagam given to Maros for 13.595 workers."""
    head = actors["kepala"]
    groups = ("pekerja_rentan", "non_asn", "keagamaan", "perangkat_desa", "rt_rw", "bpd")
    signed = [
        AgreementData(partner_code="PEMKAB-MAROS", signed_on=date(2025, 1, 15), place="Maros",
                      partner_number="400.5/012/PKS/I/2025", groups=groups, workers=13_595,
                      budget=2_740_752_000),
        AgreementData(partner_code="PEMKAB-POLMAN", signed_on=date(2025, 5, 16),
                      place="Polewali", partner_number="500.15/031/PKS/V/2025",
                      workers=25_714, budget=5_183_942_400),
        AgreementData(partner_code="PEMKOT-PALOPO", signed_on=date(2025, 3, 13),
                      place="Palopo", partner_number="100.3.7/045/PKS/III/2025",
                      groups=("pekerja_rentan",), workers=4_000, budget=806_400_000),
    ]
    rows = [_as(db, head, lambda uow, d=data: new_agreement(uow, data=d)) for data in signed]
    first = _as(db, head, lambda uow: new_agreement(uow, data=AgreementData(
        partner_code="PEMKAB-WAKATOBI", signed_on=date(2024, 3, 1), place="Wangi-Wangi",
        partner_number="560/017/PKS/III/2024", groups=("pekerja_rentan", "non_asn",
                                                       "keagamaan"),
        workers=8_913, budget=1_796_860_800)))
    _as(db, head, lambda uow: renew_agreement(uow, number=first.number, data=AgreementData(
        partner_code="PEMKAB-WAKATOBI", signed_on=date(2025, 3, 5), place="Kendari",
        partner_number="560/009/PKS/III/2025", groups=("pekerja_rentan", "non_asn",
                                                       "keagamaan"),
        workers=7_263, budget=1_464_220_800)))
    _as(db, head, lambda uow: issue_certificate(
        uow, partner_code="PEMKAB-MAROS", as_of=date(2025, 4, 29), place="Maros",
        signer="Mintje Wattu", signer_title="Kepala Kantor Wilayah Sulawesi Maluku"))
    return {"agreements": len(rows) + 2, "certificates": 1}


def targets(db: Database, actors: dict[str, Actor], ids: dict[str, list[str]], *,
            today: date) -> dict[str, Any]:
    """Target workforces per region. Palopo 2024 is the Monev figure of March 2024 (59.392);
    the current years' targets are scaled to the demo's size (about 60 % covered), so the
    dashboard shows percentages like a real branch's rather than a fraction of one."""
    regions = {"PEMKAB-MAROS": "73.09", "PEMKAB-POLMAN": "76.04", "PEMKOT-PALOPO": "73.73",
               "PEMKAB-WAKATOBI": "74.07"}
    values = [("73.73", 2024, 59_392)]
    for code, region in regions.items():
        workers = len(ids[code]) + (len(ids["MANDIRI"]) + len(ids["PU"])
                                    if code == "PEMKAB-MAROS" else 0)
        values += [(region, year, round(workers / share))
                   for year, share in ((today.year - 1, 0.58), (today.year, 0.615))]
    for code, year, workers in values:
        _as(db, actors["kepala"], lambda uow, c=code, y=year, w=workers: set_target(
            uow, region_code=c, year=y, workers=w))
    return {"targets": len(values)}
