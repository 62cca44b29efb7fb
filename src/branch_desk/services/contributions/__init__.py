"""Contributions: payments, rates, schedules, Pemda billing, coverage, targets and Monev."""
