"""Alembic migrations owning the schema."""
