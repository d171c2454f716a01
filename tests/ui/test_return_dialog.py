"""The return dialog says what will happen before its button, then does it."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt

from app.storage.models import OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click
from ui.dialogs.return_dialog import ReturnDialog
from ui.i18n import short_date

ORDER = "405-1234567-1234567"


def order(cli) -> dict:
    return json.loads(cli("show", ORDER, "--json").out)


def test_carrier_return_requested_then_received(qtbot, db, cli, frozen_now):
    add_order(db, OrderSpec(status=OrderStatus.SHIPPED, items=[ItemSpec(quantity_shipped=1)]))
    dialog = ReturnDialog(db, ORDER)
    qtbot.addWidget(dialog)
    assert dialog.requested.isChecked()
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.carrier, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert order(cli)["returns"][0]["carrier_return"] is True
    assert not dialog.opens_refund

    received = ReturnDialog(db, ORDER)
    qtbot.addWidget(received)
    assert received.received.isChecked()  # already expected: the next step is receipt
    assert not received.ok_button.isEnabled()  # no condition yet
    assert "condition" in received.problem.text
    received.choose_condition("damaged")
    assert received.ok_button.isEnabled()
    assert short_date(date(2026, 11, 24)) in received.consequence.text()  # Fri 20 → Tue 24
    click(qtbot, received.ok_button)
    assert received.opens_refund
    (row,) = order(cli)["returns"]
    assert (row["status"], row["condition"], row["refund_due"]) == (
        "received",
        "damaged",
        "2026-11-24",
    )


def test_unshipped_return_says_it_cancels_and_whether_it_counts(qtbot, db, cli):
    add_order(db, OrderSpec(buyer_requested_cancel=True))
    dialog = ReturnDialog(db, ORDER)
    qtbot.addWidget(dialog)
    dialog.received.setChecked(True)
    dialog.choose_condition("new")
    assert "cancelled" in dialog.consequence.text()
    assert "does not count" in dialog.consequence.text()
    click(qtbot, dialog.ok_button)
    assert not dialog.opens_refund
    data = order(cli)
    assert data["status"] == "Canceled"
    assert data["cancellations"][0]["reason"] == "BuyerCanceled"


def test_pending_order_refuses_with_the_reason(qtbot, db):
    add_order(db, OrderSpec(status=OrderStatus.PENDING))
    dialog = ReturnDialog(db, ORDER)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "verifying" in dialog.problem.text
    assert not any(
        "address" in b.text().lower() and "edit" in b.text().lower()
        for b in dialog.buttons.buttons()
    )
