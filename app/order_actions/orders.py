"""Order actions: verify payment, confirm shipment, cancel.

Each public function is one user action: it opens one transaction, asks
:mod:`app.order_actions.rules` whether the action is allowed, changes the order and appends
its audit event, all or nothing. A refusal raises :class:`RuleRefused` with the
rule's reason; bad input raises :class:`BadInput`. Nothing is changed then.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import clock
from app.changes import Changes, order_state
from app.errors import BadInput, RuleRefused
from app.marketplace_files.carriers import Carrier
from app.money import ZERO, cents, pro_rata_after
from app.order_actions.reasons import cancellation_reason, reason_label
from app.order_actions.rules import (
    Action,
    Counting,
    cancellation_counting,
    decide,
    status_from_items,
)
from app.storage import audit
from app.storage.db import Database
from app.storage.models import (
    Cancellation,
    CancellationLine,
    Event,
    Initiator,
    Order,
    OrderItem,
    OrderStatus,
    Refund,
    Shipment,
)
from app.storage.models import ShipmentLine as ShipmentLineRow
from app.text import QT_TRANSLATE_NOOP, Amount, Day, Text, plural, text

ORDER_ID = re.compile(r"^[0-9]{3}-[0-9]{7}-[0-9]{7}$")
CTX = "Orders"
# Any kind of item a seller names (:func:`item_named`).
Named = TypeVar("Named", bound="NamedItem")


@dataclass(frozen=True)
class ItemQuantity:
    """An item named as the seller names it (order-item id or SKU) and a quantity.

    ``quantity`` None means "all that is left" for the action.
    """

    ref: str
    quantity: int | None = None

    @classmethod
    def parse(cls, raw: str) -> ItemQuantity:
        """Parse ``ITEM_ID[:QTY]`` as typed on the command line."""
        ref, sep, qty = raw.rpartition(":") if ":" in raw else (raw, "", "")
        ref = ref.strip()
        if not ref:
            raise BadInput(
                text(CTX, QT_TRANSLATE_NOOP("Orders", "Name the item: ITEM_ID[:QTY]."), raw=raw)
            )
        if not sep:
            return cls(ref)
        try:
            quantity = int(qty)
        except ValueError:
            raise BadInput(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP("Orders", "{raw!r}: the quantity after ':' is not a number."),
                    raw=raw,
                )
            ) from None
        if quantity <= 0:
            raise BadInput(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP("Orders", "{raw!r}: a quantity must be 1 or more."),
                    raw=raw,
                )
            )
        return cls(ref, quantity)


def check_order_id(order_id: str) -> str:
    order_id = order_id.strip()
    if not ORDER_ID.match(order_id):
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Orders",
                    "{order_id!r} is not an order id: it looks like 123-1234567-1234567.",
                ),
                order_id=order_id,
            )
        )
    return order_id


@functools.cache
def _order_contents() -> tuple[Any, ...]:
    """Everything an action reads or changes, loaded with the order (find_order).

    Built on first use: building it configures every mapper, which a command that
    loads no order object (an import) need not pay for.
    """
    return (
        selectinload(Order.items),
        selectinload(Order.shipments).selectinload(Shipment.lines),
        selectinload(Order.cancellations).selectinload(Cancellation.lines),
        selectinload(Order.refunds).selectinload(Refund.lines),
        selectinload(Order.returns),
    )


def unknown_order(order_id: str) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Orders", "There is no order {order_id} in this database."),
            order_id=order_id,
        )
    )


def find_order(session: Session, order_id: str, *, for_update: bool = False) -> Order:
    """The order with all it holds, or BadInput naming the unknown id."""
    order_id = check_order_id(order_id)
    query = select(Order).where(Order.order_id == order_id).options(*_order_contents())
    if for_update:
        query = query.with_for_update()
    order = session.scalars(query).one_or_none()
    if order is None:
        raise unknown_order(order_id)
    return order


class NamedItem(Protocol):
    """An item as a seller names it: an order row's item, or its refund balance."""

    @property
    def order_item_id(self) -> str | None: ...

    @property
    def sku(self) -> str: ...

    @property
    def ref(self) -> str: ...


def item_named(items: Sequence[Named], order_id: str, ref: str) -> Named:
    """The item ``ref`` names: its order-item id, else its SKU if only one item has it
    (DESIGN.md §8); an unknown or ambiguous name is refused, listing the order's items."""
    ref = ref.strip()
    for item in items:
        if item.order_item_id and item.order_item_id == ref:
            return item
    by_sku = [item for item in items if item.sku == ref]
    if len(by_sku) == 1:
        return by_sku[0]
    if len(by_sku) > 1:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Orders",
                    "Order {order_id} has several items with SKU {ref}: name the order-item id.",
                ),
                order_id=order_id,
                ref=ref,
            )
        )
    raise BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Orders", "Order {order_id} has no item {ref}. Its items: {known}."),
            order_id=order_id,
            ref=ref,
            known=", ".join(item.ref for item in items),
        )
    )


def find_item(order: Order, ref: str) -> OrderItem:
    """An item of ``order`` by order-item id, else by SKU (:func:`item_named`)."""
    return item_named(order.items, order.order_id, ref)


def require(order: Order, action: Action) -> None:
    decision = decide(order, action)
    if not decision.allowed:
        assert decision.reason is not None
        raise RuleRefused(decision.reason, rule=decision.rule)


class SummarisedItem(Protocol):
    """What the order-list summary reads from an item (an OrderItem or an importer's row)."""

    @property
    def sku(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def quantity(self) -> int: ...
    @property
    def item_price(self) -> Decimal | None: ...
    @property
    def item_tax(self) -> Decimal | None: ...
    @property
    def shipping_price(self) -> Decimal | None: ...
    @property
    def shipping_tax(self) -> Decimal | None: ...
    @property
    def item_promotion_discount(self) -> Decimal | None: ...
    @property
    def ship_promotion_discount(self) -> Decimal | None: ...


@dataclass(frozen=True)
class OrderSummary:
    """The order-list columns derived from the items: units, SKUs, titles, total."""

    item_count: int
    skus: str
    titles: str
    total: Decimal | None


def order_summary(items: Sequence[SummarisedItem]) -> OrderSummary:
    """The one rule for the list columns; bulk code (the importer) calls it too."""
    total: Decimal | None = None
    for item in items:
        for amount in (item.item_price, item.item_tax, item.shipping_price, item.shipping_tax):
            if amount is not None:
                total = (total or ZERO) + amount
        for discount in (item.item_promotion_discount, item.ship_promotion_discount):
            if discount is not None and total is not None:
                total -= abs(discount)
    return OrderSummary(
        item_count=sum(item.quantity for item in items),
        skus=" ".join(dict.fromkeys(item.sku for item in items)),
        titles=" | ".join(dict.fromkeys(item.title or "" for item in items if item.title)),
        total=total,
    )


def refresh_summary(order: Order) -> None:
    """Keep the list columns (units, SKUs, titles, total) in step with the items."""
    summary = order_summary(order.items)
    order.item_count = summary.item_count
    order.skus = summary.skus
    order.titles = summary.titles
    order.total = summary.total


TITLE_SHOWN = 40  # characters of a product name a timeline sentence quotes


def item_name(sku: str, title: str | None) -> Text | str:
    """How a sentence names an item: its SKU and (shortened) product name, never a raw id."""
    if not title:
        return sku
    short = title if len(title) <= TITLE_SHOWN else title[: TITLE_SHOWN - 1].rstrip() + "…"
    return text(CTX, QT_TRANSLATE_NOOP("Orders", "{sku} “{title}”"), sku=sku, title=short)


def units_text(units: Iterable[tuple[OrderItem, int]]) -> list[Text]:
    """``SKU “title” × 2`` for each item of a shipment."""
    return [
        text(
            CTX,
            QT_TRANSLATE_NOOP("Orders", "{item} × {quantity}"),
            item=item_name(item.sku, item.title),
            quantity=quantity,
        )
        for item, quantity in units
    ]


# What the seller asked to do, inside "you asked to {verb} {asked}".
VERBS = {
    "ship": QT_TRANSLATE_NOOP("Orders", "ship"),
    "cancel": QT_TRANSLATE_NOOP("Orders", "cancel"),
}


def _selected_quantities(
    order: Order, items: list[ItemQuantity] | None, verb: str
) -> dict[int, tuple[OrderItem, int]]:
    """Resolve the items an action names; None means every open unit."""
    chosen: dict[int, tuple[OrderItem, int]] = {}
    if not items:
        for item in order.items:
            if item.quantity_open:
                chosen[item.id] = (item, item.quantity_open)
        return chosen
    for wanted in items:
        item = find_item(order, wanted.ref)
        already = chosen.get(item.id, (item, 0))[1]
        quantity = wanted.quantity if wanted.quantity is not None else item.quantity_open
        if quantity == 0 or already + quantity > item.quantity_open:
            raise RuleRefused(
                plural(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Orders",
                        "Item {ref} has %n unit(s) left to ship or cancel; "
                        "you asked to {verb} {asked}.",
                    ),
                    item.quantity_open,
                    ref=item.ref,
                    verb=text(CTX, VERBS[verb]),
                    asked=already + quantity,
                )
            )
        chosen[item.id] = (item, already + quantity)
    return chosen


def cancelled_share(item: OrderItem, amount: Decimal | None, units: int) -> Decimal | None:
    """What cancelling ``units`` more units takes of one of the item's line totals.

    Amounts are line totals (DESIGN.md §8): units are taken pro rata in the order
    they are shipped or cancelled, and whichever step takes the last unit gets the
    remainder, so shipped and cancelled parts add up to the line exactly.
    """
    if amount is None:
        return None
    consumed = item.quantity_shipped + item.quantity_cancelled
    return pro_rata_after(amount, item.quantity, consumed, units)


def line_total(line: CancellationLine | CancelledLine) -> Decimal:
    """What one cancellation line took, all components together."""
    parts = (line.item_price, line.item_tax, line.shipping_price, line.shipping_tax)
    return cents(sum((part or ZERO for part in parts), ZERO))


def verify_payment(
    db: Database, order_id: str, *, at: datetime | None = None, actor: str = "seller"
) -> Changes:
    """S10: payment verified, the order becomes Unshipped and must be shipped."""
    at = at or clock.now()
    with db.transaction() as session:
        order = find_order(session, order_id, for_update=True)
        verify_payment_in_session(session, order, at=at, actor=actor)
        return order_state([order.order_id])


def verify_payment_in_session(
    session: Session, order: Order, *, at: datetime, actor: str = "seller"
) -> None:
    """The verification itself, inside a transaction the caller owns (bulk, demo data)."""
    require(order, Action.VERIFY_PAYMENT)
    before = audit.snapshot(order)
    order.status = OrderStatus.UNSHIPPED
    order.payment_date = at
    order.updated_at = at
    audit.record(
        session,
        order,
        kind="payment-verified",
        summary=text(
            CTX, QT_TRANSLATE_NOOP("Orders", "Payment verified; the order is ready to ship.")
        ),
        at=at,
        actor=actor,
        before=before,
        after=audit.snapshot(order),
    )


@dataclass(frozen=True)
class ShipmentRequest:
    carrier: Carrier
    tracking_number: str | None = None
    ship_date: date | None = None
    ship_method: str | None = None
    items: list[ItemQuantity] | None = None


def confirm_shipment(
    db: Database,
    order_id: str,
    request: ShipmentRequest,
    *,
    at: datetime | None = None,
    actor: str = "seller",
) -> Changes:
    """Confirm shipment of all open units, or of the items and quantities named."""
    at = at or clock.now()
    with db.transaction() as session:
        order = find_order(session, order_id, for_update=True)
        confirm_shipment_in_session(session, order, request, at=at, actor=actor)
        return order_state([order.order_id])


def confirm_shipment_in_session(
    session: Session, order: Order, request: ShipmentRequest, *, at: datetime, actor: str = "seller"
) -> None:
    """The confirmation itself, inside a transaction the caller owns (bulk, demo data)."""
    ship_date = request.ship_date or at.date()
    require(order, Action.CONFIRM_SHIPMENT)
    if ship_date < order.purchase_date.date():
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Orders",
                    "The ship date {ship_date} is before the purchase date {purchase}.",
                ),
                ship_date=Day(ship_date),
                purchase=Day(order.purchase_date.date()),
            )
        )
    if ship_date > at.date():
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Orders",
                    "The ship date {ship_date} is in the future: confirm once it has left.",
                ),
                ship_date=Day(ship_date),
            )
        )
    chosen = _selected_quantities(order, request.items, "ship")
    before = audit.snapshot(order)
    tracking = (request.tracking_number or "").strip() or None
    shipment = Shipment(
        ship_date=ship_date,
        carrier_code=request.carrier.code,
        carrier_name=request.carrier.name,
        tracking_number=tracking,
        ship_method=request.ship_method,
        created_at=at,
    )
    for item, quantity in chosen.values():
        item.quantity_shipped += quantity
        shipment.lines.append(ShipmentLineRow(order_item_pk=item.id, quantity=quantity))
    order.shipments.append(shipment)
    order.status = status_from_items(order.status, order.items)
    order.updated_at = at
    units = units_text(chosen.values())
    summary = (
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Orders", "Shipment confirmed ({carrier}, tracking {tracking}, {date}): {units}."
            ),
            carrier=request.carrier.label,
            tracking=tracking,
            date=Day(ship_date),
            units=units,
        )
        if tracking
        else text(
            CTX,
            QT_TRANSLATE_NOOP("Orders", "Shipment confirmed ({carrier}, {date}): {units}."),
            carrier=request.carrier.label,
            date=Day(ship_date),
            units=units,
        )
    )
    audit.record(
        session,
        order,
        kind="shipment-confirmed",
        summary=summary,
        at=at,
        actor=actor,
        before=before,
        after=audit.snapshot(order),
    )


# (whole order, counts in the rate) -> the timeline's sentence; {units} only for items.
CANCELLATION_SUMMARIES: dict[tuple[bool, bool], str] = {
    (True, True): QT_TRANSLATE_NOOP(
        "Orders",
        "Order cancelled (reason {reason}; counts in the cancellation rate). "
        "The marketplace notifies the buyer by e-mail.",
    ),
    (True, False): QT_TRANSLATE_NOOP(
        "Orders",
        "Order cancelled (reason {reason}; does not count in the rate). "
        "The marketplace notifies the buyer by e-mail.",
    ),
    (False, True): QT_TRANSLATE_NOOP(
        "Orders",
        "Items cancelled: {units} (reason {reason}; counts in the cancellation rate). "
        "The marketplace notifies the buyer by e-mail.",
    ),
    (False, False): QT_TRANSLATE_NOOP(
        "Orders",
        "Items cancelled: {units} (reason {reason}; does not count in the rate). "
        "The marketplace notifies the buyer by e-mail.",
    ),
}


def _cancellation_summary(
    whole_order: bool, counts: bool, *, reason: str, units: Callable[[], list[Text]]
) -> Text | audit.Rendered:
    """The timeline's sentence; ``units`` is asked only when items are named."""
    if whole_order:
        return _whole_order_summary(counts, reason)
    source = CANCELLATION_SUMMARIES[(whole_order, counts)]
    return text(CTX, source, reason=reason_label(reason), units=units())


@functools.cache
def _whole_order_summary(counts: bool, reason: str) -> audit.Rendered:
    """Rendered once per reason: a file cancels thousands of whole orders alike."""
    return audit.rendered(
        text(CTX, CANCELLATION_SUMMARIES[(True, counts)], reason=reason_label(reason))
    )


@dataclass(frozen=True)
class CancellationResult:
    order_id: str
    status: OrderStatus
    effect: Counting
    whole_order: bool

    @property
    def changes(self) -> Changes:
        return order_state([self.order_id])


def cancel(
    db: Database,
    order_id: str,
    reason: str,
    *,
    items: list[ItemQuantity] | None = None,
    at: datetime | None = None,
    actor: str = "seller",
    source: str = "local",
) -> CancellationResult:
    """Cancel a whole order (S2) or some items and quantities (S14)."""
    at = at or clock.now()
    reason = cancellation_reason(reason)
    with db.transaction() as session:
        order = find_order(session, order_id, for_update=True)
        return cancel_in_session(
            session, order, reason, items=items, at=at, actor=actor, source=source
        )


def cancel_in_session(
    session: Session,
    order: Order,
    reason: str,
    *,
    items: list[ItemQuantity] | None,
    at: datetime,
    actor: str,
    source: str,
) -> CancellationResult:
    """The cancellation itself, inside a transaction the caller owns."""
    done = cancellation_of(order, reason, items=items, at=at, actor=actor, source=source)
    order.cancellations.append(done.cancellation.model())
    session.add(Event(**done.event))
    return done.result


@dataclass(frozen=True)
class CancelledLine:
    """What one item gave up in a cancellation: units and their share of each amount."""

    order_item_pk: int
    quantity: int
    item_price: Decimal | None
    item_tax: Decimal | None
    shipping_price: Decimal | None
    shipping_tax: Decimal | None


@dataclass(frozen=True)
class NewCancellation:
    """A cancellation as plain values: one action stores it as a model object
    (:meth:`model`), a bulk cancel writes thousands as rows (no ORM object each)."""

    created_at: datetime
    reason: str
    initiator: Initiator
    counts_in_rate: bool
    whole_order: bool
    source: str
    lines: tuple[CancelledLine, ...]

    def columns(self) -> dict[str, Any]:
        """The cancellation's own columns, as a row to insert (lines apart)."""
        return {
            "created_at": self.created_at,
            "reason": self.reason,
            "initiator": self.initiator,
            "counts_in_rate": self.counts_in_rate,
            "whole_order": self.whole_order,
            "source": self.source,
            "export_batch_id": None,
            "sent_without_reason": False,
        }

    def model(self) -> Cancellation:
        return Cancellation(
            created_at=self.created_at,
            reason=self.reason,
            initiator=self.initiator,
            counts_in_rate=self.counts_in_rate,
            whole_order=self.whole_order,
            source=self.source,
            lines=[CancellationLine(**vars(line)) for line in self.lines],
        )


@dataclass(frozen=True)
class CancellationDone:
    """What one cancellation changed: the order and its items (in place), the
    cancellation to store, its audit event's columns (:func:`audit.event_values`)."""

    cancellation: NewCancellation
    event: dict[str, Any]
    result: CancellationResult


def cancellation_of(
    order: Order,
    reason: str,
    *,
    items: list[ItemQuantity] | None,
    at: datetime,
    actor: str,
    source: str,
) -> CancellationDone:
    """The one cancellation rule (S2, S14): checks, then changes ``order`` and its items.

    Nothing is added to a session: :func:`cancel_in_session` adds the result to
    its own; a bulk cancel writes many at once.
    """
    require(order, Action.CANCEL_ITEMS if items else Action.CANCEL_ORDER)
    chosen = _selected_quantities(order, items, "cancel")
    effect = cancellation_counting(order, reason)
    before = audit.snapshot(order)
    lines = []
    for item, quantity in chosen.values():
        lines.append(
            CancelledLine(
                item.id,
                quantity,
                *(
                    cancelled_share(item, amount, quantity)
                    for amount in (
                        item.item_price,
                        item.item_tax,
                        item.shipping_price,
                        item.shipping_tax,
                    )
                ),
            )
        )
        item.quantity_cancelled += quantity
    order.status = status_from_items(order.status, order.items)
    # Only an order with nothing shipped that ends fully cancelled goes into the
    # cancellation file; the rest is a partial cancellation for the adjustment file.
    whole_order = order.status is OrderStatus.CANCELED
    order.updated_at = at
    event = audit.event_values(
        order.id,
        kind="cancelled" if whole_order else "items-cancelled",
        summary=_cancellation_summary(
            whole_order,
            effect.counts,
            reason=reason,
            units=lambda: [
                text(
                    CTX,
                    QT_TRANSLATE_NOOP("Orders", "{item} × {quantity}: {amount}"),
                    item=item_name(item.sku, item.title),
                    quantity=quantity,
                    amount=Amount(line_total(line), order.currency),
                )
                for (item, quantity), line in zip(chosen.values(), lines, strict=True)
            ],
        ),
        at=at,
        actor=actor,
        before=before,
        after=audit.snapshot(order),
    )
    cancellation = NewCancellation(
        at, reason, effect.initiator, effect.counts, whole_order, source, tuple(lines)
    )
    result = CancellationResult(order.order_id, order.status, effect, whole_order)
    return CancellationDone(cancellation, event, result)
