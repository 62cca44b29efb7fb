"""`branch-desk demo`: a realistic demo office, built through the same services as the program.

Kantor Cabang Maros with the regional governments of the news (Kabupaten Maros, Polewali
Mandar, Kota Palopo, Wakatobi), participants with valid NIKs of real villages, Pemda bills
and individual payments, claims in every state, agreements with a renewal, a certificate and
coverage targets. Deterministic for a given seed (the demo's calendar is fixed: see DEMO_TODAY).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from branch_desk.db.engine import Database
from branch_desk.db.migrate import current_revision
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import ValidationError
from branch_desk.services.admin.offices import initialise
from branch_desk.services.admin.users import add_user
from branch_desk.services.demo import records
from branch_desk.services.demo.people import make_person, villages_of
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import HeirData, ParticipantData
from branch_desk.services.partners.registry import PartnerData, add_partner
from branch_desk.services.uow import UnitOfWork

# The demo's "today": payments and claims are dated around it, so a seed always gives the
# same database. Pemda bills run to the end of 2026, so coverage is live through 2026.
DEMO_TODAY = date(2026, 3, 31)
DEMO_USERS = (("admin", "admin", "Admin Kantor"), ("petugas", "petugas", "Nur Aisyah"),
              ("petugas2", "petugas", "Rahmat Hidayat"), ("kepala", "supervisor",
                                                          "Andi Makkasau"))

PARTNERS = (
    PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros", kind="pemkab",
                region_code="73.09", head_name="Dr. H. A. S. Chaidir Syam, S.IP., M.H.",
                head_title="Bupati Maros", address="Jl. Asoka No. 1, Turikale, Maros"),
    PartnerData(code="PEMKAB-POLMAN", name="Pemerintah Kabupaten Polewali Mandar",
                kind="pemkab", region_code="76.04", head_name="H. Samsul Mahmud",
                head_title="Bupati Polewali Mandar", address="Jl. Manunggal No. 11, Pekkabata"),
    PartnerData(code="PEMKOT-PALOPO", name="Pemerintah Kota Palopo", kind="pemkot",
                region_code="73.73", head_name="Naili Trisal", head_title="Wali Kota Palopo",
                address="Jl. K.H.M. Hasyim No. 5, Palopo"),
    PartnerData(code="PEMKAB-WAKATOBI", name="Pemerintah Kabupaten Wakatobi", kind="pemkab",
                region_code="74.07", head_name="Haliana", head_title="Bupati Wakatobi",
                address="Jl. Soekarno-Hatta, Wangi-Wangi"),
)
# Share of participants per partner, and the occupations typical of each place.
SHARES = {"PEMKAB-MAROS": 0.4, "PEMKAB-POLMAN": 0.25, "PEMKOT-PALOPO": 0.15,
          "PEMKAB-WAKATOBI": 0.2}
OCCUPATIONS = {
    "PEMKAB-MAROS": ("Petani", "Petani", "Peternak", "Imam masjid", "Perangkat desa",
                     "Ketua RT", "Anggota BPD", "Tukang bentor", "Pedagang kecil"),
    "PEMKAB-POLMAN": ("Nelayan", "Petani", "Pedagang asongan", "Pekerja keagamaan",
                      "Tukang ojek"),
    "PEMKOT-PALOPO": ("Nelayan", "Nelayan", "Pedagang kecil", "Tukang bentor", "Ketua RW"),
    "PEMKAB-WAKATOBI": ("Nelayan", "Nelayan", "Nelayan", "Pengrajin", "Pekerja keagamaan",
                        "Pegawai non-ASN"),
}

Progress = Callable[[int, int, str], None] | None


def _tick(progress: Progress, done: int, total: int, message: str) -> None:
    if progress is not None:
        progress(done, total, message)


def build_demo(db: Database, *, seed: int = 2025, participants: int = 600,
               password: str | None = None, backup_dir: Path | None = None,
               progress: Progress = None) -> dict[str, Any]:
    """Initialise an empty database as the demo office and fill it; returns counts."""
    if current_revision(db) is not None:
        raise ValidationError("Data demo hanya dapat dibuat pada basis data baru yang kosong.",
                              field="db")
    if participants < 20:
        raise ValidationError("Data demo memerlukan sedikitnya 20 peserta.",
                              field="participants")
    rng = random.Random(seed)
    steps = 7
    _tick(progress, 0, steps, "Menyiapkan kantor…")
    admin = initialise(db, office_code="MRS", office_name="Kantor Cabang Maros",
                       admin="admin", password=password or "admin-demo", backup_dir=backup_dir,
                       address="Jl. Jenderal Sudirman No. 27, Turikale, Maros",
                       region_code="73.09", head_name="Andi Makkasau",
                       head_title="Kepala Kantor Cabang Maros")
    actors = {name: Actor(name, role, "MRS", full) for name, role, full in DEMO_USERS}
    with UnitOfWork(db, admin, write=True) as uow:
        for name, role, full in DEMO_USERS[1:]:
            add_user(uow, username=name, role=role, full_name=full,
                     password=password or f"{name}-demo")
        for partner in PARTNERS:
            add_partner(uow, data=partner)
        uow.commit()
    _tick(progress, 1, steps, "Mendaftarkan peserta…")
    ids = _register_people(db, actors["petugas"], rng, participants, progress)
    summary: dict[str, Any] = {"office": "MRS", "participants": sum(len(v) for v in ids.values()),
                               "partners": len(PARTNERS)}
    _tick(progress, 3, steps, "Tagihan Pemda dan iuran…")
    summary |= records.contributions(db, actors, rng, ids, today=DEMO_TODAY)
    _tick(progress, 4, steps, "Klaim…")
    summary |= records.claims(db, actors, rng, ids, today=DEMO_TODAY)
    _tick(progress, 5, steps, "Perjanjian kerja sama dan piagam…")
    summary |= records.agreements_and_certificates(db, actors, today=DEMO_TODAY)
    _tick(progress, 6, steps, "Target cakupan…")
    summary |= records.targets(db, actors, ids, today=DEMO_TODAY)
    summary["users"] = {name: (f"{name}-demo" if password is None else "(dari --password-file)")
                        for name, _role, _full in DEMO_USERS}
    _tick(progress, steps, steps, "Selesai.")
    return summary


def _register_people(db: Database, actor: Actor, rng: random.Random, total: int,
                     progress: Progress) -> dict[str, list[str]]:
    """Register participants per partner and a few self-paying (mandiri) ones.

    Returns participant ids by group: each partner code, and "MANDIRI" and "PU"."""
    serials: dict[str, int] = {}
    groups: dict[str, list[str]] = {code: [] for code in SHARES} | {"MANDIRI": [], "PU": []}
    plan: list[tuple[str, str]] = []
    mandiri = max(4, total // 10)
    pu = max(4, total // 20)
    funded = total - mandiri - pu
    for code, share in SHARES.items():
        plan += [(code, code)] * round(funded * share)
    plan += [("MANDIRI", "PEMKAB-MAROS")] * mandiri + [("PU", "PEMKAB-MAROS")] * pu
    villages = {code: villages_of(p.region_code) for code, p in
                ((p.code, p) for p in PARTNERS)}
    with UnitOfWork(db, actor, write=True) as uow:
        for index, (group, place) in enumerate(plan):
            person = make_person(rng, rng.choice(villages[place]), serials, today=DEMO_TODAY)
            # Self-paying workers joined during 2025 (records.contributions pays from their TMT).
            tmt = (date(2025, 1 + len(groups["MANDIRI"]) % 6, 1) if group == "MANDIRI"
                   else date(2025, 1, 1))
            if group == "PU":
                data = ParticipantData(
                    nik=person.nik, name=person.name, village_code=person.village_code,
                    segment="PU", occupation="Pegawai non-ASN", address=person.address,
                    phone=person.phone, partner_code="PEMKAB-MAROS", funding_source="APBD",
                    programs=frozenset({"JKK", "JKM", "JHT", "JP"}),
                    income=rng.choice((2_500_000, 3_100_000, 3_500_000)), tmt=tmt)
            else:
                occupation = rng.choice(OCCUPATIONS[place])
                data = ParticipantData(
                    nik=person.nik, name=person.name, village_code=person.village_code,
                    segment="BPU", occupation=occupation, address=person.address,
                    phone=person.phone,
                    partner_code=None if group == "MANDIRI" else group,
                    funding_source="MANDIRI" if group == "MANDIRI" else "APBD",
                    income=rng.choice((1_000_000, 1_500_000, 2_000_000)), tmt=tmt,
                    heirs=_heirs(rng, person.sex))
            row = register_participant(uow, data=data, allow_likely_duplicate=True,
                                       today=DEMO_TODAY)
            groups[group].append(row.id)
            if index % 50 == 0:
                _tick(progress, 1, 7, f"Mendaftarkan peserta {index + 1} dari {len(plan)}…")
        uow.commit()
    return groups


def _heirs(rng: random.Random, sex: str) -> tuple[HeirData, ...]:
    spouse = ("Hasnah", "istri") if sex == "L" else ("Baharuddin", "suami")
    account = f"BRI {rng.randint(10**11, 10**12 - 1)}"
    return (HeirData(name=spouse[0], relationship=spouse[1], bank_account=account),)
