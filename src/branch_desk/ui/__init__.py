"""PySide6 user interface: windows, pages, dialogs and item models over service queries."""
