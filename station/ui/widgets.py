"""Small widgets shared by the station's views."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def set_tone(widget: QWidget, tone: str) -> None:
    """Switch a widget's ``tone`` property (ok / warn / error / …) and re-apply the style."""
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class NoticeBar(QLabel):
    """One line that tells the inspector what just happened, with a short colour flash."""

    FLASH_MS = 450

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setWordWrap(True)
        self.setMinimumHeight(44)
        self._tone = ""
        self._unflash = QTimer(self)
        self._unflash.setSingleShot(True)
        self._unflash.setInterval(self.FLASH_MS)
        self._unflash.timeout.connect(lambda: set_tone(self, self._tone))

    @property
    def tone(self) -> str:
        return self._tone

    def show_message(self, text: str, tone: str = "info") -> None:
        self._tone = tone
        self.setText(text)
        set_tone(self, f"{tone}-flash")
        self._unflash.start()


class Placeholder(QFrame):
    """A framed area with a caption, holding the place of a panel that is not shown yet."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "placeholder")
        layout = QVBoxLayout(self)
        text = QLabel(caption)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        layout.addWidget(text)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area, so a small screen still shows it all."""
    area = QScrollArea()
    area.setObjectName("panelScroll")
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
