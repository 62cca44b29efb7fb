"""Widgets of the Klaim page: claims table model, intake form and claim detail."""
