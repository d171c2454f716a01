"""A return told step by step as the seller reads it (S3, S16), word for word.

What each step says before and after it is recorded, what the timeline keeps, and
when a refund is overdue: dates and sentences are written out here.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.errors import BadInput, RuleRefused
from app.order_actions.refunds import Component, ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_actions.returns import Outcome, overdue_refunds, receive_return, request_return
from app.storage.models import Event, OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"
ITEM = "11111111111111"
FRIDAY = datetime(2026, 11, 20, 15, tzinfo=UTC)


def shipped(db) -> None:
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id=ITEM, quantity_shipped=1)],
        ),
    )


def timeline(db) -> list[str]:
    with db.reading() as session:
        return [
            event.summary
            for event in session.scalars(select(Event).order_by(Event.id))
            if event.kind.startswith("return")
        ]


def test_a_return_the_buyer_sends_is_expected_then_received_with_a_refund_due(db):
    shipped(db)
    expected = request_return(db, ORDER, at=FRIDAY - timedelta(days=2))
    assert expected.outlook.outcome is Outcome.EXPECTED
    assert expected.outlook.message is not None
    assert expected.outlook.message.english() == (
        "The return is recorded as expected. When the parcel is back, record it as received "
        "with its condition."
    )
    received = receive_return(db, ORDER, "used", at=FRIDAY)
    assert (received.outlook.outcome, received.outlook.refund_due) == (
        Outcome.REFUND_DUE,
        date(2026, 11, 24),
    )
    assert received.outlook.message is not None
    assert received.outlook.message.english() == (
        "Shipment was confirmed, so the buyer must be refunded by 2026-11-24 (two business "
        "days), minus the restocking fee the condition allows."
    )
    assert timeline(db) == [
        "Return expected: the buyer is sending the parcel back.",
        "Return received (used); refund due by 2026-11-24.",
    ]


def test_a_parcel_the_carrier_brings_back_stays_a_carrier_return_once_received(db, cli):
    shipped(db)
    request_return(db, ORDER, carrier_return=True, at=FRIDAY - timedelta(days=1))
    receive_return(db, ORDER, "new", at=FRIDAY)
    assert timeline(db)[0] == "Return expected: the carrier is sending the parcel back."
    (row,) = json.loads(cli("show", ORDER, "--json").out)["returns"]
    assert (row["status"], row["carrier_return"], row["condition"], row["refund_due"]) == (
        "received",
        True,
        "new",
        "2026-11-24",
    )


def test_a_second_return_while_one_is_expected_is_refused(db):
    shipped(db)
    request_return(db, ORDER, at=FRIDAY)
    with pytest.raises(RuleRefused) as error:
        request_return(db, ORDER, at=FRIDAY + timedelta(hours=1))
    assert error.value.message.english() == (
        "A return is already expected for this order (recorded 2026-11-20T15:00:00+00:00): "
        "record it as received when the parcel is back."
    )


def test_a_return_received_without_a_condition_says_which_to_give(db):
    shipped(db)
    for missing in (None, "  "):
        with pytest.raises(BadInput) as error:
            receive_return(db, ORDER, missing, at=FRIDAY)
        assert error.value.message.english() == (
            "Say in what condition the item came back: --condition new, late, opened, used or "
            "damaged."
        )
    assert timeline(db) == []


@pytest.mark.parametrize(
    ("requested_officially", "reason", "counts", "says"),
    [
        (
            False,
            "CustomerReturn",
            True,
            "This counts in your cancellation rate.",
        ),
        (
            True,
            "BuyerCanceled",
            False,
            "The buyer requested it officially: it does not count in your cancellation rate.",
        ),
    ],
)
def test_a_return_before_shipment_was_confirmed_cancels_the_order(
    db, requested_officially, reason, counts, says
):
    add_order(db, OrderSpec(buyer_requested_cancel=requested_officially))
    result = receive_return(db, ORDER, "new", at=FRIDAY)
    seen = result.outlook
    assert (seen.outcome, seen.cancel_reason, seen.counts_in_rate, seen.refund_due) == (
        Outcome.ORDER_CANCELLED,
        reason,
        counts,
        None,
    )
    assert seen.message is not None
    assert seen.message.english() == (
        f"Shipment was never confirmed, so the order will be cancelled (reason {reason}) "
        f"instead of refunded. {says}"
    )
    assert result.cancellation is not None
    assert timeline(db) == [
        "Return received (new) before shipment was confirmed; the order is cancelled instead "
        "of refunded."
    ]


def test_a_refund_is_overdue_from_the_day_after_it_was_due_until_it_is_made(db):
    shipped(db)
    receive_return(db, ORDER, "new", at=FRIDAY)  # due Tuesday 24
    tuesday_night = datetime(2026, 11, 24, 23, 59, tzinfo=UTC)
    wednesday = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
    assert overdue_refunds(db, tuesday_night) == []
    assert overdue_refunds(db, datetime(2026, 11, 28, 9, tzinfo=UTC)) == [
        {
            "order_id": ORDER,
            "received_at": "2026-11-20T15:00:00+00:00",
            "due": "2026-11-24",
            "days_overdue": 4,
        }
    ]
    assert [entry["days_overdue"] for entry in overdue_refunds(db, wednesday)] == [1]
    full = RefundRequest((ItemRefund.full(ITEM),), "CustomerReturn")
    refund(db, ORDER, full, at=datetime(2026, 11, 26, 9, tzinfo=UTC))
    assert overdue_refunds(db, datetime(2026, 11, 26, 9, tzinfo=UTC)) == []
    assert [entry["days_overdue"] for entry in overdue_refunds(db, wednesday)] == [1]


def test_a_refund_made_before_the_parcel_came_back_does_not_settle_the_return(db):
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id=ITEM, quantity=2, quantity_shipped=2)],
        ),
    )
    goodwill = RefundRequest(
        (ItemRefund(ITEM, {Component.SHIPPING_PRICE: Share(everything=True)}),), "CustomerReturn"
    )
    refund(db, ORDER, goodwill, at=FRIDAY - timedelta(days=3))
    receive_return(db, ORDER, "new", at=FRIDAY)
    assert [entry["order_id"] for entry in overdue_refunds(db, FRIDAY + timedelta(days=6))] == [
        ORDER
    ]
