"""Helpers shared between test modules (fixtures stay in the conftest.py files)."""
