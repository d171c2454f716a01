"""The one-click filters beside the order list, each with its live count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.queries import View
from ui.labels import view_explanation, view_label
from ui.models.order_table_model import AT_RISK_COLOUR, LATE_COLOUR

# Views whose count is a warning when it is not zero (colour plus the ⚠ sign).
WARNING_COLOURS = {View.LATE: LATE_COLOUR, View.AT_RISK: AT_RISK_COLOUR}


class FilterList(QTreeWidget):
    """A two-column list: the view's name and how many orders it holds."""

    view_chosen = Signal(object)  # View

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
        for view in View:
            item = QTreeWidgetItem(self)
            item.setData(0, Qt.ItemDataRole.UserRole, view.value)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._items[view] = item
        self.retranslate()
        self.setCurrentItem(self._items[View.ALL])
        self.currentItemChanged.connect(self._on_current)

    def retranslate(self) -> None:
        for view, item in self._items.items():
            item.setText(0, view_label(view))
            item.setToolTip(0, view_explanation(view))
            item.setToolTip(1, view_explanation(view))
        self.set_counts(self._counts)

    def current_view(self) -> View:
        item = self.currentItem()
        return View(item.data(0, Qt.ItemDataRole.UserRole)) if item else View.ALL

    def choose(self, view: View) -> None:
        self.setCurrentItem(self._items[view])

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
            item.setText(1, f"⚠ {number}" if warn else str(number))
            brush = QBrush(colour) if warn and colour is not None else QBrush()
            item.setForeground(0, brush)
            item.setForeground(1, brush)
            font = item.font(0)
            font.setBold(warn)
            item.setFont(0, font)
            item.setFont(1, font)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.view_chosen.emit(View(current.data(0, Qt.ItemDataRole.UserRole)))
