"""Importing the participant lists regional governments send (Pemda xlsx).

`import_participants(..., dry_run=True)` says what each row would become; without
dry run the valid new rows are written with `recording_bulk.record_bulk_insert` (core
executemany with change log and audit) inside the caller's unit of work: the caller
commits, and a cancel (`progress` raising) or an error leaves nothing behind.
Rows whose NIK is already registered count as `already_present`, so importing the same
file twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from branch_desk.db import numbering, recording_bulk
from branch_desk.db.models.participants import Enrolment, Participant
from branch_desk.domain.identifiers import format_kpj, office_number_from_code
from branch_desk.domain.nik import mask_nik
from branch_desk.domain.permissions import Permission
from branch_desk.domain.programs import Segment
from branch_desk.domain.registration import BPU_INCOME_FLOOR, default_funding, default_programs
from branch_desk.domain.text import fold
from branch_desk.services import clock
from branch_desk.services.participants.column_mapping import (
    check_mapping,
    column_mapping,
    save_column_mapping,
)
from branch_desk.services.participants.import_rows import (
    ParsedRow,
    RowProblem,
    VillageResolver,
    cell_text,
    parse_row,
    read_nik,
)
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.uow import UnitOfWork
from branch_desk.spreadsheets.participants_reader import SheetRows, read_participant_sheet

Progress = Callable[[int, int, str], None]
NEW, PRESENT, REJECTED = "baru", "sudah_terdaftar", "ditolak"
STATUS_LABELS = {NEW: "Baru", PRESENT: "Sudah terdaftar", REJECTED: "Ditolak"}
CHUNK = 5000


@dataclass(frozen=True)
class ImportRowResult:
    """What became (or would become) of one sheet row."""

    row: int  # 1-based row number in the sheet
    status: str  # baru | sudah_terdaftar | ditolak
    nik_masked: str
    name: str
    message: str = ""  # why rejected / which record it already is
    warnings: tuple[str, ...] = ()
    kpj: str = ""


@dataclass(frozen=True)
class ImportReport:
    """Counts and per-row results; `header`/`rejected_cells` feed the error report."""

    file: str
    partner_code: str
    dry_run: bool
    imported: int
    already_present: int
    rejected: int
    rows: tuple[ImportRowResult, ...]
    header_row: int
    header: tuple[str, ...]
    columns: dict[str, int]
    rejected_cells: dict[int, list[Any]] = field(default_factory=dict, repr=False)
    sheet: str = ""
    mapping: dict[str, str] = field(default_factory=dict)  # field → header text used

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.rows if r.warnings)

    def summary(self) -> dict[str, Any]:
        """The CLI's JSON object."""
        return {"file": self.file, "partner": self.partner_code, "dry_run": self.dry_run,
                "imported": self.imported, "already_present": self.already_present,
                "rejected": self.rejected, "warnings": self.warnings,
                "sheet": self.sheet, "mapping": self.mapping,
                "rows": [r.__dict__ for r in self.rows if r.status != NEW or r.warnings]}


def _existing(uow: UnitOfWork, niks: list[str]) -> dict[str, tuple[str, str]]:
    """NIK → (KPJ, name) of the live participants among `niks`."""
    found: dict[str, tuple[str, str]] = {}
    unique = sorted(set(niks))
    for start in range(0, len(unique), 900):
        chunk = unique[start:start + 900]
        for nik, kpj, name in uow.session.execute(select(
                Participant.nik, Participant.kpj, Participant.name).where(
                Participant.nik.in_(chunk), Participant.deleted.is_(False))):
            found.setdefault(nik, (kpj, name))
    return found


def _candidate_niks(sheet: SheetRows, today: date) -> list[str]:
    """The NIK every row would have if it is accepted (rows whose NIK cell cannot be
    read are left out): looked up once, before the rows are checked and written."""
    index = sheet.columns["nik"]
    found = []
    for _, cells in sheet.rows:
        value = cells[index] if index < len(cells) else None
        if isinstance(value, str) and len(value) == 16 and value.isdigit() and value.isascii():
            found.append(value)  # what read_nik makes of it, when it accepts it
            continue
        with suppress(RowProblem):
            found.append(read_nik(value, today).value)
    return found


def import_participants(uow: UnitOfWork, path: str | Path, *, partner_code: str,
                        dry_run: bool, today: date | None = None,
                        progress: Progress | None = None, sheet_name: str | None = None,
                        columns: dict[str, str] | None = None) -> ImportReport:
    """Read a Pemda list (xlsx, xls or CSV) and register its new participants under
    `partner_code`.

    `sheet_name` picks the sheet (default: the first holding a header with NIK and Nama);
    `columns` (field → header text) names columns the header spellings do not cover, on
    top of the partner's remembered mapping; an import that is not a dry run remembers it.
    Rows are checked and written in chunks: while SQLite writes one chunk (on the bulk
    writer's thread, same transaction) the next one is checked."""
    actor = uow.actor_required
    actor.require(Permission.IMPORT_PARTICIPANTS)
    today = today or clock.today()
    partner = partner_by_code(uow, partner_code)
    columns = check_mapping(columns or {})
    remembered = column_mapping(uow, partner_code=partner.code)
    report = progress or (lambda done, total, message: None)
    report(0, 0, "Membaca berkas…")
    sheet = read_participant_sheet(path, sheet=sheet_name, columns=columns,
                                   remembered=remembered)
    if columns and not dry_run:
        save_column_mapping(uow, partner_code=partner.code,
                            mapping={**remembered, **columns})
    total = len(sheet.rows)
    present = _existing(uow, _candidate_niks(sheet, today))
    villages = VillageResolver(partner.region_code)
    results: dict[int, ImportRowResult] = {}
    rejected_cells: dict[int, list[Any]] = {}
    first_row_of: dict[str, int] = {}
    funding = default_funding(partner.kind)
    kpjs = None if dry_run else _KpjSeries(uow)
    imported = 0
    with nullcontext() if dry_run else recording_bulk.BulkWriter(uow.session) as writer:
        for start in range(0, total, CHUNK):
            new_rows: list[tuple[int, ParsedRow]] = []
            for done, (number, cells) in enumerate(sheet.rows[start:start + CHUNK],
                                                   start=start + 1):
                if done % 2000 == 0:
                    report(done, total, f"Memeriksa baris {done:,} dari {total:,}…"
                           .replace(",", "."))
                try:
                    row = parse_row(cells, sheet.columns, today=today,
                                    income_floor=BPU_INCOME_FLOOR, villages=villages)
                except RowProblem as problem:
                    results[number] = ImportRowResult(number, REJECTED, _masked_cell(
                        cells, sheet), _name_cell(cells, sheet), str(problem))
                    rejected_cells[number] = cells
                    continue
                if row.nik in first_row_of:
                    results[number] = ImportRowResult(
                        number, REJECTED, mask_nik(row.nik), row.name,
                        f"NIK sama dengan baris {first_row_of[row.nik]} pada berkas ini.")
                    rejected_cells[number] = cells
                    continue
                first_row_of[row.nik] = number
                if row.nik in present:
                    kpj, name = present[row.nik]
                    results[number] = ImportRowResult(
                        number, PRESENT, mask_nik(row.nik), row.name,
                        f"Sudah terdaftar: {name} (KPJ {kpj}).", tuple(row.warnings), kpj)
                else:
                    new_rows.append((number, row))
            numbers = [""] * len(new_rows)
            if kpjs is not None and new_rows:
                report(imported, total, f"Menyimpan peserta {imported:,} dari {total:,}…"
                       .replace(",", "."))
                numbers = kpjs.take(len(new_rows))
                _write(uow, writer, new_rows, numbers, partner_id=partner.id,
                       funding=funding, today=today)
            imported += len(new_rows)
            for (number, row), kpj in zip(new_rows, numbers, strict=True):
                results[number] = ImportRowResult(number, NEW, mask_nik(row.nik), row.name,
                                                  "", tuple(row.warnings), kpj)
    if kpjs is not None:
        kpjs.close()
    report(total, total, "Selesai memeriksa." if dry_run else "Selesai; menyimpan…")
    ordered = tuple(results[n] for n in sorted(results))
    return ImportReport(Path(path).name, partner.code, dry_run,
                        imported, sum(1 for r in ordered if r.status == PRESENT),
                        sum(1 for r in ordered if r.status == REJECTED), ordered,
                        sheet.header_row, sheet.header, dict(sheet.columns), rejected_cells,
                        sheet.sheet, sheet.mapping())


class _KpjSeries:
    """KPJ numbers of this office taken as the rows are written: the series is locked
    for the transaction (as `new_kpj` does) and advanced by the count taken at the end."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.office = office_number_from_code(uow.actor_required.office)
        self.sequence = numbering.lock_sequence(uow.session, "KPJ")
        self.taken = 0

    def take(self, count: int) -> list[str]:
        first = self.sequence.value + self.taken + 1
        self.taken += count
        return [format_kpj(self.office, n) for n in range(first, first + count)]

    def close(self) -> None:
        self.sequence.value += self.taken
        self.taken = 0


def _write(uow: UnitOfWork, writer: recording_bulk.BulkWriter, rows: list[tuple[int, ParsedRow]],
           kpjs: list[str], *, partner_id: str, funding: str, today: date) -> None:
    actor = uow.actor_required
    programs = default_programs(Segment.BPU)
    joined = " ".join(programs)
    values = [{
        "nik": r.nik, "kpj": kpj, "name": r.name, "name_search": fold(r.name),
        "birth_date": r.birth_date, "sex": r.sex, "address": r.address,
        "village_code": r.village_code, "phone": r.phone, "occupation": r.occupation,
        "segment": "BPU", "funding_source": funding, "partner_id": partner_id,
        "income": r.income, "tmt": r.tmt, "registered_on": today, "status": "aktif",
        "status_reason": "", "programs": joined,
    } for (_, r), kpj in zip(rows, kpjs, strict=True)]
    ids = recording_bulk.record_bulk_insert(uow.session, actor, Participant, values, writer=writer)
    recording_bulk.record_bulk_insert(uow.session, actor, Enrolment, [
        {"participant_id": pid, "program": program, "start_date": v["tmt"], "end_date": None}
        for pid, v in zip(ids, values, strict=True) for program in programs], writer=writer)


def _masked_cell(cells: list[Any], sheet: Any) -> str:
    index = sheet.columns.get("nik")
    value = cells[index] if index is not None and index < len(cells) else None
    text = cell_text(value)
    return mask_nik(text) if text else ""


def _name_cell(cells: list[Any], sheet: Any) -> str:
    index = sheet.columns.get("name")
    value = cells[index] if index is not None and index < len(cells) else None
    return "" if value is None else str(value).strip()
