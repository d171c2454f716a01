"""What the refund form shows, asked in one call: each item's fee limit and the plan.

The window's refund dialog hands over what the seller typed in each item's box
(:class:`TypedItem`) and shows the :class:`RefundForm` it gets back: the largest
restocking fee each item still allows for the condition chosen, and the checked
plan (or why the refund as typed cannot be made). The money rules stay in
:mod:`app.order_actions.refunds`; this module only asks them, as the command line does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from app.errors import SellerDeskError
from app.order_actions.refunds import (
    Component,
    ItemRefund,
    RefundContext,
    RefundPlan,
    RefundRequest,
    fee_room,
    plan_refund,
)
from app.order_actions.restocking import Share
from app.text import Text


@dataclass(frozen=True)
class TypedItem:
    """One item's box as the seller left it: text as typed, not yet read."""

    ref: str
    full: bool = False  # "refund everything still refundable" ticked
    amounts: Mapping[Component, str] = field(default_factory=dict)
    fee: str = ""


@dataclass(frozen=True)
class FeeLimit:
    """The largest restocking fee an item still allows, for the condition chosen."""

    amount: Decimal | None  # None: no condition grade yet, so no fee at all
    percent: Decimal | None  # the condition's ceiling, in percent of the item price


@dataclass(frozen=True)
class RefundForm:
    """Everything the refund form shows for what is typed now."""

    fee_limits: dict[str, FeeLimit]  # by item ref, every charged item
    refused: Text | None = None  # no refund of this order is possible at all
    plan: RefundPlan | None = None  # the checked refund, ready to record
    problem: SellerDeskError | None = None  # why the refund as typed cannot be made
    nothing_chosen: bool = False  # no box holds anything yet

    def fee_limit(self, ref: str) -> FeeLimit:
        return self.fee_limits[ref]


def refund_request(typed: Sequence[TypedItem], reason: str, condition: str | None) -> RefundRequest:
    """What the seller asks for; BadInput when something typed is not an amount.

    A ticked box refunds everything still refundable; a box with nothing typed is left
    out; a fee alone is kept so that the plan says what is missing.
    """
    wanted = []
    for item in typed:
        fee_text = item.fee.strip()
        fee = Share.parse(fee_text) if fee_text else None
        if item.full:
            wanted.append(ItemRefund.full(item.ref, fee))
            continue
        shares = {
            component: Share.parse(raw) for component, raw in item.amounts.items() if raw.strip()
        }
        if shares or fee is not None:
            wanted.append(ItemRefund(item.ref, shares, fee))
    return RefundRequest(tuple(wanted), reason, condition)


def refund_form(
    context: RefundContext, typed: Sequence[TypedItem], reason: str, condition: str | None
) -> RefundForm:
    """Each item's fee limit and the plan for what is typed (or why it cannot be made)."""
    if context.refused is not None:
        return RefundForm({}, refused=context.refused)
    grade = condition or context.recorded_condition
    limits = {
        item.ref: FeeLimit(
            fee_room(context, item, grade), context.ceiling(grade) if grade else None
        )
        for item in context.charged_items
    }
    try:
        request = refund_request(typed, reason, condition)
        if not request.items:
            return RefundForm(limits, nothing_chosen=True)
        return RefundForm(limits, plan=plan_refund(context, request))
    except SellerDeskError as error:
        return RefundForm(limits, problem=error)
