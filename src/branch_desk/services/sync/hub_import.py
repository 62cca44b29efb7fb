"""A hub imports a whole folder of branch files: in a sensible order, each file in its own
transaction (coverage spells rebuilt with it, by `import_changes`), reporting per file and
carrying on past files already applied or refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import DomainError, ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.services.sync.exchange import import_changes
from branch_desk.services.uow import UnitOfWork
from branch_desk.sync.archive import ArchiveReader
from branch_desk.sync.errors import SyncRejected

ProgressFn = Callable[[int, int, str], None] | None
SUFFIX = ".bdsync"


@dataclass(frozen=True)
class HubFileResult:
    file: str
    source: str
    serial: int
    status: str  # diterapkan | sudah_diimpor | tidak_ada_yang_baru | ditolak
    new: int
    total: int
    conflicts: int
    duplicates: int
    message: str
    reason: str = ""  # SyncRejected.reason when refused


@dataclass
class HubImportReport:
    folder: str
    files: list[HubFileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def applied(self) -> int:
        return self.count("diterapkan")

    @property
    def refused(self) -> int:
        return self.count("ditolak")

    @property
    def new_changes(self) -> int:
        return sum(f.new for f in self.files)

    @property
    def message(self) -> str:
        return (f"{len(self.files)} berkas di {self.folder}: {self.applied} diterapkan "
                f"({f'{self.new_changes:,}'.replace(',', '.')} perubahan baru), "
                f"{self.count('sudah_diimpor') + self.count('tidak_ada_yang_baru')} sudah ada, "
                f"{self.refused} ditolak.")


def _order(path: Path) -> tuple[int, str, int, str]:
    """Per source office by file serial (oldest first); unreadable files last."""
    try:
        with ArchiveReader(path) as reader:
            m = reader.manifest
            return (0, str(m["source"]), int(m["serial"]), path.name)
    except (SyncRejected, KeyError, ValueError, TypeError):
        return (1, "", 0, path.name)


def files_in(folder: Path) -> list[Path]:
    """The sync files of `folder` (`*.bdsync`, not hidden temp files), in import order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"Folder '{folder}' tidak ditemukan.", field="folder")
    found = [p for p in folder.iterdir()
             if p.is_file() and p.suffix == SUFFIX and not p.name.startswith(".")]
    return sorted(found, key=_order)


def import_folder(db: Database, actor: Actor, folder: Path, *,
                  progress: ProgressFn = None) -> HubImportReport:
    """Import every sync file in `folder`, one transaction per file (a refused file leaves
    the database as it was and the next file is still imported)."""
    actor.require(Permission.SYNC)
    paths = files_in(folder)
    report = HubImportReport(str(folder))
    for index, path in enumerate(paths):
        if progress:
            progress(index, len(paths), f"Mengimpor {path.name} ({index + 1}/{len(paths)})")
        try:
            with UnitOfWork(db, actor, write=True) as uow:
                result = import_changes(uow, path=path)
                uow.commit()
        except SyncRejected as exc:
            source, serial = _order(path)[1:3]
            report.files.append(HubFileResult(path.name, source, serial, "ditolak", 0, 0, 0, 0,
                                              str(exc), exc.reason))
            continue
        except DomainError as exc:
            source, serial = _order(path)[1:3]
            report.files.append(HubFileResult(path.name, source, serial, "ditolak", 0, 0, 0, 0,
                                              str(exc), type(exc).__name__))
            continue
        status = ("sudah_diimpor" if result.already_imported
                  else "tidak_ada_yang_baru" if result.new == 0 else "diterapkan")
        report.files.append(HubFileResult(path.name, result.source, result.serial, status,
                                          result.new, result.total, result.conflicts,
                                          result.duplicates, result.message))
    if progress:
        progress(len(paths), len(paths), "Selesai")
    return report
