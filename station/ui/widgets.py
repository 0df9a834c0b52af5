"""Small widgets shared by the station's views."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeAlias, TypedDict, TypeVar, Unpack

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station.domain.labels import Language, label


def set_tone(widget: QWidget, tone: str) -> None:
    """Switch a widget's ``tone`` property (ok / warn / error / …) and re-apply the style."""
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class NoticeBar(QLabel):
    """One line that tells the inspector what just happened, in a strong colour that stays
    until the next thing happens (read at arm's length, seen from the corner of an eye)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setWordWrap(True)
        self.setMinimumHeight(44)
        self._tone = ""

    @property
    def tone(self) -> str:
        return self._tone

    def show_message(self, text: str, tone: str = "info") -> None:
        self._tone = tone
        self.setText(text)
        set_tone(self, tone)

    def announce(self, text: str, tone: str = "info") -> None:
        """Show the bar (kept hidden until there is something to say) with ``text``."""
        self.show()
        self.show_message(text, tone)


class Placeholder(QFrame):
    """A framed area with a caption, holding the place of a panel that is not shown yet."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "placeholder")
        layout = QVBoxLayout(self)
        layout.addWidget(text_label(caption, wrap=True, align=Qt.AlignmentFlag.AlignCenter))


def scrolling(content: QWidget, *, framed: bool = False) -> QScrollArea:
    """``content`` in a scroll area (frameless unless ``framed``), so a small screen still
    shows it all."""
    area = QScrollArea()
    area.setObjectName("panelScroll")
    area.setWidget(content)
    area.setWidgetResizable(True)
    # the content follows the width; only a lack of height scrolls
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if not framed:
        area.setFrameShape(QFrame.Shape.NoFrame)
    return area


# -- building blocks ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stretch:
    """Empty space in a row or column that takes ``factor`` shares of what is left."""

    factor: int = 1


STRETCH = Stretch()
Margins: TypeAlias = int | tuple[int, int, int, int]
# a widget, a layout or a stretch; (widget or layout, n) stretches it by n
LayoutItem: TypeAlias = QWidget | QLayout | Stretch | tuple[QWidget | QLayout, int]


class BoxOptions(TypedDict, total=False):
    margins: Margins  # around the items: one for all four sides, or (left, top, right, bottom)
    spacing: int  # between the items
    parent: QWidget  # the widget the box lays out


Box = TypeVar("Box", bound=QBoxLayout)


def _filled(box: Box, items: Iterable[LayoutItem], options: BoxOptions) -> Box:
    parent = options.get("parent")
    if parent is not None:
        parent.setLayout(box)
    margins = options.get("margins")
    if margins is not None:
        box.setContentsMargins(*((margins,) * 4 if isinstance(margins, int) else margins))
    spacing = options.get("spacing")
    if spacing is not None:
        box.setSpacing(spacing)
    for item in items:
        target, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(target, Stretch):
            box.addStretch(target.factor)
        elif isinstance(target, QLayout):
            box.addLayout(target, stretch)
        else:
            box.addWidget(target, stretch)
    return box


def vbox(*items: LayoutItem, **options: Unpack[BoxOptions]) -> QVBoxLayout:
    """A column of ``items``; an (item, n) pair stretches by n."""
    return _filled(QVBoxLayout(), items, options)


def hbox(*items: LayoutItem, **options: Unpack[BoxOptions]) -> QHBoxLayout:
    """A row of ``items``; an (item, n) pair stretches by n."""
    return _filled(QHBoxLayout(), items, options)


def holder(layout: QLayout) -> QWidget:
    """A plain widget around ``layout``, for a place that takes one widget."""
    widget = QWidget()
    widget.setLayout(layout)
    return widget


def text_label(
    text: str = "",
    *,
    name: str = "",
    wrap: bool = False,
    selectable: bool = False,
    text_format: Qt.TextFormat | None = None,
    align: Qt.AlignmentFlag | None = None,
) -> QLabel:
    """A label; ``name`` is its object name, which the style sheets select on."""
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    if wrap:
        widget.setWordWrap(True)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if text_format is not None:
        widget.setTextFormat(text_format)
    if align is not None:
        widget.setAlignment(align)
    return widget


def push_button(
    text: str = "", *, name: str = "", clicked: Callable[[], object] | None = None
) -> QPushButton:
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


def code_combo(codes: Iterable[StrEnum], language: Language) -> QComboBox:
    """Domain codes by their names in ``language``; each item's data is the code's value."""
    box = QComboBox()
    for code in codes:
        box.addItem(label(code, language), code.value)
    return box


def select_data(box: QComboBox, value: object) -> None:
    """Make the item whose data is ``value`` current; the first one when no item has it."""
    box.setCurrentIndex(max(box.findData(value), 0))


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> Path | None:
    """The file the user chose in the save dialog, or None if they cancelled it."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


def centred_fit(size: QSize, box: QSize) -> QRectF:
    """Where a picture of ``size`` goes in ``box``: as large as fits, its proportions kept,
    in the middle."""
    fitted = size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
    return QRectF(
        (box.width() - fitted.width()) / 2,
        (box.height() - fitted.height()) / 2,
        fitted.width(),
        fitted.height(),
    )
