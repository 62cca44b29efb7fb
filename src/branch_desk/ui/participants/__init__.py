"""Participant registry widgets: list model, registration form, detail view, import dialog."""
