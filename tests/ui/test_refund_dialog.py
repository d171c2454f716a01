"""The refund dialog: type amounts, toggle full, pick a condition, watch total and OK."""

from __future__ import annotations

import json
from decimal import Decimal

from PySide6.QtCore import Qt

from app.order_actions.returns import receive_return
from app.storage.models import OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click
from ui.dialogs.refund_dialog import RefundDialog

ORDER = "405-1234567-1234567"
ITEM = "11111111111111"


def shipped(db) -> None:
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[
                ItemSpec(
                    order_item_id=ITEM,
                    quantity=2,
                    quantity_shipped=2,
                    item_price=Decimal("29.80"),
                    item_tax=Decimal("4.96"),
                )
            ],
        ),
    )


def refunds(cli) -> list[dict]:
    return json.loads(cli("show", ORDER, "--json").out)["refunds"]


def test_partial_amount_then_too_much_then_full(qtbot, db, cli, tmp_path):
    shipped(db)
    dialog = RefundDialog(db, ORDER)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()  # nothing chosen yet
    row = dialog.row(ITEM)
    qtbot.keyClicks(row.amounts[next(iter(row.amounts))], "10")
    assert dialog.ok_button.isEnabled()
    assert "10" in dialog.total.text()
    row.amounts[next(iter(row.amounts))].setText("30")
    assert not dialog.ok_button.isEnabled()
    assert "29.80" in dialog.problem.text  # says how much is left
    qtbot.mouseClick(row.full, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()
    assert dialog.plan is not None and dialog.plan.net == Decimal("40.48")
    dialog.grab().save(str(tmp_path / "refund_dialog.png"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RefundDialog.DialogCode.Accepted
    (line,) = refunds(cli)
    assert (line["item_price"], line["item_tax"], line["restocking_fee"]) == (
        "29.80",
        "4.96",
        "0.00",
    )


def test_fee_needs_condition_is_capped_and_warns_about_the_photo(qtbot, db, cli):
    shipped(db)
    dialog = RefundDialog(db, ORDER)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.full_all)
    row = dialog.row(ITEM)
    qtbot.keyClicks(row.fee, "20%")
    assert not dialog.ok_button.isEnabled()
    assert "condition" in dialog.problem.text
    dialog.condition.setCurrentIndex(dialog.condition.findData("opened"))
    assert dialog.ok_button.isEnabled()
    assert not dialog.photo_note.isHidden()
    assert "5.96" in row.fee_limit.text()
    row.fee.setText("21%")
    assert not dialog.ok_button.isEnabled()
    assert "ceiling" in dialog.problem.text
    row.fee.setText("2")
    assert dialog.ok_button.isEnabled()
    assert dialog.photo_note.isHidden()  # 2.00 is under 20 % of 29.80
    assert dialog.plan is not None and dialog.plan.net == Decimal("38.48")
    click(qtbot, dialog.ok_button)
    (line,) = refunds(cli)
    assert line["restocking_fee"] == "2.00"
    assert line["condition"] == "opened"


def test_prefilled_from_a_received_return(qtbot, db, cli):
    shipped(db)
    receive_return(db, ORDER, "used")
    dialog = RefundDialog(db, ORDER, from_return=True)
    qtbot.addWidget(dialog)
    assert dialog.row(ITEM).full.isChecked()
    assert dialog.condition.currentData() == "used"
    assert dialog.reason.currentData() == "CustomerReturn"
    assert dialog.plan is not None and dialog.plan.net == Decimal("25.58")  # 40.48 - 14.90
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    assert refunds(cli)[0]["restocking_fee"] == "14.90"


def test_unshipped_order_cannot_be_refunded(qtbot, db):
    add_order(db, OrderSpec())
    dialog = RefundDialog(db, ORDER)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.rows == []
    assert "shipment-confirmed" in dialog.problem.text
    assert "not_charged" in [
        child.objectName() for child in dialog.findChildren(type(dialog.total))
    ]


def test_bad_amount_is_explained(qtbot, db):
    shipped(db)
    dialog = RefundDialog(db, ORDER)
    qtbot.addWidget(dialog)
    row = dialog.row(ITEM)
    qtbot.keyClicks(row.fee, "abc")
    assert not dialog.ok_button.isEnabled()
    assert "not an amount" in dialog.problem.text
