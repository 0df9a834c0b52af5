"""One inspection's evidence beside the decision: the claim and the item, the photos (open one
with Enter for zoom, pan and side-by-side compare), the unboxing clip with its chapters (when
the inspection was filmed), the proposal against the verdict, the
rules that fired, the override reason, and every answer with the question as the inspector's
template version asked it. Everything is read and written through the task runner."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidget, QWidget

from station.domain.labels import label
from station.evidence.pack import BuiltPack
from station.evidence.video.export import ExportResult
from station.evidence.video.records import ClipView
from station.review.decisions import DecisionMade, DecisionRequest
from station.review.evidence import EvidenceDetail
from station.review.rows import QueueRow, RowKind
from station.review.service import ReviewClip
from station.ui.review.clip_export_dialog import ClipExportDialog
from station.ui.review.clip_player import ClipPlayer
from station.ui.review.decision_form import DecisionForm
from station.ui.review.errors import describe
from station.ui.review.pane import NoticePane, ReviewContext
from station.ui.review.tables import (
    facts_html,
    fill_answers,
    fill_verdict,
    html,
    read_only,
    yuan,
)
from station.ui.review.thumbnails import ThumbnailStrip
from station.ui.texts import arg
from station.ui.widgets import (
    STRETCH,
    ask_save_path,
    hbox,
    holder,
    push_button,
    scrolling,
    set_tone,
    text_label,
    vbox,
)

log = logging.getLogger(__name__)

THUMB = QSize(104, 78)


class EvidenceView(NoticePane):
    shown = Signal(object)  # EvidenceDetail | None
    decided = Signal(object)  # DecisionMade
    pack_written = Signal(object)  # BuiltPack
    clip_exported = Signal(object)  # ExportResult
    # how far an export is (0–1), from the worker exporting it: queued onto this thread
    clip_export_progress = Signal(float)

    def __init__(self, context: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="evidenceView", parent=parent)
        self.row: QueueRow | None = None
        self.detail: EvidenceDetail | None = None
        self._asked = 0
        self._focus_when_loaded = False

        self.title = text_label(
            self.tr("Choose an item in the queue"), name="evidenceTitle", wrap=True, selectable=True
        )
        self.status = text_label(name="statusBadge")
        self.facts = text_label(
            name="evidenceFacts", wrap=True, selectable=True, text_format=Qt.TextFormat.RichText
        )
        self.thumbs = ThumbnailStrip(
            context.runner, context.evidence, language=context.language, size=THUMB
        )
        self.clip_heading = self._caption(
            self.tr("Unboxing clip (Space plays and pauses; , and . step one frame)")
        )
        self.player = ClipPlayer()
        self.clip_export = push_button(
            self.tr("Export clip for a platform…"),
            name="secondaryButton",
            clicked=self.export_clip_dialog,
        )
        self.clip_export_progress.connect(self._clip_export_progressed)
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
        self.override = text_label(name="overrideNote", wrap=True)
        self.rules = text_label(name="rulesFired", wrap=True)
        self.answers = QTableWidget(0, 3)
        self.answers.setObjectName("answersTable")
        self.answers.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Answer"), self.tr("Meaning")]
        )
        self._fixed_table(self.answers)
        self.decision_note = text_label(name="decisionNote", wrap=True)
        self.form = DecisionForm(language=context.language)
        self.form.submitted.connect(self.decide)
        self.pack = push_button(
            self.tr("Evidence pack (PDF)…"), name="secondaryButton", clicked=self.export_pack_dialog
        )
        self.pack.setToolTip(self.tr("Ctrl+E"))
        self.notice.setMinimumHeight(30)
        self.notice.hide()  # shown with its first message

        body = QWidget()
        body.setObjectName("evidenceBody")
        vbox(
            self.facts,
            self._caption(self.tr("Photos (Enter opens; C in the viewer compares)")),
            self.thumbs,
            holder(hbox((self.clip_heading, 1), self.clip_export, margins=0)),
            self.player,
            self._caption(self.tr("Proposal and verdict")),
            self.verdict,
            self.override,
            self.rules,
            self._caption(self.tr("Answers")),
            self.answers,
            self.decision_note,
            STRETCH,
            margins=(0, 0, 6, 0),
            parent=body,
        )
        vbox(
            self.title,
            hbox(self.status, STRETCH, self.pack),
            (scrolling(body, framed=True), 1),
            self.notice,
            self.form,
            margins=(8, 0, 0, 0),
            parent=self,
        )
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_pack_dialog)
        self.show_detail(None)

    @staticmethod
    def _caption(text: str) -> QWidget:
        return text_label(text, name="sectionHeading")

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
        self._focus_when_loaded = False
        if row is None or not row.decidable:
            self.show_detail(None, row)
            return
        self._clear()  # nothing of the case before stays on screen or in the form meanwhile
        self.title.setText(f"{row.rma_no} · {row.sku}")
        self._submit(
            lambda: self._service.evidence(self._user, row),
            lambda detail: self._loaded(detail, asked),
            lambda exc: self._fail(exc) if asked == self._asked else None,
        )

    def _loaded(self, detail: EvidenceDetail, asked: int) -> None:
        if asked == self._asked:  # the supervisor has not moved on meanwhile
            self.show_detail(detail, self.row)

    def show_detail(self, detail: EvidenceDetail | None, row: QueueRow | None = None) -> None:
        self._clear()
        if detail is None:
            self._show_other(row)
            self.shown.emit(None)
            return
        self.detail = detail
        lang = self._language
        self.pack.setEnabled(not detail.remote)
        self.title.setText(f"{detail.rma_no} · {detail.sku}")
        self._status(detail)
        self.facts.setText(self._facts(detail))
        fill_verdict(self.verdict, detail, lang)
        self.override.setVisible(detail.overridden)
        self.override.setText(
            arg(self.tr("Inspector overrode the proposal: %1"), detail.override_reason)
        )
        fired = [rule.zh_CN if lang == "zh_CN" else rule.en for rule in detail.rules]
        self.rules.setText(
            self.tr("Rules fired:") + "\n" + "\n".join(f"• {text}" for text in fired)
            if fired
            else self.tr("No rule fired.")
        )
        fill_answers(self.answers, detail, lang)
        self.thumbs.show_photos(list(detail.photos))
        if not detail.remote:  # another station's clips are not on this one
            self._load_clips(detail.inspection_id)
        self.decision_note.setText(self._decision_text(detail))
        decidable = detail.decidable
        self.form.set_current(detail.verdict if decidable else None, detail.amount_fen)
        if self._focus_when_loaded:
            self._focus_when_loaded = False
            self.focus_reason()
        self.shown.emit(detail)

    def focus_reason(self) -> None:
        """The cursor in the decision's reason: now, or once the case on its way has loaded
        (the form stays off until then)."""
        if self.form.reason.isEnabled():
            self.form.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_when_loaded = self.row is not None and self.detail is None

    def _clear(self) -> None:
        """Empty every part that shows a case, and take the decision form off it."""
        self.detail = None
        self.status.setText("")
        set_tone(self.status, "")
        self.facts.setText("")
        self.thumbs.show_photos([])
        self.show_clips([])
        self.verdict.clearContents()
        self.override.hide()
        self.rules.setText("")
        self.answers.setRowCount(0)
        self.decision_note.setText("")
        self.pack.setEnabled(False)
        self.form.set_current(None, None)

    def _load_clips(self, inspection_id: str) -> None:
        asked = self._asked

        def loaded(clips: list[ReviewClip]) -> None:
            shown = self.detail
            if asked == self._asked and shown is not None and shown.inspection_id == inspection_id:
                self.show_clips(clips)

        self._submit(lambda: self._service.clips(self._user, inspection_id), loaded)

    def show_clips(self, clips: list[ReviewClip]) -> None:
        """The clip section is there only while the case on screen has a clip."""
        self.player.show_clips(clips)
        self.clip_heading.setVisible(bool(clips))
        self.clip_export.setVisible(bool(clips))
        self.player.setVisible(bool(clips))

    def _show_other(self, row: QueueRow | None) -> None:
        if row is None:
            self.title.setText(self.tr("Choose an item in the queue"))
        elif row.kind is RowKind.UNMATCHED:
            self.title.setText(arg(self.tr("Unmatched parcel %1"), row.rma_no))
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
        set_tone(self.status, tone)

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
        return arg(
            self.tr("Decision: %1 by %2 at %3 — %4"),
            kind,
            d.decision.decided_by,
            d.decision.decided_at[:16].replace("T", " "),
            d.decision.reason,
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
            rma = self.detail.rma_no if self.detail else ""
            self._notify(arg(self.tr("%1: %2 — sent to the central service"), what, rma), "ok")
            self.decided.emit(made)

        def refused(exc: BaseException) -> None:
            self.form.setEnabled(True)
            self.form.show_problem(describe(exc, self._language))
            self._fail(exc)

        self._submit(lambda: self._service.decide(self._user, row, request), done, refused)

    def export_clip_dialog(self) -> None:
        shown = self.player.clip
        if shown is None:
            return
        dialog = ClipExportDialog(shown.clip, self.player.kind_text, self)
        if self.ask_clip_export(dialog):
            self.export_clip(
                shown.clip,
                dialog.chosen_folder,
                platform=dialog.chosen_platform,
                chapters=dialog.chosen_chapters,
            )

    @staticmethod
    def ask_clip_export(dialog: ClipExportDialog) -> bool:
        """Whether the supervisor chose to export; tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def export_clip(
        self, clip: ClipView, folder: Path, *, platform: str, chapters: list[int]
    ) -> None:
        self.clip_export.setEnabled(False)
        self._notify(self.tr("Exporting the clip…"), "info")
        service, user, progress = self._service, self._user, self.clip_export_progress.emit

        def done(result: ExportResult) -> None:
            self.clip_export.setEnabled(True)
            self._notify(
                arg(self.tr("Clip exported: %1 (manifest %2)"), result.path, result.manifest.name),
                "ok",
            )
            self.clip_exported.emit(result)

        def failed(exc: BaseException) -> None:
            self.clip_export.setEnabled(True)
            self._fail(exc)

        self._submit(
            lambda: service.export_clip(
                user, clip, folder, platform=platform, chapters=chapters, progress=progress
            ),
            done,
            failed,
        )

    def _clip_export_progressed(self, share: float) -> None:
        if not self.clip_export.isEnabled():  # still exporting
            self._notify(arg(self.tr("Exporting the clip… %1%"), round(share * 100)), "info")

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
        return ask_save_path(parent, parent.tr("Save the evidence pack"), suggested, "PDF (*.pdf)")

    def export_pack(self, path: Path) -> None:
        if self.detail is None:
            return
        key, language = self.detail.inspection_id, self._language
        self.pack.setEnabled(False)
        self._notify(self.tr("Writing the evidence pack…"), "info")

        def done(built: BuiltPack) -> None:
            self.pack.setEnabled(True)
            self._notify(
                arg(self.tr("Evidence pack saved: %1 (%2 photos)"), built.path, built.photos), "ok"
            )
            self.pack_written.emit(built)

        def failed(exc: BaseException) -> None:
            self.pack.setEnabled(True)
            self._fail(exc)

        self._submit(
            lambda: self._service.export_pack(self._user, key, path, language=language),
            done,
            failed,
        )
