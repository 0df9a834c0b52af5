"""What a check's outcome and a refused setting mean, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station.setup.checks import Check, Outcome


def check_message(check: Check, subject: str) -> str:
    """One line for the user; the technical detail follows in brackets when there is one.
    ``subject`` is central, camera or printer."""
    texts = {
        Outcome.OK: {
            "central": QCoreApplication.translate(
                "SetupMessages", "Connected: the central service accepts this station."
            ),
            "camera": QCoreApplication.translate("SetupMessages", "The camera works."),
            "printer": QCoreApplication.translate("SetupMessages", "The printer is ready."),
        },
        Outcome.BAD_VALUE: {
            "central": QCoreApplication.translate(
                "SetupMessages", "This is not a service address."
            ),
            "camera": QCoreApplication.translate("SetupMessages", "This is not a camera setting."),
            "printer": QCoreApplication.translate(
                "SetupMessages", "This is not a printer setting."
            ),
        },
        Outcome.UNREACHABLE: {
            "central": QCoreApplication.translate(
                "SetupMessages",
                "Nothing answers at this address. Check the address and the network.",
            ),
        },
        Outcome.NOT_CENTRAL: {
            "central": QCoreApplication.translate(
                "SetupMessages",
                "Something answers at this address, but it is not a central service.",
            ),
        },
        Outcome.NO_CREDENTIALS: {
            "central": QCoreApplication.translate(
                "SetupMessages",
                "The service answers, but the station has no token or enrolment code for it.",
            ),
        },
        Outcome.REFUSED: {
            "central": QCoreApplication.translate(
                "SetupMessages", "The service refused the token or enrolment code."
            ),
        },
        Outcome.NOT_FOUND: {
            "camera": QCoreApplication.translate(
                "SetupMessages", "No such camera: is it plugged in?"
            ),
            "printer": QCoreApplication.translate(
                "SetupMessages", "No such printer: is it switched on and connected?"
            ),
        },
        Outcome.NOT_READY: {
            "camera": QCoreApplication.translate(
                "SetupMessages", "The camera is there but gives no picture."
            ),
            "printer": QCoreApplication.translate(
                "SetupMessages", "The printer is there but cannot print now."
            ),
        },
    }
    text = texts.get(check.outcome, {}).get(subject) or QCoreApplication.translate(
        "SetupMessages", "The check failed."
    )
    return f"{text} ({check.detail})" if check.detail else text


def setting_problem(key: str, fallback: str) -> str:
    """Why a setting was refused: a translated hint where there is one."""
    hints = {
        "station_id": QCoreApplication.translate(
            "SetupMessages", "2–20 capital letters, digits or '-', e.g. ST-HZ01."
        ),
        "central_url": QCoreApplication.translate(
            "SetupMessages", "An http:// or https:// address, e.g. http://central:8765."
        ),
        "camera": QCoreApplication.translate(
            "SetupMessages", "Choose a camera from the list, a video file, or no camera."
        ),
        "label_printer": QCoreApplication.translate(
            "SetupMessages", "Choose a printer: CUPS queue, ZPL printer, system printer or folder."
        ),
        "idle_lock_minutes": QCoreApplication.translate(
            "SetupMessages", "Between 1 and 240 minutes."
        ),
        "data_dir": QCoreApplication.translate(
            "SetupMessages", "A folder the station can write to."
        ),
    }
    return hints.get(key, fallback)
