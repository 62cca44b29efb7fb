"""Registration rules: what a participant record must hold before it is written (DOMAIN §1,
§2.2, §6.1, §7.1) — the NIK and what the officer typed agreeing with it, the segment's
programmes, the declared income, the start of membership (TMT), who funds it, the heirs.

Pure functions over plain values: `today` is always an argument. Each check raises
`ValidationError` with the Indonesian message and the field it concerns.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from branch_desk.domain import regions
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import parse_nik
from branch_desk.domain.programs import FundingSource, Program, Segment, program_problems
from branch_desk.domain.text import clean_name, clean_number

BPU_INCOME_FLOOR = 1_000_000  # DOMAIN §2.2 [C] S13, S14
PROGRAM_ORDER = ("JKK", "JKM", "JHT", "JP", "JKP")
DEFAULT_PROGRAMS = {"PU": ("JKK", "JKM", "JHT", "JP"), "BPU": ("JKK", "JKM"),
                    "JAKON": ("JKK", "JKM"), "PMI": ("JKK", "JKM")}
PEMDA_KINDS = frozenset({"pemprov", "pemkab", "pemkot", "pemdes"})
RELATIONSHIPS = ("suami", "istri", "anak", "ayah", "ibu", "saudara kandung", "kakek", "nenek",
                 "cucu", "mertua", "lainnya")
MIN_REASON_LENGTH = 5
DEATH_PREFIX = "Meninggal dunia"
# What an officer completes after an import: fields a registration may leave empty.
INCOMPLETE_FIELDS = ("village_code", "address", "occupation")


class NameProblem(StrEnum):
    """Why a participant's name cannot be stored."""

    EMPTY = "empty"
    DIGITS = "digits"


class TmtProblem(StrEnum):
    """Why a start of membership (TMT) cannot be accepted."""

    FUTURE = "future"
    BEFORE_BIRTH = "before_birth"


@dataclass(frozen=True)
class Registration:
    """A participant's checked values: NIK digits, the name as stored, birth date and sex
    (from the NIK unless typed), segment, programmes in their usual order, income, TMT."""

    nik: str
    name: str
    birth_date: date
    sex: str
    segment: str
    programs: tuple[str, ...]
    income: int
    tmt: date


@dataclass(frozen=True)
class HeirValues:
    """An heir's checked values, as stored."""

    name: str
    relationship: str
    nik: str
    phone: str
    bank_account: str


def name_problem(name: str) -> NameProblem | None:
    """A name must be given and holds no digits (a digit is a typing or column mistake)."""
    if not name:
        return NameProblem.EMPTY
    if any(ch.isdigit() for ch in name):
        return NameProblem.DIGITS
    return None


def tmt_problem(tmt: date, *, birth_date: date, today: date) -> TmtProblem | None:
    """Membership starts neither after `today` nor before the participant was born."""
    if tmt > today:
        return TmtProblem.FUTURE
    if tmt < birth_date:
        return TmtProblem.BEFORE_BIRTH
    return None


def nik_mismatches(nik: str, birth_date: date | None, sex: str | None, *,
                   today: date) -> list[str]:
    """What the officer entered that disagrees with the NIK (DOMAIN §7.1: digits 7–12 hold
    the birth date, the day plus 40 for women), in Indonesian, for the form."""
    decoded = parse_nik(nik, regions=False, today=today)
    problems = []
    if birth_date is not None and birth_date != decoded.birth_date:
        problems.append(f"Tanggal lahir {birth_date:%d-%m-%Y} tidak sama dengan tanggal lahir "
                        f"pada NIK ({decoded.birth_date:%d-%m-%Y}).")
    if sex and sex != decoded.sex:
        problems.append(f"Jenis kelamin {sex} tidak sama dengan NIK ({decoded.sex}: tanggal "
                        f"lahir {'ditambah 40' if decoded.sex == 'P' else 'tanpa tambahan 40'}).")
    return problems


def ordered_programs(programs: Collection[str]) -> tuple[str, ...]:
    """`programs` in the usual order JKK, JKM, JHT, JP, JKP."""
    return tuple(p for p in PROGRAM_ORDER if p in programs)


def default_programs(segment: Segment) -> tuple[str, ...]:
    """The programmes a segment is enrolled in when none are chosen (DOMAIN §1): PU all but
    JKP, BPU, construction and migrant workers JKK and JKM."""
    return DEFAULT_PROGRAMS[Segment(segment).value]


def default_funding(partner_kind: str | None) -> str:
    """Who pays when the officer does not say (DOMAIN §6.1): a regional government's APBD
    for the workers it registers, an employer, another partner's CSR; without a partner the
    participant (MANDIRI)."""
    if partner_kind is None:
        return FundingSource.MANDIRI.value
    if partner_kind in PEMDA_KINDS:
        return FundingSource.APBD.value
    if partner_kind == "employer":
        return FundingSource.EMPLOYER.value
    return FundingSource.CSR.value


def declared_income(income: int | None, segment: Segment) -> int:
    """The monthly income contributions are computed on: a BPU worker without a declared
    income is registered on the floor of Rp1.000.000 (DOMAIN §2.2); other segments must
    give the wage."""
    if income is None:
        if segment is not Segment.BPU:
            raise ValidationError("Upah sebulan wajib diisi untuk segmen ini.", field="income")
        return BPU_INCOME_FLOOR
    if int(income) <= 0:
        raise ValidationError("Penghasilan/upah harus lebih dari Rp0.", field="income")
    return int(income)


def check_registration(*, nik: str, name: str, birth_date: date | None, sex: str | None,
                       segment: str, programs: Collection[str] | None, income: int | None,
                       tmt: date | None, today: date,
                       allow_nik_mismatch: bool = False) -> Registration:
    """Check and clean what the officer entered for a participant, in the order the form
    reports problems. Birth date and sex come from the NIK when not given, the programmes
    from the segment, TMT is `today` when not given."""
    decoded = parse_nik(nik, today=today)
    clean = clean_name(name)
    problem = name_problem(clean)
    if problem is NameProblem.EMPTY:
        raise ValidationError("Nama peserta wajib diisi.", field="name")
    if problem is NameProblem.DIGITS:
        raise ValidationError(f"Nama '{clean}' berisi angka; periksa kembali.", field="name")
    if sex is not None and sex not in ("L", "P"):
        raise ValidationError("Jenis kelamin harus L atau P.", field="sex")
    if not allow_nik_mismatch:
        problems = nik_mismatches(decoded.value, birth_date, sex, today=today)
        if problems:
            field = "birth_date" if birth_date not in (None, decoded.birth_date) else "sex"
            raise ValidationError(" ".join(problems) + " Periksa KTP.", field=field)
    birth = birth_date or decoded.birth_date
    if birth > today:
        raise ValidationError("Tanggal lahir tidak boleh di masa depan.", field="birth_date")
    try:
        chosen_segment = Segment(segment.strip().upper())
    except ValueError:
        raise ValidationError(f"Segmen '{segment}' tidak dikenal; pilih PU, BPU, JAKON "
                              "atau PMI.", field="segment") from None
    wanted = programs if programs is not None else frozenset(default_programs(chosen_segment))
    try:
        as_programs = frozenset(Program(p.strip().upper()) for p in wanted)
    except ValueError:
        raise ValidationError(f"Program tidak dikenal: {', '.join(sorted(wanted))}.",
                              field="programs") from None
    problems = program_problems(chosen_segment, as_programs)
    if problems:
        raise ValidationError(" ".join(problems), field="programs")
    amount = declared_income(income, chosen_segment)
    start = tmt or today
    late = tmt_problem(start, birth_date=birth, today=today)
    if late is TmtProblem.FUTURE:
        raise ValidationError("Tanggal mulai kepesertaan (TMT) tidak boleh di masa depan.",
                              field="tmt")
    if late is TmtProblem.BEFORE_BIRTH:
        raise ValidationError("TMT tidak boleh sebelum tanggal lahir.", field="tmt")
    return Registration(decoded.value, clean, birth, sex or decoded.sex, chosen_segment.value,
                        ordered_programs({p.value for p in as_programs}), amount, start)


def funding_source(chosen: str | None, *, partner_kind: str | None) -> str:
    """The funding source of a participant funded by a partner of `partner_kind` (None: no
    partner): `chosen`, else the default; anything but MANDIRI needs a funding partner."""
    funding = chosen if chosen is not None else default_funding(partner_kind)
    try:
        value = FundingSource(funding.strip().upper()).value
    except ValueError:
        raise ValidationError(f"Sumber dana '{funding}' tidak dikenal.",
                              field="funding_source") from None
    if value != FundingSource.MANDIRI.value and partner_kind is None:
        raise ValidationError("Sumber dana selain mandiri memerlukan mitra pendana.",
                              field="partner_code")
    return value


def village_code(code: str) -> str:
    """A participant lives in a village (desa/kelurahan) of the Kemendagri list (DOMAIN
    §7.3); its canonical code."""
    if not code or not code.strip():
        raise ValidationError("Desa/kelurahan wajib dipilih.", field="village_code")
    try:
        found = regions.region(code)
    except ValidationError as exc:
        raise ValidationError(exc.message, field="village_code") from None
    if found is None or found.level != "desa":
        raise ValidationError(f"Kode desa/kelurahan '{code}' tidak ada dalam daftar wilayah "
                              "Kemendagri.", field="village_code")
    return found.code


def check_heir(*, name: str, relationship: str, nik: str = "", phone: str = "",
               bank_account: str = "", today: date) -> HeirValues:
    """An heir (ahli waris) needs a name and one of the known relationships; a NIK, when
    given, must be a valid NIK."""
    clean = clean_name(name)
    if not clean:
        raise ValidationError("Nama ahli waris wajib diisi.", field="heirs")
    kin = relationship.strip().lower()
    if kin not in RELATIONSHIPS:
        raise ValidationError(f"Hubungan ahli waris '{relationship}' tidak dikenal; pilih "
                              f"salah satu: {', '.join(RELATIONSHIPS)}.", field="heirs")
    digits = parse_nik(nik, regions=False, today=today).value if nik.strip() else ""
    return HeirValues(clean, kin, digits, clean_number(phone)[:40], bank_account.strip())


def status_reason(reason: str, *, what: str = "penonaktifan") -> str:
    """A participant's status changes (deactivation, reactivation, death, NIK correction)
    only with a reason of at least five letters; `what` names the change in the message."""
    clean = clean_name(reason)
    if len(clean) < MIN_REASON_LENGTH:
        raise ValidationError(f"Alasan {what} wajib diisi (minimal 5 huruf).", field="reason")
    return clean


def deactivation_reason(reason: str) -> str:
    """A participant is made inactive only with a reason of at least five letters."""
    return status_reason(reason, what="penonaktifan")


def death_reason(died_on: date, reason: str, *, birth_date: date, today: date) -> str:
    """The status reason of a participant who died on `died_on`: "Meninggal dunia
    dd-mm-yyyy: reason". A death is neither in the future nor before the birth."""
    if died_on > today:
        raise ValidationError("Tanggal meninggal tidak boleh di masa depan.", field="died_on")
    if died_on < birth_date:
        raise ValidationError("Tanggal meninggal tidak boleh sebelum tanggal lahir.",
                              field="died_on")
    clean = status_reason(reason, what="pencatatan kematian")
    return f"{DEATH_PREFIX} {died_on:%d-%m-%Y}: {clean}"


def is_deceased(status: str, reason: str) -> bool:
    """Whether a participant's status records their death (`death_reason`)."""
    return status == "nonaktif" and reason.startswith(DEATH_PREFIX + " ")


def missing_fields(*, village_code: str, address: str, occupation: str) -> tuple[str, ...]:
    """What a participant's record still lacks, in the order of INCOMPLETE_FIELDS (a Pemda
    import leaves a village it could not place empty; birth date and sex always come from
    the NIK, so they are never missing)."""
    values = {"village_code": village_code, "address": address, "occupation": occupation}
    return tuple(f for f in INCOMPLETE_FIELDS if not (values[f] or "").strip())

