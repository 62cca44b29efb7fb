"""Widgets of the "Mitra & Dokumen" page: partner and agreement forms, overview, documents."""
