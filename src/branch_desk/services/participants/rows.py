"""Plain values of the participant registry: inputs (`…Data`) and outputs (`…Row`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from branch_desk.domain.errors import DuplicateError

T = TypeVar("T")


@dataclass(frozen=True)
class HeirData:
    """An heir (ahli waris) named at registration."""

    name: str
    relationship: str  # suami, istri, anak, ayah, ibu, saudara kandung, …
    nik: str = ""
    phone: str = ""
    bank_account: str = ""


@dataclass(frozen=True)
class ParticipantData:
    """What an officer enters (or a Pemda sheet gives) for one participant.

    `birth_date`/`sex` None: taken from the NIK. `tmt` None: the registration date.
    `programs` None: the segment's usual programmes (BPU JKK+JKM, PU JKK+JKM+JHT+JP).
    `income` None: for BPU the income floor (Rp1.000.000), otherwise required.
    `funding_source` None: APBD when a Pemda partner funds it, else MANDIRI.
    """

    nik: str
    name: str
    village_code: str
    birth_date: date | None = None
    sex: str | None = None  # L | P
    segment: str = "BPU"
    occupation: str = ""
    address: str = ""
    phone: str = ""
    partner_code: str | None = None
    funding_source: str | None = None
    programs: frozenset[str] | None = None
    income: int | None = None
    tmt: date | None = None
    heirs: tuple[HeirData, ...] = ()


@dataclass(frozen=True)
class ParticipantChanges:
    """What an officer corrects in a registered participant's data (`edit_participant`);
    None keeps the stored value. `partner_code` "" leaves the participant without a funding
    partner (mandiri). The NIK is corrected apart, with a reason (`correct_nik`)."""

    name: str | None = None
    village_code: str | None = None
    address: str | None = None
    phone: str | None = None
    occupation: str | None = None
    income: int | None = None
    birth_date: date | None = None
    sex: str | None = None
    partner_code: str | None = None


@dataclass(frozen=True)
class ParticipantRow:
    """A participant as lists show it: the NIK is masked here, always."""

    id: str
    kpj: str
    nik_masked: str
    name: str
    birth_date: date
    sex: str
    village_code: str
    village_name: str
    address: str
    phone: str
    occupation: str
    segment: str
    funding_source: str
    partner_code: str | None
    programs: tuple[str, ...]
    income: int
    tmt: date
    registered_on: date
    status: str  # aktif | nonaktif
    status_reason: str
    version: int


@dataclass(frozen=True)
class IncompleteRow:
    """A participant whose record still misses something (`missing`: field names of
    `domain.registration.INCOMPLETE_FIELDS`, in that order)."""

    row: ParticipantRow
    missing: tuple[str, ...]


@dataclass(frozen=True)
class HeirRow:
    id: str
    name: str
    relationship: str
    nik_masked: str
    phone: str
    bank_account: str


@dataclass(frozen=True)
class EnrolmentRow:
    id: str
    program: str
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class HistoryRow:
    """One entry of a participant's history, from the audit log."""

    at: datetime
    username: str
    table: str  # participants | heirs | enrolments
    action: str  # insert | update | delete | view_nik | …
    status: str | None  # the participant's status after the change, when it changed
    changes: tuple[tuple[str, str | None, str | None], ...] = ()  # (field, before, after)
    note: str = ""


@dataclass(frozen=True)
class DuplicateCandidate:
    """An existing participant that is probably the person being registered."""

    id: str
    kpj: str
    name: str
    birth_date: date
    village_name: str
    nik_masked: str
    reason: str


class LikelyDuplicateError(DuplicateError):
    """Registration held back: the officer must look at `candidates` and decide."""

    def __init__(self, message: str, *, candidates: tuple[DuplicateCandidate, ...]) -> None:
        super().__init__(message, existing_id=candidates[0].id if candidates else None,
                         field="name")
        self.candidates = candidates


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a query; `has_more` says whether a next page exists (no count)."""

    rows: tuple[T, ...]
    offset: int
    limit: int
    has_more: bool

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class ParticipantQuery:
    """Search and filters of the participant list.

    `text`: digits search the NIK by prefix (11 digits also the KPJ exactly); letters
    search names by prefix, then by whole words inside names; case/accent-insensitive.
    `status` filters the coverage status (see `participants.queries.COVERAGE_NOTE`).
    `sort` is one of SORT_KEYS; "" means the natural order of the search.
    """

    text: str = ""
    segment: str | None = None
    program: str | None = None
    partner_code: str | None = None
    status: str | None = None
    village_code: str | None = None  # a village, or a district/regency code prefix
    sort: str = ""
    descending: bool = False
    offset: int = 0
    limit: int = 50
