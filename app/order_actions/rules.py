"""What may be done to an order, and why not: the states × actions table.

This is the one place that answers "may this action be done to this order?"
(DESIGN.md §3). The command line and the window both ask :func:`decide`; a
refused action carries the reason in the seller's words and changes nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement

from app.order_actions.reasons import BUYER_CANCELED
from app.storage.order_table import FulfilledBy, Initiator, OrderStatus, orders
from app.text import QT_TRANSLATE_NOOP, Text, text

if TYPE_CHECKING:  # the ORM stays off the paths that only read (app.storage.order_table)
    from app.storage.models import Order, OrderItem

CTX = "Rules"


class Action(enum.StrEnum):
    VERIFY_PAYMENT = "verify-payment"
    CONFIRM_SHIPMENT = "confirm-shipment"
    CANCEL_ORDER = "cancel-order"
    CANCEL_ITEMS = "cancel-items"
    REFUND = "refund"
    RETURN_REQUESTED = "return-requested"
    RETURN_RECEIVED = "return-received"
    SHOW_BUYER = "show-buyer"
    EDIT_ADDRESS = "edit-address"
    RECORD_ASKED_BY_MESSAGE = "record-asked-by-message"  # S5: the buyer wrote to cancel


class Rule(enum.StrEnum):
    """Which rule refused an action: a stable code, whatever the wording or language."""

    PENDING_NO_SHIP = "pending-no-ship"  # S9
    PENDING_NO_CANCEL = "pending-no-cancel"  # S10
    PENDING_HIDDEN = "pending-hidden"  # S9
    PENDING_NOT_CHARGED = "pending-not-charged"
    CANCELED = "canceled"
    NEVER_EDIT_ADDRESS = "never-edit-address"  # S15
    ALREADY_VERIFIED = "already-verified"
    ALL_SHIPPED = "all-shipped"
    SHIPPED_NO_CANCEL = "shipped-no-cancel"
    NOTHING_SHIPPED = "nothing-shipped"
    MARKETPLACE_FULFILS = "marketplace-fulfils"  # DESIGN.md §8: Amazon-fulfilled, read-only
    PENDING_ASK_SERVICE = "pending-ask-service"  # S9: a pending order's buyer asks Amazon
    ALREADY_REQUESTED = "already-requested"  # S4: the official request is there already
    ALREADY_ASKED = "already-asked"  # S5: the request by message is noted already


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: Text | None = None
    rule: Rule | None = None  # which rule refused, None when allowed

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)


def _no(rule: Rule, source: str, **args: object) -> Decision:
    return Decision(False, text(CTX, source, **args), rule)


PENDING_NO_SHIP = QT_TRANSLATE_NOOP(
    "Rules",
    "Amazon is still verifying the buyer's payment. A pending order has no address yet "
    "and must not be shipped, even if the buyer writes to you.",
)
PENDING_NO_CANCEL = QT_TRANSLATE_NOOP(
    "Rules",
    "Cancel becomes available once Amazon has verified the payment; "
    "until then the order is pending.",
)
PENDING_HIDDEN = QT_TRANSLATE_NOOP(
    "Rules",
    "Hidden until payment is verified: Amazon gives no address or buyer contact "
    "for a pending order. Send a buyer who writes to Amazon customer service.",
)
SHIPPED_NO_CANCEL = QT_TRANSLATE_NOOP(
    "Rules",
    "The order is shipped, so it can no longer be cancelled: refund the buyer "
    "instead (after the return if the buyer sends the parcel back).",
)
CANCELED_NOTHING = QT_TRANSLATE_NOOP("Rules", "This order is cancelled.")
NEVER_EDIT_ADDRESS = QT_TRANSLATE_NOOP(
    "Rules",
    "Ship only to the address on the order. If it is wrong, ask the buyer to cancel and "
    "order again with the right address (or, once shipped, ask the carrier to return it).",
)


# What the marketplace does itself for an order it fulfils (FBA), said per action.
MARKETPLACE_FULFILS: dict[Action, str] = {
    Action.VERIFY_PAYMENT: QT_TRANSLATE_NOOP(
        "Rules", "Fulfilled by Amazon: Amazon verifies the payment and ships this order itself."
    ),
    Action.CONFIRM_SHIPMENT: QT_TRANSLATE_NOOP(
        "Rules",
        "Fulfilled by Amazon: Amazon ships this order from its own warehouse; "
        "there is nothing for you to ship or confirm.",
    ),
    Action.CANCEL_ORDER: QT_TRANSLATE_NOOP(
        "Rules",
        "Fulfilled by Amazon: only Amazon can cancel this order. "
        "Send a buyer who wants to cancel to Amazon customer service.",
    ),
    Action.CANCEL_ITEMS: QT_TRANSLATE_NOOP(
        "Rules",
        "Fulfilled by Amazon: only Amazon can cancel items of this order. "
        "Send a buyer who wants to cancel to Amazon customer service.",
    ),
    Action.REFUND: QT_TRANSLATE_NOOP(
        "Rules",
        "Fulfilled by Amazon: Amazon refunds this order itself; "
        "a refund from SellerDesk would not reach the buyer.",
    ),
    Action.RETURN_REQUESTED: QT_TRANSLATE_NOOP(
        "Rules",
        "Fulfilled by Amazon: returns of this order go back to Amazon's warehouse, "
        "and Amazon handles them.",
    ),
    Action.RETURN_RECEIVED: QT_TRANSLATE_NOOP(
        "Rules",
        "Fulfilled by Amazon: returns of this order go back to Amazon's warehouse, "
        "and Amazon handles them.",
    ),
}
# A buyer asking to cancel it by message is Amazon's to answer, as cancelling it is.
MARKETPLACE_FULFILS[Action.RECORD_ASKED_BY_MESSAGE] = MARKETPLACE_FULFILS[Action.CANCEL_ORDER]


def fulfilled_by_marketplace(order: Order) -> bool:
    """Whether the marketplace ships this order (FBA): then it is not the seller's work."""
    return order.fulfilled_by is FulfilledBy.MARKETPLACE


def seller_fulfilled() -> ColumnElement[bool]:
    """SQL: orders the seller ships. Work lists, upload files and the rate take only these."""
    return orders.c.fulfilled_by == FulfilledBy.SELLER


def open_quantity(items: Iterable[OrderItem]) -> int:
    return sum(item.quantity_open for item in items)


def shipped_quantity(items: Iterable[OrderItem]) -> int:
    return sum(item.quantity_shipped for item in items)


def status_from_items(current: OrderStatus, items: list[OrderItem]) -> OrderStatus:
    """The status the items' quantities imply, once payment is verified."""
    if current is OrderStatus.PENDING or not items:
        return current
    remaining = open_quantity(items)
    shipped = shipped_quantity(items)
    if remaining == 0:
        return OrderStatus.SHIPPED if shipped else OrderStatus.CANCELED
    return OrderStatus.PARTIALLY_SHIPPED if shipped else OrderStatus.UNSHIPPED


def buyer_disclosed(status: OrderStatus) -> bool:
    """S9: the buyer's name, contact and address exist for SellerDesk only once the
    payment is verified: never stored, shown, searched or written into a message while
    the order is Pending."""
    return status is not OrderStatus.PENDING


def decide(order: Order, action: Action) -> Decision:
    """May ``action`` be done to ``order`` now? If not, why, in the seller's words."""
    status = order.status
    if action is Action.EDIT_ADDRESS:
        return _no(Rule.NEVER_EDIT_ADDRESS, NEVER_EDIT_ADDRESS)
    if action is Action.SHOW_BUYER:
        if not buyer_disclosed(status):
            return _no(Rule.PENDING_HIDDEN, PENDING_HIDDEN)
        return ALLOWED
    if action in MARKETPLACE_FULFILS and fulfilled_by_marketplace(order):
        return _no(Rule.MARKETPLACE_FULFILS, MARKETPLACE_FULFILS[action])
    if status is OrderStatus.CANCELED and action is not Action.VERIFY_PAYMENT:
        return _no(Rule.CANCELED, CANCELED_NOTHING)

    if action is Action.VERIFY_PAYMENT:
        if status is OrderStatus.PENDING:
            return ALLOWED
        if status is OrderStatus.CANCELED:
            return _no(Rule.CANCELED, CANCELED_NOTHING)
        return _no(
            Rule.ALREADY_VERIFIED,
            QT_TRANSLATE_NOOP("Rules", "The payment of this order is already verified."),
        )

    if action is Action.CONFIRM_SHIPMENT:
        if status is OrderStatus.PENDING:
            return _no(Rule.PENDING_NO_SHIP, PENDING_NO_SHIP)
        if status is OrderStatus.SHIPPED or open_quantity(order.items) == 0:
            return _no(
                Rule.ALL_SHIPPED,
                QT_TRANSLATE_NOOP("Rules", "Every item of this order is already shipped."),
            )
        return ALLOWED

    if action in (Action.CANCEL_ORDER, Action.CANCEL_ITEMS):
        if status is OrderStatus.PENDING:
            return _no(Rule.PENDING_NO_CANCEL, PENDING_NO_CANCEL)
        if status is OrderStatus.SHIPPED or open_quantity(order.items) == 0:
            return _no(Rule.SHIPPED_NO_CANCEL, SHIPPED_NO_CANCEL)
        return ALLOWED

    if action is Action.REFUND:
        if status is OrderStatus.PENDING:
            return _no(
                Rule.PENDING_NOT_CHARGED,
                QT_TRANSLATE_NOOP(
                    "Rules", "Nothing has been charged yet: Amazon is still verifying the payment."
                ),
            )
        if shipped_quantity(order.items) == 0:
            return _no(
                Rule.NOTHING_SHIPPED,
                QT_TRANSLATE_NOOP(
                    "Rules",
                    "Nothing is shipment-confirmed yet, so nothing was charged: "
                    "cancel the order or items instead of refunding.",
                ),
            )
        return ALLOWED

    if action is Action.RECORD_ASKED_BY_MESSAGE:
        return _asked_by_message(order)

    if action is Action.RETURN_REQUESTED:
        if status is OrderStatus.PENDING:
            return _no(Rule.PENDING_NO_SHIP, PENDING_NO_SHIP)
        return ALLOWED

    if action is Action.RETURN_RECEIVED:
        if status is OrderStatus.PENDING:
            return _no(Rule.PENDING_NO_SHIP, PENDING_NO_SHIP)
        return ALLOWED

    raise AssertionError(f"unhandled action {action}")  # pragma: no cover


def _asked_by_message(order: Order) -> Decision:
    """S5: a request to cancel by message is worth noting while cancelling is still the
    seller's to do and the official request (S4) is not there yet."""
    if order.status is OrderStatus.PENDING:
        return _no(
            Rule.PENDING_ASK_SERVICE,
            QT_TRANSLATE_NOOP(
                "Rules",
                "Amazon is still verifying the payment: send a buyer who wants to cancel a "
                "pending order to Amazon customer service.",
            ),
        )
    if order.status is OrderStatus.SHIPPED or open_quantity(order.items) == 0:
        return _no(Rule.SHIPPED_NO_CANCEL, SHIPPED_NO_CANCEL)
    if order.buyer_requested_cancel:
        return _no(
            Rule.ALREADY_REQUESTED,
            QT_TRANSLATE_NOOP(
                "Rules",
                "The buyer already requested cancellation officially: cancel with the reason "
                "Buyer Canceled and it will not count in your cancellation rate.",
            ),
        )
    if order.asked_to_cancel_by_message:
        return _no(
            Rule.ALREADY_ASKED,
            QT_TRANSLATE_NOOP(
                "Rules",
                "Already noted: the buyer asked to cancel by message. Reply with the message "
                "asking for the official request.",
            ),
        )
    return ALLOWED


def decisions(order: Order) -> dict[Action, Decision]:
    return {action: decide(order, action) for action in Action}


@dataclass(frozen=True)
class Counting:
    """Whether a cancellation with a given reason counts in the cancellation rate."""

    counts: bool
    initiator: Initiator
    why: Text
    warn_s5: bool  # Buyer Canceled chosen without the official request


def cancellation_counting(order: Order, reason: str) -> Counting:
    """S4/S5: only Buyer Canceled on an official buyer request is left out of the rate."""
    case = (reason == BUYER_CANCELED, bool(order.buyer_requested_cancel))
    found = _COUNTINGS.get(case)
    if found is None:
        found = _COUNTINGS[case] = _counting(*case)
    return found


# Each answer made once (its sentence too): a bulk cancel asks thousands of times.
_COUNTINGS: dict[tuple[bool, bool], Counting] = {}


def _counting(buyer_canceled: bool, officially_requested: bool) -> Counting:
    if buyer_canceled and officially_requested:
        return Counting(
            False,
            Initiator.BUYER_REQUEST,
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Rules",
                    "Does not count in your cancellation rate: the buyer requested it officially.",
                ),
            ),
            False,
        )
    if buyer_canceled:
        return Counting(
            True,
            Initiator.BUYER_MESSAGE,
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Rules",
                    "Counts in your cancellation rate: the buyer did not use Request "
                    "cancellation. Ask the buyer to request it from Your Account > Your Orders "
                    "> Request cancellation, and it will not count.",
                ),
            ),
            True,
        )
    return Counting(
        True,
        Initiator.SELLER,
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Rules", "Counts in your cancellation rate: you cancel it as the seller."
            ),
        ),
        False,
    )
