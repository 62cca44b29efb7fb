"""A trusted insider attacks: Maros (MRS) is trusted by Pangkajene (PKJ) and the hub (WIL);
someone at Maros edits its database directly and signs crafted files with its keys. Each
attack is refused (or becomes a proposal) and the receiving office's data is unchanged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.db.models.sync_state import SyncFile, SyncPeer
from branch_desk.services.admin.users import authenticate
from branch_desk.sync.errors import SyncRejected
from branch_desk.sync.received import MAX_CLOCK
from tests.support.forgery import (
    craft,
    log_change,
    logged,
    signed_by,
    stored_proofs,
    write_sql,
)
from tests.support.sync import (
    PASSWORD,
    SyncOffice,
    add_participant,
    build_templates,
    close_offices,
    digest,
    export,
    import_,
    open_offices,
    participant,
)

NOW = datetime(2025, 6, 16, 2, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def hostile_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("sync-hostile"), ["MRS", "PKJ", "WIL"])


@pytest.fixture
def offices(hostile_templates, tmp_path):
    made = open_offices(hostile_templates, tmp_path / "offices")
    yield made
    close_offices(made)


@pytest.fixture
def insider(offices) -> list[list[Any]]:
    """Maros has registered one participant; its change log as a file carries it."""
    add_participant(offices["MRS"], nik="7309014505900021", name="Andi Tenri",
                    kpj="MRS00000021")
    return logged(offices["MRS"])


def _state(office: SyncOffice) -> tuple[Any, ...]:
    with office.uow(write=False) as uow:
        s = uow.session
        counts = tuple(s.scalar(select(func.count()).select_from(t))
                       for t in (ChangeEntry, AuditEntry, SyncFile))
        peers = tuple((p.office_code, p.acked, p.digest) for p in s.scalars(select(SyncPeer)))
    return counts, peers, digest(office)


def refused(office: SyncOffice, path: Path, reason: str) -> SyncRejected:
    """Import `path` at `office`: refused for `reason`, the database unchanged."""
    before = _state(office)
    with pytest.raises(SyncRejected) as info:
        import_(office, path)
    assert info.value.reason == reason, str(info.value)
    assert "Basis data tidak diubah" in str(info.value)
    assert _state(office) == before
    return info.value


def _participant_insert(entries: list[list[Any]]) -> list[Any]:
    return next(e for e in entries if e[3] == "participants")


def _edited(entries: list[list[Any]], change: Any) -> list[list[Any]]:
    """A copy of `entries` with the participant insert changed by `change(entry)`."""
    copy = [list(e) for e in entries]
    for e in copy:
        if e[3] == "participants":
            e[6] = dict(e[6])
            change(e)
    return copy


def _can_still_work(office: SyncOffice) -> None:
    """A login and a write succeed at `office` after the attack."""
    actor = authenticate(office.db, "admin", PASSWORD, now=NOW)
    assert actor.username == "admin"
    add_participant(office, nik="7310014505900099", name="Masih Bisa", kpj="PKJ00000099")


def test_lamport_clock_of_2_63_minus_1_is_refused_and_login_keeps_working(offices, insider,
                                                                           tmp_path):
    pkj = offices["PKJ"]
    bad = _edited(insider, lambda e: e.__setitem__(2, 2**63 - 1))
    err = refused(pkj, craft(offices["MRS"], "PKJ", bad, tmp_path / "clock.bdsync"), "bounds")
    assert "di luar batas" in str(err)
    _can_still_work(pkj)


def test_the_highest_allowed_clock_is_applied_and_never_locks_the_office_out(offices, insider,
                                                                              tmp_path):
    pkj = offices["PKJ"]
    top = _edited(insider, lambda e: e.__setitem__(2, MAX_CLOCK))
    import_(pkj, craft(offices["MRS"], "PKJ", top, tmp_path / "top.bdsync"))
    _can_still_work(pkj)  # the next own change takes clock 2**53 + 1: no overflow
    with pkj.uow(write=False) as uow:
        assert uow.session.scalar(select(func.max(ChangeEntry.lamport))) == MAX_CLOCK + 1


@pytest.mark.parametrize("seq", [2**62, MAX_CLOCK + 1, 0, -1])
def test_impossible_sequence_numbers_are_refused(offices, insider, tmp_path, seq):
    bad = _edited(insider, lambda e: e.__setitem__(1, seq))
    refused(offices["PKJ"], craft(offices["MRS"], "PKJ", bad, tmp_path / "seq.bdsync",
                                  proofs=[]), "bounds")


def test_a_head_beyond_what_the_sender_could_have_is_refused(offices, insider, tmp_path):
    path = craft(offices["MRS"], "PKJ", insider, tmp_path / "head.bdsync",
                 manifest={"source_head": 10**9})
    refused(offices["PKJ"], path, "bounds")


def test_a_change_claiming_the_receiving_office_as_origin_is_refused(offices, insider,
                                                                     tmp_path):
    bad = _edited(insider, lambda e: e.__setitem__(0, "PKJ"))
    bad.sort(key=lambda e: (e[0], e[1]))
    proofs = signed_by(offices["MRS"], [e for e in bad if e[0] == "MRS"])
    err = refused(offices["PKJ"], craft(offices["MRS"], "PKJ", bad, tmp_path / "own.bdsync",
                                        proofs=proofs), "own_origin")
    assert "kantor ini sendiri" in str(err)


@pytest.mark.parametrize("table", ["offices", "office_keys", "settings", "sync_peers",
                                   "number_sequences", "sync_knowledge", "users"])
def test_tables_that_never_travel_are_refused(offices, insider, tmp_path, table):
    entry = list(_participant_insert(insider))
    entry[1] = insider[-1][1] + 1
    entry[3] = table
    entry[6] = {"role": "admin", "password_hash": "x"} if table == "users" else {"value": "1"}
    err = refused(offices["PKJ"], craft(offices["MRS"], "PKJ", [*insider, entry],
                                        tmp_path / "local.bdsync"), "local_table")
    assert "tidak pernah dikirim" in str(err)


@pytest.mark.parametrize(("ack", "knowledge", "reason"), [
    ([], [], "malformed"),
    ({"MRS": "banyak"}, [], "malformed"),
    ({"mrs kecil": 1}, [], "malformed"),
    ({"PKJ": 10**6}, [], "bounds"),
    ({"MRS": 2**63 - 1}, [], "bounds"),
    (None, {"MRS": 1}, "malformed"),
    (None, [["MRS"]], "malformed"),
    (None, [["MRS", 1, {"PKJ": -1}]], "bounds"),
    (None, [["MRS", 1, "semua"]], "malformed"),
    (None, [["MRS", 2**63 - 1, {}]], "bounds"),
])
def test_malformed_acknowledgement_and_knowledge_parts(offices, insider, tmp_path, ack,
                                                       knowledge, reason):
    path = craft(offices["MRS"], "PKJ", insider, tmp_path / "parts.bdsync", ack=ack,
                 knowledge=knowledge)
    refused(offices["PKJ"], path, reason)


def _short(entries):
    return [e[:8] if e[3] == "participants" else e for e in entries]


def _twice(entries):
    return sorted([*entries, _participant_insert(entries)], key=lambda e: (e[0], e[1]))


def _field(key: str, value: Any):
    return lambda entries: _edited(entries, lambda e: e[6].__setitem__(key, value))


@pytest.mark.parametrize(("attack", "words"), [
    (_short, "tidak lengkap"),
    (_twice, "dua kali"),
    (lambda es: _edited(es, lambda e: e.__setitem__(7, "kemarin sore")), "jam yang sah"),
    (lambda es: _edited(es, lambda e: e.__setitem__(5, "drop")), "tidak dikenal"),
    (lambda es: _edited(es, lambda e: e.__setitem__(4, "../../x")), "id baris"),
    (lambda es: _edited(es, lambda e: e.__setitem__(8, "admin\x00")), "karakter kendali"),
])
def test_signed_but_malformed_entries_are_refused_whole(offices, insider, tmp_path, attack,
                                                        words):
    path = craft(offices["MRS"], "PKJ", attack(insider), tmp_path / "bad.bdsync")
    err = refused(offices["PKJ"], path, "malformed")
    assert words in str(err)


@pytest.mark.parametrize(("key", "value", "words"), [
    ("birth_date", "2025-13-45", "tanggal yang sah"),
    ("name", "A" * 10_000, "terlalu panjang"),
    ("name", "Andi\x00Tenri", "karakter kendali"),
    ("address", "Jl. Poros\x1b[31m", "karakter kendali"),
    ("sex", "X", "bukan salah satu"),
    ("segment", "VIP", "bukan salah satu"),
    ("kpj", 12345, "bukan teks"),
    ("deleted", "ya", "ya/tidak"),
    ("name", None, "wajib diisi"),
])
def test_a_value_no_column_accepts_is_quarantined_and_the_rest_applies(offices, tmp_path,
                                                                       key, value, words):
    """The hub never stays stuck: the bad change is kept (it relays, the sequence has no
    hole) but applied nowhere, with its reason; the other changes of the file apply."""
    mrs, pkj = offices["MRS"], offices["PKJ"]
    bad_id = add_participant(mrs, nik="7309014505900024", name="Rusak", kpj="MRS00000024")
    good_id = add_participant(mrs, nik="7309014505900025", name="Baik", kpj="MRS00000025")
    entries = [list(e) for e in logged(mrs)]
    for e in entries:
        if e[4] == bad_id:
            e[6] = {**e[6], key: value}
    result = import_(pkj, craft(mrs, "PKJ", entries, tmp_path / "q.bdsync"))
    assert result.quarantined == 1 and "dikarantina" in result.message
    assert participant(pkj, bad_id) is None and participant(pkj, good_id).name == "Baik"
    from branch_desk.services.sync.review import list_quarantine

    with pkj.uow(write=False) as uow:
        held = list_quarantine(uow)
    assert [(q.origin, q.table, q.row_id) for q in held] == [("MRS", "participants", bad_id)]
    assert words in held[0].reason
    again = import_(pkj, craft(mrs, "PKJ", entries, tmp_path / "q2.bdsync"))
    assert again.new == 0  # acknowledged like any other change: never re-sent for ever


def test_an_unknown_column_is_refused(offices, insider, tmp_path):
    path = craft(offices["MRS"], "PKJ", _field("is_admin", True)(insider),
                 tmp_path / "col.bdsync")
    refused(offices["PKJ"], path, "schema")


def test_manifest_ranges_must_match_the_changes(offices, insider, tmp_path):
    path = craft(offices["MRS"], "PKJ", insider, tmp_path / "ranges.bdsync",
                 manifest={"ranges": {}})
    refused(offices["PKJ"], path, "malformed")


def test_an_older_file_imported_late_keeps_the_newer_peer_digest(offices, tmp_path):
    mrs, pkj = offices["MRS"], offices["PKJ"]
    add_participant(mrs, nik="7309014505900022", name="Pertama", kpj="MRS00000022")
    first = Path(export(mrs, "PKJ", tmp_path / "1.bdsync").path)
    add_participant(mrs, nik="7309014505900023", name="Kedua", kpj="MRS00000023")
    second = Path(export(mrs, "PKJ", tmp_path / "2.bdsync").path)
    import_(pkj, second)
    import_(pkj, first)
    with pkj.uow(write=False) as uow:
        kept = uow.session.get(SyncPeer, "MRS").digest
    assert kept == digest(mrs)
    assert kept["participants"]["count"] == 2


# --- provenance: a change is applied only with its origin's own signature -----------------


def _pkj_work_at_maros(offices, tmp_path) -> str:
    """Pangkajene registers a participant; its file reaches Maros. The participant's id."""
    pkj, mrs = offices["PKJ"], offices["MRS"]
    pid = add_participant(pkj, nik="7310014505900031", name="Daeng Ngai", kpj="PKJ00000031")
    import_(mrs, Path(export(pkj, "MRS", tmp_path / "pkj-mrs.bdsync").path))
    return pid


def test_a_change_claiming_another_origin_without_its_signature_refuses_the_file(
        offices, tmp_path):
    pid = _pkj_work_at_maros(offices, tmp_path)
    wil = offices["WIL"]
    entries = [e for e in logged(offices["MRS"]) if e[0] == "PKJ"]
    forged = [*entries, ["PKJ", entries[-1][1] + 1, entries[-1][2] + 1, "participants", pid,
                         "update", {"phone": "0811-PALSU"}, "2025-06-16T03:00:00+00:00",
                         "admin"]]
    before = participant(wil, pid)
    err = refused(wil, craft(offices["MRS"], "WIL", forged, tmp_path / "forged.bdsync"),
                  "provenance")
    assert "PKJ" in str(err) and "tidak dibuat oleh kantor PKJ" in str(err)
    assert before is None and participant(wil, pid) is None


def test_a_relayed_change_altered_in_the_relays_database_is_refused(offices, tmp_path):
    pid = _pkj_work_at_maros(offices, tmp_path)
    mrs, wil = offices["MRS"], offices["WIL"]
    write_sql(mrs, "UPDATE change_log SET fields = json_set(fields, '$.name', 'Orang Lain') "
              "WHERE origin_office = 'PKJ' AND row_id = ?", pid)
    err = refused(wil, Path(export(mrs, "WIL", tmp_path / "altered.bdsync").path),
                  "provenance")
    assert "berbeda dari yang ditandatangani kantor PKJ" in str(err)


def test_a_change_written_into_the_relays_change_log_never_travels(offices, tmp_path):
    pid = _pkj_work_at_maros(offices, tmp_path)
    mrs, wil = offices["MRS"], offices["WIL"]
    top = max(e[1] for e in logged(mrs) if e[0] == "PKJ")
    log_change(mrs, ["PKJ", top + 1, 99, "participants", pid, "update",
                     {"name": "Disusupkan"}, "2025-06-16T03:00:00+00:00", "admin"])
    result = import_(wil, Path(export(mrs, "WIL", tmp_path / "planted.bdsync").path))
    assert result.new >= 1  # the honest changes went through, the planted one did not
    assert participant(wil, pid).name == "Daeng Ngai"
    with wil.uow(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.origin_office == "PKJ", ChangeEntry.seq == top + 1)) == 0


def test_a_relay_dropping_a_change_leaves_a_reported_gap(offices, tmp_path):
    pkj, mrs, wil = offices["PKJ"], offices["MRS"], offices["WIL"]
    for i in range(3):
        add_participant(pkj, nik=f"731001450590004{i}", name=f"Orang {i}",
                        kpj=f"PKJ0000004{i}")
    import_(mrs, Path(export(pkj, "MRS", tmp_path / "pkj-mrs.bdsync").path))
    relayed = [e for e in logged(mrs) if e[0] == "PKJ"]
    dropped = relayed[:2] + relayed[3:]
    path = craft(mrs, "WIL", dropped, tmp_path / "dropped.bdsync",
                 proofs=stored_proofs(mrs, "PKJ"),
                 manifest={"ranges": {"PKJ": {"from": 1, "to": relayed[-1][1],
                                              "count": len(dropped)}}})
    result = import_(wil, path)
    assert result.gaps == {"PKJ": (3, 3)}
    assert "PKJ#3–#3 belum diterima" in result.message


def test_a_branch_cannot_introduce_an_office_key(offices, tmp_path):
    """Maros is a branch: the key it 'introduces' for an office unknown at PKJ is ignored,
    and a different key for an office PKJ knows refuses the file."""
    mrs, pkj = offices["MRS"], offices["PKJ"]
    from branch_desk.db.models.core import Office
    from branch_desk.sync.keys import own_keys

    with mrs.uow(write=False) as uow:
        mine = own_keys(uow.session)[0].public_key
    import base64

    fake = base64.b64encode(bytes(32)).decode()
    entries = logged(mrs)
    path = craft(mrs, "PKJ", entries, tmp_path / "intro.bdsync",
                 keys_of=[["XYZ", "Kantor Palsu", "cabang", fake]])
    import_(pkj, path)
    with pkj.uow(write=False) as uow:
        assert uow.session.get(Office, "XYZ") is None
    swapped = craft(mrs, "PKJ", entries, tmp_path / "swap.bdsync",
                    keys_of=[["WIL", "Kantor Wilayah", "wilayah",
                              base64.b64encode(mine).decode()]])
    assert "satu kode kantor, satu kunci" in str(refused(pkj, swapped, "provenance"))


# --- text is checked where it enters, so no office's file is refused later ------------------


@pytest.mark.parametrize(("name", "words"), [("A" * 10_000, "terlalu panjang"),
                                             ("Andi\x00Tenri", "karakter kendali")])
def test_text_that_would_not_fit_is_refused_at_entry(offices, name, words):
    from branch_desk.domain.errors import ValidationError

    mrs = offices["MRS"]
    before = _state(mrs)
    with pytest.raises(ValidationError) as info:
        add_participant(mrs, nik="7309014505900026", name=name, kpj="MRS00000026")
    assert info.value.field == "name" and words in str(info.value)
    assert _state(mrs) == before


def test_bulk_inserts_check_text_too(offices):
    from branch_desk.db.models.partners import Partner
    from branch_desk.db.recording_bulk import record_bulk_insert
    from branch_desk.domain.errors import ValidationError

    mrs = offices["MRS"]
    before = _state(mrs)
    rows = [{"code": f"M-{i}", "name": "Mitra" if i != 2 else "X" * 5000, "kind": "pemkab",
             "region_code": "7309"} for i in range(3)]
    with mrs.uow() as uow, pytest.raises(ValidationError) as info:
        record_bulk_insert(uow.session, mrs.admin, Partner, rows)
    assert info.value.row == 3 and "Baris 3" in str(info.value)
    assert _state(mrs) == before


# --- identity files: valid codes, one code one key, re-keying by an admin ------------------


def _identity_file(office: SyncOffice, path: Path, **override: Any) -> Path:
    """`office`'s identity file with values changed by `override`, self-signed again with a
    key of its own (the insider's) or `signer` if given."""
    import base64
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from branch_desk.db.serialise import canonical_json
    from branch_desk.sync import keys

    with office.uow() as uow:
        body = json.loads(keys.identity_document(uow.session))
        own_signer = keys.signing_key(keys.own_keys(uow.session)[0])
    signer = override.pop("signer", own_signer)
    if signer == "new":
        signer = Ed25519PrivateKey.generate()
    body.pop("signature")
    body.pop("fingerprint")
    body.update(override)
    body["signing_key"] = base64.b64encode(signer.public_key().public_bytes_raw()).decode()
    body["signature"] = base64.b64encode(signer.sign(canonical_json(body).encode())).decode()
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


@pytest.mark.parametrize("code", ["mrs", "M", "MAROSXX", "M S", "MR\x00S", "MRS-1"])
def test_identity_files_with_invalid_office_codes_are_refused(offices, tmp_path, code):
    from branch_desk.services.sync.identity import trust_identity

    path = _identity_file(offices["MRS"], tmp_path / "id.json", office_code=code)
    before = _state(offices["PKJ"])
    with offices["PKJ"].uow() as uow, pytest.raises(SyncRejected) as info:
        trust_identity(uow, path=path)
    assert info.value.reason == "identity_invalid"
    assert _state(offices["PKJ"]) == before


def test_one_key_serves_one_office_code(offices, tmp_path):
    from branch_desk.services.sync.identity import trust_identity

    path = _identity_file(offices["MRS"], tmp_path / "twin.json", office_code="XYZ")
    with offices["PKJ"].uow() as uow, pytest.raises(SyncRejected) as info:
        trust_identity(uow, path=path)
    assert info.value.reason == "identity_key_reused" and "MRS" in str(info.value)


def test_a_known_code_is_re_keyed_only_with_replace_by_an_admin_and_audited(offices,
                                                                            tmp_path):
    from branch_desk.db.models.core import Office
    from branch_desk.domain.actor import Actor
    from branch_desk.domain.errors import PermissionDenied
    from branch_desk.services.sync.identity import trust_identity

    pkj = offices["PKJ"]
    path = _identity_file(offices["MRS"], tmp_path / "rekey.json", signer="new")
    with pkj.uow() as uow, pytest.raises(SyncRejected) as info:
        trust_identity(uow, path=path)
    assert info.value.reason == "identity_changed"
    from branch_desk.services.uow import UnitOfWork

    kepala = Actor("kepala", "supervisor", "PKJ", "Kepala")
    with UnitOfWork(pkj.db, kepala, write=True) as uow, pytest.raises(PermissionDenied):
        trust_identity(uow, path=path, replace=True)
    with pkj.uow() as uow:
        trust_identity(uow, path=path, replace=True)
        uow.commit()
    with pkj.uow(write=False) as uow:
        rekeys = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "sync_rekey")).all()
        assert [a.row_id for a in rekeys] == ["MRS"] and "→" in rekeys[0].note
        assert uow.session.get(Office, "MRS").public_key is not None


def test_a_second_insert_of_another_offices_row_is_refused(offices, tmp_path):
    """Maros 'creates' Pangkajene's participant again under its own code, with a lower
    clock, to become its owner."""
    pkj, mrs, wil = offices["PKJ"], offices["MRS"], offices["WIL"]
    pid = add_participant(pkj, nik="7310014505900061", name="Daeng Ngai", kpj="PKJ00000061")
    import_(wil, Path(export(pkj, "WIL", tmp_path / "pkj-wil.bdsync").path))
    theirs = next(e for e in logged(pkj) if e[4] == pid)
    own = logged(mrs)
    takeover = ["MRS", (own[-1][1] if own else 0) + 1, 0, "participants", pid, "insert",
                {**theirs[6], "kpj": "MRS00000061"}, theirs[7], "admin"]
    err = refused(wil, craft(mrs, "WIL", [*own, takeover], tmp_path / "take.bdsync"),
                  "ownership")
    assert "PKJ" in str(err) and participant(wil, pid).kpj == "PKJ00000061"
