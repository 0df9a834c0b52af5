"""Qt Charts for the dashboard, built from the review layer's plain figures. Titles and
labels come in already translated; nothing here reads the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from station.review.analytics import Bucket, MixRow, ReasonRow, TimeCount

PALETTE = (
    "#1f6feb",
    "#2e9e5b",
    "#e59a1a",
    "#d64545",
    "#7a5af8",
    "#0e9384",
    "#dd2590",
    "#667085",
    "#b54708",
    "#4e5ba6",
)
MAX_SERIES = 8


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSize(11)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend_font = QFont(chart.legend().font())
    legend_font.setPointSize(9)
    chart.legend().setFont(legend_font)
    return chart


def _colour(n: int) -> QColor:
    return QColor(PALETTE[n % len(PALETTE)])


def _value_axis(chart: QChart, top: float, alignment: Qt.AlignmentFlag) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(1.0, top * 1.1))
    axis.setLabelFormat("%.0f")
    axis.applyNiceNumbers()
    chart.addAxis(axis, alignment)
    return axis


def throughput_chart(
    counts: Sequence[TimeCount], bucket: Bucket, title: str, others: str
) -> QChart:
    """Completions per hour (or day), one stacked colour per inspector or station."""
    chart = _chart(title)
    slots = sorted({c.at for c in counts})
    fmt = "%H:00" if bucket == "hour" else "%m-%d"
    totals: dict[str, int] = defaultdict(int)
    for c in counts:
        totals[c.who] += c.count
    named = sorted(totals, key=lambda who: -totals[who])[:MAX_SERIES]
    grid: dict[str, list[int]] = {who: [0] * len(slots) for who in [*named, others]}
    position = {at: n for n, at in enumerate(slots)}
    for c in counts:
        grid[c.who if c.who in named else others][position[c.at]] += c.count
    series = QStackedBarSeries()
    for n, (who, values) in enumerate(grid.items()):
        if not any(values):
            continue
        bar = QBarSet(who)
        bar.append([float(v) for v in values])
        bar.setColor(_colour(n))
        bar.setBorderColor(_colour(n))
        series.append(bar)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([at.strftime(fmt) for at in slots] or ["—"])
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    per_slot = [sum(values[n] for values in grid.values()) for n in range(len(slots))]
    series.attachAxis(_value_axis(chart, max(per_slot, default=1), Qt.AlignmentFlag.AlignLeft))
    return chart


def mix_pie(rows: Sequence[MixRow], names: dict[str, str], title: str) -> QChart:
    chart = _chart(title)
    series = QPieSeries()
    series.setHoleSize(0.35)
    for n, row in enumerate(rows):
        part = series.append(f"{names.get(row.code, row.code)} {row.share:.0%}", row.count)
        part.setColor(_colour(n))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


def share_bars(rows: Sequence[MixRow], names: dict[str, str], title: str, unit: str) -> QChart:
    chart = _chart(title)
    bar = QBarSet(unit)
    bar.append([float(r.count) for r in reversed(rows)])
    bar.setColor(_colour(0))
    series = QHorizontalBarSeries()
    series.append(bar)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([names.get(r.code, r.code) for r in reversed(rows)] or ["—"])
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    top = max((r.count for r in rows), default=1)
    series.attachAxis(_value_axis(chart, top, Qt.AlignmentFlag.AlignBottom))
    chart.legend().hide()
    return chart


def reasons_chart(
    rows: Sequence[ReasonRow],
    keys: dict[str, str],
    reasons: dict[str, str],
    title: str,
) -> QChart:
    """Return reasons stacked per category (or SKU, batch), most returned first."""
    chart = _chart(title)
    series = QStackedBarSeries()
    for n, (code, name) in enumerate(reasons.items()):
        values = [float(dict((r.value, c) for r, c in row.by_reason).get(code, 0)) for row in rows]
        if not any(values):
            continue
        bar = QBarSet(name)
        bar.append(values)
        bar.setColor(_colour(n))
        bar.setBorderColor(_colour(n))
        series.append(bar)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([keys.get(r.key, r.key) for r in rows] or ["—"])
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    top = max((r.total for r in rows), default=1)
    series.attachAxis(_value_axis(chart, top, Qt.AlignmentFlag.AlignLeft))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # the plot keeps its height
    return chart


def chart_view(parent: QWidget | None = None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view
