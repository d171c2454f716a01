"""A refund checked against an order's balances, worked out by hand (no database).

The balances are written out as the refund dialog and ``sellerdesk refund`` load
them; every amount the buyer gets back, every fee and every refusal is a literal.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from app.errors import BadInput, RuleRefused
from app.order_actions.refunds import (
    Amounts,
    Component,
    ItemBalance,
    ItemRefund,
    RefundContext,
    RefundRequest,
    apply_plan,
    charged_share,
    fee_room,
    plan_refund,
    suggested_refund,
)
from app.order_actions.restocking import Share
from app.storage.models import OrderItem
from app.text import text

D = Decimal
ORDER = "405-1234567-1234567"
NOTHING = Amounts()
MUG = ItemBalance(
    pk=1,
    order_item_id="111",
    sku="MUG",
    title="Mug",
    quantity=2,
    quantity_shipped=2,
    charged=Amounts(D("29.80"), D("4.96"), D("4.90"), D("0.82")),
    refunded=NOTHING,
    fees=D("0.00"),
)
TOTE = ItemBalance(  # no order-item id: named by its SKU; 5.00 and a 1.00 fee refunded before
    pk=2,
    order_item_id=None,
    sku="TOTE",
    title="Tote",
    quantity=1,
    quantity_shipped=1,
    charged=Amounts(D("12.00"), D("2.00")),
    refunded=Amounts(D("5.00")),
    fees=D("1.00"),
)
LAMP = replace(MUG, pk=3, order_item_id="333", sku="LAMP", quantity_shipped=0, charged=NOTHING)
TEE_S = replace(MUG, pk=4, order_item_id="444", sku="TEE")
TEE_M = replace(MUG, pk=5, order_item_id="555", sku="TEE")
CEILINGS = {"new": D("0"), "late": D("20"), "opened": D("20"), "used": D("50"), "damaged": D("100")}


def context(*items: ItemBalance, recorded: str | None = None, **changes) -> RefundContext:
    base = RefundContext(
        order_id=ORDER,
        currency="EUR",
        refused=None,
        items=items or (MUG, TOTE, LAMP),
        ceilings=CEILINGS,
        recorded_condition=recorded,
        return_id=None,
    )
    return replace(base, **changes)


def plan(*wanted: ItemRefund, condition: str | None = None, ctx: RefundContext | None = None):
    return plan_refund(ctx or context(), RefundRequest(wanted, "CustomerReturn", condition))


def refused(kind: type[Exception], *wanted: ItemRefund, **options) -> str:
    with pytest.raises(kind) as error:
        plan(*wanted, **options)
    return error.value.message.english()  # type: ignore[attr-defined]


def amount(ref: str, component: Component, value: str, fee: Share | None = None) -> ItemRefund:
    return ItemRefund(ref, {component: Share(amount=D(value))}, fee)


# -- the item named --------------------------------------------------------------------


def test_an_item_is_named_by_its_order_item_id_or_else_its_sku():
    ctx = context(MUG, TOTE, LAMP, TEE_S, TEE_M)
    assert ctx.item(" 111 ") is MUG
    assert ctx.item("MUG") is MUG
    assert ctx.item("TOTE") is TOTE
    assert ctx.item("555") is TEE_M


def test_an_sku_two_items_share_asks_for_the_order_item_id():
    with pytest.raises(BadInput) as error:
        context(MUG, TEE_S, TEE_M).item("TEE")
    assert error.value.message.english() == (
        f"Order {ORDER} has several items with SKU TEE: name the order-item id."
    )


def test_an_unknown_item_lists_the_items_of_the_order():
    with pytest.raises(BadInput) as error:
        context(MUG, TOTE, LAMP).item("NOPE")
    assert error.value.message.english() == (
        f"Order {ORDER} has no item NOPE. Its items: 111, TOTE, 333."
    )
    # Named the same way as by every other action: one sentence, in the orders' context.
    assert error.value.message.context == "Orders"


# -- what the buyer gets back ------------------------------------------------------------


def test_a_full_refund_gives_back_every_component_charged():
    refund = plan(ItemRefund.full("111"))
    (line,) = refund.lines
    assert line.refund == Amounts(D("29.80"), D("4.96"), D("4.90"), D("0.82"))
    assert (line.fee, line.fee_limit, line.net) == (D("0.00"), None, D("40.48"))
    assert (refund.total_refund, refund.total_fee, refund.net) == (
        D("40.48"),
        D("0.00"),
        D("40.48"),
    )
    assert (refund.order_id, refund.currency, refund.reason, refund.condition) == (
        ORDER,
        "EUR",
        "CustomerReturn",
        None,
    )
    assert (refund.photo_needed, refund.notes()) == (False, [])


def test_a_fee_of_a_fifth_of_the_item_price_is_deducted_and_asks_for_a_photo():
    refund = plan(ItemRefund.full("111", Share(percent=D("20"))), condition="used")
    (line,) = refund.lines
    assert (line.fee, line.fee_limit, line.net) == (D("5.96"), D("14.90"), D("34.52"))
    assert (refund.total_refund, refund.total_fee, refund.net) == (
        D("40.48"),
        D("5.96"),
        D("34.52"),
    )
    assert refund.photo_needed
    assert [note.english() for note in refund.notes()] == [
        "A restocking fee of 20 % or more of the item price needs a photo of the item: keep "
        "one in case the buyer disputes it."
    ]
    assert refund.notes()[0].context == "Refunds"


def test_two_items_add_up_and_earlier_fees_count_towards_the_photo():
    refund = plan(
        ItemRefund.full("111"),
        ItemRefund.full("TOTE", Share(amount=D("1.40"))),
        condition="opened",
    )
    mug, tote = refund.lines
    assert tote.refund == Amounts(D("7.00"), D("2.00"))
    assert (tote.fee, tote.fee_limit, tote.net) == (D("1.40"), D("1.40"), D("7.60"))
    assert mug.fee_limit == D("5.96")
    assert (refund.total_refund, refund.total_fee, refund.net) == (
        D("49.48"),
        D("1.40"),
        D("48.08"),
    )
    assert not mug.photo_needed
    assert tote.photo_needed  # 1.00 before + 1.40 now = 20 % of 12.00
    assert refund.photo_needed


def test_the_condition_typed_wins_over_the_return_received():
    ctx = context(recorded="new")
    assert plan(ItemRefund.full("111"), ctx=ctx).condition == "new"
    assert plan(ItemRefund.full("111"), condition="  ", ctx=ctx).condition == "new"
    assert plan(ItemRefund.full("111"), condition=" Used ", ctx=ctx).condition == "used"
    (line,) = plan(ItemRefund.full("111"), ctx=ctx).lines
    assert line.fee_limit == D("0.00")


def test_a_refund_settles_the_received_return_it_follows():
    assert plan(ItemRefund.full("111"), ctx=context(return_id=7)).return_id == 7


# -- what is refused, in words -----------------------------------------------------------


def test_a_refund_the_order_does_not_allow_says_the_rule():
    why = text("Rules", "This order is cancelled.")
    assert refused(RuleRefused, ItemRefund.full("111"), ctx=context(refused=why)) == (
        "This order is cancelled."
    )


def test_a_refund_naming_no_item_says_to_name_one():
    assert refused(BadInput) == "Name at least one item to refund."


def test_an_item_named_twice_is_refused():
    assert refused(BadInput, ItemRefund.full("111"), ItemRefund.full("MUG")) == (
        "Item 111 is named twice."
    )


def test_an_item_not_shipped_is_not_refunded():
    assert refused(RuleRefused, ItemRefund.full("333")) == (
        "Item 333 is not shipment-confirmed, so nothing was charged for it: cancel it "
        "instead of refunding."
    )


def test_an_item_with_nothing_asked_says_what_to_ask():
    assert refused(BadInput, ItemRefund("111")) == (
        "Say what to refund for item 111: an amount for the item price, item tax, shipping "
        "or shipping tax, or the full refund."
    )


def test_more_than_is_left_is_refused_with_the_figures():
    assert refused(RuleRefused, amount("TOTE", Component.ITEM_PRICE, "7.01")) == (
        "Item TOTE: only 7.00 EUR of the item price is left to refund (charged 12.00 EUR, "
        "already refunded 5.00 EUR); you asked 7.01 EUR."
    )
    assert refused(RuleRefused, amount("111", Component.SHIPPING_TAX, "0.83")) == (
        "Item 111: only 0.82 EUR of the shipping tax is left to refund (charged 0.82 EUR, "
        "already refunded 0.00 EUR); you asked 0.83 EUR."
    )


def test_exactly_what_is_left_is_refunded():
    (line,) = plan(amount("TOTE", Component.ITEM_PRICE, "7.00")).lines
    assert line.refund == Amounts(D("7.00"))


def test_an_item_refunded_in_full_has_nothing_left():
    done = replace(MUG, refunded=MUG.charged)
    assert refused(RuleRefused, ItemRefund.full("111"), ctx=context(done)) == (
        "Item 111 is already refunded in full: nothing is left."
    )


def test_a_refund_of_nothing_is_refused():
    assert refused(BadInput, amount("111", Component.ITEM_TAX, "0")) == (
        "The refund for item 111 is zero."
    )


def test_a_fee_needs_the_condition_of_the_return():
    assert refused(RuleRefused, ItemRefund.full("111", Share(amount=D("1.00")))) == (
        "A restocking fee needs the condition of the returned item: choose a condition "
        "grade or record the return as received first."
    )


def test_a_fee_above_the_ceiling_says_the_ceiling():
    assert refused(
        RuleRefused, ItemRefund.full("111", Share(amount=D("5.97"))), condition="opened"
    ) == (
        "Item 111: a restocking fee of 5.97 EUR is above the ceiling for opened returns "
        "(20 % of the item price 29.80 EUR); at most 5.96 EUR."
    )


def test_a_fee_above_what_earlier_fees_left_says_what_was_deducted():
    assert refused(
        RuleRefused, ItemRefund.full("TOTE", Share(amount=D("1.41"))), condition="opened"
    ) == (
        "Item TOTE: a restocking fee of 1.41 EUR is above the ceiling for opened returns "
        "(20 % of the item price 12.00 EUR, 1.00 EUR already deducted); at most 1.40 EUR."
    )


def test_a_fee_as_large_as_the_item_price_refunded_leaves_the_buyer_the_rest():
    # 10.00 of the mug's item price, a 10.00 fee (a used return allows 14.90): the buyer
    # gets the tax and shipping named, 4.96 + 4.90 + 0.82, nothing of the item price.
    wanted = ItemRefund(
        "111",
        {
            Component.ITEM_PRICE: Share(amount=D("10.00")),
            Component.ITEM_TAX: Share(everything=True),
            Component.SHIPPING_PRICE: Share(everything=True),
            Component.SHIPPING_TAX: Share(everything=True),
        },
        Share(amount=D("10.00")),
    )
    assert plan(wanted, condition="used").net == D("10.68")


def test_a_fee_is_deducted_from_the_item_price_only():
    wanted = ItemRefund("111", {Component.ITEM_TAX: Share(everything=True)}, Share(amount=D("1")))
    assert refused(RuleRefused, wanted, condition="used") == (
        "Item 111: the restocking fee 1.00 EUR is more than the item-price refund 0.00 EUR; "
        "the fee is deducted from the item price only."
    )


def test_a_fee_of_zero_needs_no_condition():
    (line,) = plan(ItemRefund.full("111", Share(amount=D("0")))).lines
    assert (line.fee, line.net) == (D("0.00"), D("40.48"))


# -- the fee room, the suggestion, the balances after ------------------------------------


@pytest.mark.parametrize(
    ("item", "condition", "room"),
    [
        (MUG, None, None),
        (MUG, "new", D("0.00")),
        (MUG, "opened", D("5.96")),
        (TOTE, "opened", D("1.40")),  # 2.40 less the 1.00 taken before
        (TOTE, "used", D("5.00")),
        (replace(TOTE, fees=D("3.00")), "opened", D("0.00")),  # never below zero
    ],
)
def test_the_fee_room_is_the_ceiling_less_the_fees_taken_before(item, condition, room):
    assert fee_room(context(), item, condition) == room


def test_the_suggested_refund_is_everything_less_the_largest_fee_allowed():
    done = replace(TEE_S, refunded=TEE_S.charged)
    suggestion = suggested_refund(context(MUG, TOTE, LAMP, done, recorded="used"))
    assert (suggestion.reason, suggestion.condition) == ("CustomerReturn", "used")
    assert suggestion.items == (
        ItemRefund.full("111", Share(amount=D("14.90"))),
        ItemRefund.full("TOTE", Share(amount=D("5.00"))),
    )


def test_an_item_refunded_in_full_first_in_the_order_still_leaves_the_others_suggested():
    done = replace(TEE_S, refunded=TEE_S.charged)
    suggestion = suggested_refund(context(done, MUG, TOTE, recorded="used"))
    assert suggestion.items == (
        ItemRefund.full("111", Share(amount=D("14.90"))),
        ItemRefund.full("TOTE", Share(amount=D("5.00"))),
    )


def test_the_suggested_fee_never_takes_more_than_the_item_price_left():
    suggestion = suggested_refund(context(TOTE), "Damaged")
    assert suggestion.condition == "damaged"
    assert suggestion.items == (ItemRefund.full("TOTE", Share(amount=D("7.00"))),)


def test_no_fee_is_suggested_for_a_new_return_or_without_a_condition():
    assert suggested_refund(context(MUG), "new").items == (ItemRefund.full("111"),)
    assert suggested_refund(context(MUG)).items == (ItemRefund.full("111"),)
    assert suggested_refund(context(MUG)).condition is None


def test_after_a_refund_the_next_one_is_checked_against_what_is_left():
    ctx = context()
    refund = plan(ItemRefund.full("TOTE", Share(amount=D("1.40"))), condition="opened", ctx=ctx)
    after = apply_plan(ctx, refund)
    assert after.item("TOTE").refunded == Amounts(D("12.00"), D("2.00"))
    assert after.item("TOTE").fees == D("2.40")
    assert after.item("111") is MUG
    assert after.item("TOTE").refundable == NOTHING


# -- what an item line was charged -------------------------------------------------------


def line(quantity: int, shipped: int, cancelled: int = 0) -> OrderItem:
    return OrderItem(quantity=quantity, quantity_shipped=shipped, quantity_cancelled=cancelled)


@pytest.mark.parametrize(
    ("total", "item", "cancelled", "refunded", "charged"),
    [
        (D("10.00"), line(3, 1), D("0"), D("0"), D("3.33")),  # one of three units shipped
        (D("10.00"), line(3, 2), D("0"), D("0"), D("6.66")),  # 3.33 a unit; the last takes 3.34
        (D("10.00"), line(3, 0), D("0"), D("0"), D("0.00")),  # nothing shipped, nothing charged
        (None, line(3, 3), D("0"), D("0"), D("0.00")),
        (D("10.00"), line(3, 2, 1), D("3.33"), D("0"), D("6.67")),  # the rest cancelled
        (D("10.00"), line(3, 2, 1), D("3.33"), D("6.70"), D("6.70")),  # never below a refund
        (D("10.00"), line(3, 3), D("0"), D("0"), D("10.00")),
    ],
)
def test_an_item_line_is_charged_for_its_shipped_units(total, item, cancelled, refunded, charged):
    assert charged_share(total, item, cancelled, refunded) == charged


def test_amounts_add_up_per_component_to_the_cent():
    one = Amounts(D("1.005"), D("2"), D("0"), D("0.10"))
    two = Amounts(D("0.10"), D("0.50"), D("3"), D("0"))
    assert one + two == Amounts(D("1.11"), D("2.50"), D("3.00"), D("0.10"))
    assert two - one == Amounts(D("-0.91"), D("-1.50"), D("3.00"), D("-0.10"))
    assert (one + two).total == D("6.71")
    assert (one + two).to_json() == {
        "item_price": "1.11",
        "item_tax": "2.50",
        "shipping_price": "3.00",
        "shipping_tax": "0.10",
    }
