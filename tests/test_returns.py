"""Returns (S3, S16): expected, received with a condition, refund clock or cancellation."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.account_health.health import health
from app.errors import BadInput, RuleRefused
from app.order_actions.orders import find_order
from app.order_actions.refunds import Component, ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_actions.returns import (
    Outcome,
    ReturnOutlook,
    ReturnStep,
    overdue_refunds,
    preview_return,
    receive_return,
    receive_return_in_session,
    refund_due_date,
    request_return,
    request_return_in_session,
)
from app.order_actions.rules import Action, decide
from app.storage.models import Event, OrderStatus
from app.text import Day, Moment, Text, from_json
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


# --- what a return records, written out (issue 17: mutation testing of returns.py) ------------

THURSDAY = datetime(2026, 11, 19, 9, tzinfo=UTC)
UNITS = {"11111111111111": {"cancelled": 0, "quantity": 1, "shipped": 1}}
SHIPPED_STATE = {"items": UNITS, "status": "Shipped"}


def summary_context(db, kind: str) -> str:
    """The translation context the window reads an event's sentence with."""
    with db.reading() as session:
        raw = session.scalars(select(Event.summary_text).where(Event.kind == kind)).one()
    assert raw is not None
    return from_json(raw).context


def test_a_return_request_and_its_receipt_are_logged_with_what_they_changed(db, cli):
    shipped(db)
    requested = request_return(db, ORDER, note="Buyer: wrong size", at=THURSDAY)
    assert requested.order_id == ORDER
    with db.reading() as session:
        (row,) = find_order(session, ORDER).returns
        assert row.note == "Buyer: wrong size"
    received = receive_return(db, ORDER, "used", at=FRIDAY)
    assert received.order_id == ORDER
    assert received.outlook == ReturnOutlook(
        ReturnStep.RECEIVED,
        None,
        Outcome.REFUND_DUE,
        refund_due=date(2026, 11, 24),
        message=Text(
            "Returns",
            "Shipment was confirmed, so the buyer must be refunded by {due} (two business "
            "days), minus the restocking fee the condition allows.",
            {"due": Day(date(2026, 11, 24))},
        ),
    )
    data = show(cli)
    assert data["returns"] == [
        {
            "status": "received",
            "carrier_return": False,
            "requested_at": "2026-11-19T09:00:00+00:00",
            "received_at": "2026-11-20T15:00:00+00:00",
            "condition": "used",
            "refund_due": "2026-11-24",
        }
    ]
    assert data["events"] == [
        {
            "at": "2026-11-19T09:00:00+00:00",
            "actor": "seller",
            "kind": "return-requested",
            "summary": "Return expected: the buyer is sending the parcel back.",
            "before": SHIPPED_STATE,
            "after": {
                **SHIPPED_STATE,
                "return": {
                    "carrier_return": False,
                    "condition": None,
                    "refund_due": None,
                    "status": "requested",
                },
            },
        },
        {
            "at": "2026-11-20T15:00:00+00:00",
            "actor": "seller",
            "kind": "return-received",
            "summary": "Return received (used); refund due by 2026-11-24.",
            "before": SHIPPED_STATE,
            "after": {
                **SHIPPED_STATE,
                "return": {
                    "carrier_return": False,
                    "condition": "used",
                    "refund_due": "2026-11-24",
                    "status": "received",
                },
            },
        },
    ]
    # the window translates both sentences in the Returns context
    assert summary_context(db, "return-requested") == "Returns"
    assert summary_context(db, "return-received") == "Returns"


def test_a_return_says_who_recorded_it(db, cli):
    shipped(db)
    request_return(db, ORDER, at=THURSDAY, actor="marketplace")
    receive_return(db, ORDER, "new", at=FRIDAY, actor="marketplace")
    assert [event["actor"] for event in show(cli)["events"]] == ["marketplace", "marketplace"]


def test_a_return_recorded_in_the_callers_transaction_is_the_buyers_by_the_seller(db, cli):
    """The demo records returns inside its own transaction, without carrier or actor."""
    shipped(db)
    with db.transaction() as session:
        request_return_in_session(session, find_order(session, ORDER), at=THURSDAY)
    with db.transaction() as session:
        receive_return_in_session(session, find_order(session, ORDER), "new", at=FRIDAY)
    data = show(cli)
    assert [(row["status"], row["carrier_return"]) for row in data["returns"]] == [
        ("received", False)
    ]
    assert [(event["actor"], event["summary"]) for event in data["events"]] == [
        ("seller", "Return expected: the buyer is sending the parcel back."),
        ("seller", "Return received (new); refund due by 2026-11-24."),
    ]
    with db.transaction() as session:  # a second parcel, back without being announced
        receive_return_in_session(session, find_order(session, ORDER), "used", at=FRIDAY)
    assert [row["carrier_return"] for row in show(cli)["returns"]] == [False, False]


def test_a_return_received_before_shipment_cancels_the_order_here_in_sellerdesk(db, cli):
    add_order(db)
    result = receive_return(db, ORDER, "new", at=FRIDAY)
    assert result.order_id == ORDER
    assert result.outlook.step is ReturnStep.RECEIVED
    assert result.outlook.outcome is Outcome.ORDER_CANCELLED
    assert (result.outlook.cancel_reason, result.outlook.counts_in_rate) == ("CustomerReturn", True)
    assert result.outlook.message is not None
    assert result.outlook.message.context == "Returns"
    assert result.outlook.message.english() == (
        "Shipment was never confirmed, so the order will be cancelled (reason CustomerReturn) "
        "instead of refunded. This counts in your cancellation rate."
    )
    (cancellation,) = show(cli)["cancellations"]
    assert cancellation["source"] == "local"  # SellerDesk cancelled it, not the marketplace
    assert cancellation["reason"] == "CustomerReturn"


def test_a_return_received_on_an_order_already_refunded_in_full_leaves_nothing_to_refund(db, cli):
    shipped(db)
    refund(
        db,
        ORDER,
        RefundRequest((ItemRefund.full("11111111111111"),), "CustomerReturn"),
        at=THURSDAY,
    )
    result = receive_return(db, ORDER, "new", at=FRIDAY)
    assert result.order_id == ORDER
    assert result.outlook == ReturnOutlook(
        ReturnStep.RECEIVED,
        None,
        Outcome.NOTHING_LEFT,
        message=Text(
            "Returns",
            "Shipment was confirmed, but the buyer is already refunded in full: "
            "the return is recorded, nothing is left to refund.",
        ),
    )
    assert result.suggestion is None
    assert show(cli)["events"][-1]["summary"] == (
        "Return received (new); the buyer was already refunded."
    )
    assert overdue_refunds(db, datetime(2026, 12, 1, tzinfo=UTC)) == []


def test_the_preview_says_what_each_step_will_do_at_the_moment_asked(db):
    shipped(db)
    assert preview_return(db, ORDER, ReturnStep.REQUESTED, at=FRIDAY) == ReturnOutlook(
        ReturnStep.REQUESTED,
        None,
        Outcome.EXPECTED,
        message=Text(
            "Returns",
            "The return is recorded as expected. When the parcel is back, record it as "
            "received with its condition.",
        ),
    )
    # received on a Friday afternoon: due the Tuesday after, not two days after today
    assert preview_return(db, ORDER, ReturnStep.RECEIVED, at=FRIDAY).refund_due == date(
        2026, 11, 24
    )
    request_return(db, ORDER, at=THURSDAY)
    assert preview_return(db, ORDER, ReturnStep.REQUESTED, at=FRIDAY) == ReturnOutlook(
        ReturnStep.REQUESTED,
        Text(
            "Returns",
            "A return is already expected for this order (recorded {when}): record it as "
            "received when the parcel is back.",
            {"when": Moment(THURSDAY)},
        ),
    )


def test_a_pending_order_refuses_a_return_request_by_the_pending_rule(db):
    add_order(db, OrderSpec(status=OrderStatus.PENDING))
    outlook = preview_return(db, ORDER, ReturnStep.REQUESTED)
    assert outlook.step is ReturnStep.REQUESTED
    assert outlook.refused is not None
    assert outlook.refused.english().startswith("Amazon is still verifying the buyer's payment.")


def test_a_receipt_without_a_condition_is_asked_for_in_the_returns_words(db):
    shipped(db)
    with pytest.raises(BadInput) as error:
        receive_return(db, ORDER, " ")
    assert error.value.message.context == "Returns"
    assert error.value.message.english() == (
        "Say in what condition the item came back: --condition new, late, opened, used or damaged."
    )


def order_shipped(db, order_id: str) -> None:
    add_order(
        db,
        OrderSpec(
            order_id=order_id,
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id=f"{order_id[-7:]}0000000", quantity_shipped=1)],
        ),
    )


def test_overdue_refunds_come_by_due_day_then_order_id(db):
    first, second, third = "405-0000001-0000001", "405-0000002-0000002", "405-0000003-0000003"
    for order_id in (first, third, second):
        order_shipped(db, order_id)
    receive_return(db, first, "new", at=FRIDAY)  # due Tuesday 24
    receive_return(db, third, "new", at=THURSDAY)  # due Monday 23
    receive_return(db, second, "new", at=THURSDAY)  # due Monday 23
    assert [
        (entry["order_id"], entry["due"], entry["days_overdue"])
        for entry in overdue_refunds(db, datetime(2026, 11, 25, 8, tzinfo=UTC))
    ] == [(second, "2026-11-23", 2), (third, "2026-11-23", 2), (first, "2026-11-24", 1)]


def test_a_refund_settles_the_return_it_names_or_one_that_came_back_before_it(db):
    monday = datetime(2026, 11, 16, 9, tzinfo=UTC)
    five_euros = RefundRequest(
        (ItemRefund("11111111111111", {Component.ITEM_PRICE: Share(amount=Decimal("5.00"))}),),
        "CustomerReturn",
    )
    shipped(db)
    receive_return(db, ORDER, "new", at=monday)  # due Wednesday 18
    refund(db, ORDER, five_euros, at=datetime(2026, 11, 17, 9, tzinfo=UTC))  # settles it
    receive_return(db, ORDER, "new", at=THURSDAY)  # a second parcel, due Monday 23
    # the refund of the first parcel does not settle the second
    assert [
        (entry["order_id"], entry["due"])
        for entry in overdue_refunds(db, datetime(2026, 11, 25, 8, tzinfo=UTC))
    ] == [(ORDER, "2026-11-23")]
    # a refund made the moment the third parcel arrives names the second (the oldest
    # unsettled) yet settles both
    receive_return(db, ORDER, "new", at=FRIDAY)
    refund(db, ORDER, five_euros, at=FRIDAY)
    assert overdue_refunds(db, datetime(2026, 11, 25, 8, tzinfo=UTC)) == []
