"""Key events exactly as keyboards and keyboard-wedge scanners produce them, with the window
system's timestamps, so tests decide the timing instead of the machine's load."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')
_clock = itertools.count(10_000, 1_000)  # each sequence starts well after the last one ended


@dataclass(frozen=True, slots=True)
class Key:
    press: bool
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at_ms: int
    auto_repeat: bool = False  # sent by the keyboard while a key is held down


_SPECIAL = {"\x1d": Qt.Key.Key_BracketRight, "\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


def _key_code(ch: str) -> int:
    if ch in _SPECIAL:
        return int(_SPECIAL[ch].value)
    return ord(ch.upper()) if ch.isascii() else 0


def hid_keys(
    text: str,
    *,
    gap_ms: int = 8,
    suffix: Qt.Key | None = Qt.Key.Key_Return,
    shift_per_capital: bool = True,
    caps_lock: bool = False,
    start: int | None = None,
) -> list[Key]:
    """What a HID keyboard-wedge scanner sends for ``text``: every character a press and a
    release; Shift pressed before and released after each capital or shifted symbol (or, with
    ``caps_lock``, capitals typed under Caps Lock without Shift); GS as Ctrl+]. The first key
    comes at ``start`` (ms), by default well after the last sequence."""
    t = itertools.count(later() if start is None else start, gap_ms)
    keys: list[Key] = []
    none = Qt.KeyboardModifier.NoModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    for ch in text:
        code = _key_code(ch)
        if ch == "\x1d":
            at = next(t)
            keys += [
                Key(True, Qt.Key.Key_Control.value, ctrl, "", at),
                Key(True, code, ctrl, ch, at + 1),
                Key(False, code, ctrl, ch, at + 2),
                Key(False, Qt.Key.Key_Control.value, none, "", at + 3),
            ]
            continue
        shifted = (ch.isupper() and not caps_lock) or ch in _SHIFTED
        if shifted and shift_per_capital:
            at = next(t)
            keys += [
                Key(True, Qt.Key.Key_Shift.value, shift, "", at),
                Key(True, code, shift, ch, at + 1),
                Key(False, code, shift, ch, at + 2),
                Key(False, Qt.Key.Key_Shift.value, none, "", at + 3),
            ]
        else:
            at = next(t)
            modifiers = shift if shifted else none
            keys += [Key(True, code, modifiers, ch, at), Key(False, code, modifiers, ch, at + 1)]
    if suffix is not None:
        at = next(t)
        keys += [Key(True, suffix.value, none, "", at), Key(False, suffix.value, none, "", at + 1)]
    return keys


def later() -> int:
    """A time (ms) well after every key sent so far."""
    return next(_clock)


def tap(
    key: Qt.Key, at_ms: int, text: str = "", modifiers: Qt.KeyboardModifier | None = None
) -> list[Key]:
    """One key pressed and released at ``at_ms``."""
    mods = Qt.KeyboardModifier.NoModifier if modifiers is None else modifiers
    return [Key(True, key.value, mods, text, at_ms), Key(False, key.value, mods, text, at_ms + 1)]


def ends_at(keys: list[Key]) -> int:
    return keys[-1].at_ms


def send_keys(widget: QWidget, keys: list[Key]) -> None:
    """Deliver the keys to the widget's window, which hands them to the focused widget, with
    the application's event filters (the scanner wedge) seeing them first."""
    handle = widget.window().windowHandle()
    assert handle is not None
    for k in keys:
        kind = QEvent.Type.KeyPress if k.press else QEvent.Type.KeyRelease
        text = {Qt.Key.Key_Return.value: "\r", Qt.Key.Key_Tab.value: "\t"}.get(k.key, k.text)
        event = QKeyEvent(kind, k.key, k.modifiers, text, k.auto_repeat)
        event.setTimestamp(k.at_ms)
        QApplication.sendEvent(handle, event)
