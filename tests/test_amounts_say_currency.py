"""Issue 12 item 7: a refund refused for its amount writes every amount with its currency
(in the window: in the seller's locale)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import RuleRefused
from app.order_actions.refunds import Component, ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from tests.factories import ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"
ITEM = "11111111111111"


@pytest.fixture
def shipped(db):
    add_order(
        db,
        OrderSpec(status="Shipped", items=[ItemSpec(order_item_id=ITEM, quantity_shipped=1)]),
    )
    return db


def refused(db, wanted: ItemRefund, condition: str | None = None) -> str:
    with pytest.raises(RuleRefused) as error:
        refund(db, ORDER, RefundRequest((wanted,), "CustomerReturn", condition))
    return error.value.message.english()


def test_a_refund_above_what_was_paid_names_the_amounts_with_their_currency(shipped):
    said = refused(shipped, ItemRefund(ITEM, {Component.ITEM_PRICE: Share(Decimal("20.00"))}))
    assert "only 14.90 EUR of the item price" in said
    assert "charged 14.90 EUR, already refunded 0.00 EUR" in said
    assert "you asked 20.00 EUR" in said


def test_a_fee_above_its_ceiling_names_the_amounts_with_their_currency(shipped):
    said = refused(shipped, ItemRefund.full(ITEM, Share(percent=Decimal("30"))), "opened")
    assert "a restocking fee of 4.47 EUR" in said
    assert "the item price 14.90 EUR" in said
    assert "at most 2.98 EUR" in said
