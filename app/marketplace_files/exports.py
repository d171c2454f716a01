"""Upload files for Seller Central as numbered batches remembered in the database.

Each export writes what no earlier batch holds, marks it with the new batch
number (one sequence per database, across file types) and records an audit
event, in one transaction: nothing is exported twice or forgotten. A past
batch is written again from the rows marked with its number, byte for byte
as the first time, because every value it uses is fixed once written.

What cannot be written yet is held back, stays pending and is named with the
reason (DESIGN.md §8, decided here):

- an item without an order-item id: the marketplace's item column takes only
  that id, never a SKU, so the refund, partial cancellation or shipment waits
  until a report gives the id (import an order report, then export again);
- an order without a currency (the adjustment file needs one);
- a refund row whose net is not a credit to the buyer.

Partial cancellations go into the adjustment file once the rest of the order
is shipment-confirmed (the order is Shipped); if the rest was cancelled
instead, the whole-order row of the cancellation file covers them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import ColumnElement, exists, func, insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import clock
from app.changes import Changes
from app.cycle_collector import collector_paused
from app.errors import BadInput
from app.marketplace_files.flatfiles import adjustment_file, cancellation_file, shipping_file
from app.marketplace_files.flatfiles.adjustment_file import AdjustmentRow
from app.marketplace_files.flatfiles.cancellation_file import CancellationRow
from app.marketplace_files.flatfiles.shipping_file import ShippingRow
from app.money import ZERO
from app.order_actions.reasons import BUYER_CANCELED
from app.order_actions.rules import seller_fulfilled
from app.storage import audit, files
from app.storage.db import Database
from app.storage.models import (
    AdjustmentExport,
    Cancellation,
    CancellationLine,
    ExportBatch,
    Order,
    OrderItem,
    OrderStatus,
    Refund,
    RefundLine,
    Shipment,
    ShipmentLine,
)
from app.text import QT_TRANSLATE_NOOP, Amount, Text, plural, text

CTX = "Exports"
# Cancellations seen only in a report are already on the marketplace: never uploaded.
UPLOADED_SOURCES = ("local", "file")
CHUNK = 500
Line = TypeVar("Line", "_RefundLine", "_CancelledLine", "_ShippedLine")


class ExportKind(enum.StrEnum):
    CANCELLATIONS = "cancellations"
    ADJUSTMENTS = "adjustments"
    SHIPMENTS = "shipments"


KIND_LABELS: dict[ExportKind, str] = {
    ExportKind.CANCELLATIONS: QT_TRANSLATE_NOOP("Exports", "order cancellation file"),
    ExportKind.ADJUSTMENTS: QT_TRANSLATE_NOOP("Exports", "order adjustment file"),
    ExportKind.SHIPMENTS: QT_TRANSLATE_NOOP("Exports", "shipping confirmation file"),
}


def kind_label(kind: ExportKind) -> Text:
    return text(CTX, KIND_LABELS[kind])


@dataclass(frozen=True)
class ExportPreview:
    """The rows exactly as they will be written, and what is held back and why."""

    kind: ExportKind
    columns: list[str]
    rows: list[list[str]]
    held_back: list[Text]
    batch_id: int | None = None  # a past batch, or None for what is new
    warnings: list[Text] = field(default_factory=list)  # rows that lose something (a reason)


@dataclass(frozen=True)
class ExportResult:
    kind: ExportKind
    batch_id: int | None
    row_count: int
    path: Path | None
    message: Text
    held_back: list[Text] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)  # rows that lose something (a reason)

    @property
    def changes(self) -> Changes:
        """A batch written: no order's cells, count or health change."""
        return Changes(batches=True) if self.batch_id is not None else Changes()


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: ExportKind
    created_at: datetime
    row_count: int
    file_name: str | None


# (session, batch id, kind, file bytes, columns, rows): see export_new.
BatchHook = Callable[[Session, int, ExportKind, bytes, list[str], list[list[str]]], None]


@dataclass
class _Gathered:
    data: bytes
    columns: list[str]
    rows: list[list[str]]
    mark: Callable[[Session, int], None]
    held_back: list[Text]
    warnings: list[Text] = field(default_factory=list)  # sent, but something is lost


def _in_batch(
    column: InstrumentedAttribute[int | None], batch_id: int | None
) -> ColumnElement[bool]:
    """Not yet in any batch (``batch_id`` None), or in batch ``batch_id``."""
    return column.is_(None) if batch_id is None else column == batch_id


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _marker(table: Any, ids: list[int]) -> Callable[[Session, int], None]:
    def mark(session: Session, batch_id: int) -> None:
        for chunk in _chunks(ids):
            session.execute(
                update(table).where(table.id.in_(chunk)).values(export_batch_id=batch_id)
            )

    return mark


# Held back for want of an item id or a currency: one whole sentence per kind of row,
# so a translation can make its words agree (French: "Retenu : le remboursement",
# "Retenue : l'annulation partielle").
_NO_ITEM_ID = {
    "refund": QT_TRANSLATE_NOOP(
        "Exports",
        "Held back: the refund of order {order_id}: item {sku} has no order-item id yet and "
        "the file cannot name it by SKU. Import an order report that lists it, then "
        "export again.",
    ),
    "partial": QT_TRANSLATE_NOOP(
        "Exports",
        "Held back: the partial cancellation of order {order_id}: item {sku} has no "
        "order-item id yet and the file cannot name it by SKU. Import an order report "
        "that lists it, then export again.",
    ),
}
_NO_CURRENCY = {
    "refund": QT_TRANSLATE_NOOP(
        "Exports",
        "Held back: the refund of order {order_id}: the order has no currency yet. Import "
        "the order report with prices, then export again.",
    ),
    "partial": QT_TRANSLATE_NOOP(
        "Exports",
        "Held back: the partial cancellation of order {order_id}: the order has no currency "
        "yet. Import the order report with prices, then export again.",
    ),
}


def _no_item_id(order_id: str, sku: str, what: str) -> Text:
    return text(CTX, _NO_ITEM_ID[what], order_id=order_id, sku=sku)


# --- cancellation file -------------------------------------------------------------


class _WholeCancellation(NamedTuple):
    id: int
    order_pk: int
    order_id: str
    reason: str | None
    sent_without_reason: bool


def _no_item_codes(order_id: str, sku: str) -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Exports",
            "Held back: the cancellation of order {order_id}: item {sku} has no order-item id "
            "yet, and the marketplace takes a reason only with the item code. Import the "
            "unshipped orders report or the order report that lists it, then export again; "
            "or send it without its reason (export cancellations --without-reason "
            "{order_id}), which may count in your cancellation rate.",
        ),
        order_id=order_id,
        sku=sku,
    )


def _reason_lost(order_id: str, reason: str) -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Exports",
            "Order {order_id} goes without its reason {reason}: the marketplace records no "
            "reason, so this cancellation may count in your cancellation rate.",
        ),
        order_id=order_id,
        reason=reason,
    )


def _not_held_back(order_ids: Iterable[str]) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Exports",
                "No cancellation of {orders} waits to be exported: --without-reason names "
                "orders whose cancellation is held back for want of item codes. "
                "Nothing was exported.",
            ),
            orders=", ".join(sorted(order_ids)),
        )
    )


def _cancelled_items(
    session: Session, order_pks: Sequence[int]
) -> dict[int, list[tuple[str | None, str]]]:
    """Item codes (or None) and SKUs of each order's cancelled items, in the order's order."""
    found: dict[int, list[tuple[str | None, str]]] = {}
    for chunk in _chunks(sorted(set(order_pks))):
        query = (
            select(OrderItem.order_pk, OrderItem.order_item_id, OrderItem.sku)
            .where(OrderItem.order_pk.in_(chunk), OrderItem.quantity_cancelled > 0)
            .order_by(OrderItem.id)
        )
        for order_pk, item_id, sku in session.execute(query):
            found.setdefault(order_pk, []).append((item_id, sku))
    return found


def _gather_cancellations(
    session: Session, batch_id: int | None, without_reason: frozenset[str] = frozenset()
) -> _Gathered:
    """One row per cancelled item with reason and item code; bare order-id rows when asked.

    An order whose items have no codes yet is held back (its reason could not reach
    the marketplace) unless the seller names it in ``without_reason``. A past batch is
    written as it was: bare where it went bare, and, for a batch written before item
    codes went with reasons, the reason with a blank item code as then.
    """
    query = (
        select(
            Cancellation.id,
            Cancellation.order_pk,
            Order.order_id,
            Cancellation.reason,
            Cancellation.sent_without_reason,
        )
        .join(Order, Cancellation.order_pk == Order.id)
        .where(seller_fulfilled())  # the marketplace reports its own orders
        .where(Cancellation.whole_order.is_(True), Cancellation.source.in_(UPLOADED_SOURCES))
        .order_by(Cancellation.created_at, Cancellation.id)
    )
    query = query.where(_in_batch(Cancellation.export_batch_id, batch_id))
    if batch_id is None:
        query = query.with_for_update(of=Cancellation)
    found = [_WholeCancellation._make(row) for row in session.execute(query)]
    items = _cancelled_items(session, [cancellation.order_pk for cancellation in found])
    rows: list[CancellationRow] = []
    ids: list[int] = []
    bare: list[int] = []
    held_back: list[Text] = []
    warnings: list[Text] = []
    unused = set(without_reason)
    legacy = False
    for cancellation in found:
        order_id, reason = cancellation.order_id, cancellation.reason or ""
        unused.discard(order_id)
        codes = items.get(cancellation.order_pk, [])
        missing = next((sku for code, sku in codes if not code), None)
        if batch_id is not None and cancellation.sent_without_reason:
            rows.append(CancellationRow(order_id, ""))
        elif not reason:
            rows.append(CancellationRow(order_id, ""))  # nothing to lose
        elif codes and missing is None:
            rows.extend(CancellationRow(order_id, reason, code or "") for code, _ in codes)
        elif batch_id is not None:
            legacy = True
            rows.append(CancellationRow(order_id, reason))
        elif order_id in without_reason:
            rows.append(CancellationRow(order_id, ""))
            bare.append(cancellation.id)
            warnings.append(_reason_lost(order_id, reason))
        else:
            held_back.append(_no_item_codes(order_id, missing or "?"))
            continue
        ids.append(cancellation.id)
    if unused:
        raise _not_held_back(unused)
    columns, cells = cancellation_file.table_of(rows, legacy=legacy)
    mark_batch = _marker(Cancellation, ids)

    def mark(session: Session, new_batch: int) -> None:
        mark_batch(session, new_batch)
        for chunk in _chunks(bare):
            session.execute(
                update(Cancellation)
                .where(Cancellation.id.in_(chunk))
                .values(sent_without_reason=True)
            )

    return _Gathered(
        cancellation_file.encode(columns, cells), columns, cells, mark, held_back, warnings
    )


# --- shipping confirmation file ----------------------------------------------------


class _ShippedLine(NamedTuple):
    id: int
    order_id: str
    order_item_id: str | None
    sku: str
    quantity: int
    ship_date: date
    carrier_code: str
    carrier_name: str | None
    tracking_number: str | None
    ship_method: str | None
    order_pk: int
    order_item_pk: int
    sent_as_order_row: bool


def _ships_whole_orders(
    session: Session, by_shipment: dict[int, list[_ShippedLine]], shipment_ids: list[int]
) -> set[int]:
    """Which of these shipments sent every item of its order: the order's only shipment,
    each item's whole quantity not cancelled (then one order-level row may stand for it)."""
    order_pks = {by_shipment[shipment_id][0].order_pk for shipment_id in shipment_ids}
    shipments: dict[int, int] = {}
    wanted: dict[int, dict[int, int]] = {}
    for chunk in _chunks(sorted(order_pks)):
        for order_pk, count in session.execute(
            select(Shipment.order_pk, func.count(Shipment.id))
            .where(Shipment.order_pk.in_(chunk))
            .group_by(Shipment.order_pk)
        ):
            shipments[order_pk] = int(count)
        for order_pk, item_pk, quantity, cancelled in session.execute(
            select(
                OrderItem.order_pk, OrderItem.id, OrderItem.quantity, OrderItem.quantity_cancelled
            ).where(OrderItem.order_pk.in_(chunk))
        ):
            wanted.setdefault(order_pk, {})[item_pk] = quantity - cancelled
    whole: set[int] = set()
    for shipment_id in shipment_ids:
        lines = by_shipment[shipment_id]
        order_pk = lines[0].order_pk
        sent = {line.order_item_pk: line.quantity for line in lines}
        items = wanted.get(order_pk, {})
        if shipments.get(order_pk) == 1 and all(
            sent.get(item_pk, 0) == units for item_pk, units in items.items()
        ):
            whole.add(shipment_id)
    return whole


def _order_row(line: _ShippedLine) -> ShippingRow:
    """One row for a whole order: no item id, no quantity (FORMATS.md §4, updated)."""
    return ShippingRow(
        order_id=line.order_id,
        order_item_id="",
        quantity=None,
        ship_date=line.ship_date,
        carrier_code=line.carrier_code,
        carrier_name=line.carrier_name or "",
        tracking_number=line.tracking_number or "",
        ship_method=line.ship_method or "",
    )


def _gather_shipments(session: Session, batch_id: int | None) -> _Gathered:
    """One row per shipped item; a whole order whose item ids are not known, one order row.

    A split shipment without item ids is held back until a report brings them.
    """
    query = (
        select(
            Shipment.id,
            Order.order_id,
            OrderItem.order_item_id,
            OrderItem.sku,
            ShipmentLine.quantity,
            Shipment.ship_date,
            Shipment.carrier_code,
            Shipment.carrier_name,
            Shipment.tracking_number,
            Shipment.ship_method,
            Shipment.order_pk,
            ShipmentLine.order_item_pk,
            Shipment.sent_as_order_row,
        )
        .join(Order, Shipment.order_pk == Order.id)
        .where(seller_fulfilled())  # the marketplace reports its own orders
        .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
        .join(OrderItem, ShipmentLine.order_item_pk == OrderItem.id)
        .order_by(Shipment.created_at, Shipment.id, ShipmentLine.id)
    )
    query = query.where(_in_batch(Shipment.export_batch_id, batch_id))
    if batch_id is None:
        query = query.with_for_update(of=Shipment)
    by_shipment = _grouped([_ShippedLine._make(found) for found in session.execute(query)])
    rows: list[ShippingRow] = []
    ids: list[int] = []
    order_rows: list[int] = []
    held_back: list[Text] = []
    without_ids = [
        shipment_id
        for shipment_id, lines in by_shipment.items()
        if any(not line.order_item_id for line in lines) and batch_id is None
    ]
    whole = _ships_whole_orders(session, by_shipment, without_ids) if without_ids else set()
    for shipment_id, lines in by_shipment.items():
        if lines[0].sent_as_order_row if batch_id is not None else shipment_id in whole:
            ids.append(shipment_id)
            order_rows.append(shipment_id)
            rows.append(_order_row(lines[0]))
            continue
        missing = next((line for line in lines if not line.order_item_id), None)
        if missing is not None:
            held_back.append(_split_without_ids(missing.order_id, missing.sku))
            continue
        ids.append(shipment_id)
        rows.extend(
            ShippingRow(
                order_id=line.order_id,
                order_item_id=line.order_item_id or "",
                quantity=line.quantity,
                ship_date=line.ship_date,
                carrier_code=line.carrier_code,
                carrier_name=line.carrier_name or "",
                tracking_number=line.tracking_number or "",
                ship_method=line.ship_method or "",
            )
            for line in lines
        )
    columns, cells = shipping_file.table_of(rows)
    mark_batch = _marker(Shipment, ids)

    def mark(session: Session, new_batch: int) -> None:
        mark_batch(session, new_batch)
        for chunk in _chunks(order_rows):
            session.execute(
                update(Shipment).where(Shipment.id.in_(chunk)).values(sent_as_order_row=True)
            )

    return _Gathered(shipping_file.encode(columns, cells), columns, cells, mark, held_back)


def _split_without_ids(order_id: str, sku: str) -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Exports",
            "Held back: the shipment of order {order_id} sends only some of its items, and "
            "item {sku} has no order-item id yet: a split shipment must name its items. Import "
            "the unshipped orders report or the order report that lists it, then export again.",
        ),
        order_id=order_id,
        sku=sku,
    )


# --- order adjustment file ---------------------------------------------------------


class _RefundLine(NamedTuple):
    id: int
    created_at: datetime
    reason: str
    order_id: str
    currency: str | None
    order_item_id: str | None
    sku: str
    item_price: Decimal
    item_tax: Decimal
    shipping_price: Decimal
    shipping_tax: Decimal
    restocking_fee: Decimal


class _CancelledLine(NamedTuple):
    id: int
    created_at: datetime
    reason: str | None
    order_id: str
    currency: str | None
    order_item_id: str | None
    sku: str
    quantity: int
    item_price: Decimal | None
    item_tax: Decimal | None
    shipping_price: Decimal | None
    shipping_tax: Decimal | None


def _refund_rows(session: Session, batch_id: int | None) -> list[_RefundLine]:
    query = (
        select(
            Refund.id,
            Refund.created_at,
            Refund.reason,
            Order.order_id,
            Order.currency,
            OrderItem.order_item_id,
            OrderItem.sku,
            RefundLine.item_price,
            RefundLine.item_tax,
            RefundLine.shipping_price,
            RefundLine.shipping_tax,
            RefundLine.restocking_fee,
        )
        .join(Order, Refund.order_pk == Order.id)
        .where(seller_fulfilled())  # the marketplace reports its own orders
        .join(RefundLine, RefundLine.refund_id == Refund.id)
        .join(OrderItem, RefundLine.order_item_pk == OrderItem.id)
        .order_by(Refund.created_at, Refund.id, RefundLine.id)
    )
    query = query.where(_in_batch(Refund.export_batch_id, batch_id))
    if batch_id is None:
        query = query.with_for_update(of=Refund)
    # Plain named tuples: an SQLAlchemy Row's attributes cost a microsecond each.
    return [_RefundLine._make(found) for found in session.execute(query)]


def _partial_rows(session: Session, batch_id: int | None) -> list[_CancelledLine]:
    marked = exists().where(AdjustmentExport.cancellation_id == Cancellation.id)
    query = (
        select(
            Cancellation.id,
            Cancellation.created_at,
            Cancellation.reason,
            Order.order_id,
            Order.currency,
            OrderItem.order_item_id,
            OrderItem.sku,
            CancellationLine.quantity,
            CancellationLine.item_price,
            CancellationLine.item_tax,
            CancellationLine.shipping_price,
            CancellationLine.shipping_tax,
        )
        .join(Order, Cancellation.order_pk == Order.id)
        .where(seller_fulfilled())  # the marketplace reports its own orders
        .join(CancellationLine, CancellationLine.cancellation_id == Cancellation.id)
        .join(OrderItem, CancellationLine.order_item_pk == OrderItem.id)
        .where(Cancellation.whole_order.is_(False), Cancellation.source.in_(UPLOADED_SOURCES))
        .order_by(Cancellation.created_at, Cancellation.id, CancellationLine.id)
    )
    if batch_id is None:
        # Exported once the rest of the order is shipment-confirmed: no open unit left.
        query = query.where(~marked, Order.status == OrderStatus.SHIPPED)
    else:
        query = query.where(
            exists().where(
                AdjustmentExport.cancellation_id == Cancellation.id,
                AdjustmentExport.export_batch_id == batch_id,
            )
        )
    return [_CancelledLine._make(found) for found in session.execute(query)]


def _grouped(found: Sequence[Line]) -> dict[int, list[Line]]:
    groups: dict[int, list[Line]] = {}
    for line in found:
        groups.setdefault(line.id, []).append(line)
    return groups


def _no_currency(order_id: str, what: str) -> Text:
    return text(CTX, _NO_CURRENCY[what], order_id=order_id)


def _refund_adjustments(
    lines: list[_RefundLine], held_back: list[Text]
) -> list[AdjustmentRow] | None:
    first = lines[0]
    what = "refund"
    if not first.currency:
        held_back.append(_no_currency(first.order_id, what))
        return None
    rows: list[AdjustmentRow] = []
    for line in lines:
        if not line.order_item_id:
            held_back.append(_no_item_id(line.order_id, line.sku, what))
            return None
        row = AdjustmentRow(
            order_id=line.order_id,
            order_item_id=line.order_item_id,
            reason=line.reason,
            currency=first.currency,
            # The flat file has no fee column: the fee reduces the item-price refund.
            item_price=line.item_price - line.restocking_fee,
            item_tax=line.item_tax,
            shipping_price=line.shipping_price,
            shipping_tax=line.shipping_tax,
        )
        amounts = (row.item_price, row.item_tax, row.shipping_price, row.shipping_tax)
        if all(value == ZERO for value in amounts):
            continue  # nothing refunded on this item
        if row.net <= ZERO:
            held_back.append(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Exports",
                        "Held back: the refund of order {order_id}, item {item}: after the "
                        "restocking fee it gives the buyer {net}, and an adjustment row must "
                        "be a credit to the buyer.",
                    ),
                    order_id=line.order_id,
                    item=line.order_item_id,
                    net=Amount(row.net, first.currency),
                )
            )
            return None
        rows.append(row)
    return rows


def _partial_adjustments(
    lines: list[_CancelledLine], held_back: list[Text]
) -> list[AdjustmentRow] | None:
    first = lines[0]
    what = "partial"
    if not first.currency:
        held_back.append(_no_currency(first.order_id, what))
        return None
    reason = "CustomerCancel" if first.reason == BUYER_CANCELED else "NoInventory"
    rows: list[AdjustmentRow] = []
    for line in lines:
        if not line.order_item_id:
            held_back.append(_no_item_id(line.order_id, line.sku, what))
            return None
        rows.append(
            AdjustmentRow(
                order_id=line.order_id,
                order_item_id=line.order_item_id,
                reason=reason,
                currency=first.currency,
                item_price=line.item_price or ZERO,
                item_tax=line.item_tax or ZERO,
                shipping_price=line.shipping_price or ZERO,
                shipping_tax=line.shipping_tax or ZERO,
                quantity_cancelled=line.quantity,
            )
        )
    return rows


def _gather_adjustments(session: Session, batch_id: int | None) -> _Gathered:
    refunds = _grouped(_refund_rows(session, batch_id))
    partials = _grouped(_partial_rows(session, batch_id))
    # Refunds and partial cancellations in the order they were made.
    work: list[tuple[datetime, int, int, list[Any]]] = [
        (lines[0].created_at, 0, key, lines) for key, lines in refunds.items()
    ] + [(lines[0].created_at, 1, key, lines) for key, lines in partials.items()]
    work.sort(key=itemgetter(0, 1, 2))
    rows: list[AdjustmentRow] = []
    refund_ids: list[int] = []
    partial_ids: list[int] = []
    held_back: list[Text] = []
    for _, is_partial, key, lines in work:
        made = (
            _partial_adjustments(lines, held_back)
            if is_partial
            else _refund_adjustments(lines, held_back)
        )
        if made is None:
            continue
        rows.extend(made)
        (partial_ids if is_partial else refund_ids).append(key)

    mark_refunds = _marker(Refund, refund_ids)

    def mark(session: Session, new_batch: int) -> None:
        mark_refunds(session, new_batch)
        if partial_ids:
            session.execute(
                insert(AdjustmentExport),
                [{"cancellation_id": key, "export_batch_id": new_batch} for key in partial_ids],
            )

    columns, cells = adjustment_file.table_of(rows)
    return _Gathered(adjustment_file.encode(columns, cells), columns, cells, mark, held_back)


GATHERERS: dict[ExportKind, Callable[[Session, int | None], _Gathered]] = {
    ExportKind.CANCELLATIONS: _gather_cancellations,
    ExportKind.ADJUSTMENTS: _gather_adjustments,
    ExportKind.SHIPMENTS: _gather_shipments,
}


def _gather(
    session: Session,
    kind: ExportKind,
    batch_id: int | None,
    without_reason: Iterable[str] = (),
) -> _Gathered:
    """Build the file with the cyclic garbage collector paused.

    A 10,000-row file creates a few hundred thousand short-lived objects that
    reference counting frees anyway; letting the collector scan them on the way
    costs a third of the export's time. ``without_reason``: orders whose held-back
    cancellation goes as a bare order-id row (the cancellation file only).
    """
    with collector_paused():
        if kind is ExportKind.CANCELLATIONS:
            return _gather_cancellations(session, batch_id, frozenset(without_reason))
        return GATHERERS[kind](session, batch_id)


# --- public API ----------------------------------------------------------------------


def preview(
    db: Database,
    kind: ExportKind,
    batch_id: int | None = None,
    *,
    without_reason: Iterable[str] = (),
) -> ExportPreview:
    """The rows the next export (or past batch ``batch_id``) holds, before writing."""
    kind = ExportKind(kind)
    with db.reading() as session:
        if batch_id is not None:
            _batch(session, kind, batch_id)
        gathered = _gather(session, kind, batch_id, without_reason)
    return ExportPreview(
        kind, gathered.columns, gathered.rows, gathered.held_back, batch_id, gathered.warnings
    )


def batches(db: Database) -> list[BatchInfo]:
    """Every batch written, newest first."""
    with db.reading() as session:
        found = session.scalars(select(ExportBatch).order_by(ExportBatch.id.desc())).all()
        return [
            BatchInfo(b.id, ExportKind(b.kind), b.created_at, b.row_count, b.file_name)
            for b in found
        ]


def _batch(session: Session, kind: ExportKind, batch_id: int) -> ExportBatch:
    batch = session.get(ExportBatch, batch_id)
    if batch is None:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Exports", "There is no batch {batch} in this database."),
                batch=batch_id,
            )
        )
    if batch.kind != kind.value:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Exports", "Batch {batch} holds the {actual}, not the {wanted}."),
                batch=batch_id,
                actual=kind_label(ExportKind(batch.kind)),
                wanted=kind_label(kind),
            )
        )
    return batch


def export_new(
    db: Database,
    kind: ExportKind,
    path: str | Path,
    *,
    at: datetime | None = None,
    actor: str = "seller",
    on_batch: BatchHook | None = None,
    without_reason: Iterable[str] = (),
) -> ExportResult:
    """Write what no batch holds yet as a new batch; nothing new writes no file.

    ``on_batch`` runs inside the export's transaction once the batch is marked, with
    the file's bytes and rows: what it records stands or falls with the batch.

    The file is written aside and moved into place before the batch is
    committed, so rows are never recorded as sent without their file: if the
    file cannot be put in place the batch is not recorded and the rows stay
    new. A kill between the move and the commit leaves the rows new too; the
    next export offers them again (twice rather than never). On SQLite the
    transaction holds the write lock from its first read, so a second export
    at the same moment waits and then finds nothing new.
    ``without_reason``: orders whose cancellation, held back for want of item codes,
    the seller sends as a bare order-id row (its reason is lost).
    """
    kind = ExportKind(kind)
    path = files.check_target(path)
    at = at or clock.now()
    temporary: Path | None = None
    placed = False
    try:
        with db.transaction() as session:
            files.remove_leftovers(path)
            gathered = _gather(session, kind, None, without_reason)
            if not gathered.rows:
                return ExportResult(
                    kind,
                    None,
                    0,
                    None,
                    text(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "Exports", "Nothing new for the {label}: no file was written."
                        ),
                        label=kind_label(kind),
                    ),
                    gathered.held_back,
                )
            temporary = files.write_aside(path, gathered.data)
            batch = ExportBatch(
                kind=kind.value, created_at=at, row_count=len(gathered.rows), file_name=str(path)
            )
            session.add(batch)
            session.flush()
            gathered.mark(session, batch.id)
            if on_batch is not None:
                on_batch(session, batch.id, kind, gathered.data, gathered.columns, gathered.rows)
            audit.record(
                session,
                None,
                kind="exported",
                summary=plural(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Exports", "Batch {batch}: {file} with %n row(s) written to {path}."
                    ),
                    len(gathered.rows),
                    batch=batch.id,
                    file=kind_label(kind),
                    path=str(path),
                ),
                at=at,
                actor=actor,
            )
            session.flush()
            batch_id = batch.id
            files.move_into_place(temporary, path)
            placed = True
    except BaseException:
        if placed:
            # The batch was not recorded: a file left here would be uploaded, then sent again.
            path.unlink(missing_ok=True)
        raise
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    return ExportResult(
        kind,
        batch_id,
        len(gathered.rows),
        path,
        plural(
            CTX,
            QT_TRANSLATE_NOOP(
                "Exports",
                "Batch {batch}: %n row(s) written to {path}. Upload this file in Seller Central.",
            ),
            len(gathered.rows),
            batch=batch_id,
            path=str(path),
        ),
        gathered.held_back,
        gathered.warnings,
    )


def rewrite_batch(db: Database, kind: ExportKind, batch_id: int, path: str | Path) -> ExportResult:
    """Write past batch ``batch_id`` again, the same bytes as the first time."""
    kind = ExportKind(kind)
    path = files.check_target(path)
    with db.reading() as session:
        _batch(session, kind, batch_id)
        gathered = _gather(session, kind, batch_id)
    files.remove_leftovers(path)
    files.move_into_place(files.write_aside(path, gathered.data), path)
    return ExportResult(
        kind,
        batch_id,
        len(gathered.rows),
        path,
        plural(
            CTX,
            QT_TRANSLATE_NOOP("Exports", "Batch {batch} written again to {path} (%n row(s))."),
            len(gathered.rows),
            batch=batch_id,
            path=str(path),
        ),
    )
