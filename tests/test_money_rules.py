"""Money and health rules that once could be broken without a test noticing (issue 17).

Each test names the one-line change to the code it catches. Every expected amount,
status and message is written out here from DESIGN.md, never computed by the code
under test.
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.account_health.health import health
from app.errors import BadInput, RuleRefused
from app.order_actions.orders import verify_payment
from app.order_actions.refunds import (
    Component,
    ItemRefund,
    RefundRequest,
    load_refund_context,
    plan_refund,
)
from app.order_actions.restocking import Share, condition_grade
from app.storage.models import Event, OrderStatus
from app.text import from_json
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"
ITEM = "11111111111111"
NAMED = "MUG-CERAM-01 “Mug céramique”"  # how the timeline names the factories' item


def shipped_order(db, quantity: int = 2, shipped: int = 2, cancelled: int = 0) -> str:
    """One line of ``quantity`` mugs: 29.80 price, 4.96 tax, 4.90 shipping, 0.82 its tax."""
    return add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[
                ItemSpec(
                    order_item_id=ITEM,
                    quantity=quantity,
                    quantity_shipped=shipped,
                    quantity_cancelled=cancelled,
                    item_price=Decimal("29.80"),
                    item_tax=Decimal("4.96"),
                    shipping_price=Decimal("4.90"),
                    shipping_tax=Decimal("0.82"),
                )
            ],
        ),
    )


def refunds_shown(cli) -> list[dict]:
    result = cli("show", ORDER, "--json")
    assert result.status == 0, result.err
    return [
        {
            key: row[key]
            for key in (
                "item_price",
                "item_tax",
                "shipping_price",
                "shipping_tax",
                "restocking_fee",
            )
        }
        for row in json.loads(result.out)["refunds"]
    ]


def refund(cli, *args: str):
    return cli("refund", ORDER, *args, "--reason", "CustomerReturn")


def test_fees_of_earlier_refunds_of_the_item_count_against_its_ceiling(db, cli):
    """Kills: the fee room ignores restocking fees taken by earlier refunds of the item."""
    shipped_order(db)
    # used: 50 % of the 29.80 charged → at most 14.90 of fees on this item, all refunds together.
    first = refund(
        cli,
        "--item", ITEM, "--item-price", "14.90",
        "--restocking-fee", "10.00", "--condition", "used",
    )  # fmt: skip
    assert first.status == 0, first.err
    over = refund(
        cli,
        "--item", ITEM, "--item-price", "14.90",
        "--restocking-fee", "5.00", "--condition", "used",
    )  # fmt: skip
    assert over.status == 1
    assert over.err.strip() == "sellerdesk: " + (
        f"Item {ITEM}: a restocking fee of 5.00 EUR is above the ceiling for used returns "
        "(50 % of the item price 29.80 EUR, 10.00 EUR already deducted); at most 4.90 EUR."
    )
    rest = refund(
        cli,
        "--item", ITEM, "--item-price", "14.90",
        "--restocking-fee", "4.90", "--condition", "used",
    )  # fmt: skip
    assert rest.status == 0, rest.err
    fees = [row["restocking_fee"] for row in refunds_shown(cli)]
    assert fees == ["10.00", "4.90"]


def test_units_cancelled_on_the_marketplace_are_not_refundable(db, cli):
    """Kills: units cancelled on the marketplace (no cancellation lines) stay refundable."""
    # Three mugs for 29.80 (9.93, 9.93, 9.94): a report says one was cancelled, two shipped.
    shipped_order(db, quantity=3, shipped=2, cancelled=1)
    too_much = refund(cli, "--item", ITEM, "--item-price", "19.88")
    assert too_much.status == 1
    assert "only 19.87 EUR of the item price is left to refund (charged 19.87 EUR" in too_much.err
    full = refund(cli, "--item", ITEM, "--full")
    assert full.status == 0, full.err
    # The cancelled unit's share of each component stays with the cancellation:
    # 29.80 − 9.93, 4.96 − 1.65, 4.90 − 1.63, 0.82 − 0.27.
    assert refunds_shown(cli) == [
        {
            "item_price": "19.87",
            "item_tax": "3.31",
            "shipping_price": "3.27",
            "shipping_tax": "0.55",
            "restocking_fee": "0.00",
        }
    ]
    assert "the buyer gets back 27.00 EUR" in full.out


def test_an_item_named_twice_in_one_refund_is_refused_and_nothing_is_refunded(db, cli):
    """Kills: the "same item named twice in one refund" check removed."""
    shipped_order(db)
    twice = refund(cli, "--item", ITEM, "--item", "MUG-CERAM-01", "--full")
    assert twice.status == 2
    assert twice.err.strip() == f"sellerdesk: Item {ITEM} is named twice."
    assert refunds_shown(cli) == []


def test_a_percentage_refund_is_a_share_of_what_was_charged(db, cli):
    """Kills: a percentage refund taken from what is left instead of what was charged."""
    shipped_order(db)
    assert refund(cli, "--item", ITEM, "--item-price", "10.00").status == 0
    half = refund(cli, "--item", ITEM, "--item-price", "50%", "--shipping", "50%")
    assert half.status == 0, half.err
    # 50 % of the 29.80 and of the 4.90 charged, not of the 19.80 and 4.90 left.
    assert [(row["item_price"], row["shipping_price"]) for row in refunds_shown(cli)] == [
        ("10.00", "0.00"),
        ("14.90", "2.45"),
    ]
    beyond = refund(cli, "--item", ITEM, "--item-price", "20%")
    assert beyond.status == 1  # 5.96 asked, 4.90 left
    assert "only 4.90 EUR of the item price is left to refund" in beyond.err
    assert "you asked 5.96 EUR" in beyond.err


def test_health_as_of_a_moment_ignores_a_payment_verified_after_it(db):
    """Kills: an order counts late as of a moment before its payment was verified."""
    purchased = NOW - timedelta(days=10)
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.PENDING,
            purchase_date=purchased,
            latest_ship_date=purchased + timedelta(days=2),
        ),
    )
    verify_payment(db, ORDER, at=purchased + timedelta(days=5))
    # Four days after the ship-by date the order was still pending: not late, not at risk.
    before_payment = health(db, as_of=purchased + timedelta(days=4)).to_json()
    assert before_payment["late"] == []
    assert before_payment["at_risk_of_auto_cancel"] == []
    # A day after the payment it is late by four days (verified on day 5, ship-by day 2).
    after_payment = health(db, as_of=purchased + timedelta(days=6)).to_json()
    assert after_payment["late"] == [
        {
            "order_id": ORDER,
            "status": "Unshipped",
            "latest_ship_date": "2026-11-12T12:00:00+00:00",
            "days_late": 4,
        }
    ]


def test_each_refund_is_on_the_timeline_with_what_the_buyer_gets_back(db, cli):
    shipped_order(db)
    assert refund(cli, "--item", ITEM, "--item-price", "10.00").status == 0
    rest = refund(cli, "--item", ITEM, "--full", "--restocking-fee", "20%", "--condition", "opened")
    assert rest.status == 0, rest.err
    # 20 % of the 29.80 charged: 5.96, at the line where a photo is needed.
    assert rest.err.strip() == (
        "warning: A restocking fee of 20 % or more of the item price needs a photo of the "
        "item: keep one in case the buyer disputes it."
    )
    events = json.loads(cli("show", ORDER, "--json").out)["events"]
    assert [e["summary"] for e in events if e["summary"].startswith("Refunded")] == [
        # Items by SKU and title (issue 12), amounts with their currency.
        f"Refunded 10.00 EUR to the buyer (reason CustomerReturn): {NAMED} 10.00 EUR.",
        # 19.80 + 4.96 + 4.90 + 0.82 = 30.48, minus the fee
        f"Refunded 24.52 EUR to the buyer (reason CustomerReturn): {NAMED} 30.48 EUR minus "
        "restocking fee 5.96 EUR.",
    ]


def test_the_refund_on_the_timeline_is_translatable_piece_by_piece(db, cli):
    """Each piece of the stored sentence names its translation context, for the French UI."""
    shipped_order(db)
    assert refund(cli, "--item", ITEM, "--item-price", "10.00").status == 0
    with db.reading() as session:
        stored = session.scalars(select(Event.summary_text).where(Event.kind == "refunded")).one()
    sentence = from_json(stored)
    shown = sentence.render(lambda piece: f"<{piece.context}>{piece.source}")
    assert shown == (
        "<Refunds>Refunded 10.00 EUR to the buyer (reason CustomerReturn): "
        "<Refunds><Orders>MUG-CERAM-01 “Mug céramique” 10.00 EUR."
    )


def test_nothing_shipped_means_the_rule_says_cancel_instead(db, cli):
    add_order(db, OrderSpec())  # Unshipped
    result = refund(cli, "--item", ITEM, "--full")
    assert result.status == 1
    assert result.err.strip() == (
        "sellerdesk: Nothing is shipment-confirmed yet, so nothing was charged: cancel the "
        "order or items instead of refunding."
    )


def test_an_unshipped_item_of_a_partly_shipped_order_is_not_refunded(db, cli):
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.PARTIALLY_SHIPPED,
            items=[
                ItemSpec(order_item_id=ITEM, quantity_shipped=1),
                ItemSpec(sku="TOTE-LIN-NAT", order_item_id="22222222222222"),
            ],
        ),
    )
    result = refund(cli, "--item", "22222222222222", "--full")
    assert result.status == 1
    assert result.err.strip() == (
        "sellerdesk: Item 22222222222222 is not shipment-confirmed, so nothing was charged "
        "for it: cancel it instead of refunding."
    )


def test_a_refund_that_names_nothing_says_what_to_name(db):
    shipped_order(db)
    context = load_refund_context(db, ORDER)
    with pytest.raises(BadInput) as nothing:
        plan_refund(context, RefundRequest((), "CustomerReturn"))
    assert nothing.value.message.english() == "Name at least one item to refund."
    with pytest.raises(BadInput) as no_component:
        plan_refund(context, RefundRequest((ItemRefund(ITEM),), "CustomerReturn"))
    assert no_component.value.message.english() == (
        f"Say what to refund for item {ITEM}: an amount for the item price, item tax, "
        "shipping or shipping tax, or the full refund."
    )
    with pytest.raises(RuleRefused) as above:
        plan_refund(
            context,
            RefundRequest(
                (ItemRefund(ITEM, {Component.ITEM_PRICE: Share(amount=Decimal("30.00"))}),),
                "CustomerReturn",
            ),
        )
    with pytest.raises(BadInput) as zero:
        plan_refund(
            context,
            RefundRequest(
                (ItemRefund(ITEM, {Component.ITEM_PRICE: Share(amount=Decimal("0"))}),),
                "CustomerReturn",
            ),
        )
    assert zero.value.message.english() == f"The refund for item {ITEM} is zero."
    # Refusals keep their translation context, so the French window translates them.
    refusals = (nothing, no_component, above, zero)
    assert [r.value.message.context for r in refusals] == ["Refunds"] * 4


def test_amounts_and_grades_as_a_seller_types_them():
    # A French seller's "1 490,50" (space between thousands) is 1490.50.
    assert Share.parse("1 490,50") == Share(amount=Decimal("1490.50"))
    assert Share.parse(" 20 % ") == Share(percent=Decimal("20"))
    with pytest.raises(BadInput) as bad:
        Share.parse("14.905")
    assert bad.value.message.english() == "'14.905': amounts have at most two decimals."
    assert bad.value.message.context == "Restocking"
    with pytest.raises(BadInput) as grade:
        condition_grade("mint")
    assert grade.value.message.english() == (
        "Unknown condition grade 'mint'. Grades: new, late, opened, used, damaged."
    )
    assert condition_grade(" Used ") == "used"
