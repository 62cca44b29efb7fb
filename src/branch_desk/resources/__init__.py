"""Packaged resources: fonts, region data, document templates."""
