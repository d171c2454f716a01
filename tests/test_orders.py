"""Order actions as a seller meets them: shipping, cancelling, and what the log keeps."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import BadInput, RuleRefused
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_order,
    verify_payment,
)
from app.storage.models import Event, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"
MUG = ItemSpec(sku="MUG-CERAM-01", order_item_id="11111111111111", quantity=2)
TOTE = ItemSpec(
    sku="TOTE-LIN-NAT", order_item_id="22222222222222", quantity=1, item_price=Decimal("22.40")
)


def two_items(db, **changes) -> str:
    return add_order(
        db, OrderSpec(items=[ItemSpec(**vars(MUG)), ItemSpec(**vars(TOTE))]), **changes
    )


def load(db, order_id: str = ORDER):
    with db.reading() as session:
        order = find_order(session, order_id)
        events = session.scalars(
            select(Event).where(Event.order_pk == order.id).order_by(Event.id)
        ).all()
        return order, events


def ship(db, carrier: str = "UPS", items=None, **options) -> None:
    request = ShipmentRequest(carrier=resolve_carrier(carrier), items=items, **options)
    confirm_shipment(db, ORDER, request, at=NOW)


def test_shipping_everything_makes_the_order_shipped(db):
    two_items(db)
    ship(db, tracking_number="1Z999", ship_date=NOW.date())
    order, _ = load(db)
    assert order.status is OrderStatus.SHIPPED
    assert [(i.sku, i.quantity_shipped) for i in order.items] == [
        ("MUG-CERAM-01", 2),
        ("TOTE-LIN-NAT", 1),
    ]
    [shipment] = order.shipments
    assert shipment.tracking_number == "1Z999"
    assert sorted(line.quantity for line in shipment.lines) == [1, 2]


def test_shipping_some_units_by_item_id_leaves_it_partially_shipped(db):
    two_items(db)
    ship(db, items=[ItemQuantity("11111111111111", 1)])
    order, _ = load(db)
    assert order.status is OrderStatus.PARTIALLY_SHIPPED
    assert [i.quantity_shipped for i in order.items] == [1, 0]
    ship(db, items=[ItemQuantity("TOTE-LIN-NAT"), ItemQuantity("MUG-CERAM-01")])  # by SKU
    order, _ = load(db)
    assert order.status is OrderStatus.SHIPPED
    assert len(order.shipments) == 2


def test_item_refs_parse_as_typed_on_the_command_line():
    assert ItemQuantity.parse("11111111111111:2") == ItemQuantity("11111111111111", 2)
    assert ItemQuantity.parse("MUG-CERAM-01") == ItemQuantity("MUG-CERAM-01", None)
    for bad in ("MUG:0", "MUG:x", ":2"):
        with pytest.raises(BadInput):
            ItemQuantity.parse(bad)


def test_shipping_more_units_than_are_left_is_refused(db):
    two_items(db)
    with pytest.raises(RuleRefused, match="1 unit"):
        ship(db, items=[ItemQuantity("22222222222222", 2)])
    with pytest.raises(BadInput, match="no item NOPE"):
        ship(db, items=[ItemQuantity("NOPE")])
    order, events = load(db)
    assert order.status is OrderStatus.UNSHIPPED and not order.shipments and not events


@pytest.mark.parametrize(
    ("typed", "name", "code", "stored_name"),
    [
        ("UPS", None, "UPS", None),
        ("la poste", None, "La Poste", None),
        ("Colissimo", None, "Other", "Colissimo"),
        ("Other", "Mondial Relay", "Other", "Mondial Relay"),
    ],
)
def test_carrier_code_or_other_with_a_name(db, typed, name, code, stored_name):
    two_items(db)
    request = ShipmentRequest(carrier=resolve_carrier(typed, name))
    confirm_shipment(db, ORDER, request, at=NOW)
    order, events = load(db)
    [shipment] = order.shipments
    assert (shipment.carrier_code, shipment.carrier_name) == (code, stored_name)
    assert (stored_name or code) in events[-1].summary


def test_carrier_other_needs_a_name_and_a_short_one():
    with pytest.raises(BadInput, match="name"):
        resolve_carrier("Other")
    with pytest.raises(BadInput, match="50"):
        resolve_carrier("Other", "x" * 51)
    with pytest.raises(BadInput):
        resolve_carrier("  ")


@pytest.mark.parametrize(
    ("ship_date", "message"),
    [
        (NOW.date() - timedelta(days=3), "before the purchase date"),
        (NOW.date() + timedelta(days=1), "in the future"),
    ],
)
def test_ship_date_must_lie_between_purchase_and_now(db, ship_date, message):
    two_items(db, purchase_date=NOW - timedelta(days=2))
    with pytest.raises(BadInput, match=message):
        ship(db, ship_date=ship_date)
    order, events = load(db)
    assert order.status is OrderStatus.UNSHIPPED and not order.shipments and not events


def test_ship_date_defaults_to_the_day_of_the_action(db):
    two_items(db)
    ship(db)
    order, _ = load(db)
    assert order.shipments[0].ship_date == NOW.date()
    assert order.shipments[0].ship_date == date(2026, 11, 20)


def test_partial_cancellation_splits_the_line_total_pro_rata(db):
    add_order(
        db,
        OrderSpec(
            items=[
                ItemSpec(
                    order_item_id="11111111111111",
                    quantity=3,
                    item_price=Decimal("10.00"),
                    item_tax=Decimal("1.67"),
                    shipping_price=None,
                    shipping_tax=None,
                )
            ]
        ),
    )
    for _ in range(3):
        cancel(db, ORDER, "NoInventory", items=[ItemQuantity("11111111111111", 1)], at=NOW)
    order, _ = load(db)
    lines = [c.lines[0] for c in order.cancellations]
    assert [str(line.item_price) for line in lines] == ["3.33", "3.33", "3.34"]
    assert [str(line.item_tax) for line in lines] == ["0.56", "0.56", "0.55"]
    assert [line.shipping_price for line in lines] == [None, None, None]
    assert order.status is OrderStatus.CANCELED
    assert [c.whole_order for c in order.cancellations] == [False, False, True]


def test_cancelling_some_items_keeps_the_order_open(db):
    two_items(db)
    result = cancel(db, ORDER, "NoInventory", items=[ItemQuantity("TOTE-LIN-NAT")], at=NOW)
    assert result.status is OrderStatus.UNSHIPPED and not result.whole_order
    order, _ = load(db)
    [line] = order.cancellations[0].lines
    assert line.quantity == 1 and line.item_price == Decimal("22.40")


def test_cancelling_a_partially_shipped_order_cancels_the_rest_and_leaves_it_shipped(db):
    two_items(db)
    ship(db, items=[ItemQuantity("11111111111111", 1)])
    result = cancel(db, ORDER, "NoInventory", at=NOW)
    assert result.status is OrderStatus.SHIPPED
    assert result.whole_order is False  # a partial cancellation: the adjustment file's business
    order, _ = load(db)
    assert [(i.quantity_shipped, i.quantity_cancelled) for i in order.items] == [(1, 1), (0, 1)]
    [cancellation] = order.cancellations
    assert sorted(line.quantity for line in cancellation.lines) == [1, 1]


def test_whole_cancellation_of_an_unshipped_order(db):
    two_items(db)
    result = cancel(db, ORDER, "shipping address undeliverable", at=NOW)
    assert result.status is OrderStatus.CANCELED and result.whole_order
    assert result.effect.counts
    order, _ = load(db)
    assert order.cancellations[0].reason == "ShippingAddressUndeliverable"


def test_unknown_reason_code_is_bad_input_and_changes_nothing(db):
    two_items(db)
    with pytest.raises(BadInput, match="Unknown cancellation reason"):
        cancel(db, ORDER, "Changed my mind", at=NOW)
    order, events = load(db)
    assert order.status is OrderStatus.UNSHIPPED and not events


def test_unknown_or_malformed_order_ids(db):
    with pytest.raises(BadInput, match="no order 405-0000000-0000000"):
        verify_payment(db, "405-0000000-0000000")
    with pytest.raises(BadInput, match="not an order id"):
        verify_payment(db, "12345")


def test_every_action_logs_what_it_changed_before_and_after(db):
    two_items(db, status=OrderStatus.PENDING)
    verify_payment(db, ORDER, at=NOW)
    ship(db, items=[ItemQuantity("11111111111111", 2)])
    cancel(db, ORDER, "NoInventory", at=NOW + timedelta(hours=1))
    order, events = load(db)
    assert [e.kind for e in events] == ["payment-verified", "shipment-confirmed", "items-cancelled"]
    verified, shipped, cancelled = ((json.loads(e.before), json.loads(e.after)) for e in events)
    assert (verified[0]["status"], verified[1]["status"]) == ("Pending", "Unshipped")
    assert shipped[0]["items"]["11111111111111"]["shipped"] == 0
    assert shipped[1]["items"]["11111111111111"]["shipped"] == 2
    assert shipped[1]["status"] == "PartiallyShipped"
    assert cancelled[1]["items"]["22222222222222"]["cancelled"] == 1
    assert cancelled[1]["status"] == "Shipped"
    assert [e.at for e in events] == [NOW, NOW, NOW + timedelta(hours=1)]
    assert all(e.actor == "seller" for e in events)
    assert "counts in the cancellation rate" in events[-1].summary
    assert order.payment_date == NOW
