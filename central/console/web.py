"""What every page of the desk shares: the signed-in user from the session cookie, permission
checks, CSRF checks on every form posted, the templates and the language.

Cookies are HttpOnly and SameSite=Strict; Secure whenever the service is reached over TLS (it
serves plain HTTP only on loopback, central/core/config.py). Before sign-in the form carries a
token also set as a cookie (double submit), after it the session's own token.
"""

from __future__ import annotations

import hmac
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Final
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from fastapi import Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy.orm import Session

from central.api.deps import RuntimeDep, SessionDep, address
from central.console import messages
from central.console.accounts import Permission
from central.console.audit import Action, record
from central.console.platforms import DEFAULT_FILE, Platform, load_platforms
from central.console.signin import DeskSession, resume
from central.db.session import write
from central.db.types import utcnow
from central.services.jsonsafe import has_control

PREFIX: Final = "/desk"
SESSION_COOKIE: Final = "desk_session"
LOGIN_CSRF_COOKIE: Final = "desk_login_csrf"
LANG_COOKIE: Final = "desk_lang"
LANGUAGES: Final = ("zh_CN", "en")
# pages show personal data and evidence: never cached, never framed, nothing from elsewhere
SECURITY_HEADERS: Final = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' blob:; media-src 'self'; style-src 'self'; "
        "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

HIDDEN: Final = frozenset({"Cc", "Cf"})  # Unicode's control and format characters


def shown(value: object) -> object:
    """Text as a page shows it: without control or format characters (a bench's direction
    override turned "scan 0987654321FS" into "scan SF1234567890"; a vertical tab in a rule
    went into the pre-filled statement, which then could not be sent). Line breaks and tabs
    stay. Every ``{{ }}`` of every desk page goes through here."""
    if not isinstance(value, str) or value.isprintable():
        return value
    kept = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in HIDDEN)
    return Markup(kept) if isinstance(value, Markup) else kept


templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
templates.env.finalize = shown
templates.env.filters["todatetime"] = datetime.fromisoformat


class SignInNeeded(Exception):
    """No live session: the browser goes to the sign-in page and comes back to ``then``."""

    def __init__(self, then: str) -> None:
        super().__init__(then)
        self.then = then


class NotAllowed(Exception):
    """The signed-in user's role may not do this (403, audited)."""


class BadForm(Exception):
    """A form that fails its CSRF check (403)."""


class BadInput(Exception):
    """A query parameter or form field holding a control character (422): no column holds one
    (PostgreSQL refuses NUL in text), so it is refused before anything reads or stores it."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


# a text area may hold line breaks and tabs; nothing else below U+0020, nor DEL
_FORM_ALLOWS: Final = frozenset("\t\n\r")


async def plain_input(request: Request) -> None:
    """Every desk route's first check: no control character in a query parameter (as the API's
    ``plain_query``), none but line breaks and tabs in a form field."""
    for name, value in request.query_params.multi_items():
        if has_control(value):
            raise BadInput(name)
    kind = request.headers.get("content-type", "")
    if request.method == "POST" and kind.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        for name, field in (await request.form()).multi_items():
            if isinstance(field, str) and has_control(field, _FORM_ALLOWS):
                raise BadInput(name)


def language(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, "")
    return lang if lang in LANGUAGES else LANGUAGES[0]


def local_path(then: str | None) -> str:
    """Only a path of the desk itself, so a link cannot send a signed-in user elsewhere."""
    if then and then.startswith(PREFIX + "/") and "//" not in then and "\\" not in then:
        return then
    return PREFIX + "/search"


def secure(request: Request) -> bool:
    return request.url.scheme == "https"


def set_cookie(request: Request, response: Response, name: str, value: str, **kw: Any) -> None:
    response.set_cookie(
        name, value, httponly=True, samesite="strict", secure=secure(request), path=PREFIX, **kw
    )


def _where(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def current_session(request: Request, runtime: RuntimeDep, session: SessionDep) -> DeskSession:
    token = request.cookies.get(SESSION_COOKIE, "")
    idle = timedelta(minutes=runtime.settings.console_idle_minutes)
    found = write(session, lambda s: resume(s, token, utcnow(), idle=idle)) if token else None
    if found is None:
        raise SignInNeeded(_where(request) if request.method == "GET" else PREFIX + "/search")
    return found


DeskDep = Annotated[DeskSession, Depends(current_session)]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts on a page, and from where: what the desk's audit log records with each act."""

    login: str
    address: str

    @classmethod
    def of(cls, desk: DeskSession, request: Request) -> Actor:
        return cls(desk.user.login, address(request))

    def note(
        self,
        s: Session,
        action: Action,
        *,
        subject: str = "",
        reason: str = "",
        details: dict[str, Any] | None = None,
    ) -> None:
        """In the caller's transaction, with what it records."""
        record(
            s,
            login=self.login,
            action=action,
            at=utcnow(),
            subject=subject,
            reason=reason,
            address=self.address,
            details=details,
        )

    def note_alone(self, session: Session, action: Action, **facts: Any) -> None:
        """In a transaction of its own."""
        write(session, lambda s: self.note(s, action, **facts))


def needs(permission: Permission) -> Callable[..., DeskSession]:
    def dependency(
        desk: DeskDep, request: Request, runtime: RuntimeDep, session: SessionDep
    ) -> DeskSession:
        if not desk.user.may(permission):
            Actor.of(desk, request).note_alone(
                session,
                Action.REFUSED,
                subject=request.url.path[:80],
                details={"needs": permission.value, "role": desk.user.role.value},
            )
            raise NotAllowed(permission.value)
        return desk

    return dependency


Viewer = Annotated[DeskSession, Depends(needs(Permission.VIEW))]
Agent = Annotated[DeskSession, Depends(needs(Permission.DISPUTE))]
Decider = Annotated[DeskSession, Depends(needs(Permission.DECIDE))]
Auditor = Annotated[DeskSession, Depends(needs(Permission.AUDIT))]


def check_csrf(request: Request, expected: str, sent: str) -> None:
    """The form's token must be the session's; a browser that says where the form came from
    must say it came from this site."""
    site = request.headers.get("sec-fetch-site", "same-origin")
    if site not in ("same-origin", "none"):
        raise BadForm("cross-site form")
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise BadForm("form from another origin")
    if not sent or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise BadForm("missing or wrong CSRF token")


def new_login_token() -> str:
    return secrets.token_urlsafe(32)


def platforms(runtime: RuntimeDep) -> dict[str, Platform]:
    return load_platforms(runtime.settings.console_platforms or DEFAULT_FILE)


PlatformsDep = Annotated[dict[str, Platform], Depends(platforms)]


def render(
    request: Request,
    name: str,
    desk: DeskSession | None,
    *,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    lang = language(request)
    runtime = request.app.state.runtime
    zone = ZoneInfo(runtime.settings.console_timezone)
    response = templates.TemplateResponse(
        request,
        name,
        {
            "_": messages.translator(lang),
            "lang": lang,
            "desk": desk,
            "user": desk.user if desk else None,
            "csrf": desk.csrf if desk else "",
            "Permission": Permission,
            "when": lambda at: _when(at, zone),
            "yuan": yuan,
            "here": quote(
                request.url.path + (f"?{request.url.query}" if request.url.query else "")
            ),
            "page_query": page_query(request),
            **context,
        },
        status_code=status,
    )
    response.headers.update(SECURITY_HEADERS)
    return response


def page_query(request: Request) -> Callable[[int], str]:
    """This page's query string for another page of it (a pager's links): the same filters,
    a repeated one (``flag``) too, with ``page`` replaced; URL-encoded."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    return lambda page: urlencode([*kept, ("page", str(page))])


def _when(at: datetime | None, zone: ZoneInfo) -> str:
    if at is None:
        return ""
    try:
        return at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    except OverflowError:  # stored before central refused times this far out: shown in UTC
        return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def yuan(fen: int | None) -> str:
    return "" if fen is None else f"¥{fen // 100:,}.{fen % 100:02d}"


def go(to: str) -> RedirectResponse:
    """After a form: the browser loads the page anew (a refresh does not post again)."""
    return RedirectResponse(to, status_code=303, headers=SECURITY_HEADERS)
