"""Branch Desk: offline desktop program for BPJS Ketenagakerjaan branch offices."""

__version__ = "0.1.0"
