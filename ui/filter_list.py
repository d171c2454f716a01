"""The one-click filters beside the order list, each with its live count.

Above them, "Account health" swaps the order list for the health page, with the
7-day cancellation rate as its figure.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.order_views.queries import View
from ui.i18n import count
from ui.labels import view_explanation, view_label
from ui.models.order_columns import AT_RISK_COLOUR, LATE_COLOUR

# Views whose count is a warning when it is not zero (colour plus the ⚠ sign).
WARNING_COLOURS = {View.LATE: LATE_COLOUR, View.AT_RISK: AT_RISK_COLOUR}
HEALTH = "health"  # the data of the entry that opens the health page


class FilterList(QTreeWidget):
    """A two-column list: the view's name and how many orders it holds."""

    view_chosen = Signal(object)  # View
    health_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filters")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[View, QTreeWidgetItem] = {}
        self._counts: dict[View, int] = {}
        self._last_view = View.ALL
        self.health_item = QTreeWidgetItem(self)
        self.health_item.setData(0, Qt.ItemDataRole.UserRole, HEALTH)
        self.health_item.setTextAlignment(
            1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        font = self.health_item.font(0)
        font.setBold(True)
        self.health_item.setFont(0, font)
        for view in View:
            item = QTreeWidgetItem(self)
            item.setData(0, Qt.ItemDataRole.UserRole, view.value)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._items[view] = item
        self.retranslate()
        self.setCurrentItem(self._items[View.ALL])
        self.currentItemChanged.connect(self._on_current)

    def retranslate(self) -> None:
        self.health_item.setText(0, QCoreApplication.translate("FilterList", "Account health"))
        tip = QCoreApplication.translate(
            "FilterList",
            "Your cancellation rate, late shipments, orders at risk of auto-cancellation and "
            "refunds due (Ctrl+H)",
        )
        self.health_item.setToolTip(0, tip)
        self.health_item.setToolTip(1, tip)
        for view, item in self._items.items():
            item.setText(0, view_label(view))
            item.setToolTip(0, view_explanation(view))
            item.setToolTip(1, view_explanation(view))
        self.set_counts(self._counts)

    def sizeHint(self) -> QSize:
        """Wide enough for the longest name, bold, and its count, in the current language."""
        hint = super().sizeHint()
        font = QFont(self.font())
        font.setBold(True)
        bold = QFontMetrics(font)
        plain = QFontMetrics(self.font())
        # A name is measured in the font it can be drawn in: only the health entry and a
        # warning are bold (every pixel counts for the order list at laptop size).
        names = max(
            bold.horizontalAdvance(self.health_item.text(0)),
            *(
                (bold if view in WARNING_COLOURS else plain).horizontalAdvance(item.text(0))
                for view, item in self._items.items()
            ),
        )
        items = [self.health_item, *self._items.values()]
        counts = max(bold.horizontalAdvance(item.text(1) or "⚠ 0000") for item in items)
        return QSize(names + counts + 40, hint.height())

    def current_view(self) -> View:
        """The order list's filter (the last one chosen while the health page is shown)."""
        return self._last_view

    def health_shown(self) -> bool:
        return self.currentItem() is self.health_item

    def choose(self, view: View) -> None:
        self.setCurrentItem(self._items[view])

    def choose_health(self) -> None:
        self.setCurrentItem(self.health_item)

    def set_rate(self, rate_text: str, above_target: bool) -> None:
        """The 7-day cancellation rate beside "Account health", red when above the target."""
        self.health_item.setText(1, f"⚠ {rate_text}" if above_target else rate_text)
        brush = QBrush(AT_RISK_COLOUR) if above_target else QBrush()
        self.health_item.setForeground(1, brush)

    def count_text(self, view: View) -> str:
        return self._items[view].text(1)

    def set_counts(self, counts: dict[View, int]) -> None:
        self._counts = dict(counts)
        for view, item in self._items.items():
            if view not in counts:
                item.setText(1, "…")
                continue
            number = counts[view]
            colour = WARNING_COLOURS.get(view)
            warn = colour is not None and number > 0
            written = count(number)
            item.setText(1, f"⚠ {written}" if warn else written)
            brush = QBrush(colour) if warn and colour is not None else QBrush()
            item.setForeground(0, brush)
            item.setForeground(1, brush)
            font = item.font(0)
            font.setBold(warn)
            item.setFont(0, font)
            item.setFont(1, font)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        value = current.data(0, Qt.ItemDataRole.UserRole)
        if value == HEALTH:
            self.health_chosen.emit()
            return
        self._last_view = View(value)
        self.view_chosen.emit(self._last_view)
