"""The states × actions table of DESIGN.md §3, pair by pair, and the rules under random use."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.carriers import resolve_carrier
from app.db import open_database
from app.errors import BadInput, RuleRefused
from app.models import Cancellation, Event, Order, OrderItem, OrderStatus, Shipment
from app.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_order,
    verify_payment,
)
from app.reasons import BUYER_CANCELED, CANCELLATION_REASONS
from app.rules import Action, decide, status_from_items
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

P, U, PS, S, C = (
    OrderStatus.PENDING,
    OrderStatus.UNSHIPPED,
    OrderStatus.PARTIALLY_SHIPPED,
    OrderStatus.SHIPPED,
    OrderStatus.CANCELED,
)

# DESIGN.md §3: the statuses in which each action is allowed; refused everywhere else.
ALLOWED_IN: dict[Action, set[OrderStatus]] = {
    Action.VERIFY_PAYMENT: {P},
    Action.CONFIRM_SHIPMENT: {U, PS},
    Action.CANCEL_ORDER: {U, PS},
    Action.CANCEL_ITEMS: {U, PS},
    Action.REFUND: {PS, S},  # shipped items only
    Action.RETURN_REQUESTED: {U, PS, S},
    Action.RETURN_RECEIVED: {U, PS, S},  # cancel if not confirmed, refund if shipped
    Action.SHOW_BUYER: {U, PS, S, C},  # hidden while pending (S9)
    Action.EDIT_ADDRESS: set(),  # never (S15)
}


def test_the_table_covers_every_action():
    assert set(ALLOWED_IN) == set(Action)


def items_for(status: OrderStatus) -> list[ItemSpec]:
    """Two items whose quantities agree with the status."""
    first = ItemSpec(sku="MUG-CERAM-01", order_item_id="11111111111111", quantity=2)
    second = ItemSpec(sku="TOTE-LIN-NAT", order_item_id="22222222222222", quantity=1)
    if status is PS:
        first.quantity_shipped = 1
    elif status is S:
        first.quantity_shipped, second.quantity_shipped = 2, 1
    elif status is C:
        first.quantity_cancelled, second.quantity_cancelled = 2, 1
    return [first, second]


_ids = itertools.count(1_000_000)


def make_order(db, status: OrderStatus) -> str:
    """A new order in ``status``; each gets its own id so tests can share one database."""
    order_id = f"405-{next(_ids):07d}-1234567"
    return add_order(db, OrderSpec(order_id=order_id, status=status, items=items_for(status)))


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    """One database for the many small table tests (each works on its own order)."""
    database = open_database(str(tmp_path_factory.mktemp("rules") / "shop.sqlite"))
    yield database
    database.dispose()


@dataclass(frozen=True)
class State:
    """Everything an action could change, read fresh from the database."""

    status: OrderStatus
    version: int
    payment_date: Any
    buyer_requested_cancel: bool
    items: tuple[tuple[str, int, int, int], ...]
    shipments: int
    cancellations: int
    events: int


def state_of(db, order_id: str) -> State:
    with db.reading() as session:
        order = session.scalars(select(Order).where(Order.order_id == order_id)).one()

        def count(model: Any) -> int:
            return session.scalar(select(func.count()).where(model.order_pk == order.id)) or 0

        return State(
            order.status,
            order.version,
            order.payment_date,
            order.buyer_requested_cancel,
            tuple(
                (i.ref, i.quantity, i.quantity_shipped, i.quantity_cancelled) for i in order.items
            ),
            count(Shipment),
            count(Cancellation),
            count(Event),
        )


def do(db, action: Action, order_id: str) -> None:
    """The real action function behind each row of the table that has one in the core."""
    match action:
        case Action.VERIFY_PAYMENT:
            verify_payment(db, order_id)
        case Action.CONFIRM_SHIPMENT:
            confirm_shipment(db, order_id, ShipmentRequest(carrier=resolve_carrier("UPS")))
        case Action.CANCEL_ORDER:
            cancel(db, order_id, "NoInventory")
        case Action.CANCEL_ITEMS:
            cancel(db, order_id, "NoInventory", items=[ItemQuantity("22222222222222", 1)])
        case _:
            raise AssertionError(f"no core action function for {action}")


ACTIONS_WITH_FUNCTIONS = [
    Action.VERIFY_PAYMENT,
    Action.CONFIRM_SHIPMENT,
    Action.CANCEL_ORDER,
    Action.CANCEL_ITEMS,
]
PAIRS = list(itertools.product(list(OrderStatus), list(Action)))


def order_in_memory(status: OrderStatus) -> Order:
    order = Order(order_id="405-1234567-1234567", status=status, buyer_requested_cancel=False)
    for spec in items_for(status):
        order.items.append(
            OrderItem(
                order_item_id=spec.order_item_id,
                sku=spec.sku,
                quantity=spec.quantity,
                quantity_shipped=spec.quantity_shipped,
                quantity_cancelled=spec.quantity_cancelled,
            )
        )
    return order


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_decide_follows_the_table_and_says_why_not(status, action):
    decision = decide(order_in_memory(status), action)
    assert decision.allowed is (status in ALLOWED_IN[action])
    assert bool(decision) is decision.allowed
    if decision.allowed:
        assert decision.reason is None
    else:
        assert decision.reason is not None
        sentence = decision.reason.english()
        assert len(sentence) > 15 and "{" not in sentence
        assert decision.reason.context == "Rules"


REFUSED = [
    (status, action)
    for status, action in itertools.product(list(OrderStatus), ACTIONS_WITH_FUNCTIONS)
    if status not in ALLOWED_IN[action]
]


@pytest.mark.parametrize(("status", "action"), REFUSED, ids=[f"{s}-{a}" for s, a in REFUSED])
def test_a_refused_action_says_the_rule_and_changes_nothing(shared_db, status, action):
    db = shared_db
    order_id = make_order(db, status)
    before = state_of(db, order_id)
    with db.reading() as session:
        expected = decide(find_order(session, order_id), action).reason
    with pytest.raises(RuleRefused) as refused:
        do(db, action, order_id)
    assert refused.value.message == expected
    assert refused.value.exit_status == 1
    assert state_of(db, order_id) == before


ALLOWED = [
    (status, action)
    for status, action in itertools.product(list(OrderStatus), ACTIONS_WITH_FUNCTIONS)
    if status in ALLOWED_IN[action]
]


@pytest.mark.parametrize(("status", "action"), ALLOWED, ids=[f"{s}-{a}" for s, a in ALLOWED])
def test_an_allowed_action_changes_the_order_and_logs_one_event(shared_db, status, action):
    db = shared_db
    order_id = make_order(db, status)
    before = state_of(db, order_id)
    do(db, action, order_id)
    after = state_of(db, order_id)
    assert after.events == before.events + 1
    assert after.version > before.version
    assert after != before


def test_the_ship_and_cancel_refusals_explain_the_pending_rule(db):
    order_id = make_order(db, P)
    with db.reading() as session:
        order = find_order(session, order_id)
        assert "verifying" in decide(order, Action.CONFIRM_SHIPMENT).reason.english()
        assert "pending" in decide(order, Action.CANCEL_ORDER).reason.english()
        assert "Hidden" in decide(order, Action.SHOW_BUYER).reason.english()


# --- random sequences of actions --------------------------------------------------------

REASONS = sorted(CANCELLATION_REASONS)


@dataclass(frozen=True)
class Step:
    kind: str  # verify | ship | cancel-items | cancel
    picks: tuple[tuple[int, int | None], ...] = ()  # (item index, quantity or all)
    reason: str = "NoInventory"


def step_strategy(item_count: int) -> st.SearchStrategy[Step]:
    picks = st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=item_count - 1),
            st.one_of(st.none(), st.integers(min_value=1, max_value=4)),
        ),
        min_size=0,
        max_size=3,
    ).map(tuple)
    reasons = st.one_of(st.just(BUYER_CANCELED), st.sampled_from(REASONS))
    return st.one_of(
        st.just(Step("verify")),
        st.builds(Step, st.just("ship"), picks),
        st.builds(Step, st.just("cancel-items"), picks.filter(bool), reasons),
        st.builds(Step, st.just("cancel"), st.just(()), reasons),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[OrderSpec, list[Step]]:
    count = draw(st.integers(min_value=1, max_value=3))
    items = [
        ItemSpec(
            sku=f"SKU-{index}",
            order_item_id=f"{index + 1:014d}",
            quantity=draw(st.integers(min_value=1, max_value=4)),
        )
        for index in range(count)
    ]
    spec = OrderSpec(
        status=draw(st.sampled_from([P, U])),
        buyer_requested_cancel=draw(st.booleans()),
        items=items,
    )
    steps = draw(st.lists(step_strategy(count), min_size=1, max_size=8))
    return spec, steps


def run_step(db, order_id: str, spec: OrderSpec, step: Step) -> None:
    items = [
        ItemQuantity(spec.items[index].order_item_id or "", quantity)
        for index, quantity in step.picks
    ]
    match step.kind:
        case "verify":
            verify_payment(db, order_id, at=NOW)
        case "ship":
            request = ShipmentRequest(carrier=resolve_carrier("Colissimo"), items=items or None)
            confirm_shipment(db, order_id, request, at=NOW)
        case "cancel-items":
            cancel(db, order_id, step.reason, items=items, at=NOW)
        case "cancel":
            cancel(db, order_id, step.reason, at=NOW)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenarios())
def test_random_actions_keep_the_invariants(shared_db, scenario):
    db = shared_db
    spec, steps = scenario
    spec.order_id = f"405-{next(_ids):07d}-7654321"
    order_id = add_order(db, spec)
    ever_shipped = False
    for step in steps:
        before = state_of(db, order_id)
        try:
            run_step(db, order_id, spec, step)
        except (RuleRefused, BadInput):
            assert state_of(db, order_id) == before, f"refused {step} changed the order"
            continue
        after = state_of(db, order_id)
        assert after.events == before.events + 1, "every action logs exactly one event"
        with db.reading() as session:
            order = find_order(session, order_id)
            for item in order.items:
                assert 0 <= item.quantity_shipped + item.quantity_cancelled <= item.quantity
            if order.status is not P:
                assert order.status is status_from_items(order.status, order.items)
            ever_shipped = ever_shipped or any(item.quantity_shipped for item in order.items)
            if ever_shipped:
                assert order.status in (PS, S)
            for cancellation in order.cancellations:
                official = cancellation.reason == BUYER_CANCELED and spec.buyer_requested_cancel
                assert cancellation.counts_in_rate is (not official)


def test_a_verified_order_never_goes_back_to_pending(db):
    """Once verified, no action returns an order to Pending, even a refused verify."""
    order_id = make_order(db, U)
    with pytest.raises(RuleRefused):
        verify_payment(db, order_id)
    with db.reading() as session:
        assert session.scalar(select(Order.status).where(Order.order_id == order_id)) is U
