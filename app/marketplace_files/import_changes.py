"""What an import changed in an order, said as the other timeline sentences say it:
items by SKU and title (:func:`app.order_actions.orders.item_name`), amounts with their currency,
order columns in the seller's words (issue 12). The audit event's before and after
keep the raw column names; this is only the sentence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from app.marketplace_files.reports import ADDRESS_FIELDS
from app.order_actions.orders import item_name
from app.order_actions.refunds import COMPONENT_LABELS, Component
from app.storage.models import OrderItem
from app.text import QT_TRANSLATE_NOOP, Amount, Text, text

CTX = "Import"

# Order columns, grouped as a seller thinks of them; the status is in the sentence
# itself, and the list's summary columns follow from the items.
ORDER_LABELS: dict[str, str] = {
    **dict.fromkeys(ADDRESS_FIELDS, QT_TRANSLATE_NOOP("Import", "shipping address")),
    **dict.fromkeys(
        ("buyer_name", "buyer_email", "buyer_phone"), QT_TRANSLATE_NOOP("Import", "buyer contact")
    ),
    **dict.fromkeys(
        ("earliest_ship_date", "latest_ship_date"), QT_TRANSLATE_NOOP("Import", "ship-by date")
    ),
    "purchase_date": QT_TRANSLATE_NOOP("Import", "purchase date"),
    "payment_date": QT_TRANSLATE_NOOP("Import", "payment date"),
    **dict.fromkeys(
        ("buyer_requested_cancel", "buyer_cancel_reason", "buyer_cancel_seen_at"),
        QT_TRANSLATE_NOOP("Import", "buyer's cancellation request"),
    ),
    "canceled_on_marketplace": QT_TRANSLATE_NOOP("Import", "cancelled on the marketplace"),
}
NOT_SAID = frozenset({"status", "item_count", "skus", "titles", "total", "search_text"})
OTHER_DETAILS = QT_TRANSLATE_NOOP("Import", "order details")

ITEM_LABELS: dict[str, str] = {
    "quantity": QT_TRANSLATE_NOOP("Import", "quantity"),
    "quantity_shipped": QT_TRANSLATE_NOOP("Import", "shipped"),
    "quantity_cancelled": QT_TRANSLATE_NOOP("Import", "cancelled"),
    **{component.value: COMPONENT_LABELS[component] for component in Component},
    "item_promotion_discount": QT_TRANSLATE_NOOP("Import", "item promotion"),
    "ship_promotion_discount": QT_TRANSLATE_NOOP("Import", "shipping promotion"),
    "order_item_id": QT_TRANSLATE_NOOP("Import", "item id"),
    "sku": QT_TRANSLATE_NOOP("Import", "SKU"),
    "title": QT_TRANSLATE_NOOP("Import", "product name"),
    "asin": QT_TRANSLATE_NOOP("Import", "ASIN"),
    "promotion_ids": QT_TRANSLATE_NOOP("Import", "promotions"),
}
COMPONENT_FIELDS = frozenset(component.value for component in Component)
FROM_TO = QT_TRANSLATE_NOOP("Import", "{what} {old} → {new}")


def _label(name: str) -> Text:
    context = "Refunds" if name in COMPONENT_FIELDS else CTX  # the refund's own words
    return text(context, ITEM_LABELS[name])


def _said_value(value: Any, currency: str | None) -> Any:
    if isinstance(value, Decimal):
        return Amount(value, currency)
    return "—" if value is None else value


def _item_change(name: str, old: Any, new: Any, currency: str | None) -> Text:
    if name.startswith("quantity") or isinstance(old, Decimal) or isinstance(new, Decimal):
        return text(
            CTX,
            FROM_TO,
            what=_label(name),
            old=_said_value(old, currency),
            new=_said_value(new, currency),
        )
    return _label(name)  # an id or a name: that it changed is enough


def what_changed(
    order_fields: Iterable[str],
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    items: Sequence[OrderItem],
    items_before: Mapping[int, tuple[Any, ...]],
    item_fields: Sequence[str],
) -> list[Text]:
    """The changes of one order, each a translatable phrase, in the order they matter:
    items first (by SKU and title), the total, then the order's own details."""
    currency = after.get("currency") or before.get("currency")
    said: list[Text] = []
    for item in items:
        name = item_name(item.sku, item.title)
        earlier = items_before.get(id(item))
        if earlier is None:
            said.append(text(CTX, QT_TRANSLATE_NOOP("Import", "{item} (new item)"), item=name))
            continue
        now = tuple(getattr(item, field) for field in item_fields)
        changes = [
            _item_change(field, old, new, currency)
            for field, old, new in zip(item_fields, earlier, now, strict=True)
            if old != new
        ]
        if changes:
            said.append(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP("Import", "{item} ({changes})"),
                    item=name,
                    changes=changes,
                )
            )
    fields = list(order_fields)
    if "total" in fields and before.get("total") is not None:
        said.append(
            text(
                CTX,
                FROM_TO,
                what=text(CTX, QT_TRANSLATE_NOOP("Import", "total")),
                old=_said_value(before["total"], currency),
                new=_said_value(after["total"], currency),
            )
        )
    labels: list[str] = []
    for field in fields:
        if field in NOT_SAID:
            continue
        label = ORDER_LABELS.get(field, OTHER_DETAILS)
        if label not in labels:
            labels.append(label)
    said.extend(text(CTX, label) for label in labels)
    return said or [text(CTX, OTHER_DETAILS)]
