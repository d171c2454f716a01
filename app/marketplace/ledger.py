"""What was sent to Seller Central, row by row, and what became of each local action.

A batch queued for sending gets a :class:`FeedSubmission` holding the exact
bytes of the upload file ``export`` wrote, and one :class:`FeedLine` per data
row naming the local action it carries (a shipment, a cancellation, a refund).
When the marketplace has processed the feed, each line is accepted or refused.
A refused action goes back to "to send" (its export mark is cleared, so the
next file holds it again), the marketplace's words go on the order's timeline
and the line is listed ("Refused by the marketplace") until a later batch
carrying the same action is accepted or the seller marks it dealt with (on Seller
Central by hand: it is then not sent again).
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlalchemy.orm import Session

from app import clock
from app.errors import BadInput, RuleRefused
from app.marketplace_files.exports import ExportKind
from app.storage import audit
from app.storage.db import Database
from app.storage.models import (
    AdjustmentExport,
    Cancellation,
    CancellationLine,
    FeedLine,
    FeedSubmission,
    Order,
    OrderItem,
    Refund,
    RefundLine,
    Shipment,
    ShipmentLine,
)
from app.text import QT_TRANSLATE_NOOP, Text, plural, text

CTX = "Marketplace"
ACTOR = "sync"
CONTENT_TYPE = "text/tab-separated-values; charset=UTF-8"
FEED_TYPES: dict[ExportKind, str] = {
    ExportKind.CANCELLATIONS: "POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA",
    ExportKind.ADJUSTMENTS: "POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA",
    ExportKind.SHIPMENTS: "POST_FLAT_FILE_FULFILLMENT_DATA",
}


class State(enum.StrEnum):
    """What the seller sees of a batch."""

    WRITTEN = "written"  # waiting to be sent (offline work waits here)
    SENT = "sent"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"


class Step(enum.StrEnum):
    """The last thing done towards the marketplace, recorded around each call."""

    QUEUED = "queued"
    DOCUMENT = "document"  # feed document created, its id recorded; upload not confirmed
    UPLOADED = "uploaded"  # the bytes are at the marketplace; createFeed not asked yet
    SUBMITTING = "submitting"  # createFeed asked; its answer not recorded yet
    SUBMITTED = "submitted"  # the feed id is recorded
    FINISHED = "finished"


ACTION_LABELS: dict[str, str] = {
    "shipment": QT_TRANSLATE_NOOP("Marketplace", "the shipment"),
    "cancellation": QT_TRANSLATE_NOOP("Marketplace", "the cancellation"),
    "refund": QT_TRANSLATE_NOOP("Marketplace", "the refund"),
}

STATE_LABELS: dict[State, str] = {
    State.WRITTEN: QT_TRANSLATE_NOOP("Marketplace", "written, waiting to be sent"),
    State.SENT: QT_TRANSLATE_NOOP("Marketplace", "sent"),
    State.PROCESSING: QT_TRANSLATE_NOOP("Marketplace", "processing"),
    State.DONE: QT_TRANSLATE_NOOP("Marketplace", "done"),
    State.FAILED: QT_TRANSLATE_NOOP("Marketplace", "failed"),
}


@dataclass(frozen=True)
class RefusedLine:
    batch_id: int
    record: int
    order_id: str
    action: str
    message: str
    still_open: bool  # listed until a later batch gets it through or the seller dismisses it


@dataclass(frozen=True)
class SubmissionInfo:
    batch_id: int
    kind: str
    state: State
    feed_id: str | None
    accepted: int | None
    refused: int | None
    problem: str | None
    queued_at: datetime
    updated_at: datetime
    refused_lines: list[RefusedLine]

    def describe(self) -> Text:
        label = text(CTX, STATE_LABELS[self.state])
        if self.state is State.DONE:
            return text(
                CTX,
                QT_TRANSLATE_NOOP("Marketplace", "{state} ({accepted}, {refused})"),
                state=label,
                accepted=plural(
                    CTX, QT_TRANSLATE_NOOP("Marketplace", "%n line(s) accepted"), self.accepted or 0
                ),
                refused=plural(
                    CTX, QT_TRANSLATE_NOOP("Marketplace", "%n line(s) refused"), self.refused or 0
                ),
            )
        return label


# --- queueing: which action each row of the file carries ---------------------------

Candidate = tuple[int, str, int]  # order pk, action, action id


def _item_rows(
    session: Session,
    action: str,
    table: Any,
    line_table: Any,
    line_owner: Any,
    in_batch: ColumnElement[bool],
    *marks: tuple[Any, ColumnElement[bool]],
) -> list[tuple[str, str, Candidate]]:
    """The (order id, item id, action) of each item row an action of ``table`` wrote."""
    query = (
        select(Order.id, Order.order_id, OrderItem.order_item_id, table.id)
        .join(Order, table.order_pk == Order.id)
        .join(line_table, line_owner == table.id)
        .join(OrderItem, line_table.order_item_pk == OrderItem.id)
    )
    for mark, on in marks:
        query = query.join(mark, on)
    query = query.where(in_batch).order_by(table.created_at, table.id, line_table.id)
    return [
        (order_id, item_id or "", (order_pk, action, action_id))
        for order_pk, order_id, item_id, action_id in session.execute(query)
    ]


def _candidates(
    session: Session, batch_id: int, kind: ExportKind
) -> dict[tuple[str, str], deque[Candidate]]:
    found: list[tuple[str, str, Candidate]] = []
    if kind is ExportKind.CANCELLATIONS:
        for order_pk, order_id, action_id in session.execute(
            select(Order.id, Order.order_id, Cancellation.id)
            .join(Order, Cancellation.order_pk == Order.id)
            .where(Cancellation.export_batch_id == batch_id)
            .order_by(Cancellation.created_at, Cancellation.id)
        ):
            found.append((order_id, "", (order_pk, "cancellation", action_id)))
    elif kind is ExportKind.SHIPMENTS:
        found = _item_rows(
            session,
            "shipment",
            Shipment,
            ShipmentLine,
            ShipmentLine.shipment_id,
            Shipment.export_batch_id == batch_id,
        )
    else:
        found = _item_rows(
            session,
            "refund",
            Refund,
            RefundLine,
            RefundLine.refund_id,
            Refund.export_batch_id == batch_id,
        ) + _item_rows(
            session,
            "cancellation",
            Cancellation,
            CancellationLine,
            CancellationLine.cancellation_id,
            AdjustmentExport.export_batch_id == batch_id,
            (AdjustmentExport, AdjustmentExport.cancellation_id == Cancellation.id),
        )
    by_key: dict[tuple[str, str], deque[Candidate]] = {}
    for order_id, item_id, candidate in found:
        by_key.setdefault((order_id, item_id), deque()).append(candidate)
    return by_key


def _column(columns: Sequence[str], *names: str) -> int | None:
    for name in names:
        if name in columns:
            return list(columns).index(name)
    return None


def queue(
    session: Session,
    batch_id: int,
    kind: ExportKind,
    data: bytes,
    columns: list[str],
    rows: list[list[str]],
    at: datetime,
) -> None:
    """Record a freshly exported batch as waiting to be sent (inside the export's transaction)."""
    session.add(
        FeedSubmission(
            export_batch_id=batch_id,
            feed_type=FEED_TYPES[kind],
            state=State.WRITTEN.value,
            step=Step.QUEUED.value,
            content=data,
            queued_at=at,
            updated_at=at,
        )
    )
    session.flush()
    candidates = _candidates(session, batch_id, kind)
    order_at = _column(columns, "order-id")
    item_at = _column(columns, "order-item-id")
    whole_orders = kind is ExportKind.CANCELLATIONS
    for record, row in enumerate(rows, start=1):
        order_id = row[order_at] if order_at is not None else ""
        item_id = "" if whole_orders or item_at is None else row[item_at]
        waiting = candidates.get((order_id, item_id))
        if not waiting:
            continue  # a row no local action explains: nothing to put back if refused
        # A whole-order cancellation may be several rows (one per item): same action.
        order_pk, action, action_id = waiting[0] if whole_orders else waiting.popleft()
        session.add(
            FeedLine(
                export_batch_id=batch_id,
                record=record,
                order_pk=order_pk,
                action=action,
                action_id=action_id,
            )
        )


# --- outcomes ------------------------------------------------------------------------


def _back_to_send(session: Session, action: str, action_id: int) -> None:
    if action == "shipment":
        session.execute(
            update(Shipment).where(Shipment.id == action_id).values(export_batch_id=None)
        )
    elif action == "refund":
        session.execute(update(Refund).where(Refund.id == action_id).values(export_batch_id=None))
    else:
        session.execute(
            update(Cancellation).where(Cancellation.id == action_id).values(export_batch_id=None)
        )
        session.execute(
            delete(AdjustmentExport).where(AdjustmentExport.cancellation_id == action_id)
        )


def settle(
    session: Session, submission: FeedSubmission, refused: dict[int, str], at: datetime
) -> tuple[int, int]:
    """Mark each line accepted or refused; put refused actions back to send. (n, m)."""
    lines = session.scalars(
        select(FeedLine).where(FeedLine.export_batch_id == submission.export_batch_id)
    ).all()
    refused_actions: dict[tuple[str, int], FeedLine] = {}
    for line in lines:
        message = refused.get(line.record)
        if message is None:
            continue
        line.outcome = "refused"
        line.message = message
        refused_actions.setdefault((line.action, line.action_id), line)
    for line in lines:
        if line.outcome is None:
            # A row of a refused action is sent again with it: not accepted on its own.
            line.outcome = (
                "refused" if (line.action, line.action_id) in refused_actions else "accepted"
            )
    accepted_actions = {
        (line.action, line.action_id) for line in lines if line.outcome == "accepted"
    }
    for action, action_id in accepted_actions:
        # An earlier refusal of the same action is dealt with: it got through this time.
        session.execute(
            update(FeedLine)
            .where(
                FeedLine.action == action,
                FeedLine.action_id == action_id,
                FeedLine.outcome == "refused",
                FeedLine.settled_at.is_(None),
            )
            .values(settled_at=at)
        )
    for (action, action_id), line in refused_actions.items():
        # One open refusal per action: an older one is replaced by this one.
        session.execute(
            update(FeedLine)
            .where(
                FeedLine.action == action,
                FeedLine.action_id == action_id,
                FeedLine.outcome == "refused",
                FeedLine.settled_at.is_(None),
                FeedLine.export_batch_id != submission.export_batch_id,
            )
            .values(settled_at=at)
        )
        _back_to_send(session, action, action_id)
        order = session.get(Order, line.order_pk)
        audit.record(
            session,
            order,
            kind="refused_by_marketplace",
            summary=text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Marketplace",
                    "Seller Central refused {action} (batch {batch}, line {line}): "
                    "{message}. It is back in what is to send.",
                ),
                action=text(CTX, ACTION_LABELS[line.action]),
                batch=submission.export_batch_id,
                line=line.record,
                message=line.message or "",
            ),
            at=at,
            actor=ACTOR,
        )
    records = {line.record for line in lines}
    unexplained = {record for record in refused if record not in records}
    accepted_rows = sum(1 for line in lines if line.outcome == "accepted")
    refused_rows = sum(1 for line in lines if line.outcome == "refused") + len(unexplained)
    return accepted_rows, refused_rows


def _not_to_send(session: Session, submission: FeedSubmission, action: str, action_id: int) -> None:
    """Mark a refused action as sent in its batch again, unless it is already on its way."""
    batch_id = submission.export_batch_id
    if action == "cancellation" and submission.feed_type == FEED_TYPES[ExportKind.ADJUSTMENTS]:
        if session.get(AdjustmentExport, action_id) is None:
            session.execute(
                insert(AdjustmentExport).values(cancellation_id=action_id, export_batch_id=batch_id)
            )
        return
    table: Any = {"shipment": Shipment, "refund": Refund}.get(action, Cancellation)
    session.execute(
        update(table)
        .where(table.id == action_id, table.export_batch_id.is_(None))
        .values(export_batch_id=batch_id)
    )


def dismiss(
    session: Session, batch_id: int, record: int, at: datetime, actor: str = "seller"
) -> RefusedLine:
    """The seller dealt with a refused line on Seller Central: listed no more, not sent again.

    Inside the caller's transaction, with its event on the order's timeline.
    """
    found = session.execute(
        select(FeedLine, Order)
        .join(Order, FeedLine.order_pk == Order.id)
        .where(
            FeedLine.export_batch_id == batch_id,
            FeedLine.record == record,
            FeedLine.outcome == "refused",
        )
    ).first()
    if found is None:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Marketplace", "Batch {batch} has no refused line {line}."),
                batch=batch_id,
                line=record,
            )
        )
    line, order = found
    still_open = session.scalars(
        select(FeedLine).where(
            FeedLine.action == line.action,
            FeedLine.action_id == line.action_id,
            FeedLine.outcome == "refused",
            FeedLine.settled_at.is_(None),
        )
    ).all()
    if not still_open:
        raise RuleRefused(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Marketplace",
                    "Line {line} of batch {batch} is dealt with already: it is no longer "
                    "listed as refused.",
                ),
                batch=batch_id,
                line=record,
            )
        )
    for listed in still_open:
        listed.settled_at = at
    submission = session.get(FeedSubmission, batch_id)
    assert submission is not None
    _not_to_send(session, submission, line.action, line.action_id)
    audit.record(
        session,
        order,
        kind="refusal_dealt_with",
        summary=text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Marketplace",
                "Refusal of {action} by Seller Central (batch {batch}, line {line}) marked as "
                "dealt with: it is no longer listed and is not sent again.",
            ),
            action=text(CTX, ACTION_LABELS[line.action]),
            batch=batch_id,
            line=record,
        ),
        at=at,
        actor=actor,
    )
    return RefusedLine(batch_id, record, order.order_id, line.action, line.message or "", False)


def mark_dealt_with(db: Database, batch_id: int, record: int, actor: str = "seller") -> RefusedLine:
    """:func:`dismiss` as one action: one transaction with its event."""
    with db.transaction() as session:
        return dismiss(session, batch_id, record, clock.now(), actor)


# --- reading ---------------------------------------------------------------------------


def open_refusals(session: Session) -> list[RefusedLine]:
    """Lines refused by the marketplace that the seller has not dealt with yet."""
    found = session.execute(
        select(FeedLine, Order.order_id)
        .join(Order, FeedLine.order_pk == Order.id)
        .where(FeedLine.outcome == "refused", FeedLine.settled_at.is_(None))
        .order_by(FeedLine.export_batch_id, FeedLine.record)
    ).all()
    seen: set[tuple[str, int]] = set()
    listed: list[RefusedLine] = []
    for line, order_id in found:
        if (line.action, line.action_id) in seen:
            continue
        seen.add((line.action, line.action_id))
        listed.append(
            RefusedLine(
                line.export_batch_id, line.record, order_id, line.action, line.message or "", True
            )
        )
    return listed


def submissions(session: Session) -> list[SubmissionInfo]:
    """Every batch sent or waiting to be sent, newest first, with its refused lines."""
    found = session.scalars(
        select(FeedSubmission).order_by(FeedSubmission.export_batch_id.desc())
    ).all()
    refused: dict[int, list[RefusedLine]] = {}
    for line, order_id in session.execute(
        select(FeedLine, Order.order_id)
        .join(Order, FeedLine.order_pk == Order.id)
        .where(FeedLine.outcome == "refused", FeedLine.message.is_not(None))
        .order_by(FeedLine.record)
    ):
        refused.setdefault(line.export_batch_id, []).append(
            RefusedLine(
                line.export_batch_id,
                line.record,
                order_id,
                line.action,
                line.message or "",
                line.settled_at is None,
            )
        )
    kinds = {feed_type: kind for kind, feed_type in FEED_TYPES.items()}
    return [
        SubmissionInfo(
            batch_id=found_one.export_batch_id,
            kind=kinds[found_one.feed_type].value
            if found_one.feed_type in kinds
            else found_one.feed_type,
            state=State(found_one.state),
            feed_id=found_one.feed_id,
            accepted=found_one.accepted,
            refused=found_one.refused,
            problem=found_one.problem,
            queued_at=found_one.queued_at,
            updated_at=found_one.updated_at,
            refused_lines=refused.get(found_one.export_batch_id, []),
        )
        for found_one in found
    ]


def records_of(session: Session, batch_id: int) -> list[int]:
    return list(
        session.scalars(select(FeedLine.record).where(FeedLine.export_batch_id == batch_id))
    )
