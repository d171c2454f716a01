"""Refunds per item and component: what a seller sees on the command line and in the ledger."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import BadInput, RuleRefused
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_order,
)
from app.order_actions.refunds import (
    Component,
    ItemRefund,
    RefundRequest,
    load_refund_context,
    plan_refund,
    refund,
)
from app.order_actions.restocking import Share
from app.order_actions.returns import overdue_refunds, receive_return, request_return
from app.storage.models import Event, OrderStatus, Setting
from tests.factories import ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"


def shipped_order(db, **changes) -> str:
    spec = OrderSpec(
        status=OrderStatus.SHIPPED,
        items=[
            ItemSpec(
                order_item_id="11111111111111",
                quantity=2,
                quantity_shipped=2,
                item_price=Decimal("29.80"),
                item_tax=Decimal("4.96"),
                shipping_price=Decimal("4.90"),
                shipping_tax=Decimal("0.82"),
            )
        ],
    )
    return add_order(db, spec, **changes)


def show(cli) -> dict:
    result = cli("show", ORDER, "--json")
    assert result.status == 0, result.err
    return json.loads(result.out)


def test_partial_refunds_add_up_and_stop_at_what_was_charged(db, cli):
    shipped_order(db)
    first = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--item-price",
        "10",
        "--reason",
        "GeneralAdjustment",
    )
    assert first.status == 0, first.err
    assert "10.00" in first.out
    too_much = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--item-price",
        "19.81",
        "--reason",
        "GeneralAdjustment",
    )
    assert too_much.status == 1
    assert "19.80" in too_much.err  # says how much is left
    rest = cli(
        "refund",
        ORDER,
        "--item",
        "MUG-CERAM-01",
        "--item-price",
        "19,80",
        "--reason",
        "GeneralAdjustment",
    )
    assert rest.status == 0, rest.err
    refunds = show(cli)["refunds"]
    assert [r["item_price"] for r in refunds] == ["10.00", "19.80"]
    assert all(r["item_tax"] == "0.00" and r["restocking_fee"] == "0.00" for r in refunds)
    assert refunds[0]["order_item_id"] == "11111111111111"
    assert refunds[0]["reason"] == "GeneralAdjustment"
    again = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--item-price",
        "0.01",
        "--reason",
        "GeneralAdjustment",
    )
    assert again.status == 1


def test_full_refund_gives_back_everything_left_on_every_component(db, cli):
    shipped_order(db)
    assert (
        cli(
            "refund",
            ORDER,
            "--item",
            "11111111111111",
            "--shipping",
            "4.90",
            "--reason",
            "CustomerReturn",
        ).status
        == 0
    )
    result = cli(
        "refund", ORDER, "--item", "11111111111111", "--full", "--reason", "CustomerReturn"
    )
    assert result.status == 0, result.err
    assert "35.58" in result.out  # 29.80 + 4.96 + 0.82
    last = show(cli)["refunds"][-1]
    assert (last["item_price"], last["item_tax"], last["shipping_price"], last["shipping_tax"]) == (
        "29.80",
        "4.96",
        "0.00",
        "0.82",
    )
    assert (
        cli(
            "refund", ORDER, "--item", "11111111111111", "--full", "--reason", "CustomerReturn"
        ).status
        == 1
    )


def test_restocking_fee_is_capped_by_the_condition_ceiling(db, cli):
    shipped_order(db)
    above = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--full",
        "--restocking-fee",
        "21%",
        "--condition",
        "opened",
        "--reason",
        "CustomerReturn",
    )
    assert above.status == 1
    assert "5.96" in above.err  # 20 % of 29.80
    assert show(cli)["refunds"] == []
    ok = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--full",
        "--restocking-fee",
        "20%",
        "--condition",
        "opened",
        "--reason",
        "CustomerReturn",
    )
    assert ok.status == 0, ok.err
    assert "photo" in ok.err  # 20 % or more needs a photo: a warning, not a refusal
    refund_row = show(cli)["refunds"][0]
    assert refund_row["restocking_fee"] == "5.96"
    assert refund_row["condition"] == "opened"
    assert refund_row["item_price"] == "29.80"  # refunded before the fee
    assert refund_row["net"] == "34.52"  # 40.48 - 5.96


def test_new_condition_allows_no_fee_and_a_fee_needs_a_condition(db, cli):
    shipped_order(db)
    new = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--full",
        "--restocking-fee",
        "0.01",
        "--condition",
        "new",
        "--reason",
        "CustomerReturn",
    )
    assert new.status == 1
    none = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--full",
        "--restocking-fee",
        "1",
        "--reason",
        "CustomerReturn",
    )
    assert none.status == 1
    assert "condition" in none.err


def test_fee_above_the_item_price_refund_is_refused(db, cli):
    shipped_order(db)
    result = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--shipping",
        "4.90",
        "--restocking-fee",
        "2",
        "--condition",
        "used",
        "--reason",
        "CustomerReturn",
    )
    assert result.status == 1
    assert "more than the item-price refund" in result.err


def test_ceilings_come_from_the_settings_table(db, cli):
    shipped_order(db)
    with db.transaction() as session:
        session.add(Setting(key="restocking_ceiling.used", value="10"))
    refused = cli(
        "refund",
        ORDER,
        "--item",
        "11111111111111",
        "--full",
        "--restocking-fee",
        "11%",
        "--condition",
        "used",
        "--reason",
        "CustomerReturn",
    )
    assert refused.status == 1
    assert (
        cli(
            "refund",
            ORDER,
            "--item",
            "11111111111111",
            "--full",
            "--restocking-fee",
            "10%",
            "--condition",
            "used",
            "--reason",
            "CustomerReturn",
        ).status
        == 0
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--item-price", "abc"],
        ["--item-price", "-1"],
        ["--item-price", "1.001"],
        ["--item-price", "1", "--reason", "Whatever"],
        ["--full", "--restocking-fee", "1", "--condition", "soggy"],
        [],  # names nothing
        ["--full", "--item-price", "1"],
    ],
)
def test_bad_input_exits_2_and_changes_nothing(db, cli, args):
    shipped_order(db)
    if "--reason" not in args:
        args = [*args, "--reason", "CustomerReturn"]
    result = cli("refund", ORDER, "--item", "11111111111111", *args)
    assert result.status == 2, result.err
    assert result.err.startswith("sellerdesk: ")
    assert "Traceback" not in result.err
    assert show(cli)["refunds"] == []


@pytest.mark.parametrize("status", [OrderStatus.PENDING, OrderStatus.UNSHIPPED])
def test_nothing_charged_means_no_refund(db, cli, status):
    add_order(db, OrderSpec(status=status))
    result = cli(
        "refund", ORDER, "--item", "11111111111111", "--full", "--reason", "CustomerReturn"
    )
    assert result.status == 1
    assert "charged" in result.err


def test_partially_shipped_order_refunds_only_shipped_units(db, cli):
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.PARTIALLY_SHIPPED,
            items=[
                ItemSpec(
                    order_item_id="A1",
                    sku="A",
                    quantity=3,
                    quantity_shipped=1,
                    item_price=Decimal("10.00"),
                    item_tax=None,
                    shipping_price=None,
                    shipping_tax=None,
                ),
                ItemSpec(order_item_id="B1", sku="B", quantity=1, item_price=Decimal("5.00")),
            ],
        ),
    )
    too_much = cli(
        "refund", ORDER, "--item", "A1", "--item-price", "3.34", "--reason", "GeneralAdjustment"
    )
    assert too_much.status == 1
    assert "3.33" in too_much.err  # one unit of three: 10.00 / 3
    assert (
        cli("refund", ORDER, "--item", "B1", "--full", "--reason", "GeneralAdjustment").status == 1
    )
    assert (
        cli("refund", ORDER, "--item", "A1", "--full", "--reason", "GeneralAdjustment").status == 0
    )
    assert show(cli)["refunds"][0]["item_price"] == "3.33"


def test_several_items_at_once_with_full_and_a_percentage_fee(db, cli):
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[
                ItemSpec(
                    order_item_id="A1", sku="A", quantity_shipped=1, item_price=Decimal("10.00")
                ),
                ItemSpec(
                    order_item_id="B1", sku="B", quantity_shipped=1, item_price=Decimal("20.00")
                ),
            ],
        ),
    )
    amount_fee = cli(
        "refund",
        ORDER,
        "--item",
        "A1",
        "--item",
        "B1",
        "--full",
        "--restocking-fee",
        "1",
        "--condition",
        "used",
        "--reason",
        "CustomerReturn",
    )
    assert amount_fee.status == 2
    result = cli(
        "refund",
        ORDER,
        "--item",
        "A1",
        "--item",
        "B1",
        "--full",
        "--restocking-fee",
        "10%",
        "--condition",
        "used",
        "--reason",
        "CustomerReturn",
    )
    assert result.status == 0, result.err
    fees = [r["restocking_fee"] for r in show(cli)["refunds"]]
    assert fees == ["1.00", "2.00"]


def test_refund_is_one_transaction_with_its_audit_event(db, cli):
    shipped_order(db)
    assert (
        cli(
            "refund",
            ORDER,
            "--item",
            "11111111111111",
            "--item-tax",
            "1.00",
            "--reason",
            "PriceError",
        ).status
        == 0
    )
    event = show(cli)["events"][-1]
    assert event["kind"] == "refunded"
    assert event["before"]["refunded"]["11111111111111"]["item_tax"] == "0.00"
    assert event["after"]["refunded"]["11111111111111"]["item_tax"] == "1.00"


def test_a_refund_event_says_the_restocking_fees_kept_before_and_after_it(db, cli):
    shipped_order(db)  # two mugs: 29.80 + 4.96 + 4.90 + 0.82 = 40.48 EUR
    for price, fee in (("10.00", "3.00"), ("5.00", "2.50"), ("4.00", "1.00")):
        item = ItemRefund(
            "11111111111111",
            {Component.ITEM_PRICE: Share(amount=Decimal(price))},
            Share(amount=Decimal(fee)),
        )
        refund(db, ORDER, RefundRequest((item,), "CustomerReturn", "used"))
    event = show(cli)["events"][-1]
    assert (event["kind"], event["actor"]) == ("refunded", "seller")
    before = event["before"]["refunded"]["11111111111111"]
    after = event["after"]["refunded"]["11111111111111"]
    assert (before["item_price"], before["restocking_fee"]) == ("15.00", "5.50")
    assert (after["item_price"], after["restocking_fee"]) == ("19.00", "6.50")


def test_plan_refund_is_what_the_window_validates_with(db):
    shipped_order(db)
    context = load_refund_context(db, ORDER)
    with pytest.raises(BadInput):
        plan_refund(context, RefundRequest((ItemRefund("11111111111111"),), "CustomerReturn"))
    full = ItemRefund.full("11111111111111", Share(percent=Decimal("50")))
    with pytest.raises(RuleRefused):
        plan_refund(context, RefundRequest((full,), "CustomerReturn", "late"))
    plan = plan_refund(context, RefundRequest((full,), "CustomerReturn", "used"))
    assert plan.net == Decimal("25.58")  # 40.48 - 14.90
    refund(db, ORDER, RefundRequest((full,), "CustomerReturn", "used"))
    assert load_refund_context(db, ORDER).items[0].refundable.total == Decimal("0.00")


def test_the_refund_window_names_each_item_by_its_sku_and_title(db):
    # The refund dialog heads each item's box with what it reads here.
    shipped_order(db)
    item = load_refund_context(db, ORDER).items[0]
    assert (item.order_item_id, item.sku, item.title) == (
        "11111111111111",
        "MUG-CERAM-01",
        "Mug céramique",
    )


def test_partial_cancellation_from_the_command_line(db, cli):
    add_order(
        db,
        OrderSpec(
            items=[
                ItemSpec(
                    order_item_id="A1",
                    sku="A",
                    quantity=3,
                    item_price=Decimal("10.00"),
                    item_tax=None,
                    shipping_price=None,
                    shipping_tax=None,
                ),
                ItemSpec(order_item_id="B1", sku="B", quantity=1),
            ]
        ),
    )
    result = cli("cancel", ORDER, "--reason", "NoInventory", "--item", "A1:2")
    assert result.status == 0, result.err
    data = show(cli)
    assert data["status"] == "Unshipped"
    assert data["items"][0]["quantity_open"] == 1
    assert data["items"][1]["quantity_open"] == 1
    line = data["cancellations"][0]
    assert line["whole_order"] is False
    assert line["counts_in_rate"] is True
    assert line["items"][0]["quantity"] == 2
    assert line["items"][0]["item_price"] == "6.66"
    too_many = cli("cancel", ORDER, "--reason", "NoInventory", "--item", "A1:2")
    assert too_many.status == 1
    # the rest ships; refunding the shipped unit gives back its share, the remainder.
    assert cli("ship", ORDER, "--carrier", "UPS").status == 0
    left = cli("refund", ORDER, "--item", "A1", "--full", "--reason", "CustomerReturn")
    assert left.status == 0, left.err
    assert show(cli)["refunds"][0]["item_price"] == "3.34"


@pytest.mark.parametrize(
    ("steps", "cancelled", "charged"),
    [
        # Ship five of six, then cancel the last: the last unit takes the remainder.
        ([("ship", 5), ("cancel", 1)], "1.65", "8.35"),
        # Cancel one first, then ship the five others: they take what the line has left.
        ([("cancel", 1), ("ship", 5)], "1.67", "8.33"),
    ],
)
def test_cancelled_and_charged_parts_of_a_line_add_up_to_what_the_buyer_paid(
    db, cli, steps, cancelled, charged
):
    # 10.00 for 6 units: 1.67 a unit rounded, so a careless split would give back 10.02.
    add_order(
        db,
        OrderSpec(
            items=[
                ItemSpec(
                    order_item_id="11111111111111",
                    quantity=6,
                    item_price=Decimal("10.00"),
                    item_tax=None,
                    shipping_price=None,
                    shipping_tax=None,
                )
            ]
        ),
    )
    for action, units in steps:
        if action == "ship":
            result = cli("ship", ORDER, "--carrier", "UPS", "--item", f"11111111111111:{units}")
        else:
            result = cli(
                "cancel", ORDER, "--reason", "NoInventory", "--item", f"11111111111111:{units}"
            )
        assert result.status == 0, result.err
    order = show(cli)
    assert order["cancellations"][0]["items"][0]["item_price"] == cancelled
    balance = load_refund_context(db, ORDER).item("11111111111111")
    assert str(balance.charged.item_price) == charged
    assert Decimal(cancelled) + balance.charged.item_price == Decimal("10.00")


def test_a_refund_that_names_the_return_settles_it_even_dated_before_the_parcel_came(db):
    shipped_order(db)
    monday = datetime(2026, 11, 2, 9, tzinfo=UTC)
    request_return(db, ORDER, at=monday)
    receive_return(db, ORDER, "new", at=monday + timedelta(days=3))
    # Refunded on the day the parcel came, entered with an hour earlier than its receipt.
    refund(
        db,
        ORDER,
        RefundRequest((ItemRefund.full("11111111111111"),), "CustomerReturn"),
        at=monday + timedelta(days=3, hours=-1),
    )
    assert overdue_refunds(db, monday + timedelta(days=30)) == []


def test_a_second_return_is_settled_by_its_own_refund_not_by_the_first_returns(db):
    shipped_order(db)  # two mugs, each sent back in its own parcel
    one_mug = RefundRequest(
        (ItemRefund("11111111111111", {Component.ITEM_PRICE: Share(amount=Decimal("14.90"))}),),
        "CustomerReturn",
    )
    monday = datetime(2026, 11, 2, 9, tzinfo=UTC)
    for week in (0, 1):
        start = monday + timedelta(weeks=week)
        request_return(db, ORDER, at=start)
        receive_return(db, ORDER, "new", at=start + timedelta(days=3))
        # Each refunded on the day its parcel came, entered an hour before its receipt.
        refund(db, ORDER, one_mug, at=start + timedelta(days=3, hours=-1))
    assert overdue_refunds(db, monday + timedelta(days=30)) == []


def test_units_worth_under_a_cent_refunded_before_the_marketplace_cancelled_the_rest(db):
    # Five units for 0.03: three shipped are charged 0.03 (0.01 each, never more than the
    # line) and refunded; the marketplace then cancels the other two (no cancellation line),
    # which take their pro-rata 0.02. The charge stays at what was refunded: 0.03, not 0.01.
    nothing = Decimal("0.00")
    item = ItemSpec(
        order_item_id="11111111111111",
        quantity=5,
        quantity_shipped=3,
        item_price=Decimal("0.03"),
        item_tax=nothing,
        shipping_price=nothing,
        shipping_tax=nothing,
    )
    add_order(db, OrderSpec(status=OrderStatus.PARTIALLY_SHIPPED, items=[item]))
    refund(db, ORDER, RefundRequest((ItemRefund.full("11111111111111"),), "GeneralAdjustment"))
    with db.transaction() as session:
        order = find_order(session, ORDER)
        order.items[0].quantity_cancelled = 2
        order.status = OrderStatus.SHIPPED
    balance = load_refund_context(db, ORDER).item("11111111111111")
    assert (balance.charged.item_price, balance.refundable.total) == (
        Decimal("0.03"),
        Decimal("0.00"),
    )


def test_an_item_the_marketplace_listed_with_no_units_charges_nothing_to_refund(db):
    mug = ItemSpec(order_item_id="11111111111111", quantity_shipped=1)
    tote = ItemSpec(sku="TOTE-LIN-NAT", order_item_id="11111111111112", quantity=0)
    add_order(db, OrderSpec(status=OrderStatus.SHIPPED, items=[mug, tote]))
    context = load_refund_context(db, ORDER)
    assert context.item("11111111111112").charged.total == Decimal("0.00")
    assert context.item("11111111111111").charged.total == Decimal("23.10")


def test_the_refund_event_names_who_made_it(db):
    shipped_order(db)
    request = RefundRequest((ItemRefund.full("11111111111111"),), "CustomerReturn")
    refund(db, ORDER, request, actor="assistant")
    with db.reading() as session:
        found = session.execute(select(Event.actor).where(Event.kind == "refunded")).all()
    assert found == [("assistant",)]


def test_an_item_cancelled_in_two_steps_then_shipped_refunds_exactly_its_shipped_unit(db):
    item = ItemSpec(
        order_item_id="11111111111111",
        quantity=3,
        item_price=Decimal("30.00"),
        item_tax=Decimal("6.00"),
        shipping_price=Decimal("9.00"),
        shipping_tax=Decimal("1.80"),
    )
    add_order(db, OrderSpec(items=[item]))
    for _ in range(2):
        cancel(db, ORDER, "NoInventory", items=[ItemQuantity("11111111111111", 1)])
    confirm_shipment(db, ORDER, ShipmentRequest(resolve_carrier("UPS")))
    request = RefundRequest((ItemRefund.full("11111111111111"),), "CustomerReturn")
    (line,) = refund(db, ORDER, request).lines
    assert line.refund.to_json() == {
        "item_price": "10.00",
        "item_tax": "2.00",
        "shipping_price": "3.00",
        "shipping_tax": "0.60",
    }
