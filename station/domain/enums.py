"""The after-sales vocabulary, as the station uses it: defined once by the protocol that
stations and the central service share (:mod:`station.protocol.enums`)."""

from station.protocol.enums import (
    Actor,
    Carrier,
    Category,
    Disposition,
    Grade,
    InspectionState,
    OrderState,
    PhotoKind,
    RefundKind,
    Responsibility,
    ReturnReason,
    Role,
)

__all__ = [
    "Actor",
    "Carrier",
    "Category",
    "Disposition",
    "Grade",
    "InspectionState",
    "OrderState",
    "PhotoKind",
    "RefundKind",
    "Responsibility",
    "ReturnReason",
    "Role",
]
