"""Claims, their documents, recipients, benefit lines and workflow events (issue 5)."""
