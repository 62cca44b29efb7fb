"""Which column of a partner's lists holds which field, as the officer last said: remembered
per partner (a setting of this office's database) and applied to the partner's next list
wherever that list has the same headers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from branch_desk.db.models.core import Setting
from branch_desk.domain.errors import HeaderNotFoundError, ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.uow import UnitOfWork
from branch_desk.spreadsheets.participants_reader import (
    FIELD_LABELS,
    FIELDS,
    read_participant_sheet,
)

_PREFIX = "import_columns:"
HEADER_LENGTH = 200


def _key(uow: UnitOfWork, partner_code: str) -> str:
    return _PREFIX + partner_by_code(uow, partner_code).id


def column_mapping(uow: UnitOfWork, *, partner_code: str) -> dict[str, str]:
    """The partner's remembered mapping, field → header text (empty when none)."""
    row = uow.session.get(Setting, _key(uow, partner_code))
    if row is None:
        return {}
    try:
        stored = json.loads(row.value)
    except ValueError:
        return {}
    return {f: h for f, h in stored.items() if f in FIELDS and isinstance(h, str) and h} \
        if isinstance(stored, dict) else {}


def check_mapping(mapping: dict[str, str]) -> dict[str, str]:
    """`mapping` with headers tidied; ValidationError for an unknown field, an empty or
    overlong header, or one header given to two fields."""
    tidy: dict[str, str] = {}
    for field, header in mapping.items():
        if field not in FIELDS:
            raise ValidationError(f"Kolom '{field}' tidak dikenal; pilih salah satu: "
                                  f"{', '.join(FIELDS)}.", field="columns")
        text = " ".join(str(header).split())
        if not text:
            raise ValidationError(f"Judul kolom untuk {FIELD_LABELS[field]} kosong.",
                                  field="columns")
        if len(text) > HEADER_LENGTH:
            raise ValidationError(f"Judul kolom untuk {FIELD_LABELS[field]} terlalu panjang "
                                  f"(paling banyak {HEADER_LENGTH} karakter).", field="columns")
        if text.casefold() in (h.casefold() for h in tidy.values()):
            raise ValidationError(f"Judul kolom '{text}' tidak boleh dipilih untuk lebih dari "
                                  "satu isian.",
                                  field="columns")
        tidy[field] = text
    return tidy


def save_column_mapping(uow: UnitOfWork, *, partner_code: str,
                        mapping: dict[str, str]) -> dict[str, str]:
    """Remember `mapping` (field → header text) for the partner's next lists; an empty
    mapping forgets it. The caller commits."""
    uow.actor_required.require(Permission.IMPORT_PARTICIPANTS)
    tidy = check_mapping(mapping)
    key = _key(uow, partner_code)
    row = uow.session.get(Setting, key)
    if not tidy:
        if row is not None:
            uow.session.delete(row)
        return {}
    value = json.dumps(tidy, ensure_ascii=False, sort_keys=True)
    if row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value
    return tidy


@dataclass(frozen=True)
class ListHeadersRow:
    """The headers of a list's sheet and what each is taken for, for the officer to map."""

    sheet: str
    sheets: tuple[str, ...]
    headers: tuple[str, ...]  # the header cells as written ("" for an empty one)
    mapping: dict[str, str]  # field → header, as the import would read it now
    found: bool  # a header naming NIK and Nama was found


def list_headers(uow: UnitOfWork, path: str | Path, *, partner_code: str,
                 sheet_name: str | None = None,
                 columns: dict[str, str] | None = None) -> ListHeadersRow:
    """Read only the header of a list: its sheets, its header cells and the mapping the
    import would use (the spellings known, the partner's remembered mapping, `columns`)."""
    uow.actor_required.require(Permission.IMPORT_PARTICIPANTS)
    remembered = column_mapping(uow, partner_code=partner_code)
    try:
        sheet = read_participant_sheet(path, sheet=sheet_name, columns=check_mapping(
            columns or {}), remembered=remembered)
    except HeaderNotFoundError as missing:
        return ListHeadersRow(missing.sheet, missing.sheets, missing.headers, {}, False)
    return ListHeadersRow(sheet.sheet, sheet.sheets, sheet.header, sheet.mapping(), True)
