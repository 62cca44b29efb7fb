"""Participants: registering, importing, finding and printing the registry."""
