"""Cancel some items (S14): choose quantities and a reason, see whether it counts, do it."""

from __future__ import annotations

import json
from decimal import Decimal

from PySide6.QtCore import Qt

from app.models import OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click
from ui.dialogs.cancel_items_dialog import CancelItemsDialog

ORDER = "405-1234567-1234567"


def two_items(db, **changes) -> None:
    add_order(
        db,
        OrderSpec(
            items=[
                ItemSpec(order_item_id="A1", sku="A", quantity=3, item_price=Decimal("10.00")),
                ItemSpec(order_item_id="B1", sku="B", quantity=1),
            ],
            **changes,
        ),
    )


def test_cancel_two_of_three_units_keeps_the_rest_shippable(qtbot, db, cli):
    two_items(db)
    dialog = CancelItemsDialog(db, ORDER)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "Counts" in dialog.effect.text()
    dialog.quantities["A1"].setValue(2)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CancelItemsDialog.DialogCode.Accepted
    data = json.loads(cli("show", ORDER, "--json").out)
    assert data["status"] == "Unshipped"
    assert [item["quantity_open"] for item in data["items"]] == [1, 1]
    (cancellation,) = data["cancellations"]
    assert cancellation["whole_order"] is False
    assert cancellation["reason"] == "NoInventory"
    assert cancellation["items"] == [
        {
            "order_item_id": "A1",
            "sku": "A",
            "quantity": 2,
            "item_price": "6.66",
            "item_tax": "1.66",
            "shipping_price": "3.26",
            "shipping_tax": "0.54",
        }
    ]


def test_official_buyer_request_does_not_count(qtbot, db, cli):
    two_items(db, buyer_requested_cancel=True)
    dialog = CancelItemsDialog(db, ORDER)
    qtbot.addWidget(dialog)
    dialog.choose_reason("BuyerCanceled")
    assert "Does not count" in dialog.effect.text()
    dialog.quantities["B1"].setValue(1)
    click(qtbot, dialog.ok_button)
    data = json.loads(cli("show", ORDER, "--json").out)
    assert data["cancellations"][0]["counts_in_rate"] is False


def test_shipped_order_offers_nothing_to_cancel(qtbot, db):
    add_order(db, OrderSpec(status=OrderStatus.SHIPPED, items=[ItemSpec(quantity_shipped=1)]))
    dialog = CancelItemsDialog(db, ORDER)
    qtbot.addWidget(dialog)
    assert dialog.quantities == {}
    assert not dialog.ok_button.isEnabled()
    assert "refund" in dialog.problem.text
