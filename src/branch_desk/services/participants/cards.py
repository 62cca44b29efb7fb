"""Member cards (kartu peserta) for one participant or a partner's whole list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from branch_desk.documents.member_card import CardData, build_cards
from branch_desk.domain.errors import NotFound
from branch_desk.domain.permissions import Permission
from branch_desk.services.admin.offices import office_row
from branch_desk.services.participants.queries import iter_participants
from branch_desk.services.participants.registry import find_participant
from branch_desk.services.participants.rows import ParticipantQuery, ParticipantRow
from branch_desk.services.partners import verification
from branch_desk.services.uow import UnitOfWork

MAX_BATCH = 20_000


def card_data(uow: UnitOfWork, row: ParticipantRow, office_name: str) -> CardData:
    """The card of `row`, with its verification string issued (and recorded) now."""
    uow.reader()
    programs = ", ".join(row.programs) or "—"
    summary = {"kpj": row.kpj, "nama": row.name, "nik": row.nik_masked, "program": programs,
               "tmt": row.tmt.isoformat()}
    text = verification.issue(uow, kind="kartu", number=row.kpj, summary=summary)
    return CardData(row.name, row.kpj, row.nik_masked, row.programs, row.tmt, row.status,
                    row.status_reason, row.segment, office_name, text)


def print_card(uow: UnitOfWork, *, nik_or_kpj: str, out: str | Path) -> Path:
    """One card on a card-sized page. Call in a writing unit of work and commit."""
    uow.actor_required.require(Permission.PRINT_DOCUMENTS)
    row = find_participant(uow, nik_or_kpj)
    office = office_row(uow)
    return build_cards(out, [card_data(uow, row, office.name)], batch=False,
                       title=f"Kartu peserta {row.kpj}")


def print_cards(uow: UnitOfWork, *, query: ParticipantQuery, out: str | Path,
                progress: Callable[[int, int, str], None] | None = None) -> int:
    """Cards of every active participant matching `query` (e.g. a partner's list), ten per
    A4 page with cut marks; returns how many. Writing unit of work; commit after."""
    uow.actor_required.require(Permission.PRINT_DOCUMENTS)
    office = office_row(uow)
    rows = list(iter_participants(uow, ParticipantQuery(**{
        **query.__dict__, "status": "aktif", "offset": 0})))
    if not rows:
        raise NotFound("Tidak ada peserta aktif untuk dicetak kartunya.", field="partner")
    if len(rows) > MAX_BATCH:
        raise NotFound(f"Terlalu banyak kartu sekaligus ({len(rows)}); batasi dengan filter "
                       f"(maks. {MAX_BATCH}).", field="partner")
    cards = []
    for index, row in enumerate(rows):
        if progress and index % 200 == 0:
            progress(index, len(rows), f"Menyiapkan kartu {index + 1} dari {len(rows)}…")
        cards.append(card_data(uow, row, office.name))
    title = "Kartu peserta"
    if query.partner_code:
        title += f" {query.partner_code.upper()}"
    build_cards(out, cards, batch=True, title=title)
    return len(cards)
