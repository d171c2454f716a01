"""Cancel some items of an order not yet shipped (S14): items, quantities, a reason.

The rest stays to ship. Whether it counts in the cancellation rate is the
core's answer (:func:`app.account_health.rate_effect.cancel_effect`), shown as the cancel dialog
shows it, with the amounts the chosen units take
(:func:`app.order_actions.order_money.cancel_preview`) before the button; the cancellation
itself is :func:`app.order_actions.orders.cancel` with ``items``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.account_health.rate_effect import cancel_effect
from app.changes import Changes
from app.errors import SellerDeskError
from app.order_actions.order_money import CancelPreview, cancel_preview
from app.order_actions.orders import ItemQuantity, cancel
from app.order_views.order_details import ItemLine, order_details
from app.storage.db import Database
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.order_banner import OrderBanner
from ui.dialogs.rate_effect_label import RateEffectLabel
from ui.dialogs.room import make_room
from ui.i18n import money, tr_text
from ui.reason_box import cancellation_reason_box


class CancelItemsDialog(QDialog):
    """Choose items and quantities to cancel; the rest of the order stays shippable."""

    def __init__(self, db: Database, order_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("cancel_items_dialog")
        self._db = db
        self._order_id = order_id
        self.quantities: dict[str, QSpinBox] = {}
        self._amount_cells: dict[str, QTableWidgetItem] = {}
        self.setWindowTitle(self.tr("Cancel items — {order}").format(order=order_id))

        self.problem = ProblemLine(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("items")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Product"),
                self.tr("Still to ship"),
                self.tr("Cancel"),
                self.tr("Amount"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        items: tuple[ItemLine, ...] = ()
        try:
            items = order_details(db, order_id).items
        except SellerDeskError as error:
            self.problem.say_error(error)
        for item in items:
            if not item.quantity_open:
                continue
            ref = item.ref
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(ref))
            self.table.setItem(row, 1, QTableWidgetItem(f"{item.sku} — {item.title or ''}"))
            open_units = QTableWidgetItem(str(item.quantity_open))
            open_units.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, open_units)
            spin = QSpinBox(self.table)
            spin.setObjectName(f"qty_{ref}")
            spin.setRange(0, item.quantity_open)
            spin.valueChanged.connect(self.revalidate)
            self.table.setCellWidget(row, 3, spin)
            amount = QTableWidgetItem("")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 4, amount)
            self.quantities[ref] = spin
            self._amount_cells[ref] = amount
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows = sum(self.table.rowHeight(row) for row in range(min(self.table.rowCount(), 8)))
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + max(rows, self.table.verticalHeader().defaultSectionSize())
            + 2 * self.table.frameWidth()
        )

        self.reason = cancellation_reason_box(self)
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)

        self.amounts = QLabel(self)
        self.amounts.setObjectName("amounts_cancelled")
        self.amounts.setWordWrap(True)
        self.effect = RateEffectLabel(self)
        self.why = QLabel(self)
        self.why.setObjectName("rate_why")
        self.why.setWordWrap(True)
        consequence = QLabel(
            self.tr(
                "The rest of the order stays to ship. The buyer gets a notification e-mail; "
                "the cancelled quantities go into your order adjustment file once the rest "
                "is shipped."
            ),
            self,
        )
        consequence.setObjectName("consequence")
        consequence.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Cancel the &chosen items"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("confirm_cancel_items")
        keep = self.buttons.addButton(
            self.tr("&Keep the items"), QDialogButtonBox.ButtonRole.RejectRole
        )
        keep.setDefault(True)
        self.ok_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.banner = OrderBanner.of(db, order_id, self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        layout.addWidget(self.amounts)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(self.why)
        layout.addWidget(consequence)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        make_room(self, 560)

        self.reason.currentIndexChanged.connect(self.revalidate)
        self.revalidate()

    def choose_reason(self, code: str) -> None:
        self.reason.setCurrentIndex(self.reason.findData(code))

    def chosen(self) -> list[ItemQuantity]:
        return [
            ItemQuantity(ref, spin.value()) for ref, spin in self.quantities.items() if spin.value()
        ]

    def revalidate(self) -> None:
        self.problem.clear()
        try:
            effect = cancel_effect(self._db, self._order_id, str(self.reason.currentData()))
            preview = cancel_preview(self._db, self._order_id, self.chosen())
        except SellerDeskError as error:
            self.problem.say_error(error)
            self.effect.clear()
            self.why.clear()
            self.ok_button.setEnabled(False)
            return
        self.effect.show_effect(effect)
        why = tr_text(effect.why)
        self.why.setText("⚠ " + why if effect.warn_s5 else why)
        self._show_amounts(preview)
        if not self.chosen():
            self.problem.say(self.tr("Choose how many units of which item to cancel."))
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(True)

    def _show_amounts(self, preview: CancelPreview) -> None:
        """What each chosen quantity takes off the order, as app/ will record it."""
        taken = {item.ref: item.amount for item in preview.items}
        for ref, cell in self._amount_cells.items():
            amount = taken.get(ref)
            cell.setText(money(amount, preview.currency) if amount is not None else "")
        if preview.items:
            self.amounts.setText(
                self.tr("Amount cancelled: {total}. The buyer is not charged for it.").format(
                    total=money(preview.total, preview.currency)
                )
            )
        else:
            self.amounts.setText(self.tr("Amount cancelled: nothing chosen yet."))

    @property
    def amounts_text(self) -> str:
        return self.amounts.text()

    def confirm(self) -> None:
        self.problem.clear()
        try:
            done = cancel(
                self._db, self._order_id, str(self.reason.currentData()), items=self.chosen()
            )
        except SellerDeskError as error:
            self.problem.say_error(error)
            self.ok_button.setEnabled(False)
            return
        self.changes = done.changes
        self.accept()
