"""Shared interface pieces: table model, PDF preview, formatting, unsaved-work questions."""
