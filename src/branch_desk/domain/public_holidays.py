"""National public holidays and cuti bersama as a dated table, so that BPJS's payment deadlines
in working days skip them (issue 18 item 16).

One row per day, `valid_from` = `valid_to` = the day. The days are those of the joint decrees
of the Ministers of Religious Affairs, Manpower and PANRB (SKB 3 Menteri) for each year, as the
press and government sites published them. The holidays whose date never moves (Keppres
8/2024 Diktum KESATU: 1 January, 1 May, 1 June, 17 August; Christmas on 25 December in every
SKB) are days off in every year; a year whose SKB is not loaded skips only those:
`calendar_years` says which years are loaded, and the payment deadline says so when it
crosses another year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PublicHoliday:
    """A day off nationwide: a national holiday (libur nasional) or a collective leave day
    (cuti bersama), by the SKB 3 Menteri of its year."""

    valid_from: date
    valid_to: date
    source: str
    name: str
    kind: str  # libur nasional | cuti bersama


_SKB_2025 = "SKB Menag, Menaker, MenPANRB No. 1017/2024, 2/2024, 2/2024"
_SKB_2025_AMENDED = "SKB No. 933/2025, 1/2025, 3/2025 (perubahan SKB 2025)"
_SKB_2026 = "SKB Menag, Menaker, MenPANRB No. 1497/2025, 2/2025, 5/2025"
_SKB_2027 = "SKB Menag, Menaker, MenPANRB No. 1205/2026, 3/2026, 2/2026"
_LIBUR, _CUTI = "libur nasional", "cuti bersama"


def _days(source: str, kind: str, *days: tuple[int, int, int, str]) -> list[PublicHoliday]:
    return [PublicHoliday(date(y, m, d), date(y, m, d), source, name, kind)
            for y, m, d, name in days]


# 2025: 17 national holidays and 10 cuti bersama (SKB of 14 October 2024; tribunkaltim.co
# 03-01-2025, prokalteng.co quoting Sekretariat Kabinet), plus 18 August added by the SKB of
# 7 August 2025 (okezone, cnnindonesia, fajar.co.id 07/08-08-2025).
# 2026: 17 national holidays and 8 cuti bersama (SKB of 19 September 2025; brilio.net,
# lintaspriangan.com, disdiksmg.semarangkota.go.id).
# 2027: 18 national holidays (Isra Mikraj twice: 27 Rajab 1448 and 1449) and 8 cuti bersama
# (SKB of 15 September 2026, as published by setneg.go.id and kemenkopmk.go.id; read in two
# independent copies of its lists, whose 2026 lists match the table above day for day)
# [C, secondary]. As every year, 1 Ramadan, Idulfitri and Iduladha are finally set by the
# Minister of Religious Affairs: a change is a new row here.
PUBLIC_HOLIDAYS: tuple[PublicHoliday, ...] = (
    *_days(_SKB_2025, _LIBUR,
           (2025, 1, 1, "Tahun Baru 2025 Masehi"), (2025, 1, 27, "Isra Mikraj"),
           (2025, 1, 29, "Tahun Baru Imlek 2576"), (2025, 3, 29, "Hari Suci Nyepi"),
           (2025, 3, 31, "Idulfitri 1446 H"), (2025, 4, 1, "Idulfitri 1446 H"),
           (2025, 4, 18, "Wafat Yesus Kristus"), (2025, 4, 20, "Paskah"),
           (2025, 5, 1, "Hari Buruh Internasional"), (2025, 5, 12, "Waisak 2569 BE"),
           (2025, 5, 29, "Kenaikan Yesus Kristus"), (2025, 6, 1, "Hari Lahir Pancasila"),
           (2025, 6, 6, "Iduladha 1446 H"), (2025, 6, 27, "Tahun Baru Islam 1447 H"),
           (2025, 8, 17, "Proklamasi Kemerdekaan"), (2025, 9, 5, "Maulid Nabi Muhammad"),
           (2025, 12, 25, "Kelahiran Yesus Kristus")),
    *_days(_SKB_2025, _CUTI,
           (2025, 1, 28, "Tahun Baru Imlek"), (2025, 3, 28, "Hari Suci Nyepi"),
           (2025, 4, 2, "Idulfitri"), (2025, 4, 3, "Idulfitri"), (2025, 4, 4, "Idulfitri"),
           (2025, 4, 7, "Idulfitri"), (2025, 5, 13, "Waisak"),
           (2025, 5, 30, "Kenaikan Yesus Kristus"), (2025, 6, 9, "Iduladha"),
           (2025, 12, 26, "Kelahiran Yesus Kristus")),
    *_days(_SKB_2025_AMENDED, _CUTI, (2025, 8, 18, "HUT ke-80 Kemerdekaan RI")),
    *_days(_SKB_2026, _LIBUR,
           (2026, 1, 1, "Tahun Baru 2026 Masehi"), (2026, 1, 16, "Isra Mikraj"),
           (2026, 2, 17, "Tahun Baru Imlek 2577"), (2026, 3, 19, "Hari Suci Nyepi"),
           (2026, 3, 21, "Idulfitri 1447 H"), (2026, 3, 22, "Idulfitri 1447 H"),
           (2026, 4, 3, "Wafat Yesus Kristus"), (2026, 4, 5, "Paskah"),
           (2026, 5, 1, "Hari Buruh Internasional"), (2026, 5, 14, "Kenaikan Yesus Kristus"),
           (2026, 5, 27, "Iduladha 1447 H"), (2026, 5, 31, "Waisak 2570 BE"),
           (2026, 6, 1, "Hari Lahir Pancasila"), (2026, 6, 16, "Tahun Baru Islam 1448 H"),
           (2026, 8, 17, "Proklamasi Kemerdekaan"), (2026, 8, 25, "Maulid Nabi Muhammad"),
           (2026, 12, 25, "Kelahiran Yesus Kristus")),
    *_days(_SKB_2026, _CUTI,
           (2026, 2, 16, "Tahun Baru Imlek"), (2026, 3, 18, "Hari Suci Nyepi"),
           (2026, 3, 20, "Idulfitri"), (2026, 3, 23, "Idulfitri"), (2026, 3, 24, "Idulfitri"),
           (2026, 5, 15, "Kenaikan Yesus Kristus"), (2026, 5, 28, "Iduladha"),
           (2026, 12, 24, "Kelahiran Yesus Kristus")),
    *_days(_SKB_2027, _LIBUR,
           (2027, 1, 1, "Tahun Baru 2027 Masehi"), (2027, 1, 5, "Isra Mikraj"),
           (2027, 2, 6, "Tahun Baru Imlek 2578"), (2027, 3, 8, "Hari Suci Nyepi"),
           (2027, 3, 10, "Idulfitri 1448 H"), (2027, 3, 11, "Idulfitri 1448 H"),
           (2027, 3, 26, "Wafat Yesus Kristus"), (2027, 3, 28, "Paskah"),
           (2027, 5, 1, "Hari Buruh Internasional"), (2027, 5, 6, "Kenaikan Yesus Kristus"),
           (2027, 5, 17, "Iduladha 1448 H"), (2027, 5, 20, "Waisak 2571 BE"),
           (2027, 6, 1, "Hari Lahir Pancasila"), (2027, 6, 6, "Tahun Baru Islam 1449 H"),
           (2027, 8, 15, "Maulid Nabi Muhammad"), (2027, 8, 17, "Proklamasi Kemerdekaan"),
           (2027, 12, 25, "Kelahiran Yesus Kristus"), (2027, 12, 26, "Isra Mikraj")),
    *_days(_SKB_2027, _CUTI,
           (2027, 2, 5, "Tahun Baru Imlek"), (2027, 3, 9, "Idulfitri"),
           (2027, 3, 12, "Idulfitri"), (2027, 3, 15, "Idulfitri"),
           (2027, 3, 25, "Wafat Yesus Kristus"), (2027, 5, 18, "Iduladha"),
           (2027, 5, 19, "Waisak"), (2027, 12, 24, "Kelahiran Yesus Kristus")),
)

HOLIDAY_DATES: frozenset[date] = frozenset(h.valid_from for h in PUBLIC_HOLIDAYS)

@dataclass(frozen=True)
class FixedDateHoliday:
    """A national holiday whose date is the same every year, a day off in every year from
    `valid_from`, whether or not that year's SKB is loaded."""

    valid_from: date
    valid_to: date | None
    source: str
    month: int
    day: int
    name: str


# Keppres 8/2024 (Hari-Hari Libur, 29 January 2024) Diktum KESATU names four holidays by date
# (angka 1, 14, 15, 16); Kelahiran Yesus Kristus (angka 7) is 25 December in every SKB (2025,
# 2026). Read in the Keppres' copy on id.scribd.com and as relayed from kemenag.go.id
# (bungopos.com 30-01-2024) [C].
_KEPPRES_8_2024 = "Keppres 8/2024 Diktum KESATU"
FIXED_DATE_HOLIDAYS: tuple[FixedDateHoliday, ...] = tuple(
    FixedDateHoliday(date(2024, 1, 29), None, f"{_KEPPRES_8_2024} angka {item}", m, d, name)
    for item, m, d, name in ((1, 1, 1, "Tahun Baru Masehi"),
                             (16, 5, 1, "Hari Buruh Internasional"),
                             (15, 6, 1, "Hari Lahir Pancasila"),
                             (14, 8, 17, "Proklamasi Kemerdekaan"),
                             (7, 12, 25, "Kelahiran Yesus Kristus")))
_FIXED_DAYS = frozenset((h.month, h.day) for h in FIXED_DATE_HOLIDAYS)


def calendar_years(holidays: tuple[PublicHoliday, ...] = PUBLIC_HOLIDAYS) -> frozenset[int]:
    """The years whose SKB is loaded."""
    return frozenset(h.valid_from.year for h in holidays)


def is_working_day(day: date, holidays: frozenset[date] = HOLIDAY_DATES) -> bool:
    """Monday to Friday and not a national holiday or cuti bersama: those of the loaded SKBs,
    and in any year the holidays whose date is fixed (`FIXED_DATE_HOLIDAYS`)."""
    fixed = day >= FIXED_DATE_HOLIDAYS[0].valid_from and (day.month, day.day) in _FIXED_DAYS
    return day.weekday() < 5 and day not in holidays and not fixed
