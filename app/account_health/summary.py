"""The cancellation summary's data: what the printed document says, without Qt.

A summary covers a period — cancellations *made* from ``start`` to ``end``, both
days included, in UTC (DESIGN.md §8 "Summaries") — or the cancellations of chosen
orders. One line per cancellation with its items, reason, initiator, whether it
counts in the rate and its value (the cancelled line amounts, never charged); totals
by reason; the 7-day rate at the start and at the end of the period. The
document (``ui/printing``) and the command line both read this.

A cancellation takes only units that were never shipment-confirmed, and the
buyer is charged for shipment-confirmed units only (DESIGN.md §8 "Refunds",
"Partial cancellation ... is not a refund"): the value of a cancelled line was
never charged, so nothing here is a refund. The document says "not charged".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import clock
from app.account_health.health import CancellationRate, cancellation_rate
from app.account_health.health_history import initiator_label, reason_label, why_counted
from app.errors import BadInput
from app.money import ZERO
from app.order_actions.orders import check_order_id
from app.settings import shop_name
from app.storage.db import Database
from app.storage.models import Cancellation, CancellationLine, Initiator, Order
from app.text import QT_TRANSLATE_NOOP, Day, Text, text

CTX = "Summary"


@dataclass(frozen=True)
class SummaryItem:
    ref: str
    sku: str
    title: str | None
    quantity: int
    amount: Decimal


@dataclass(frozen=True)
class SummaryLine:
    order_id: str
    cancelled_at: datetime
    currency: str | None
    items: list[SummaryItem]
    reason: str | None
    initiator: Initiator
    counts_in_rate: bool
    whole_order: bool

    @property
    def value(self) -> Decimal:
        """The cancelled line amounts: what the buyer would have paid, never charged."""
        return sum((item.amount for item in self.items), ZERO)

    @property
    def reason_label(self) -> Text:
        return reason_label(self.reason)

    @property
    def initiator_label(self) -> Text:
        return initiator_label(self.initiator)

    @property
    def why(self) -> Text:
        return why_counted(self.initiator, self.counts_in_rate)


@dataclass
class ReasonTotal:
    reason: str | None
    cancellations: int = 0
    counted: int = 0
    units: int = 0
    amounts: dict[str, Decimal] = field(default_factory=dict)  # per currency

    @property
    def label(self) -> Text:
        return reason_label(self.reason)


@dataclass(frozen=True)
class Summary:
    shop_name: str
    start: date
    end: date
    order_ids: list[str] | None
    lines: list[SummaryLine]
    totals: list[ReasonTotal]
    rate_before: CancellationRate
    rate_after: CancellationRate
    made_at: datetime

    @property
    def grand_total(self) -> dict[str, Decimal]:
        amounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for line in self.lines:
            amounts[line.currency or ""] += line.value
        return dict(amounts)

    @property
    def counted(self) -> int:
        return sum(1 for line in self.lines if line.counts_in_rate)


def start_of(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def _line(cancellation: Cancellation, order: Order) -> SummaryLine:
    items = []
    for row in cancellation.lines:
        amount = sum(
            (
                value
                for value in (row.item_price, row.item_tax, row.shipping_price, row.shipping_tax)
                if value is not None
            ),
            ZERO,
        )
        items.append(SummaryItem(row.item.ref, row.item.sku, row.item.title, row.quantity, amount))
    return SummaryLine(
        order_id=order.order_id,
        cancelled_at=cancellation.created_at,
        currency=order.currency,
        items=items,
        reason=cancellation.reason,
        initiator=cancellation.initiator,
        counts_in_rate=cancellation.counts_in_rate,
        whole_order=cancellation.whole_order,
    )


def _totals(lines: list[SummaryLine]) -> list[ReasonTotal]:
    by_reason: dict[str | None, ReasonTotal] = {}
    for line in lines:
        total = by_reason.setdefault(line.reason, ReasonTotal(line.reason))
        total.cancellations += 1
        total.counted += int(line.counts_in_rate)
        total.units += sum(item.quantity for item in line.items)
        currency = line.currency or ""
        total.amounts[currency] = total.amounts.get(currency, ZERO) + line.value
    return sorted(by_reason.values(), key=lambda t: (-t.cancellations, t.reason or ""))


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and start > end:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Summary", "The period starts on {start}, after its end on {end}."
                ),
                start=Day(start),
                end=Day(end),
            )
        )


def summary(
    db: Database,
    *,
    start: date | None = None,
    end: date | None = None,
    order_ids: list[str] | None = None,
    now: datetime | None = None,
) -> Summary:
    """Cancellations made from ``start`` to ``end`` (inclusive), or of the named orders.

    Without dates the period runs from the first cancellation selected to today.
    """
    _check_period(start, end)
    now = clock.as_utc(now) if now else clock.now()
    wanted = [check_order_id(order_id) for order_id in order_ids] if order_ids else None
    query = (
        select(Cancellation, Order)
        .join(Order, Order.id == Cancellation.order_pk)
        .options(selectinload(Cancellation.lines).selectinload(CancellationLine.item))
        .order_by(Cancellation.created_at, Order.order_id, Cancellation.id)
    )
    if start is not None:
        query = query.where(Cancellation.created_at >= start_of(start))
    if end is not None:
        query = query.where(Cancellation.created_at < start_of(end + timedelta(days=1)))
    with db.reading() as session:
        if wanted is not None:
            known = set(session.scalars(select(Order.order_id).where(Order.order_id.in_(wanted))))
            missing = [order_id for order_id in wanted if order_id not in known]
            if missing:
                raise BadInput(
                    text(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "Summary", "There is no order {order_ids} in this database."
                        ),
                        order_ids=", ".join(missing),
                    )
                )
            query = query.where(Order.order_id.in_(wanted))
        lines = [_line(cancellation, order) for cancellation, order in session.execute(query)]
        first = start or (lines[0].cancelled_at.date() if lines else now.date())
        last = end or max(now.date(), first)
        before_moment = start_of(first)
        after_moment = min(start_of(last + timedelta(days=1)), max(now, before_moment))
        return Summary(
            shop_name=shop_name(session),
            start=first,
            end=last,
            order_ids=wanted,
            lines=lines,
            totals=_totals(lines),
            rate_before=cancellation_rate(session, before_moment),
            rate_after=cancellation_rate(session, after_moment),
            made_at=now,
        )
