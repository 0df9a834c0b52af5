"""Disputes in the browser: open one on an inspection, the board of open cases by deadline
with win rates, a case's page with its outcome, and export packages for the platform."""

from __future__ import annotations

import itertools
import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path as FilePath
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, HTTPException, Path, Request, Response
from fastapi.responses import FileResponse, HTMLResponse
from sqlalchemy.orm import Session

from central.api.deps import RuntimeDep, SessionDep
from central.blobstore import BlobStore
from central.console import statements
from central.console.audit import Action, entries
from central.console.disputes import (
    DisputeStatus,
    Opening,
    board,
    open_dispute,
    update_dispute,
    win_rates,
)
from central.console.exports import (
    ExportCase,
    ExportClip,
    ExportPhoto,
    ExportRefused,
    build_package,
    claim_package_path,
    package_name,
)
from central.console.inspection_view import InspectionView, inspection_view
from central.console.pages import fen_of, show_inspection
from central.console.web import (
    PREFIX,
    Actor,
    Agent,
    PlatformsDep,
    Viewer,
    check_csrf,
    go,
    language,
    render,
)
from central.db.models import DisputeRecord
from central.db.session import read, write
from central.db.types import utcnow
from central.services.errors import Refused

log = logging.getLogger(__name__)

router = APIRouter(prefix=PREFIX, include_in_schema=False)

ID = Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$")]
EXPORT_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,120}\.zip$")
MAX_CHOSEN = 50  # chapters an export is about, at most


def _notified(text: str, zone: str, now: datetime) -> datetime:
    """The notice time as typed in the desk's time zone (``datetime-local``); empty: now."""
    if not text.strip():
        return now
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=ZoneInfo(zone))
    except ValueError:
        raise Refused("the notice time is a date and time such as 2026-12-03T14:30") from None


@router.post("/inspections/{inspection_id}/disputes")
def open_case(
    request: Request,
    desk: Agent,
    session: SessionDep,
    runtime: RuntimeDep,
    platforms: PlatformsDep,
    inspection_id: ID,
    csrf: Annotated[str, Form(max_length=100)] = "",
    platform: Annotated[str, Form(max_length=20)] = "",
    case_id: Annotated[str, Form(max_length=200)] = "",
    notified_at: Annotated[str, Form(max_length=40)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_csrf(request, desk.csrf, csrf)
    now = utcnow()
    chosen = platforms.get(platform)
    try:
        if chosen is None:
            raise Refused("choose the platform the case is on")
        opening = Opening(
            inspection_id,
            chosen,
            case_id,
            _notified(notified_at, runtime.settings.console_timezone, now),
            note,
        )

        def start(s: Session) -> DisputeRecord:
            row = open_dispute(s, opening, by=desk.user.login, now=now)
            Actor.of(desk, request).note(
                s,
                Action.OPEN_DISPUTE,
                subject=f"inspection:{inspection_id}",
                details={"dispute": row.id, "platform": row.platform, "case": row.case_id},
            )
            return row

        row = write(session, start)
    except Refused as exc:
        return _dispute_error(request, desk, session, platforms, inspection_id, exc)
    return go(f"{PREFIX}/disputes/{row.id}")


def _dispute_error(
    request: Request,
    desk: Agent,
    session: SessionDep,
    platforms: PlatformsDep,
    inspection_id: str,
    exc: Refused,
) -> Response:
    return show_inspection(
        request, desk, session, platforms, inspection_id, status=exc.status, error=str(exc)[:300]
    )


@router.get("/disputes", response_class=HTMLResponse)
def disputes_board(
    request: Request, desk: Viewer, session: SessionDep, platforms: PlatformsDep
) -> Response:
    rows, rates = read(session, lambda s: (board(s), win_rates(s)))
    return render(
        request, "disputes.html", desk, rows=rows, rates=rates, platforms=platforms, now=utcnow()
    )


def _case(session: Session, dispute_id: str, lang: str) -> tuple[DisputeRecord, InspectionView]:
    row = session.get(DisputeRecord, dispute_id)
    if row is None:
        raise HTTPException(404, f"no dispute {dispute_id}")
    view = inspection_view(session, row.inspection_id, lang)
    if view is None:
        raise HTTPException(404, f"no inspection {row.inspection_id}")
    return row, view


def _dispute_page(
    request: Request,
    desk: Viewer,
    session: SessionDep,
    platforms: PlatformsDep,
    dispute_id: str,
    *,
    status: int = 200,
    error: str = "",
    statement: str | None = None,
) -> Response:
    lang = language(request)
    row, view = read(session, lambda s: _case(s, dispute_id, lang))
    exports = read(
        session,
        lambda s: [
            e
            for e in entries(s, subject=f"dispute:{dispute_id}", limit=100)
            if e.action == Action.EXPORT.value
        ],
    )
    platform = platforms.get(row.platform)
    text = statement if statement is not None else statements.refusal(view, platform, lang)
    return render(
        request,
        "dispute.html",
        desk,
        status=status,
        row=row,
        view=view,
        platforms=platforms,
        statuses=list(DisputeStatus),
        exports=exports,
        statement=text,
        preselected=_preselected(view),
        error=error,
        now=utcnow(),
    )


def _preselected(view: InspectionView) -> frozenset[int]:
    """The chapters ticked when the page opens: the telling ones, as many as an export takes.
    All of a bench's 5,000 ticked made a form of more fields than a form may have."""
    if not view.clips:
        return frozenset()
    telling = (c.at_ms for c in view.clips[0].chapters if c.telling)
    return frozenset(itertools.islice(telling, MAX_CHOSEN))


@router.get("/disputes/{dispute_id}", response_class=HTMLResponse)
def dispute_page(
    request: Request, desk: Viewer, session: SessionDep, platforms: PlatformsDep, dispute_id: ID
) -> Response:
    return _dispute_page(request, desk, session, platforms, dispute_id)


@router.post("/disputes/{dispute_id}")
def update_case(
    request: Request,
    desk: Agent,
    session: SessionDep,
    platforms: PlatformsDep,
    dispute_id: ID,
    csrf: Annotated[str, Form(max_length=100)] = "",
    status: Annotated[str, Form(max_length=12)] = "",
    amount_yuan: Annotated[str, Form(max_length=20)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_csrf(request, desk.csrf, csrf)
    now = utcnow()
    try:
        new = DisputeStatus(status)
    except ValueError:
        return _dispute_page(
            request, desk, session, platforms, dispute_id, status=422, error="choose a status"
        )
    try:
        amount = fen_of(amount_yuan)

        def change(s: Session) -> None:
            update_dispute(s, dispute_id, status=new, amount_fen=amount, note=note, now=now)
            Actor.of(desk, request).note(
                s,
                Action.UPDATE_DISPUTE,
                subject=f"dispute:{dispute_id}",
                details={"status": new.value, "amount_fen": amount},
            )

        write(session, change)
    except Refused as exc:
        return _dispute_page(
            request, desk, session, platforms, dispute_id, status=exc.status, error=str(exc)[:300]
        )
    return go(f"{PREFIX}/disputes/{dispute_id}")


def exports_dir(runtime: RuntimeDep) -> FilePath:
    return runtime.settings.data_dir / "exports"


def _fetcher(store: BlobStore) -> Callable[[str, FilePath], None]:
    def fetch(sha256: str, path: FilePath) -> None:
        with path.open("wb") as out:
            for chunk in store.open(sha256).chunks:
                out.write(chunk)

    return fetch


def _export_inputs(view: InspectionView) -> tuple[list[ExportPhoto], ExportClip | None]:
    photos = [ExportPhoto(p.sha256, p.kind, p.taken_at) for p in view.photos if not p.deleted_at]
    clip = next((c for c in view.clips if not c.deleted_at), None)
    if clip is None:
        return photos, None
    return photos, ExportClip(
        sha256=clip.sha256,
        size=clip.size_bytes or 0,
        duration_ms=clip.duration_ms or 0,
        chapters=[(c.at_ms, c.kind, c.label) for c in clip.chapters],
        chain_head=clip.chain_head,
        fragments=clip.fragments,
        started_at=clip.clip_started_at or clip.taken_at,
    )


@router.post("/disputes/{dispute_id}/exports")
def export_case(
    request: Request,
    desk: Agent,
    session: SessionDep,
    runtime: RuntimeDep,
    platforms: PlatformsDep,
    dispute_id: ID,
    csrf: Annotated[str, Form(max_length=100)] = "",
    platform: Annotated[str, Form(max_length=20)] = "",
    statement: Annotated[str, Form(max_length=20_000)] = "",
    chapter: Annotated[list[int] | None, Form()] = None,
) -> Response:
    """A package within the platform's limits, kept under the data folder, audited with the
    manifest's hash (so central can later say which package it gave out)."""
    check_csrf(request, desk.csrf, csrf)
    now = utcnow()
    lang = language(request)
    row, view = read(session, lambda s: _case(s, dispute_id, lang))
    target = platforms.get(platform or row.platform)
    if target is None:
        return _dispute_page(
            request,
            desk,
            session,
            platforms,
            dispute_id,
            status=422,
            error="choose a platform",
            statement=statement,
        )
    photos, clip = _export_inputs(view)
    order = view.order or {}
    case = ExportCase(
        dispute_id=row.id,
        platform=target.code,
        case_id=row.case_id,
        inspection_id=view.row.id,
        rma_no=view.row.rma_no,
        order_no=str(order.get("order_no", "")),
        sku=view.row.sku,
        grade=view.row.grade or "",
        disposition=view.row.disposition or "",
        refund_fen=view.row.refund_fen,
        opened_by=row.opened_by,
    )
    folder = exports_dir(runtime) / row.id
    folder.mkdir(parents=True, exist_ok=True)
    package = claim_package_path(folder, package_name(case, now))
    name = package.name
    work = FilePath(tempfile.mkdtemp(prefix=".work-", dir=folder))
    try:
        result = build_package(
            package,
            platform=target,
            case=case,
            statement=statement,
            photos=photos,
            clip=clip,
            chosen_ms=sorted(set(chapter or []))[:MAX_CHOSEN],
            fetch=_fetcher(runtime.blobs),
            work_dir=work,
            now=now,
        )
    except ExportRefused as exc:
        package.unlink(missing_ok=True)
        return _dispute_page(
            request,
            desk,
            session,
            platforms,
            dispute_id,
            status=422,
            error=str(exc)[:500],
            statement=statement,
        )
    except BaseException:
        package.unlink(missing_ok=True)  # nothing half-built keeps the name
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    details: dict[str, Any] = {
        "file": name,
        "platform": target.code,
        "manifest_sha256": result.manifest_sha256,
        "size": result.size,
        "notes": list(result.notes)[:20],
    }
    Actor.of(desk, request).note_alone(
        session,
        Action.EXPORT,
        subject=f"dispute:{dispute_id}",
        reason=f"{row.platform} {row.case_id}",
        details=details,
    )
    log.info("desk: %s exported %s for dispute %s", desk.user.login, name, dispute_id)
    return go(f"{PREFIX}/disputes/{dispute_id}#exports")


@router.get("/disputes/{dispute_id}/exports/{name}")
def download_export(
    request: Request,
    desk: Agent,
    session: SessionDep,
    runtime: RuntimeDep,
    dispute_id: ID,
    name: str,
) -> Response:
    if not EXPORT_NAME.fullmatch(name):
        raise HTTPException(404, "no such export")
    path = exports_dir(runtime) / dispute_id / name
    if not path.is_file():
        raise HTTPException(404, "no such export")
    Actor.of(desk, request).note_alone(
        session, Action.DOWNLOAD_EXPORT, subject=f"dispute:{dispute_id}", details={"file": name}
    )
    return FileResponse(
        path, media_type="application/zip", filename=name, headers={"Cache-Control": "no-store"}
    )
