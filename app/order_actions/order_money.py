"""What an order's money came to: charged, cancelled, refunded and the net, per item.

The details pane and the cancel-items dialog show these figures; they are
computed here once, in Decimal and in the order's own currency, from the same
rules the refunds are checked against (:mod:`app.order_actions.refunds`): charged is the
shipment-confirmed units' share of each line, cancelled what the cancellations
took, refunded what went back to the buyer after restocking fees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from app.money import ZERO, cents
from app.order_actions.orders import ItemQuantity, cancelled_share, find_item, find_order
from app.order_actions.refunds import Component, cancelled_amounts, refund_context
from app.storage.db import Database
from app.storage.models import Order

COMPONENTS = tuple(component.value for component in Component)


@dataclass(frozen=True)
class ItemMoney:
    """One item's figures; ``net`` is what the seller keeps of it."""

    ref: str
    sku: str
    title: str | None
    charged: Decimal
    cancelled: Decimal
    refunded: Decimal  # given back to the buyer, restocking fees deducted
    fees: Decimal  # restocking fees kept

    @property
    def net(self) -> Decimal:
        return cents(self.charged - self.refunded)


@dataclass(frozen=True)
class OrderMoney:
    currency: str | None
    items: tuple[ItemMoney, ...]

    def _sum(self, name: str) -> Decimal:
        return cents(sum((getattr(item, name) for item in self.items), ZERO))

    @property
    def charged(self) -> Decimal:
        return self._sum("charged")

    @property
    def cancelled(self) -> Decimal:
        return self._sum("cancelled")

    @property
    def refunded(self) -> Decimal:
        return self._sum("refunded")

    @property
    def fees(self) -> Decimal:
        return self._sum("fees")

    @property
    def net(self) -> Decimal:
        return self._sum("net")

    def to_json(self) -> dict[str, object]:
        """For ``show --json`` (``money``): amounts as two-decimal strings."""

        def figures(source: ItemMoney | OrderMoney) -> dict[str, str]:
            names = ("charged", "cancelled", "refunded", "fees", "net")
            return {name: f"{getattr(source, name):.2f}" for name in names}

        return {
            "currency": self.currency,
            **figures(self),
            "items": [{"ref": item.ref, "sku": item.sku, **figures(item)} for item in self.items],
        }


@dataclass(frozen=True)
class RefundItem:
    ref: str
    sku: str
    title: str | None
    amount: Decimal  # before the fee
    fee: Decimal

    @property
    def net(self) -> Decimal:
        return cents(self.amount - self.fee)


@dataclass(frozen=True)
class RefundInfo:
    created_at: datetime
    reason: str
    condition: str | None
    items: tuple[RefundItem, ...]

    @property
    def net(self) -> Decimal:
        return cents(sum((item.net for item in self.items), ZERO))


def order_money(session: Session, order: Order) -> OrderMoney:
    """The figures of ``order``, from the balances its refunds are checked against."""
    balances = refund_context(session, order).items
    items = []
    for item, balance in zip(order.items, balances, strict=True):
        given = balance.refunded.total
        items.append(
            ItemMoney(
                ref=item.ref,
                sku=item.sku,
                title=item.title,
                charged=balance.charged.total,
                cancelled=cancelled_amounts(order, item).total,
                refunded=cents(given - balance.fees),
                fees=balance.fees,
            )
        )
    return OrderMoney(order.currency, tuple(items))


def refunds_of(order: Order) -> tuple[RefundInfo, ...]:
    """Each refund of ``order``, item by item, oldest first."""
    items = {item.id: item for item in order.items}
    found = []
    for refund in order.refunds:
        lines = []
        for line in refund.lines:
            item = items[line.order_item_pk]
            given = line.item_price + line.item_tax + line.shipping_price + line.shipping_tax
            fee = line.restocking_fee
            lines.append(RefundItem(item.ref, item.sku, item.title, cents(given), fee))
        found.append(RefundInfo(refund.created_at, refund.reason, refund.condition, tuple(lines)))
    return tuple(found)


@dataclass(frozen=True)
class CancelledItem:
    ref: str
    sku: str
    title: str | None
    quantity: int
    amount: Decimal


@dataclass(frozen=True)
class CancelPreview:
    """What cancelling some units would take off the order, before doing it."""

    currency: str | None
    items: tuple[CancelledItem, ...]

    @property
    def total(self) -> Decimal:
        return cents(sum((item.amount for item in self.items), ZERO))


def cancel_preview(db: Database, order_id: str, chosen: Iterable[ItemQuantity]) -> CancelPreview:
    """The amounts cancelling ``chosen`` units would take, as
    :func:`app.order_actions.orders.cancel` will record them (each line's pro-rata share,
    the last unit taking the remainder)."""
    with db.reading() as session:
        order = find_order(session, order_id)
        found = []
        for wanted in chosen:
            item = find_item(order, wanted.ref)
            units = wanted.quantity if wanted.quantity is not None else item.quantity_open
            units = max(0, min(units, item.quantity_open))
            amount = sum(
                (cancelled_share(item, getattr(item, name), units) or ZERO for name in COMPONENTS),
                ZERO,
            )
            found.append(CancelledItem(item.ref, item.sku, item.title, units, cents(amount)))
        return CancelPreview(order.currency, tuple(found))
