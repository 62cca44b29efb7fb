"""Offline synchronisation between offices through export files."""
