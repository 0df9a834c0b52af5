"""One inspection's evidence beside the decision: the claim and the item, the photos (open one
with Enter for zoom, pan and side-by-side compare), the proposal against the verdict, the
rules that fired, the override reason, and every answer with the question as the inspector's
template version asked it. Everything is read and written through the task runner."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from station.domain.labels import Language, label
from station.domain.records import UserView
from station.evidence.pack import BuiltPack
from station.evidence.photo_store import PhotoStore
from station.review.decisions import DecisionMade, DecisionRequest
from station.review.evidence import EvidenceDetail
from station.review.rows import QueueRow, RowKind
from station.review.service import ReviewService
from station.ui.owned_tasks import submit
from station.ui.review.decision_form import DecisionForm
from station.ui.review.errors import describe
from station.ui.review.tables import (
    facts_html,
    fill_answers,
    fill_verdict,
    html,
    read_only,
    yuan,
)
from station.ui.review.thumbnails import ThumbnailStrip
from station.ui.tasks import TaskRunner
from station.ui.widgets import NoticeBar

log = logging.getLogger(__name__)

THUMB = QSize(104, 78)


class EvidenceView(QWidget):
    shown = Signal(object)  # EvidenceDetail | None
    decided = Signal(object)  # DecisionMade
    pack_written = Signal(object)  # BuiltPack
    failed = Signal(str)

    def __init__(
        self,
        service: ReviewService,
        runner: TaskRunner,
        photos: PhotoStore,
        *,
        user: UserView,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceView")
        self._service = service
        self._runner = runner
        self._photos = photos
        self._user = user
        self._language = language
        self.row: QueueRow | None = None
        self.detail: EvidenceDetail | None = None
        self._asked = 0

        self.title = QLabel(self.tr("Choose an item in the queue"))
        self.title.setObjectName("evidenceTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("statusBadge")
        self.facts = QLabel()
        self.facts.setObjectName("evidenceFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.thumbs = ThumbnailStrip(runner, photos, language=language, size=THUMB)
        self.verdict = QTableWidget(5, 3)
        self.verdict.setObjectName("verdictTable")
        self.verdict.setHorizontalHeaderLabels(
            [self.tr("Proposal"), self.tr("Verdict"), self.tr("Inspector's verdict")]
        )
        self.verdict.setVerticalHeaderLabels(
            [
                self.tr("Grade"),
                self.tr("Disposition"),
                self.tr("Refund"),
                self.tr("Amount"),
                self.tr("Responsibility"),
            ]
        )
        self._fixed_table(self.verdict)
        self.verdict.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verdict.verticalHeader().setDefaultSectionSize(28)
        self.verdict.setFixedHeight(28 * 5 + 34)
        self.verdict.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.override = QLabel()
        self.override.setObjectName("overrideNote")
        self.override.setWordWrap(True)
        self.rules = QLabel()
        self.rules.setObjectName("rulesFired")
        self.rules.setWordWrap(True)
        self.answers = QTableWidget(0, 3)
        self.answers.setObjectName("answersTable")
        self.answers.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Answer"), self.tr("Meaning")]
        )
        self._fixed_table(self.answers)
        self.decision_note = QLabel()
        self.decision_note.setObjectName("decisionNote")
        self.decision_note.setWordWrap(True)
        self.form = DecisionForm(language=language)
        self.form.submitted.connect(self.decide)
        self.pack = QPushButton(self.tr("Evidence pack (PDF)…"))
        self.pack.setObjectName("secondaryButton")
        self.pack.setToolTip(self.tr("Ctrl+E"))
        self.pack.clicked.connect(self.export_pack_dialog)
        self.notice = NoticeBar()
        self.notice.setMinimumHeight(30)
        self.notice.hide()  # shown with its first message

        heading = QHBoxLayout()
        heading.addWidget(self.status)
        heading.addStretch(1)
        heading.addWidget(self.pack)
        body = QWidget()
        body.setObjectName("evidenceBody")
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 6, 0)
        inner.addWidget(self.facts)
        inner.addWidget(self._caption(self.tr("Photos (Enter opens; C in the viewer compares)")))
        inner.addWidget(self.thumbs)
        inner.addWidget(self._caption(self.tr("Proposal and verdict")))
        inner.addWidget(self.verdict)
        inner.addWidget(self.override)
        inner.addWidget(self.rules)
        inner.addWidget(self._caption(self.tr("Answers")))
        inner.addWidget(self.answers)
        inner.addWidget(self.decision_note)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("panelScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.form)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_pack_dialog)
        self.show_detail(None)

    @staticmethod
    def _caption(text: str) -> QLabel:
        caption = QLabel(text)
        caption.setObjectName("sectionHeading")
        return caption

    @staticmethod
    def _fixed_table(table: QTableWidget) -> None:
        read_only(table)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # -- loading -----------------------------------------------------------------------------

    def show_row(self, row: QueueRow | None) -> None:
        self.row = row
        self._asked += 1
        asked = self._asked
        if row is None or not row.decidable:
            self.show_detail(None, row)
            return
        self.title.setText(f"{row.rma_no} · {row.sku}")
        submit(
            self._runner,
            self,
            lambda: self._service.evidence(self._user, row),
            lambda detail: self._loaded(detail, asked),
            lambda exc: self._fail(exc) if asked == self._asked else None,
        )

    def _loaded(self, detail: EvidenceDetail, asked: int) -> None:
        if asked == self._asked:  # the supervisor has not moved on meanwhile
            self.show_detail(detail, self.row)

    def show_detail(self, detail: EvidenceDetail | None, row: QueueRow | None = None) -> None:
        self.detail = detail
        self.thumbs.show_photos([])
        self.answers.setRowCount(0)
        self.pack.setEnabled(detail is not None and not detail.remote)
        if detail is None:
            self._show_other(row)
            self.form.set_current(None, None)
            self.shown.emit(None)
            return
        lang = self._language
        self.title.setText(f"{detail.rma_no} · {detail.sku}")
        self._status(detail)
        self.facts.setText(self._facts(detail))
        fill_verdict(self.verdict, detail, lang)
        self.override.setVisible(detail.overridden)
        self.override.setText(
            self.tr("Inspector overrode the proposal: %1").replace("%1", detail.override_reason)
        )
        fired = [rule.zh_CN if lang == "zh_CN" else rule.en for rule in detail.rules]
        self.rules.setText(
            self.tr("Rules fired:") + "\n" + "\n".join(f"• {text}" for text in fired)
            if fired
            else self.tr("No rule fired.")
        )
        fill_answers(self.answers, detail, lang)
        self.thumbs.show_photos(list(detail.photos))
        self.decision_note.setText(self._decision_text(detail))
        decidable = detail.decidable
        self.form.set_current(detail.verdict if decidable else None, detail.amount_fen)
        self.shown.emit(detail)

    def _show_other(self, row: QueueRow | None) -> None:
        self.status.setText("")
        self.override.hide()
        self.rules.setText("")
        self.decision_note.setText("")
        if row is None:
            self.title.setText(self.tr("Choose an item in the queue"))
            self.facts.setText("")
        elif row.kind is RowKind.UNMATCHED:
            self.title.setText(self.tr("Unmatched parcel %1").replace("%1", row.rma_no))
            self.facts.setText(
                self.tr("Link it to its order on the Unmatched parcels tab (Ctrl+2).")
            )
        else:
            self.title.setText(self.tr("Event refused by the central service"))
            self.facts.setText(f"{html(row.sku)}<br>{html(row.rma_no)}<br><b>{html(row.note)}</b>")

    def _status(self, d: EvidenceDetail) -> None:
        now = self._service.now()
        if d.decision is not None:
            text, tone = self.tr("Decided"), "ok"
        elif d.review_due_at is not None and d.review_due_at <= now:
            text, tone = self.tr("Review overdue"), "error"
        else:
            text, tone = self.tr("Waiting for review"), "warn"
        self.status.setText(text)
        self.status.setProperty("tone", tone)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _facts(self, d: EvidenceDetail) -> str:
        lang = self._language

        def when(at: datetime | None) -> str:
            return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "—"

        claim = label(d.reason, lang) if d.reason else "—"
        if d.reason_note:
            claim += f"（{d.reason_note}）" if lang == "zh_CN" else f" ({d.reason_note})"
        lines = [
            (self.tr("Item"), f"{d.title} × {d.qty}" if d.title else "—"),
            (self.tr("Customer's claim"), claim),
            (self.tr("Category"), label(d.category, lang) if d.category else "—"),
            (self.tr("Item amount"), yuan(d.amount_fen)),
            (self.tr("Batch"), d.batch or "—"),
            (self.tr("Inspector"), f"{d.inspector} · {d.station_id}"),
            (self.tr("Completed"), when(d.completed_at)),
            (self.tr("Review due"), when(d.review_due_at)),
            (self.tr("Checklist"), d.template),
        ]
        if d.remote:
            lines.append((self.tr("Photos at the central service"), d.remote_photos))
        return facts_html(lines, lang)

    def _decision_text(self, d: EvidenceDetail) -> str:
        if d.decision is None:
            return ""
        kind = self.tr("approved") if d.decision.approve else self.tr("overturned")
        return (
            self.tr("Decision: %1 by %2 at %3 — %4")
            .replace("%1", kind)
            .replace("%2", d.decision.decided_by)
            .replace("%3", d.decision.decided_at[:16].replace("T", " "))
            .replace("%4", d.decision.reason)
        )

    # -- actions -----------------------------------------------------------------------------

    def decide(self, request: DecisionRequest) -> None:
        row = self.row
        if row is None or self.detail is None:
            return
        self.form.setEnabled(False)

        def done(made: DecisionMade) -> None:
            self.form.setEnabled(True)
            what = self.tr("Overturned") if made.changed else self.tr("Approved")
            self._notify(
                self.tr("%1: %2 — sent to the central service")
                .replace("%1", what)
                .replace("%2", self.detail.rma_no if self.detail else ""),
                "ok",
            )
            self.decided.emit(made)

        def refused(exc: BaseException) -> None:
            self.form.setEnabled(True)
            self.form.show_problem(describe(exc, self._language))
            self._fail(exc)

        submit(
            self._runner,
            self,
            lambda: self._service.decide(self._user, row, request),
            done,
            refused,
        )

    def export_pack_dialog(self) -> None:
        if self.detail is None or self.detail.remote:
            return
        suggested = f"evidence-{self.detail.rma_no}.pdf"
        path = self.ask_path(self, suggested)
        if path is not None:
            self.export_pack(path)

    @staticmethod
    def ask_path(parent: QWidget, suggested: str) -> Path | None:
        """Where to save; tests replace this."""
        name, _ = QFileDialog.getSaveFileName(
            parent, parent.tr("Save the evidence pack"), suggested, "PDF (*.pdf)"
        )
        return Path(name) if name else None

    def export_pack(self, path: Path) -> None:
        if self.detail is None:
            return
        key, language = self.detail.inspection_id, self._language
        self.pack.setEnabled(False)
        self._notify(self.tr("Writing the evidence pack…"), "info")

        def done(built: BuiltPack) -> None:
            self.pack.setEnabled(True)
            self._notify(
                self.tr("Evidence pack saved: %1 (%2 photos)")
                .replace("%1", str(built.path))
                .replace("%2", str(built.photos)),
                "ok",
            )
            self.pack_written.emit(built)

        def failed(exc: BaseException) -> None:
            self.pack.setEnabled(True)
            self._fail(exc)

        submit(
            self._runner,
            self,
            lambda: self._service.export_pack(self._user, key, path, language=language),
            done,
            failed,
        )

    def _notify(self, text: str, tone: str) -> None:
        self.notice.show()
        self.notice.show_message(text, tone)

    def _fail(self, exc: BaseException) -> None:
        message = describe(exc, self._language)
        self._notify(message, "error")
        self.failed.emit(message)
