"""Account health as of a moment (DESIGN.md §4, §8; FORMATS.md §5).

Figures "as of" a moment count only what had happened by then: orders
purchased by then, cancellations made by then, shipments confirmed by then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, partial
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Dialect,
    Select,
    and_,
    case,
    exists,
    func,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql import Executable
from sqlalchemy.types import NullType

from app import clock
from app.account_health.deadlines import AT_RISK_FROM_DAYS_LATE as AT_RISK_FROM_DAYS_LATE
from app.account_health.deadlines import AT_RISK_NOTICE_DAYS as AT_RISK_NOTICE_DAYS
from app.account_health.deadlines import AUTO_CANCEL_DAYS as AUTO_CANCEL_DAYS
from app.account_health.deadlines import OPEN_STATUSES as OPEN_STATUSES
from app.clock import iso, whole_days
from app.order_actions.rules import seller_fulfilled
from app.storage.db import Database
from app.storage.models import (
    Cancellation,
    CancellationLine,
    Order,
    OrderItem,
    OrderStatus,
    Shipment,
    ShipmentLine,
)

RATE_TARGET = Decimal("2.50")
WINDOW_DAYS = 7
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
    counted = exists().where(
        Cancellation.order_pk == Order.id,
        Cancellation.counts_in_rate.is_(True),
        Cancellation.created_at <= as_of,
    )
    # Both figures in one pass over the window's orders (each pass reads them all).
    orders, cancelled = session.execute(
        select(func.count(Order.id), func.sum(case((counted, 1), else_=0))).where(in_window)
    ).one()
    orders, cancelled = int(orders or 0), int(cancelled or 0)
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

    @property
    def close_to_auto_cancel(self) -> list[dict[str, Any]]:
        """The late orders of the window's "At risk of auto-cancellation" filter.

        ``at_risk_of_auto_cancel`` (the JSON's name, DESIGN §8) holds every late order
        with its countdown: the window calls that group "Late".
        """
        return [
            entry
            for entry in self.at_risk_of_auto_cancel
            if close_to_auto_cancel(entry["days_late"])
        ]


def close_to_auto_cancel(days_late: int) -> bool:
    """A late order in the "At risk of auto-cancellation" group: the marketplace may cancel it
    within AT_RISK_NOTICE_DAYS (S11). The list's filter asks the same in SQL
    (:func:`app.order_views.queries.is_close_to_auto_cancel`), the health page and
    the list's warning ask here.

    Not what the health JSON calls ``at_risk_of_auto_cancel``: that list holds every late
    order with its countdown (the window's "Late" group); this is its last days."""
    return days_late >= AT_RISK_FROM_DAYS_LATE


def days_before_auto_cancel(days_late: int) -> int:
    """Whole days before the marketplace may cancel a late order itself (S11);
    zero or less: it may do so now."""
    return AUTO_CANCEL_DAYS - days_late


class LateOrder(NamedTuple):
    order_id: str
    status: OrderStatus
    latest_ship_date: datetime
    days_late: int


class PendingOrder(NamedTuple):
    order_id: str
    purchase_date: datetime
    age_days: int


def _units_undone_after(session: Session, as_of: datetime) -> dict[int, int]:
    """Units shipped or cancelled after ``as_of``, by order: they were still open at that moment.

    Read from the shipments and cancellations made after ``as_of`` (their date's
    index), never from the list of candidate orders, however long it is.
    """
    undone: dict[int, int] = defaultdict(int)
    shipped = session.execute(
        select(Shipment.order_pk, func.sum(ShipmentLine.quantity))
        .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
        .where(Shipment.created_at > as_of)
        .group_by(Shipment.order_pk)
    )
    cancelled = session.execute(
        select(Cancellation.order_pk, func.sum(CancellationLine.quantity))
        .join(CancellationLine, CancellationLine.cancellation_id == Cancellation.id)
        .where(Cancellation.created_at > as_of)
        .group_by(Cancellation.order_pk)
    )
    for order_pk, units in [*shipped, *cancelled]:
        undone[order_pk] += int(units or 0)
    return undone


def late_orders(session: Session, as_of: datetime) -> list[LateOrder]:
    """Orders with units still to ship past their latest ship date, with days late.

    Two index walks instead of one pass over every order: the orders open now
    (status and ship-by index), and those shipped or cancelled since ``as_of``
    (a report as of a past moment). Rows, not ORM objects: 100,000 late orders
    are listed in a fraction of a second.
    """
    undone = _units_undone_after(session, as_of)
    rows = session.connection()  # plain rows: no ORM bookkeeping per row
    known_then = and_(
        seller_fulfilled(),
        Order.latest_ship_date.is_not(None),
        Order.latest_ship_date < as_of,
        Order.purchase_date <= as_of,
        or_(Order.payment_date.is_(None), Order.payment_date <= as_of),
        Order.status != OrderStatus.PENDING,
    )
    status_of = _converted_once(Order.status, rows.dialect)
    moment_of = _converted_once(Order.latest_ship_date, rows.dialect)
    columns = (
        Order.id,
        Order.order_id,
        type_coerce(Order.status, NullType()),  # raw: converted once per value below
        type_coerce(Order.latest_ship_date, NullType()),
        func.coalesce(
            select(func.sum(OrderItem.quantity_open))
            .where(OrderItem.order_pk == Order.id)
            .scalar_subquery(),
            0,
        ),
    )
    # Sorted here, not by the database: asked for in ship-by order, SQLite walks the
    # ship-by index through every order shipped long ago (seconds at 1M) instead of
    # the open orders' status index.
    open_now = select(*columns).where(known_then, Order.status.in_(OPEN_STATUSES))
    found = _plain_rows(rows, open_now)
    if undone:  # rare: a report as of a moment before some shipments
        seen = {row[0] for row in found}
        changed = [pk for pk in undone if pk not in seen]
        if changed:
            found += _plain_rows(rows, select(*columns).where(known_then, Order.id.in_(changed)))
    days_late = cache(partial(whole_days, as_of))
    # What a late order is besides its id, worked out once per status and ship-by date;
    # the orders gathered by ship-by date, each day's sorted by order id (comparing
    # 100,000 timezone-aware dates took most of a one-pass sort's time).
    shapes: dict[tuple[Any, Any], tuple[OrderStatus, datetime, int]] = {}
    by_ship_by: dict[datetime, list[LateOrder]] = defaultdict(list)
    for pk, order_id, raw_status, raw_ship_by, open_units in found:
        if int(open_units) + undone.get(pk, 0) > 0:
            shape = shapes.get((raw_status, raw_ship_by))
            if shape is None:
                ship_by = moment_of(raw_ship_by)
                shape = (status_of(raw_status), ship_by, days_late(ship_by))
                shapes[raw_status, raw_ship_by] = shape
            by_ship_by[shape[1]].append(LateOrder(order_id, *shape))
    late: list[LateOrder] = []
    for ship_by in sorted(by_ship_by):
        late += sorted(by_ship_by[ship_by])  # by order id: unique, so nothing else compared
    return late


def _plain_rows(connection: Connection, statement: Executable) -> list[Any]:
    """The driver's own tuples: the columns asked for need no conversion on either
    database (raw values are converted once per value by the caller), and a
    result row object for each of 100,000 orders cost a tenth of the list."""
    result = connection.execute(statement)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _converted_once(column: QueryableAttribute[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """The column's own conversion of a raw database value, worked out once per value.

    100,000 late orders share a few hundred ship-by dates and three statuses: each
    is converted (and its days late counted) once, not once per order.
    """
    convert = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return cache(convert) if convert else _unchanged


def _unchanged(value: Any) -> Any:
    return value


def pending_too_long(session: Session, as_of: datetime) -> list[PendingOrder]:
    """S12: orders still pending at ``as_of`` more than 21 days after purchase."""
    limit = as_of - timedelta(days=PENDING_LIMIT_DAYS)
    not_cancelled = ~exists().where(
        Cancellation.order_pk == Order.id, Cancellation.created_at <= as_of
    )

    def old_orders(pending_then: ColumnElement[bool]) -> Select[str, datetime]:
        return select(Order.order_id, Order.purchase_date).where(
            seller_fulfilled(), Order.purchase_date < limit, pending_then, not_cancelled
        )

    # Pending now, or paid only after as_of: two index walks (status, payment date)
    # rather than one look at every order older than 21 days.
    rows = session.connection().execute(
        union_all(
            old_orders(Order.status == OrderStatus.PENDING),
            old_orders(and_(Order.status != OrderStatus.PENDING, Order.payment_date > as_of)),
        )
    )
    found = [
        PendingOrder(order_id, purchased, whole_days(as_of, purchased))
        for order_id, purchased in rows
    ]
    found.sort(key=lambda order: (order.purchase_date, order.order_id))
    return found


def ship_by_dates(ship_by: datetime) -> tuple[str | None, str | None]:
    """A late order's ship-by date and the day the marketplace may cancel it, as shown."""
    return iso(ship_by), iso(ship_by + timedelta(days=AUTO_CANCEL_DAYS))


ShipByDates = Callable[[datetime], tuple[str | None, str | None]]


def late_entries(order: LateOrder, dates: ShipByDates) -> tuple[dict[str, Any], dict[str, Any]]:
    """A late order's entry in the JSON's ``late`` list and in ``at_risk_of_auto_cancel``.

    ``dates`` is :func:`ship_by_dates`, cached by the caller: 100,000 late orders share
    a few hundred ship-by dates."""
    ship_by, auto_cancel_from = dates(order.latest_ship_date)
    entry = {
        "order_id": order.order_id,
        "status": order.status.value,
        "latest_ship_date": ship_by,
        "days_late": order.days_late,
    }
    at_risk = {
        **entry,
        "days_left": days_before_auto_cancel(order.days_late),
        "auto_cancel_from": auto_cancel_from,
    }
    return entry, at_risk


def pending_entry(pending: PendingOrder) -> dict[str, Any]:
    return {
        "order_id": pending.order_id,
        "purchase_date": iso(pending.purchase_date),
        "age_days": pending.age_days,
    }


@dataclass
class HealthFacts:
    """What the health report is made of, as rows: the report's lists are built from them
    (the window's page), or written straight out (``health --json``, app/cli/health_output.py).
    """

    rate: CancellationRate
    late: list[LateOrder]
    pending: list[PendingOrder]
    canceled_on_marketplace: list[dict[str, Any]]
    overdue_refunds: list[dict[str, Any]]

    def report_without_late(self) -> HealthReport:
        """The report of these facts, its two late lists still empty: they are the long
        ones, filled by :func:`health` or written straight out by ``health --json``."""
        return HealthReport(
            self.rate,
            pending_over_21_days=[pending_entry(pending) for pending in self.pending],
            canceled_on_marketplace=self.canceled_on_marketplace,
            overdue_refunds=self.overdue_refunds,
        )


def health_facts(
    db: Database, as_of: datetime | None = None, days: int = WINDOW_DAYS
) -> HealthFacts:
    as_of = clock.as_utc(as_of) if as_of else clock.now()
    with db.reading() as session:
        rate = cancellation_rate(session, as_of, days)
        late = late_orders(session, as_of)
        pending = pending_too_long(session, as_of)
        cancelled = [
            {
                "order_id": order_id,
                "purchase_date": iso(purchased),
                # False: some lines only (an item-status Cancelled in a shipped order).
                "whole_order": status is OrderStatus.CANCELED,
            }
            for order_id, purchased, status in session.execute(
                select(Order.order_id, Order.purchase_date, Order.status)
                .where(
                    # Its own partial index (migration 0014): a handful of orders, not 1M.
                    Order.canceled_on_marketplace.is_(True),
                    Order.purchase_date <= as_of,
                    seller_fulfilled(),
                )
                .order_by(Order.purchase_date)
            )
        ]
        # Imported here: the returns and refunds rules are not needed to list orders.
        from app.order_actions.returns import overdue_refunds

        return HealthFacts(rate, late, pending, cancelled, overdue_refunds(session, as_of))


def health(db: Database, as_of: datetime | None = None, days: int = WINDOW_DAYS) -> HealthReport:
    facts = health_facts(db, as_of, days)
    report = facts.report_without_late()
    dates = cache(ship_by_dates)  # once per ship-by date, not per late order
    for order in facts.late:
        entry, at_risk = late_entries(order, dates)
        report.late.append(entry)
        report.at_risk_of_auto_cancel.append(at_risk)
    return report
