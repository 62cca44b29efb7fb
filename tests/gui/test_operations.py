"""The one write helper: commits and announces what the service changed once, shows a failure
(nothing committed) unless the caller handles that error type, and a cancel rolls back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from branch_desk.domain.errors import DomainError, ValidationError
from branch_desk.services.partners.registry import PartnerData, add_partner, list_partners
from branch_desk.ui.shell import operations
from branch_desk.ui.shell.operations import BackgroundReadOp, BackgroundWriteOp, WriteOp
from branch_desk.ui.shell.worker import Cancelled
from tests.support.gui import app_context


def _partner(code: str = "PEMKOT") -> PartnerData:
    return PartnerData(code=code, name="Pemerintah Kota Makassar", kind="pemkot",
                       region_code="73.71")


@pytest.fixture
def setup(qtbot, office, monkeypatch):
    """A widget, the admin's context, what the bus announced and what the dialog showed."""
    ctx = app_context(office, "admin")
    parent = QWidget()
    qtbot.addWidget(parent)
    announced: list[frozenset[str]] = []
    ctx.bus.changed.connect(announced.append)
    shown: list[BaseException] = []
    monkeypatch.setattr(operations, "show_error", lambda _parent, exc: shown.append(exc))
    return ctx, parent, announced, shown


def _codes(ctx) -> list[str]:
    with ctx.reading() as uow:
        return [p.code for p in list_partners(uow)]


def test_success_announces_the_changes_once_then_calls_back(setup):
    ctx, parent, announced, shown = setup
    seen: list[object] = []
    op = WriteOp(parent, ctx, lambda uow: add_partner(uow, data=_partner()))
    ok = op.success(lambda row: seen.append((row.code, list(announced)))).run()
    assert ok and not shown
    assert announced == [frozenset({"partners"})]
    assert seen == [("PEMKOT", [frozenset({"partners"})])]  # announced before the callback
    assert _codes(ctx) == ["PEMKOT"]


def test_a_write_that_changes_nothing_announces_nothing(setup):
    ctx, parent, announced, _shown = setup
    assert WriteOp(parent, ctx, lambda uow: list_partners(uow)).run()
    assert announced == []


def test_a_domain_error_is_shown_and_nothing_is_committed(setup):
    ctx, parent, announced, shown = setup
    called: list[object] = []

    def op(uow):
        add_partner(uow, data=_partner())
        raise ValidationError("Nomor telepon tidak sah.", field="phone")

    assert not WriteOp(parent, ctx, op).success(called.append).run()
    assert [str(e) for e in shown] == ["Nomor telepon tidak sah."]
    assert announced == [] and called == [] and _codes(ctx) == []


def test_a_handled_error_type_reaches_the_caller(setup):
    ctx, parent, announced, shown = setup
    handled: list[BaseException] = []
    others: list[BaseException] = []

    def op(uow):
        raise ValidationError("Kode mitra wajib diisi.", field="code")

    ok = (WriteOp(parent, ctx, op).failure(KeyError, others.append)
          .failure(DomainError, handled.append).run())
    assert not ok and shown == [] and others == [] and announced == []
    assert [getattr(e, "field", None) for e in handled] == ["code"]


def test_an_unexpected_error_goes_to_the_error_dialog(setup):
    ctx, parent, _announced, shown = setup
    op = WriteOp(parent, ctx, lambda uow: 1 / 0)
    assert not op.failure(DomainError, lambda exc: None).run()
    assert [type(e) for e in shown] == [ZeroDivisionError]


def test_background_write_commits_and_announces(setup):
    ctx, parent, announced, shown = setup
    steps: list[tuple[int, int]] = []

    def op(uow, progress):
        progress(0, 1, "mitra")
        steps.append((0, 1))
        return add_partner(uow, data=_partner()).code

    results: list[str] = []
    BackgroundWriteOp(parent, ctx, op).success(results.append).run("Menyimpan")
    assert results == ["PEMKOT"] and steps == [(0, 1)] and not shown
    assert announced == [frozenset({"partners"})]


@pytest.mark.parametrize("late", [False, True], ids=["at-a-step", "after-the-last-step"])
def test_cancel_rolls_back(setup, late):
    ctx, parent, announced, shown = setup

    def op(uow, progress):
        add_partner(uow, data=_partner())
        progress.cancel()  # as the Batal button does, from the GUI thread
        if not late:
            progress(1, 2, "")
        return "selesai"

    results: list[str] = []
    BackgroundWriteOp(parent, ctx, op).success(results.append).run("Menyimpan")
    assert [type(e) for e in shown] == [Cancelled]
    assert results == [] and announced == [] and _codes(ctx) == []


def test_background_read_hands_back_its_result_and_announces_nothing(setup):
    ctx, parent, announced, shown = setup
    with ctx.writing() as uow:
        add_partner(uow, data=_partner("PEMKAB"))
        uow.commit()
    results: list[list[str]] = []
    op = BackgroundReadOp(parent, ctx, lambda uow, _progress: [p.code for p in
                                                                list_partners(uow)])
    op.success(results.append).run("Membaca")
    assert results == [["PEMKAB"]] and announced == [] and shown == []
