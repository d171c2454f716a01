"""Cancel some items (S14): choose quantities and a reason, see whether it counts, do it."""

from __future__ import annotations

import json
from decimal import Decimal

from PySide6.QtCore import Qt

from app.storage.models import OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click
from ui.dialogs.cancel_items_dialog import CancelItemsDialog
from ui.i18n import money

ORDER = "405-1234567-1234567"


def eur(amount: str) -> str:
    return money(Decimal(amount), "EUR")


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


# -- issue 12 item 7: the cost of a partial cancellation, before and after -----


def test_the_dialog_shows_the_rate_effect_as_the_cancel_dialog_and_the_amounts(qtbot, db):
    from app.order_views.order_details import order_details
    from ui.dialogs.cancel_dialog import CancelDialog

    two_items(db)
    dialog = CancelItemsDialog(db, ORDER)
    qtbot.addWidget(dialog)
    whole = CancelDialog(db, order_details(db, ORDER))
    qtbot.addWidget(whole)
    assert dialog.effect.text() == whole.effect_text
    assert dialog.effect.text().startswith("Counts: 7-day rate ")
    assert dialog.amounts_text == "Amount cancelled: nothing chosen yet."
    spin = dialog.quantities["A1"]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == 2
    # 2 of 3 units of a 10.00 + 2.48 + 4.90 + 0.82 line: 12.12 (pro rata, to the cent).
    assert dialog.table.item(0, 4).text() == eur("12.12")
    assert dialog.amounts_text == (
        f"Amount cancelled: {eur('12.12')}. The buyer is not charged for it."
    )
    dialog.choose_reason("BuyerCanceled")  # without the official request: counts (S5)
    assert dialog.why.text().startswith("⚠ ")


def test_after_it_the_details_pane_shows_charged_cancelled_refunded_and_net(qtbot, db, frozen_now):
    from ui.main_window import MainWindow

    two_items(db)
    win = MainWindow(db)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(win._counts))
    win.show()
    win.select_order(ORDER)
    win.registry["cancel_items"].trigger()
    (dialog,) = [d for d in win.findChildren(CancelItemsDialog) if d.isVisible()]
    dialog.quantities["A1"].setValue(2)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    text = win.details.text
    money = " ".join(text.split("Money")[1].split("Buyer and address")[0].split())
    zero, taken = eur("0.00"), eur("12.12")
    assert f"Charged {zero} Cancelled {taken} Refunded {zero} Net {zero}" in money
    assert f"cancelled {taken} · refunded {zero} · net {zero}" in text
    cancellations = text.split("Cancellations")[1]
    assert f"A “Mug céramique” × 2: {taken}" in cancellations
    assert f"Items cancelled: A “Mug céramique” × 2: {taken}" in text
    assert "A1" not in cancellations
    win.shutdown()


def test_the_details_pane_lists_each_refund_by_item_with_its_fee(qtbot, db):
    from app.order_actions.refunds import ItemRefund, RefundRequest, refund
    from app.order_actions.restocking import Share
    from app.order_views.order_details import order_details
    from ui.details_pane import DetailsPane

    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id="B1", sku="B", title="Mug", quantity_shipped=1)],
        ),
    )
    full = ItemRefund.full("B1", Share(percent=Decimal("20")))
    refund(db, ORDER, RefundRequest((full,), "CustomerReturn", "opened"))
    pane = DetailsPane()
    qtbot.addWidget(pane)
    pane.show_order(order_details(db, ORDER), [])
    refunds = pane.text.split("Refunds")[1].split("Timeline")[0]
    assert f"B “Mug”: {eur('23.10')} minus restocking fee {eur('2.98')}" in refunds
    assert eur("20.12") in refunds  # what the buyer got back
    money = " ".join(pane.text.split("Money")[1].split("Buyer and address")[0].split())
    assert f"Refunded {eur('20.12')} (restocking fees kept: {eur('2.98')})" in money
    assert f"Net {eur('2.98')}" in money
