"""Synchronisation state: peers and their acknowledged vectors, conflicts, duplicate cases."""
