"""The audit log: every change to an order appends one event with before and after."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.models import Event, Order
from app.text import Text, to_json


def snapshot(order: Order) -> dict[str, Any]:
    """The parts of an order a change can touch, as plain JSON-able values."""
    return {
        "status": order.status.value,
        "items": {
            item.ref: {
                "quantity": item.quantity,
                "shipped": item.quantity_shipped,
                "cancelled": item.quantity_cancelled,
            }
            for item in order.items
        },
    }


def record(
    session: Session,
    order: Order | None,
    *,
    kind: str,
    summary: Text | str,
    at: datetime,
    actor: str = "seller",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Event:
    """Append the event; a :class:`Text` summary is kept in English and translatable."""
    translatable = summary if isinstance(summary, Text) else None
    event = Event(
        order_pk=order.id if order is not None else None,
        at=at,
        actor=actor,
        kind=kind,
        summary=str(summary),
        summary_text=None if translatable is None else to_json(translatable),
        before=None if before is None else json.dumps(before, sort_keys=True),
        after=None if after is None else json.dumps(after, sort_keys=True),
    )
    session.add(event)
    return event
