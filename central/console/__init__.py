"""The dispute desk: pages in the browser for customer service and supervisors (``/desk``)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from central.console import dispute_pages, pages
from central.console.web import PREFIX, BadForm, NotAllowed, SignInNeeded, go, render


def mount_desk(app: FastAPI) -> None:
    app.include_router(pages.router)
    app.include_router(dispute_pages.router)
    app.mount(
        PREFIX + "/static",
        StaticFiles(directory=Path(__file__).with_name("static")),
        name="desk-static",
    )
    app.add_exception_handler(SignInNeeded, _sign_in)
    app.add_exception_handler(NotAllowed, _not_allowed)
    app.add_exception_handler(BadForm, _bad_form)


async def _sign_in(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInNeeded)
    return go(f"{PREFIX}/sign-in?then={quote(exc.then, safe='')}")


def _error(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    return render(request, "error.html", None, status=status, title=title, message=message)


async def _not_allowed(request: Request, _exc: Exception) -> Response:
    return _error(request, 403, "403", "Your role may not use this page or action.")


async def _bad_form(request: Request, _exc: Exception) -> Response:
    return _error(
        request, 403, "403", "The form was stale or came from elsewhere; reload the page."
    )
