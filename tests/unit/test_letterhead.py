"""The letterhead of the claim papers names the agency once."""

from __future__ import annotations

import pytest

from branch_desk.documents.base import Letterhead


@pytest.mark.parametrize(("title", "printed"), [
    ("Kantor Cabang Maros", "BPJS Ketenagakerjaan Kantor Cabang Maros"),
    ("BPJS Ketenagakerjaan Kantor Cabang Maros", "BPJS Ketenagakerjaan Kantor Cabang Maros"),
    ("Bpjs Ketenagakerjaan Cabang Palopo", "Bpjs Ketenagakerjaan Cabang Palopo"),
])
def test_the_agency_is_named_once(title, printed):
    head = Letterhead.of_agency(title, "Jl. Sudirman 27", "MRS")
    assert (head.title, head.address, head.office_code) == (printed, "Jl. Sudirman 27", "MRS")
