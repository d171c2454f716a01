"""Which orders a list shows: filters and search, expressed in SQL.

The command line's ``list`` and the window's order list both build their
queries here, so "late" or "buyer requested" means the same everywhere and a
million orders are filtered and counted by the database, not in Python.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, true

from app import clock
from app.account_health.health import AT_RISK_FROM_DAYS_LATE
from app.account_health.health import OPEN_STATUSES as OPEN_STATUSES
from app.order_actions.message_choice import asked_only_by_message_condition
from app.order_actions.rules import seller_fulfilled
from app.order_views.search_text import fold
from app.storage.models import FulfilledBy, Order, OrderStatus


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
    FULFILLED_BY_AMAZON = "fulfilled-by-amazon"  # read-only: the marketplace ships them


@dataclass(frozen=True)
class OrderFilter:
    status: OrderStatus | None = None
    view: View = View.ALL
    buyer_requested: bool = False
    late_as_of: datetime | None = None
    search: str = ""
    fulfilled_by: FulfilledBy | None = None


def is_late(as_of: datetime) -> ColumnElement[bool]:
    """Units the seller still has to ship and the latest ship date passed."""
    return and_(Order.status.in_(OPEN_STATUSES), Order.latest_ship_date < as_of, seller_fulfilled())


def is_close_to_auto_cancel(as_of: datetime) -> ColumnElement[bool]:
    """Late and within AT_RISK_NOTICE_DAYS of the marketplace's auto-cancellation (S11).

    The SQL form of :func:`app.account_health.health.close_to_auto_cancel`: whole days
    late (floored) at least AT_RISK_FROM_DAYS_LATE is a ship-by date that far back or more.
    """
    since = as_of - timedelta(days=AT_RISK_FROM_DAYS_LATE)
    return and_(
        Order.status.in_(OPEN_STATUSES), Order.latest_ship_date <= since, seller_fulfilled()
    )


def view_condition(view: View, as_of: datetime) -> ColumnElement[bool]:
    match view:
        case View.ALL:
            return true()
        case View.PENDING:
            return and_(Order.status == OrderStatus.PENDING, seller_fulfilled())
        case View.UNSHIPPED:
            return and_(Order.status.in_(OPEN_STATUSES), seller_fulfilled())
        case View.LATE:
            return is_late(as_of)
        case View.BUYER_REQUESTED:
            # The official request (S4) or, still open, a request by message only (S5);
            # cancel_requested (either was made) lets one index walk it newest first.
            return and_(
                Order.cancel_requested.is_(True),
                or_(Order.buyer_requested_cancel.is_(True), asked_only_by_message_condition()),
                Order.status.not_in([OrderStatus.CANCELED, OrderStatus.SHIPPED]),
                seller_fulfilled(),
            )
        case View.AT_RISK:
            return is_close_to_auto_cancel(as_of)
        case View.SHIPPED:
            return Order.status == OrderStatus.SHIPPED
        case View.CANCELED:
            return Order.status == OrderStatus.CANCELED
        case View.FULFILLED_BY_AMAZON:
            return Order.fulfilled_by == FulfilledBy.MARKETPLACE
    return false()  # pragma: no cover - every view is matched above


# The start of an order id up to its second dash at least ("403-1234567-", a pasted id).
ORDER_ID_START = re.compile(r"\d{3}-\d{7}-\d{0,7}")


def _starts_with(column: ColumnElement[str], prefix: str) -> ColumnElement[bool]:
    """A prefix match the column's index answers: a range, checked by LIKE."""
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < following, column.like(f"{prefix}%"))


def word_condition(word: str) -> ColumnElement[bool]:
    """One searched word: in the order id, buyer name (once shown), SKUs or product names,
    whatever its accents and case ("Lemaitre" finds "Lemaître", and the reverse).

    A word shaped like the start of an order id up to its second dash
    ("403-1234567-89…", how a seller pastes one) means an order id: it is
    looked up by prefix in the order id's index instead of reading every order
    (a million orders: a millisecond instead of half a second).
    """
    word = word.replace("%", "").replace("_", "")
    if ORDER_ID_START.fullmatch(word):
        return _starts_with(Order.order_id, word)  # type: ignore[arg-type]
    # The folded copy is lower case already: a plain LIKE on both databases (no
    # lower() per row; SQLite's LIKE ignores ASCII case anyway).
    return or_(Order.order_id.like(f"%{word}%"), Order.search_text.like(f"%{fold(word)}%"))


def search_condition(search: str) -> ColumnElement[bool]:
    """Order id, buyer name, SKU or product name containing every word typed."""
    return and_(true(), *(word_condition(word) for word in search.split() if word.strip("%_")))


def conditions(criteria: OrderFilter, as_of: datetime | None = None) -> list[ColumnElement[bool]]:
    moment = as_of or criteria.late_as_of or clock.now()
    found: list[ColumnElement[bool]] = [view_condition(criteria.view, moment)]
    if criteria.status is not None:
        found.append(Order.status == criteria.status)
    if criteria.buyer_requested:
        # The official request (S4), or one by message only (S5) still to answer.
        found.append(or_(Order.buyer_requested_cancel.is_(True), asked_only_by_message_condition()))
    if criteria.late_as_of is not None:
        found.append(is_late(criteria.late_as_of))
    if criteria.fulfilled_by is not None:
        found.append(Order.fulfilled_by == criteria.fulfilled_by)
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
