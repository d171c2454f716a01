"""Which orders a list shows: filters and search, expressed in SQL.

The command line's ``list`` and the window's order list both build their
queries here, so "late" or "buyer requested" means the same everywhere and a
million orders are filtered and counted by the database, not in Python.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, true

from app import clock
from app.health import AT_RISK_NOTICE_DAYS, AUTO_CANCEL_DAYS
from app.models import Order, OrderStatus

OPEN_STATUSES = (OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED)


class View(enum.StrEnum):
    """The one-click filters of the order list."""

    ALL = "all"
    PENDING = "pending"
    UNSHIPPED = "unshipped"  # includes partially shipped
    LATE = "late"
    BUYER_REQUESTED = "buyer-requested"
    AT_RISK = "at-risk"
    SHIPPED = "shipped"
    CANCELED = "canceled"


@dataclass(frozen=True)
class OrderFilter:
    status: OrderStatus | None = None
    view: View = View.ALL
    buyer_requested: bool = False
    late_as_of: datetime | None = None
    search: str = ""


def is_late(as_of: datetime) -> ColumnElement[bool]:
    """Units still to ship and the latest ship date passed."""
    return and_(Order.status.in_(OPEN_STATUSES), Order.latest_ship_date < as_of)


def is_at_risk(as_of: datetime) -> ColumnElement[bool]:
    """Late and within AT_RISK_NOTICE_DAYS of the marketplace's auto-cancellation (S11)."""
    since = as_of - timedelta(days=AUTO_CANCEL_DAYS - AT_RISK_NOTICE_DAYS)
    return and_(Order.status.in_(OPEN_STATUSES), Order.latest_ship_date <= since)


def view_condition(view: View, as_of: datetime) -> ColumnElement[bool]:
    match view:
        case View.ALL:
            return true()
        case View.PENDING:
            return Order.status == OrderStatus.PENDING
        case View.UNSHIPPED:
            return Order.status.in_(OPEN_STATUSES)
        case View.LATE:
            return is_late(as_of)
        case View.BUYER_REQUESTED:
            return and_(
                Order.buyer_requested_cancel.is_(True),
                Order.status.not_in([OrderStatus.CANCELED, OrderStatus.SHIPPED]),
            )
        case View.AT_RISK:
            return is_at_risk(as_of)
        case View.SHIPPED:
            return Order.status == OrderStatus.SHIPPED
        case View.CANCELED:
            return Order.status == OrderStatus.CANCELED
    return false()  # pragma: no cover - every view is matched above


def search_condition(search: str) -> ColumnElement[bool]:
    """Order id, buyer name, SKU or product name containing every word typed."""
    conditions = []
    for word in search.split():
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        conditions.append(
            or_(
                Order.order_id.like(pattern),
                and_(Order.status != OrderStatus.PENDING, Order.buyer_name.ilike(pattern)),
                Order.skus.ilike(pattern),
                Order.titles.ilike(pattern),
            )
        )
    return and_(true(), *conditions)


def conditions(criteria: OrderFilter, as_of: datetime | None = None) -> list[ColumnElement[bool]]:
    moment = as_of or criteria.late_as_of or clock.now()
    found: list[ColumnElement[bool]] = [view_condition(criteria.view, moment)]
    if criteria.status is not None:
        found.append(Order.status == criteria.status)
    if criteria.buyer_requested:
        found.append(Order.buyer_requested_cancel.is_(True))
    if criteria.late_as_of is not None:
        found.append(is_late(criteria.late_as_of))
    if criteria.search.strip():
        found.append(search_condition(criteria.search))
    return found


def filtered_orders(criteria: OrderFilter, as_of: datetime | None = None) -> Select[Order]:
    """Matching orders, oldest purchase first (the CLI's order)."""
    return (
        select(Order)
        .where(*conditions(criteria, as_of))
        .order_by(Order.purchase_date, Order.order_id)
    )


def count_orders(criteria: OrderFilter, as_of: datetime | None = None) -> Select[int]:
    return select(func.count(Order.id)).where(*conditions(criteria, as_of))
