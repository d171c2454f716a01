"""Note that the buyer asked to cancel by message (S5): when, and what they wrote.

Calls :func:`app.order_actions.asked_by_message.record_asked_by_message`; a refusal stays inline
and changes nothing. Once noted, the list flags the order and the details pane puts
the S5 reply one click away.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.errors import SellerDeskError
from app.order_actions.asked_by_message import record_asked_by_message
from app.order_views.order_details import OrderDetails
from app.storage.db import Database
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.order_banner import OrderBanner
from ui.dialogs.room import make_room


def _shown(moment: datetime) -> QDateTime:
    """``moment`` in the seller's local time (the edit shows and takes local time)."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


class AskedByMessageDialog(QDialog):
    def __init__(self, db: Database, details: OrderDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("asked_by_message_dialog")
        self._db = db
        self._order_id = details.order_id
        self.setWindowTitle(
            self.tr("Buyer asked to cancel by message — {order}").format(order=details.order_id)
        )
        now = _shown(clock.now())
        self.when = QDateTimeEdit(now, self)
        self.when.setObjectName("asked_at")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(now)
        self.when.setMinimumDateTime(_shown(details.purchase_date))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("asked_note")
        self.note.setPlaceholderText(self.tr("Optional: paste what the buyer wrote"))
        self.note.setTabChangesFocus(True)
        lines = self.note.fontMetrics().lineSpacing()
        self.note.setFixedHeight(4 * lines + 2 * self.note.frameWidth() + 8)

        form = QFormLayout()
        form.addRow(self.tr("The buyer &wrote on:"), self.when)
        form.addRow(self.tr("&Message:"), self.note)
        explanation = QLabel(
            self.tr(
                "The order is flagged under Buyer requested cancellation. Cancelling it now would "
                "count in your cancellation rate: reply asking the buyer to use Request "
                "cancellation, and it will not count."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.problem = ProblemLine(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("&Note the request"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(OrderBanner(details, details.order_id, self))
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        make_room(self, 460)

    def save(self) -> None:
        self.problem.clear()
        when = datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)
        try:
            noted = record_asked_by_message(
                self._db, self._order_id, at=when, note=self.note.toPlainText()
            )
        except SellerDeskError as error:
            self.problem.say_error(error)
            return
        self.changes = noted.changes
        self.accept()
