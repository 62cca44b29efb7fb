"""Sync files: export for a peer office, import (with a dry-run preview) — Permission.SYNC.

An import is applied by `sync`; this service then rebuilds the coverage spells of the
participants it touched, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from branch_desk.domain.permissions import Permission
from branch_desk.services.contributions.coverage import rebuild_spells
from branch_desk.services.uow import UnitOfWork
from branch_desk.sync.exchange import ExportResult, ImportResult
from branch_desk.sync.exchange import export as _export
from branch_desk.sync.exchange import import_file as _import

ProgressFn = Callable[[int, int, str], None] | None


def export_changes(uow: UnitOfWork, *, target: str, out: Path,
                   progress: ProgressFn = None) -> ExportResult:
    """Write every change `target` has not acknowledged to `out` (atomically). Commit after."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    return _export(uow.session, actor, target=target, out=Path(out), progress=progress)


def import_changes(uow: UnitOfWork, *, path: Path, progress: ProgressFn = None) -> ImportResult:
    """Verify and apply a sync file in this unit of work, with the coverage spells of the
    participants it touched; the caller commits (all or nothing)."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    result, touched = _import(uow.session, actor, Path(path), dry_run=False, progress=progress)
    uow.mark_changed(*result.tables)  # applied around the ORM
    if touched:
        rebuild_spells(uow, participant_ids=sorted(touched))
    return result


def preview_import(uow: UnitOfWork, *, path: Path, progress: ProgressFn = None) -> ImportResult:
    """What importing `path` would do (new, updated, conflicts, duplicates). Never commits:
    the unit of work is rolled back when its block ends."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    result, _touched = _import(uow.session, actor, Path(path), dry_run=True, progress=progress)
    return result
