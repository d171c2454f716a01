"""Cancel an order: the reason, what it does to the rate, and the S5 alternative.

The rate effect is computed by :func:`app.account_health.rate_effect.cancel_effect` before the
seller confirms. Buyer canceled without the official request (S5) counts:
the dialog warns and offers to copy the reply asking the buyer to use
Request cancellation instead, leaving the order as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.account_health.rate_effect import RateEffect, buyer_language, cancel_effect, s5_reply
from app.changes import Changes
from app.errors import SellerDeskError
from app.order_actions.orders import cancel
from app.order_actions.reasons import BUYER_CANCELED
from app.order_views.order_details import OrderDetails
from app.storage.db import Database
from ui.contrast import make_quiet
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.order_banner import OrderBanner
from ui.dialogs.rate_effect_label import RateEffectLabel
from ui.dialogs.room import make_room
from ui.i18n import tr_text
from ui.reason_box import cancellation_reason_box


class CancelDialog(QDialog):
    """Calls :func:`app.order_actions.orders.cancel` for the whole order (the unshipped rest)."""

    def __init__(self, db: Database, details: OrderDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("cancel_dialog")
        self._db = db
        self._details = details
        self.copied_reply: str | None = None
        self.setWindowTitle(self.tr("Cancel order — {order}").format(order=details.order_id))

        self.reason = cancellation_reason_box(self)
        self.code = QLabel(self)
        self.code.setObjectName("reason_code")
        make_quiet(self.code)  # grey, yet readable (4.5:1)

        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow("", self.code)

        self.effect = RateEffectLabel(self)
        self.why = QLabel(self)
        self.why.setObjectName("rate_why")
        self.why.setWordWrap(True)

        self.s5_box = QFrame(self)
        self.s5_box.setObjectName("s5_warning")
        self.s5_box.setFrameShape(QFrame.Shape.StyledPanel)
        s5_text = QLabel(
            self.tr(
                "⚠ The buyer has not used Request cancellation, so this cancellation counts "
                "against you. Better: reply to the buyer and ask for the official request; "
                "the order stays as it is."
            ),
            self.s5_box,
        )
        s5_text.setWordWrap(True)
        self.copy_reply_button = QPushButton(self.tr("Co&py the reply and keep the order"), self)
        self.copy_reply_button.setObjectName("copy_s5_reply")
        self.copy_reply_button.clicked.connect(self.copy_reply)
        s5_layout = QVBoxLayout(self.s5_box)
        s5_layout.addWidget(s5_text)
        s5_layout.addWidget(self.copy_reply_button)

        whole = details.cancel_takes_whole_order
        consequence = QLabel(
            self.tr(
                "Amazon updates the buyer's order and sends the buyer a notification e-mail. "
                "The cancellation goes into your next order cancellation file."
            )
            if whole
            else self.tr(
                "Cancels the %n unit(s) not shipped yet; the buyer gets a notification "
                "e-mail. It goes into your order adjustment file once the rest is shipped.",
                "",
                details.open_units,
            ),
            self,
        )
        consequence.setObjectName("consequence")
        consequence.setWordWrap(True)

        self.problem = ProblemLine(self)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(
            self.tr("Cancel the &order"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.confirm_button.setObjectName("confirm_cancel")
        self.keep_button = self.buttons.addButton(
            self.tr("&Keep the order"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.banner = OrderBanner(details, details.order_id, self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(self.why)
        layout.addWidget(self.s5_box)
        layout.addWidget(consequence)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        make_room(self, 480)

        self.reason.currentIndexChanged.connect(self._reason_changed)
        if details.buyer_requested_cancel:
            self.choose_reason(BUYER_CANCELED)
        self._reason_changed()

    def choose_reason(self, code: str) -> None:
        self.reason.setCurrentIndex(self.reason.findData(code))

    def current_code(self) -> str:
        return str(self.reason.currentData())

    def _reason_changed(self) -> None:
        self.problem.clear()
        self.code.setText(self.tr("Marketplace code: {code}").format(code=self.current_code()))
        try:
            effect = cancel_effect(self._db, self._details.order_id, self.current_code())
        except SellerDeskError as error:
            self.problem.say_error(error)
            self.confirm_button.setEnabled(False)
            return
        self.confirm_button.setEnabled(True)
        self._show_effect(effect)

    def _show_effect(self, effect: RateEffect) -> None:
        self.effect.show_effect(effect)
        self.why.setText(tr_text(effect.why))
        self.s5_box.setVisible(effect.warn_s5)

    @property
    def effect_text(self) -> str:
        return self.effect.text()

    def reply_text(self) -> str:
        ui_language = QLocale().name()[:2]
        return s5_reply(buyer_language(self._details.sales_channel, ui_language))

    def copy_reply(self) -> None:
        """S5: copy the reply for the buyer and leave the order untouched."""
        self.copied_reply = self.reply_text()
        QGuiApplication.clipboard().setText(self.copied_reply)
        self.reject()

    def confirm(self) -> None:
        self.problem.clear()
        try:
            done = cancel(self._db, self._details.order_id, self.current_code())
        except SellerDeskError as error:
            self.problem.say_error(error)
            return
        self.changes = done.changes
        self.accept()
