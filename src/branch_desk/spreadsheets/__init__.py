"""Spreadsheets in and out: lists read through `workbook_reader` (xlsx behind `xlsx_guard`,
xls, CSV), every xlsx written through `xlsx_writer` (openpyxl)."""
