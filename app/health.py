"""Account health as of a moment (DESIGN.md §4, §8; FORMATS.md §5).

Figures "as of" a moment count only what had happened by then: orders
purchased by then, cancellations made by then, shipments confirmed by then.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app import clock
from app.clock import iso, whole_days
from app.db import Database
from app.models import (
    Cancellation,
    CancellationLine,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
)
from app.returns import overdue_refunds
from app.rules import seller_fulfilled

RATE_TARGET = Decimal("2.50")
WINDOW_DAYS = 7
AUTO_CANCEL_DAYS = 7  # S11
# The window's At risk filter: late orders this close to the auto-cancellation.
AT_RISK_NOTICE_DAYS = 3
PENDING_LIMIT_DAYS = 21  # S12


@dataclass(frozen=True)
class CancellationRate:
    as_of: datetime
    window_days: int
    orders: int
    seller_cancellations: int

    @property
    def percent(self) -> Decimal:
        return rate_percent(self.seller_cancellations, self.orders)

    @property
    def above_target(self) -> bool:
        return self.percent >= RATE_TARGET


def rate_percent(cancelled: int, orders: int) -> Decimal:
    if orders == 0:
        return Decimal("0.00")
    return (Decimal(cancelled) * 100 / Decimal(orders)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def window_start(as_of: datetime, days: int) -> datetime:
    return as_of - timedelta(days=days)


def cancellation_rate(
    session: Session, as_of: datetime, days: int = WINDOW_DAYS
) -> CancellationRate:
    """Orders purchased in (as_of − days, as_of]; those with a counting cancellation by as_of.

    Only orders the seller fulfils: the marketplace's rate leaves its own out of both figures.
    """
    in_window = and_(
        Order.purchase_date > window_start(as_of, days),
        Order.purchase_date <= as_of,
        seller_fulfilled(),
    )
    orders = session.scalar(select(func.count(Order.id)).where(in_window)) or 0
    counted = exists().where(
        Cancellation.order_pk == Order.id,
        Cancellation.counts_in_rate.is_(True),
        Cancellation.created_at <= as_of,
    )
    cancelled = session.scalar(select(func.count(Order.id)).where(in_window, counted)) or 0
    return CancellationRate(as_of, days, orders, cancelled)


@dataclass
class HealthReport:
    rate: CancellationRate
    late: list[dict[str, Any]] = field(default_factory=list)
    at_risk_of_auto_cancel: list[dict[str, Any]] = field(default_factory=list)
    pending_over_21_days: list[dict[str, Any]] = field(default_factory=list)
    canceled_on_marketplace: list[dict[str, Any]] = field(default_factory=list)
    overdue_refunds: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": iso(self.rate.as_of),
            "window_days": self.rate.window_days,
            "orders": self.rate.orders,
            "seller_cancellations": self.rate.seller_cancellations,
            "cancellation_rate": f"{self.rate.percent:.2f}",
            "cancellation_rate_target": f"{RATE_TARGET:.2f}",
            "above_target": self.rate.above_target,
            "late": self.late,
            "at_risk_of_auto_cancel": self.at_risk_of_auto_cancel,
            "pending_over_21_days": self.pending_over_21_days,
            "canceled_on_marketplace": self.canceled_on_marketplace,
            "overdue_refunds": self.overdue_refunds,
        }


def _units_undone_after(session: Session, order_pks: list[int], as_of: datetime) -> dict[int, int]:
    """Units shipped or cancelled after ``as_of``: they were still open at that moment."""
    undone: dict[int, int] = defaultdict(int)
    if not order_pks:
        return undone
    shipped = session.execute(
        select(Shipment.order_pk, func.sum(ShipmentLine.quantity))
        .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
        .where(Shipment.order_pk.in_(order_pks), Shipment.created_at > as_of)
        .group_by(Shipment.order_pk)
    )
    cancelled = session.execute(
        select(Cancellation.order_pk, func.sum(CancellationLine.quantity))
        .join(CancellationLine, CancellationLine.cancellation_id == Cancellation.id)
        .where(Cancellation.order_pk.in_(order_pks), Cancellation.created_at > as_of)
        .group_by(Cancellation.order_pk)
    )
    for order_pk, units in [*shipped, *cancelled]:
        undone[order_pk] += int(units or 0)
    return undone


def late_orders(session: Session, as_of: datetime) -> list[tuple[Order, int]]:
    """Orders with units still to ship past their latest ship date, with days late."""
    changed_since = or_(
        exists().where(Shipment.order_pk == Order.id, Shipment.created_at > as_of),
        exists().where(Cancellation.order_pk == Order.id, Cancellation.created_at > as_of),
    )
    candidates = session.scalars(
        select(Order)
        .where(
            seller_fulfilled(),
            Order.latest_ship_date.is_not(None),
            Order.latest_ship_date < as_of,
            Order.purchase_date <= as_of,
            or_(Order.payment_date.is_(None), Order.payment_date <= as_of),
            or_(
                Order.status.in_([OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED]),
                changed_since,
            ),
        )
        .options(selectinload(Order.items))
        .order_by(Order.latest_ship_date, Order.order_id)
    ).all()
    undone = _units_undone_after(session, [order.id for order in candidates], as_of)
    late: list[tuple[Order, int]] = []
    for order in candidates:
        if order.status is OrderStatus.PENDING:
            continue
        open_then = sum(item.quantity_open for item in order.items) + undone[order.id]
        if open_then > 0:
            assert order.latest_ship_date is not None
            late.append((order, whole_days(as_of, order.latest_ship_date)))
    return late


def pending_too_long(session: Session, as_of: datetime) -> list[tuple[Order, int]]:
    """S12: orders still pending at ``as_of`` more than 21 days after purchase."""
    limit = as_of - timedelta(days=PENDING_LIMIT_DAYS)
    rows = session.scalars(
        select(Order)
        .where(
            seller_fulfilled(),
            Order.purchase_date < limit,
            or_(
                Order.status == OrderStatus.PENDING,
                and_(Order.payment_date.is_not(None), Order.payment_date > as_of),
            ),
            ~exists().where(Cancellation.order_pk == Order.id, Cancellation.created_at <= as_of),
        )
        .order_by(Order.purchase_date, Order.order_id)
    ).all()
    return [(order, whole_days(as_of, order.purchase_date)) for order in rows]


def health(db: Database, as_of: datetime | None = None, days: int = WINDOW_DAYS) -> HealthReport:
    as_of = clock.as_utc(as_of) if as_of else clock.now()
    with db.reading() as session:
        report = HealthReport(cancellation_rate(session, as_of, days))
        for order, days_late in late_orders(session, as_of):
            assert order.latest_ship_date is not None
            entry = {
                "order_id": order.order_id,
                "status": order.status.value,
                "latest_ship_date": iso(order.latest_ship_date),
                "days_late": days_late,
            }
            report.late.append(entry)
            report.at_risk_of_auto_cancel.append(
                {
                    **entry,
                    "days_left": AUTO_CANCEL_DAYS - days_late,
                    "auto_cancel_from": iso(
                        order.latest_ship_date + timedelta(days=AUTO_CANCEL_DAYS)
                    ),
                }
            )
        for order, age in pending_too_long(session, as_of):
            report.pending_over_21_days.append(
                {
                    "order_id": order.order_id,
                    "purchase_date": iso(order.purchase_date),
                    "age_days": age,
                }
            )
        for order in session.scalars(
            select(Order)
            .where(
                Order.canceled_on_marketplace.is_(True),
                Order.purchase_date <= as_of,
                seller_fulfilled(),
            )
            .order_by(Order.purchase_date)
        ):
            report.canceled_on_marketplace.append(
                {
                    "order_id": order.order_id,
                    "purchase_date": iso(order.purchase_date),
                    # False: some lines only (an item-status Cancelled in a shipped order).
                    "whole_order": order.status is OrderStatus.CANCELED,
                }
            )
        report.overdue_refunds = overdue_refunds(session, as_of)
    return report
