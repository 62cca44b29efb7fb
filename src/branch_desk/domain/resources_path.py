"""Locate files shipped in ``branch_desk.resources`` (also from a source checkout)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a packaged resource, e.g. ``("wilayah", "x.csv")``.

    Uses the installed package ``branch_desk.resources``; when that is not importable
    (a checkout before packaging is set up) falls back to the top-level ``resources/``
    folder of the repository. The path is not checked for existence.
    """
    try:
        root = resources.files("branch_desk.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3].joinpath("resources", *parts)
    for part in parts:
        root = root.joinpath(part)
    # Resources are always unpacked files (no zip imports), so the Traversable is a real path.
    return Path(str(root))
