"""Who may review: supervisors and admins. Every service call checks the acting user twice:
the view the UI holds, and the user's row in the store (the role may have changed, or the
view may not be what it claims)."""

from __future__ import annotations

from typing import Final

from sqlalchemy.orm import Session

from station.domain.labels import label
from station.domain.records import UserView
from station.protocol.enums import Role
from station.review.errors import ReviewError
from station.store.models import User

REVIEW_ROLES: Final = frozenset({Role.SUPERVISOR, Role.ADMIN})


class NotAllowed(ReviewError):
    """The acting user may not review (an inspector, a disabled or unknown badge)."""


def can_review(user: UserView | None) -> bool:
    return user is not None and user.active and user.role in REVIEW_ROLES


def require_reviewer(user: UserView | None) -> UserView:
    if user is None or not can_review(user):
        who = user.badge_id if user is not None else "nobody"
        raise NotAllowed(
            f"{who} may not review inspections: only supervisors and admins may.",
            f"{who} 无复核权限：仅主管和管理员可以复核。",
        )
    return user


def check_reviewer(session: Session, user: UserView) -> None:
    """The same check against the store, inside the caller's transaction."""
    require_reviewer(user)
    row = session.get(User, user.id)
    if row is None or row.badge_id != user.badge_id or not row.active:
        raise NotAllowed(
            f"{user.badge_id} is not an active user of this station.",
            f"{user.badge_id} 不是本工作台的有效用户。",
        )
    role = Role(row.role)
    if role not in REVIEW_ROLES:
        raise NotAllowed(
            f"{user.badge_id} is {label(role, 'en').lower()} now and may not review inspections.",
            f"{user.badge_id} 当前角色为{label(role, 'zh_CN')}，无复核权限。",
        )
