"""How the head of a partner is titled on papers: "Bupati Maros", "Wali Kota Palopo",
"Gubernur Sulawesi Selatan", "Kepala Desa Bontoa", "Direktur PT Sinar Laut".

The head's title is entered either bare ("Bupati") or whole ("Bupati Maros"); papers need it
whole and only once, never "Bupati Maros Kabupaten Maros" or "Bupati Maros Maros".
"""

from __future__ import annotations

from branch_desk.domain.regions import Region

# The usual title of a partner's head, by kind of partner (a blank title takes this one).
HEAD_TITLES: dict[str, str] = {
    "pemprov": "Gubernur", "pemkab": "Bupati", "pemkot": "Wali Kota", "pemdes": "Kepala Desa",
    "employer": "Direktur", "organisation": "Ketua",
}
_REGION_KINDS = ("Kabupaten ", "Kota ", "Provinsi ")


def short_region_name(region: Region | None) -> str:
    """A region's name without its kind: "Kabupaten Maros" → "Maros", "Kota Palopo" →
    "Palopo"; a village or district name as it is."""
    if region is None:
        return ""
    name = region.name
    for kind in _REGION_KINDS:
        name = name.removeprefix(kind)
    return name


def official_title(*, kind: str, head_title: str, region: Region | None,
                   partner_name: str) -> str:
    """The head's whole title, naming the region (or the organisation) once.

    Regional governments and villages are named by their region ("Bupati" + Maros); employers
    and organisations by their own name ("Direktur" + "PT Sinar Laut"). A title that already
    names its region or organisation is kept as typed."""
    title = " ".join((head_title or HEAD_TITLES.get(kind, "")).split())
    if kind in ("employer", "organisation"):
        place = partner_name.strip()
    else:
        place = short_region_name(region)
    if not place or place.casefold() in title.casefold():
        return title
    return f"{title} {place}".strip()
