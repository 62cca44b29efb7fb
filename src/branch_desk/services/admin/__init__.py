"""Administration: the office, users, audit log, backups and personal-data requests."""
