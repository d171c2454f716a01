"""A rule asked in several places answers the same everywhere, because it is one function."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.account_health.health import (
    AUTO_CANCEL_DAYS,
    close_to_auto_cancel,
    days_before_auto_cancel,
)
from app.errors import BadInput
from app.order_actions.messages import values_for
from app.order_actions.orders import find_item, find_order
from app.order_actions.refunds import load_refund_context
from app.order_actions.rules import Action, buyer_disclosed, decide
from app.order_views.order_list import DeadlineKind, deadline
from app.order_views.search_text import order_search_text
from app.order_views.views import address_json, buyer_json
from app.storage.models import Order, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"


@pytest.mark.parametrize("status", list(OrderStatus))
def test_the_buyer_is_disclosed_everywhere_or_nowhere(status, db):
    """S9: the window, the JSON, the search and the messages agree on every status."""
    order = Order(
        order_id=ORDER,
        status=status,
        buyer_name="Camille Lemaître",
        buyer_email="camille@example.com",
        ship_city="Lyon",
        purchase_date=NOW,
    )
    disclosed = buyer_disclosed(status)
    assert disclosed is (status is not OrderStatus.PENDING)
    assert decide(order, Action.SHOW_BUYER).allowed is disclosed
    assert (buyer_json(order) is not None) is disclosed
    assert (address_json(order) is not None) is disclosed
    assert ("lemaitre" in order_search_text(status, order.buyer_name, "", "")) is disclosed
    with db.reading() as session:
        assert ("Camille" in values_for(session, order, "fr")["greeting"]) is disclosed


@pytest.fixture
def two_mugs(db):
    add_order(
        db,
        OrderSpec(
            order_id=ORDER,
            status=OrderStatus.SHIPPED,
            items=[
                ItemSpec(order_item_id="11111111111111", quantity_shipped=1),
                ItemSpec(order_item_id="22222222222222", quantity_shipped=1),
                ItemSpec(sku="TOTE-LIN-NAT", order_item_id=None, quantity_shipped=1),
            ],
        ),
    )
    return db


@pytest.mark.parametrize(
    ("ref", "found"),
    [
        ("22222222222222", "22222222222222"),
        (" 11111111111111 ", "11111111111111"),
        ("TOTE-LIN-NAT", "TOTE-LIN-NAT"),
    ],
)
def test_an_item_is_found_the_same_by_an_action_and_by_a_refund(two_mugs, ref, found):
    context = load_refund_context(two_mugs, ORDER)
    with two_mugs.reading() as session:
        assert find_item(find_order(session, ORDER), ref).ref == found
    assert context.item(ref).ref == found


@pytest.mark.parametrize(
    ("ref", "said"),
    [
        ("MUG-CERAM-01", "has several items with SKU MUG-CERAM-01: name the order-item id."),
        ("NOPE", "has no item NOPE. Its items: 11111111111111, 22222222222222, TOTE-LIN-NAT."),
    ],
)
def test_an_item_is_refused_the_same_by_an_action_and_by_a_refund(two_mugs, ref, said):
    with two_mugs.reading() as session, pytest.raises(BadInput) as by_action:
        find_item(find_order(session, ORDER), ref)
    with pytest.raises(BadInput) as by_refund:
        load_refund_context(two_mugs, ORDER).item(ref)
    assert by_action.value.message == by_refund.value.message
    assert by_action.value.message.english() == f"Order {ORDER} {said}"


@given(st.integers(min_value=1, max_value=40))
def test_the_lists_countdown_is_the_health_reports_countdown(days_late):
    ship_by = NOW - timedelta(days=days_late, hours=1)
    shown = deadline(OrderStatus.UNSHIPPED, ship_by, NOW, None)
    assert shown.days_late == days_late
    assert shown.days_left == days_before_auto_cancel(days_late) == AUTO_CANCEL_DAYS - days_late
    at_risk = shown.kind is DeadlineKind.AT_RISK
    assert at_risk is close_to_auto_cancel(days_late)
    assert at_risk is (days_before_auto_cancel(days_late) <= 3)
