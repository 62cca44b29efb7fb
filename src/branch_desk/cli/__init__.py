"""Command-line interface: the same use cases as the GUI, scriptable, with --json output."""
