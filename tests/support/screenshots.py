"""Screenshots that tests take or a smoke run saves, each checked to be a real picture: saved
under the test's own folder, or into the folder BRANCH_DESK_SCREENSHOTS names
(`docs/screenshots` when refreshing the documentation)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QWidget

SHOTS_ENV = "BRANCH_DESK_SCREENSHOTS"
MIN_SIZE = (800, 500)  # the main window opens at 1280×760; smaller is a collapsed window
MIN_COLOURS = 16  # text, frames and a table grid; a blank or failed paint has one or two


def _shows_something(rgb: Image.Image, name: str) -> None:
    colours = rgb.getcolors(maxcolors=MIN_COLOURS)
    assert colours is None, f"{name} shows only {len(colours)} colours"


def save_shot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    """Grab `widget` as `name` (a .png) and check that the picture shows something: the
    widget's size, at least MIN_COLOURS colours. A normal run never writes into the
    repository: the picture goes under `tmp_path` unless BRANCH_DESK_SCREENSHOTS is set."""
    folder = Path(os.environ.get(SHOTS_ENV) or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    pixmap = widget.grab()
    assert not pixmap.isNull() and pixmap.save(str(path)), name
    with Image.open(path) as image:
        rgb = image.convert("RGB")
    ratio = pixmap.devicePixelRatio()
    assert rgb.size == (round(widget.width() * ratio), round(widget.height() * ratio)), name
    _shows_something(rgb, name)
    return path


def assert_page_shots(folder: Path, pages: Sequence[str]) -> None:
    """`folder` holds `NN-<key>.png` for each page key in `pages`, in order, and nothing else;
    every picture is of the same window (one size, at least MIN_SIZE), shows something (at
    least MIN_COLOURS colours), and no two pages look the same."""
    expected = [f"{number:02d}-{key}.png" for number, key in enumerate(pages, start=1)]
    assert sorted(p.name for p in folder.glob("*.png")) == expected
    sizes: set[tuple[int, int]] = set()
    pictures: dict[bytes, str] = {}
    for name in expected:
        with Image.open(folder / name) as image:
            rgb = image.convert("RGB")
        sizes.add(rgb.size)
        assert rgb.size[0] >= MIN_SIZE[0] and rgb.size[1] >= MIN_SIZE[1], (name, rgb.size)
        _shows_something(rgb, name)
        pixels = rgb.tobytes()
        assert pixels not in pictures, f"{name} looks the same as {pictures.get(pixels)}"
        pictures[pixels] = name
    assert len(sizes) == 1, sizes
