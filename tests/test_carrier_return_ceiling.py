"""Issue 12 item 12: a parcel the carrier brought back (S16) has its own restocking-fee
ceiling: 20 % whatever the grade, 50 % if damaged, configurable (DESIGN.md §5, updated)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import settings
from app.errors import BadInput, RuleRefused
from app.order_actions.refunds import ItemRefund, RefundRequest, load_refund_context, plan_refund
from app.order_actions.restocking import GRADES, Share, ceiling_percent
from app.order_actions.returns import receive_return, request_return
from tests.test_refunds import ORDER, shipped_order

ITEM = "11111111111111"  # item price charged: 29.80


def fee_request(percent: str, condition: str | None = None) -> RefundRequest:
    return RefundRequest(
        (ItemRefund.full(ITEM, fee=Share.parse(percent)),),
        "CustomerReturn",
        condition,
    )


def test_an_unopened_parcel_back_from_the_carrier_allows_20_percent(db):
    shipped_order(db)
    request_return(db, ORDER, carrier_return=True)
    receive_return(db, ORDER, "new")
    context = load_refund_context(db, ORDER)
    plan = plan_refund(context, fee_request("20%"))
    assert plan.lines[0].fee == Decimal("5.96")
    with pytest.raises(RuleRefused):
        plan_refund(context, fee_request("21%"))


def test_a_damaged_parcel_back_from_the_carrier_allows_50_percent(db):
    shipped_order(db)
    receive_return(db, ORDER, "damaged", carrier_return=True)
    context = load_refund_context(db, ORDER)
    assert plan_refund(context, fee_request("50%")).lines[0].fee == Decimal("14.90")


def test_a_buyer_return_as_new_still_allows_no_fee(db):
    shipped_order(db)
    receive_return(db, ORDER, "new")
    with pytest.raises(RuleRefused):
        plan_refund(load_refund_context(db, ORDER), fee_request("1%"))


def test_the_carrier_return_ceilings_are_the_shops_to_set(db):
    shipped_order(db)
    receive_return(db, ORDER, "opened", carrier_return=True)
    chosen = settings.preferences(db)
    settings.save_preferences(
        db,
        settings.Preferences(
            shop_name="Atelier Lin",
            language="fr",
            ceilings=chosen.ceilings,
            carrier_return_ceilings={"any": Decimal("10"), "damaged": Decimal("40")},
        ),
    )
    context = load_refund_context(db, ORDER)
    with pytest.raises(RuleRefused):
        plan_refund(context, fee_request("11%"))
    assert plan_refund(context, fee_request("10%")).lines[0].fee == Decimal("2.98")
    assert settings.preferences(db).shop_name == "Atelier Lin"


@pytest.mark.parametrize("typed", ["101", "-1", "abc", "nan", ""])
def test_a_ceiling_that_is_not_a_percentage_is_refused(typed):
    with pytest.raises(BadInput):
        settings.check_percent(typed)


@given(
    st.sampled_from(sorted(GRADES)),
    st.booleans(),
    st.dictionaries(st.sampled_from(sorted(GRADES)), st.integers(0, 100).map(Decimal)),
)
def test_the_ceiling_is_the_grades_unless_the_carrier_brought_it_back(grade, carrier, shop):
    by_grade = {**settings.DEFAULT_RESTOCKING_CEILINGS, **shop}
    carrier_ceilings = settings.DEFAULT_CARRIER_RETURN_CEILINGS
    found = ceiling_percent(grade, carrier, by_grade, carrier_ceilings)
    if not carrier:
        assert found == by_grade[grade]
    elif grade == "damaged":
        assert found == Decimal("50")
    else:
        assert found == Decimal("20")
