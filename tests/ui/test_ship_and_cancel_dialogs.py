"""Confirm shipment and cancel order as the seller does: the action, then the button."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from app.order_actions.orders import cancel
from app.storage.models import Cancellation, Event, Order, OrderStatus, Shipment
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click, trigger
from ui.dialogs.cancel_dialog import CancelDialog
from ui.dialogs.ship_dialog import ShipDialog
from ui.main_window import MainWindow

ORDER = "405-1234567-1234567"
TWO_ITEMS = "405-7654321-7654321"


@pytest.fixture
def win(db, qtbot, frozen_now):
    add_order(db, OrderSpec(order_id=ORDER))
    add_order(
        db,
        OrderSpec(
            order_id=TWO_ITEMS,
            items=[
                ItemSpec(sku="TEE-01", quantity=2, order_item_id="21"),
                ItemSpec(sku="MUG-02", order_item_id="22"),
            ],
        ),
    )
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    yield window
    window.shutdown()


def stored(db, order_id):
    with db.reading() as session:
        order = session.scalars(select(Order).where(Order.order_id == order_id)).one()
        shipments = session.scalars(select(Shipment).where(Shipment.order_pk == order.id)).all()
        for shipment in shipments:
            _ = shipment.lines  # loaded while the session is open
        cancellations = session.scalars(
            select(Cancellation).where(Cancellation.order_pk == order.id)
        ).all()
        events = session.scalars(select(Event).where(Event.order_pk == order.id)).all()
        return order, list(shipments), list(cancellations), list(events)


def test_confirm_shipment_with_colissimo_records_it_and_updates_the_list(db, win, qtbot):
    win.select_order(ORDER)
    dialog = trigger(win, "confirm_shipment", ShipDialog)
    assert dialog.ship_date.date() == QDate(2026, 11, 20)  # today by default
    assert not dialog.quantities  # one single unit: nothing to choose
    dialog.choose_carrier("Colissimo")
    dialog.tracking.setText("6A12345678901")
    click(qtbot, dialog.confirm_button)
    assert not dialog.isVisible()
    order, shipments, _, events = stored(db, ORDER)
    assert order.status is OrderStatus.SHIPPED
    assert (shipments[0].carrier_code, shipments[0].carrier_name) == ("Other", "Colissimo")
    assert shipments[0].tracking_number == "6A12345678901"
    assert events[-1].kind == "shipment-confirmed"
    assert win.current_details.status is OrderStatus.SHIPPED
    assert not win.registry["confirm_shipment"].isEnabled()


def test_ship_some_units_of_a_multi_item_order(db, win, qtbot):
    win.select_order(TWO_ITEMS)
    dialog = trigger(win, "confirm_shipment", ShipDialog)
    assert set(dialog.quantities) == {"21", "22"}
    dialog.quantities["21"].setValue(1)
    dialog.quantities["22"].setValue(0)
    dialog.choose_carrier("DHL")
    click(qtbot, dialog.confirm_button)
    order, shipments, _, _ = stored(db, TWO_ITEMS)
    assert order.status is OrderStatus.PARTIALLY_SHIPPED
    assert [line.quantity for line in shipments[0].lines] == [1]


def test_a_refused_shipment_stays_open_explains_and_changes_nothing(db, win, qtbot):
    win.select_order(ORDER)
    dialog = trigger(win, "confirm_shipment", ShipDialog)
    dialog.ship_date.setDate(QDate(2026, 11, 25))  # in the future
    click(qtbot, dialog.confirm_button)
    assert dialog.isVisible()
    assert "in the future" in dialog.problem.text
    dialog.ship_date.setDate(QDate(2026, 11, 20))
    dialog.choose_carrier("Other")
    click(qtbot, dialog.confirm_button)
    assert "give the carrier's name" in dialog.problem.text
    order, shipments, _, events = stored(db, ORDER)
    assert order.status is OrderStatus.UNSHIPPED
    assert shipments == [] and events == []
    dialog.reject()


def test_no_unit_chosen_is_refused_inline(db, win, qtbot):
    win.select_order(TWO_ITEMS)
    dialog = trigger(win, "confirm_shipment", ShipDialog)
    for spin in dialog.quantities.values():
        spin.setValue(0)
    click(qtbot, dialog.confirm_button)
    assert dialog.problem.text == "Choose at least one unit to ship."
    assert stored(db, TWO_ITEMS)[1] == []
    dialog.reject()


def test_cancel_shows_the_rate_effect_before_and_cancels(db, win, qtbot):
    # Two orders in the window, none cancelled: cancelling one takes the rate to 50 %.
    win.select_order(ORDER)
    dialog = trigger(win, "cancel_order", CancelDialog)
    assert dialog.current_code() == "NoInventory"
    assert dialog.code.text() == "Marketplace code: NoInventory"
    # A no-break space keeps each figure with its % sign.
    assert dialog.effect_text == (
        "⚠ Counts: 7-day rate 0.00\u00a0% → 50.00\u00a0%, above the 2.50\u00a0% target."
    )
    assert "notification e-mail" in dialog.findChild(type(dialog.code), "consequence").text()
    assert dialog.s5_box.isHidden()
    click(qtbot, dialog.confirm_button)
    order, _, cancellations, events = stored(db, ORDER)
    assert order.status is OrderStatus.CANCELED
    assert cancellations[0].reason == "NoInventory" and cancellations[0].counts_in_rate
    assert events[-1].kind == "cancelled"
    qtbot.waitUntil(lambda: "50.00\u00a0%" in win.rate_label.text())


def test_the_six_common_reasons_come_first(db, win, qtbot):
    win.select_order(ORDER)
    dialog = trigger(win, "cancel_order", CancelDialog)
    codes = [dialog.reason.itemData(i) for i in range(6)]
    assert codes == [
        "NoInventory",
        "BuyerCanceled",
        "GeneralAdjustment",
        "PricingError",
        "ShippingAddressUndeliverable",
        "CustomerExchange",
    ]
    dialog.reject()


def test_buyer_canceled_without_official_request_warns_and_copies_the_s5_reply(db, win, qtbot):
    win.select_order(ORDER)
    dialog = trigger(win, "cancel_order", CancelDialog)
    dialog.choose_reason("BuyerCanceled")
    assert dialog.s5_box.isVisibleTo(dialog)
    assert dialog.effect_text.startswith("⚠ Counts")
    click(qtbot, dialog.copy_reply_button)
    assert QGuiApplication.clipboard().text() == (
        "You can find the order in your Amazon account under Your Account > Your Orders > "
        "Request cancellation."
    )
    assert not dialog.isVisible()
    order, _, cancellations, events = stored(db, ORDER)
    assert order.status is OrderStatus.UNSHIPPED
    assert cancellations == [] and events == []
    assert "not cancelled" in win.statusBar().currentMessage()


def test_official_buyer_request_does_not_count(db, qtbot, frozen_now):
    add_order(db, OrderSpec(order_id=ORDER, buyer_requested_cancel=True))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.select_order(ORDER)
    dialog = trigger(window, "cancel_order", CancelDialog)
    assert dialog.current_code() == "BuyerCanceled"
    assert dialog.effect_text == "Does not count: the buyer requested it officially."
    assert dialog.s5_box.isHidden()
    click(qtbot, dialog.confirm_button)
    _, _, cancellations, _ = stored(db, ORDER)
    assert cancellations[0].counts_in_rate is False
    window.shutdown()


def test_rate_already_above_target_before_cancelling(db, win, qtbot):
    add_order(db, OrderSpec(order_id="405-0000009-0000009", purchase_date=NOW - timedelta(days=1)))
    cancel(db, "405-0000009-0000009", "NoInventory", at=NOW)
    win.refresh()
    win.select_order(ORDER)
    dialog = trigger(win, "cancel_order", CancelDialog)
    assert dialog.effect_text == (
        "⚠ Counts: 7-day rate 33.33\u00a0% → 66.67\u00a0%, above the 2.50\u00a0% target."
    )
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_date_in_a_refusal_is_written_as_the_sellers_locale_writes_it(
    qtbot, db, win, qapp, language
):
    """Issue 12 item 13: never "2026-11-25" in a message the seller reads."""
    from ui.i18n import short_date
    from ui.translation import install_translators

    install_translators(qapp, language)
    try:
        win.select_order(ORDER)
        dialog = trigger(win, "confirm_shipment", ShipDialog)
        dialog.ship_date.setDate(QDate(2026, 11, 25))
        click(qtbot, dialog.confirm_button)
        said = dialog.problem.text
        assert short_date(QDate(2026, 11, 25).toPython()) in said
        assert "2026-11-25" not in said
        if language == "fr":
            assert "25/11/2026" in said
        dialog.reject()
    finally:
        install_translators(qapp, "en")
