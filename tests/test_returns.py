"""Returns (S3, S16): expected, received with a condition, refund clock or cancellation."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.account_health.health import health
from app.errors import BadInput, RuleRefused
from app.order_actions.orders import find_order
from app.order_actions.refunds import refund
from app.order_actions.returns import (
    Outcome,
    ReturnStep,
    overdue_refunds,
    preview_return,
    receive_return,
    refund_due_date,
    request_return,
)
from app.order_actions.rules import Action, decide
from app.storage.models import OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"
FRIDAY = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def shipped(db, **changes) -> str:
    return add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id="11111111111111", quantity_shipped=1)],
        ),
        **changes,
    )


def show(cli) -> dict:
    result = cli("show", ORDER, "--json")
    assert result.status == 0, result.err
    return json.loads(result.out)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (datetime(2026, 11, 20, 15, tzinfo=UTC), date(2026, 11, 24)),  # Friday → Tuesday
        (datetime(2026, 11, 16, 9, tzinfo=UTC), date(2026, 11, 18)),  # Monday → Wednesday
        (datetime(2026, 11, 19, 9, tzinfo=UTC), date(2026, 11, 23)),  # Thursday → Monday
        (datetime(2026, 11, 21, 9, tzinfo=UTC), date(2026, 11, 24)),  # Saturday → Tuesday
    ],
)
def test_refund_is_due_two_business_days_after_receipt(received, due):
    assert refund_due_date(received) == due


def test_carrier_return_then_received_sets_the_refund_clock_and_suggests_a_refund(db, cli):
    shipped(db)
    requested = cli("return", ORDER, "requested", "--carrier-return")
    assert requested.status == 0, requested.err
    assert show(cli)["returns"][0]["status"] == "requested"
    assert cli("return", ORDER, "requested").status == 1  # already expected
    received = cli("return", ORDER, "received", "--condition", "used")
    assert received.status == 0, received.err
    assert "refunded by" in received.out
    # A carrier return has its own ceiling, 20 % whatever the grade (DESIGN.md §5, updated):
    # full refund (14.90 + 2.48 + 4.90 + 0.82 = 23.10) minus 20 % of the item price (2.98)
    assert "20.12" in received.out
    assert "--restocking-fee 2.98 --full --condition used --reason CustomerReturn" in received.out
    data = show(cli)
    (row,) = data["returns"]
    assert row["status"] == "received"
    assert row["carrier_return"] is True
    assert row["condition"] == "used"
    assert row["refund_due"] is not None
    assert data["refunds"] == []  # it does not refund by itself
    assert data["events"][-1]["kind"] == "return-received"


def test_received_needs_a_known_condition(db, cli):
    shipped(db)
    assert cli("return", ORDER, "received").status == 2
    assert cli("return", ORDER, "received", "--condition", "soaked").status == 2
    assert show(cli)["returns"] == []


def test_suggested_refund_uses_the_recorded_condition(db, cli):
    shipped(db)
    assert cli("return", ORDER, "received", "--condition", "late").status == 0
    # no --condition: the received return's grade (late, 20 %) caps the fee
    assert (
        cli(
            "refund",
            ORDER,
            "--item",
            "11111111111111",
            "--full",
            "--restocking-fee",
            "21%",
            "--reason",
            "CustomerReturn",
        ).status
        == 1
    )
    result = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--full",
        "--restocking-fee",
        "20%",
        "--reason",
        "CustomerReturn",
    )
    assert result.status == 0, result.err
    (line,) = show(cli)["refunds"]
    assert line["restocking_fee"] == "2.98"
    assert line["condition"] == "late"


@pytest.mark.parametrize(
    ("buyer_requested", "reason", "counts"),
    [(True, "BuyerCanceled", False), (False, "CustomerReturn", True)],
)
def test_return_before_shipment_confirmed_cancels_the_order(
    db, cli, buyer_requested, reason, counts
):
    add_order(db, OrderSpec(buyer_requested_cancel=buyer_requested))
    outlook = preview_return(db, ORDER, ReturnStep.RECEIVED)
    assert outlook.outcome is Outcome.ORDER_CANCELLED
    assert outlook.counts_in_rate is counts
    result = cli("return", ORDER, "received", "--condition", "new")
    assert result.status == 0, result.err
    data = show(cli)
    assert data["status"] == "Canceled"
    (cancellation,) = data["cancellations"]
    assert cancellation["reason"] == reason
    assert cancellation["counts_in_rate"] is counts
    assert data["returns"][0]["refund_due"] is None
    kinds = [event["kind"] for event in data["events"]]
    assert kinds[-2:] == ["return-received", "cancelled"]


def test_pending_and_cancelled_orders_take_no_return(db, cli):
    add_order(db, OrderSpec(status=OrderStatus.PENDING))
    assert cli("return", ORDER, "requested").status == 1
    assert cli("return", ORDER, "received", "--condition", "new").status == 1
    assert show(cli)["returns"] == []


def test_a_refused_return_changes_nothing(db):
    add_order(db, OrderSpec(status=OrderStatus.CANCELED))
    with pytest.raises(RuleRefused):
        receive_return(db, ORDER, "new")
    with pytest.raises(BadInput):
        receive_return(db, ORDER, None)


def test_overdue_refunds_are_listed_until_the_refund_is_done(db):
    shipped(db)
    request_return(db, ORDER, at=datetime(2026, 11, 19, 9, tzinfo=UTC))
    result = receive_return(db, ORDER, "new", at=FRIDAY)
    assert result.outlook.refund_due == date(2026, 11, 24)
    assert overdue_refunds(db, datetime(2026, 11, 24, 23, tzinfo=UTC)) == []
    wednesday = datetime(2026, 11, 25, 8, tzinfo=UTC)
    assert overdue_refunds(db, wednesday) == [
        {
            "order_id": ORDER,
            "received_at": "2026-11-20T15:00:00+00:00",
            "due": "2026-11-24",
            "days_overdue": 1,
        }
    ]
    assert health(db, wednesday).to_json()["overdue_refunds"][0]["order_id"] == ORDER
    assert result.suggestion is not None
    refund(db, ORDER, result.suggestion, at=datetime(2026, 11, 26, 9, tzinfo=UTC))
    assert overdue_refunds(db, wednesday) != []  # as of Wednesday it was still not done
    assert overdue_refunds(db, datetime(2026, 11, 27, tzinfo=UTC)) == []


def test_health_json_keeps_its_keys_and_adds_overdue_refunds(db, cli):
    result = cli("health", "--json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert data["overdue_refunds"] == []
    assert {"late", "at_risk_of_auto_cancel", "pending_over_21_days"} <= set(data)


def test_partially_shipped_return_refunds_the_shipped_units_only(db):
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.PARTIALLY_SHIPPED,
            items=[
                ItemSpec(
                    order_item_id="A1",
                    sku="A",
                    quantity=2,
                    quantity_shipped=1,
                    item_price=Decimal("20.00"),
                    item_tax=None,
                    shipping_price=None,
                    shipping_tax=None,
                ),
            ],
        ),
    )
    result = receive_return(db, ORDER, "damaged")
    assert result.outlook.outcome is Outcome.REFUND_DUE
    assert result.suggested_plan is not None
    assert result.suggested_plan.total_refund == Decimal("10.00")
    assert result.suggested_plan.net == Decimal("5.00")


def test_no_address_editing_anywhere(db):
    add_order(db)
    with db.reading() as session:
        assert not decide(find_order(session, ORDER), Action.EDIT_ADDRESS).allowed
