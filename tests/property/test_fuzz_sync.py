"""Hostile sync files: random bytes, truncations, bit flips, oversized members. Always a
DomainError with an Indonesian message, nothing written."""

from __future__ import annotations

import zipfile
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from branch_desk.db.engine import Database
from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import DomainError
from branch_desk.services.partners.registry import PartnerData, add_partner
from branch_desk.services.sync.exchange import export_changes, import_changes
from branch_desk.services.uow import UnitOfWork
from tests.support.sync import build_templates

CASES: Counter[str] = Counter()
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=1000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])
SYNC_WORDS = ("berkas", "Berkas", "tidak", "rusak", "tanda tangan", "sinkronisasi")


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-sync")
    paths = build_templates(folder, ["MRS", "PKJ"])
    mrs = Database(paths["MRS"])
    with UnitOfWork(mrs, Actor("admin", "admin", "MRS"), write=True) as uow:
        for i in range(5):
            add_partner(uow, data=PartnerData(code=f"MITRA-{i}", name=f"Mitra {i}",
                                              kind="pemkab", region_code="73.09"))
        uow.commit()
    good = folder / "MRS-PKJ.bdsync"
    with UnitOfWork(mrs, Actor("admin", "admin", "MRS"), write=True) as uow:
        export_changes(uow, target="PKJ", out=good)
        uow.commit()
    mrs.dispose()
    pkj = Database(paths["PKJ"])
    yield pkj, good.read_bytes(), folder
    pkj.dispose()


def _counts(db):
    with UnitOfWork(db) as uow:
        return (uow.session.scalar(select(func.count()).select_from(ChangeEntry)),
                uow.session.scalar(select(func.count()).select_from(AuditEntry)))


def _refused(pair, data: bytes, name: str = "x.bdsync") -> None:
    db, _good, folder = pair
    CASES["sync"] += 1
    path = folder / name
    path.write_bytes(data)
    before = _counts(db)
    with (UnitOfWork(db, Actor("admin", "admin", "PKJ"), write=True) as uow,
          pytest.raises(DomainError) as info):
        import_changes(uow, path=path)
    message = str(info.value)
    assert message.strip() and "Traceback" not in message
    assert any(word in message for word in SYNC_WORDS), message
    assert _counts(db) == before


@FUZZ
@given(data=st.binary(max_size=4000))
def test_random_bytes(pair, data):
    _refused(pair, data)


@FUZZ
@given(cut=st.floats(0, 0.9999))
def test_truncated(pair, cut):
    good = pair[1]
    _refused(pair, good[:int(len(good) * cut)])


@FUZZ
@given(flips=st.lists(st.integers(0, 10**9), min_size=1, max_size=6))
def test_bit_flips(pair, flips):
    data = bytearray(pair[1])
    for f in flips:
        data[f % len(data)] ^= 1 << (f % 8)
    if bytes(data) != pair[1]:
        _refused(pair, bytes(data))


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_oversized_and_extra_members(pair, tmp_path):
    good = pair[1]
    source = tmp_path / "good.bdsync"
    source.write_bytes(good)
    bigger = tmp_path / "besar.bdsync"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bigger, "w",
                                                         zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item.filename, src.read(item.filename))
        out.writestr("ack.json", b" " * 5_000_000)  # a second, oversized member
        out.writestr("../../etc/passwd", b"x")
    _refused(pair, bigger.read_bytes(), "besar.bdsync")


@pytest.mark.slow
@SLOW
@given(data=st.one_of(st.binary(max_size=20000), st.integers(0, 10**9)))
def test_many(pair, data):
    good = pair[1]
    if isinstance(data, int):
        flipped = bytearray(good)
        flipped[data % len(good)] ^= 1 << (data % 8)
        data = bytes(flipped)
    _refused(pair, data)


def teardown_module() -> None:
    print(f"\nsync fuzz: {CASES['sync']} files refused")




def test_a_member_asking_for_an_unknown_zip_version_is_refused(pair):
    """Found by test_bit_flips: one flipped bit in a member's header made zipfile ask for
    "zip file version 10.9" (NotImplementedError) and the import end in a traceback."""
    data = bytearray(pair[1])
    header = data.find(b"PK\x01\x02")  # the central directory's first entry
    assert header >= 0
    data[header + 6] = 109  # its "version needed to extract": 10.9
    _refused(pair, bytes(data))
