"""Widgets of the Sinkronisasi page: file exchange, review of conflicts and duplicates, digest."""
