"""xlsx reading (python-calamine) and writing (openpyxl)."""
