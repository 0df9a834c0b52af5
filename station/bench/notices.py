"""What the bench tells the inspector, as data: which message, how urgent, with what in it.

The session decides what to say; the window words it in the inspector's language (Qt's
translations) and colours it by its tone. Arguments arrive already localised where they are
names (a state, a photo kind), so the window only fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Tone(StrEnum):
    """How a notice looks and, for scans, sounds."""

    OK = "ok"
    INFO = "info"
    WARN = "warn"
    ERROR = "error"


class Sound(StrEnum):
    """The audible answer to a scan: a short beep, a query, a buzz."""

    SUCCESS = "success"
    UNKNOWN = "unknown"
    ERROR = "error"


class Say(StrEnum):
    """Every message of the bench; the window has one wording for each."""

    HELLO = "hello"  # user
    WELCOME_BACK = "welcome_back"  # user
    ITEM_CODE_FIRST = "item_code_first"  # code
    TEXT_CODE = "text_code"  # code
    NOTHING_TO_DO = "nothing_to_do"  # command
    ALREADY_INSPECTING = "already_inspecting"  # rma
    INSPECTING = "inspecting"  # rma
    RESUMED = "resumed"  # rma
    UNMATCHED = "unmatched"  # code
    NOT_INSPECTABLE = "not_inspectable"  # rma, state
    BAD_SCAN = "bad_scan"  # reason
    SCAN_CUT_SHORT = "scan_cut_short"  # what arrived
    SCAN_FAILED = "scan_failed"  # error
    CAMERA_OTHER_PARCEL = "camera_other_parcel"  # code
    CAMERA_OTHER_ITEM = "camera_other_item"  # code
    ITEM_MATCHES = "item_matches"
    ITEM_MISMATCH = "item_mismatch"  # code
    ANSWER_FIRST = "answer_first"  # question
    STILL_NEEDED = "still_needed"  # what
    PHOTO_NEEDS_PARCEL = "photo_needs_parcel"
    NO_CAMERA_PICTURE = "no_camera_picture"
    PHOTO_FLAGGED = "photo_flagged"  # reasons
    PHOTO_TAKEN = "photo_taken"  # kind
    PHOTO_KEPT = "photo_kept"  # kind
    PHOTO_REFUSED = "photo_refused"  # reason
    DONE = "done"  # rma, outcome
    DONE_FOR_REVIEW = "done_for_review"  # rma, outcome
    DONE_NO_LABEL = "done_no_label"  # reason
    NOT_COMPLETED = "not_completed"  # reason
    OVERRIDE_REFUSED = "override_refused"  # reason
    NO_LABEL_YET = "no_label_yet"
    REPRINTING = "reprinting"
    REPRINT_FAILED = "reprint_failed"  # reason
    NOTHING_TO_CANCEL = "nothing_to_cancel"
    CANCEL_AGAIN = "cancel_again"  # rma
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Notice:
    say: Say
    tone: Tone
    args: tuple[str, ...] = ()
