"""One order taking in a report's lines: the merge rules, on the model's own items.

An :class:`OrderMerge` holds an order as stored (or a new one), folds the report's
lines into it (:meth:`OrderMerge.apply`), moves its status forward and works out
what follows from it (:meth:`OrderMerge.settle`), and says what changed. The rules
are listed in :mod:`app.marketplace_files.importer` (DESIGN.md §8, FORMATS.md §1);
they run on :class:`OrderItem`'s own rules and :mod:`app.order_actions.rules`, on
stand-ins of items (an import writes rows in bulk, not ORM instances). A change
here changes what the same lines mean: bump
:data:`app.marketplace_files.order_fingerprints.MERGE_RULES` with it.
"""

from __future__ import annotations

from datetime import datetime
from operator import itemgetter
from typing import Any, cast

from app.marketplace_files.order_fingerprints import FINGERPRINT
from app.marketplace_files.reports import Layout, ReportRow
from app.order_actions.message_choice import cancel_requested
from app.order_actions.orders import OrderSummary, order_summary
from app.order_actions.rules import buyer_disclosed, status_from_items
from app.order_views.search_text import order_search_text
from app.storage.models import FulfilledBy, Order, OrderItem, OrderStatus
from app.storage.stand_ins import stand_in_maker

ORDERS = Order.__table__  # a Table of its own (app.storage.order_table)

# An item's amounts, as its line gives them.
ITEM_AMOUNTS = (
    "item_price",
    "item_tax",
    "shipping_price",
    "shipping_tax",
    "item_promotion_discount",
    "ship_promotion_discount",
)
ITEM_FIELDS = (
    "order_item_id",
    "sku",
    "title",
    "asin",
    "quantity",
    "quantity_shipped",
    "quantity_cancelled",
    *ITEM_AMOUNTS,
    "promotion_ids",
)
# An item's stored fields, read from its __dict__ (cheap to compare).
ITEM_SNAPSHOT = itemgetter(*ITEM_FIELDS)
ITEM_DEFAULTS: dict[str, Any] = {
    "id": None,
    **dict.fromkeys(ITEM_FIELDS),
    "quantity": 0,
    "quantity_shipped": 0,
    "quantity_cancelled": 0,
}
# Order columns an import may rewrite (everything but identity and creation).
ORDER_FIELDS = tuple(
    column.name for column in ORDERS.columns if column.name not in ("id", "order_id", "created_at")
)
ORDER_COLUMNS = tuple(column.name for column in ORDERS.columns)
# Columns whose change is a consequence of another change, not a change itself.
BOOKKEEPING = frozenset({"updated_at", "version", "search_text", "cancel_requested", FINGERPRINT})
COMPARED_FIELDS = tuple(name for name in ORDER_FIELDS if name not in BOOKKEEPING)
COMPARED_VALUES = itemgetter(*COMPARED_FIELDS)
# What orders.search_text is made of (app.order_views.search_text.order_search_text).
SEARCHED_FIELDS = ("status", "buyer_name", "skus", "titles")

TERMINAL = frozenset({OrderStatus.SHIPPED, OrderStatus.CANCELED})
RANK = {
    OrderStatus.PENDING: 0,
    OrderStatus.UNSHIPPED: 1,
    OrderStatus.PARTIALLY_SHIPPED: 2,
    OrderStatus.SHIPPED: 3,
    OrderStatus.CANCELED: 3,
}


# An item being merged: its stored fields as plain attributes and OrderItem's own rules
# (quantity_open, ref). The import never adds an item to a session (it writes rows in
# bulk), so it does not pay for ORM instances.
_merged_item = stand_in_maker(OrderItem)


def merged_item(values: dict[str, Any]) -> OrderItem:
    """An item to merge on, holding ``values`` (a fresh dict: the item keeps it)."""
    return cast(OrderItem, _merged_item(values))


def item_snapshot(item: OrderItem) -> tuple[Any, ...]:
    """The stored fields, in ITEM_FIELDS order."""
    return cast(tuple[Any, ...], ITEM_SNAPSHOT(item.__dict__))


# What order_summary reads of an item: orders with the same items (but their ids) have
# the same summary, and a shop sells the same few items over and over.
SUMMARISED = itemgetter("quantity", "sku", "title", *ITEM_AMOUNTS)
SUMMARIES_KEPT = 10_000
_summaries: dict[tuple[Any, ...], OrderSummary] = {}


def _summary(items: list[OrderItem]) -> OrderSummary:
    """:func:`order_summary` of these items, worked out once per distinct set of items."""
    key = tuple([SUMMARISED(item.__dict__) for item in items])
    found = _summaries.get(key)
    if found is None:
        if len(_summaries) >= SUMMARIES_KEPT:
            _summaries.clear()  # memory stays bounded; the common sets come back
        found = _summaries[key] = order_summary(items)
    return found


BLANK_ORDER: dict[str, Any] = {
    **dict.fromkeys(ORDER_FIELDS),
    "status": OrderStatus.PENDING,
    "fulfilled_by": FulfilledBy.SELLER,
    "buyer_requested_cancel": False,
    "canceled_on_marketplace": False,
    "item_count": 0,
    "skus": "",
    "titles": "",
    "search_text": "",
    "asked_to_cancel_by_message": False,
    "cancel_requested": False,
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
        self, order_id: str, stored: dict[str, Any] | None, items: list[OrderItem], at: datetime
    ) -> None:
        self.at = at
        self.created = stored is None
        self.pk: int | None = None
        self.items = items
        if stored is None:
            # A new order has no before: nothing of it is compared or shown as old.
            self.values = _blank_order(order_id, at)
            self.before: dict[str, Any] = {}
            self.items_before: dict[int, tuple[Any, ...]] = {}
        else:
            self.pk = stored["id"]
            self.values = stored
            self.before = dict(stored)
            self.items_before = {id(item): item_snapshot(item) for item in items}
        self.changes: list[str] = []
        self.contact: dict[str, Any] = {}
        self.reported: OrderStatus | None = None
        # item-status of the lines that gave one, by id() of their item.
        self.line_status: dict[int, OrderStatus] = {}

    @property
    def is_new(self) -> bool:
        """Added by this import (stays True once the insert gave it a key)."""
        return self.created

    def _item_for(self, row: ReportRow) -> OrderItem | None:
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
        # An order's first line is about an item it does not have yet (nothing to look for).
        item = self._item_for(row) if self.items else None
        if item is None:
            item = _merged_item({**ITEM_DEFAULTS, **row.item})  # a new item: every filled cell
            self.items.append(item)
        else:
            cells = row.item
            if cells.get("quantity") == 0 and (item.id is not None or item.quantity > 0):
                # A cancelled line shows 0 units: keep what was ordered.
                cells = {name: value for name, value in cells.items() if name != "quantity"}
            item.__dict__.update(cells)
        reported_shipped = row.quantity_shipped
        # Shipped units only grow: a line saying no more than are shipped changes nothing
        # (most lines say 0).
        if reported_shipped is not None and reported_shipped > item.__dict__["quantity_shipped"]:
            cells = item.__dict__
            shippable = max(0, cells["quantity"] - cells["quantity_cancelled"])
            shipped = min(reported_shipped, shippable)
            cells["quantity_shipped"] = max(cells["quantity_shipped"], shipped)
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
        values = self.values
        if buyer_disclosed(values["status"]):
            values.update(self.contact)
        # What follows from the items and the status is worked out again only when they
        # changed: a stored order's columns already say it (re-importing a file is mostly that).
        before = self.items_before
        created = self.created
        if created or any(item_snapshot(item) != before.get(id(item)) for item in self.items):
            summary = _summary(self.items)
            values["item_count"] = summary.item_count
            values["skus"] = summary.skus
            values["titles"] = summary.titles
            values["total"] = summary.total
        old = self.before
        if created or any(values[name] != old[name] for name in SEARCHED_FIELDS):
            values["search_text"] = order_search_text(
                values["status"], values["buyer_name"], values["skus"], values["titles"]
            )
        values["cancel_requested"] = cancel_requested(
            values["buyer_requested_cancel"], values["asked_to_cancel_by_message"]
        )
        if created:
            return
        self.changes = self._changed_fields()
        if self.changes:
            self.values["version"] = self.before["version"] + 1
            self.values["updated_at"] = self.at

    def _next_status(self, current: OrderStatus) -> OrderStatus:
        reported = self.reported
        items = self.items
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
        items = self.items
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
            after = item_snapshot(item)
            if after != before:
                changed.extend(
                    f"{item.ref}.{name}"
                    for name, old, new in zip(ITEM_FIELDS, before, after, strict=True)
                    if old != new
                )
        return changed
