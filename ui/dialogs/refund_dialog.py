"""Refund some or all of what an order's items were charged, minus a restocking fee (S13).

One box per charged item shows, per component, what was charged and what is
still refundable; the seller ticks a full refund or types an amount or a
percentage. Every change asks :func:`app.order_actions.refund_form.refund_form` once: its answer
(each item's fee limit, the plan checked by the same function the command line uses,
or why not) fills the limits, the live total and the reason the Refund button is
disabled. No money rule lives in this widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import SellerDeskError
from app.order_actions.reasons import REFUND_REASONS, reason_label
from app.order_actions.refund_form import (
    FeeLimit,
    RefundForm,
    TypedItem,
    refund_form,
    refund_request,
)
from app.order_actions.refunds import (
    COMPONENT_LABELS,
    Component,
    ItemBalance,
    RefundContext,
    RefundPlan,
    RefundRequest,
    load_refund_context,
    refund,
    suggested_refund,
)
from app.order_actions.restocking import GRADES
from app.storage.db import Database
from ui.contrast import make_quiet
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.order_banner import OrderBanner
from ui.dialogs.room import fit_scroll_width, make_room
from ui.i18n import money, number, tr_text, without_mnemonic

DEFAULT_REASON = "GeneralAdjustment"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RETURN_REASON = "CustomerReturn"


def editable_amount(value: Decimal) -> str:
    """An amount as the seller would type it here (decimal comma in French)."""
    return f"{value:.2f}".replace(".", QLocale().decimalPoint())


class NoteLine(QWidget):
    """An information icon and a note that informs without blocking (the photo note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size)
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon, 0)
        layout.addWidget(self.label, 1)
        self.hide()

    def say(self, message: str) -> None:
        self.label.setText(message)


@dataclass
class ItemRow:
    """The widgets of one item's box."""

    item: ItemBalance
    full: QCheckBox
    amounts: dict[Component, QLineEdit]
    fee: QLineEdit
    fee_limit: QLabel
    net: QLabel


class RefundDialog(QDialog):
    """Refund the charged items of one order; ``from_return`` prefills the suggested refund."""

    def __init__(
        self,
        db: Database,
        order_id: str,
        parent: QWidget | None = None,
        *,
        from_return: bool = False,
    ) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("refund_dialog")
        self._db = db
        self._order_id = order_id
        self.plan: RefundPlan | None = None  # the last valid plan; the recorded one once accepted
        self.rows: list[ItemRow] = []
        self.setWindowTitle(self.tr("Refund — {order}").format(order=order_id))

        self.problem = ProblemLine(self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("&Refund the buyer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("confirm_refund")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.banner = OrderBanner.of(db, order_id, self)
        layout.addWidget(self.banner)
        try:
            self._context: RefundContext | None = load_refund_context(db, order_id)
        except SellerDeskError as error:
            self._context = None
            layout.addWidget(self.problem)
            layout.addWidget(self.buttons)
            self.problem.say_error(error)
            self.ok_button.setEnabled(False)
            return
        context = self._context
        self._currency = context.currency

        intro = QLabel(
            self.tr(
                "Refunds apply to shipment-confirmed units. Amounts are totals for the item "
                "line; type an amount or a percentage of what was charged (e.g. 50 %)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.full_all = QPushButton(self.tr("&Full refund of everything still refundable"), self)
        self.full_all.setObjectName("full_refund_all")
        self.full_all.clicked.connect(self.refund_everything)
        top = QHBoxLayout()
        top.addWidget(self.full_all)
        top.addStretch(1)
        layout.addLayout(top)

        boxes = QWidget(self)
        boxes_layout = QVBoxLayout(boxes)
        boxes_layout.setContentsMargins(0, 0, 0, 0)
        for index, item in enumerate(context.charged_items):
            boxes_layout.addWidget(self._item_box(item, boxes, first=index == 0))
        not_charged = [item.ref for item in context.items if item.quantity_shipped == 0]
        if not_charged:
            note = QLabel(
                self.tr(
                    "Not shipment-confirmed, so nothing was charged (cancel instead): {items}"
                ).format(items=", ".join(not_charged)),
                boxes,
            )
            note.setObjectName("not_charged")
            note.setWordWrap(True)
            boxes_layout.addWidget(note)
        if len(context.charged_items) > 1:
            # Several items are a long list at laptop size: it scrolls, never clips a column.
            scroll = QScrollArea(self)
            scroll.setObjectName("items_scroll")
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(boxes)
            fit_scroll_width(scroll, boxes)
            first = boxes_layout.itemAt(0).widget()
            scroll.setMinimumHeight(first.minimumSizeHint().height() * 3 // 2)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(boxes)

        self.reason = QComboBox(self)
        self.reason.setObjectName("reason")
        for code, label in REFUND_REASONS.items():
            self.reason.addItem(QCoreApplication.translate("Reason", label), code)
        self.condition = QComboBox(self)
        self.condition.setObjectName("condition")
        self.condition.addItem(self.tr("Not graded (no restocking fee)"), None)
        for grade, label in GRADES.items():
            self.condition.addItem(QCoreApplication.translate("Restocking", label), grade)
        form = QFormLayout()
        form.addRow(self.tr("Adjustment rea&son:"), self.reason)
        form.addRow(self.tr("Returned item's &condition:"), self.condition)
        layout.addLayout(form)

        self.photo_note = NoteLine(self)
        self.photo_note.setObjectName("photo_note")
        self.total = QLabel(self)
        self.total.setObjectName("total")
        bold = QFont(self.total.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.total.setFont(bold)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.photo_note)
        layout.addWidget(self.total)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        make_room(self, 640)

        if context.recorded_condition:
            self.choose_condition(context.recorded_condition)
        self.choose_reason(RETURN_REASON if context.recorded_condition else DEFAULT_REASON)
        if from_return:
            self.prefill(suggested_refund(context))
        self.reason.currentIndexChanged.connect(self.revalidate)
        self.condition.currentIndexChanged.connect(self.revalidate)
        self.revalidate()

    # -- building ---------------------------------------------------------------------------

    def _item_box(self, item: ItemBalance, parent: QWidget, first: bool) -> QGroupBox:
        title = f"{item.ref} · {item.sku}" + (f" — {item.title}" if item.title else "")
        box = QGroupBox(
            self.tr("{item} (%n unit(s) shipped)", "", item.quantity_shipped).format(item=title),
            parent,
        )
        box.setObjectName(f"item_{item.ref}")
        grid = QGridLayout(box)
        full_text = self.tr("Refund &everything still refundable")
        # One Alt+letter per dialog: the first item's box has it, Tab walks on to the others.
        full = QCheckBox(full_text if first else without_mnemonic(full_text), box)
        full.setObjectName(f"full_{item.ref}")
        grid.addWidget(full, 0, 0, 1, 4)
        for column, heading in enumerate(
            (self.tr("Component"), self.tr("Charged"), self.tr("Refundable"), self.tr("Refund"))
        ):
            label = QLabel(heading, box)
            make_quiet(label)
            if column in (1, 2):
                label.setAlignment(RIGHT)
            grid.addWidget(label, 1, column)
        amounts: dict[Component, QLineEdit] = {}
        for row, component in enumerate(Component, start=2):
            label = QCoreApplication.translate("Refunds", COMPONENT_LABELS[component])
            grid.addWidget(QLabel(label[:1].upper() + label[1:], box), row, 0)
            grid.addWidget(self._money_label(item.charged.get(component), box), row, 1)
            grid.addWidget(self._money_label(item.refundable.get(component), box), row, 2)
            edit = QLineEdit(box)
            edit.setObjectName(f"{component.value}_{item.ref}")
            edit.setPlaceholderText(self.tr("0.00 or %"))
            edit.textChanged.connect(self.revalidate)
            grid.addWidget(edit, row, 3)
            amounts[component] = edit
        fee_row = len(Component) + 2
        grid.addWidget(QLabel(self.tr("Restocking fee"), box), fee_row, 0)
        fee_limit = QLabel(box)
        fee_limit.setObjectName(f"fee_limit_{item.ref}")
        fee_limit.setAlignment(RIGHT)
        grid.addWidget(fee_limit, fee_row, 1, 1, 2)
        fee = QLineEdit(box)
        fee.setObjectName(f"fee_{item.ref}")
        fee.setPlaceholderText(self.tr("amount or % of price"))
        fee.textChanged.connect(self.revalidate)
        grid.addWidget(fee, fee_row, 3)
        net = QLabel(box)
        net.setObjectName(f"net_{item.ref}")
        grid.addWidget(net, fee_row + 1, 0, 1, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 1)
        full.toggled.connect(self._full_toggled)
        self.rows.append(ItemRow(item, full, amounts, fee, fee_limit, net))
        return box

    def _money_label(self, value: Decimal, parent: QWidget) -> QLabel:
        label = QLabel(money(value, self._currency), parent)
        label.setObjectName("money")
        label.setAlignment(RIGHT)
        return label

    # -- seller actions ---------------------------------------------------------------------

    def row(self, ref: str) -> ItemRow:
        return next(row for row in self.rows if row.item.ref == ref)

    def choose_reason(self, code: str) -> None:
        self.reason.setCurrentIndex(self.reason.findData(code))

    def choose_condition(self, grade: str | None) -> None:
        self.condition.setCurrentIndex(self.condition.findData(grade) if grade else 0)

    def refund_everything(self) -> None:
        for row in self.rows:
            if row.item.refundable.total > 0:
                row.full.setChecked(True)

    def prefill(self, request: RefundRequest) -> None:
        """Show a suggested refund (from a received return): full refund minus the fee."""
        if request.condition:
            self.choose_condition(request.condition)
        self.choose_reason(request.reason)
        for wanted in request.items:
            row = self.row(wanted.ref)
            row.full.setChecked(True)
            if wanted.fee is not None and wanted.fee.amount is not None:
                row.fee.setText(editable_amount(wanted.fee.amount))

    def _full_toggled(self) -> None:
        """A full refund shows what it gives back in the (then locked) amount fields."""
        for row in self.rows:
            full = row.full.isChecked()
            for component, edit in row.amounts.items():
                if full == edit.isEnabled():
                    edit.blockSignals(True)
                    edit.setText(
                        editable_amount(row.item.refundable.get(component)) if full else ""
                    )
                    edit.blockSignals(False)
                edit.setEnabled(not full)
        self.revalidate()

    # -- checking ---------------------------------------------------------------------------

    def current_condition(self) -> str | None:
        grade = self.condition.currentData()
        return str(grade) if grade else None

    def typed(self) -> list[TypedItem]:
        """Each item's box as the seller left it, text as typed."""
        return [
            TypedItem(
                row.item.ref,
                row.full.isChecked(),
                {component: edit.text() for component, edit in row.amounts.items()},
                row.fee.text(),
            )
            for row in self.rows
        ]

    def request(self) -> RefundRequest:
        """What the seller asks for; BadInput when something typed is not an amount."""
        return refund_request(
            self.typed(), str(self.reason.currentData()), self.current_condition()
        )

    def revalidate(self) -> None:
        """Ask app/ what the refund as typed gives and allows; show it, or why not."""
        if self._context is None:
            return
        self.plan = None
        self.problem.clear()
        form = refund_form(
            self._context, self.typed(), str(self.reason.currentData()), self.current_condition()
        )
        if form.refused is not None:
            self.problem.say(tr_text(form.refused))
            self.full_all.setEnabled(False)
            self.ok_button.setEnabled(False)
            return
        self._show_fee_limits(form)
        if form.nothing_chosen:
            self._nothing_chosen()
            return
        plan = form.plan
        if plan is None:
            assert form.problem is not None
            self.problem.say_error(form.problem)
            self.total.setText(self.tr("The buyer gets back: —"))
            self.hint.clear()
            for row in self.rows:
                row.net.clear()
            self.photo_note.hide()
            self.ok_button.setEnabled(False)
            return
        self.plan = plan
        self._show_plan(plan)
        self.ok_button.setEnabled(True)

    def _nothing_chosen(self) -> None:
        self.total.setText(self.tr("The buyer gets back: —"))
        self.hint.setText(self.tr("Tick a full refund or type an amount for an item to refund it."))
        for row in self.rows:
            row.net.clear()
        self.photo_note.hide()
        self.ok_button.setEnabled(False)

    def _show_fee_limits(self, form: RefundForm) -> None:
        for row in self.rows:
            row.fee_limit.setText(self._fee_limit_text(form.fee_limit(row.item.ref)))

    def _fee_limit_text(self, limit: FeeLimit) -> str:
        if limit.amount is None or limit.percent is None:
            return self.tr("needs a condition")
        percent = limit.percent
        return self.tr("at most {amount} ({percent} %)").format(
            amount=money(limit.amount, self._currency),
            percent=number(percent, 0 if percent == percent.to_integral() else 2),
        )

    def _show_plan(self, plan: RefundPlan) -> None:
        planned = {line.item.ref: line for line in plan.lines}
        for row in self.rows:
            line = planned.get(row.item.ref)
            if line is None:
                row.net.clear()
                continue
            refund, fee, net = (
                money(value, self._currency) for value in (line.refund.total, line.fee, line.net)
            )
            row.net.setText(
                self.tr("This item: {refund} − {fee} restocking fee = {net} refunded").format(
                    refund=refund, fee=fee, net=net
                )
                if line.fee
                else self.tr("This item: {refund} refunded").format(refund=refund)
            )
        self.total.setText(
            self.tr("The buyer gets back: {net}").format(net=money(plan.net, self._currency))
        )
        self.hint.setText(
            self.tr(
                "Recorded now with reason {reason}; it goes into your next order adjustment file."
            ).format(reason=tr_text(reason_label(plan.reason)))
        )
        notes = plan.notes()
        self.photo_note.say("\n".join(tr_text(note) for note in notes))
        self.photo_note.setVisible(bool(notes))

    def confirm(self) -> None:
        self.problem.clear()
        try:
            self.plan = refund(self._db, self._order_id, self.request())
        except SellerDeskError as error:
            self.problem.say_error(error)
            self.ok_button.setEnabled(False)
            return
        self.changes = self.plan.changes
        self.accept()
