"""Alembic owns the schema: upgrades keep data, make a backup first, refuse newer schemas."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from branch_desk.db.backup import integrity_ok
from branch_desk.db.engine import Database
from branch_desk.db.migrate import SchemaTooNewError, current_revision, head_revision, upgrade
from branch_desk.db.models import Base


def test_first_revision_with_data_upgrades_to_head(tmp_path):
    db = Database(tmp_path / "old.db")
    upgrade(db, revision="0001")
    assert current_revision(db) == "0001"
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.execute(
            "INSERT INTO partners (id, origin_office, created_at, updated_at, updated_by, "
            "lamport, deleted, version, code, name, kind, region_code, head_name, head_title, "
            "address, phone, email, contact_person, npwp) VALUES ('p1', 'MRS', "
            "'2025-01-01 00:00:00', '2025-01-01 00:00:00', 'admin', 1, 0, 1, 'PEMKAB-MAROS', "
            "'Pemerintah Kabupaten Maros', 'pemkab', '73.09', '', 'Bupati', '', '', '', '', '')")
        conn.execute(
            "INSERT INTO participants (id, origin_office, created_at, updated_at, updated_by, "
            "lamport, deleted, version, nik, kpj, name, name_search, birth_date, sex, address, "
            "village_code, phone, occupation, segment, funding_source, partner_id, income, tmt, "
            "registered_on, status, status_reason) VALUES ('x1', 'MRS', '2025-01-01 00:00:00', "
            "'2025-01-01 00:00:00', 'admin', 2, 0, 1, '7309014505900001', '10000000018', "
            "'Siti Aminah', 'siti aminah', '1990-05-05', 'P', 'Dusun I', '73.09.01.2001', '', "
            "'petani', 'BPU', 'APBD', 'p1', 1000000, '2025-01-01', '2025-01-01', 'aktif', '')")
    backups = tmp_path / "backups"
    made = upgrade(db, backup_dir=backups)
    assert current_revision(db) == head_revision()
    assert made is not None and made.parent == backups and integrity_ok(made)
    with sqlite3.connect(made) as conn:  # the backup is the database before the upgrade
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    with sqlite3.connect(tmp_path / "old.db") as conn:
        assert conn.execute("SELECT name, partner_id FROM participants").fetchall() == [
            ("Siti Aminah", "p1")]
        assert conn.execute("SELECT code FROM partners").fetchall() == [("PEMKAB-MAROS",)]
    db.dispose()


def test_models_match_head_revision(tmp_path):
    db = Database(tmp_path / "head.db")
    upgrade(db)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, Base.metadata)
                if not (isinstance(d, tuple) and str(d[0]).endswith("_table")
                        and d[1].name.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize",
                                                "_fts_config", "_fts_content")))]
    assert diff == []
    db.dispose()


def test_schema_from_a_newer_program_is_refused_untouched(tmp_path):
    db = Database(tmp_path / "new.db")
    upgrade(db)
    with sqlite3.connect(tmp_path / "new.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaTooNewError, match="lebih baru"):
        upgrade(db, backup_dir=tmp_path / "b")
    assert not (tmp_path / "b").exists()
    db.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    db = Database(tmp_path / "wal.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_revision_files_read_at_start_up_match_alembic():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from branch_desk.db.migrate import MIGRATIONS_DIR, known_revisions

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    walked = [rev.revision for rev in scripts.walk_revisions()]
    assert list(known_revisions()) == walked[::-1]
    assert known_revisions()[-1] == scripts.get_current_head() == head_revision()
