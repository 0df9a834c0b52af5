"""Read-only tables for the supervisor's screens, and the texts they show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from station.domain import money
from station.domain.labels import Language, label
from station.domain.outcome import OUTCOME_FIELDS, Outcome
from station.review.evidence import EvidenceDetail
from station.ui.texts import listing

_CHANGED = QColor("#fff1d6")


def yuan(fen: int | None) -> str:
    return "—" if fen is None else money.yuan(fen)


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_only(table: QTableWidget, *, selectable: bool = False) -> QTableWidget:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if selectable:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    else:
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(True)
    return table


def fill(
    table: QTableWidget,
    rows: Sequence[Sequence[object]],
    colours: Sequence[QColor | None] = (),
) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        colour = colours[r] if r < len(colours) else None
        for c, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if colour is not None:
                item.setBackground(colour)
            table.setItem(r, c, item)


def facts_html(lines: Sequence[tuple[str, str]], language: Language) -> str:
    """Caption–value pairs, two to a row."""
    colon = "：" if language == "zh_CN" else ": "
    cells = [f"<td><b>{k}</b>{colon}{html(v)}</td>" for k, v in lines]
    rows = ["<tr>" + "".join(cells[n : n + 2]) + "</tr>" for n in range(0, len(cells), 2)]
    return "<table cellspacing='0' cellpadding='2' width='100%'>" + "".join(rows) + "</table>"


def outcome_cells(outcome: Outcome | None, language: Language) -> list[str]:
    if outcome is None:
        return ["—"] * 5
    coded = (outcome.grade, outcome.disposition, outcome.refund_kind)
    cells = [label(v, language) if v else "—" for v in coded]
    cells.append(yuan(outcome.refund_fen))
    cells.append(label(outcome.responsibility, language) if outcome.responsibility else "—")
    return cells


def fill_verdict(table: QTableWidget, d: EvidenceDetail, language: Language) -> None:
    """Proposal, verdict (what differs from the proposal marked) and the inspector's own."""
    table.setColumnHidden(2, d.station_verdict is None)
    for col, outcome in enumerate((d.proposal, d.verdict, d.station_verdict)):
        for row, text in enumerate(outcome_cells(outcome, language)):
            item = QTableWidgetItem(text)
            field = OUTCOME_FIELDS[row]
            changed = d.proposal is not None and (
                getattr(d.proposal, field) != getattr(d.verdict, field)
            )
            if col == 1 and changed:
                item.setBackground(_CHANGED)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, col, item)


def fill_answers(table: QTableWidget, d: EvidenceDetail, language: Language) -> None:
    index = 0 if language == "zh_CN" else 1
    table.setRowCount(len(d.answers))
    for row, answer in enumerate(d.answers):
        found = listing((f[index] for f in answer.findings), language)
        for col, text in enumerate((answer.question[index], answer.answer[index], found or "✓")):
            item = QTableWidgetItem(text)
            if answer.findings:
                item.setForeground(Qt.GlobalColor.darkRed)
            table.setItem(row, col, item)
    table.setFixedHeight(min(420, 32 + 30 * max(1, len(d.answers))))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
