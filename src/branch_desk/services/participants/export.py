"""Spreadsheets out of the registry: participant export and the import error report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from branch_desk.db import recording
from branch_desk.domain.permissions import Permission
from branch_desk.services.participants.importing import REJECTED, ImportReport
from branch_desk.services.participants.queries import iter_participants, iter_with_nik
from branch_desk.services.participants.rows import ParticipantQuery
from branch_desk.services.uow import UnitOfWork
from branch_desk.spreadsheets.participants_writer import (
    write_error_report,
    write_participant_export,
)


def export_participants(uow: UnitOfWork, path: str | Path, *, query: ParticipantQuery) -> int:
    """Write the participants matching `query` to an xlsx; returns the number of rows.

    Roles with EXPORT_PERSONAL_DATA get the full NIK, address and phone; others the
    masked NIK (`domain.nik.mask_nik`) and no address or phone columns. The export is
    audited either way; call in a writing unit of work and commit.
    """
    actor = uow.reader()
    full = actor.can(Permission.EXPORT_PERSONAL_DATA)
    written = 0
    every = query.__class__(**{**query.__dict__, "offset": 0})

    def rows() -> Iterator[tuple[Any, ...]]:
        nonlocal written
        found = iter_with_nik(uow, every) if full else (
            (r, r.nik_masked) for r in iter_participants(uow, every))
        for r, nik in found:
            written += 1
            head = (r.kpj, nik, r.name, r.birth_date, r.sex)
            tail = (r.occupation, r.segment, r.funding_source, r.partner_code or "",
                    " ".join(r.programs), r.income, r.tmt, r.registered_on, r.status,
                    r.status_reason)
            yield ((*head, r.address, r.village_code, r.village_name, r.phone, *tail) if full
                   else (*head, r.village_code, r.village_name, *tail))

    write_participant_export(path, rows(), personal=full)
    recording.record_event(uow.session, actor, "export_participants", table="participants",
                           note=f"{written} peserta ke {Path(path).name}",
                           details={"full_nik": full, "filters": {
                               k: v for k, v in query.__dict__.items() if v}})
    return written


def write_import_errors(report: ImportReport, path: str | Path) -> Path:
    """The error report of an import: the rejected rows with what is wrong with each."""
    rows = [(r.row, report.rejected_cells.get(r.row, []), r.message)
            for r in report.rows if r.status == REJECTED]
    return write_error_report(path, header=report.header, nik_column=report.columns.get("nik"),
                              rows=rows)
