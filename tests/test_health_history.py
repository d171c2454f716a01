"""Health page figures against hand-computed cases (DESIGN.md §4, §8; FORMATS.md §5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from app.account_health.health import cancellation_rate, cancellation_rates
from app.account_health.health_history import (
    late_shipment_rate,
    overview,
    rate_cancellations,
    rate_history,
)
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import ShipmentRequest, cancel, confirm_shipment
from app.order_actions.returns import overdue_returns, refund_due_date
from app.storage.db import open_database
from app.storage.models import (
    Cancellation,
    Event,
    FulfilledBy,
    Initiator,
    Order,
    OrderItem,
    Refund,
    Return,
    ReturnStatus,
)
from tests.factories import NOW, OrderSpec, add_order


def oid(n: int) -> str:
    return f"405-{n:07d}-0000001"


def test_an_order_bought_exactly_seven_days_before_is_outside_the_window(db):
    add_order(db, OrderSpec(order_id=oid(1), purchase_date=NOW - timedelta(days=7)))
    add_order(db, OrderSpec(order_id=oid(2), purchase_date=NOW - timedelta(days=7, seconds=-1)))
    cancel(db, oid(1), "NoInventory", at=NOW - timedelta(hours=1))
    cancel(db, oid(2), "NoInventory", at=NOW - timedelta(hours=1))
    with db.reading() as session:
        rate = cancellation_rate(session, NOW)
        listed = rate_cancellations(session, NOW)
    assert (rate.orders, rate.seller_cancellations) == (1, 1)
    assert [entry.order_id for entry in listed.counted] == [oid(2)]


def test_exactly_two_and_a_half_percent_is_not_under_the_target(db):
    for n in range(40):
        add_order(db, OrderSpec(order_id=oid(n), purchase_date=NOW - timedelta(days=1)))
    cancel(db, oid(0), "NoInventory", at=NOW - timedelta(hours=2))
    with db.reading() as session:
        rate = cancellation_rate(session, NOW)
    assert rate.percent == Decimal("2.50")
    assert rate.above_target


def test_a_buyer_request_arriving_after_the_cancellation_still_counts(db):
    add_order(db, OrderSpec(order_id=oid(1), purchase_date=NOW - timedelta(days=2)))
    cancel(db, oid(1), "BuyerCanceled", at=NOW - timedelta(days=1))
    with db.transaction() as session:  # the next report brings the official request
        session.execute(
            update(Order)
            .where(Order.order_id == oid(1))
            .values(buyer_requested_cancel=True, buyer_cancel_seen_at=NOW - timedelta(hours=3))
        )
    with db.reading() as session:
        rate = cancellation_rate(session, NOW)
        listed = rate_cancellations(session, NOW)
    assert rate.seller_cancellations == 1
    [entry] = listed.counted
    assert entry.initiator is Initiator.BUYER_MESSAGE
    assert "only by message" in entry.why.english()


def test_official_requests_are_listed_as_not_counted_and_marketplace_ones_apart(db):
    add_order(db, OrderSpec(order_id=oid(1), buyer_requested_cancel=True))
    add_order(db, OrderSpec(order_id=oid(2)))
    add_order(db, OrderSpec(order_id=oid(3)))
    cancel(db, oid(1), "BuyerCanceled", at=NOW - timedelta(hours=5))
    cancel(db, oid(2), "NoInventory", at=NOW - timedelta(hours=4))
    with db.transaction() as session:
        session.execute(
            update(Order).where(Order.order_id == oid(3)).values(canceled_on_marketplace=True)
        )
    with db.reading() as session:
        listed = rate_cancellations(session, NOW)
    assert [e.order_id for e in listed.not_counted] == [oid(1)]
    assert "officially" in listed.not_counted[0].why.english()
    assert [e.order_id for e in listed.counted] == [oid(2)]
    assert [m.order_id for m in listed.marketplace] == [oid(3)]


def test_a_cancellation_made_after_the_moment_is_not_in_that_moments_figures(db):
    add_order(db, OrderSpec(order_id=oid(1), purchase_date=NOW - timedelta(days=3)))
    cancel(db, oid(1), "NoInventory", at=NOW - timedelta(days=1))
    with db.reading() as session:
        history = rate_history(session, NOW)
    assert len(history) == 60
    assert history[-1].as_of == NOW and history[-1].percent == Decimal("100.00")
    two_days_ago = history[-3]
    assert two_days_ago.as_of == NOW - timedelta(days=2)
    assert (two_days_ago.orders, two_days_ago.cancelled) == (1, 0)
    assert history[0].orders == 0


def _ship(db, order_id: str, at: datetime) -> None:
    confirm_shipment(db, order_id, ShipmentRequest(carrier=resolve_carrier("UPS")), at=at)


def test_late_shipment_rate_counts_confirmations_after_the_ship_by_date(db):
    ship_by = NOW - timedelta(days=5)
    for n in range(1, 5):
        add_order(
            db,
            OrderSpec(
                order_id=oid(n), purchase_date=NOW - timedelta(days=20), latest_ship_date=ship_by
            ),
        )
    _ship(db, oid(1), ship_by)  # exactly at the deadline: on time
    _ship(db, oid(2), ship_by + timedelta(hours=1))  # late, in both windows
    _ship(db, oid(3), ship_by - timedelta(days=1))  # on time
    _ship(db, oid(4), NOW - timedelta(days=12))  # on time, only in the 30-day window
    with db.reading() as session:
        ten = late_shipment_rate(session, NOW, 10)
        thirty = late_shipment_rate(session, NOW, 30)
    assert (ten.late_orders, ten.shipped_orders, ten.percent) == (1, 3, Decimal("33.33"))
    assert (thirty.late_orders, thirty.shipped_orders, thirty.percent) == (1, 4, Decimal("25.00"))
    assert ten.above_target


def test_refund_due_two_business_days_after_the_return(db):
    friday = datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert refund_due_date(friday) == date(2026, 11, 24)  # Friday -> Tuesday


def _received_return(db, order_id: str, received: datetime) -> None:
    with db.transaction() as session:
        order = session.query(Order).filter_by(order_id=order_id).one()
        session.add(
            Return(
                order_pk=order.id,
                status=ReturnStatus.RECEIVED,
                received_at=received,
                refund_due=refund_due_date(received),
            )
        )


def test_overdue_refunds_list_received_returns_not_refunded_in_time(db):
    add_order(db, OrderSpec(order_id=oid(1), purchase_date=NOW - timedelta(days=20)))
    add_order(db, OrderSpec(order_id=oid(2), purchase_date=NOW - timedelta(days=20)))
    friday = datetime(2026, 11, 13, 10, tzinfo=UTC)
    _received_return(db, oid(1), friday)
    _received_return(db, oid(2), friday)
    with db.transaction() as session:
        order = session.query(Order).filter_by(order_id=oid(2)).one()
        session.add(Refund(order_pk=order.id, created_at=friday + timedelta(days=1), reason="X"))
    with db.reading() as session:
        on_due_day = overdue_returns(session, datetime(2026, 11, 17, 18, tzinfo=UTC))
        day_after = overdue_returns(session, datetime(2026, 11, 18, 9, tzinfo=UTC))
    assert on_due_day == []
    assert [(r.order_id, r.due, r.days_overdue) for r in day_after] == [
        (oid(1), date(2026, 11, 17), 1)
    ]


def test_overview_gathers_every_figure_at_one_moment(db):
    add_order(db, OrderSpec(order_id=oid(1), latest_ship_date=NOW - timedelta(days=2)))
    data = overview(db, NOW)
    assert data.report.rate.as_of == NOW
    assert [e["order_id"] for e in data.report.at_risk_of_auto_cancel] == [oid(1)]
    assert data.report.at_risk_of_auto_cancel[0]["days_left"] == 5
    assert [late.days for late in data.late_shipments] == [10, 30]
    assert len(data.history) == 60


# --- The rate at many moments at once against the rule read one order at a time --------------

HOUR = timedelta(hours=1)
# Hours before NOW on a coarse grid, so that purchases, cancellations and moments often
# fall exactly on a window's edge (7 days = 168 hours).
HOURS = st.integers(min_value=-24, max_value=400).map(lambda h: h - h % 24)
CANCELLATION = st.tuples(HOURS, st.booleans())  # (hours before NOW, counts in the rate)
ORDER = st.tuples(HOURS, st.booleans(), st.lists(CANCELLATION, max_size=3))


@pytest.fixture(scope="module")
def rates_shop(tmp_path_factory, _postgres):
    """One database for every example (emptied by each), on the suite's backend."""
    if _postgres is None:
        database = open_database(str(tmp_path_factory.mktemp("rates") / "shop.sqlite"))
        yield database
        database.dispose()
        return
    with _postgres.fresh() as url:
        database = open_database(url)
        yield database
        database.dispose()


def _expected(orders, moment: datetime, days: int) -> tuple[int, int]:
    """The rule (DESIGN.md §4) one order at a time: the seller's orders bought in
    (moment − days, moment], and those with a counting cancellation made by the moment."""
    inside = [
        cancelled
        for bought, by_marketplace, cancelled in orders
        if not by_marketplace and moment - timedelta(days=days) < bought <= moment
    ]
    counted = [any(counts and made <= moment for made, counts in cancelled) for cancelled in inside]
    return len(inside), sum(counted)


@settings(max_examples=40, deadline=None)
@given(
    orders=st.lists(ORDER, max_size=10),
    moments=st.lists(HOURS, min_size=1, max_size=6),
    days=st.sampled_from([1, 7, 30]),
)
def test_the_rate_at_many_moments_is_the_rate_at_each(rates_shop, orders, moments, days):
    db = rates_shop
    with db.transaction() as session:
        for table in (Cancellation, Event, OrderItem, Order):
            session.execute(delete(table))
    placed = [
        (NOW - bought * HOUR, by_marketplace, [(NOW - h * HOUR, c) for h, c in cancelled])
        for bought, by_marketplace, cancelled in orders
    ]
    for n, (bought, by_marketplace, cancelled) in enumerate(placed):
        order_id = oid(n)
        fulfilled_by = FulfilledBy.MARKETPLACE if by_marketplace else FulfilledBy.SELLER
        add_order(db, OrderSpec(order_id=order_id, purchase_date=bought, fulfilled_by=fulfilled_by))
        with db.transaction() as session:
            pk = session.scalar(select(Order.id).where(Order.order_id == order_id))
            for made, counts in cancelled:  # in any order, even before the purchase
                session.add(
                    Cancellation(
                        order_pk=pk,
                        created_at=made,
                        initiator=Initiator.SELLER if counts else Initiator.BUYER_REQUEST,
                        counts_in_rate=counts,
                        whole_order=True,
                        source="local",
                    )
                )
    asked = [NOW - hours * HOUR for hours in moments]
    with db.reading() as session:
        rates = cancellation_rates(session, asked, days)
        one_by_one = [cancellation_rate(session, moment, days) for moment in asked]
    assert [(r.as_of, r.window_days) for r in rates] == [(m, days) for m in asked]
    assert [(r.orders, r.seller_cancellations) for r in rates] == [
        _expected(placed, moment, days) for moment in asked
    ]
    assert rates == one_by_one
