"""Coverage targets: the target workforce of a region for a year (Kemendagri targets)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from branch_desk.db.models.contributions import CoverageTarget
from branch_desk.domain import regions
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class TargetRow:
    region_code: str
    region_name: str
    year: int
    workers: int


def _region(code: str) -> str:
    try:
        found = regions.region(code)
    except ValidationError:
        found = None
    if found is None:
        raise ValidationError(f"Kode wilayah '{code}' tidak ada dalam daftar Kemendagri.",
                              field="region_code")
    return found.code


def set_target(uow: UnitOfWork, *, region_code: str, year: int, workers: int) -> TargetRow:
    """Enter or change the target workforce of a region for a year."""
    uow.actor_required.require(Permission.MANAGE_TARGETS)
    code = _region(region_code)
    if not 2000 <= year <= 2100:
        raise ValidationError("Tahun target harus empat angka (mis. 2025).", field="year")
    if workers <= 0:
        raise ValidationError("Target jumlah pekerja harus lebih dari nol.", field="workers")
    row = uow.session.scalar(select(CoverageTarget).where(
        CoverageTarget.region_code == code, CoverageTarget.year == year))
    if row is None:
        row = CoverageTarget(region_code=code, year=year, workers=workers)
        uow.session.add(row)
    else:
        row.workers, row.deleted = workers, False
    uow.flush()
    return TargetRow(code, regions.full_name(code), year, workers)


def list_targets(uow: UnitOfWork, *, year: int | None = None) -> list[TargetRow]:
    stmt = select(CoverageTarget).where(CoverageTarget.deleted.is_(False)).order_by(
        CoverageTarget.year.desc(), CoverageTarget.region_code)
    if year is not None:
        stmt = stmt.where(CoverageTarget.year == year)
    return [TargetRow(t.region_code, regions.full_name(t.region_code), t.year, t.workers)
            for t in uow.session.scalars(stmt)]
