"""Property tests of the refund money rules (DESIGN.md §5): any sequence of refunds."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import partial

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.errors import SellerDeskError
from app.money import ZERO, cents
from app.order_actions.orders import cancelled_share
from app.order_actions.refunds import (
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
from app.order_actions.restocking import DEFAULT_CEILINGS, GRADES, Share
from app.storage.models import OrderItem

CENTS = st.integers(min_value=0, max_value=50_000).map(lambda c: Decimal(c) / 100)
PERCENT = st.integers(min_value=0, max_value=15_000).map(lambda c: Decimal(c) / 100)
PRICE = st.integers(min_value=1, max_value=50_000).map(lambda c: Decimal(c) / 100)
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
# DESIGN.md §5, written out: the restocking-fee ceiling of each condition grade, in %.
CEILINGS = {
    "new": Decimal("0"),
    "late": Decimal("20"),
    "opened": Decimal("20"),
    "used": Decimal("50"),
    "damaged": Decimal("50"),
}


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
            charged=Amounts(draw(PRICE), draw(CENTS), draw(CENTS), draw(CENTS)),
            refunded=Amounts(),
            fees=ZERO,
        )
        for index in range(draw(st.integers(min_value=1, max_value=3)))
    )
    return RefundContext("405-1234567-1234567", "EUR", None, items, dict(CEILINGS), None, None)


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
    condition = draw(CONDITION)
    wanted = []
    for item in chosen:
        fee = draw(FEE)
        if condition is not None and draw(st.booleans()):
            # A fee within a cent or two of the grade's ceiling, less earlier fees.
            ceiling = to_cent(item.charged.item_price * CEILINGS[condition] / 100)
            fee = draw(
                st.integers(min_value=-2, max_value=2).map(partial(_near, ceiling - item.fees))
            )
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
    return RefundRequest(tuple(wanted), "CustomerReturn", condition)


def to_cent(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def expected_amount(share: Share, charged: Decimal, left: Decimal) -> Decimal:
    """DESIGN.md §5: all that is left, a percentage of what was charged, or the amount."""
    if share.everything:
        return left
    if share.percent is not None:
        return to_cent(charged * share.percent / 100)
    assert share.amount is not None
    return to_cent(share.amount)


def expected_line(
    item: ItemBalance, wanted: ItemRefund, condition: str | None
) -> tuple[list[Decimal], Decimal] | None:
    """The refund per component and the fee the rules allow, or None if they refuse it."""
    left = [item.charged.get(c) - item.refunded.get(c) for c in Component]
    amounts = [
        expected_amount(wanted.shares[c], item.charged.get(c), left[n])
        if c in wanted.shares
        else Decimal("0.00")
        for n, c in enumerate(Component)
    ]
    if any(asked > room for asked, room in zip(amounts, left, strict=True)) or not any(amounts):
        return None
    price = item.charged.item_price
    fee = Decimal("0.00") if wanted.fee is None else expected_amount(wanted.fee, price, price)
    if fee > 0:
        if condition is None:
            return None  # a fee needs a condition grade
        ceiling = to_cent(price * CEILINGS[condition] / 100)
        if item.fees + fee > ceiling or fee > amounts[0]:
            return None  # above the ceiling (earlier fees count) or above the item price
    return amounts, fee


@st.composite
def plausible_first(draw: st.DrawFn, context: RefundContext) -> RefundRequest:
    """A refund the rules must accept: part of one item's price, or all of it minus a fee."""
    item = draw(st.sampled_from(context.items))
    if draw(st.booleans()):
        condition = draw(st.sampled_from(["late", "opened", "used", "damaged"]))
        fee = Share(percent=Decimal(draw(st.integers(0, int(CEILINGS[condition])))))
        return RefundRequest((ItemRefund.full(item.ref, fee),), "CustomerReturn", condition)
    cents_asked = draw(st.integers(min_value=1, max_value=int(item.charged.item_price * 100)))
    share = Share(amount=Decimal(cents_asked) / 100)
    return RefundRequest((ItemRefund(item.ref, {Component.ITEM_PRICE: share}),), "CustomerReturn")


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_sequence_of_refunds_keeps_the_money_rules(data: st.DataObject) -> None:
    context = data.draw(contexts())
    first = data.draw(plausible_first(context))
    later = [data.draw(requests(context)) for _ in range(data.draw(st.integers(0, 7)))]
    accepted = 0
    for number, request in enumerate([first, *later]):
        by_ref = {item.ref: item for item in context.items}
        expected = [
            expected_line(by_ref[wanted.ref], wanted, request.condition) for wanted in request.items
        ]
        if any(line is None for line in expected):
            with pytest.raises(SellerDeskError):
                plan_refund(context, request)
            event("refund refused")
            continue
        plan = plan_refund(context, request)
        accepted += 1
        event("refund accepted")
        for line, wanted, want in zip(plan.lines, request.items, expected, strict=True):
            assert want is not None
            amounts, fee = want
            assert line.item.ref == wanted.ref
            assert [line.refund.get(c) for c in Component] == amounts
            assert all(two_decimals(amount) for amount in [*amounts, line.fee, line.net])
            assert line.fee == fee
            assert line.net == sum(amounts) - fee >= 0  # never a charge to the buyer
            if fee:
                event("fee deducted")
        assert plan.net == sum((sum(w[0]) - w[1] for w in expected if w), Decimal("0.00"))
        context = apply_plan(context, plan)
        for item in context.items:
            for component in Component:
                assert item.refunded.get(component) <= item.charged.get(component)
            assert item.fees <= item.refunded.item_price
        assert number > 0 or accepted == 1  # the plausible first refund always goes through
    assert accepted >= 1


def test_the_default_ceilings_are_design_s_five():
    assert DEFAULT_CEILINGS == CEILINGS


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
