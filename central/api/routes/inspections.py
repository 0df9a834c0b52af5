"""The supervisors' read API: a supervisor's session, not a bench's token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status

from central.api.deps import SessionDep, SupervisorDep
from central.api.models import Problem
from central.db.session import read
from central.services.inspections import Filters, inspection_detail, list_inspections
from station.protocol.wire import InspectionDetail, InspectionPage

router = APIRouter(tags=["inspections"], responses={401: {"model": Problem}})

STATION_PATTERN = r"^[A-Z0-9][A-Z0-9-]{1,19}$"
ID_PATTERN = r"^[0-9a-f-]{36}$"


@router.get("/v1/inspections", operation_id="list_inspections")
def get_inspections(
    supervisor: SupervisorDep,
    session: SessionDep,
    station_id: Annotated[str | None, Query(alias="station", pattern=STATION_PATTERN)] = None,
    needs_review: bool | None = None,
    overturned: bool | None = None,
    rma: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> InspectionPage:
    """Newest completed first; inspections still open or cancelled after them."""
    filters = Filters(station_id, needs_review, overturned, rma.strip().upper() if rma else None)
    return read(session, lambda s: list_inspections(s, filters, limit, offset))


@router.get(
    "/v1/inspections/{inspection_id}",
    operation_id="get_inspection",
    responses={404: {"model": Problem}},
)
def get_inspection(
    supervisor: SupervisorDep,
    session: SessionDep,
    inspection_id: Annotated[str, Path(pattern=ID_PATTERN)],
) -> InspectionDetail:
    detail = read(session, lambda s: inspection_detail(s, inspection_id))
    if detail is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no inspection {inspection_id}")
    return detail
