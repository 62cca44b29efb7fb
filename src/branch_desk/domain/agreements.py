"""Cooperation agreement (PKS) statuses and the words an officer reads for them."""

from __future__ import annotations

STATUSES = ("aktif", "diperpanjang", "berakhir", "dibatalkan")
STATUS_LABELS = {"aktif": "Aktif", "diperpanjang": "Diperpanjang", "berakhir": "Berakhir",
                 "dibatalkan": "Dibatalkan"}
