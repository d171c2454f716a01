"""The order states as a seller reads them, for sentences and for the window's columns."""

from __future__ import annotations

from app.storage.order_table import OrderStatus
from app.text import QT_TRANSLATE_NOOP, Code, text

STATUS_LABELS: dict[OrderStatus, str] = {
    OrderStatus.PENDING: QT_TRANSLATE_NOOP("Status", "Pending"),
    OrderStatus.UNSHIPPED: QT_TRANSLATE_NOOP("Status", "Unshipped"),
    OrderStatus.PARTIALLY_SHIPPED: QT_TRANSLATE_NOOP("Status", "Partially shipped"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("Status", "Shipped"),
    OrderStatus.CANCELED: QT_TRANSLATE_NOOP("Status", "Canceled"),
}


def status_label(status: OrderStatus) -> Code:
    """A state inside a sentence: the marketplace's code in English, its label in the window."""
    return Code(status.value, text("Status", STATUS_LABELS[status]))
