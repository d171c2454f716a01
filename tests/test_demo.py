"""Demo data: every state a seller meets, realistic, repeatable and quick."""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.account_health.health import health
from app.demo import fill_demo
from app.order_actions.orders import ORDER_ID
from app.storage.db import open_database
from app.storage.models import Event, Order, OrderStatus, Refund, Return, ReturnStatus
from tests.factories import NOW


@pytest.fixture
def demo_orders(db) -> list[Order]:
    assert fill_demo(db, orders=200, seed=1, now=NOW) == 200
    with db.reading() as session:
        return list(
            session.scalars(
                select(Order).options(
                    selectinload(Order.items),
                    selectinload(Order.shipments),
                    selectinload(Order.cancellations),
                    selectinload(Order.refunds).selectinload(Refund.lines),
                    selectinload(Order.returns),
                )
            )
        )


def events_by_order(db) -> dict[int, list[Event]]:
    found: dict[int, list[Event]] = {}
    with db.reading() as session:
        for event in session.scalars(select(Event).order_by(Event.id)):
            found.setdefault(event.order_pk, []).append(event)
    return found


def test_every_status_and_situation_is_there(db, demo_orders):
    statuses = Counter(order.status for order in demo_orders)
    assert set(statuses) == set(OrderStatus)
    assert statuses[OrderStatus.SHIPPED] > statuses[OrderStatus.UNSHIPPED] > 10
    assert sum(len(order.items) > 1 for order in demo_orders) >= 20
    report = health(db, NOW)
    assert len(report.late) >= 3
    assert any(entry["days_left"] <= 3 for entry in report.at_risk_of_auto_cancel)
    assert any(entry["days_left"] <= 0 for entry in report.at_risk_of_auto_cancel)
    assert len(report.pending_over_21_days) >= 1
    assert all(entry["age_days"] >= 21 for entry in report.pending_over_21_days)


def test_buyer_requests_official_and_by_message(db, demo_orders):
    events = events_by_order(db)
    open_statuses = (OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED)
    official_open = [
        o for o in demo_orders if o.buyer_requested_cancel and o.status in open_statuses
    ]
    assert official_open and all(o.buyer_cancel_reason for o in official_open)
    asked_by_message = [
        o
        for o in demo_orders
        if any(e.summary.startswith("Buyer asked by message to cancel") for e in events[o.id])
    ]
    assert any(o.status in open_statuses for o in asked_by_message)
    assert not any(o.buyer_requested_cancel for o in asked_by_message)
    cancellations = [c for o in demo_orders for c in o.cancellations]
    assert any(not c.counts_in_rate and c.reason == "BuyerCanceled" for c in cancellations)
    assert any(c.counts_in_rate for c in cancellations)


def test_refund_history_has_a_goodwill_refund_and_a_return_refunded_minus_a_fee(demo_orders):
    goodwill = [(o, r) for o in demo_orders for r in o.refunds if r.reason == "GeneralAdjustment"]
    assert goodwill, "a shipped order partly refunded"
    for order, row in goodwill:
        assert order.status is OrderStatus.SHIPPED and row.return_id is None
        assert sum(line.shipping_price for line in row.lines) > 0
        assert all(line.item_price == 0 for line in row.lines)  # the item itself is kept
    carrier = [(o, r) for o in demo_orders for r in o.returns if r.carrier_return]
    assert carrier, "a parcel the carrier brought back (S16)"
    for order, back in carrier:
        assert back.status is ReturnStatus.RECEIVED and back.condition == "opened"
        [refund] = [r for r in order.refunds if r.return_id == back.id]
        assert refund.reason == "CustomerReturn" and refund.created_at > back.received_at
        for line in refund.lines:  # 20 % of the item price kept as a restocking fee
            assert line.restocking_fee == (line.item_price * Decimal("0.20")).quantize(
                Decimal("0.01")
            )
            assert line.restocking_fee > 0


def test_returns_on_their_way_overdue_and_due_soon(db, demo_orders):
    returns: list[tuple[Order, Return]] = [(o, r) for o in demo_orders for r in o.returns]
    assert any(
        r.status is ReturnStatus.REQUESTED and not r.carrier_return and o.returns == [r]
        for o, r in returns
    ), "a buyer's return on its way (S3)"
    overdue = health(db, NOW).overdue_refunds
    assert overdue and all(entry["days_overdue"] >= 1 for entry in overdue)
    unrefunded = {o.order_id for o, r in returns if r.status is ReturnStatus.RECEIVED}
    unrefunded -= {o.order_id for o in demo_orders if o.refunds}
    assert {entry["order_id"] for entry in overdue} <= unrefunded
    due_soon = [
        (o, r)
        for o, r in returns
        if r.received_at is not None and r.received_at.date() == NOW.date() and not o.refunds
    ]
    assert due_soon, "a return received today"
    assert all(r.refund_due is not None and r.refund_due > NOW.date() for _, r in due_soon)
    assert not {o.order_id for o, _ in due_soon} & {entry["order_id"] for entry in overdue}


def test_orders_look_like_a_french_shop(demo_orders):
    verified = [o for o in demo_orders if o.status is not OrderStatus.PENDING]
    assert all(ORDER_ID.match(o.order_id) for o in demo_orders)
    assert all(re.fullmatch(r"\d{14}", i.order_item_id or "") for o in demo_orders for i in o.items)
    assert all(o.currency == "EUR" and o.ship_country == "FR" for o in verified)
    assert all(re.fullmatch(r"\d{5}", o.ship_postal_code or "") for o in verified)
    assert any(re.search(r"[éèëïôçœÉ]", o.buyer_name or "") for o in verified)
    assert {"MUG-CERAM-01", "PLAID-LAINE-XL"} <= {i.sku for o in demo_orders for i in o.items}
    pending = [o for o in demo_orders if o.status is OrderStatus.PENDING]
    assert pending and all(o.buyer_name is None and o.ship_address_1 is None for o in pending)
    carriers = {(s.carrier_code, s.carrier_name) for o in demo_orders for s in o.shipments}
    assert ("Other", "Colissimo") in carriers
    assert any(code != "Other" for code, _ in carriers)


def expected_status(order: Order) -> OrderStatus:
    """DESIGN.md §3 from the quantities: no payment is Pending, then by what is left to ship."""
    if order.payment_date is None:
        return OrderStatus.PENDING
    left = sum(i.quantity - i.quantity_shipped - i.quantity_cancelled for i in order.items)
    shipped = sum(i.quantity_shipped for i in order.items)
    if left:
        return OrderStatus.PARTIALLY_SHIPPED if shipped else OrderStatus.UNSHIPPED
    return OrderStatus.SHIPPED if shipped else OrderStatus.CANCELED


def test_amounts_are_line_totals_with_tax_and_agree_with_the_state(demo_orders):
    for order in demo_orders:
        for item in order.items:
            assert item.item_price is not None and item.item_price > 0
            assert item.item_tax is not None and 0 < item.item_tax < item.item_price
            assert item.quantity_shipped + item.quantity_cancelled <= item.quantity
        assert order.status is expected_status(order)
    mugs = {
        i.quantity: i.item_price for o in demo_orders for i in o.items if i.sku == "MUG-CERAM-01"
    }
    assert all(price == mugs[1] * quantity for quantity, price in mugs.items())


def test_timelines_come_from_the_real_actions_in_the_past(db, demo_orders):
    events = events_by_order(db)
    for order in demo_orders:
        timeline = events[order.id]
        assert timeline[0].kind == "order-received"
        assert [e.at for e in timeline] == sorted(e.at for e in timeline)
        assert all(order.purchase_date <= e.at <= NOW for e in timeline)
        kinds = {e.kind for e in timeline}
        if order.status is not OrderStatus.PENDING:
            assert "payment-verified" in kinds
        if order.shipments:
            assert "shipment-confirmed" in kinds
        if order.cancellations:
            assert kinds & {"cancelled", "items-cancelled"}
        if order.returns:
            assert "return-requested" in kinds or "return-received" in kinds
        if order.refunds:
            assert "refunded" in kinds
        assert all(e.summary_text for e in timeline)  # each sentence translatable


def test_last_weeks_cancellation_rate_looks_real(db, demo_orders):
    rate = health(db, NOW).rate
    assert rate.orders >= 40
    assert rate.seller_cancellations >= 1
    assert Decimal("1.50") <= rate.percent <= Decimal("4.50")


def test_same_seed_same_orders_and_a_second_fill_adds_new_ones(db, tmp_path):
    other = open_database(str(tmp_path / "other.sqlite"))
    try:
        fill_demo(other, orders=50, seed=7, now=NOW)
        fill_demo(db, orders=50, seed=7, now=NOW)
        with other.reading() as a, db.reading() as b:
            query = select(Order.order_id, Order.status, Order.total).order_by(Order.order_id)
            assert a.execute(query).all() == b.execute(query).all()
    finally:
        other.dispose()
    assert fill_demo(db, orders=50, seed=7, now=NOW) == 50
    with db.reading() as session:
        ids = list(session.scalars(select(Order.order_id)))
    assert len(ids) == len(set(ids)) == 100


def test_a_fill_is_one_transaction_nothing_half_filled(db, monkeypatch):
    """A demo fill that fails midway leaves no order behind (its speed: bench_demo.py)."""
    import app.demo as demo

    original = demo.audit.record
    calls = []

    def failing_record(*args, **kwargs):
        calls.append(1)
        if len(calls) == 150:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(demo.audit, "record", failing_record)
    with pytest.raises(RuntimeError):
        fill_demo(db, orders=200, seed=3, now=NOW)
    with db.reading() as session:
        assert session.scalars(select(Order.id)).all() == []
        assert session.scalars(select(Event.id)).all() == []


@pytest.mark.parametrize("count", [1, 5, 14])
def test_small_demos_work_too(db, count):
    assert fill_demo(db, orders=count, seed=2, now=NOW + timedelta(hours=3)) == count
    with db.reading() as session:
        assert len(list(session.scalars(select(Order.id)))) == count


def test_nothing_asked_nothing_added(db):
    assert fill_demo(db, orders=0) == 0
