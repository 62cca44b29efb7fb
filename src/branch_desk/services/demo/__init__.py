"""The demo office, built through the same services as the program."""
