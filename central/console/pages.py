"""The desk's pages: sign-in, search, the inspection, its evidence, the supervisor's decision,
the audit log. Disputes and exports are in dispute_pages.py."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Header, HTTPException, Path, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session

from central.api.deps import RuntimeDep, SessionDep, address
from central.console import accounts
from central.console.audit import Action, entries, record
from central.console.inspection_view import (
    InspectionView,
    customer,
    evidence_media,
    inspection_view,
)
from central.console.media import blob_response
from central.console.search import Flag, Results, SearchError, parse_query, search
from central.console.signin import close_desk_session, forget_token, open_desk_session
from central.console.web import (
    LANG_COOKIE,
    LANGUAGES,
    LOGIN_CSRF_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    Actor,
    Auditor,
    Decider,
    DeskDep,
    PlatformsDep,
    Viewer,
    check_csrf,
    go,
    language,
    local_path,
    new_login_token,
    render,
    set_cookie,
)
from central.db.session import read, write
from central.db.types import utcnow
from central.services import people
from central.services.blobs import blob_size
from central.services.errors import Invalid, Refused
from central.services.publishing import decide_at_central
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.protocol.events import Decision
from station.protocol.manifest import yuan_to_fen

log = logging.getLogger(__name__)

router = APIRouter(prefix=PREFIX, include_in_schema=False)

ID = Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$")]
SHA = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
MIN_REASON = 4


@router.get("")
def home() -> RedirectResponse:
    return go(PREFIX + "/search")


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, then: str | None = None) -> Response:
    token = new_login_token()
    response = render(request, "sign_in.html", None, login_csrf=token, then=local_path(then))
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


@router.post("/sign-in")
def sign_in(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    login: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=400)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
    then: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    check_csrf(request, request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf)
    where = address(request)
    runtime.throttle.check("login", where)
    now = utcnow()
    name = login.strip().lower()[:40]
    try:
        user = write(session, lambda s: accounts.authenticate(s, name, password, now))
        locked = False
    except accounts.Locked:
        user, locked = None, True
    if user is None:
        runtime.throttle.fail("login", where)
        write(
            session,
            lambda s: record(
                s,
                login=name,
                action=Action.SIGN_IN_REFUSED,
                at=now,
                address=where,
                details={"locked": locked},
            ),
        )
        log.warning("desk: refused sign-in as %r from %s", name, where)
        token = new_login_token()
        response = render(
            request,
            "sign_in.html",
            None,
            status=401,
            login_csrf=token,
            then=local_path(then),
            error="locked" if locked else "wrong",
            login=name,
        )
        set_cookie(request, response, LOGIN_CSRF_COOKIE, token, max_age=3600)
        return response
    longest = timedelta(hours=runtime.settings.console_session_hours)

    def start(s: Session) -> str:
        old = request.cookies.get(SESSION_COOKIE, "")
        if old:  # whatever the browser had is dropped: a new session, a new token
            forget_token(s, old)
        record(s, login=user.login, action=Action.SIGN_IN, at=now, address=where)
        return open_desk_session(s, user, now, longest=longest, address=where)

    token = write(session, start)
    log.info("desk: %s signed in from %s", user.login, where)
    signed_in = go(local_path(then))
    set_cookie(request, signed_in, SESSION_COOKIE, token, max_age=int(longest.total_seconds()))
    signed_in.delete_cookie(LOGIN_CSRF_COOKIE, path=PREFIX)
    return signed_in


@router.post("/sign-out")
def sign_out(
    request: Request,
    desk: DeskDep,
    session: SessionDep,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(request, desk.csrf, csrf)

    def end(s: Session) -> None:
        close_desk_session(s, desk.token_sha256)
        Actor.of(desk, request).note(s, Action.SIGN_OUT)

    write(session, end)
    response = go(PREFIX + "/sign-in")
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


@router.get("/lang/{code}")
def choose_language(request: Request, code: str, then: str | None = None) -> Response:
    response = go(local_path(then))
    if code in LANGUAGES:
        set_cookie(request, response, LANG_COOKIE, code, max_age=365 * 86400)
    return response


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, desk: Viewer, session: SessionDep) -> Response:
    params = dict(request.query_params)
    flags = request.query_params.getlist("flag")
    try:
        query = parse_query(params | {"flags": ",".join(flags)})
    except SearchError as exc:
        return render(
            request,
            "search.html",
            desk,
            status=400,
            error=str(exc),
            params=params,
            flags=list(Flag),
            chosen=set(flags),
            results=None,
        )
    asked = bool(
        query.text or query.inspector or query.station or query.since or query.until or query.flags
    )

    def run(s: Session) -> Results:
        found = search(s, query)
        if query.text:
            Actor.of(desk, request).note(s, Action.SEARCH, subject=f"text:{query.text}"[:80])
        return found

    results = write(session, run)
    return render(
        request,
        "search.html",
        desk,
        params=params,
        flags=list(Flag),
        chosen=set(flags),
        results=results,
        asked=asked,
    )


def show_inspection(
    request: Request,
    desk: Viewer,
    session: SessionDep,
    platforms: PlatformsDep,
    inspection_id: str,
    *,
    revealed: dict[str, str] | None = None,
    why: str = "",
    status: int = 200,
    error: str = "",
) -> Response:
    lang = language(request)
    now = utcnow()

    def look(s: Session) -> InspectionView | None:
        view = inspection_view(s, inspection_id, lang)
        if view is not None and revealed is None:
            Actor.of(desk, request).note(
                s, Action.VIEW_INSPECTION, subject=view.subject, reason=why
            )
        return view

    view = write(session, look)
    if view is None:
        raise HTTPException(404, f"no inspection {inspection_id}")
    return render(
        request,
        "inspection.html",
        desk,
        status=status,
        view=view,
        revealed=revealed,
        platforms=platforms,
        grades=list(Grade),
        dispositions=list(Disposition),
        refund_kinds=list(RefundKind),
        responsibilities=list(Responsibility),
        error=error,
        now_local=now,
    )


@router.get("/inspections/{inspection_id}", response_class=HTMLResponse)
def inspection_page(
    request: Request,
    desk: Viewer,
    session: SessionDep,
    platforms: PlatformsDep,
    inspection_id: ID,
    why: Annotated[str, Query(max_length=500)] = "",
) -> Response:
    return show_inspection(request, desk, session, platforms, inspection_id, why=why[:500])


@router.post("/inspections/{inspection_id}/reveal", response_class=HTMLResponse)
def reveal_customer(
    request: Request,
    desk: Viewer,
    session: SessionDep,
    platforms: PlatformsDep,
    inspection_id: ID,
    reason: Annotated[str, Form(max_length=500)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """The customer's name and phone, shown once, for a reason that is kept with who asked."""
    check_csrf(request, desk.csrf, csrf)
    reason = reason.strip()
    if len(reason) < MIN_REASON:
        return show_inspection(
            request, desk, session, platforms, inspection_id, status=400, error="reason"
        )

    def reveal(s: Session) -> dict[str, str] | None:
        view = inspection_view(s, inspection_id, "en")
        if view is None:
            return None
        Actor.of(desk, request).note(
            s,
            Action.REVEAL_CUSTOMER,
            subject=view.subject,
            reason=reason,
            details={"rma_no": view.row.rma_no},
        )
        return customer(s, view.row.rma_no) or {}

    shown = write(session, reveal)
    if shown is None:
        raise HTTPException(404, f"no inspection {inspection_id}")
    return show_inspection(request, desk, session, platforms, inspection_id, revealed=shown)


@router.get("/media/{sha256}")
def media(
    sha256: SHA,
    desk: Viewer,
    session: SessionDep,
    runtime: RuntimeDep,
    range_header: Annotated[str | None, Header(alias="range")] = None,
) -> Response:
    kind = read(session, lambda s: evidence_media(s, sha256))
    size = read(session, lambda s: blob_size(s, sha256)) if kind else None
    if kind is None or size is None:
        raise HTTPException(404, "no such evidence here (not uploaded yet?)")
    return blob_response(runtime.blobs, sha256, size, kind, range_header)


def fen_of(text: str) -> int | None:
    """An amount typed in a form (``12.50``, ``¥1,200``) in fen; empty: none given."""
    text = text.strip().replace(",", "").removeprefix("¥")
    if not text:
        return None
    try:
        return yuan_to_fen(text, zero=True)
    except ValueError as exc:
        raise Invalid(str(exc)) from None


@router.post("/inspections/{inspection_id}/decision")
def decide(
    request: Request,
    desk: Decider,
    session: SessionDep,
    platforms: PlatformsDep,
    inspection_id: ID,
    csrf: Annotated[str, Form(max_length=100)] = "",
    approve: Annotated[str, Form(max_length=10)] = "",
    grade: Annotated[str, Form(max_length=2)] = "",
    disposition: Annotated[str, Form(max_length=30)] = "",
    refund_kind: Annotated[str, Form(max_length=10)] = "",
    refund_yuan: Annotated[str, Form(max_length=20)] = "",
    responsibility: Annotated[str, Form(max_length=20)] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """The same decision a supervisor makes at a bench, made as the badge central issued
    them; customer service cannot reach this (403)."""
    check_csrf(request, desk.csrf, csrf)
    now = utcnow()
    badge = desk.user.badge_id
    who = read(session, lambda s: people.person(s, badge)) if badge else None
    if who is None or not who.active or who.role not in people.REVIEWERS:
        return show_inspection(
            request, desk, session, platforms, inspection_id, status=403, error="badge"
        )
    try:
        decision = Decision(
            decision_id=str(uuid.uuid4()),
            inspection_id=inspection_id,
            decided_by=who.badge_id,
            decided_at=now,
            reason=reason.strip(),
            approve=approve == "yes",
            grade=Grade(grade) if grade else None,
            disposition=Disposition(disposition) if disposition else None,
            refund_kind=RefundKind(refund_kind) if refund_kind else None,
            refund_fen=fen_of(refund_yuan),
            responsibility=Responsibility(responsibility) if responsibility else None,
        )
    except (ValidationError, ValueError, Refused):
        return show_inspection(
            request, desk, session, platforms, inspection_id, status=422, error="decision"
        )

    def make(s: Session) -> None:
        decide_at_central(s, decision, now, decided_by=who.badge_id)
        Actor.of(desk, request).note(
            s,
            Action.DECIDE,
            subject=f"inspection:{inspection_id}",
            reason=decision.reason,
            details={
                "decision_id": decision.decision_id,
                "approve": decision.approve,
                "badge": who.badge_id,
            },
        )

    try:
        write(session, make)
    except Refused as exc:
        return show_inspection(
            request,
            desk,
            session,
            platforms,
            inspection_id,
            status=exc.status,
            error=str(exc)[:300],
        )
    return go(f"{PREFIX}/inspections/{inspection_id}#decisions")


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    desk: Auditor,
    session: SessionDep,
    login: str | None = None,
    subject: str | None = None,
) -> Response:
    rows = read(
        session, lambda s: entries(s, login=login or None, subject=subject or None, limit=500)
    )
    return render(request, "audit.html", desk, rows=rows, login=login or "", subject=subject or "")
