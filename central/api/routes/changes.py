"""The feed of expected returns, templates, users, decisions and evidence holds, by cursor:
each station gets what is for every station and what is for its own warehouse."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from central.api.deps import SessionDep, StationDep
from central.api.models import Problem
from central.db.session import read
from central.services.changes import page, parse_cursor
from station.protocol.wire import MAX_PAGE, ChangesPage

router = APIRouter(tags=["changes"])


@router.get(
    "/v1/changes",
    operation_id="get_changes",
    responses={
        400: {"model": Problem, "description": "Malformed cursor"},
        409: {"model": Problem, "description": "Cursor ahead of this service"},
    },
)
def get_changes(
    station: StationDep,
    session: SessionDep,
    since: Annotated[
        str | None, Query(description="the cursor of the last page; none: start")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
) -> ChangesPage:
    after = parse_cursor(since)
    return read(session, lambda s: page(s, after, limit, station.warehouse))
