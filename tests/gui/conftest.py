"""Fixtures of the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The interface language of one walk (parametrized indirectly; Indonesian by default);
    Indonesian again afterwards."""
    from branch_desk.ui.shell.i18n import install_language
    from branch_desk.ui.shell.startup import application

    chosen = getattr(request, "param", "id")
    install_language(application(), chosen)
    yield chosen
    install_language(application(), "id")
