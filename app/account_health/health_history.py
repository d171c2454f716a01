"""Account-health figures beyond today's rate: history, who counted, lateness, refunds due.

Completes :mod:`app.account_health.health` for the health page (DESIGN.md §4, §8; FORMATS.md §5).
Every figure is "as of" a moment and counts only what had happened by then.

Late shipment rate, precisely: among the orders with a shipment confirmed in
the window (as_of − days, as_of] — confirmation time, not the ship date typed —
the share with a confirmation in that window made after the order's latest ship
date. An order counts once however many shipments it has; an order without a
latest ship date is never late. Target: under 4 %, over 10 and 30 days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app import clock
from app.account_health.health import (
    WINDOW_DAYS,
    HealthReport,
    cancellation_rates,
    health,
    rate_percent,
    sellers_bought_in,
    window_start,
)
from app.account_health.overdue_refunds import OverdueRefund, overdue_returns
from app.clock import iso
from app.marketplace.ledger import RefusedLine, open_refusals
from app.order_actions.reasons import reason_text
from app.storage.db import Database
from app.storage.models import (
    Cancellation,
    Initiator,
    Order,
    Shipment,
)
from app.text import QT_TRANSLATE_NOOP, Text, text

CTX = "Health"
HISTORY_DAYS = 60
LATE_SHIPMENT_TARGET = Decimal("4.00")
LATE_SHIPMENT_WINDOWS = (10, 30)

INITIATOR_LABELS: dict[Initiator, str] = {
    Initiator.BUYER_REQUEST: QT_TRANSLATE_NOOP("Initiator", "Buyer (official request)"),
    Initiator.BUYER_MESSAGE: QT_TRANSLATE_NOOP("Initiator", "Buyer (by message only)"),
    Initiator.SELLER: QT_TRANSLATE_NOOP("Initiator", "Seller"),
    Initiator.MARKETPLACE: QT_TRANSLATE_NOOP("Initiator", "Marketplace"),
}


def initiator_label(initiator: Initiator) -> Text:
    return text("Initiator", INITIATOR_LABELS[initiator])


def reason_label(code: str | None) -> Text:
    """The translatable label of a reason code; an unknown code is shown as it is."""
    return reason_text(code)


def why_counted(initiator: Initiator, counts: bool) -> Text:
    """Why a cancellation counts in the rate or not, in the seller's words (S4, S5)."""
    if not counts and initiator is Initiator.BUYER_REQUEST:
        source = QT_TRANSLATE_NOOP(
            "Health", "Not counted: the buyer requested the cancellation officially."
        )
    elif not counts and initiator is Initiator.MARKETPLACE:
        source = QT_TRANSLATE_NOOP(
            "Health", "Not counted here: cancelled on the marketplace, initiator unknown."
        )
    elif not counts:
        source = QT_TRANSLATE_NOOP("Health", "Not counted in the cancellation rate.")
    elif initiator is Initiator.BUYER_MESSAGE:
        source = QT_TRANSLATE_NOOP(
            "Health",
            "Counted: the buyer asked only by message, without the official request.",
        )
    elif initiator is Initiator.SELLER:
        source = QT_TRANSLATE_NOOP("Health", "Counted: cancelled by the seller.")
    else:
        source = QT_TRANSLATE_NOOP("Health", "Counted in the cancellation rate.")
    return text(CTX, source)


@dataclass(frozen=True)
class RatePoint:
    as_of: datetime
    orders: int
    cancelled: int
    percent: Decimal


def rate_history(
    session: Session, as_of: datetime, days: int = HISTORY_DAYS, window: int = WINDOW_DAYS
) -> list[RatePoint]:
    """The rolling ``window``-day rate at the same hour on each of the last ``days`` days."""
    moments = [as_of - timedelta(days=back) for back in range(days - 1, -1, -1)]
    return [
        RatePoint(rate.as_of, rate.orders, rate.seller_cancellations, rate.percent)
        for rate in cancellation_rates(session, moments, window)
    ]


def since_first_order(points: list[RatePoint]) -> list[RatePoint]:
    """The points from the first whose window holds an order on.

    Before the shop's first order the rate is a share of nothing: 0 of 0 orders is
    not 0 %, so the chart draws nothing there rather than a flat line at zero.
    """
    for index, point in enumerate(points):
        if point.orders:
            return points[index:]
    return []


@dataclass(frozen=True)
class CancellationEntry:
    order_id: str
    purchase_date: datetime
    created_at: datetime
    reason: str | None
    initiator: Initiator
    counts_in_rate: bool
    whole_order: bool
    source: str

    @property
    def why(self) -> Text:
        return why_counted(self.initiator, self.counts_in_rate)

    def to_json(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "purchase_date": iso(self.purchase_date),
            "cancelled_at": iso(self.created_at),
            "reason": self.reason,
            "initiator": self.initiator.value,
            "counts_in_rate": self.counts_in_rate,
            "whole_order": self.whole_order,
            "why": self.why.english(),
        }


@dataclass(frozen=True)
class MarketplaceCancellation:
    order_id: str
    purchase_date: datetime
    cancelled_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "purchase_date": iso(self.purchase_date),
            "cancelled_at": iso(self.cancelled_at),
        }


@dataclass(frozen=True)
class RateCancellations:
    """The cancellations behind one rate figure: local ones, and the marketplace's apart."""

    local: list[CancellationEntry]
    marketplace: list[MarketplaceCancellation]

    @property
    def counted(self) -> list[CancellationEntry]:
        return [entry for entry in self.local if entry.counts_in_rate]

    @property
    def not_counted(self) -> list[CancellationEntry]:
        return [entry for entry in self.local if not entry.counts_in_rate]


def _is_marketplace(cancellation: Cancellation) -> bool:
    return cancellation.initiator is Initiator.MARKETPLACE and not cancellation.counts_in_rate


def rate_cancellations(
    session: Session, as_of: datetime, days: int = WINDOW_DAYS
) -> RateCancellations:
    """Cancellations made by ``as_of`` of the orders in the rate's window (S4–S6, §8).

    The window is the rate's: orders purchased in (as_of − days, as_of]. Orders the
    marketplace cancelled with no local cancellation are listed apart: they are not
    in SellerDesk's rate.
    """
    in_window = and_(*sellers_bought_in(window_start(as_of, days), as_of))
    rows = session.execute(
        select(Cancellation, Order.order_id, Order.purchase_date)
        .join(Order, Order.id == Cancellation.order_pk)
        .where(in_window, Cancellation.created_at <= as_of)
        .order_by(Cancellation.created_at, Order.order_id, Cancellation.id)
    ).all()
    local: list[CancellationEntry] = []
    marketplace: dict[str, MarketplaceCancellation] = {}
    for cancellation, order_id, purchased in rows:
        if _is_marketplace(cancellation):
            marketplace.setdefault(
                order_id, MarketplaceCancellation(order_id, purchased, cancellation.created_at)
            )
            continue
        local.append(
            CancellationEntry(
                order_id=order_id,
                purchase_date=purchased,
                created_at=cancellation.created_at,
                reason=cancellation.reason,
                initiator=cancellation.initiator,
                counts_in_rate=cancellation.counts_in_rate,
                whole_order=cancellation.whole_order,
                source=cancellation.source,
            )
        )
    flagged = session.execute(
        select(Order.order_id, Order.purchase_date)
        .where(in_window, Order.canceled_on_marketplace.is_(True))
        .order_by(Order.purchase_date, Order.order_id)
    ).all()
    for order_id, purchased in flagged:
        marketplace.setdefault(order_id, MarketplaceCancellation(order_id, purchased, None))
    return RateCancellations(
        local, sorted(marketplace.values(), key=lambda m: (m.purchase_date, m.order_id))
    )


@dataclass(frozen=True)
class LateShipmentRate:
    as_of: datetime
    days: int
    shipped_orders: int
    late_orders: int

    @property
    def percent(self) -> Decimal:
        return rate_percent(self.late_orders, self.shipped_orders)

    @property
    def above_target(self) -> bool:
        return self.percent >= LATE_SHIPMENT_TARGET

    def to_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "shipped_orders": self.shipped_orders,
            "late_orders": self.late_orders,
            "late_shipment_rate": f"{self.percent:.2f}",
            "target": f"{LATE_SHIPMENT_TARGET:.2f}",
            "above_target": self.above_target,
        }


def late_shipment_rate(session: Session, as_of: datetime, days: int) -> LateShipmentRate:
    """Orders confirmed late ÷ orders confirmed in (as_of − days, as_of] (module docstring)."""
    confirmed_in_window = and_(
        Shipment.created_at > window_start(as_of, days), Shipment.created_at <= as_of
    )
    shipped = (
        session.scalar(
            select(func.count(func.distinct(Shipment.order_pk))).where(confirmed_in_window)
        )
        or 0
    )
    late = (
        session.scalar(
            select(func.count(func.distinct(Shipment.order_pk)))
            .join(Order, Order.id == Shipment.order_pk)
            .where(
                confirmed_in_window,
                Order.latest_ship_date.is_not(None),
                Shipment.created_at > Order.latest_ship_date,
            )
        )
        or 0
    )
    return LateShipmentRate(as_of, days, shipped, late)


@dataclass
class HealthOverview:
    """Everything the health page shows, computed at one moment."""

    report: HealthReport
    history: list[RatePoint]
    cancellations: RateCancellations
    late_shipments: list[LateShipmentRate]
    overdue_refunds: list[OverdueRefund]
    # Lines Seller Central refused that the seller has not dealt with yet (issue 14).
    refused_by_marketplace: list[RefusedLine] = field(default_factory=list)


def overview(db: Database, as_of: datetime | None = None) -> HealthOverview:
    as_of = clock.as_utc(as_of) if as_of else clock.now()
    report = health(db, as_of)
    with db.reading() as session:
        return HealthOverview(
            report=report,
            history=rate_history(session, as_of),
            cancellations=rate_cancellations(session, as_of),
            late_shipments=[
                late_shipment_rate(session, as_of, days) for days in LATE_SHIPMENT_WINDOWS
            ],
            overdue_refunds=overdue_returns(session, as_of),
            refused_by_marketplace=open_refusals(session),
        )
