"""Pengaturan: office identity, users, backups and the audit browser."""
