"""Account health as of a moment (DESIGN.md §4, §8; FORMATS.md §5).

Figures "as of" a moment count only what had happened by then: orders
purchased by then, cancellations made by then, shipments confirmed by then.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from itertools import groupby, pairwise
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Dialect,
    Select,
    and_,
    bindparam,
    case,
    exists,
    func,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Executable
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.types import NullType

from app import clock
from app.account_health.deadlines import AT_RISK_FROM_DAYS_LATE as AT_RISK_FROM_DAYS_LATE
from app.account_health.deadlines import AT_RISK_NOTICE_DAYS as AT_RISK_NOTICE_DAYS
from app.account_health.deadlines import AUTO_CANCEL_DAYS as AUTO_CANCEL_DAYS
from app.account_health.deadlines import OPEN_STATUSES as OPEN_STATUSES
from app.account_health.deadlines import close_to_auto_cancel as close_to_auto_cancel
from app.account_health.deadlines import days_before_auto_cancel as days_before_auto_cancel
from app.account_health.overdue_refunds import overdue_refunds
from app.clock import iso, whole_days
from app.order_actions.rules import seller_fulfilled
from app.storage import order_table
from app.storage.action_tables import (
    cancellation_lines,
    cancellations,
    has_units_open_in_sql,
    order_items,
    shipment_lines,
    shipments,
    units_open_in_sql,
)
from app.storage.db import Database, connection_of
from app.storage.order_table import FulfilledBy, OrderStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RATE_TARGET = Decimal("2.50")
WINDOW_DAYS = 7
PENDING_LIMIT_DAYS = 21  # S12


# Read through the tables' columns (Core): the same SQL as through the mapped classes,
# and a command that only reads (``health --json``) never imports the ORM (half a second).
_ORDERS, _ORDER_ITEMS = order_table.orders, order_items
_SHIPMENTS, _SHIPMENT_LINES = shipments, shipment_lines
_CANCELLATIONS, _CANCELLATION_LINES = cancellations, cancellation_lines


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


def _bought_in(after: datetime, until: datetime) -> tuple[ColumnElement[bool], ...]:
    """Orders purchased in (after, until]: a rate's window."""
    purchased = _ORDERS.c.purchase_date
    return purchased > after, purchased <= until


def _counting_by(moment: datetime) -> tuple[ColumnElement[bool], ...]:
    """Cancellations that count in the seller's rate, made by the moment."""
    cancellations = _CANCELLATIONS.c
    return cancellations.counts_in_rate.is_(True), cancellations.created_at <= moment


# Every order less the marketplace's (an order is shipped by one or the other): both
# walk an index alone (the purchase date's, the marketplace orders' partial one) instead
# of reading each order's row to see who ships it (0.35 s at 1M).
_THEIRS = _ORDERS.c.fulfilled_by == FulfilledBy.MARKETPLACE


def sellers_bought_in(after: datetime, until: datetime) -> tuple[ColumnElement[bool], ...]:
    """The orders the seller ships purchased in (after, until], found as every order of
    the window less the marketplace's: an order's row is read only once it is wanted
    (cancellations of a week's orders at 1M: 0.5 s → 0.1 s)."""
    theirs = select(_ORDERS.c.id).where(*_bought_in(after, until), _THEIRS)
    return *_bought_in(after, until), _ORDERS.c.id.not_in(theirs)


def cancellation_rate(
    session: Session | Connection, as_of: datetime, days: int = WINDOW_DAYS
) -> CancellationRate:
    """Orders purchased in (as_of − days, as_of]; those with a counting cancellation by as_of.

    Only orders the seller fulfils: the marketplace's rate leaves its own out of both figures.
    """
    orders, cancellations = _ORDERS.c, _CANCELLATIONS.c
    counted = exists().where(cancellations.order_pk == orders.id, *_counting_by(as_of))

    def figures(*fulfilled_by: ColumnElement[bool]) -> Select[int, int | None]:
        # Both figures in one pass over the window's orders (each pass reads them all).
        return select(func.count(orders.id), func.sum(case((counted, 1), else_=0))).where(
            *_bought_in(window_start(as_of, days), as_of), *fulfilled_by
        )

    connection = connection_of(session)
    every = connection.execute(figures()).one()
    theirs = connection.execute(figures(_THEIRS)).one()
    orders_count = int(every[0] or 0) - int(theirs[0] or 0)
    cancelled = int(every[1] or 0) - int(theirs[1] or 0)
    return CancellationRate(as_of, days, orders_count, cancelled)


def cancellation_rates(
    session: Session | Connection, moments: Sequence[datetime], days: int = WINDOW_DAYS
) -> list[CancellationRate]:
    """:func:`cancellation_rate` as of each of these moments, in two queries whatever their
    number (the health page's history asks for sixty, each window holding most of the
    next one's orders).

    The windows' edges cut time into spans: the orders of each span are counted once
    (not once per window holding it), and each window adds up its spans. The orders with
    a counting cancellation are few: they are read once, with when each was first
    counted, and each window takes those it holds that were counted by its moment.
    For one moment, :func:`cancellation_rate`'s single pass costs less.
    """
    if not moments:
        return []
    connection = connection_of(session)
    orders, cancellations = _ORDERS.c, _CANCELLATIONS.c
    edges = sorted({edge for moment in moments for edge in (window_start(moment, days), moment)})
    spans = list(pairwise(edges))

    def span_orders(
        after: datetime, until: datetime, *fulfilled_by: ColumnElement[bool]
    ) -> Select[int]:
        return select(func.count(orders.id)).where(*_bought_in(after, until), *fulfilled_by)

    counts = connection.execute(
        select(
            *(span_orders(*span).scalar_subquery() for span in spans),
            *(span_orders(*span, _THEIRS).scalar_subquery() for span in spans),
        )
    ).one()
    in_span = [
        int(every) - int(marketplace)
        for every, marketplace in zip(counts[: len(spans)], counts[len(spans) :], strict=True)
    ]
    # Each order's first counting cancellation, then its order's purchase date looked up
    # by key (None: not the seller's, or outside every window): read from the
    # cancellations (a few), not by walking every order of the windows. The order is
    # found by its key alone, the window tested on the row found: a planner without
    # statistics (a new PostgreSQL database) walked the windows' orders once for each
    # cancellation when the window's test could pick the index.
    counted_from = (
        select(cancellations.order_pk, func.min(cancellations.created_at).label("at"))
        .where(*_counting_by(edges[-1]))
        .group_by(cancellations.order_pk)
        .subquery()
    )
    bought = (
        select(
            case((and_(*_bought_in(edges[0], edges[-1]), seller_fulfilled()), orders.purchase_date))
        )
        .where(orders.id == counted_from.c.order_pk)
        .scalar_subquery()
    )
    found = connection.execute(select(bought, counted_from.c.at))
    first_counted = sorted((day, at) for day, at in found if day is not None)
    purchased = [purchase_date for purchase_date, _ in first_counted]
    rates = []
    for moment in moments:
        start = window_start(moment, days)
        since, until = edges.index(start), edges.index(moment)
        inside = first_counted[bisect_right(purchased, start) : bisect_right(purchased, moment)]
        cancelled = sum(counted <= moment for _, counted in inside)
        rates.append(CancellationRate(moment, days, sum(in_span[since:until]), cancelled))
    return rates


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


class LateOrder(NamedTuple):
    order_id: str
    status: OrderStatus
    latest_ship_date: datetime
    days_late: int


class LateRun(NamedTuple):
    """Late orders next to each other in the list's order (ship-by date, then order id)
    that share everything but their order id: 100,000 late orders make a few hundred."""

    status: OrderStatus
    latest_ship_date: datetime
    days_late: int
    order_ids: list[str]


class PendingOrder(NamedTuple):
    order_id: str
    purchase_date: datetime
    age_days: int


def _units_undone_after(connection: Connection, as_of: datetime) -> dict[int, int]:
    """Units shipped or cancelled after ``as_of``, by order: they were still open at that moment.

    Read from the shipments and cancellations made after ``as_of`` (their date's
    index), never from the list of candidate orders, however long it is.
    """
    undone: dict[int, int] = defaultdict(int)
    shipments, shipment_lines = _SHIPMENTS.c, _SHIPMENT_LINES.c
    cancellations, cancellation_lines = _CANCELLATIONS.c, _CANCELLATION_LINES.c
    shipped = connection.execute(
        select(shipments.order_pk, func.sum(shipment_lines.quantity))
        .join_from(_SHIPMENTS, _SHIPMENT_LINES, shipment_lines.shipment_id == shipments.id)
        .where(shipments.created_at > as_of)
        .group_by(shipments.order_pk)
    )
    cancelled = connection.execute(
        select(cancellations.order_pk, func.sum(cancellation_lines.quantity))
        .join_from(
            _CANCELLATIONS,
            _CANCELLATION_LINES,
            cancellation_lines.cancellation_id == cancellations.id,
        )
        .where(cancellations.created_at > as_of)
        .group_by(cancellations.order_pk)
    )
    for order_pk, units in [*shipped, *cancelled]:
        undone[order_pk] += int(units or 0)
    return undone


def late_orders(session: Session | Connection, as_of: datetime) -> list[LateOrder]:
    """Orders with units still to ship past their latest ship date, with days late,
    by ship-by date then order id."""
    return [
        LateOrder(order_id, run.status, run.latest_ship_date, run.days_late)
        for run in late_runs(session, as_of)
        for order_id in run.order_ids
    ]


# Between two order ids of a late group, as the database joins them (an id holding it
# is noticed by the count and read again, one row each).
_ID_SEPARATOR = " "


def late_runs(session: Session | Connection, as_of: datetime) -> list[LateRun]:
    """:func:`late_orders`, as runs of orders sharing a status and a ship-by date.

    Index walks instead of one pass over every order: the orders open now (status and
    ship-by index), and those shipped or cancelled since ``as_of`` (a report as of a
    past moment). The open ones come from the database as one row per status and
    ship-by date with their order ids joined: 100,000 rows cost a second to fetch
    into Python, a few hundred joined ones a fraction of that.
    """
    connection = connection_of(session)
    undone = _units_undone_after(connection, as_of)
    orders, items = _ORDERS.c, _ORDER_ITEMS.c
    known_then = and_(
        seller_fulfilled(),
        orders.latest_ship_date.is_not(None),
        orders.latest_ship_date < as_of,
        orders.purchase_date <= as_of,
        or_(orders.payment_date.is_(None), orders.payment_date <= as_of),
        orders.status != OrderStatus.PENDING,
    )
    units_open = units_open_in_sql(items.quantity, items.quantity_shipped, items.quantity_cancelled)
    open_units = func.coalesce(
        select(func.sum(units_open)).where(items.order_pk == orders.id).scalar_subquery(), 0
    )
    raw_status = type_coerce(orders.status, NullType())  # converted once per value below
    raw_ship_by = type_coerce(orders.latest_ship_date, NullType())
    # Late whatever was undone since: open now, with units open now.
    # (an item with units open: the database stops at the first, not adding them all up)
    # Both written as the partial indexes of migration 0017 say them (the statuses
    # inline, no bound constant), so SQLite reads them from those indexes, not from
    # 100,000 order and item rows.
    open_now: BindParameter[list[OrderStatus]] = bindparam(
        "open_statuses", list(OPEN_STATUSES), expanding=True, literal_execute=True
    )
    late_now = and_(
        known_then,
        orders.status.in_(open_now),
        exists().where(
            items.order_pk == orders.id,
            has_units_open_in_sql(items.quantity, items.quantity_shipped, items.quantity_cancelled),
        ),
    )
    # The orders of each (raw status, raw ship-by date), the order ids unsorted.
    found: dict[tuple[Any, Any], list[str]] = defaultdict(list)
    grouped = _plain_rows(
        connection,
        select(
            raw_status,
            raw_ship_by,
            func.count(),
            func.aggregate_strings(orders.order_id, _ID_SEPARATOR),
        )
        .where(late_now)
        .group_by(orders.status, orders.latest_ship_date),
    )
    if all(ids.count(_ID_SEPARATOR) == count - 1 for *_, count, ids in grouped):
        for status, ship_by, _, ids in grouped:
            found[status, ship_by] += ids.split(_ID_SEPARATOR)
    else:  # an order id holds the separator: one row per order
        for status, ship_by, order_id in _plain_rows(
            connection, select(raw_status, raw_ship_by, orders.order_id).where(late_now)
        ):
            found[status, ship_by].append(order_id)
    if undone:  # rare: a report as of a moment before some shipments
        status_now = _converted_once(orders.status, connection.dialect)
        for pk, order_id, status, ship_by, units in _plain_rows(
            connection,
            select(orders.id, orders.order_id, raw_status, raw_ship_by, open_units).where(
                known_then, orders.id.in_(list(undone))
            ),
        ):
            if status_now(status) in OPEN_STATUSES and int(units) > 0:
                continue  # already found above
            if int(units) + undone[pk] > 0:
                found[status, ship_by].append(order_id)
    return _runs(found, connection.dialect, as_of)


def _runs(
    found: dict[tuple[Any, Any], list[str]], dialect: Dialect, as_of: datetime
) -> list[LateRun]:
    """The late orders in the list's order: by ship-by date, each day's by order id
    (unique: nothing else compared; comparing 100,000 timezone-aware dates took most
    of a one-pass sort's time). Status, date and days late worked out once per group."""
    status_of = _converted_once(_ORDERS.c.status, dialect)
    moment_of = _converted_once(_ORDERS.c.latest_ship_date, dialect)
    days: dict[datetime, dict[OrderStatus, list[str]]] = defaultdict(lambda: defaultdict(list))
    for (raw_status, raw_ship_by), order_ids in found.items():
        days[moment_of(raw_ship_by)][status_of(raw_status)] += order_ids
    runs: list[LateRun] = []
    for ship_by in sorted(days):
        late_by = whole_days(as_of, ship_by)
        statuses = days[ship_by]
        if len(statuses) == 1:
            [(status, order_ids)] = statuses.items()
            runs.append(LateRun(status, ship_by, late_by, sorted(order_ids)))
            continue
        merged = sorted((order_id, status) for status, ids in statuses.items() for order_id in ids)
        for status, run in groupby(merged, key=itemgetter(1)):
            runs.append(LateRun(status, ship_by, late_by, [order_id for order_id, _ in run]))
    return runs


def _plain_rows(connection: Connection, statement: Executable) -> list[Any]:
    """The driver's own tuples: the columns asked for need no conversion on either
    database (raw values are converted once per value by the caller), and a
    result row object for each of 100,000 orders cost a tenth of the list."""
    result = connection.execute(statement)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _converted_once(column: ColumnElement[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """The column's own conversion of a raw database value, worked out once per value.

    100,000 late orders share a few hundred ship-by dates and three statuses: each
    is converted (and its days late counted) once, not once per order.
    """
    convert = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return cache(convert) if convert else _unchanged


def _unchanged(value: Any) -> Any:
    return value


def pending_too_long(session: Session | Connection, as_of: datetime) -> list[PendingOrder]:
    """S12: orders still pending at ``as_of`` more than 21 days after purchase."""
    limit = as_of - timedelta(days=PENDING_LIMIT_DAYS)
    orders, cancellations = _ORDERS.c, _CANCELLATIONS.c
    not_cancelled = ~exists().where(
        cancellations.order_pk == orders.id, cancellations.created_at <= as_of
    )

    def old_orders(pending_then: ColumnElement[bool]) -> Select[str, datetime]:
        return select(orders.order_id, orders.purchase_date).where(
            seller_fulfilled(), orders.purchase_date < limit, pending_then, not_cancelled
        )

    # Pending now, or paid only after as_of: two index walks (status, payment date)
    # rather than one look at every order older than 21 days.
    rows = connection_of(session).execute(
        union_all(
            old_orders(orders.status == OrderStatus.PENDING),
            old_orders(and_(orders.status != OrderStatus.PENDING, orders.payment_date > as_of)),
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
    late: list[LateRun]
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
    with db.connected() as connection:
        rate = cancellation_rate(connection, as_of, days)
        late = late_runs(connection, as_of)
        pending = pending_too_long(connection, as_of)
        orders = _ORDERS.c
        cancelled = [
            {
                "order_id": order_id,
                "purchase_date": iso(purchased),
                # False: some lines only (an item-status Cancelled in a shipped order).
                "whole_order": status is OrderStatus.CANCELED,
            }
            for order_id, purchased, status in connection.execute(
                select(orders.order_id, orders.purchase_date, orders.status)
                .where(
                    # Its own partial index (migration 0014): a handful of orders, not 1M.
                    orders.canceled_on_marketplace.is_(True),
                    orders.purchase_date <= as_of,
                    seller_fulfilled(),
                )
                .order_by(orders.purchase_date)
            )
        ]
        return HealthFacts(rate, late, pending, cancelled, overdue_refunds(connection, as_of))


def health(db: Database, as_of: datetime | None = None, days: int = WINDOW_DAYS) -> HealthReport:
    facts = health_facts(db, as_of, days)
    report = facts.report_without_late()
    dates = cache(ship_by_dates)  # once per ship-by date, not per late order
    for run in facts.late:
        for order_id in run.order_ids:
            entry, at_risk = late_entries(
                LateOrder(order_id, run.status, run.latest_ship_date, run.days_late), dates
            )
            report.late.append(entry)
            report.at_risk_of_auto_cancel.append(at_risk)
    return report
