"""Supervisors sign in with their badge and PIN; the session is a bearer token."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request, Response, status
from sqlalchemy.orm import Session

from central.api.deps import Credentials, RuntimeDep, SessionDep, SupervisorDep, address
from central.api.models import Problem
from central.db.session import read, write
from central.db.types import utcnow
from central.services import people
from central.services.sessions import close_session, open_session
from station.protocol.badges import BadBadge, BadgeCode, parse_code
from station.protocol.wire import SupervisorLogin, SupervisorSession

log = logging.getLogger(__name__)

router = APIRouter(tags=["sessions"])
_REFUSED = "wrong badge or PIN, or this badge may not sign in here"


@router.post(
    "/v1/sessions",
    operation_id="open_session",
    status_code=status.HTTP_201_CREATED,
    responses={
        401: {"model": Problem, "description": "Wrong badge or PIN, or not a supervisor"},
        423: {"model": Problem, "description": "The badge is locked after wrong PINs"},
        429: {"model": Problem, "description": "Too many failures from this address"},
    },
)
def post_session(
    body: SupervisorLogin, session: SessionDep, runtime: RuntimeDep, request: Request
) -> SupervisorSession:
    where = address(request)
    runtime.throttle.check("login", where)
    try:
        code = parse_code(body.badge_code)
    except BadBadge:
        code = BadgeCode("UNKNOWN", "A" * 26)  # costs the same as a real check
    now = utcnow()
    checked = read(session, lambda s: people.check_pin(s, code, body.pin))
    if checked is people.PinCheck.NOT_THE_BADGE:  # no PIN guess: nothing counts toward a lock
        runtime.throttle.fail("login", where)
        log.warning("sign-in with an unknown badge or secret for %s from %s", code.badge_id, where)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, _REFUSED)
    # the badge is genuine: its holder may learn that it is locked
    locked = read(session, lambda s: people.locked_until(s, code.badge_id, now))
    if locked is not None:
        runtime.throttle.fail("login", where)
        log.warning("sign-in with locked badge %s from %s", code.badge_id, where)
        raise HTTPException(
            status.HTTP_423_LOCKED,
            f"badge locked until {locked:%Y-%m-%d %H:%M} UTC after wrong PINs",
        )
    if checked is people.PinCheck.WRONG_PIN:
        runtime.throttle.fail("login", where)
        write(session, lambda s: people.count_failure(s, code.badge_id, now))
        log.warning("failed sign-in for badge %s from %s", code.badge_id, where)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, _REFUSED)
    who = read(session, lambda s: people.person(s, code.badge_id))
    if who is None or not who.active or who.role not in people.REVIEWERS:
        runtime.throttle.fail("login", where)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, _REFUSED)
    hours = runtime.settings.supervisor_session_hours

    def start(s: Session) -> SupervisorSession:
        people.count_success(s, who.badge_id, now)
        return open_session(s, who, now, hours)

    opened = write(session, start)
    log.info("supervisor %s signed in from %s", who.badge_id, where)
    return opened


@router.delete(
    "/v1/sessions/current",
    operation_id="close_session",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={401: {"model": Problem}},
)
def delete_session(who: SupervisorDep, session: SessionDep, credentials: Credentials) -> Response:
    assert credentials is not None
    token = credentials.credentials
    write(session, lambda s: close_session(s, token))
    log.info("supervisor %s signed out", who.badge_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
