"""Issue 12 item 2: "Message buyer" offers first the message the order's state and story
call for, in the buyer's language (the order's marketplace) unless the seller picks another;
"Copy the reply" in the cancel dialog uses the same language."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from app.order_actions.orders import cancel
from app.order_actions.returns import request_return
from app.storage import audit
from app.storage.models import Order, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click, trigger
from ui.dialogs.cancel_dialog import CancelDialog
from ui.dialogs.message_dialog import MessageDialog
from ui.main_window import MainWindow

ORDER = "405-1234567-1234567"


def on_marketplace(db, channel: str) -> None:
    with db.transaction() as session:
        order = session.scalars(select(Order).where(Order.order_id == ORDER)).one()
        order.sales_channel = channel


def buyer_writes(db, at) -> None:
    with db.transaction() as session:
        order = session.scalars(select(Order).where(Order.order_id == ORDER)).one()
        audit.record(
            session, order, kind="buyer-message", summary="please cancel", at=at, actor="buyer"
        )


def shipped(db) -> None:
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED, items=[ItemSpec(quantity_shipped=1, order_item_id="1")]
        ),
    )


def open_message(db, qtbot) -> MessageDialog:
    win = MainWindow(db)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(win._counts))
    win.show()
    win.select_order(ORDER)
    win.registry["message_buyer"].trigger()
    (dialog,) = [d for d in win.findChildren(MessageDialog) if d.isVisible()]
    return dialog


STORIES = {
    "pending": (lambda db: add_order(db, status=OrderStatus.PENDING), "s9"),
    "unshipped": (lambda db: add_order(db), "s15"),
    "asked by message": (
        lambda db: (add_order(db), buyer_writes(db, NOW - timedelta(hours=2))),
        "s5",
    ),
    "cancelled": (lambda db: (add_order(db), cancel(db, ORDER, "NoInventory")), "s2"),
    "wrote after cancelling": (
        lambda db: (
            add_order(db, buyer_requested_cancel=True),
            cancel(db, ORDER, "BuyerCanceled"),
            buyer_writes(db, NOW + timedelta(hours=1)),
        ),
        "s8",
    ),
    "return on its way": (lambda db: (shipped(db), request_return(db, ORDER)), "s3"),
    "carrier brings it back": (
        lambda db: (shipped(db), request_return(db, ORDER, carrier_return=True)),
        "s16",
    ),
}


@pytest.mark.parametrize("story", list(STORIES))
def test_the_first_template_follows_the_orders_story(db, qtbot, frozen_now, story):
    make, expected = STORIES[story]
    make(db)
    dialog = open_message(db, qtbot)
    assert dialog.template_key().startswith(expected + "_")
    assert dialog.template_combo.currentText().startswith(expected.upper() + " ")


def test_an_amazon_fr_order_is_written_in_french_unless_the_seller_picks_english(
    db, qtbot, frozen_now
):
    add_order(db)
    on_marketplace(db, "Amazon.fr")
    dialog = open_message(db, qtbot)
    assert dialog.language() == "fr"
    french = dialog.body_edit.toPlainText()
    assert "Bonjour" in french
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.body_edit.toPlainText() != french
    assert "Bonjour" not in dialog.body_edit.toPlainText()


def test_copy_the_reply_is_in_the_buyers_language(db, qtbot, frozen_now):
    add_order(db)
    on_marketplace(db, "Amazon.fr")
    win = MainWindow(db)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(win._counts))
    win.select_order(ORDER)
    dialog = trigger(win, "cancel_order", CancelDialog)
    dialog.choose_reason("BuyerCanceled")
    click(qtbot, dialog.copy_reply_button)
    assert "Demander une annulation" in QGuiApplication.clipboard().text()
