"""Refunds per item and component, cumulative, with restocking fees (S13, DESIGN.md §5, §8).

What was charged for an item's component is the pro rata share of its line
total for the shipment-confirmed units; what is refundable is that minus every
earlier refund of the component. A refund names what to give back (amounts,
percentages of the charge, or everything left); a restocking fee is deducted
from the item-price refund and capped by the ceiling of the return's condition
grade. :func:`plan_refund` is the one place these rules are checked: the
command line, the window's live validation and :func:`refund` all call it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.changes import Changes
from app.errors import BadInput, RuleRefused
from app.money import ZERO, cents, format_amount, pro_rata
from app.order_actions.orders import find_order, item_name, item_named
from app.order_actions.reasons import reason_label, refund_reason
from app.order_actions.restocking import (
    Share,
    carrier_ceilings,
    ceiling_percent,
    ceilings,
    condition_grade,
    condition_label,
    fee_ceiling,
    needs_photo,
)
from app.order_actions.rules import Action, decide
from app.settings import DEFAULT_CARRIER_RETURN_CEILINGS
from app.storage import audit
from app.storage.db import Database
from app.storage.models import Order, OrderItem, Refund, RefundLine, ReturnStatus
from app.text import QT_TRANSLATE_NOOP, Amount, Number, Text, text

CTX = "Refunds"
RETURN_REASON = "CustomerReturn"


class Component(enum.StrEnum):
    ITEM_PRICE = "item_price"
    ITEM_TAX = "item_tax"
    SHIPPING_PRICE = "shipping_price"
    SHIPPING_TAX = "shipping_tax"


COMPONENT_LABELS: dict[Component, str] = {
    Component.ITEM_PRICE: QT_TRANSLATE_NOOP("Refunds", "item price"),
    Component.ITEM_TAX: QT_TRANSLATE_NOOP("Refunds", "item tax"),
    Component.SHIPPING_PRICE: QT_TRANSLATE_NOOP("Refunds", "shipping"),
    Component.SHIPPING_TAX: QT_TRANSLATE_NOOP("Refunds", "shipping tax"),
}


@dataclass(frozen=True)
class Amounts:
    """One amount per component, always to the cent."""

    item_price: Decimal = ZERO
    item_tax: Decimal = ZERO
    shipping_price: Decimal = ZERO
    shipping_tax: Decimal = ZERO

    def get(self, component: Component) -> Decimal:
        value: Decimal = getattr(self, component.value)
        return value

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(*(cents(self.get(c) + other.get(c)) for c in Component))

    def __sub__(self, other: Amounts) -> Amounts:
        return Amounts(*(cents(self.get(c) - other.get(c)) for c in Component))

    @property
    def total(self) -> Decimal:
        return cents(sum((self.get(c) for c in Component), ZERO))

    def to_json(self) -> dict[str, str | None]:
        return {c.value: format_amount(self.get(c)) for c in Component}


assert [f.name for f in fields(Amounts)] == [c.value for c in Component]


def charged_share(
    total: Decimal | None, item: OrderItem, cancelled: Decimal, refunded: Decimal
) -> Decimal:
    """What the buyer was charged of one line total: the shipment-confirmed units' share.

    While units are still open, the shipped units' pro-rata share. Once none is
    open, the line total minus what its cancellations took, so cancelled and
    charged parts add up to the line exactly (the last unit takes the remainder,
    DESIGN.md §8). Only when units worth less than a cent each made an earlier
    refund larger than that remainder does the charge stay at what was refunded:
    a refund never exceeds the charge.
    """
    if total is None or item.quantity_shipped <= 0:
        return ZERO
    if item.quantity_open == 0:
        return max(cents(total) - cancelled, refunded)
    return pro_rata(total, item.quantity, item.quantity_shipped)


def cancelled_amounts(order: Order, item: OrderItem) -> Amounts:
    """What the item's cancellations took of each component.

    The recorded cancellation lines say it exactly; units cancelled on the
    marketplace (seen only in a report) have no line and take their pro-rata share.
    """
    taken = Amounts()
    units = 0
    for cancellation in order.cancellations:
        for line in cancellation.lines:
            if line.order_item_pk == item.id:
                units += line.quantity
                taken = taken + Amounts(
                    line.item_price or ZERO,
                    line.item_tax or ZERO,
                    line.shipping_price or ZERO,
                    line.shipping_tax or ZERO,
                )
    unrecorded = item.quantity_cancelled - units
    if unrecorded > 0:
        taken = taken + Amounts(
            *(
                pro_rata(getattr(item, c.value) or ZERO, item.quantity, unrecorded)
                for c in Component
            )
        )
    return taken


def charged(item: OrderItem, cancelled: Amounts, refunded: Amounts) -> Amounts:
    return Amounts(
        *(
            charged_share(getattr(item, c.value), item, cancelled.get(c), refunded.get(c))
            for c in Component
        )
    )


@dataclass(frozen=True)
class ItemBalance:
    """What an item was charged and what earlier refunds gave back, as plain data."""

    pk: int
    order_item_id: str | None
    sku: str
    title: str | None
    quantity: int
    quantity_shipped: int
    charged: Amounts
    refunded: Amounts
    fees: Decimal  # restocking fees deducted by earlier refunds

    @property
    def ref(self) -> str:
        return self.order_item_id or self.sku

    @property
    def refundable(self) -> Amounts:
        return self.charged - self.refunded


@dataclass(frozen=True)
class RefundContext:
    """Everything a refund of one order is checked against, loaded once."""

    order_id: str
    currency: str | None
    refused: Text | None  # why no refund is possible at all, else None
    items: tuple[ItemBalance, ...]
    ceilings: dict[str, Decimal]
    recorded_condition: str | None  # of the order's latest received return
    return_id: int | None  # the received return a refund now settles
    carrier_return: bool = False  # the latest received return came back by the carrier (S16)
    carrier_ceilings: dict[str, Decimal] = field(
        default_factory=lambda: dict(DEFAULT_CARRIER_RETURN_CEILINGS)
    )

    def ceiling(self, condition: str) -> Decimal:
        """The fee ceiling (percent of the item price) for a return in ``condition``."""
        return ceiling_percent(condition, self.carrier_return, self.ceilings, self.carrier_ceilings)

    @property
    def charged_items(self) -> tuple[ItemBalance, ...]:
        return tuple(item for item in self.items if item.quantity_shipped > 0)

    def item(self, ref: str) -> ItemBalance:
        """An item by order-item id, else by SKU (DESIGN.md §8)."""
        return item_named(self.items, self.order_id, ref)


def refund_context(session: Session, order: Order) -> RefundContext:
    """Balances of every item of ``order`` (loaded with refunds and returns)."""
    decision = decide(order, Action.REFUND)
    refunded: dict[int, Amounts] = {}
    fees: dict[int, Decimal] = {}
    for earlier in order.refunds:
        for line in earlier.lines:
            given = Amounts(line.item_price, line.item_tax, line.shipping_price, line.shipping_tax)
            refunded[line.order_item_pk] = refunded.get(line.order_item_pk, Amounts()) + given
            fees[line.order_item_pk] = cents(
                fees.get(line.order_item_pk, ZERO) + line.restocking_fee
            )
    items = tuple(
        ItemBalance(
            pk=item.id,
            order_item_id=item.order_item_id,
            sku=item.sku,
            title=item.title,
            quantity=item.quantity,
            quantity_shipped=item.quantity_shipped,
            charged=charged(item, cancelled_amounts(order, item), refunded.get(item.id, Amounts())),
            refunded=refunded.get(item.id, Amounts()),
            fees=fees.get(item.id, ZERO),
        )
        for item in order.items
    )
    received = [r for r in order.returns if r.status is ReturnStatus.RECEIVED]
    settled = {earlier.return_id for earlier in order.refunds if earlier.return_id is not None}
    unsettled = [r for r in received if r.id not in settled]
    return RefundContext(
        order_id=order.order_id,
        currency=order.currency,
        refused=None if decision.allowed else decision.reason,
        items=items,
        ceilings=ceilings(session),
        recorded_condition=received[-1].condition if received else None,
        return_id=unsettled[0].id if unsettled else None,
        carrier_return=bool(received and received[-1].carrier_return),
        carrier_ceilings=carrier_ceilings(session),
    )


def load_refund_context(db: Database, order_id: str) -> RefundContext:
    """The context for the refund dialog: plain data, no session kept."""
    with db.reading() as session:
        return refund_context(session, find_order(session, order_id))


@dataclass(frozen=True)
class ItemRefund:
    """What to refund of one item: a share per component named, and an optional fee."""

    ref: str
    shares: dict[Component, Share] = field(default_factory=dict)
    fee: Share | None = None

    @classmethod
    def full(cls, ref: str, fee: Share | None = None) -> ItemRefund:
        """Everything still refundable on every component."""
        return cls(ref, {c: Share(everything=True) for c in Component}, fee)


@dataclass(frozen=True)
class RefundRequest:
    items: tuple[ItemRefund, ...]
    reason: str
    condition: str | None = None


@dataclass(frozen=True)
class PlannedLine:
    item: ItemBalance
    refund: Amounts  # before the fee
    fee: Decimal
    fee_limit: Decimal | None  # largest fee still allowed, None without a condition grade

    @property
    def net(self) -> Decimal:
        return cents(self.refund.total - self.fee)

    @property
    def photo_needed(self) -> bool:
        return needs_photo(self.item.fees + self.fee, self.item.charged.item_price)


@dataclass(frozen=True)
class RefundPlan:
    """A checked refund: what each item gets back, ready to record."""

    order_id: str
    currency: str | None
    reason: str
    condition: str | None
    lines: tuple[PlannedLine, ...]
    return_id: int | None

    @property
    def changes(self) -> Changes:
        """What recording it changes: the order's story and the refunds due (health);
        no cell of the list (status and total stay)."""
        return Changes(frozenset({self.order_id}), health=True)

    @property
    def total_refund(self) -> Decimal:
        return cents(sum((line.refund.total for line in self.lines), ZERO))

    @property
    def total_fee(self) -> Decimal:
        return cents(sum((line.fee for line in self.lines), ZERO))

    @property
    def net(self) -> Decimal:
        """What the buyer gets back."""
        return cents(self.total_refund - self.total_fee)

    @property
    def photo_needed(self) -> bool:
        return any(line.photo_needed for line in self.lines)

    def notes(self) -> list[Text]:
        if not self.photo_needed:
            return []
        return [
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Refunds",
                    "A restocking fee of 20 % or more of the item price needs a photo of the "
                    "item: keep one in case the buyer disputes it.",
                ),
            )
        ]


def _refuse(source: str, **args: Any) -> RuleRefused:
    return RuleRefused(text(CTX, source, **args))


def fee_room(context: RefundContext, item: ItemBalance, condition: str | None) -> Decimal | None:
    """The largest restocking fee still allowed on ``item``; None without a condition grade.

    The ceiling is a share of the item line's charged price; fees deducted by
    earlier refunds of the item count against it.
    """
    if condition is None:
        return None
    ceiling = fee_ceiling(item.charged.item_price, context.ceiling(condition))
    return max(cents(ceiling - item.fees), ZERO)


def _plan_item(context: RefundContext, wanted: ItemRefund, condition: str | None) -> PlannedLine:
    item = context.item(wanted.ref)
    currency = context.currency or None  # every amount a refusal names says its currency
    if item.quantity_shipped == 0:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Refunds",
                "Item {ref} is not shipment-confirmed, so nothing was charged for it: "
                "cancel it instead of refunding.",
            ),
            ref=item.ref,
        )
    if not wanted.shares:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Refunds",
                    "Say what to refund for item {ref}: an amount for the item price, item "
                    "tax, shipping or shipping tax, or the full refund.",
                ),
                ref=item.ref,
            )
        )
    left = item.refundable
    asked: dict[str, Decimal] = {}
    for component in Component:
        share = wanted.shares.get(component)
        amount = (
            ZERO
            if share is None
            else share.resolve(item.charged.get(component), left.get(component))
        )
        if amount > left.get(component):
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Refunds",
                    "Item {ref}: only {left} of the {component} is left to refund "
                    "(charged {charged}, already refunded {refunded}); you asked {asked}.",
                ),
                ref=item.ref,
                component=text(CTX, COMPONENT_LABELS[component]),
                left=Amount(left.get(component), currency),
                charged=Amount(item.charged.get(component), currency),
                refunded=Amount(item.refunded.get(component), currency),
                asked=Amount(amount, currency),
            )
        asked[component.value] = amount
    refund = Amounts(**asked)
    if refund.total == ZERO:
        everything = all(share.everything for share in wanted.shares.values())
        if everything:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Refunds", "Item {ref} is already refunded in full: nothing is left."
                ),
                ref=item.ref,
            )
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Refunds", "The refund for item {ref} is zero."),
                ref=item.ref,
            )
        )
    fee = ZERO
    limit = fee_room(context, item, condition)
    if wanted.fee is not None:
        fee = wanted.fee.resolve(item.charged.item_price, item.charged.item_price)
    if fee > ZERO:
        if condition is None or limit is None:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Refunds",
                    "A restocking fee needs the condition of the returned item: choose a "
                    "condition grade or record the return as received first.",
                )
            )
        if fee > limit:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Refunds",
                    "Item {ref}: a restocking fee of {fee} is above the ceiling for "
                    "{condition} returns ({percent} % of the item price {price}"
                    "{earlier}); at most {limit}.",
                ),
                ref=item.ref,
                fee=Amount(fee, currency),
                condition=condition_label(condition),
                percent=Number(context.ceiling(condition).normalize()),
                price=Amount(item.charged.item_price, currency),
                earlier=text(
                    CTX,
                    QT_TRANSLATE_NOOP("Refunds", ", {fees} already deducted"),
                    fees=Amount(item.fees, currency),
                )
                if item.fees
                else "",
                limit=Amount(limit, currency),
            )
        if fee > refund.item_price:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Refunds",
                    "Item {ref}: the restocking fee {fee} is more than the item-price refund "
                    "{refund}; the fee is deducted from the item price only.",
                ),
                ref=item.ref,
                fee=Amount(fee, currency),
                refund=Amount(refund.item_price, currency),
            )
    return PlannedLine(item=item, refund=refund, fee=fee, fee_limit=limit)


def plan_refund(context: RefundContext, request: RefundRequest) -> RefundPlan:
    """Check a refund against the order's balances; RuleRefused or BadInput says why not."""
    if context.refused is not None:
        raise RuleRefused(context.refused)
    reason = refund_reason(request.reason)
    condition = None
    if request.condition is not None and request.condition.strip():
        condition = condition_grade(request.condition)
    condition = condition or context.recorded_condition
    if not request.items:
        raise BadInput(text(CTX, QT_TRANSLATE_NOOP("Refunds", "Name at least one item to refund.")))
    lines: list[PlannedLine] = []
    seen: set[int] = set()
    for wanted in request.items:
        line = _plan_item(context, wanted, condition)
        if line.item.pk in seen:
            raise BadInput(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP("Refunds", "Item {ref} is named twice."),
                    ref=line.item.ref,
                )
            )
        seen.add(line.item.pk)
        lines.append(line)
    return RefundPlan(
        order_id=context.order_id,
        currency=context.currency,
        reason=reason,
        condition=condition,
        lines=tuple(lines),
        return_id=context.return_id,
    )


def suggested_refund(context: RefundContext, condition: str | None = None) -> RefundRequest:
    """A full refund of every charged item minus the largest fee the condition allows."""
    grade = condition_grade(condition) if condition else context.recorded_condition
    wanted: list[ItemRefund] = []
    for item in context.charged_items:
        left = item.refundable
        if left.total == ZERO:
            continue
        fee = None
        room = fee_room(context, item, grade)
        if room is not None:
            amount = min(room, left.item_price)
            fee = Share(amount=amount) if amount > ZERO else None
        wanted.append(ItemRefund.full(item.ref, fee))
    return RefundRequest(tuple(wanted), RETURN_REASON, grade)


def apply_plan(context: RefundContext, plan: RefundPlan) -> RefundContext:
    """The balances once ``plan`` is recorded: what the next refund is checked against."""
    planned = {line.item.pk: line for line in plan.lines}
    return replace(
        context,
        items=tuple(
            replace(
                item,
                refunded=item.refunded + planned[item.pk].refund,
                fees=cents(item.fees + planned[item.pk].fee),
            )
            if item.pk in planned
            else item
            for item in context.items
        ),
    )


def _balances_json(context: RefundContext) -> dict[str, Any]:
    return {
        item.ref: {**item.refunded.to_json(), "restocking_fee": format_amount(item.fees)}
        for item in context.charged_items
    }


def refund(
    db: Database,
    order_id: str,
    request: RefundRequest,
    *,
    at: datetime | None = None,
    actor: str = "seller",
) -> RefundPlan:
    """Record a refund: checked, written and audited in one transaction."""
    at = at or clock.now()
    with db.transaction() as session:
        order = find_order(session, order_id, for_update=True)
        context = refund_context(session, order)
        plan = plan_refund(context, request)
        record_refund(session, order, context, plan, at=at, actor=actor)
    return plan


def record_refund(
    session: Session,
    order: Order,
    context: RefundContext,
    plan: RefundPlan,
    *,
    at: datetime,
    actor: str,
) -> Refund:
    """Write a checked plan and its audit event, inside the caller's transaction."""
    row = Refund(
        created_at=at,
        reason=plan.reason,
        condition=plan.condition,
        return_id=plan.return_id,
    )
    for line in plan.lines:
        row.lines.append(
            RefundLine(
                order_item_pk=line.item.pk,
                item_price=line.refund.item_price,
                item_tax=line.refund.item_tax,
                shipping_price=line.refund.shipping_price,
                shipping_tax=line.refund.shipping_tax,
                restocking_fee=line.fee,
            )
        )
    order.refunds.append(row)
    order.updated_at = at
    after = apply_plan(context, plan)
    parts = [
        text(
            CTX,
            QT_TRANSLATE_NOOP("Refunds", "{item} {amount} minus restocking fee {fee}"),
            item=item_name(line.item.sku, line.item.title),
            amount=Amount(line.refund.total, plan.currency or None),
            fee=Amount(line.fee, plan.currency or None),
        )
        if line.fee
        else text(
            CTX,
            QT_TRANSLATE_NOOP("Refunds", "{item} {amount}"),
            item=item_name(line.item.sku, line.item.title),
            amount=Amount(line.refund.total, plan.currency or None),
        )
        for line in plan.lines
    ]
    audit.record(
        session,
        order,
        kind="refunded",
        summary=text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Refunds", "Refunded {amount} to the buyer (reason {reason}): {parts}."
            ),
            amount=Amount(plan.net, plan.currency or None),
            reason=reason_label(plan.reason),
            parts=parts,
        ),
        at=at,
        actor=actor,
        before={**audit.snapshot(order), "refunded": _balances_json(context)},
        after={**audit.snapshot(order), "refunded": _balances_json(after)},
    )
    return row
