"""Which buyer message an order calls for first, and in which language (issue 12).

The window asks; the rule lives here. The template follows the order's state and
its story: a pending order's buyer goes to customer service (S9); a buyer who only
asked by message is asked for the official request (S5); a cancelled order's buyer
is told so (S2), or asked to order again when they wrote after it (S8); a parcel on
its way back is announced (S3, or S16 when the carrier brings it back); otherwise
an address problem is the reason to write (S15 before shipping, S16 after).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_

from app.storage.order_table import OrderStatus, ReturnStatus, orders

if TYPE_CHECKING:  # the ORM stays off the paths that only read (app.storage.order_table)
    from app.storage.models import Event, Order

BUYER_MESSAGE_EVENT = "buyer-message"  # the buyer wrote (buyer-seller messaging)
OPEN = (OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED)
# The marketplace's domain tells the buyer's language (Amazon.fr → French).
MARKETPLACE_LANGUAGES = ((".fr", "fr"), (".be", "fr"), (".co.uk", "en"), (".com", "en"))


@dataclass(frozen=True)
class Story:
    """What happened to an order, as far as choosing a message goes."""

    status: OrderStatus
    buyer_requested_cancel: bool = False  # the official request (S4)
    asked_by_message: bool = False  # the buyer wrote before any cancellation
    wrote_after_cancellation: bool = False
    return_on_its_way: bool = False
    carrier_return: bool = False  # the latest return is the carrier's (S16)


def story_of(order: Order, events: Iterable[Event]) -> Story:
    """The story of ``order`` (loaded with its cancellations and returns) and its events."""
    cancelled_at = [c.created_at for c in order.cancellations]
    first_cancel = min(cancelled_at) if cancelled_at else None
    after = any(
        event.kind == BUYER_MESSAGE_EVENT and first_cancel is not None and event.at >= first_cancel
        for event in events
    )
    latest = order.returns[-1] if order.returns else None
    return Story(
        status=order.status,
        buyer_requested_cancel=order.buyer_requested_cancel,
        asked_by_message=order.asked_to_cancel_by_message,
        wrote_after_cancellation=after,
        return_on_its_way=latest is not None and latest.status is ReturnStatus.REQUESTED,
        carrier_return=latest is not None and latest.carrier_return,
    )


def first_template(story: Story) -> str:
    """The template key the seller most likely needs for this order now."""
    if story.status is OrderStatus.PENDING:
        return "s9_contact_customer_service"
    if story.status is OrderStatus.CANCELED:
        return "s8_place_new_order" if story.wrote_after_cancellation else "s2_cancellation_notice"
    if story.carrier_return:
        return "s16_carrier_return"
    if story.return_on_its_way:
        return "s3_parcel_will_arrive"
    if story.asked_by_message and not story.buyer_requested_cancel and story.status in OPEN:
        return "s5_request_cancellation"
    if story.status in OPEN:
        return "s15_cancel_and_reorder"
    if story.asked_by_message or story.buyer_requested_cancel:
        return "s3_parcel_will_arrive"  # already sent: it will arrive, please send it back
    return "s16_carrier_return"


def asked_only_by_message(story: Story) -> bool:
    """A cancellation request by message only (S5): cancelling it would count."""
    return story.asked_by_message and not story.buyer_requested_cancel and story.status in OPEN


def note_buyer_message(order: Order, at: datetime) -> None:
    """The buyer wrote: before any cancellation, that is a request to cancel by message.

    Kept on the order (``asked_to_cancel_by_message``) so the order list can flag and
    filter it without reading every order's events.
    """
    if not any(cancellation.created_at <= at for cancellation in order.cancellations):
        order.asked_to_cancel_by_message = True


def order_asked_only_by_message(order: Order) -> bool:
    """:func:`asked_only_by_message` from the order's own columns (no events or
    cancellations to load): what a list row says."""
    return bool(
        order.asked_to_cancel_by_message
        and not order.buyer_requested_cancel
        and order.status in OPEN
    )


def asked_only_by_message_condition() -> ColumnElement[bool]:
    """SQL form of :func:`asked_only_by_message`, for the order list's flag and filter."""
    return and_(
        orders.c.asked_to_cancel_by_message.is_(True),
        orders.c.buyer_requested_cancel.is_(False),
        orders.c.status.in_(OPEN),
    )


def cancel_requested(buyer_requested_cancel: bool, asked_to_cancel_by_message: bool) -> bool:
    """``orders.cancel_requested``: either request was made (the Buyer requested filter's
    index; the filter itself applies :func:`asked_only_by_message_condition`)."""
    return bool(buyer_requested_cancel or asked_to_cancel_by_message)


def keep_cancel_requested(_mapper: Any, _connection: Any, order: Order) -> None:
    """Before an order is written through the ORM (app.storage.models listens)."""
    order.cancel_requested = cancel_requested(
        order.buyer_requested_cancel, order.asked_to_cancel_by_message
    )


def message_language(sales_channel: str | None, fallback: str = "en") -> str:
    """The buyer's language from the order's marketplace, else ``fallback``."""
    channel = (sales_channel or "").lower()
    for suffix, language in MARKETPLACE_LANGUAGES:
        if channel.endswith(suffix):
            return language
    return fallback
