"""Refunds overdue after a received return (DESIGN §8): a list of the health report.

Its own small module, read through the Core tables: ``health --json`` lists it
without importing the returns and refunds actions or the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, or_, select
from sqlalchemy.engine import Connection

from app import clock
from app.clock import iso
from app.storage.action_tables import refunds, returns
from app.storage.db import Database, connection_of
from app.storage.order_table import ReturnStatus, orders

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class OverdueRefund:
    """A received return whose refund was due before the day asked about and is not done."""

    order_id: str
    received_at: datetime
    due: date
    days_overdue: int

    def to_json(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "received_at": iso(self.received_at),
            "due": self.due.isoformat(),
            "days_overdue": self.days_overdue,
        }


def overdue_returns(session: Session | Connection, as_of: datetime) -> list[OverdueRefund]:
    """Returns received by ``as_of`` whose refund was due before that day and not made by then.

    Only returns with a refund to make carry a due date (a return on an order whose
    shipment was never confirmed cancels it instead). A refund settles a return
    when it names it, or when it was made on the order after the return arrived.
    """
    as_of = clock.as_utc(as_of)
    today = as_of.date()
    returned, refunded_by, ordered = returns.c, refunds.c, orders.c
    refunded = exists().where(
        refunded_by.order_pk == returned.order_pk,
        refunded_by.created_at <= as_of,
        or_(
            refunded_by.return_id == returned.id,
            refunded_by.created_at >= returned.received_at,
        ),
    )
    rows = connection_of(session).execute(
        select(ordered.order_id, returned.received_at, returned.refund_due)
        .join_from(returns, orders, ordered.id == returned.order_pk)
        .where(
            returned.status == ReturnStatus.RECEIVED,
            returned.received_at.is_not(None),
            returned.received_at <= as_of,
            returned.refund_due.is_not(None),
            returned.refund_due < today,
            ~refunded,
        )
        .order_by(returned.refund_due, ordered.order_id)
    )
    overdue = []
    for order_id, received_at, due in rows:
        # The query asks for both; this tells the type checker.
        assert received_at is not None and due is not None
        overdue.append(OverdueRefund(order_id, received_at, due, (today - due).days))
    return overdue


def overdue_refunds(
    source: Session | Connection | Database, as_of: datetime
) -> list[dict[str, Any]]:
    """Returns received by ``as_of`` whose refund was due before that day and is not done."""
    as_of = clock.as_utc(as_of)
    if isinstance(source, Database):
        with source.connected() as connection:
            return [entry.to_json() for entry in overdue_returns(connection, as_of)]
    return [entry.to_json() for entry in overdue_returns(source, as_of)]
