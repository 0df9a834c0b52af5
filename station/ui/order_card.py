"""The order card: what the inspector needs to know about a parcel at a glance."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from station.domain.labels import Language, label
from station.domain.money import yuan
from station.domain.policy import WindowKind
from station.domain.records import OrderView, UnmatchedView
from station.ui.texts import arg
from station.ui.widgets import STRETCH, holder, scrolling, set_tone, text_label, vbox

_WINDOW_TONE = {
    WindowKind.NO_REASON: "ok",
    WindowKind.QUALITY_RETURN: "ok",
    WindowKind.FRESH_CLAIM: "warn",
    WindowKind.QUALITY_EXCHANGE: "warn",
    WindowKind.EXCLUDED: "error",
    WindowKind.EXPIRED: "error",
}


class OrderCard(QFrame):
    def __init__(self, parent: QWidget | None = None, *, language: Language = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("orderCard")
        self.language: Language = language
        self.order: OrderView | None = None

        self.heading = text_label(name="cardHeading", selectable=True)
        self.state = text_label(name="stateBadge")
        self.window_line = text_label(name="windowLine", wrap=True)
        self.lines = text_label(name="linesList", wrap=True, text_format=Qt.TextFormat.RichText)
        self.notice = text_label(name="cardNotice", wrap=True)

        self._fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)  # the card must fit a 1366×768 screen beside the verdict
        rows = (
            ("order_no", self.tr("Order no.")),
            ("tracking", self.tr("Return parcel")),
            ("reason", self.tr("Customer's reason")),
            ("received", self.tr("Received by customer")),
            ("customer", self.tr("Customer")),
        )
        for row, (key, caption) in enumerate(rows):
            # wrapped where the column is narrow (English captions are long): one value as wide
            # as the column would widen the card's body past it and cut off its right side;
            # the body scrolls, so a wrapped value gets its height and no row covers another
            value = text_label(name=f"field_{key}", selectable=True, wrap=True)
            grid.addWidget(
                text_label(caption, name="fieldCaption"), row, 0, Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(value, row, 1)
            self._fields[key] = value

        top = QGridLayout()
        top.addWidget(self.heading, 0, 0)
        top.addWidget(self.state, 0, 1, Qt.AlignmentFlag.AlignRight)
        # an order of many items scrolls its list instead of pushing the card off the screen
        # the card scrolls rather than squeeze its rows over each other when a screen (or an
        # order of many items) leaves it less height than it needs
        # (what is in the parcel first: at 1366×768 the last fields may need a scroll)
        self.inspection_line = text_label(name="inspectionLine", selectable=True)
        body = holder(
            vbox(
                self.lines,
                self.window_line,
                self.inspection_line,
                grid,
                self.notice,
                STRETCH,
                margins=0,
            )
        )
        body.setObjectName("cardBody")
        vbox(top, (scrolling(body), 1), parent=self)
        self.clear()

    def field(self, key: str) -> str:
        return self._fields[key].text()

    def clear(self) -> None:
        self.order = None
        self.heading.setText(self.tr("Scan a return parcel"))
        self.state.clear()
        self.window_line.setText(self.tr("RMA no., order no. or the return waybill's tracking no."))
        set_tone(self.window_line, "")
        for value in self._fields.values():
            value.clear()
        self.lines.clear()
        self.notice.clear()
        self.inspection_line.clear()
        set_tone(self, "")

    def show_order(
        self,
        order: OrderView,
        *,
        today: date,
        current_line_id: int | None = None,
        notice: str = "",
        inspection_id: str = "",
    ) -> None:
        """The order; ``inspection_id`` (selectable, to copy into a ticket or a search) when an
        inspection of it is open or just done."""
        lang = self.language
        self.order = order
        self.inspection_line.setText(
            arg(self.tr("Inspection %1"), inspection_id) if inspection_id else ""
        )
        self.heading.setText(order.rma_no)
        self.state.setText(label(order.state, lang))
        status = order.window(today)
        since = arg(self.tr("%1 days ago"), status.days_since_receipt)
        self.window_line.setText(f"{status.describe(lang)} · {since}")
        set_tone(self.window_line, _WINDOW_TONE[status.kind])
        platform = f" · {order.platform}" if order.platform else ""
        self._fields["order_no"].setText(order.order_no + platform)
        self._fields["tracking"].setText(
            ", ".join(f"{label(carrier, lang)} {number}" for carrier, number in order.tracking)
            or "—"
        )
        reason = label(order.reason, lang)
        said = f"{reason} · {order.reason_note}" if order.reason_note else reason
        self._fields["reason"].setText(said)
        self._fields["reason"].setToolTip(said)
        self._fields["received"].setText(
            f"{order.customer_received_on:%Y-%m-%d} · "
            + arg(self.tr("asked %1"), f"{order.requested_on:%Y-%m-%d}")
        )
        self._fields["customer"].setText(order.customer_masked or "—")
        self.lines.setText(self._lines_html(order, current_line_id))
        self.notice.setText(notice)
        set_tone(self, "order")

    def _lines_html(self, order: OrderView, current_line_id: int | None) -> str:
        rows = []
        for line in order.lines:
            mark = "▶ " if line.id == current_line_id else ""
            style = ' style="font-weight:600"' if line.id == current_line_id else ""
            rows.append(
                f"<tr{style}><td>{mark}{line.line_no}.</td>"
                f"<td>{html.escape(line.title)}<br><small>SKU {html.escape(line.sku)} · "
                f"{label(line.category, self.language)}</small></td>"
                f"<td align=right>×{line.qty}</td><td align=right>{yuan(line.amount_fen)}</td></tr>"
            )
        return "<table width=100% cellspacing=4>" + "".join(rows) + "</table>"

    def show_unmatched(self, parcel: UnmatchedView, *, resumed: bool) -> None:
        self.order = None
        self.inspection_line.setText(arg(self.tr("Parcel record %1"), parcel.id))
        self.heading.setText(self.tr("Unmatched parcel"))
        self.state.setText(self.tr("Unmatched"))
        self.window_line.setText(
            self.tr(
                "No order has this code. The parcel is received and kept for the "
                "central service to resolve: photograph it and print a holding label."
            )
        )
        set_tone(self.window_line, "warn")
        for value in self._fields.values():
            value.clear()
        self._fields["tracking"].setText(parcel.code)
        self.lines.clear()
        self.notice.setText(
            self.tr("Already recorded earlier; continuing that record.") if resumed else ""
        )
        set_tone(self, "unmatched")
