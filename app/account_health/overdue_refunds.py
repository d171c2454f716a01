"""Refunds overdue after a received return (DESIGN §8): a list of the health report.

Its own small module, read through the tables' columns: ``health --json`` lists it
without importing the returns and refunds actions or configuring the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.clock import iso
from app.storage.db import Database
from app.storage.models import Order, Refund, Return, ReturnStatus


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


def overdue_returns(session: Session, as_of: datetime) -> list[OverdueRefund]:
    """Returns received by ``as_of`` whose refund was due before that day and not made by then.

    Only returns with a refund to make carry a due date (a return on an order whose
    shipment was never confirmed cancels it instead). A refund settles a return
    when it names it, or when it was made on the order after the return arrived.
    """
    as_of = clock.as_utc(as_of)
    today = as_of.date()
    returns, refunds, orders = Return.__table__.c, Refund.__table__.c, Order.__table__.c
    refunded = exists().where(
        refunds.order_pk == returns.order_pk,
        refunds.created_at <= as_of,
        or_(refunds.return_id == returns.id, refunds.created_at >= returns.received_at),
    )
    rows = session.connection().execute(
        select(orders.order_id, returns.received_at, returns.refund_due)
        .join_from(Return.__table__, Order.__table__, orders.id == returns.order_pk)
        .where(
            returns.status == ReturnStatus.RECEIVED,
            returns.received_at.is_not(None),
            returns.received_at <= as_of,
            returns.refund_due.is_not(None),
            returns.refund_due < today,
            ~refunded,
        )
        .order_by(returns.refund_due, orders.order_id)
    )
    overdue = []
    for order_id, received_at, due in rows:
        # The query asks for both; this tells the type checker.
        assert received_at is not None and due is not None
        overdue.append(OverdueRefund(order_id, received_at, due, (today - due).days))
    return overdue


def overdue_refunds(source: Session | Database, as_of: datetime) -> list[dict[str, Any]]:
    """Returns received by ``as_of`` whose refund was due before that day and is not done."""
    as_of = clock.as_utc(as_of)
    if isinstance(source, Database):
        with source.reading() as session:
            return [entry.to_json() for entry in overdue_returns(session, as_of)]
    return [entry.to_json() for entry in overdue_returns(source, as_of)]
