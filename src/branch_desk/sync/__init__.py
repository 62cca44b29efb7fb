"""Synchronisation between offices through signed, encrypted export files (issue 7).

- `policy`: per-table merge policy (ledger, profile, local) and protected fields.
- `keys`: the office's X25519 key, identity files and fingerprints.
- `archive`: the file format (zip + encrypted change stream + signature), written atomically.
- `state`: version vectors, acknowledgements, causal checkpoints.
- `merge`: folding a row's change history into its state (per-field LWW, conflicts).
- `apply` / `export`: the import and export pipelines; `digest`: per-table digests.
- `bulk`: the engine-specific lookups and inserts of an import (COPY on PostgreSQL).
- `duplicates`: same-NIK participants registered apart, and their merge.
"""
