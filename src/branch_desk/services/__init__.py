"""Use cases: transactions, permissions, audit and change log around the domain rules."""
