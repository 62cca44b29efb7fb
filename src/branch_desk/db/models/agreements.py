"""Cooperation agreements (PKS) and award certificates (issue 6)."""
