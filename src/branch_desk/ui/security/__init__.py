"""Security screens: the audit browser, the backup panel and the idle screen lock."""
