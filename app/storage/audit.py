"""The audit log: every change to an order appends one event with before and after.

An action on one order records its event through the session (:func:`record`);
a bulk action (an import, a bulk cancel) writes many at once as plain rows
(:func:`event_values`). Both build the event, and the snapshot of an order's
state, with the same functions here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from app.json_text import json_writer
from app.order_actions.message_choice import BUYER_MESSAGE_EVENT, note_buyer_message
from app.storage.models import Event, Order, OrderItem, OrderStatus
from app.text import Text, to_json

# json.dumps(value, sort_keys=True), without a new encoder per call (nor C encoder).
_ENCODE = json_writer(json.JSONEncoder(sort_keys=True))


def items_snapshot(items: Iterable[OrderItem]) -> dict[str, Any]:
    """Each item's units by the name a seller knows it by (its ref)."""
    return {
        item.ref: {
            "quantity": item.quantity,
            "shipped": item.quantity_shipped,
            "cancelled": item.quantity_cancelled,
        }
        for item in items
    }


def state(status: OrderStatus, items: Iterable[OrderItem]) -> dict[str, Any]:
    """What a change can touch of an order with this status and these items."""
    return {"status": status.value, "items": items_snapshot(items)}


def snapshot(order: Order) -> dict[str, Any]:
    """The parts of an order a change can touch, as plain JSON-able values."""
    return state(order.status, order.items)


class Rendered(NamedTuple):
    """A summary as stored: its English and its translatable form (None for plain text)."""

    english: str
    translatable: str | None


def rendered(summary: Text | str) -> Rendered:
    """How a summary is stored; a bulk action renders one sentence once for many events."""
    if isinstance(summary, Text):
        return Rendered(summary.english(), to_json(summary))
    return Rendered(summary, None)


def event_values(
    order_pk: int | None,
    *,
    kind: str,
    summary: Text | str | Rendered,
    at: datetime,
    actor: str = "seller",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An event's columns; a :class:`Text` summary is kept in English and translatable."""
    said = summary if isinstance(summary, Rendered) else rendered(summary)
    return {
        "order_pk": order_pk,
        "at": at,
        "actor": actor,
        "kind": kind,
        "summary": said.english,
        "summary_text": said.translatable,
        "before": None if before is None else _ENCODE(before),
        "after": None if after is None else _ENCODE(after),
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
    """Append the event for ``order`` (None: an event about no one order)."""
    values = event_values(
        order.id if order is not None else None,
        kind=kind,
        summary=summary,
        at=at,
        actor=actor,
        before=before,
        after=after,
    )
    event = Event(**values)
    session.add(event)
    if order is not None and kind == BUYER_MESSAGE_EVENT:
        note_buyer_message(order, at)
    return event
