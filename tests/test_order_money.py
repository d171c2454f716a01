"""Issue 12 item 7: what a partial cancellation costs, and what an order came to
(charged, cancelled, refunded, net), per item and per order, from one app/ function."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.order_money import cancel_preview
from app.order_actions.orders import ItemQuantity, ShipmentRequest, cancel, confirm_shipment
from app.order_actions.refunds import ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_views.order_details import order_details
from app.storage.db import open_database
from app.storage.models import Event, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"


def two_items(db, currency: str = "EUR") -> None:
    add_order(
        db,
        OrderSpec(
            currency=currency,
            items=[
                ItemSpec(
                    order_item_id="A1",
                    sku="A",
                    title="Carnet A5",
                    quantity=3,
                    item_price=Decimal("30.00"),
                    item_tax=Decimal("6.00"),
                    shipping_price=Decimal("3.00"),
                    shipping_tax=Decimal("0.60"),
                ),
                ItemSpec(order_item_id="B1", sku="B", title="Mug céramique"),
            ],
        ),
    )


def test_a_partial_cancellation_then_a_refund_add_up_per_item_and_per_order(db):
    two_items(db)
    preview = cancel_preview(db, ORDER, [ItemQuantity("A1", 2)])
    assert (preview.currency, preview.total) == ("EUR", Decimal("26.40"))
    cancel(db, ORDER, "NoInventory", items=[ItemQuantity("A1", 2)], at=NOW)
    confirm_shipment(db, ORDER, ShipmentRequest(resolve_carrier("UPS"), None, date(2026, 11, 20)))
    refund(
        db,
        ORDER,
        RefundRequest(
            (ItemRefund.full("B1", Share(percent=Decimal("20"))),), "CustomerReturn", "opened"
        ),
        at=NOW,
    )
    details = order_details(db, ORDER, NOW)
    money = details.money
    assert money is not None and money.currency == "EUR"
    a, b = money.items
    assert (a.sku, a.charged, a.cancelled, a.refunded, a.net) == (
        "A",
        Decimal("13.20"),
        Decimal("26.40"),
        Decimal("0.00"),
        Decimal("13.20"),
    )
    # B: 23.10 charged, 23.10 refunded less a 20 % fee on its 14.90 price (2.98 kept).
    assert (b.charged, b.refunded, b.fees, b.net) == (
        Decimal("23.10"),
        Decimal("20.12"),
        Decimal("2.98"),
        Decimal("2.98"),
    )
    assert (money.charged, money.cancelled, money.refunded, money.net) == (
        Decimal("36.30"),
        Decimal("26.40"),
        Decimal("20.12"),
        Decimal("16.18"),
    )
    (given_back,) = details.refunds
    assert [(i.sku, i.amount, i.fee, i.net) for i in given_back.items] == [
        ("B", Decimal("23.10"), Decimal("2.98"), Decimal("20.12"))
    ]
    assert details.cancellations[0].amounts == (Decimal("26.40"),)


def test_the_timeline_names_items_by_sku_and_title_with_amounts_in_their_currency(db):
    two_items(db, currency="GBP")
    cancel(db, ORDER, "NoInventory", items=[ItemQuantity("A1", 2)], at=NOW)
    with db.reading() as session:
        summary = session.scalars(select(Event.summary).order_by(Event.id.desc())).first()
    assert summary is not None
    assert "A “Carnet A5” × 2: 26.40 GBP" in summary
    assert "A1" not in summary


def test_show_json_gains_the_money_and_keeps_its_fields(db, cli):
    two_items(db)
    before = json.loads(cli("show", ORDER, "--json").out)
    cancel(db, ORDER, "NoInventory", items=[ItemQuantity("A1", 2)], at=NOW)
    data = json.loads(cli("show", ORDER, "--json").out)
    assert set(before) <= set(data)
    assert data["money"]["cancelled"] == "26.40"
    assert data["money"]["items"][0] == {
        "ref": "A1",
        "sku": "A",
        "charged": "0.00",
        "cancelled": "26.40",
        "refunded": "0.00",
        "fees": "0.00",
        "net": "0.00",
    }
    assert "cancelled 26.40" in cli("show", ORDER).out


@settings(max_examples=8, deadline=None)
@given(
    quantity=st.integers(1, 7),
    price=st.decimals("0.01", "999.99", places=2),
    data=st.data(),
)
def test_the_preview_is_what_the_cancellation_records(tmp_path_factory, quantity, price, data):
    db = open_database(str(tmp_path_factory.mktemp("preview") / "shop.sqlite"))
    try:
        add_order(
            db,
            OrderSpec(items=[ItemSpec(order_item_id="A1", quantity=quantity, item_price=price)]),
        )
        units = data.draw(st.integers(1, quantity))
        preview = cancel_preview(db, ORDER, [ItemQuantity("A1", units)])
        cancel(db, ORDER, "NoInventory", items=[ItemQuantity("A1", units)], at=NOW)
        details = order_details(db, ORDER, NOW)
        assert details.cancellations[0].amounts == (preview.total,)
        assert details.money is not None and details.money.cancelled == preview.total
        if units == quantity:
            assert details.status is OrderStatus.CANCELED
    finally:
        db.dispose()
