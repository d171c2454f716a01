"""Confirm Shipment: carrier, tracking number, ship date and, for several items, what ships now."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.errors import SellerDeskError
from app.marketplace_files.carriers import (
    OTHER,
    USUAL_CARRIERS,
    marketplace_carrier_codes,
    resolve_carrier,
)
from app.order_actions.orders import ItemQuantity, ShipmentRequest, confirm_shipment
from app.order_views.order_details import OrderDetails
from app.storage.db import Database
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.order_banner import OrderBanner
from ui.dialogs.room import make_room


class ShipDialog(QDialog):
    """Calls :func:`app.order_actions.orders.confirm_shipment`; a refusal stays inline and
    changes nothing."""

    def __init__(self, db: Database, details: OrderDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("ship_dialog")
        self._db = db
        self._details = details
        self.setWindowTitle(self.tr("Confirm shipment — {order}").format(order=details.order_id))

        self.carrier = QComboBox(self)
        self.carrier.setObjectName("carrier")
        for name in USUAL_CARRIERS:
            self.carrier.addItem(name, name)
        self.carrier.insertSeparator(self.carrier.count())
        for code in marketplace_carrier_codes():
            if code != OTHER and code not in USUAL_CARRIERS:
                self.carrier.addItem(code, code)
        self.carrier.insertSeparator(self.carrier.count())
        self.carrier.addItem(self.tr("Other (type its name)"), OTHER)
        self.carrier_name = QLineEdit(self)
        self.carrier_name.setObjectName("carrier_name")
        self.carrier_name.setMaxLength(50)
        self.carrier_name.setPlaceholderText(self.tr("The carrier's name"))
        self.carrier_name_label = QLabel(self.tr("Carrier &name:"), self)
        self.carrier_name_label.setBuddy(self.carrier_name)
        self.tracking = QLineEdit(self)
        self.tracking.setObjectName("tracking")
        self.tracking.setMaxLength(64)
        self.tracking.setPlaceholderText(self.tr("As printed on the label"))
        self.ship_date = QDateEdit(self)
        self.ship_date.setObjectName("ship_date")
        self.ship_date.setCalendarPopup(True)
        today = clock.now().date()
        self.ship_date.setDate(QDate(today.year, today.month, today.day))

        form = QFormLayout()
        form.addRow(self.tr("&Carrier:"), self.carrier)
        form.addRow(self.carrier_name_label, self.carrier_name)
        form.addRow(self.tr("&Tracking number:"), self.tracking)
        form.addRow(self.tr("Ship &date:"), self.ship_date)

        self.quantities: dict[str, QSpinBox] = {}
        open_items = [item for item in details.items if item.quantity_open > 0]
        items_box: QGroupBox | None = None
        if len(details.items) > 1 or any(item.quantity_open > 1 for item in open_items):
            items_box = QGroupBox(self.tr("Units shipping now"), self)
            items_form = QFormLayout(items_box)
            for item in open_items:
                spin = QSpinBox(items_box)
                spin.setObjectName(f"quantity_{item.ref}")
                spin.setRange(0, item.quantity_open)
                spin.setValue(item.quantity_open)
                spin.setSuffix(self.tr(" of {open}").format(open=item.quantity_open))
                label = f"{item.sku} — {item.title}" if item.title else item.sku
                items_form.addRow(QLabel(label, items_box), spin)
                self.quantities[item.ref] = spin

        consequence = QLabel(
            self.tr(
                "The shipment goes into your next shipping confirmation file. Once Amazon has it, "
                "the buyer is charged and gets the tracking details."
            ),
            self,
        )
        consequence.setWordWrap(True)
        self.problem = ProblemLine(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(self.tr("Confirm &shipment"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.banner = OrderBanner(details, details.order_id, self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        if items_box is not None:
            layout.addWidget(items_box)
        layout.addWidget(consequence)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.carrier.currentIndexChanged.connect(self._carrier_changed)
        self._carrier_changed()
        make_room(self, 460)

    def _carrier_changed(self) -> None:
        other = self.carrier.currentData() == OTHER
        self.carrier_name.setVisible(other)
        self.carrier_name_label.setVisible(other)
        if other:
            self.carrier_name.setFocus()

    def choose_carrier(self, value: str) -> None:
        self.carrier.setCurrentIndex(self.carrier.findData(value))

    def _items(self) -> list[ItemQuantity] | None:
        if not self.quantities:
            return None
        chosen = [ItemQuantity(ref, spin.value()) for ref, spin in self.quantities.items()]
        return [item for item in chosen if item.quantity]

    def confirm(self) -> None:
        self.problem.clear()
        items = self._items()
        if items is not None and not items:
            self.problem.say(self.tr("Choose at least one unit to ship."))
            return
        chosen = self.ship_date.date()
        try:
            carrier = resolve_carrier(str(self.carrier.currentData()), self.carrier_name.text())
            self.changes = confirm_shipment(
                self._db,
                self._details.order_id,
                ShipmentRequest(
                    carrier=carrier,
                    tracking_number=self.tracking.text(),
                    ship_date=chosen.toPython(),  # type: ignore[arg-type]
                    items=items,
                ),
            )
        except SellerDeskError as error:
            self.problem.say_error(error)
            return
        self.accept()
