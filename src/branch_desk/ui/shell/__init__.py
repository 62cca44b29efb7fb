"""The program's shell: application start, login, main window, background work, errors."""
