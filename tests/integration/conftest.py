"""Fixtures of the hub tests: a region of branch offices and a hub, on each engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.test_hub_support import drop_hub, hub_target, region


@pytest.fixture
def offices(hub_engine: str, tmp_path: Path) -> Iterator[dict[str, object]]:
    """The hub and its branches (`region`), on the engine `hub_engine` names; a module
    with an `offices` fixture of its own (the sync tests) uses that instead."""
    target = hub_target(hub_engine, tmp_path)
    made = region(target, tmp_path / "region")
    yield made
    for office in made.values():
        office.db.dispose()  # type: ignore[attr-defined]
    drop_hub(target)
