"""Threads that must never take the CPU from the window run at a lower priority."""

from __future__ import annotations

import contextlib
import os
import threading


def lower_this_thread(niceness: int) -> None:
    """Lower the calling thread's scheduling priority (Linux: per-thread nice value;
    elsewhere nothing happens)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
