"""Returns: the parcel is coming back, then it is back (S3, S16; DESIGN.md §8).

*Return requested* records that the buyer or the carrier (S16) sends the
parcel back. *Return received* records its condition grade and lets the rule
choose: if shipment was confirmed the buyer is refunded within two business
days (the refund itself is a separate action, suggested here); if it never
was, the order is cancelled instead, in the same transaction.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app import clock

# The overdue refunds are listed by the health report, in its own module (re-exported here).
from app.account_health.overdue_refunds import (
    OverdueRefund as OverdueRefund,
)
from app.account_health.overdue_refunds import (
    overdue_refunds as overdue_refunds,
)
from app.account_health.overdue_refunds import (
    overdue_returns as overdue_returns,
)
from app.changes import Changes, order_story
from app.errors import BadInput, RuleRefused, SellerDeskError
from app.money import ZERO
from app.order_actions.orders import CancellationResult, cancel_in_session, find_order
from app.order_actions.reasons import BUYER_CANCELED, reason_label
from app.order_actions.refunds import (
    RefundPlan,
    RefundRequest,
    plan_refund,
    refund_context,
    suggested_refund,
)
from app.order_actions.restocking import condition_grade, condition_label
from app.order_actions.rules import Action, cancellation_counting, decide, shipped_quantity
from app.storage import audit
from app.storage.db import Database
from app.storage.models import Order, Return, ReturnStatus
from app.text import QT_TRANSLATE_NOOP, Day, Moment, Text, text

CTX = "Returns"
REFUND_BUSINESS_DAYS = 2  # FORMATS.md §5
NOT_SHIPPED_REASON = "CustomerReturn"


class ReturnStep(enum.StrEnum):
    REQUESTED = "requested"
    RECEIVED = "received"


class Outcome(enum.StrEnum):
    EXPECTED = "expected"  # the parcel is on its way back
    REFUND_DUE = "refund-due"  # shipment was confirmed: refund within two business days
    NOTHING_LEFT = "nothing-left"  # shipment confirmed, but everything is already refunded
    ORDER_CANCELLED = "order-cancelled"  # shipment never confirmed: the order is cancelled


def refund_due_date(received_at: datetime) -> date:
    """Two business days (Monday–Friday) after the day of receipt."""
    day = clock.as_utc(received_at).date()
    counted = 0
    while counted < REFUND_BUSINESS_DAYS:
        day += timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return day


@dataclass(frozen=True)
class ReturnOutlook:
    """What recording a return step will do, said before the seller confirms it."""

    step: ReturnStep
    refused: Text | None
    outcome: Outcome | None = None
    refund_due: date | None = None
    cancel_reason: str | None = None
    counts_in_rate: bool | None = None
    message: Text | None = None

    @property
    def allowed(self) -> bool:
        return self.refused is None


def _open_request(order: Order) -> Return | None:
    waiting = [r for r in order.returns if r.status is ReturnStatus.REQUESTED]
    return waiting[-1] if waiting else None


def _something_refundable(session: Session, order: Order) -> bool:
    context = refund_context(session, order)
    return any(item.refundable.total > ZERO for item in context.charged_items)


def outlook(session: Session, order: Order, step: ReturnStep, at: datetime) -> ReturnOutlook:
    """The rule for a return step on ``order`` at ``at`` (nothing is changed)."""
    if step is ReturnStep.REQUESTED:
        decision = decide(order, Action.RETURN_REQUESTED)
        if not decision.allowed:
            return ReturnOutlook(step, decision.reason)
        waiting = _open_request(order)
        if waiting is not None:
            return ReturnOutlook(
                step,
                text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Returns",
                        "A return is already expected for this order (recorded {when}): "
                        "record it as received when the parcel is back.",
                    ),
                    when=Moment(waiting.requested_at) if waiting.requested_at else "",
                ),
            )
        return ReturnOutlook(
            step,
            None,
            Outcome.EXPECTED,
            message=text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Returns",
                    "The return is recorded as expected. When the parcel is back, record it "
                    "as received with its condition.",
                ),
            ),
        )
    decision = decide(order, Action.RETURN_RECEIVED)
    if not decision.allowed:
        return ReturnOutlook(step, decision.reason)
    if shipped_quantity(order.items) > 0:
        if not _something_refundable(session, order):
            return ReturnOutlook(
                step,
                None,
                Outcome.NOTHING_LEFT,
                message=text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Returns",
                        "Shipment was confirmed, but the buyer is already refunded in full: "
                        "the return is recorded, nothing is left to refund.",
                    ),
                ),
            )
        due = refund_due_date(at)
        return ReturnOutlook(
            step,
            None,
            Outcome.REFUND_DUE,
            refund_due=due,
            message=text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Returns",
                    "Shipment was confirmed, so the buyer must be refunded by {due} (two "
                    "business days), minus the restocking fee the condition allows.",
                ),
                due=Day(due),
            ),
        )
    reason = BUYER_CANCELED if order.buyer_requested_cancel else NOT_SHIPPED_REASON
    decision = decide(order, Action.CANCEL_ORDER)
    if not decision.allowed:
        return ReturnOutlook(step, decision.reason)
    effect = cancellation_counting(order, reason)
    source = (
        QT_TRANSLATE_NOOP(
            "Returns",
            "Shipment was never confirmed, so the order will be cancelled (reason {reason}) "
            "instead of refunded. This counts in your cancellation rate.",
        )
        if effect.counts
        else QT_TRANSLATE_NOOP(
            "Returns",
            "Shipment was never confirmed, so the order will be cancelled (reason {reason}) "
            "instead of refunded. The buyer requested it officially: it does not count in "
            "your cancellation rate.",
        )
    )
    return ReturnOutlook(
        step,
        None,
        Outcome.ORDER_CANCELLED,
        cancel_reason=reason,
        counts_in_rate=effect.counts,
        message=text(CTX, source, reason=reason_label(reason)),
    )


def preview_return(
    db: Database, order_id: str, step: ReturnStep, *, at: datetime | None = None
) -> ReturnOutlook:
    """What a return step would do now, for the dialog to say before its button."""
    with db.reading() as session:
        return outlook(session, find_order(session, order_id), step, at or clock.now())


@dataclass(frozen=True)
class ReturnResult:
    order_id: str
    outlook: ReturnOutlook
    cancellation: CancellationResult | None = None
    suggestion: RefundRequest | None = None  # the refund a received return calls for
    suggested_plan: RefundPlan | None = None

    @property
    def changes(self) -> Changes:
        """A parcel on its way is the order's story; one received starts the refund clock
        (health) or, before shipment, cancels the order."""
        if self.cancellation is not None:
            return self.cancellation.changes
        if self.outlook.step is ReturnStep.RECEIVED:
            return Changes(frozenset({self.order_id}), health=True)
        return order_story(self.order_id)


def _return_json(row: Return) -> dict[str, Any]:
    return {
        "status": row.status.value,
        "carrier_return": row.carrier_return,
        "condition": row.condition,
        "refund_due": row.refund_due.isoformat() if row.refund_due else None,
    }


def request_return(
    db: Database,
    order_id: str,
    *,
    carrier_return: bool = False,
    note: str | None = None,
    at: datetime | None = None,
    actor: str = "seller",
) -> ReturnResult:
    """The buyer (S3) or the carrier (S16) is sending the parcel back."""
    at = at or clock.now()
    with db.transaction() as session:
        order = find_order(session, order_id, for_update=True)
        return request_return_in_session(
            session, order, carrier_return=carrier_return, note=note, at=at, actor=actor
        )


def request_return_in_session(
    session: Session,
    order: Order,
    *,
    carrier_return: bool = False,
    note: str | None = None,
    at: datetime,
    actor: str = "seller",
) -> ReturnResult:
    """The request itself, inside a transaction the caller owns (demo data)."""
    seen = outlook(session, order, ReturnStep.REQUESTED, at)
    if seen.refused is not None:
        raise RuleRefused(seen.refused)
    before = audit.snapshot(order)
    row = Return(
        status=ReturnStatus.REQUESTED,
        carrier_return=carrier_return,
        requested_at=at,
        note=note,
    )
    order.returns.append(row)
    order.updated_at = at
    audit.record(
        session,
        order,
        kind="return-requested",
        summary=text(
            CTX,
            QT_TRANSLATE_NOOP("Returns", "Return expected: the carrier is sending the parcel back.")
            if carrier_return
            else QT_TRANSLATE_NOOP(
                "Returns", "Return expected: the buyer is sending the parcel back."
            ),
        ),
        at=at,
        actor=actor,
        before=before,
        after={**audit.snapshot(order), "return": _return_json(row)},
    )
    return ReturnResult(order.order_id, seen)


# What the timeline says when the parcel is back; {condition} is the grade as stored.
RECEIVED_SUMMARIES: dict[Outcome, str] = {
    Outcome.REFUND_DUE: QT_TRANSLATE_NOOP(
        "Returns", "Return received ({condition}); refund due by {due}."
    ),
    Outcome.NOTHING_LEFT: QT_TRANSLATE_NOOP(
        "Returns", "Return received ({condition}); the buyer was already refunded."
    ),
    Outcome.ORDER_CANCELLED: QT_TRANSLATE_NOOP(
        "Returns",
        "Return received ({condition}) before shipment was confirmed; "
        "the order is cancelled instead of refunded.",
    ),
}


def receive_return(
    db: Database,
    order_id: str,
    condition: str | None,
    *,
    carrier_return: bool = False,
    at: datetime | None = None,
    actor: str = "seller",
) -> ReturnResult:
    """The parcel is back: record its condition, then refund due or cancel (S3, S16)."""
    if condition is None or not condition.strip():
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Returns",
                    "Say in what condition the item came back: --condition new, late, opened, "
                    "used or damaged.",
                ),
            )
        )
    grade = condition_grade(condition)
    at = at or clock.now()
    with db.transaction() as session:
        order = find_order(session, order_id, for_update=True)
        return receive_return_in_session(
            session, order, grade, carrier_return=carrier_return, at=at, actor=actor
        )


def receive_return_in_session(
    session: Session,
    order: Order,
    grade: str,
    *,
    carrier_return: bool = False,
    at: datetime,
    actor: str = "seller",
) -> ReturnResult:
    """Receiving itself (``grade`` as condition_grade gives it), in the caller's transaction."""
    seen = outlook(session, order, ReturnStep.RECEIVED, at)
    if seen.refused is not None:
        raise RuleRefused(seen.refused)
    before = audit.snapshot(order)
    row = _open_request(order)
    if row is None:
        row = Return(status=ReturnStatus.RECEIVED, carrier_return=carrier_return)
        order.returns.append(row)
    row.status = ReturnStatus.RECEIVED
    row.carrier_return = row.carrier_return or carrier_return
    row.received_at = at
    row.condition = grade
    row.refund_due = seen.refund_due
    order.updated_at = at
    summary = text(
        CTX,
        RECEIVED_SUMMARIES[seen.outcome or Outcome.REFUND_DUE],
        condition=condition_label(grade),
        due=Day(seen.refund_due) if seen.refund_due else "—",
    )
    audit.record(
        session,
        order,
        kind="return-received",
        summary=summary,
        at=at,
        actor=actor,
        before=before,
        after={**audit.snapshot(order), "return": _return_json(row)},
    )
    session.flush()
    if seen.outcome is Outcome.ORDER_CANCELLED:
        assert seen.cancel_reason is not None
        cancelled = cancel_in_session(
            session,
            order,
            seen.cancel_reason,
            items=None,
            at=at,
            actor=actor,
            source="local",
        )
        return ReturnResult(order.order_id, seen, cancellation=cancelled)
    if seen.outcome is not Outcome.REFUND_DUE:
        return ReturnResult(order.order_id, seen)
    context = refund_context(session, order)
    suggestion = suggested_refund(context, grade)
    try:
        plan = plan_refund(context, suggestion)
    except SellerDeskError:
        plan = None
    return ReturnResult(order.order_id, seen, suggestion=suggestion, suggested_plan=plan)
