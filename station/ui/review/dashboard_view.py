"""The supervisor's dashboard: throughput per hour, grade and disposition mix, return reasons,
batch and SKU defect alerts, and the time limits with the items at risk first. Every table
exports to CSV for Excel. The figures are read in one background task; nothing here waits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QWidget,
)

from station.domain.labels import label
from station.protocol.enums import Category, Disposition, Grade, ReturnReason
from station.review import reports
from station.review.analytics import AlertRule
from station.review.csv_export import ReportTable
from station.review.dashboard import Dashboard
from station.review.deadlines import LimitKind
from station.ui.review.charts import (
    chart_view,
    mix_pie,
    reasons_chart,
    share_bars,
    throughput_chart,
)
from station.ui.review.pane import PERIOD_DAYS, NoticePane, ReviewContext
from station.ui.review.tables import fill, read_only
from station.ui.review.tile import Tile
from station.ui.texts import arg
from station.ui.widgets import ask_save_path, hbox, push_button, scrolling, text_label, vbox

_ALERT = QColor("#fde2e1")
_LATE = QColor("#fde2e1")
_SOON = QColor("#fff1d6")


class DashboardView(NoticePane):
    loaded = Signal(object)  # Dashboard
    exported = Signal(object)  # Path

    def __init__(self, context: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="dashboardView", parent=parent)
        service = context.service
        self.dashboard: Dashboard | None = None

        self.period = QComboBox()
        for days, text in zip(
            PERIOD_DAYS,
            (self.tr("Last 24 hours"), self.tr("Last 7 days"), self.tr("Last 30 days")),
            strict=True,
        ):
            self.period.addItem(text, days)
        self.period.setCurrentIndex(1)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(5, 100)
        self.threshold.setDecimals(0)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(service.alert_rule.threshold * 100)
        self.threshold.setToolTip(self.tr("Defect share from which a SKU or batch is an alert"))
        self.minimum = QSpinBox()
        self.minimum.setRange(1, 100_000)
        self.minimum.setValue(service.alert_rule.minimum)
        self.minimum.setToolTip(self.tr("Fewest returns before a share counts"))
        self.refresh = push_button(self.tr("Reload"), name="secondaryButton", clicked=self.reload)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export CSV"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setObjectName("exportButton")
        self._export_menu = QMenu(self)
        self.export_button.setMenu(self._export_menu)
        self.tiles = {key: Tile() for key in ("inspections", "reviews", "refunds", "alerts")}
        self.throughput = chart_view()
        self.grades = chart_view()
        self.dispositions = chart_view()
        self.reasons = chart_view()
        self.alerts = self._table(
            [self.tr("Batch / SKU"), self.tr("Returns"), self.tr("Defect claims"), self.tr("Share")]
        )
        self.limits = self._table(
            [
                self.tr("Limit"),
                self.tr("RMA no."),
                self.tr("Detail"),
                self.tr("Due"),
                self.tr("Left"),
            ]
        )
        self.rates = self._table(
            [
                self.tr("Inspector"),
                self.tr("Inspections"),
                self.tr("Active hours"),
                self.tr("Per hour"),
            ]
        )
        self.notice.setMinimumHeight(28)
        self.notice.hide()  # shown with its first message

        controls = QHBoxLayout()
        for caption, widget in (
            (self.tr("Period"), self.period),
            (self.tr("Alert from"), self.threshold),
            (self.tr("of at least"), self.minimum),
        ):
            controls.addWidget(text_label(caption, name="fieldCaption"))
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.refresh)
        controls.addWidget(self.export_button)
        charts = QGridLayout()
        charts.addWidget(self.throughput, 0, 0, 1, 2)
        charts.addWidget(self.grades, 0, 2)
        charts.addWidget(self.reasons, 1, 0, 1, 2)
        charts.addWidget(self.dispositions, 1, 2)
        charts.setColumnStretch(0, 1)
        charts.setColumnStretch(1, 1)
        charts.setColumnStretch(2, 1)
        tables = hbox(
            *(
                (vbox(text_label(caption, name="sectionHeading"), table), 1)
                for caption, table in (
                    (self.tr("Batch and SKU alerts"), self.alerts),
                    (self.tr("Time limits: at risk first"), self.limits),
                    (self.tr("Inspections per active hour"), self.rates),
                )
            )
        )
        body = QWidget()
        vbox(
            hbox(*((tile, 1) for tile in self.tiles.values())),
            charts,
            tables,
            margins=0,
            parent=body,
        )
        vbox(controls, (scrolling(body, framed=True), 1), self.notice, margins=0, parent=self)

        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.threshold.editingFinished.connect(self.reload)
        self.minimum.editingFinished.connect(self.reload)
        self._build_export_menu()

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = read_only(QTableWidget(0, len(headers)), selectable=True)
        table.setObjectName("dashTable")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setMinimumHeight(220)
        return table

    # -- loading -----------------------------------------------------------------------------

    def rule(self) -> AlertRule:
        return AlertRule(self.threshold.value() / 100, self.minimum.value())

    def reload(self) -> None:
        days = int(self.period.currentData())
        rule, user = self.rule(), self._user
        self.refresh.setEnabled(False)

        def read() -> Dashboard:
            return self._service.dashboard(user, self._service.window(days), rule)

        def failed(exc: BaseException) -> None:
            self.refresh.setEnabled(True)
            self._fail(exc)

        self._submit(read, self.show_dashboard, failed)

    def show_dashboard(self, d: Dashboard) -> None:
        self.refresh.setEnabled(True)
        self.dashboard = d
        lang = self._language
        total = sum(m.count for m in d.grades)
        self.tiles["inspections"].show_figure(
            self.tr("Inspections"),
            f"{total:,}",
            arg(self.tr("%1 inspectors"), len(d.inspector_rates)),
        )
        self.tiles["reviews"].show_figure(
            self.tr("Waiting for review"),
            f"{d.limits.reviews.open:,}",
            arg(self.tr("%1 overdue"), d.limits.reviews.overdue),
            "error" if d.limits.reviews.overdue else "ok",
        )
        self.tiles["refunds"].show_figure(
            self.tr("Refunds to pay"),
            f"{d.limits.refunds.open:,}",
            arg(self.tr("%1 overdue"), d.limits.refunds.overdue),
            "error" if d.limits.refunds.overdue else "ok",
        )
        batches = sum(1 for a in d.alerts if a.dimension == "batch")
        self.tiles["alerts"].show_figure(
            self.tr("Quality alerts"),
            f"{len(d.alerts)}",
            arg(self.tr("batches: %1"), batches),
            "error" if d.alerts else "ok",
        )
        self.throughput.setChart(
            throughput_chart(
                d.by_inspector,
                d.bucket,
                self.tr("Inspections per hour by inspector")
                if d.bucket == "hour"
                else self.tr("Inspections per day by inspector"),
                self.tr("Others"),
            )
        )
        grade_names = {g.value: label(g, lang) for g in Grade}
        self.grades.setChart(mix_pie(d.grades, grade_names, self.tr("Grade mix")))
        disposition_names = {x.value: label(x, lang) for x in Disposition}
        self.dispositions.setChart(
            share_bars(d.dispositions, disposition_names, self.tr("Dispositions"), self.tr("Items"))
        )
        self.reasons.setChart(
            reasons_chart(
                d.reasons_by_category,
                {c.value: label(c, lang) for c in Category},
                {r.value: label(r, lang) for r in ReturnReason},
                arg(
                    self.tr("Return reasons by category, requests of the last %1 days"),
                    (d.returns_window.end - d.returns_window.start).days,
                ),
            )
        )
        self._fill_alerts(d)
        self._fill_limits(d)
        fill(
            self.rates,
            [
                (r.who, r.inspections, f"{r.hours_on_duty:.1f}", f"{r.per_hour:.1f}")
                for r in d.inspector_rates
            ],
        )
        self.loaded.emit(d)

    def _fill_alerts(self, d: Dashboard) -> None:
        batch = self.tr("Batch")
        rows = [
            (
                f"{batch if a.dimension == 'batch' else 'SKU'} {a.key}",
                a.returns,
                a.defects,
                f"{a.share:.0%}",
            )
            for a in d.alerts
        ]
        fill(self.alerts, rows, [_ALERT] * len(rows))

    def _fill_limits(self, d: Dashboard) -> None:
        now = d.limits.now
        names = {LimitKind.REFUND: self.tr("Refund"), LimitKind.REVIEW: self.tr("Review")}
        rows, colours = [], []
        for item in d.limits.items:
            hours = item.left(now).total_seconds() / 3600
            left = (
                arg(self.tr("%1 h late"), f"{-hours:.0f}")
                if hours < 0
                else arg(self.tr("%1 h"), f"{hours:.0f}")
            )
            due = item.due_at.astimezone().strftime("%m-%d %H:%M")
            detail = item.detail_text(self._language)
            rows.append((names[item.kind], item.rma_no, detail, due, left))
            colours.append(_LATE if hours < 0 else _SOON if hours < 8 else None)
        fill(self.limits, rows, colours)

    # -- export ------------------------------------------------------------------------------

    def _build_export_menu(self) -> None:
        names = {
            "alerts": self.tr("Batch and SKU alerts"),
            "limits": self.tr("Time limits"),
            "throughput": self.tr("Inspections per hour"),
            "rates": self.tr("Inspections per active hour"),
            "grades": self.tr("Grade mix"),
            "dispositions": self.tr("Dispositions"),
            "reasons_category": self.tr("Return reasons by category"),
            "reasons_sku": self.tr("Return reasons by SKU"),
            "reasons_batch": self.tr("Return reasons by batch"),
        }
        for key, text in names.items():
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, key=key: self.export_dialog(key))
            self._export_menu.addAction(action)

    def table(self, key: str) -> ReportTable:
        if self.dashboard is None:
            raise LookupError("nothing loaded yet")
        return reports.dashboard_table(self.dashboard, key, self._language)

    def export_dialog(self, key: str) -> None:
        if self.dashboard is None:
            return
        table = self.table(key)
        suggested = f"{table.name}-{reports.stamp(self._service.now())}.csv"
        path = self.ask_path(self, suggested)
        if path is not None:
            self.export(table, path)

    @staticmethod
    def ask_path(parent: QWidget, suggested: str) -> Path | None:
        """Where to save; tests replace this."""
        return ask_save_path(parent, parent.tr("Export CSV"), suggested, "CSV (*.csv)")

    def export(self, table: ReportTable, path: Path) -> None:
        def done(count: int) -> None:
            self._notify(arg(self.tr("%1 rows saved to %2"), count, path), "ok")
            self.exported.emit(path)

        self._submit(lambda: self._service.export_table(self._user, table, path), done)
