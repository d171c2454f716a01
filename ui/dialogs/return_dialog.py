"""Record a return: the parcel is coming back, or it is back with its condition (S3, S16).

Before the button, the dialog says what will happen, as :mod:`app.order_actions.returns`
decides it: a refund due within two business days, or, if shipment was never
confirmed, the cancellation of the order and whether it counts in the rate.
After a received return that calls for a refund, ``opens_refund`` tells the
window to open the refund dialog prefilled.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import SellerDeskError
from app.order_actions.restocking import GRADES
from app.order_actions.returns import (
    Outcome,
    ReturnResult,
    ReturnStep,
    preview_return,
    receive_return,
    request_return,
)
from app.storage.db import Database
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.order_banner import OrderBanner
from ui.dialogs.room import make_room
from ui.i18n import tr_text


class ReturnDialog(QDialog):
    """Calls :func:`app.order_actions.returns.request_return` or
    :func:`app.order_actions.returns.receive_return`."""

    def __init__(self, db: Database, order_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("return_dialog")
        self._db = db
        self._order_id = order_id
        self.result_of_return: ReturnResult | None = None
        self.setWindowTitle(self.tr("Return — {order}").format(order=order_id))

        self.requested = QRadioButton(self.tr("The parcel is &coming back (return expected)"), self)
        self.requested.setObjectName("step_requested")
        self.carrier = QCheckBox(
            self.tr("The c&arrier brings it back (wrong address or buyer unreachable)"), self
        )
        self.carrier.setObjectName("carrier_return")
        self.received = QRadioButton(self.tr("The parcel is &back (return received)"), self)
        self.received.setObjectName("step_received")
        self.condition = QComboBox(self)
        self.condition.setObjectName("condition")
        self.condition.addItem(self.tr("Choose the condition…"), None)
        for grade, label in GRADES.items():
            self.condition.addItem(QCoreApplication.translate("Restocking", label), grade)
        steps = QButtonGroup(self)
        steps.addButton(self.requested)
        steps.addButton(self.received)

        form = QFormLayout()
        form.addRow(self.tr("Con&dition:"), self.condition)

        self.consequence = QLabel(self)
        self.consequence.setObjectName("consequence")
        self.consequence.setWordWrap(True)
        self.problem = ProblemLine(self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("&Record the return"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("confirm_return")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.banner = OrderBanner.of(db, order_id, self)
        layout.addWidget(self.banner)
        layout.addWidget(self.requested)
        layout.addWidget(self.carrier)
        layout.addSpacing(6)
        layout.addWidget(self.received)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.consequence)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        make_room(self, 520)

        self.requested.setChecked(True)
        try:
            if not preview_return(db, order_id, ReturnStep.REQUESTED).allowed:
                self.received.setChecked(True)  # already expected: the next step is receipt
        except SellerDeskError:
            pass  # revalidate() says why
        self.requested.toggled.connect(self.revalidate)
        self.condition.currentIndexChanged.connect(self.revalidate)
        self.revalidate()

    @property
    def step(self) -> ReturnStep:
        return ReturnStep.REQUESTED if self.requested.isChecked() else ReturnStep.RECEIVED

    def current_condition(self) -> str | None:
        grade = self.condition.currentData()
        return str(grade) if grade else None

    def choose_condition(self, grade: str) -> None:
        self.condition.setCurrentIndex(self.condition.findData(grade))

    @property
    def opens_refund(self) -> bool:
        """True after a received return whose refund is now due: open the refund dialog."""
        outcome = self.result_of_return.outlook.outcome if self.result_of_return else None
        return outcome is Outcome.REFUND_DUE

    def revalidate(self) -> None:
        self.problem.clear()
        self.condition.setEnabled(self.step is ReturnStep.RECEIVED)
        try:
            outlook = preview_return(self._db, self._order_id, self.step)
        except SellerDeskError as error:
            self.problem.say_error(error)
            self.consequence.clear()
            self.ok_button.setEnabled(False)
            return
        if outlook.refused is not None:
            self.problem.say(tr_text(outlook.refused))
            self.consequence.clear()
            self.ok_button.setEnabled(False)
            return
        self.consequence.setText(tr_text(outlook.message) if outlook.message else "")
        if self.step is ReturnStep.RECEIVED and self.current_condition() is None:
            self.problem.say(self.tr("Choose the condition the item came back in."))
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(True)

    def confirm(self) -> None:
        self.problem.clear()
        try:
            if self.step is ReturnStep.REQUESTED:
                self.result_of_return = request_return(
                    self._db, self._order_id, carrier_return=self.carrier.isChecked()
                )
            else:
                # S16: a parcel the carrier brought back has its own fee ceiling.
                self.result_of_return = receive_return(
                    self._db,
                    self._order_id,
                    self.current_condition(),
                    carrier_return=self.carrier.isChecked(),
                )
        except SellerDeskError as error:
            self.problem.say_error(error)
            self.ok_button.setEnabled(False)
            return
        self.changes = self.result_of_return.changes
        self.accept()
