"""Orders the marketplace fulfils (FBA): listed, read-only, in no work list, file or rate.

DESIGN.md §8 (updated) and FORMATS.md §1, §5: ``fulfillment-channel`` Amazon/AFN means
the marketplace ships, cancels and refunds the order itself.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.account_health.health import health
from app.account_health.health_history import rate_cancellations
from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.exports import ExportKind, preview
from app.order_actions.orders import ShipmentRequest, cancel, confirm_shipment, find_order
from app.order_actions.rules import MARKETPLACE_FULFILS, Action, decide
from app.order_views.order_list import DeadlineKind, ListQuery, page, view_counts
from app.order_views.queries import View
from app.storage.db import Database
from app.storage.models import Cancellation, FulfilledBy, Initiator, Order, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

SELLERS = "405-1000000-0000001"
AMAZONS = "405-2000000-0000002"
AMAZON_PENDING = "405-3000000-0000003"
AMAZON_SHIPPED = "405-4000000-0000004"
MARKETPLACE = FulfilledBy.MARKETPLACE


@pytest.fixture
def shop(db: Database) -> Database:
    """A late seller order beside Amazon-fulfilled ones: late, buyer-requested, old pending."""
    late = NOW - timedelta(days=6)  # at risk: one day before the auto-cancellation
    add_order(db, OrderSpec(order_id=SELLERS, latest_ship_date=late))
    add_order(
        db,
        OrderSpec(
            order_id=AMAZONS,
            latest_ship_date=late,
            buyer_requested_cancel=True,
            fulfilled_by=MARKETPLACE,
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=AMAZON_PENDING,
            status=OrderStatus.PENDING,
            purchase_date=NOW - timedelta(days=30),
            fulfilled_by=MARKETPLACE,
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=AMAZON_SHIPPED,
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id="33333333333333", quantity_shipped=1)],
            fulfilled_by=MARKETPLACE,
        ),
    )
    return db


def _order(db: Database, order_id: str) -> Order:
    with db.reading() as session:
        order = find_order(session, order_id)
        order.items  # noqa: B018 - loaded before the session closes
        return order


@pytest.mark.parametrize("order_id", [AMAZONS, AMAZON_PENDING, AMAZON_SHIPPED])
def test_every_changing_action_is_refused_with_the_marketplace_as_reason(shop, order_id) -> None:
    order = _order(shop, order_id)
    for action in MARKETPLACE_FULFILS:
        decision = decide(order, action)
        assert not decision.allowed, action
        assert decision.reason is not None
        assert decision.reason.english().startswith("Fulfilled by Amazon: "), action
    assert {Action.CONFIRM_SHIPMENT, Action.CANCEL_ORDER, Action.CANCEL_ITEMS} <= set(
        MARKETPLACE_FULFILS
    )
    assert {Action.REFUND, Action.RETURN_RECEIVED} <= set(MARKETPLACE_FULFILS)


def test_the_same_order_fulfilled_by_the_seller_may_be_shipped(shop) -> None:
    assert decide(_order(shop, SELLERS), Action.CONFIRM_SHIPMENT).allowed


def test_amazon_fulfilled_orders_are_in_no_work_list(shop) -> None:
    counts = view_counts(shop, as_of=NOW)
    assert counts[View.ALL] == 4
    assert counts[View.PENDING] == 0
    assert counts[View.UNSHIPPED] == counts[View.LATE] == counts[View.AT_RISK] == 1
    assert counts[View.BUYER_REQUESTED] == 0
    for view in (View.UNSHIPPED, View.LATE, View.AT_RISK):
        rows = page(shop, ListQuery(view=view), as_of=NOW)
        assert [row.order_id for row in rows] == [SELLERS]
    rows = {row.order_id: row for row in page(shop, ListQuery(), as_of=NOW)}
    assert rows[AMAZONS].fulfilled_by is MARKETPLACE
    assert rows[AMAZONS].deadline.kind is DeadlineKind.NONE  # not the seller's deadline
    assert rows[SELLERS].deadline.kind is DeadlineKind.AT_RISK


def test_amazon_fulfilled_orders_are_not_in_the_health_lists(shop) -> None:
    report = health(shop, NOW)
    assert [entry["order_id"] for entry in report.late] == [SELLERS]
    assert [entry["order_id"] for entry in report.at_risk_of_auto_cancel] == [SELLERS]
    assert report.pending_over_21_days == []


def test_the_rate_leaves_amazon_fulfilled_orders_out_of_both_figures(shop) -> None:
    with shop.transaction() as session:
        session.execute(
            update(Order).where(Order.order_id == AMAZONS).values(canceled_on_marketplace=True)
        )
        amazons = session.scalar(select(Order.id).where(Order.order_id == AMAZONS))
        assert amazons is not None
        # Even a counting cancellation on it (an older SellerDesk let one through) is left out.
        session.add(
            Cancellation(
                order_pk=amazons,
                created_at=NOW - timedelta(hours=1),
                reason="NoInventory",
                initiator=Initiator.SELLER,
                counts_in_rate=True,
                whole_order=True,
            )
        )
    report = health(shop, NOW)
    # Only the seller's own order is in the window's orders; it is not cancelled.
    assert (report.rate.orders, report.rate.seller_cancellations) == (1, 0)
    assert report.canceled_on_marketplace == []
    with shop.reading() as session:
        listed = rate_cancellations(session, NOW)
    assert listed.local == [] and listed.marketplace == []


def test_amazon_fulfilled_orders_are_in_no_upload_file(shop) -> None:
    other = add_order(shop, OrderSpec(order_id="405-5000000-0000005"))
    confirm_shipment(shop, SELLERS, ShipmentRequest(resolve_carrier("UPS"), "1Z999"))
    cancel(shop, other, "NoInventory")
    assert all(
        preview(shop, kind).rows for kind in (ExportKind.SHIPMENTS, ExportKind.CANCELLATIONS)
    )
    # Work done before a report said Amazon fulfils them never goes into a file.
    with shop.transaction() as session:
        session.execute(
            update(Order)
            .where(Order.order_id.in_([SELLERS, other]))
            .values(fulfilled_by=MARKETPLACE)
        )
    for kind in ExportKind:
        assert preview(shop, kind).rows == [], kind


# --- the command line -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("verify-payment", AMAZON_PENDING),
        ("ship", AMAZONS, "--carrier", "UPS"),
        ("cancel", AMAZONS, "--reason", "NoInventory"),
        ("cancel", AMAZONS, "--reason", "NoInventory", "--item", "11111111111111:1"),
        ("refund", AMAZON_SHIPPED, "--item", "33333333333333", "--full", "--reason", "NoInventory"),
        ("return", AMAZON_SHIPPED, "requested"),
        ("return", AMAZON_SHIPPED, "received", "--condition", "new"),
    ],
)
def test_refused_commands_exit_1_with_the_reason_and_change_nothing(shop, cli, args) -> None:
    before = cli("show", args[1], "--json").out
    result = cli(*args)
    assert result.status == 1, result
    assert "Fulfilled by Amazon: " in result.err and "Traceback" not in result.err
    assert cli("show", args[1], "--json").out == before


def test_list_and_show_say_who_fulfils(shop, cli) -> None:
    listed = json.loads(cli("list", "--json").out)
    assert {order["order_id"]: order["fulfilled_by"] for order in listed} == {
        SELLERS: "seller",
        AMAZONS: "marketplace",
        AMAZON_PENDING: "marketplace",
        AMAZON_SHIPPED: "marketplace",
    }
    sellers = json.loads(cli("list", "--fulfilled-by", "seller", "--json").out)
    assert [order["order_id"] for order in sellers] == [SELLERS]
    amazons = json.loads(cli("list", "--fulfilled-by", "marketplace", "--json").out)
    assert len(amazons) == 3
    assert json.loads(cli("show", AMAZONS, "--json").out)["fulfilled_by"] == "marketplace"
    assert "fulfilled by Amazon" in cli("show", AMAZONS).out
    assert [o["order_id"] for o in json.loads(cli("list", "--late", "--json").out)] == [SELLERS]
    with pytest.raises(SystemExit) as usage:
        cli("list", "--fulfilled-by", "warehouse")
    assert usage.value.code == 2
