"""The PKS document of an agreement: the office's template texts and the PDF filled from
the database (the wording itself is `documents.agreement_text`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from branch_desk.config import data_dir
from branch_desk.documents.agreement import AgreementContent, Templates, render_agreement
from branch_desk.documents.agreement_text import AgreementFacts, agreement_values
from branch_desk.services.admin.offices import office_row
from branch_desk.services.partners.agreements import AgreementRow, get_agreement
from branch_desk.services.partners.verification import verification_text
from branch_desk.services.uow import UnitOfWork


def templates() -> Templates:
    """The office's edited texts (`<data dir>/templates/pks/`) over the packaged ones."""
    return Templates([data_dir() / "templates" / "pks"])


def _facts(uow: UnitOfWork, row: AgreementRow) -> AgreementFacts:
    office = office_row(uow)
    return AgreementFacts(
        row.number, row.partner_number, row.subject, row.signed_on, row.place,
        row.partner_name, row.partner_address, row.partner_region, row.partner_signatory,
        row.partner_position, row.partner_decree, row.office_signatory, row.office_position,
        row.office_decree, office.name, office.address, row.programs, row.group_labels,
        row.workers, row.budget, row.budget_source, row.start_date, row.end_date,
        row.renews_number)


def agreement_pdf(uow: UnitOfWork, number: str, *,
                  template_dirs: Sequence[Path] | None = None) -> bytes:
    """The PKS document of agreement `number` as PDF bytes (templates filled from the
    database; `template_dirs` overrides where edited texts are looked up)."""
    uow.reader()
    row = get_agreement(uow, number)
    chosen = Templates(template_dirs) if template_dirs is not None else templates()
    content = AgreementContent(
        number=row.number, partner_number=row.partner_number,
        values=agreement_values(_facts(uow, row)), partner_position=row.partner_position,
        partner_signatory=row.partner_signatory, office_position=row.office_position,
        office_signatory=row.office_signatory,
        qr_text=verification_text(uow, kind="pks", number=row.number))
    return render_agreement(content, chosen)
