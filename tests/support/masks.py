"""Masked NIKs read back from what a view shows, and how many real NIKs each one leaves."""

from __future__ import annotations

import json
import re
import subprocess
from calendar import monthrange
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from branch_desk.services.participants.queries import iter_with_nik
from branch_desk.services.participants.rows import ParticipantQuery
from tests.support.claims import NIK_MAN, add_person, jkk_draft
from tests.support.contributions import pemda
from tests.support.offices import Office
from tests.support.pemda_lists import pemda_rows, write_pemda_list

# Sixteen characters of digits and stars, with at least one star, standing alone.
_MASKED = re.compile(r"(?<![0-9*])(?=[0-9]*\*)[0-9*]{16}(?![0-9*])")
MIN_CONSISTENT = 1_000


def masked_niks(text: str) -> list[str]:
    """Every masked NIK in `text` (a JSON dump, a PDF's text, the cells of a sheet)."""
    return _MASKED.findall(text)


def xlsx_cells(path: Path) -> list[str]:
    """Every non-empty cell of every sheet of the workbook at `path`, as text."""
    book = load_workbook(path, read_only=True)
    try:
        return [str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                for value in row if value not in (None, "")]
    finally:
        book.close()


def _fits(shown: str, start: int, digits: str) -> bool:
    return all(s in ("*", d) for s, d in zip(shown[start:start + len(digits)], digits,
                                              strict=True))


def _birth_digits(born: date, sex: str) -> str:
    return f"{born.day + (40 if sex == 'P' else 0):02d}{born:%m%y}"


def _any_birth(shown: str) -> int:
    """DDMMYY groups (day + 40 for women) that fit the stars of digits 7–12 and are a day
    of the calendar in 19YY or 20YY."""
    count = 0
    for month in range(1, 13):
        for yy in range(100):
            longest = max(monthrange(1900 + yy, month)[1], monthrange(2000 + yy, month)[1])
            for day in range(1, longest + 1):
                for coded in (day, day + 40):
                    count += _fits(shown, 6, f"{coded:02d}{month:02d}{yy:02d}")
    return count


def consistent_niks(shown: str, *, district: str | None, born: date | None,
                    sex: str | None) -> int:
    """How many NIKs agree with the masked `shown` and with what is shown beside it.

    NIK = district code (digits 1–6) + DDMMYY (digits 7–12, day + 40 for women) + serial
    (digits 13–16, never 0000). A district (from the village: `73.09.01` or `730901`) fixes
    digits 1–6, a birth date with the sex fixes 7–12; what is not known counts every value
    its stars allow. The product of the three groups is the answer.
    """
    assert len(shown) == 16, shown
    if district is not None:
        regions = int(_fits(shown, 0, district.replace(".", "")[:6]))
    else:
        regions = 10 ** shown[:6].count("*")
    if born is not None and sex is not None:
        births = int(_fits(shown, 6, _birth_digits(born, sex)))
    else:
        births = _any_birth(shown)
    serials = sum(_fits(shown, 12, f"{n:04d}") for n in range(1, 10_000))
    return regions * births * serials


def weakest_mask(texts: Iterable[str], people: dict[str, tuple[date, str]]) -> tuple[int, int]:
    """(masked NIKs found, the fewest NIKs any of them leaves) over `texts`.

    `people` maps each real NIK to its birth date and sex. Each masked NIK is measured
    against every real person it could be (those whose NIK fits it), with the district,
    birth date and sex of that person taken as known: the worst case, as if the view
    showed the village, the birth date and the sex beside it.
    """
    found, weakest = 0, 10 ** 16
    for text in texts:
        for shown in masked_niks(text):
            candidates = [nik for nik in people if _fits(shown, 0, nik)]
            assert candidates, f"{shown} is the mask of no participant"
            found += 1
            for nik in candidates:
                born, sex = people[nik]
                weakest = min(weakest, consistent_niks(shown, district=nik[:6], born=born,
                                                       sex=sex))
    return found, weakest


def pdf_file_text(path: Path) -> str:
    """The text of the PDF at `path`, laid out as on the page (pdftotext)."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


class Scene:
    """An office with a Pemda list imported, a participant with a claim, and a bill."""

    def __init__(self, office: Office, cli: Callable[..., object], tmp_path: Path) -> None:
        self.office, self.cli, self.tmp = office, cli, tmp_path
        self.partner = pemda(office)
        self.rows = pemda_rows(8)
        self.listing = write_pemda_list(tmp_path / "daftar.xlsx", self.rows)
        self.ok("participants", "import", str(self.listing), "--partner", self.partner)
        self.kpj = add_person(office)
        self.claim = jkk_draft(office, kpj=self.kpj).number
        self.bill = self.ok("contributions", "bill", "--partner", self.partner, "--from",
                            "2025-06", "--months", "1", "--attachment",
                            str(tmp_path / "lampiran.xlsx"))["number"]
        with office.uow("kepala", write=False) as uow:
            found = list(iter_with_nik(uow, ParticipantQuery(limit=1000)))
        self.people = {nik: (r.birth_date, r.sex) for r, nik in found}
        self.ids = {nik: r.id for r, nik in found}
        self.contacts = {nik: (r.address, r.phone) for r, nik in found if r.address}
        assert NIK_MAN in self.people and len(self.people) == 9

    def ok(self, *args: str, user: str = "petugas") -> Any:
        """The JSON a command prints, run as `user`; the command must succeed."""
        done = self.cli(*args, "--json", user=user)
        assert done.returncode == 0, done.stderr  # type: ignore[attr-defined]
        return json.loads(done.stdout)  # type: ignore[attr-defined]

    def out(self, *args: str, user: str = "petugas") -> str:
        """What a command prints, as one JSON text."""
        return json.dumps(self.ok(*args, user=user), ensure_ascii=False)
