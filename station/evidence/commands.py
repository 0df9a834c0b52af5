"""The evidence commands of the ``station`` CLI, ready to be wired as subcommands:

    station verify-evidence [--unreferenced]     → :func:`verify_command`
    station evidence-pack INSPECTION_ID --out F  → :func:`pack_command`

Each takes the open database and the photo folder, writes its report to ``out`` and returns
the process exit code: 0 all good, 1 problems found, 2 refused.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TextIO

from station.domain.labels import Language
from station.evidence.errors import EvidenceError
from station.evidence.pack import build_pack, pack_data
from station.evidence.storage import EvidenceStore
from station.evidence.verify import check_evidence, referenced_evidence, unreferenced_blobs
from station.security import audit
from station.security.bindings import Table
from station.store.database import Database

log = logging.getLogger(__name__)

# the rows a photo's worth as evidence rests on: the photo's own, and the verdict it supports
EVIDENCE_ROWS = frozenset({Table.EVIDENCE, Table.INSPECTIONS})


def verify_command(
    db: Database, photos_root: Path, out: TextIO, *, unreferenced: bool = False
) -> int:
    """Re-hash every photo the records point at; list what is missing or altered, and photo
    and verdict rows that differ from the audit entries that recorded them."""
    refs = db.run(referenced_evidence)  # a quick query; the hashing below holds no session
    tamper = db.run(lambda s: audit.check(s, EVIDENCE_ROWS))
    step = max(1, len(refs) // 20)

    def progress(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            log.info("evidence check: %d of %d photos", done, total)

    report = check_evidence(refs, photos_root, progress=progress)
    for finding in report.findings:
        out.write(finding.describe() + "\n")
    if not tamper.chain.ok:
        out.write(tamper.chain.describe() + " (station audit verify tells more)\n")
    for row in tamper.rows:
        out.write(row.message + "\n")
    if not tamper.ok:
        out.write(
            f"evidence check FAILED: {len(tamper.rows)} row(s) differ from the audit log"
            + ("" if tamper.chain.ok else ", and the audit log itself is broken")
            + "\n"
        )
    size_mb = report.bytes_read / 2**20
    if report.ok and tamper.ok:
        out.write(
            f"evidence intact: {report.items} items, {report.files} files, {size_mb:.1f} MB\n"
        )
    elif not report.ok:
        out.write(
            f"evidence check FAILED: {len(report.missing)} missing, {len(report.altered)}"
            f" altered, {len(report.findings) - len(report.missing) - len(report.altered)}"
            f" unreadable, of {report.items} items\n"
        )
    if unreferenced:
        orphans = unreferenced_blobs(refs, photos_root)
        for sha in orphans:
            out.write(f"unreferenced (harmless, kept): {sha}\n")
        out.write(f"{len(orphans)} file(s) no record points at\n")
    return 0 if report.ok and tamper.ok else 1


def pack_command(
    db: Database,
    photos_root: Path,
    inspection_id: str,
    out_path: Path,
    out: TextIO,
    *,
    captioned: bool = True,
    language: Language = "en",
) -> int:
    """Write the evidence pack PDF of one inspection."""
    try:
        data = db.run(lambda s: pack_data(s, inspection_id))
        built = build_pack(data, out_path, EvidenceStore.open(photos_root), captioned=captioned)
    except EvidenceError as exc:
        out.write(exc.message(language) + "\n")
        return 2
    out.write(
        f"{built.path}: {built.photos} photos, {built.size_bytes:,} bytes, SHA-256 {built.sha256}\n"
    )
    return 0
