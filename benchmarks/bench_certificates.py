"""1,000 award certificates in one batch vs a bare reportlab canvas drawing the same text.

Usage: .venv/bin/python benchmarks/bench_certificates.py [--rows 1000]

Measures, in one run: (a) issuing N certificates (numbers, citation figures counted from the
database, signed QR strings, audit and change log) in one transaction; (b) rendering them
into one PDF with `certificates_pdf`; (c) the baseline: a bare reportlab canvas drawing the
same strings with the same embedded fonts, one landscape page each, no border and no QR.
Prints per-certificate times and the ratio (b)/(c); the issue asks for ≤ 3. (b) includes
everything `certificates_pdf` does (partners query, content, QR encoding, border, text,
PDF writing); issuing is reported separately, with (issue + render)/(c) for reference.
The embedded fonts are loaded once before both timings.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("BRANCH_DESK_DATA", tempfile.mkdtemp(prefix="bench-data-"))

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit

from branch_desk.db.engine import Database
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.db.recording_bulk import record_bulk_insert
from branch_desk.documents.base import new_canvas
from branch_desk.documents.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, register_fonts
from branch_desk.services.admin.offices import initialise
from branch_desk.services.partners.certificates import (
    certificate_content,
    certificates_pdf,
    issue_certificates,
)
from branch_desk.services.uow import UnitOfWork


def baseline(contents: list, ) -> bytes:  # type: ignore[type-arg]
    """The same text, drawn with a bare canvas: no border, no QR, no form XObject."""
    w, h = landscape(A4)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, pagesize=(w, h))
    for c in contents:
        canvas.setFont(SANS_BOLD, 10)
        canvas.drawCentredString(w / 2, h - 130, "BPJS KETENAGAKERJAAN")
        canvas.setFont(SANS, 9.5)
        canvas.drawCentredString(w / 2, h - 148, c.office_title)
        canvas.setFont(SERIF_BOLD, 30)
        canvas.drawCentredString(w / 2, h - 190, "PIAGAM PENGHARGAAN")
        canvas.setFont(SANS, 10.5)
        canvas.drawCentredString(w / 2, h - 212, f"Nomor: {c.number}")
        canvas.setFont(SERIF_BOLD, 22)
        canvas.drawCentredString(w / 2, h - 272, c.recipient)
        canvas.setFont(SERIF, 11)
        canvas.drawCentredString(w / 2, h - 300, c.recipient_line)
        y = h - 330
        canvas.setFont(SERIF, 12)
        for paragraph in c.citation:
            for line in simpleSplit(paragraph, SERIF, 12, w - 227):
                canvas.drawCentredString(w / 2, y, line)
                y -= 17
        canvas.setFont(SANS, 10.5)
        canvas.drawCentredString(w - 240, 142, c.place_date)
        canvas.drawCentredString(w - 240, 129, c.signer_title)
        canvas.setFont(SANS_BOLD, 11)
        canvas.drawCentredString(w - 240, 68, c.signer)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000, help="certificates in the batch")
    parser.add_argument("--workers", type=int, default=20, help="participants per partner")
    args = parser.parse_args()
    n = args.rows
    folder = Path(tempfile.mkdtemp(prefix="bench-certs-"))
    db = Database(folder / "office.db")
    admin = initialise(db, office_code="MRS", office_name="Kantor Cabang Maros", admin="admin",
                       password="bench-password", region_code="73.09",
                       head_name="Andi Makkasau", head_title="Kepala Kantor Cabang")
    with UnitOfWork(db, admin, write=True) as uow:
        ids = record_bulk_insert(uow.session, admin, Partner, [
            {"code": f"DESA-{i:05d}", "name": f"Pemerintah Desa Contoh Nomor {i}",
             "kind": "pemdes", "region_code": "73.09", "head_name": f"Kepala Desa {i}",
             "head_title": "Kepala Desa", "address": "", "phone": "", "email": "",
             "contact_person": "", "npwp": ""} for i in range(n)])
        people = [{"nik": f"73{k:014d}", "kpj": f"{k:011d}", "name": f"Peserta {k}",
                   "name_search": f"peserta {k}", "birth_date": date(1985, 1, 1), "sex": "L",
                   "village_code": "73.09.01.2001", "segment": "BPU", "funding_source": "APBD",
                   "partner_id": pid, "tmt": date(2024, 1, 1), "registered_on": date(2024, 1, 1),
                   "status": "aktif"}
                  for j, pid in enumerate(ids) for k in [j * args.workers + m
                                                         for m in range(args.workers)]]
        record_bulk_insert(uow.session, admin, Participant, people)
        uow.commit()
    codes = [f"DESA-{i:05d}" for i in range(n)]
    with UnitOfWork(db, admin, write=True) as uow:
        t0 = time.perf_counter()
        rows = issue_certificates(uow, partner_codes=codes, as_of=date(2025, 3, 31),
                                  place="Maros", signer="Andi Makkasau",
                                  issued_on=date(2025, 4, 29))
        uow.commit()
        issue_s = time.perf_counter() - t0
    # One-time font loading (the TTF files parsed once per process) is not per-certificate
    # work: done before either timing, so neither the render nor the baseline pays it.
    register_fonts()
    with UnitOfWork(db, admin) as uow:
        t0 = time.perf_counter()
        pdf = certificates_pdf(uow, rows)
        render_s = time.perf_counter() - t0
        contents = [certificate_content(uow, r) for r in rows]
    t0 = time.perf_counter()
    bare = baseline(contents)
    base_s = time.perf_counter() - t0
    (folder / "piagam.pdf").write_bytes(pdf)
    print(f"certificates: {n} (participants per partner: {args.workers})")
    print(f"issue (DB, signed QR, audit): {issue_s:.2f} s = {issue_s / n * 1000:.2f} ms each")
    print(f"render certificates_pdf:      {render_s:.2f} s = {render_s / n * 1000:.2f} ms each,"
          f" {len(pdf) / 1e6:.1f} MB")
    print(f"baseline bare canvas:         {base_s:.2f} s = {base_s / n * 1000:.2f} ms each,"
          f" {len(bare) / 1e6:.1f} MB")
    ratio = render_s / base_s
    print(f"ratio render/baseline: {ratio:.2f} (target <= 3)")
    print(f"ratio (issue+render)/baseline: {(issue_s + render_s) / base_s:.2f}")
    print(f"PDF: {folder / 'piagam.pdf'}")
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
