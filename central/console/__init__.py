"""The dispute desk: pages in the browser for customer service and supervisors (``/desk``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.console import dispute_pages, pages
from central.console.web import (
    PREFIX,
    SECURITY_HEADERS,
    BadForm,
    BadInput,
    NotAllowed,
    SignInNeeded,
    go,
    plain_input,
    render,
)


def mount_desk(app: FastAPI) -> None:
    # a query parameter or form field with a control character is refused (422) by every page
    app.include_router(pages.router, dependencies=[Depends(plain_input)])
    app.include_router(dispute_pages.router, dependencies=[Depends(plain_input)])
    app.mount(
        PREFIX + "/static",
        StaticFiles(directory=Path(__file__).with_name("static")),
        name="desk-static",
    )
    app.add_exception_handler(SignInNeeded, _sign_in)
    app.add_exception_handler(NotAllowed, _not_allowed)
    app.add_exception_handler(BadForm, _bad_form)
    app.add_exception_handler(BadInput, _bad_input)
    app.add_middleware(DeskHeaders)


@dataclass(slots=True)
class DeskHeaders:
    """ASGI middleware: every answer under ``/desk`` — its 404s and 422s, its static files, its
    downloads — carries the pages' security headers (a route's own values are kept)."""

    app: ASGIApp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not (path == PREFIX or path.startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                static = path.startswith(PREFIX + "/static/")  # the same for everyone: cached
                headers += [
                    (name.lower().encode("latin-1"), value.encode("latin-1"))
                    for name, value in SECURITY_HEADERS.items()
                    if name.lower().encode("latin-1") not in present
                    and not (static and name == "Cache-Control")
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)


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


async def _bad_input(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BadInput)
    return _error(
        request,
        422,
        "422",
        f"The field {exc.name[:40]!r} holds a control character; remove it and try again.",
    )
