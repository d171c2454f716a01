"""The states × actions table of DESIGN.md §3, pair by pair, and the rules under random use."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import RuleRefused
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_order,
    verify_payment,
)
from app.order_actions.reasons import BUYER_CANCELED, CANCELLATION_REASONS
from app.order_actions.rules import Action, Rule, buyer_disclosed, decide, decisions
from app.storage.db import open_database
from app.storage.models import (
    Cancellation,
    Event,
    FulfilledBy,
    Order,
    OrderItem,
    OrderStatus,
    Shipment,
)
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

P, U, PS, S, C = (
    OrderStatus.PENDING,
    OrderStatus.UNSHIPPED,
    OrderStatus.PARTIALLY_SHIPPED,
    OrderStatus.SHIPPED,
    OrderStatus.CANCELED,
)

# DESIGN.md §3, written out: for each action, the rule that refuses it in each status
# (None: allowed).
R = Rule
TABLE: dict[Action, dict[OrderStatus, Rule | None]] = {
    Action.VERIFY_PAYMENT: {
        P: None, U: R.ALREADY_VERIFIED, PS: R.ALREADY_VERIFIED, S: R.ALREADY_VERIFIED,
        C: R.CANCELED,
    },
    Action.CONFIRM_SHIPMENT: {
        P: R.PENDING_NO_SHIP, U: None, PS: None, S: R.ALL_SHIPPED, C: R.CANCELED,
    },
    Action.CANCEL_ORDER: {
        P: R.PENDING_NO_CANCEL, U: None, PS: None, S: R.SHIPPED_NO_CANCEL, C: R.CANCELED,
    },
    Action.CANCEL_ITEMS: {
        P: R.PENDING_NO_CANCEL, U: None, PS: None, S: R.SHIPPED_NO_CANCEL, C: R.CANCELED,
    },
    # shipped items only
    Action.REFUND: {
        P: R.PENDING_NOT_CHARGED, U: R.NOTHING_SHIPPED, PS: None, S: None, C: R.CANCELED,
    },
    Action.RETURN_REQUESTED: {P: R.PENDING_NO_SHIP, U: None, PS: None, S: None, C: R.CANCELED},
    # cancel if shipment was not confirmed, refund if it was
    Action.RETURN_RECEIVED: {P: R.PENDING_NO_SHIP, U: None, PS: None, S: None, C: R.CANCELED},
    Action.SHOW_BUYER: {P: R.PENDING_HIDDEN, U: None, PS: None, S: None, C: None},  # S9
    Action.EDIT_ADDRESS: dict.fromkeys(OrderStatus, R.NEVER_EDIT_ADDRESS),  # S15
    # S5: noted while cancelling is still the seller's to do (S9: pending asks Amazon)
    Action.RECORD_ASKED_BY_MESSAGE: {
        P: R.PENDING_ASK_SERVICE, U: None, PS: None, S: R.SHIPPED_NO_CANCEL, C: R.CANCELED,
    },
}  # fmt: skip
ALLOWED_IN: dict[Action, set[OrderStatus]] = {
    action: {status for status, rule in row.items() if rule is None}
    for action, row in TABLE.items()
}
# What each refusal says, in the seller's words (the English source of the message).
SAYS: dict[Rule, str] = {
    R.PENDING_NO_SHIP: (
        "Amazon is still verifying the buyer's payment. A pending order has no address yet "
        "and must not be shipped, even if the buyer writes to you."
    ),
    R.PENDING_NO_CANCEL: (
        "Cancel becomes available once Amazon has verified the payment; "
        "until then the order is pending."
    ),
    R.PENDING_HIDDEN: (
        "Hidden until payment is verified: Amazon gives no address or buyer contact "
        "for a pending order. Send a buyer who writes to Amazon customer service."
    ),
    R.PENDING_NOT_CHARGED: "Nothing has been charged yet: Amazon is still verifying the payment.",
    R.CANCELED: "This order is cancelled.",
    R.NEVER_EDIT_ADDRESS: (
        "Ship only to the address on the order. If it is wrong, ask the buyer to cancel and "
        "order again with the right address (or, once shipped, ask the carrier to return it)."
    ),
    R.ALREADY_VERIFIED: "The payment of this order is already verified.",
    R.ALL_SHIPPED: "Every item of this order is already shipped.",
    R.SHIPPED_NO_CANCEL: (
        "The order is shipped, so it can no longer be cancelled: refund the buyer "
        "instead (after the return if the buyer sends the parcel back)."
    ),
    R.NOTHING_SHIPPED: (
        "Nothing is shipment-confirmed yet, so nothing was charged: "
        "cancel the order or items instead of refunding."
    ),
    R.PENDING_ASK_SERVICE: (
        "Amazon is still verifying the payment: send a buyer who wants to cancel a "
        "pending order to Amazon customer service."
    ),
    R.ALREADY_REQUESTED: (
        "The buyer already requested cancellation officially: cancel with the reason "
        "Buyer Canceled and it will not count in your cancellation rate."
    ),
    R.ALREADY_ASKED: (
        "Already noted: the buyer asked to cancel by message. Reply with the message "
        "asking for the official request."
    ),
}


def test_the_table_covers_every_action_and_status():
    assert set(TABLE) == set(Action)
    assert all(set(row) == set(OrderStatus) for row in TABLE.values())
    assert set(SAYS) == set(Rule) - {R.MARKETPLACE_FULFILS}  # its words depend on the action


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
def test_decide_follows_the_table_and_says_which_rule_refused(status, action):
    decision = decide(order_in_memory(status), action)
    rule = TABLE[action][status]
    assert decision.rule is rule
    assert decision.allowed is (rule is None)
    assert bool(decision) is (rule is None)
    if rule is None:
        assert decision.reason is None
    else:
        assert decision.reason is not None
        assert decision.reason.english() == SAYS[rule]
        assert decision.reason.context == "Rules"


@pytest.mark.parametrize("status", list(OrderStatus))
def test_every_action_of_an_order_is_decided_at_once_by_the_table(status):
    """What the details pane and the action bar show: one decision per action."""
    decided = decisions(order_in_memory(status))
    assert {action: decision.rule for action, decision in decided.items()} == {
        action: TABLE[action][status] for action in Action
    }


# DESIGN.md §8 (updated): an order Amazon fulfils is read-only, whatever its status.
READ_ONLY = [Action.VERIFY_PAYMENT, Action.CONFIRM_SHIPMENT, Action.CANCEL_ORDER,
             Action.CANCEL_ITEMS, Action.REFUND, Action.RETURN_REQUESTED,
             Action.RETURN_RECEIVED, Action.RECORD_ASKED_BY_MESSAGE]  # fmt: skip


@pytest.mark.parametrize("action", READ_ONLY)
@pytest.mark.parametrize("status", [P, U, S])
def test_an_order_amazon_fulfils_is_refused_by_the_fulfilment_rule(status, action):
    order = order_in_memory(status)
    order.fulfilled_by = FulfilledBy.MARKETPLACE
    decision = decide(order, action)
    assert decision.rule is R.MARKETPLACE_FULFILS
    assert decision.reason is not None
    assert decision.reason.english().startswith("Fulfilled by Amazon: ")


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
    with pytest.raises(RuleRefused) as refused:
        do(db, action, order_id)
    rule = TABLE[action][status]
    assert refused.value.rule is rule
    assert refused.value.message.english() == SAYS[rule]
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


@dataclass
class Model:
    """What DESIGN.md §3 says an order's quantities and status become, kept apart from app/."""

    pending: bool
    buyer_requested: bool
    quantity: list[int]
    shipped: list[int]
    cancelled: list[int]

    def open(self, index: int) -> int:
        return self.quantity[index] - self.shipped[index] - self.cancelled[index]

    @property
    def status(self) -> OrderStatus:
        if self.pending:
            return P
        left = sum(self.open(i) for i in range(len(self.quantity)))
        if left:
            return PS if any(self.shipped) else U
        return S if any(self.shipped) else C

    def refusal(self, kind: str) -> Rule | None:
        """The rule that refuses this kind of step in the current state, if any."""
        status = self.status
        if kind == "verify":
            return None if status is P else R.CANCELED if status is C else R.ALREADY_VERIFIED
        if status is C:
            return R.CANCELED
        if kind == "ship":
            return R.PENDING_NO_SHIP if status is P else R.ALL_SHIPPED if status is S else None
        return R.PENDING_NO_CANCEL if status is P else R.SHIPPED_NO_CANCEL if status is S else None

    def units(self, picks: tuple[tuple[int, int | None], ...]) -> dict[int, int] | None:
        """Units per item a step takes; None when it asks for more than is open."""
        if not picks:
            return {i: self.open(i) for i in range(len(self.quantity)) if self.open(i)}
        chosen: dict[int, int] = {}
        for index, quantity in picks:
            wanted = self.open(index) if quantity is None else quantity
            if wanted == 0 or chosen.get(index, 0) + wanted > self.open(index):
                return None
            chosen[index] = chosen.get(index, 0) + wanted
        return chosen


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenarios())
def test_random_actions_follow_an_independent_model_of_the_rules(shared_db, scenario):
    db = shared_db
    spec, steps = scenario
    spec.order_id = f"405-{next(_ids):07d}-7654321"
    order_id = add_order(db, spec)
    model = Model(
        pending=spec.status is P,
        buyer_requested=spec.buyer_requested_cancel,
        quantity=[item.quantity for item in spec.items],
        shipped=[0] * len(spec.items),
        cancelled=[0] * len(spec.items),
    )
    counted: list[bool] = []
    for step in steps:
        before = state_of(db, order_id)
        rule = model.refusal(step.kind)
        units = model.units(step.picks) if rule is None and step.kind != "verify" else {}
        if rule is not None or units is None:
            with pytest.raises(RuleRefused) as refused:
                run_step(db, order_id, spec, step)
            assert refused.value.rule is rule  # None: too many units asked
            assert state_of(db, order_id) == before, f"refused {step} changed the order"
            continue
        run_step(db, order_id, spec, step)
        event(f"accepted {step.kind}")
        if step.kind == "verify":
            model.pending = False
        else:
            taken = model.shipped if step.kind == "ship" else model.cancelled
            for index, quantity in units.items():
                taken[index] += quantity
        if step.kind.startswith("cancel"):
            counted.append(not (step.reason == BUYER_CANCELED and model.buyer_requested))
        after = state_of(db, order_id)
        assert after.events == before.events + 1, "every action logs exactly one event"
        assert after.status is model.status
        assert [(shipped, cancelled) for _, _, shipped, cancelled in after.items] == list(
            zip(model.shipped, model.cancelled, strict=True)
        )
        with db.reading() as session:
            order = find_order(session, order_id)
            assert [c.counts_in_rate for c in order.cancellations] == counted


def test_a_scripted_sequence_is_accepted_step_by_step(db):
    """Verify, ship part, cancel a unit, ship the rest: each step accepted, statuses by hand."""
    spec = OrderSpec(
        status=P,
        items=[
            ItemSpec(sku="SKU-0", order_item_id="00000000000001", quantity=3),
            ItemSpec(sku="SKU-1", order_item_id="00000000000002", quantity=1),
        ],
    )
    order_id = add_order(db, spec)
    expected = [
        (Step("verify"), U, [(0, 0), (0, 0)]),
        (Step("ship", ((0, 1),)), PS, [(1, 0), (0, 0)]),
        (Step("cancel-items", ((0, 1),), BUYER_CANCELED), PS, [(1, 1), (0, 0)]),
        (Step("ship"), S, [(2, 1), (1, 0)]),
    ]
    for step, status, quantities in expected:
        run_step(db, order_id, spec, step)
        state = state_of(db, order_id)
        assert state.status is status
        assert [(shipped, cancelled) for _, _, shipped, cancelled in state.items] == quantities
    with pytest.raises(RuleRefused) as refused:
        run_step(db, order_id, spec, Step("cancel"))
    assert refused.value.rule is R.SHIPPED_NO_CANCEL


def test_a_verified_order_never_goes_back_to_pending(db):
    """Once verified, no action returns an order to Pending, even a refused verify."""
    order_id = make_order(db, U)
    with pytest.raises(RuleRefused):
        verify_payment(db, order_id)
    with db.reading() as session:
        assert session.scalar(select(Order.status).where(Order.order_id == order_id)) is U


def test_the_buyer_exists_for_sellerdesk_once_the_payment_is_verified():
    # S9: name, contact and address only after Pending, whatever the order became since.
    hidden = [status for status in OrderStatus if not buyer_disclosed(status)]
    assert hidden == [OrderStatus.PENDING]


# --- S5: noting that the buyer asked to cancel by message --------------------------------


def order_with(status: OrderStatus, *quantities: tuple[int, int, int], **flags: bool) -> Order:
    """An order in ``status`` whose items are (ordered, shipped, cancelled), as written."""
    order = Order(order_id="405-7654321-7654321", status=status, buyer_requested_cancel=False)
    order.asked_to_cancel_by_message = False
    for field, value in flags.items():
        setattr(order, field, value)
    for n, (quantity, shipped, cancelled) in enumerate(quantities, start=1):
        order.items.append(
            OrderItem(
                order_item_id=f"{n:014d}",
                sku=f"SKU-{n}",
                quantity=quantity,
                quantity_shipped=shipped,
                quantity_cancelled=cancelled,
            )
        )
    return order


ASKED_BY_MESSAGE_CASES = [
    # one unit still to ship, the last one: the buyer may still be answered (S5)
    ("one-open-unit", order_with(U, (1, 0, 0)), None),
    ("one-open-unit-left-after-a-shipment", order_with(PS, (2, 1, 0)), None),
    # the official request is there: nothing to note, cancel as Buyer Canceled (S4)
    (
        "official-request",
        order_with(U, (2, 0, 0), buyer_requested_cancel=True),
        R.ALREADY_REQUESTED,
    ),
    (
        "official-request-after-a-note",
        order_with(U, (2, 0, 0), buyer_requested_cancel=True, asked_to_cancel_by_message=True),
        R.ALREADY_REQUESTED,
    ),
    ("noted-already", order_with(PS, (2, 1, 0), asked_to_cancel_by_message=True), R.ALREADY_ASKED),
    # a pending order's buyer goes to Amazon, whatever was asked (S9)
    ("pending", order_with(P, (1, 0, 0), buyer_requested_cancel=True), R.PENDING_ASK_SERVICE),
    ("shipped", order_with(S, (1, 1, 0), asked_to_cancel_by_message=True), R.SHIPPED_NO_CANCEL),
    # nothing left to ship although the status still says otherwise: nothing to cancel
    ("nothing-open", order_with(U, (2, 1, 1)), R.SHIPPED_NO_CANCEL),
    ("cancelled", order_with(C, (1, 0, 1)), R.CANCELED),
]


@pytest.mark.parametrize(
    ("order", "rule"),
    [case[1:] for case in ASKED_BY_MESSAGE_CASES],
    ids=[case[0] for case in ASKED_BY_MESSAGE_CASES],
)
def test_a_request_by_message_is_noted_only_while_the_seller_could_cancel(order, rule):
    decision = decide(order, Action.RECORD_ASKED_BY_MESSAGE)
    assert decision.rule is rule
    assert decision.allowed is (rule is None)
    if rule is None:
        assert decision.reason is None
    else:
        assert decision.reason is not None
        assert decision.reason.english() == SAYS[rule]
        assert decision.reason.context == "Rules"


def test_a_request_by_message_on_an_order_amazon_fulfils_is_amazons_to_answer():
    order = order_with(U, (1, 0, 0), buyer_requested_cancel=True)
    order.fulfilled_by = FulfilledBy.MARKETPLACE
    decision = decide(order, Action.RECORD_ASKED_BY_MESSAGE)
    assert decision.rule is R.MARKETPLACE_FULFILS
    assert decision.reason is not None
    assert decision.reason.english() == (
        "Fulfilled by Amazon: only Amazon can cancel this order. "
        "Send a buyer who wants to cancel to Amazon customer service."
    )
