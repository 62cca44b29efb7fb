"""PDF documents built with reportlab."""
