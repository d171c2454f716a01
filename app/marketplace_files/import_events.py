"""The audit event of an order an import added or changed: shaped as every action's
(:mod:`app.storage.audit`), its summary in the seller's words."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from app import clock
from app.marketplace_files.import_changes import what_changed
from app.marketplace_files.order_merge import ITEM_FIELDS, OrderMerge, merged_item
from app.money import format_amount
from app.order_views.status_labels import status_label
from app.storage import audit
from app.storage.bulk import Row
from app.storage.models import OrderItem, OrderStatus
from app.text import QT_TRANSLATE_NOOP, Text, plural, text

CTX = "Import"
ACTOR = "import"
# audit.event_values' columns, in its order.
EVENT_FIELDS = ("order_pk", "at", "actor", "kind", "summary", "summary_text", "before", "after")


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, datetime):
        return clock.iso(value)
    if isinstance(value, OrderStatus):
        return value.value
    return value


def _stored_items(snapshots: Iterable[tuple[Any, ...]]) -> list[OrderItem]:
    """Items as they were stored, from their snapshots (what an event calls before)."""
    return [merged_item(dict(zip(ITEM_FIELDS, snapshot, strict=True))) for snapshot in snapshots]


class NewOrderSentences:
    """An added order's summary, rendered once for every order it fits (the file's name,
    the status and the number of items are all it says)."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[str, OrderStatus, int], audit.Rendered] = {}

    def new_order(self, file_name: str, status: OrderStatus, items: int) -> audit.Rendered:
        key = (file_name, status, items)
        found = self._rendered.get(key)
        if found is None:
            found = self._rendered[key] = audit.rendered(
                plural(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Import", "Imported from {file}: new order, {status}, %n item(s)."
                    ),
                    items,
                    file=file_name,
                    status=status_label(status),
                )
            )
        return found


def import_event(
    merge: OrderMerge, file_name: str, sentences: NewOrderSentences, actor: str = ACTOR
) -> Row:
    """The audit event of an added or updated order (EVENT_FIELDS)."""
    status = merge.values["status"]
    after = audit.state(status, merge.items)
    before: dict[str, Any] | None = None
    summary: Text | audit.Rendered
    if merge.is_new:
        summary = sentences.new_order(file_name, status, len(merge.items))
    else:
        old_status = merge.before["status"]
        changed = merge.changes
        fields = [name for name in changed if name in merge.values]
        # Items by SKU and title, amounts with their currency (issue 12).
        said = what_changed(
            fields, merge.before, merge.values, merge.items, merge.items_before, ITEM_FIELDS
        )
        if old_status is not status:
            summary = text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Import", "Imported from {file}: {old} → {new}; changed {fields}."
                ),
                file=file_name,
                old=status_label(old_status),
                new=status_label(status),
                fields=said,
            )
        else:
            summary = text(
                CTX,
                QT_TRANSLATE_NOOP("Import", "Imported from {file}: changed {fields}."),
                file=file_name,
                fields=said,
            )
        before = audit.state(old_status, _stored_items(merge.items_before.values()))
        before["fields"] = {name: _jsonable(merge.before[name]) for name in fields}
        after["fields"] = {name: _jsonable(merge.values[name]) for name in fields}
    values = audit.event_values(
        merge.pk,
        kind="imported",
        summary=summary,
        at=merge.at,
        actor=actor,
        before=before,
        after=after,
    )
    return tuple(values.values())
