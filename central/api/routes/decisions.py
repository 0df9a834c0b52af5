"""Decisions a supervisor makes at the central service, signed in with badge and PIN."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from central.api.deps import SessionDep, SupervisorDep
from central.api.models import Problem, Published
from central.db.session import write
from central.db.types import utcnow
from central.services.publishing import decide_at_central
from station.protocol.events import Decision

router = APIRouter(tags=["decisions"])


@router.post(
    "/v1/decisions",
    operation_id="publish_decision",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": Published, "description": "Already made as it is"},
        401: {"model": Problem, "description": "No supervisor's session"},
        404: {"model": Problem, "description": "No such inspection"},
        409: {"model": Problem, "description": "Decision id taken"},
        422: {"model": Problem, "description": "Refused (e.g. a refund the order does not allow)"},
    },
)
def post_decision(
    body: Decision, supervisor: SupervisorDep, session: SessionDep, response: Response
) -> Published:
    """It is recorded as the signed-in supervisor's, whatever ``decided_by`` says, and reaches
    the stations of the inspection's warehouse as a change."""
    now = utcnow()
    outcome = write(
        session, lambda s: decide_at_central(s, body, now, decided_by=supervisor.badge_id)
    )
    response.status_code = status.HTTP_201_CREATED if outcome.published else status.HTTP_200_OK
    return Published(
        published=outcome.published, unchanged=outcome.unchanged, cursor=str(outcome.cursor)
    )
