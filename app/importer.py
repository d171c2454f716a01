"""Merging order reports into the database: in bulk, all or nothing.

One import (one or several files) is one transaction. Files are read and
checked first (:mod:`app.reports`); a bad row refuses the whole import unless
the caller asked to skip the orders with bad rows. Then each file is merged in
turn, in chunks of orders taken oldest purchase first (so the date indexes
grow at their end): the chunk's orders and items are loaded with two
queries, merged in memory, and written back with a handful of executemany
statements (new orders, changed orders, new and changed items, audit events).
Values cross into and out of the database through :mod:`app.bulk`, which
converts each distinct date or amount once instead of once per cell.

Merge rules (DESIGN.md §8, FORMATS.md §1):
- orders match by order id, items by order-item id, else by SKU within the
  order (an item stored without an id gets the report's id);
- an empty cell means unknown: it never blanks what an earlier report said;
- the status only moves forward; a report's Shipped ships the open units, its
  Canceled cancels them (recorded as cancelled on the marketplace, with no
  Cancellation row: it does not count in SellerDesk's rate);
- where lines carry an item-status, each line goes its own way (a Cancelled
  line in a shipped order is cancelled on the marketplace, not shipped) and the
  order's status follows from its lines;
- fulfillment-channel says who ships (the all-orders report only); an order
  no report says that of is the seller's;
- a Pending order never gets buyer contact or address (S9);
- an unchanged order is not written and gets no event, so re-importing the
  same file changes nothing.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table

from app import clock
from app.bulk import BulkTable, Row
from app.db import Database, changed_elsewhere
from app.errors import BadInput, SellerDeskError
from app.models import Event, FulfilledBy, Order, OrderItem, OrderStatus
from app.money import format_amount
from app.orders import order_summary
from app.reports import Layout, LineProblem, Report, ReportRow, read_report
from app.rules import status_from_items
from app.status_labels import status_label
from app.text import QT_TRANSLATE_NOOP, Text, plural, text, to_json

CTX = "Import"
CHUNK = 500  # orders per round trip; well under every backend's parameter limit
ACTOR = "import"

ORDERS = cast(Table, Order.__table__)
ITEMS = cast(Table, OrderItem.__table__)
EVENTS = cast(Table, Event.__table__)

ITEM_FIELDS = (
    "order_item_id",
    "sku",
    "title",
    "asin",
    "quantity",
    "quantity_shipped",
    "quantity_cancelled",
    "item_price",
    "item_tax",
    "shipping_price",
    "shipping_tax",
    "item_promotion_discount",
    "ship_promotion_discount",
    "promotion_ids",
)
ITEM_SNAPSHOT = attrgetter(*ITEM_FIELDS)
# Order columns an import may rewrite (everything but identity and creation).
ORDER_FIELDS = tuple(
    column.name for column in ORDERS.columns if column.name not in ("id", "order_id", "created_at")
)
ORDER_COLUMNS = tuple(column.name for column in ORDERS.columns)
ORDER_ID_AT = ORDER_COLUMNS.index("order_id")
NEW_ORDER_FIELDS = tuple(name for name in ORDER_COLUMNS if name != "id")
NEW_ORDER_VALUES = itemgetter(*NEW_ORDER_FIELDS)
CHANGED_ORDER_VALUES = itemgetter(*ORDER_FIELDS)
# Columns whose change is a consequence of another change, not a change itself.
BOOKKEEPING = frozenset({"updated_at", "version"})
COMPARED_FIELDS = tuple(name for name in ORDER_FIELDS if name not in BOOKKEEPING)
COMPARED_VALUES = itemgetter(*COMPARED_FIELDS)
EVENT_FIELDS = ("order_pk", "at", "actor", "kind", "summary", "summary_text", "before", "after")
# Same text as json.dumps(value, sort_keys=True), without a new encoder per call.
TO_JSON = json.JSONEncoder(sort_keys=True).encode

TERMINAL = frozenset({OrderStatus.SHIPPED, OrderStatus.CANCELED})
RANK = {
    OrderStatus.PENDING: 0,
    OrderStatus.UNSHIPPED: 1,
    OrderStatus.PARTIALLY_SHIPPED: 2,
    OrderStatus.SHIPPED: 3,
    OrderStatus.CANCELED: 3,
}


class ImportCancelled(SellerDeskError):
    """The seller stopped the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Import", "The import was cancelled; nothing was imported."),
            )
        )


@dataclass(frozen=True)
class FileResult:
    """What one file of the import did, in the order the files were merged."""

    name: str
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class ImportResult:
    """Orders added, updated and unchanged by the whole import (each order once)."""

    added: int
    updated: int
    unchanged: int
    refused: list[Text]  # per-line problems of skipped rows (empty unless skip_bad_rows)
    files: list[str]
    by_file: list[FileResult] = field(default_factory=list)


@dataclass(slots=True)
class ItemState:
    """An order item while it is merged: what is stored plus what the report says."""

    id: int | None
    sku: str
    order_item_id: str | None = None
    title: str | None = None
    asin: str | None = None
    quantity: int = 0
    quantity_shipped: int = 0
    quantity_cancelled: int = 0
    item_price: Decimal | None = None
    item_tax: Decimal | None = None
    shipping_price: Decimal | None = None
    shipping_tax: Decimal | None = None
    item_promotion_discount: Decimal | None = None
    ship_promotion_discount: Decimal | None = None
    promotion_ids: str | None = None

    @property
    def quantity_open(self) -> int:
        return max(0, self.quantity - self.quantity_shipped - self.quantity_cancelled)

    @property
    def ref(self) -> str:
        return self.order_item_id or self.sku

    def snapshot(self) -> tuple[Any, ...]:
        """The stored fields, in ITEM_FIELDS order (cheap to compare)."""
        return ITEM_SNAPSHOT(self)


# ItemState's fields in its own order: a stored row builds one positionally.
ITEM_STATE_FIELDS = tuple(item_field.name for item_field in fields(ItemState))


BLANK_ORDER: dict[str, Any] = {
    **dict.fromkeys(ORDER_FIELDS),
    "status": OrderStatus.PENDING,
    "fulfilled_by": FulfilledBy.SELLER,
    "buyer_requested_cancel": False,
    "canceled_on_marketplace": False,
    "item_count": 0,
    "skus": "",
    "titles": "",
    "version": 1,
}


def _blank_order(order_id: str, at: datetime) -> dict[str, Any]:
    values = BLANK_ORDER.copy()
    values["order_id"] = order_id
    values["created_at"] = values["updated_at"] = at
    return values


class OrderMerge:
    """One order: its stored state, the report rows applied to it, and the difference."""

    def __init__(
        self, order_id: str, stored: dict[str, Any] | None, items: list[ItemState], at: datetime
    ) -> None:
        self.at = at
        self.created = stored is None
        self.pk: int | None = None if stored is None else stored["id"]
        # A new order has no before: nothing of it is compared or shown as old.
        self.values = _blank_order(order_id, at) if stored is None else stored
        self.before = {} if stored is None else dict(stored)
        self.items = items
        self.items_before = {id(item): item.snapshot() for item in items}
        self.changes: list[str] = []
        self.contact: dict[str, Any] = {}
        self.reported: OrderStatus | None = None
        # item-status of the lines that gave one, by id() of their item.
        self.line_status: dict[int, OrderStatus] = {}

    @property
    def is_new(self) -> bool:
        """Added by this import (stays True once the insert gave it a key)."""
        return self.created

    def _item_for(self, row: ReportRow) -> ItemState | None:
        """The item a line is about, or None when the order does not have it yet."""
        item_id = row.item.get("order_item_id")
        sku = row.item["sku"]
        if item_id:
            for item in self.items:
                if item.order_item_id == item_id:
                    return item
            for item in self.items:
                if item.order_item_id is None and item.sku == sku:
                    return item  # the stored item gets the report's id
        else:
            for item in self.items:
                if item.sku == sku:
                    return item
        return None

    def apply(self, row: ReportRow, layout: Layout) -> None:
        """Fold one report line in: filled cells win, empty cells keep."""
        self.values.update(row.order)
        self.contact.update(row.contact)
        item = self._item_for(row)
        if item is None:
            item = ItemState(id=None, **row.item)  # a new item: every filled cell
            self.items.append(item)
        else:
            cells = row.item
            if cells.get("quantity") == 0 and (item.id is not None or item.quantity > 0):
                # A cancelled line shows 0 units: keep what was ordered.
                cells = {name: value for name, value in cells.items() if name != "quantity"}
            for name, value in cells.items():
                setattr(item, name, value)
        if row.quantity_shipped is not None:
            shippable = max(0, item.quantity - item.quantity_cancelled)
            item.quantity_shipped = max(item.quantity_shipped, min(row.quantity_shipped, shippable))
        if row.item_status in TERMINAL:
            self.line_status[id(item)] = row.item_status
        if row.buyer_requested_cancel:
            if not self.values["buyer_requested_cancel"]:
                self.values["buyer_requested_cancel"] = True
                self.values["buyer_cancel_seen_at"] = self.at
            if row.buyer_cancel_reason:
                self.values["buyer_cancel_reason"] = row.buyer_cancel_reason
        # A line in the orders or unshipped report means the payment is verified.
        reported = row.status if layout is Layout.ALL_ORDERS else OrderStatus.UNSHIPPED
        if reported is not None and (
            self.reported is None or RANK[reported] >= RANK[self.reported]
        ):
            self.reported = reported

    def settle(self) -> None:
        """Move the status forward as the report says, then the contact and summary."""
        current: OrderStatus = self.values["status"]
        self.values["status"] = self._next_status(current)
        if self.values["status"] is not OrderStatus.PENDING:
            self.values.update(self.contact)
        summary = order_summary(self.items)
        self.values.update(
            item_count=summary.item_count,
            skus=summary.skus,
            titles=summary.titles,
            total=summary.total,
        )
        if self.is_new:
            return
        self.changes = self._changed_fields()
        if self.changes:
            self.values["version"] = self.before["version"] + 1
            self.values["updated_at"] = self.at

    def _next_status(self, current: OrderStatus) -> OrderStatus:
        reported = self.reported
        # The rules' status_from_items reads only quantities, which ItemState has too.
        items = cast(list[OrderItem], self.items)
        if current in TERMINAL or reported is None:
            return current  # local actions and earlier reports stand
        if self.line_status:
            return self._follow_lines(current, reported)
        if reported is OrderStatus.CANCELED:
            for item in self.items:
                item.quantity_cancelled += item.quantity_open
            self.values["canceled_on_marketplace"] = True
            if any(item.quantity_shipped for item in self.items):
                return status_from_items(OrderStatus.UNSHIPPED, items)
            return OrderStatus.CANCELED
        if reported is OrderStatus.SHIPPED:
            for item in self.items:
                item.quantity_shipped += item.quantity_open
            return status_from_items(OrderStatus.UNSHIPPED, items)
        if reported is OrderStatus.PENDING and current is OrderStatus.PENDING:
            return current
        base = OrderStatus.UNSHIPPED if current is OrderStatus.PENDING else current
        candidates = (status_from_items(base, items), reported, current)
        return max(candidates, key=RANK.__getitem__)

    def _follow_lines(self, current: OrderStatus, reported: OrderStatus) -> OrderStatus:
        """A Shipped or Cancelled line goes its own way; other lines follow the order's status.

        Real reports show a pending order's lines as Unshipped, so only the two
        final words of a line are taken over the order's own status.
        """
        for item in self.items:
            status = self.line_status.get(id(item), reported)
            if reported is OrderStatus.PENDING and status is not OrderStatus.CANCELED:
                continue  # nothing ships before the payment is verified (S9)
            if status is OrderStatus.CANCELED:
                if item.quantity_open:
                    item.quantity_cancelled += item.quantity_open
                    self.values["canceled_on_marketplace"] = True
            elif status is OrderStatus.SHIPPED:
                item.quantity_shipped += item.quantity_open
        items = cast(list[OrderItem], self.items)
        if reported is OrderStatus.PENDING and current is OrderStatus.PENDING:
            if self.items and all(item.quantity_open == 0 for item in self.items):
                self.values["canceled_on_marketplace"] = True
                return OrderStatus.CANCELED
            return current
        base = OrderStatus.UNSHIPPED if current is OrderStatus.PENDING else current
        derived = status_from_items(base, items)
        if derived is OrderStatus.CANCELED:
            self.values["canceled_on_marketplace"] = True
        candidates = (derived, current) if reported in TERMINAL else (derived, reported, current)
        return max(candidates, key=RANK.__getitem__)

    def _changed_fields(self) -> list[str]:
        """Names of what the import changed: order columns, then ``ref.column`` of items."""
        changed: list[str] = []
        if COMPARED_VALUES(self.values) != COMPARED_VALUES(self.before):  # one C-level compare
            changed = [name for name in COMPARED_FIELDS if self.values[name] != self.before[name]]
        for item in self.items:
            before = self.items_before.get(id(item))
            if before is None:
                changed.append(f"{item.ref} (new item)")
                continue
            after = item.snapshot()
            if after != before:
                changed.extend(
                    f"{item.ref}.{name}"
                    for name, old, new in zip(ITEM_FIELDS, before, after, strict=True)
                    if old != new
                )
        return changed


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, datetime):
        return clock.iso(value)
    if isinstance(value, OrderStatus):
        return value.value
    return value


def _quantities(snapshots: Iterable[tuple[Any, ...]]) -> dict[str, Any]:
    """Units of each item (by its ref), from item snapshots in ITEM_FIELDS order."""
    return {
        (snapshot[0] or snapshot[1]): {
            "quantity": snapshot[4],
            "shipped": snapshot[5],
            "cancelled": snapshot[6],
        }
        for snapshot in snapshots
    }


def _event(merge: OrderMerge, file_name: str, actor: str = ACTOR) -> Row:
    """The audit event of an added or updated order (EVENT_FIELDS), shaped like audit.snapshot's."""
    status = merge.values["status"]
    after: dict[str, Any] = {
        "status": status.value,
        "items": _quantities(item.snapshot() for item in merge.items),
    }
    before: str | None = None
    if merge.is_new:
        sentence = plural(
            CTX,
            QT_TRANSLATE_NOOP("Import", "Imported from {file}: new order, {status}, %n item(s)."),
            len(merge.items),
            file=file_name,
            status=status_label(status),
        )
    else:
        old_status = merge.before["status"]
        changed = merge.changes
        if old_status is not status:
            sentence = text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Import", "Imported from {file}: {old} → {new}; changed {fields}."
                ),
                file=file_name,
                old=status_label(old_status),
                new=status_label(status),
                fields=", ".join(changed),
            )
        else:
            sentence = text(
                CTX,
                QT_TRANSLATE_NOOP("Import", "Imported from {file}: changed {fields}."),
                file=file_name,
                fields=", ".join(changed),
            )
        fields = [name for name in changed if name in merge.values]
        before = TO_JSON(
            {
                "status": old_status.value,
                "items": _quantities(merge.items_before.values()),
                "fields": {name: _jsonable(merge.before[name]) for name in fields},
            }
        )
        after["fields"] = {name: _jsonable(merge.values[name]) for name in fields}
    return (
        merge.pk,
        merge.at,
        actor,
        "imported",
        sentence.english(),
        to_json(sentence),
        before,
        TO_JSON(after),
    )


def _chunks(values: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class _Tables:
    """The tables an import writes, as :class:`BulkTable` for the session's database."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        dialect = connection.dialect
        self.orders = BulkTable(ORDERS, dialect)
        self.items = BulkTable(ITEMS, dialect)
        self.events = BulkTable(EVENTS, dialect)
        self.counts_updates = dialect.supports_sane_multi_rowcount
        if dialect.name == "postgresql":
            # The tables grow chunk by chunk inside this transaction: a plan the server
            # cached while they were small would read every row for each later chunk.
            connection.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")


class _FileMerge:
    """Merges one report's rows into the database, chunk by chunk, inside the transaction."""

    def __init__(
        self,
        tables: _Tables,
        report: Report,
        rows: list[ReportRow],
        at: datetime,
        actor: str = ACTOR,
    ) -> None:
        self.tables = tables
        self.actor = actor
        self.report = report
        self.at = at
        self.groups: dict[str, list[ReportRow]] = {}
        for row in rows:
            self.groups.setdefault(row.order_id, []).append(row)
        self.added: list[str] = []
        self.updated: list[str] = []
        self.unchanged: list[str] = []

    def in_date_order(self) -> list[str]:
        """The report's orders, oldest purchase first: the order the date indexes grow in."""
        groups = self.groups
        return sorted(groups, key=lambda order_id: groups[order_id][0].order["purchase_date"])

    def _load(self, order_ids: list[str]) -> dict[str, OrderMerge]:
        tables = self.tables
        connection = tables.connection
        orders = tables.orders
        query = orders.select(*ORDER_COLUMNS).where(orders.column("order_id").in_(order_ids))
        decoded = orders.decode(ORDER_COLUMNS, connection.execute(query).all())
        stored = {row[ORDER_ID_AT]: dict(zip(ORDER_COLUMNS, row, strict=True)) for row in decoded}
        items: dict[int, list[ItemState]] = {}
        if stored:
            pks = [order["id"] for order in stored.values()]
            names = ("order_pk", *ITEM_STATE_FIELDS)
            query = (
                tables.items.select(*names)
                .where(tables.items.column("order_pk").in_(pks))
                .order_by(tables.items.column("id"))
            )
            for order_pk, *item in tables.items.decode(names, connection.execute(query).all()):
                items.setdefault(order_pk, []).append(ItemState(*item))
        merges = {}
        for order_id in order_ids:
            values = stored.get(order_id)
            found = [] if values is None else items.get(values["id"], [])
            merges[order_id] = OrderMerge(order_id, values, found, self.at)
        return merges

    def merge_chunk(self, order_ids: list[str]) -> int:
        """Merge and write one chunk of orders; returns the number of lines applied."""
        merges = self._load(order_ids)
        lines = 0
        new: list[OrderMerge] = []
        changed: list[OrderMerge] = []
        layout = self.report.layout
        for order_id, merge in merges.items():
            rows = self.groups[order_id]
            lines += len(rows)
            for row in rows:
                merge.apply(row, layout)
            merge.settle()
            if merge.is_new:
                new.append(merge)
                self.added.append(order_id)
            elif merge.changes:
                changed.append(merge)
                self.updated.append(order_id)
            else:
                self.unchanged.append(order_id)
        self._write(new, changed)
        return lines

    def _write(self, new: list[OrderMerge], changed: list[OrderMerge]) -> None:
        tables = self.tables
        connection = tables.connection
        if new:
            # A plain executemany (RETURNING would go row by row on SQLite), then the keys.
            rows = [NEW_ORDER_VALUES(merge.values) for merge in new]
            tables.orders.insert_many(connection, NEW_ORDER_FIELDS, rows)
            wanted = [merge.values["order_id"] for merge in new]
            query = tables.orders.select("order_id", "id").where(
                tables.orders.column("order_id").in_(wanted)
            )
            keys: dict[str, int] = dict(connection.execute(query).all())
            for merge in new:
                merge.pk = keys[merge.values["order_id"]]
        if changed:
            rows = [
                (merge.pk, merge.before["version"], *CHANGED_ORDER_VALUES(merge.values))
                for merge in changed
            ]
            matched = tables.orders.update_many(connection, ("id", "version"), ORDER_FIELDS, rows)
            if tables.counts_updates and matched != len(rows):
                raise changed_elsewhere()
        item_inserts: list[Row] = []
        item_updates: list[Row] = []
        for merge in (*new, *changed):
            for item in merge.items:
                if item.id is None:
                    item_inserts.append((merge.pk, *item.snapshot()))
                else:
                    snapshot = item.snapshot()
                    if snapshot != merge.items_before[id(item)]:
                        item_updates.append((item.id, *snapshot))
        tables.items.insert_many(connection, ("order_pk", *ITEM_FIELDS), item_inserts)
        tables.items.update_many(connection, ("id",), ITEM_FIELDS, item_updates)
        events = [_event(merge, self.report.name, self.actor) for merge in (*new, *changed)]
        tables.events.insert_many(connection, EVENT_FIELDS, events)


def _line_text(problem: LineProblem) -> Text:
    return problem.text


def _left_out(row: ReportRow, report: Report) -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Import", "line {line}: left out with order {order_id}, which has a bad line"
        ),
        line=row.line,
        file=report.name,
        order_id=row.order_id,
    )


class BadRows(BadInput):
    """Some lines cannot be read; the other orders can be imported (``skip_bad_rows``)."""


def _refuse(reports: list[Report], problems: list[LineProblem]) -> BadRows:
    lines = len({(problem.text.args.get("file"), problem.line) for problem in problems})
    return BadRows(
        plural(
            CTX,
            QT_TRANSLATE_NOOP(
                "Import",
                "%n line(s) of {files} cannot be read, so nothing was imported. "
                "Correct them, or skip the orders they belong to.",
            ),
            lines,
            files=", ".join(report.name for report in reports if report.problems),
        ),
        details=[problem.text for problem in problems],
    )


def import_reports(
    db: Database,
    paths: Sequence[Path],
    *,
    skip_bad_rows: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    at: datetime | None = None,
    actor: str = ACTOR,
) -> ImportResult:
    """Import order reports in one transaction; see the module docstring for the rules.

    Raises BadInput (nothing written) for an unreadable file, missing required
    columns, or bad rows unless ``skip_bad_rows``; ImportCancelled when
    ``cancelled()`` returns True (polled between chunks). ``progress(done, total)``
    counts report lines merged.
    """
    with _collector_paused():
        return _import(db, paths, skip_bad_rows, progress, cancelled, at or clock.now(), actor)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while an import runs.

    An import builds millions of small objects (rows, cells, merges) that all
    live until it ends; the collector would walk them over and over, which
    costs a third of a 100,000-line import. They form no cycles, so reference
    counting frees them as usual; the collector is back on when the import ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import(
    db: Database,
    paths: Sequence[Path],
    skip_bad_rows: bool,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    at: datetime,
    actor: str = ACTOR,
) -> ImportResult:
    reports: list[Report] = []
    for path in paths:
        if cancelled is not None and cancelled():
            raise ImportCancelled
        reports.append(read_report(Path(path)))
    problems = [problem for report in reports for problem in report.problems]
    if problems and not skip_bad_rows:
        raise _refuse(reports, problems)

    tainted = {problem.order_id for problem in problems if problem.order_id}
    refused: list[Text] = []
    usable: list[list[ReportRow]] = []
    for report in reports:
        keep: list[ReportRow] = report.rows if not tainted else []
        texts: list[tuple[int, Text]] = [(p.line, _line_text(p)) for p in report.problems]
        for row in report.rows if tainted else ():
            if row.order_id in tainted:
                texts.append((row.line, _left_out(row, report)))
            else:
                keep.append(row)
        texts.sort(key=lambda entry: entry[0])
        refused.extend(entry[1] for entry in texts)
        usable.append(keep)

    total = sum(len(rows) for rows in usable)
    done = 0
    if progress is not None:
        progress(done, total)
    by_file: list[FileResult] = []
    added: set[str] = set()
    updated: set[str] = set()
    seen: set[str] = set()
    with db.transaction() as session:
        tables = _Tables(session.connection())
        for report, rows in zip(reports, usable, strict=True):
            merge = _FileMerge(tables, report, rows, at, actor)
            for order_ids in _chunks(merge.in_date_order(), CHUNK):
                if cancelled is not None and cancelled():
                    raise ImportCancelled
                done += merge.merge_chunk(order_ids)
                if progress is not None:
                    progress(done, total)
            by_file.append(
                FileResult(report.name, len(merge.added), len(merge.updated), len(merge.unchanged))
            )
            added.update(merge.added)
            updated.update(merge.updated)
            seen.update(merge.groups)
        if cancelled is not None and cancelled():
            raise ImportCancelled
    updated -= added
    return ImportResult(
        added=len(added),
        updated=len(updated),
        unchanged=len(seen - added - updated),
        refused=refused,
        files=[report.name for report in reports],
        by_file=by_file,
    )
