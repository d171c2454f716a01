"""Property tests of the refund money rules (DESIGN.md §5): any sequence of refunds."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.errors import SellerDeskError
from app.models import OrderItem
from app.money import ZERO, cents
from app.orders import cancelled_share
from app.refunds import (
    Amounts,
    Component,
    ItemBalance,
    ItemRefund,
    RefundContext,
    RefundRequest,
    apply_plan,
    charged,
    plan_refund,
)
from app.restocking import DEFAULT_CEILINGS, GRADES, Share, fee_ceiling

CENTS = st.integers(min_value=0, max_value=50_000).map(lambda c: Decimal(c) / 100)
PERCENT = st.integers(min_value=0, max_value=15_000).map(lambda c: Decimal(c) / 100)
SMALL = st.integers(min_value=0, max_value=5_000).map(lambda c: Decimal(c) / 100)
# Mostly plausible asks (so that many refunds go through), sometimes far too much.
SHARE = st.one_of(
    st.builds(Share, amount=SMALL),
    st.builds(Share, percent=st.integers(min_value=0, max_value=60).map(Decimal)),
    st.just(Share(everything=True)),
    st.builds(Share, amount=CENTS),
    st.builds(Share, percent=PERCENT),
)
FEE = st.one_of(
    st.none(),
    st.builds(Share, percent=st.integers(min_value=0, max_value=50).map(Decimal)),
    st.builds(Share, amount=SMALL),
)
CONDITION = st.one_of(st.none(), st.sampled_from(list(GRADES)))


def two_decimals(value: Decimal) -> bool:
    return value.as_tuple().exponent == -2


@st.composite
def contexts(draw: st.DrawFn) -> RefundContext:
    items = tuple(
        ItemBalance(
            pk=index,
            order_item_id=f"ITEM{index}",
            sku=f"SKU{index}",
            title=None,
            quantity=1,
            quantity_shipped=1,
            charged=Amounts(draw(CENTS), draw(CENTS), draw(CENTS), draw(CENTS)),
            refunded=Amounts(),
            fees=ZERO,
        )
        for index in range(draw(st.integers(min_value=1, max_value=3)))
    )
    return RefundContext(
        "405-1234567-1234567", "EUR", None, items, dict(DEFAULT_CEILINGS), None, None
    )


def _near(edge: Decimal, cents_off: int) -> Share:
    return Share(amount=max(ZERO, edge + Decimal(cents_off) / 100))


@st.composite
def requests(draw: st.DrawFn, context: RefundContext) -> RefundRequest:
    chosen = draw(
        st.lists(
            st.sampled_from(context.items),
            min_size=1,
            max_size=len(context.items),
            unique_by=lambda item: item.pk,
        )
    )
    wanted = []
    for item in chosen:
        fee = draw(FEE)
        if draw(st.booleans()):
            wanted.append(ItemRefund.full(item.ref, fee))
            continue
        # Right at the edge of what is left, where an off-by-a-cent rule would slip.
        near_edge = {
            c: st.integers(min_value=-3, max_value=3).map(partial(_near, item.refundable.get(c)))
            for c in Component
        }
        shares = {
            c: draw(st.one_of(SHARE, near_edge[c]))
            for c in draw(st.sets(st.sampled_from(list(Component)), max_size=4))
        }
        wanted.append(ItemRefund(item.ref, shares, fee))
    return RefundRequest(tuple(wanted), "CustomerReturn", draw(CONDITION))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_sequence_of_refunds_keeps_the_money_rules(data: st.DataObject) -> None:
    context = data.draw(contexts())
    accepted = 0
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        request = data.draw(requests(context))
        try:
            plan = plan_refund(context, request)
        except SellerDeskError:
            continue  # a refusal changes nothing: the balances stay as they are
        accepted += 1
        for line in plan.lines:
            left = line.item.refundable
            for component in Component:
                assert ZERO <= line.refund.get(component) <= left.get(component)
                assert two_decimals(line.refund.get(component))
            assert two_decimals(line.fee)
            assert two_decimals(line.net)
            assert ZERO <= line.fee <= line.refund.item_price  # never a charge to the buyer
            assert line.net >= ZERO
            if line.fee:
                event("fee deducted")
                assert request.condition is not None
                ceiling = fee_ceiling(
                    line.item.charged.item_price, DEFAULT_CEILINGS[request.condition]
                )
                assert line.item.fees + line.fee <= ceiling
        assert plan.net >= ZERO
        assert two_decimals(plan.net)
        event("refund accepted")
        context = apply_plan(context, plan)
        for item in context.items:
            for component in Component:
                assert item.refunded.get(component) <= item.charged.get(component)
            assert item.fees <= item.refunded.item_price


@settings(max_examples=200, deadline=None)
@given(
    total=CENTS,
    quantity=st.integers(min_value=1, max_value=7),
    steps=st.lists(st.tuples(st.booleans(), st.integers(min_value=1, max_value=3)), max_size=8),
)
def test_what_is_charged_adds_up_with_what_was_cancelled(
    total: Decimal, quantity: int, steps: list[tuple[bool, int]]
) -> None:
    item = OrderItem(
        quantity=quantity, quantity_shipped=0, quantity_cancelled=0, item_price=total, sku="S"
    )
    cancelled = ZERO
    before = ZERO
    # Each unit worth at least a cent: no pro-rata share is capped by the line total.
    whole_cents = cents(total / quantity) * (quantity - 1) <= total
    for ship, units in steps:
        units = min(units, item.quantity_open)
        if units == 0:
            break
        if ship:
            item.quantity_shipped += units
        else:
            share = cancelled_share(item, total, units)
            assert share is not None and share >= ZERO
            cancelled += share
            item.quantity_cancelled += units
        now = charged(item, Amounts(item_price=cancelled), Amounts()).item_price
        assert two_decimals(now)
        assert now >= ZERO
        if whole_cents:
            assert now >= before  # what was charged, and so refundable, never shrinks
        before = now
    assert cancelled <= total
    if item.quantity_open == 0 and item.quantity_shipped:
        assert (
            charged(item, Amounts(item_price=cancelled), Amounts()).item_price + cancelled == total
        )
