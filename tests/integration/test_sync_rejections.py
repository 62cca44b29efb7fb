"""Every refused file leaves the database exactly as it was, with a clear message."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from branch_desk.db.engine import Database
from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.db.models.partners import Partner
from branch_desk.db.models.sync_state import SyncFile
from branch_desk.services.sync.exchange import import_changes, preview_import
from branch_desk.sync import keys
from branch_desk.sync.archive import SIG_HEX, ArchiveWriter
from branch_desk.sync.errors import SyncRejected
from tests.support.sync import (
    SyncOffice,
    add_participant,
    build_templates,
    close_offices,
    export,
    import_,
    keep_alive,
    open_offices,
)


@pytest.fixture(scope="session")
def reject_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("sync-reject"), ["MRS", "PKJ", "WIL"])


@pytest.fixture
def offices(reject_templates, tmp_path):
    made = open_offices(reject_templates, tmp_path / "offices")
    yield made
    close_offices(made)


@pytest.fixture
def good_file(offices, tmp_path) -> Path:
    add_participant(offices["MRS"], nik="7309014505900011", name="Nurhayati", kpj="MRS00000011")
    return Path(export(offices["MRS"], "PKJ", tmp_path / "good.bdsync").path)


def _snapshot(office: SyncOffice) -> tuple[int, int, int]:
    with office.uow(write=False) as uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(ChangeEntry)),
                s.scalar(select(func.count()).select_from(AuditEntry)),
                s.scalar(select(func.count()).select_from(SyncFile)))


def _refused(office: SyncOffice, path: Path, reason: str | tuple[str, ...]) -> SyncRejected:
    before = _snapshot(office)
    with pytest.raises(SyncRejected) as info:
        import_(office, path)
    reasons = (reason,) if isinstance(reason, str) else reason
    assert info.value.reason in reasons, info.value
    assert "Basis data tidak diubah" in str(info.value)
    assert _snapshot(office) == before
    return info.value


def test_wrong_target(offices, good_file):
    err = _refused(offices["WIL"], good_file, "wrong_target")
    assert "ditujukan untuk kantor PKJ" in str(err)


def test_untrusted_sender(offices, good_file, reject_templates, tmp_path):
    from branch_desk.db.models.core import Office

    pkj = offices["PKJ"]
    with pkj.uow() as uow:
        uow.session.get(Office, "MRS").trusted = False
        uow.commit()
    assert "tidak dikenal atau belum dipercaya" in str(_refused(pkj, good_file, "untrusted"))


def test_bad_signature(offices, good_file, tmp_path):
    data = bytearray(good_file.read_bytes())
    data[-SIG_HEX:] = (b"ab" * 64)
    bad = tmp_path / "badsig.bdsync"
    bad.write_bytes(bytes(data))
    assert "Tanda tangan" in str(_refused(offices["PKJ"], bad, "signature"))


@pytest.mark.parametrize("where", [4, 30, 0.25, 0.5, 0.75, -SIG_HEX - 30, -SIG_HEX - 3, -5])
def test_a_byte_changed_anywhere(offices, good_file, tmp_path, where):
    data = bytearray(good_file.read_bytes())
    index = int(len(data) * where) if isinstance(where, float) else where
    data[index] ^= 0x01
    bad = tmp_path / "flipped.bdsync"
    bad.write_bytes(bytes(data))
    _refused(offices["PKJ"], bad, ("signature", "corrupt", "truncated", "not_archive",
                                   "unexpected_member", "format", "bomb"))


def test_truncated_empty_and_not_an_archive(offices, good_file, tmp_path):
    pkj = offices["PKJ"]
    half = tmp_path / "half.bdsync"
    half.write_bytes(good_file.read_bytes()[: good_file.stat().st_size // 2])
    assert "terpotong" in str(_refused(pkj, half, "truncated"))
    empty = tmp_path / "empty.bdsync"
    empty.write_bytes(b"")
    assert "kosong" in str(_refused(pkj, empty, "empty"))
    text = tmp_path / "catatan.txt"
    text.write_text("bukan arsip\n", encoding="utf-8")
    assert "bukan arsip" in str(_refused(pkj, text, "not_archive"))


def _signed_zip(path: Path, members: dict[str, bytes], office: SyncOffice) -> None:
    """A zip with our signature layout (so only the content check can refuse it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.comment = b"0" * SIG_HEX
    raw = bytearray(buffer.getvalue())
    import hashlib

    from branch_desk.sync.archive import signed_message

    with office.uow() as uow:
        own, _ = keys.own_keys(uow.session)
        signer = keys.signing_key(own)
    digest = hashlib.sha256(bytes(raw[:-SIG_HEX])).digest()
    raw[-SIG_HEX:] = signer.sign(signed_message(digest)).hex().encode()
    path.write_bytes(bytes(raw))


def test_path_traversal_names(offices, tmp_path):
    bad = tmp_path / "traversal.bdsync"
    _signed_zip(bad, {"manifest.json": b"{}", "../../etc/cron.d/x": b"boom"}, offices["MRS"])
    assert "berbahaya" in str(_refused(offices["PKJ"], bad, "path_traversal"))


def test_decompression_bomb(offices, tmp_path):
    bad = tmp_path / "bomb.bdsync"
    _signed_zip(bad, {"manifest.json": b"\0" * (64 << 20), "changes.bin": b"",
                      "ack.json": b"{}", "knowledge.json": b"[]",
                      "provenance.json": b"{}"}, offices["MRS"])
    assert bad.stat().st_size < 1 << 20
    _refused(offices["PKJ"], bad, "bomb")


def test_schema_newer_than_program(offices, tmp_path):
    mrs = offices["MRS"]
    with mrs.uow() as uow:
        own, _ = keys.own_keys(uow.session)
        signer = keys.signing_key(own)
        peer = keys.peer_keys(uow.session, "PKJ")
        recipient = peer[1].enc_public_key
    writer = ArchiveWriter(tmp_path / "future.bdsync",
                           file_id="0190f000-0000-7000-8000-0000000000aa",
                           source="MRS", target="PKJ", recipient_key=recipient)
    path = writer.finish({"schema_revision": "0099", "serial": 1, "source_head": 0,
                          "created_at": "2030-01-01T00:00:00+00:00"}, {}, [], signer,
                          {"batches": [], "keys": []})
    err = _refused(offices["PKJ"], path, "schema_newer")
    assert "Perbarui Branch Desk" in str(err)


def test_restored_old_backup_posing_as_the_office(offices, tmp_path):
    mrs, pkj = offices["MRS"], offices["PKJ"]
    mrs.db.dispose()
    backup = tmp_path / "mrs-backup.db"
    shutil.copy(mrs.path, backup)
    add_participant(mrs, nik="7309014505900012", name="Sitti", kpj="MRS00000012")
    import_(pkj, Path(export(mrs, "PKJ", tmp_path / "1.bdsync").path))
    # MRS restores the old backup, registers someone else and exports again
    mrs.db.dispose()
    shutil.copy(backup, mrs.path)
    for suffix in ("-wal", "-shm"):
        Path(str(mrs.path) + suffix).unlink(missing_ok=True)
    mrs.db = Database(mrs.path)
    keep_alive(mrs.db)
    add_participant(mrs, nik="7309014505900013", name="Baso", kpj="MRS00000013")
    again = Path(export(mrs, "PKJ", tmp_path / "2.bdsync").path)
    assert "cadangan lama" in str(_refused(pkj, again, "restored_backup"))


def test_dry_run_previews_without_changing(offices, good_file):
    pkj = offices["PKJ"]
    before = _snapshot(pkj)
    with pkj.uow() as uow:
        preview = preview_import(uow, path=good_file)
    assert preview.dry_run and preview.inserted >= 1
    assert preview.tables["participants"]["baru"] == 1
    assert "akan diterapkan" in preview.message
    assert _snapshot(pkj) == before
    with pkj.uow() as uow:  # a real import after the preview applies the same
        real = import_changes(uow, path=good_file)
        uow.commit()
    assert real.inserted == preview.inserted


def test_atomic_write_leaves_no_half_file(offices, tmp_path):
    from branch_desk.sync.exchange import export as raw_export

    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    out = out_dir / "out.bdsync"
    add_participant(offices["MRS"], nik="7309014505900014", name="X", kpj="MRS00000014")

    def progress(done, total, message):
        if message.startswith("Menandatangani"):
            raise KeyboardInterrupt  # the program dies while finishing the file

    with offices["MRS"].uow() as uow, pytest.raises(KeyboardInterrupt):
        raw_export(uow.session, offices["MRS"].admin, target="PKJ", out=out,
                   progress=progress)
    assert list(out_dir.iterdir()) == []


def test_cli_export_import_identity_trust_digest(offices, tmp_path, monkeypatch, capsys):
    from branch_desk.cli.main import main
    from tests.support.sync import PASSWORD

    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORD)
    mrs, pkj = offices["MRS"], offices["PKJ"]
    add_participant(mrs, nik="7309014505900015", name="Wahyuni", kpj="MRS00000015")
    mrs.db.dispose()
    pkj.db.dispose()
    ident = tmp_path / "mrs.identity.json"
    assert main(["sync", "identity", "--db", str(mrs.path), "--user", "admin", "--out",
                 str(ident), "--json"]) == 0
    fp = json.loads(capsys.readouterr().out)["fingerprint"]
    assert len(fp.replace(" ", "")) == 32
    assert main(["sync", "trust", str(ident), "--db", str(pkj.path), "--user", "admin",
                 "--fingerprint", fp.lower()]) == 0
    assert "dipercaya" in capsys.readouterr().out
    out = tmp_path / "cli.bdsync"
    assert main(["sync", "export", "--to", "PKJ", "--out", str(out), "--db", str(mrs.path),
                 "--user", "admin", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["changes"] >= 1
    assert main(["sync", "import", str(out), "--dry-run", "--db", str(pkj.path), "--user",
                 "admin"]) == 0
    assert "PRATINJAU" in capsys.readouterr().out
    assert main(["sync", "import", str(out), "--db", str(pkj.path), "--user", "admin",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["inserted"] >= 1
    assert main(["sync", "import", str(out), "--db", str(pkj.path), "--user", "admin"]) == 0
    assert "sudah pernah diimpor" in capsys.readouterr().out
    assert main(["sync", "digest", "--json", "--db", str(pkj.path), "--user", "admin"]) == 0
    assert "participants" in json.loads(capsys.readouterr().out)["tables"]
    wil = offices["WIL"]
    wil.db.dispose()
    assert main(["sync", "import", str(out), "--db", str(wil.path), "--user", "admin"]) != 0
    assert "ditujukan untuk kantor PKJ" in capsys.readouterr().err


def test_same_partner_code_in_two_offices_is_refused_until_renamed(offices, tmp_path):
    from branch_desk.services.partners.registry import PartnerData, add_partner, update_partner

    mrs, pkj = offices["MRS"], offices["PKJ"]
    data = PartnerData(code="PEMKAB-MAROS", name="Pemkab Maros", kind="pemkab",
                       region_code="7309")
    for office in (mrs, pkj):
        with office.uow() as uow:
            add_partner(uow, data=data)
            uow.commit()
    clash = Path(export(mrs, "PKJ", tmp_path / "clash.bdsync").path)
    assert "bentrok" in str(_refused(pkj, clash, "constraint"))
    with mrs.uow() as uow:  # the admin renames at the sender; the next file goes through
        current = uow.session.scalar(select(Partner).where(Partner.code == "PEMKAB-MAROS"))
        update_partner(uow, partner_id=current.id, expected_version=current.version,
                       data=PartnerData(code="PEMKAB-MAROS-2", name="Pemkab Maros",
                                        kind="pemkab", region_code="7309"))
        uow.commit()
    assert import_(pkj, Path(export(mrs, "PKJ", tmp_path / "ok.bdsync").path)).inserted >= 1
