"""Partner test data: the Maros regency (PEMKAB-MAROS) and its agreement (PKS)."""

from __future__ import annotations

from datetime import date

from branch_desk.services.partners.agreements import AgreementData
from branch_desk.services.partners.registry import PartnerData, add_partner
from tests.support.offices import Office

MAROS = PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros", kind="pemkab",
                    region_code="73.09", head_name="Dr. H.A.S. Chaidir Syam",
                    address="Jl. Asoka No. 1, Turikale, Maros")
PKS = AgreementData(partner_code="PEMKAB-MAROS", signed_on=date(2025, 5, 16), place="Maros",
                    partner_number="400.5/77/PEM/V/2025", workers=13595,
                    budget=2_740_752_000, groups=("pekerja_rentan", "non_asn", "rt_rw"),
                    office_decree="Keputusan Direksi Nomor KEP/211/062024")


def add_maros(office: Office) -> None:
    """Partner PEMKAB-MAROS with only the fields registration needs (added by the admin)."""
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros",
                                          kind="pemkab", region_code="73.09"))
        uow.commit()
