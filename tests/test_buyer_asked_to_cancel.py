"""Issue 12 item 8: the seller notes that a buyer asked to cancel by message (S5), from
the command line (and the window, tests/ui/test_asked_by_message_window.py); the order
is then flagged in the Buyer requested list, in ``list --json`` and ``show``."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.errors import RuleRefused
from app.order_actions.asked_by_message import record_asked_by_message
from app.order_actions.orders import ItemQuantity, cancel
from app.order_actions.rules import Action, Rule
from app.order_views.order_details import order_details
from app.order_views.order_list import ListQuery, page
from app.order_views.queries import View
from app.storage.models import Event, FulfilledBy, Order, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"
OTHER = "405-7654321-7654321"
WROTE = NOW - timedelta(hours=3)


def events(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(Event.id))) or 0


def test_noted_from_the_command_line_the_order_is_flagged_everywhere(db, cli):
    add_order(db)
    add_order(db, OrderSpec(order_id=OTHER))
    assert json.loads(cli("list", "--buyer-requested", "--json").out) == []
    done = cli("buyer-asked-to-cancel", ORDER, "--at", WROTE.isoformat(), "--note", "Please cancel")
    assert done.status == 0, done.err
    assert "S5" in done.out and "count" in done.out
    listed = json.loads(cli("list", "--buyer-requested", "--json").out)
    assert [o["order_id"] for o in listed] == [ORDER]
    assert listed[0]["asked_to_cancel_by_message"] is True
    everyone = {o["order_id"]: o for o in json.loads(cli("list", "--json").out)}
    assert everyone[OTHER]["asked_to_cancel_by_message"] is False
    assert "buyer asked to cancel by message" in cli("list", "--buyer-requested").out
    shown = json.loads(cli("show", ORDER, "--json").out)
    assert shown["asked_to_cancel_by_message"] is True
    [event] = [e for e in shown["events"] if e["kind"] == "buyer-message"]
    assert event["summary"] == 'The buyer asked by message to cancel: "Please cancel"'
    assert event["actor"] == "seller"
    assert event["at"] == WROTE.isoformat()
    assert {r.order_id for r in page(db, ListQuery(View.BUYER_REQUESTED), as_of=NOW)} == {ORDER}
    details = order_details(db, ORDER, NOW)
    assert details.asked_by_message
    assert details.suggested_message == "s5_request_cancellation"
    assert not details.decision(Action.RECORD_ASKED_BY_MESSAGE).allowed  # noted once


def test_json_answer_and_a_second_time_is_refused_with_exit_1(db, cli):
    add_order(db)
    done = cli("buyer-asked-to-cancel", ORDER, "--at", WROTE.isoformat(), "--json")
    assert done.status == 0
    assert json.loads(done.out) == {"order_id": ORDER, "asked_at": WROTE.isoformat()}
    before = events(db)
    again = cli("buyer-asked-to-cancel", ORDER)
    assert again.status == 1
    assert "Already noted" in again.err
    assert events(db) == before


@pytest.mark.parametrize(
    ("spec", "rule"),
    [
        (OrderSpec(status=OrderStatus.PENDING), Rule.PENDING_ASK_SERVICE),
        (OrderSpec(buyer_requested_cancel=True), Rule.ALREADY_REQUESTED),
        (
            OrderSpec(status=OrderStatus.SHIPPED, items=[ItemSpec(quantity_shipped=1)]),
            Rule.SHIPPED_NO_CANCEL,
        ),
        (OrderSpec(fulfilled_by=FulfilledBy.MARKETPLACE), Rule.MARKETPLACE_FULFILS),
    ],
    ids=["pending", "official-request", "shipped", "fulfilled-by-amazon"],
)
def test_refused_where_noting_it_makes_no_sense_and_nothing_changes(db, cli, spec, rule):
    add_order(db, spec)
    before = events(db)
    with pytest.raises(RuleRefused) as refused:
        record_asked_by_message(db, ORDER)
    assert refused.value.rule is rule
    assert cli("buyer-asked-to-cancel", ORDER).status == 1
    assert events(db) == before
    with db.reading() as session:
        assert not session.scalars(select(Order)).one().asked_to_cancel_by_message


def test_a_cancelled_order_is_refused(db, cli):
    add_order(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    result = cli("buyer-asked-to-cancel", ORDER)
    assert result.status == 1
    assert "cancelled" in result.err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--at", "2099-01-01"], "in the future"),
        (["--at", (NOW - timedelta(days=30)).isoformat()], "before the order was placed"),
        (["--at", "yesterday"], "is not a date"),
        (["--note", "x" * 2001], "too long"),
    ],
    ids=["future", "before-purchase", "not-a-date", "note-too-long"],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(db, cli, args, says):
    add_order(db)
    before = events(db)
    result = cli("buyer-asked-to-cancel", ORDER, *args)
    assert result.status == 2
    assert says in result.err
    assert "Traceback" not in result.err
    assert events(db) == before


def test_an_unknown_order_exits_2(db, cli):
    result = cli("buyer-asked-to-cancel", OTHER)
    assert result.status == 2
    assert "no order" in result.err


def test_noted_after_part_of_the_order_was_cancelled_it_is_still_flagged(db):
    add_order(
        db,
        OrderSpec(
            items=[
                ItemSpec(sku="MUG-1", order_item_id="11111111111111", quantity=1),
                ItemSpec(sku="MUG-2", order_item_id="22222222222222", quantity=1),
            ]
        ),
    )
    cancel(db, ORDER, "NoInventory", items=[ItemQuantity("MUG-1")], at=NOW - timedelta(hours=5))
    record_asked_by_message(db, ORDER, at=WROTE)
    rows = {r.order_id: r for r in page(db, ListQuery(View.BUYER_REQUESTED), as_of=NOW)}
    assert rows[ORDER].asked_by_message
