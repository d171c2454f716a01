"""One order as the window's details pane shows it: plain data and decisions.

Widgets never hold ORM objects or sessions; they get an :class:`OrderDetails`
with the order's items, buyer (or why it is hidden), shipments,
cancellations, timeline and, for every action, the rule's answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from app import clock
from app.order_actions.message_choice import asked_only_by_message, first_template, story_of
from app.order_actions.order_money import OrderMoney, RefundInfo, order_money, refunds_of
from app.order_actions.orders import find_order, line_total
from app.order_actions.rules import Action, Decision, decide
from app.order_views.order_list import Deadline, deadline
from app.storage.db import Database
from app.storage.models import Event, FulfilledBy, Order, OrderItem, OrderStatus
from app.text import Text, from_json


@dataclass(frozen=True)
class ItemLine:
    ref: str  # how the seller names it: order-item id, else SKU
    sku: str
    title: str | None
    quantity: int
    quantity_shipped: int
    quantity_cancelled: int
    quantity_open: int
    item_price: Decimal | None
    item_tax: Decimal | None
    shipping_price: Decimal | None
    shipping_tax: Decimal | None


@dataclass(frozen=True)
class Buyer:
    name: str | None
    email: str | None
    phone: str | None
    address_lines: tuple[str, ...]


@dataclass(frozen=True)
class ShipmentInfo:
    ship_date: date
    carrier: str
    tracking_number: str | None
    units: tuple[tuple[str, int], ...]  # (item ref, quantity)


@dataclass(frozen=True)
class CancellationInfo:
    created_at: datetime
    reason: str | None
    counts_in_rate: bool
    whole_order: bool
    units: tuple[tuple[str, int], ...]
    amounts: tuple[Decimal, ...] = ()  # what each of ``units`` took, in the order's currency


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    actor: str
    summary: str  # English, as stored
    sentence: Text | None = None  # the same, translatable; None for events older than that

    @classmethod
    def of(cls, event: Event) -> TimelineEntry:
        sentence = None
        if event.summary_text:
            try:
                sentence = from_json(event.summary_text)
            except (ValueError, TypeError):
                sentence = None  # unreadable: the English summary still says it
        return cls(at=event.at, actor=event.actor, summary=event.summary, sentence=sentence)


@dataclass(frozen=True)
class OrderDetails:
    order_id: str
    status: OrderStatus
    purchase_date: datetime
    payment_date: datetime | None
    latest_ship_date: datetime | None
    deadline: Deadline
    currency: str | None
    sales_channel: str | None
    total: Decimal | None
    buyer_requested_cancel: bool
    buyer_cancel_reason: str | None
    canceled_on_marketplace: bool
    buyer: Buyer | None
    buyer_hidden_because: Text | None
    items: tuple[ItemLine, ...]
    shipments: tuple[ShipmentInfo, ...]
    cancellations: tuple[CancellationInfo, ...]
    timeline: tuple[TimelineEntry, ...]
    decisions: dict[Action, Decision]
    fulfilled_by: FulfilledBy = FulfilledBy.SELLER
    suggested_message: str = "s2_cancellation_notice"  # the template to offer first
    asked_by_message: bool = False  # the buyer asked to cancel by message only (S5)
    money: OrderMoney | None = None  # charged, cancelled, refunded, net
    refunds: tuple[RefundInfo, ...] = ()

    def decision(self, action: Action) -> Decision:
        return self.decisions[action]

    def item_named(self, ref: str) -> ItemLine | None:
        """The item a shipment or cancellation names by its ref."""
        return next((item for item in self.items if item.ref == ref), None)

    @property
    def open_units(self) -> int:
        return sum(item.quantity_open for item in self.items)

    @property
    def cancel_takes_whole_order(self) -> bool:
        """Cancelling now ends the whole order (nothing shipped): the cancellation file.

        Otherwise it cancels the unshipped rest, which goes into the adjustment file
        as a partial cancellation (DESIGN.md §3, §8).
        """
        return not any(item.quantity_shipped for item in self.items)


def _item(item: OrderItem) -> ItemLine:
    return ItemLine(
        ref=item.ref,
        sku=item.sku,
        title=item.title,
        quantity=item.quantity,
        quantity_shipped=item.quantity_shipped,
        quantity_cancelled=item.quantity_cancelled,
        quantity_open=item.quantity_open,
        item_price=item.item_price,
        item_tax=item.item_tax,
        shipping_price=item.shipping_price,
        shipping_tax=item.shipping_tax,
    )


def _buyer(order: Order) -> Buyer:
    city = " ".join(part for part in (order.ship_postal_code, order.ship_city) if part)
    lines = (
        order.recipient_name,
        order.ship_address_1,
        order.ship_address_2,
        order.ship_address_3,
        city,
        order.ship_state,
        order.ship_country,
    )
    return Buyer(
        name=order.buyer_name,
        email=order.buyer_email,
        phone=order.buyer_phone,
        address_lines=tuple(line for line in lines if line),
    )


def order_details(db: Database, order_id: str, as_of: datetime | None = None) -> OrderDetails:
    """Everything the details pane shows about one order; BadInput if unknown."""
    moment = as_of or clock.now()
    with db.reading() as session:
        order = find_order(session, order_id)
        refs = {item.id: item.ref for item in order.items}
        show_buyer = decide(order, Action.SHOW_BUYER)
        events = list(
            session.scalars(
                select(Event).where(Event.order_pk == order.id).order_by(Event.at, Event.id)
            )
        )
        story = story_of(order, events)
        return OrderDetails(
            order_id=order.order_id,
            status=order.status,
            purchase_date=order.purchase_date,
            payment_date=order.payment_date,
            latest_ship_date=order.latest_ship_date,
            deadline=deadline(order.status, order.latest_ship_date, moment, order.fulfilled_by),
            currency=order.currency,
            sales_channel=order.sales_channel,
            total=order.total,
            buyer_requested_cancel=order.buyer_requested_cancel,
            buyer_cancel_reason=order.buyer_cancel_reason,
            canceled_on_marketplace=order.canceled_on_marketplace,
            buyer=_buyer(order) if show_buyer.allowed else None,
            buyer_hidden_because=show_buyer.reason,
            items=tuple(_item(item) for item in order.items),
            shipments=tuple(
                ShipmentInfo(
                    ship_date=shipment.ship_date,
                    carrier=shipment.carrier_name or shipment.carrier_code,
                    tracking_number=shipment.tracking_number,
                    units=tuple(
                        (refs.get(line.order_item_pk, "?"), line.quantity)
                        for line in shipment.lines
                    ),
                )
                for shipment in order.shipments
            ),
            cancellations=tuple(
                CancellationInfo(
                    created_at=cancellation.created_at,
                    reason=cancellation.reason,
                    counts_in_rate=cancellation.counts_in_rate,
                    whole_order=cancellation.whole_order,
                    units=tuple(
                        (refs.get(line.order_item_pk, "?"), line.quantity)
                        for line in cancellation.lines
                    ),
                    amounts=tuple(line_total(line) for line in cancellation.lines),
                )
                for cancellation in order.cancellations
            ),
            timeline=tuple(TimelineEntry.of(event) for event in events),
            decisions={action: decide(order, action) for action in Action},
            fulfilled_by=order.fulfilled_by,
            suggested_message=first_template(story),
            asked_by_message=asked_only_by_message(story),
            money=order_money(session, order),
            refunds=refunds_of(order),
        )
