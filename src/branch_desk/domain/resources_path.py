"""Locate files shipped in ``branch_desk.resources``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a packaged resource, e.g. ``("wilayah", "x.csv")``.
    The path is not checked for existence."""
    root = resources.files("branch_desk.resources")
    for part in parts:
        root = root.joinpath(part)
    # Resources are always unpacked files (no zip imports), so the Traversable is a real path.
    return Path(str(root))
