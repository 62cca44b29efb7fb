"""`audit verify` at the regional hub, on SQLite and on PostgreSQL: after importing and
relaying every branch's files nothing is reported; a row changed with SQL outside the
program (psql at the hub) is named."""

from __future__ import annotations

from sqlalchemy import text

from branch_desk.services.admin.audit import verify_audit_chain
from branch_desk.services.sync.hub_import import import_folder
from tests.support.hub import HUB, PARTNERS, branch_work, export_to, import_file, reading


def _verify(office):
    with reading(office) as uow:
        return verify_audit_chain(uow)


def test_hub_and_branches_after_import_and_relay_are_intact_then_an_sql_edit_is_named(
        offices, tmp_path):
    inbox = tmp_path / "inbox"
    for code in PARTNERS:
        branch_work(offices[code], code)
        export_to(offices[code], HUB, inbox / f"{code}-ke-{HUB}-1.bdsync")
    import_folder(offices[HUB].db, offices[HUB].actors["admin"], inbox)
    for code in PARTNERS:
        out = export_to(offices[HUB], code, tmp_path / "outbox" / f"{HUB}-ke-{code}.bdsync")
        import_file(offices[code], out.path)
    for code, office in offices.items():
        result = _verify(office)
        assert result.ok, (code, [p.message for p in result.problems])
    hub = offices[HUB]
    assert _verify(hub).rows_checked > 20
    # an administrator of the hub's server edits a branch's participant with SQL
    with hub.db.engine.begin() as conn:
        row_id, name = conn.execute(text(
            "SELECT id, name FROM participants WHERE origin_office = 'PKJ' ORDER BY id "
            "LIMIT 1")).one()
        conn.execute(text("UPDATE participants SET name = 'Nama Palsu' WHERE id = :id"),
                     {"id": row_id})
    result = _verify(hub)
    (problem,) = result.problems
    assert (problem.kind, problem.table, problem.row_id, problem.field) == (
        "row_changed", "participants", row_id, "name")
    assert (problem.recorded, problem.found) == (name, "Nama Palsu")
