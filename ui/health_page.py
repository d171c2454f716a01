"""The account health page (S6, S11, S12; DESIGN.md §4): figures, chart, and the lists behind them.

Everything shown is computed by :mod:`app.account_health.health_history` at one moment; this
page only lays it out. Activating a row emits :attr:`HealthPage.order_activated`
with the order id so the window can open the order.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.account_health.health import RATE_TARGET
from app.account_health.health_history import (
    LATE_SHIPMENT_TARGET,
    HealthOverview,
    initiator_label,
    overview,
    reason_label,
)
from app.errors import SellerDeskError
from app.marketplace import ledger
from app.order_views.queries import View
from app.storage.db import Database
from ui.health_chart import RateChart
from ui.i18n import count, date_time, number, short_date, tr_text
from ui.labels import empty_view_text, view_label
from ui.tasks import TaskRunner

ORDER_ROLE = Qt.ItemDataRole.UserRole

# Keys of the lists, in their tab order.
COUNTED = "counted"
NOT_COUNTED = "not_counted"
MARKETPLACE = "marketplace"
AT_RISK = "at_risk"  # the list's "At risk of auto-cancellation" filter
LATE = "late"  # the list's "Late" filter: every late order, with its countdown
PENDING = "pending"
OVERDUE_REFUNDS = "overdue_refunds"
REFUSED = "refused_by_marketplace"
LISTS = (AT_RISK, LATE, PENDING, OVERDUE_REFUNDS, COUNTED, NOT_COUNTED, MARKETPLACE, REFUSED)
# Rows a list shows, the most urgent first; its tab says how many there are. A shop with
# 100,000 late orders held the window 8 s filling the page, for rows no one scrolls to:
# the order list's filter shows every one of them.
LIST_ROWS = 500
# The order list's filter that shows every order of a list.
FILTERS = {AT_RISK: View.AT_RISK, LATE: View.LATE, PENDING: View.PENDING}


def list_sizes(data: HealthOverview) -> dict[str, int]:
    """How many orders each list holds, shown or not."""
    return {
        COUNTED: len(data.cancellations.counted),
        NOT_COUNTED: len(data.cancellations.not_counted),
        MARKETPLACE: len(data.cancellations.marketplace),
        AT_RISK: len(data.report.close_to_auto_cancel),
        LATE: len(data.report.at_risk_of_auto_cancel),
        PENDING: len(data.report.pending_over_21_days),
        OVERDUE_REFUNDS: len(data.overdue_refunds),
        REFUSED: len(data.refused_by_marketplace),
    }


class HealthPage(QWidget):
    order_activated = Signal(str)
    told = Signal(str)  # a sentence for the status bar (a refused line marked dealt with)
    shown = Signal()  # the figures of a refresh are on the page
    failed = Signal(object)  # a refresh in the background could not compute them

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, tasks: TaskRunner | None = None
    ) -> None:
        """``tasks``: where a refresh computes (the window's pool, so the window never
        waits: 1.3 s at 1M orders with 100,000 late); None: at once, on this thread."""
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._asked = 0  # refreshes asked for: only the latest one's figures are shown
        self.overview: HealthOverview | None = None

        self.as_of_label = QLabel()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(lambda: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.as_of_label, 1)
        top.addWidget(self.refresh_button)

        self.rate_label = QLabel()
        self.rate_label.setWordWrap(True)
        self.rate_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.rate_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.rate_label.setFont(font)
        self.rate_detail = QLabel()
        self.rate_detail.setWordWrap(True)
        self.late_label = QLabel()
        self.late_label.setWordWrap(True)
        self.figures_box = QGroupBox()
        figures = QVBoxLayout(self.figures_box)
        figures.addWidget(self.rate_label)
        figures.addWidget(self.rate_detail)
        figures.addWidget(self.late_label)
        figures.addStretch(1)

        self.chart = RateChart()
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.figures_box)
        upper.addWidget(self.chart)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 3)
        upper.setSizes([420, 630])  # the figures' sentences need room beside the chart

        self.tabs = QTabWidget()
        self.lists: dict[str, QTreeWidget] = {}
        for key in LISTS:
            tree = QTreeWidget()
            tree.setRootIsDecorated(False)
            tree.setUniformRowHeights(True)
            tree.setAlternatingRowColors(True)
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.header().setStretchLastSection(True)
            tree.itemActivated.connect(self._activated)
            self.lists[key] = tree
            if key == REFUSED:
                # The marketplace's message takes the room; the button column fits its button.
                tree.header().setStretchLastSection(False)
            self.tabs.addTab(tree, "")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.figures_box.setTitle(self.tr("Account health"))
        self.lists[COUNTED].setHeaderLabels(
            [self.tr("Order"), self.tr("Cancelled on"), self.tr("Reason"), self.tr("Why")]
        )
        self.lists[NOT_COUNTED].setHeaderLabels(
            [self.tr("Order"), self.tr("Cancelled on"), self.tr("Reason"), self.tr("Why")]
        )
        self.lists[MARKETPLACE].setHeaderLabels(
            [self.tr("Order"), self.tr("Purchased on"), self.tr("Cancelled on")]
        )
        for key in (AT_RISK, LATE):
            self.lists[key].setHeaderLabels(
                [self.tr("Order"), self.tr("Ship by"), self.tr("Days late"), self.tr("Days left")]
            )
        self.lists[PENDING].setHeaderLabels(
            [self.tr("Order"), self.tr("Purchased on"), self.tr("Pending for (days)")]
        )
        self.lists[OVERDUE_REFUNDS].setHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Return received"),
                self.tr("Refund due"),
                self.tr("Days overdue"),
            ]
        )
        self.lists[REFUSED].setHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Batch"),
                self.tr("Line"),
                self.tr("Seller Central said"),
                self.tr("When you fixed it"),
            ]
        )
        self.lists[REFUSED].header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.chart.retranslate()
        if self.overview is not None:
            self._show(self.overview)
        else:
            self._set_tab_titles(None)

    def _set_tab_titles(self, data: HealthOverview | None) -> None:
        titles = self._tab_titles(data)
        for index, key in enumerate(LISTS):
            self.tabs.setTabText(index, titles[key])

    def _tab_titles(self, data: HealthOverview | None) -> dict[str, str]:
        """Each list's name and how many it holds ("…" before the first figures)."""
        sizes = {} if data is None else list_sizes(data)
        counted = {key: count(sizes[key]) if key in sizes else "…" for key in LISTS}
        return {
            COUNTED: self.tr("Counted in the rate ({count})").format(count=counted[COUNTED]),
            NOT_COUNTED: self.tr("Not counted ({count})").format(count=counted[NOT_COUNTED]),
            MARKETPLACE: self.tr("Cancelled on the marketplace ({count})").format(
                count=counted[MARKETPLACE]
            ),
            # The order list's filter names: one word, one group, the same count.
            AT_RISK: self.tr("{group} ({count})").format(
                group=view_label(View.AT_RISK), count=counted[AT_RISK]
            ),
            LATE: self.tr("{group} ({count})").format(
                group=view_label(View.LATE), count=counted[LATE]
            ),
            PENDING: self.tr("Pending over 21 days ({count})").format(count=counted[PENDING]),
            OVERDUE_REFUNDS: self.tr("Refunds overdue ({count})").format(
                count=counted[OVERDUE_REFUNDS]
            ),
            REFUSED: self.tr("Refused by the marketplace ({count})").format(count=counted[REFUSED]),
        }

    def _days_left(self, days: int) -> str:
        # S11: from the seventh day past ship-by the marketplace may cancel at any time.
        if days <= 0:
            return self.tr("none: may be cancelled now")
        return str(days)

    def _empty_texts(self) -> dict[str, str]:
        return {
            COUNTED: self.tr("No cancellation counts in the rate this week. Keep it that way."),
            NOT_COUNTED: self.tr(
                "No uncounted cancellation: official buyer requests cancelled with "
                "Buyer canceled will show here."
            ),
            MARKETPLACE: self.tr(
                "No order cancelled by the marketplace. "
                "Import your reports to keep this up to date."
            ),
            AT_RISK: empty_view_text(View.AT_RISK, searching=False),
            LATE: empty_view_text(View.LATE, searching=False),
            PENDING: self.tr("No order has been pending for more than 21 days."),
            OVERDUE_REFUNDS: self.tr("No refund overdue: every received return is refunded."),
            REFUSED: self.tr(
                "Seller Central refused nothing SellerDesk sent. A refused line is listed "
                "here until it is sent again and accepted."
            ),
        }

    # -- data ----------------------------------------------------------------------------

    def refresh(self, as_of: datetime | None = None) -> None:
        """Recompute every figure as of ``as_of`` (now by default) and show it: at once,
        or in the background with the figures before on the page until the new ones come
        (the latest refresh asked for wins)."""
        self._asked += 1
        if self._tasks is None:
            self._shown(overview(self._db, as_of))
            return
        asked = self._asked
        db = self._db
        self.as_of_label.setText(self.tr("Updating the figures…"))
        self._tasks.start(
            lambda _task: overview(db, as_of),
            lambda data: self._shown(data) if asked == self._asked else None,
            lambda error: self.failed.emit(error) if asked == self._asked else None,
        )

    def _shown(self, data: HealthOverview) -> None:
        self.overview = data
        self._show(data)
        self.shown.emit()

    def _show(self, data: HealthOverview) -> None:
        rate = data.report.rate
        self.as_of_label.setText(self.tr("As of {moment}").format(moment=date_time(rate.as_of)))
        status = (
            self.tr("⚠ above the target") if rate.above_target else self.tr("✓ within the target")
        )
        self.rate_label.setText(
            self.tr("7-day cancellation rate: {rate} % ({status})").format(
                rate=number(rate.percent), status=status
            )
        )
        self.rate_label.setStyleSheet("color: #b03a2e;" if rate.above_target else "")
        self.rate_detail.setText(
            self.tr(
                "Cancelled and counted in the rate: %n of the {orders} orders purchased in the "
                "last 7 days. Target: under {target} %.",
                "",
                rate.seller_cancellations,
            ).format(
                orders=count(rate.orders),
                target=number(RATE_TARGET),
            )
        )
        late_lines = []
        for late in data.late_shipments:
            mark = "⚠ " if late.above_target else ""
            late_lines.append(
                mark
                + self.tr(
                    "Late shipment rate, {days} days: {rate} % (%n of the {shipped} "
                    "orders confirmed after their ship-by date)",
                    "",
                    late.late_orders,
                ).format(
                    days=late.days,
                    rate=number(late.percent),
                    shipped=count(late.shipped_orders),
                )
            )
        late_lines.append(
            self.tr("Target: under {target} %.").format(target=number(LATE_SHIPMENT_TARGET))
        )
        self.late_label.setText("\n".join(late_lines))
        self.chart.show_history(data.history)
        self._fill_lists(data)
        self._set_tab_titles(data)

    def _fill_lists(self, data: HealthOverview) -> None:
        rows: dict[str, list[tuple[str, list[str]]]] = {key: [] for key in LISTS}
        for entry in data.cancellations.local:
            key = COUNTED if entry.counts_in_rate else NOT_COUNTED
            reason = tr_text(reason_label(entry.reason))
            who = tr_text(initiator_label(entry.initiator))
            rows[key].append(
                (
                    entry.order_id,
                    [
                        entry.order_id,
                        date_time(entry.created_at),
                        f"{reason} — {who}",
                        tr_text(entry.why),
                    ],
                )
            )
        for marketplace in data.cancellations.marketplace:
            rows[MARKETPLACE].append(
                (
                    marketplace.order_id,
                    [
                        marketplace.order_id,
                        short_date(marketplace.purchase_date),
                        date_time(marketplace.cancelled_at),
                    ],
                )
            )
        for key, late_orders in (
            (AT_RISK, data.report.close_to_auto_cancel),
            (LATE, data.report.at_risk_of_auto_cancel),
        ):
            for late in late_orders[:LIST_ROWS]:
                rows[key].append(
                    (
                        late["order_id"],
                        [
                            late["order_id"],
                            short_date(datetime.fromisoformat(late["latest_ship_date"])),
                            str(late["days_late"]),
                            self._days_left(int(late["days_left"])),
                        ],
                    )
                )
        for pending in data.report.pending_over_21_days[:LIST_ROWS]:
            rows[PENDING].append(
                (
                    pending["order_id"],
                    [
                        pending["order_id"],
                        short_date(datetime.fromisoformat(pending["purchase_date"])),
                        str(pending["age_days"]),
                    ],
                )
            )
        for refund in data.overdue_refunds:
            rows[OVERDUE_REFUNDS].append(
                (
                    refund.order_id,
                    [
                        refund.order_id,
                        date_time(refund.received_at),
                        short_date(refund.due),
                        str(refund.days_overdue),
                    ],
                )
            )
        for refused in data.refused_by_marketplace:
            rows[REFUSED].append(
                (
                    refused.order_id,
                    [refused.order_id, str(refused.batch_id), str(refused.record), refused.message],
                )
            )
        empty = self._empty_texts()
        sizes = list_sizes(data)
        for key, tree in self.lists.items():
            tree.clear()
            if not rows[key]:
                placeholder = QTreeWidgetItem([empty[key]])
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                placeholder.setFirstColumnSpanned(True)
                tree.addTopLevelItem(placeholder)
                placeholder.setFirstColumnSpanned(True)
                continue
            tip = self.tr("Double-click or press Enter to open the order")
            for order_id, cells in rows[key][:LIST_ROWS]:
                item = QTreeWidgetItem(cells)
                item.setData(0, ORDER_ROLE, order_id)
                item.setToolTip(0, tip)
                tree.addTopLevelItem(item)
            hidden = sizes[key] - min(len(rows[key]), LIST_ROWS)
            if hidden > 0:
                more = QTreeWidgetItem([self._more_text(key, hidden)])
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                tree.addTopLevelItem(more)
                more.setFirstColumnSpanned(True)
        for index, refused in enumerate(data.refused_by_marketplace[:LIST_ROWS]):
            self._add_dealt_with_button(index, refused.batch_id, refused.record)

    def _more_text(self, key: str, hidden: int) -> str:
        """The last row of a list cut at LIST_ROWS: how many more, and where they all are."""
        view = FILTERS.get(key)
        if view is None:
            return self.tr("…and %n more, not listed here.", "", hidden)
        return self.tr(
            "…and %n more: the order list's “{filter}” filter shows every one.", "", hidden
        ).format(filter=view_label(view))

    def _add_dealt_with_button(self, row: int, batch_id: int, record: int) -> None:
        tree = self.lists[REFUSED]
        button = QPushButton(self.tr("Dealt with"), tree)
        button.setObjectName(f"dealt_with_{batch_id}_{record}")
        button.setToolTip(
            self.tr(
                "You put it right on Seller Central yourself: the line is listed no more and "
                "SellerDesk does not send it again. Written on the order's timeline."
            )
        )
        button.clicked.connect(lambda: self.mark_dealt_with(batch_id, record))
        tree.setItemWidget(tree.topLevelItem(row), 4, button)

    def dealt_with_buttons(self) -> list[QPushButton]:
        tree = self.lists[REFUSED]
        found = []
        for index in range(tree.topLevelItemCount()):
            button = tree.itemWidget(tree.topLevelItem(index), 4)
            if isinstance(button, QPushButton):
                found.append(button)
        return found

    def mark_dealt_with(self, batch_id: int, record: int) -> None:
        """One action: the refusal is settled, with its event on the order's timeline."""
        try:
            done = ledger.mark_dealt_with(self._db, batch_id, record)
        except SellerDeskError as error:
            self.told.emit(tr_text(error.message))
        else:
            self.told.emit(
                self.tr(
                    "Order {order}: refused line {line} of batch {batch} dealt with; it is not "
                    "sent again."
                ).format(order=done.order_id, line=record, batch=batch_id)
            )
        self.refresh()

    def order_ids(self, key: str) -> list[str]:
        """The orders a list shows, in order (for tests and the window)."""
        tree = self.lists[key]
        found = []
        for index in range(tree.topLevelItemCount()):
            order_id = tree.topLevelItem(index).data(0, ORDER_ROLE)
            if order_id:
                found.append(str(order_id))
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        order_id = item.data(0, ORDER_ROLE)
        if order_id:
            self.order_activated.emit(str(order_id))
