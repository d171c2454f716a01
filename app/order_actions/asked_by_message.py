"""S5: the seller notes that a buyer asked to cancel by message (issue 12).

The buyer wrote through buyer-seller messaging instead of using Request cancellation.
Noted, the order is flagged in the list beside "Buyer requested" and its details put
the S5 reply (ask for the official request) one click away; cancelling it now would
still count in the cancellation rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app import clock, limits
from app.changes import Changes, order_state
from app.errors import BadInput
from app.order_actions.message_choice import BUYER_MESSAGE_EVENT
from app.order_actions.orders import find_order, require
from app.order_actions.rules import Action
from app.storage import audit
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, Moment, Text, text

CTX = "AskedByMessage"


@dataclass(frozen=True)
class Noted:
    order_id: str
    at: datetime  # when the buyer wrote

    @property
    def changes(self) -> Changes:
        """The list's request mark and the Buyer requested filter; not account health."""
        return order_state([self.order_id], health=False)


def _sentence(note: str) -> Text:
    if note:
        return text(
            CTX,
            QT_TRANSLATE_NOOP(
                "AskedByMessage", 'The buyer asked by message to cancel: "{message}"'
            ),
            message=note,
        )
    return text(CTX, QT_TRANSLATE_NOOP("AskedByMessage", "The buyer asked by message to cancel."))


def _checked_note(note: str | None) -> str:
    written = " ".join((note or "").split())  # one line on the timeline
    if len(written) > limits.MAX_CELL:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "AskedByMessage", "The message is too long: keep it under {most} characters."
                ),
                most=limits.MAX_CELL,
            )
        )
    return written


def record_asked_by_message(
    db: Database,
    order_id: str,
    *,
    at: datetime | None = None,
    note: str | None = None,
    actor: str = "seller",
) -> Noted:
    """Note, in one transaction with its audit event, that the buyer of ``order_id``
    asked by message at ``at`` (default now) to cancel; ``note`` is what they wrote."""
    now = clock.now()
    when = at or now
    if when.tzinfo is None:
        raise ValueError("a timezone-aware time is needed")  # a bug, never the seller's input
    if when > now:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "AskedByMessage", "{when} is in the future: say when the buyer wrote."
                ),
                when=Moment(when),
            )
        )
    written = _checked_note(note)
    with db.transaction() as session:
        order = find_order(session, order_id, for_update=True)
        require(order, Action.RECORD_ASKED_BY_MESSAGE)
        if when < order.purchase_date:
            raise BadInput(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "AskedByMessage",
                        "{when} is before the order was placed ({purchased}): say when the "
                        "buyer wrote.",
                    ),
                    when=Moment(when),
                    purchased=Moment(order.purchase_date),
                )
            )
        before = audit.snapshot(order)
        audit.record(
            session,
            order,
            kind=BUYER_MESSAGE_EVENT,
            summary=_sentence(written),
            at=when,
            actor=actor,
            before={**before, "asked_to_cancel_by_message": False},
            after={**before, "asked_to_cancel_by_message": True},
        )
        # Noted by the seller, it stands even after a partial cancellation of other items.
        order.asked_to_cancel_by_message = True
        order.updated_at = now
        return Noted(order.order_id, when)
