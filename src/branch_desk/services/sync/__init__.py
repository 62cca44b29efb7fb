"""Synchronisation use cases: file exchange, office identity and trust, review, the regional hub."""
