"""Contributions: payments ledger, Pemda bills, coverage targets (issue 4)."""
