"""Beranda: the office's figures at a glance."""
