"""Realistic, deterministic people for the demo office: names, NIKs of real villages."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from branch_desk.domain import regions

MALE = ("Andi", "Muhammad", "Ahmad", "Abdul", "Syamsul", "Baharuddin", "Hasanuddin", "Rahman",
        "Amiruddin", "Jufri", "Haris", "Ilham", "Asri", "Sudirman", "Kamaruddin", "Ridwan",
        "Arifin", "Usman", "Jamaluddin", "Yusuf", "Rusli", "Mappiasse", "La Ode", "Samsul",
        "Daeng", "Ismail", "Hamzah", "Nurdin", "Saharuddin", "Agus")
FEMALE = ("Siti", "Nurhayati", "Hasnah", "Rahmawati", "Sitti", "Nurlina", "Hadijah", "Asmawati",
          "Fatimah", "Suriani", "Hasnawati", "Wa Ode", "Megawati", "Jumriah", "Nurmiati",
          "Kasmawati", "Ratna", "Sumarni", "Halijah", "Marwah", "Darmawati", "Aminah")
FAMILY = ("Makkasau", "Tahir", "Rauf", "Latif", "Saleh", "Syam", "Hamid", "Basri", "Mappa",
          "Rasyid", "Kadir", "Malik", "Nawir", "Sampara", "Pabbicara", "Daeng Nai", "Sanusi",
          "Karim", "Mustari", "Haliana", "Lagare", "Tapa", "Manggabarani", "Mandar", "Jaya")
STREETS = ("Dusun Bontoa", "Dusun Pa'bentengang", "Jl. Poros Maros-Makassar", "Lingkungan Kassi",
           "Dusun Tanete", "Jl. Pelabuhan", "Dusun Bonto Parang", "Jl. Sultan Hasanuddin",
           "Dusun Lembang", "Dusun Pantai", "Jl. Kampung Nelayan")


@dataclass(frozen=True)
class DemoPerson:
    """A made-up worker whose NIK is valid for the district of a real village."""

    nik: str
    name: str
    birth_date: date
    sex: str
    village_code: str
    address: str
    phone: str


def villages_of(regency_code: str) -> list[str]:
    """Village codes of a regency (kabupaten/kota) from the Kemendagri list."""
    codes: list[str] = []
    for district in regions.children(regency_code):
        codes.extend(v.code for v in regions.children(district.code))
    return codes


def make_person(rng: random.Random, village_code: str, serials: dict[str, int],
                *, today: date) -> DemoPerson:
    sex = rng.choice("LP")
    first = rng.choice(MALE if sex == "L" else FEMALE)
    name = f"{first} {rng.choice(FAMILY)}"
    birth = today - timedelta(days=rng.randint(19 * 365, 58 * 365))
    district = village_code[:8].replace(".", "")
    day = birth.day + (40 if sex == "P" else 0)
    key = f"{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
    serials[key] = serials.get(key, 0) + 1
    nik = f"{key}{serials[key]:04d}"
    phone = f"08{rng.choice('1235')}{rng.randint(10_000_000, 99_999_999)}"
    address = f"{rng.choice(STREETS)} No. {rng.randint(1, 120)}"
    return DemoPerson(nik, name, birth, sex, village_code, address, phone)
