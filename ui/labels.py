"""Words the window uses for the core's codes: statuses, views, deadlines."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.order_views.order_list import Deadline, DeadlineKind
from app.order_views.queries import View
from app.order_views.status_labels import STATUS_LABELS
from app.storage.order_table import OrderStatus

SAMPLE_DAY = date(2026, 12, 28)


def status_label(status: OrderStatus) -> str:
    return QCoreApplication.translate("Status", STATUS_LABELS[status])


def view_label(view: View) -> str:
    return {
        View.ALL: QCoreApplication.translate("View", "All orders"),
        View.PENDING: QCoreApplication.translate("View", "Pending"),
        View.UNSHIPPED: QCoreApplication.translate("View", "Unshipped"),
        View.LATE: QCoreApplication.translate("View", "Late"),
        View.BUYER_REQUESTED: QCoreApplication.translate("View", "Buyer requested cancellation"),
        View.AT_RISK: QCoreApplication.translate("View", "At risk of auto-cancellation"),
        View.SHIPPED: QCoreApplication.translate("View", "Shipped"),
        View.CANCELED: QCoreApplication.translate("View", "Canceled"),
        View.FULFILLED_BY_AMAZON: QCoreApplication.translate("View", "Fulfilled by Amazon"),
    }[view]


def view_explanation(view: View) -> str:
    """The filter's tooltip: what it holds."""
    return {
        View.ALL: QCoreApplication.translate("View", "Every order in this database."),
        View.PENDING: QCoreApplication.translate(
            "View", "Amazon is still verifying the payment: do not ship these yet."
        ),
        View.UNSHIPPED: QCoreApplication.translate(
            "View", "Payment verified, units still to ship (partially shipped orders included)."
        ),
        View.LATE: QCoreApplication.translate(
            "View", "Units still to ship and the ship-by date has passed."
        ),
        View.BUYER_REQUESTED: QCoreApplication.translate(
            "View",
            "The buyer used Request cancellation (cancelling with reason Buyer canceled "
            "does not count in your rate), or asked only by message (cancelling counts: "
            "reply asking for the official request).",
        ),
        View.AT_RISK: QCoreApplication.translate(
            "View",
            "Late orders Amazon may cancel automatically within a few days (7 days after the "
            "ship-by date).",
        ),
        View.SHIPPED: QCoreApplication.translate("View", "Every unit is shipment-confirmed."),
        View.CANCELED: QCoreApplication.translate(
            "View", "Cancelled by you, by the buyer or by Amazon."
        ),
        View.FULFILLED_BY_AMAZON: QCoreApplication.translate(
            "View",
            "Amazon ships these from its warehouse and handles their cancellations, returns "
            "and refunds: they are shown here to read only, and are in no work list, upload "
            "file or cancellation rate of yours.",
        ),
    }[view]


def empty_view_text(view: View, searching: bool) -> str:
    """What an empty list says, and what to do next."""
    if searching:
        return QCoreApplication.translate(
            "View",
            "No order matches your search in this list. Search looks in order ids, buyer "
            "names, SKUs and product names; try fewer words or choose All orders.",
        )
    return {
        View.ALL: QCoreApplication.translate(
            "View", "No orders yet. Import an order report from Seller Central."
        ),
        View.PENDING: QCoreApplication.translate(
            "View", "No pending orders: every payment is verified."
        ),
        View.UNSHIPPED: QCoreApplication.translate("View", "Nothing to ship. Well done!"),
        View.LATE: QCoreApplication.translate("View", "No late orders: every order left on time."),
        View.BUYER_REQUESTED: QCoreApplication.translate(
            "View", "No buyer has requested a cancellation."
        ),
        View.AT_RISK: QCoreApplication.translate(
            "View", "No order is at risk of being cancelled automatically."
        ),
        View.SHIPPED: QCoreApplication.translate(
            "View", "No shipped orders yet. Confirm a shipment from Unshipped."
        ),
        View.CANCELED: QCoreApplication.translate("View", "No cancelled orders."),
        View.FULFILLED_BY_AMAZON: QCoreApplication.translate(
            "View",
            "No order fulfilled by Amazon. The all-orders report lists them when you use "
            "Amazon's fulfilment.",
        ),
    }[view]


def fulfilled_by_amazon_label() -> str:
    """The mark of an order Amazon fulfils, in the list and the details pane."""
    return QCoreApplication.translate("Fulfilment", "Fulfilled by Amazon")


def fulfilled_by_amazon_tag() -> str:
    """The mark in the order list's narrow Ship by column, after the marketplace's date;
    the cell's tooltip says it in full (:func:`fulfilled_by_amazon_explanation`)."""
    return QCoreApplication.translate("Fulfilment", "by Amazon")


def fulfilled_by_amazon_explanation() -> str:
    return QCoreApplication.translate(
        "Fulfilment",
        "Amazon ships this order from its own warehouse and handles its cancellation, returns "
        "and refunds: it is shown here to read only.",
    )


def deadline_label(value: Deadline) -> str:
    if value.kind is DeadlineKind.AT_RISK:
        if value.days_left <= 0:
            return QCoreApplication.translate("Deadline", "auto-cancel due now")
        return QCoreApplication.translate(
            "Deadline", "auto-cancel in %n day(s)", None, value.days_left
        )
    if value.kind is DeadlineKind.LATE:
        if value.days_late == 0:
            return QCoreApplication.translate("Deadline", "late")
        return QCoreApplication.translate("Deadline", "late by %n day(s)", None, value.days_late)
    return ""


def deadline_tag(value: Deadline) -> str:
    """The deadline in a few letters, for the order list's narrow Ship by column; the
    cell's tooltip and the details pane say it in full (:func:`deadline_explanation`)."""
    if value.kind is DeadlineKind.AT_RISK:
        if value.days_left <= 0:
            return QCoreApplication.translate("Deadline", "auto-cancel now")
        return QCoreApplication.translate("Deadline", "auto-cancel in {days} d").format(
            days=value.days_left
        )
    if value.kind is DeadlineKind.LATE:
        if value.days_late == 0:
            return QCoreApplication.translate("Deadline", "late")
        return QCoreApplication.translate("Deadline", "late {days} d").format(days=value.days_late)
    return ""


def deadline_explanation(value: Deadline) -> str:
    if value.kind is DeadlineKind.AT_RISK:
        return QCoreApplication.translate(
            "Deadline",
            "%n day(s) past the ship-by date. Amazon may cancel this order automatically "
            "7 days after that date; ship it or cancel it now.",
            None,
            value.days_late,
        )
    if value.kind is DeadlineKind.LATE:
        return QCoreApplication.translate(
            "Deadline",
            "Past the ship-by date: ship it now. Amazon may cancel it automatically in %n day(s).",
            None,
            value.days_left,
        )
    return ""


def hidden_buyer() -> str:
    """The list's Buyer cell while Amazon verifies the payment (S9); its tooltip says why."""
    return QCoreApplication.translate("OrderTableModel", "hidden until paid")


def asked_by_message_tag() -> str:
    """The mark of a cancellation asked for by message only (S5), beside "Buyer requested"."""
    return QCoreApplication.translate("OrderTableModel", "✉ Asked by message")


def asked_by_message_explanation() -> str:
    return QCoreApplication.translate(
        "OrderTableModel",
        "The buyer asked to cancel by message only: cancelling counts in your cancellation "
        "rate. Reply asking the buyer to use Request cancellation.",
    )
