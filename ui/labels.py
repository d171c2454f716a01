"""Words the window uses for the core's codes: statuses, views, deadlines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.models import OrderStatus
from app.order_list import Deadline, DeadlineKind
from app.queries import View


def status_label(status: OrderStatus) -> str:
    tr = QCoreApplication.translate
    return {
        OrderStatus.PENDING: tr("Status", "Pending"),
        OrderStatus.UNSHIPPED: tr("Status", "Unshipped"),
        OrderStatus.PARTIALLY_SHIPPED: tr("Status", "Partially shipped"),
        OrderStatus.SHIPPED: tr("Status", "Shipped"),
        OrderStatus.CANCELED: tr("Status", "Canceled"),
    }[status]


def view_label(view: View) -> str:
    tr = QCoreApplication.translate
    return {
        View.ALL: tr("View", "All orders"),
        View.PENDING: tr("View", "Pending"),
        View.UNSHIPPED: tr("View", "Unshipped"),
        View.LATE: tr("View", "Late"),
        View.BUYER_REQUESTED: tr("View", "Buyer requested cancellation"),
        View.AT_RISK: tr("View", "At risk of auto-cancellation"),
        View.SHIPPED: tr("View", "Shipped"),
        View.CANCELED: tr("View", "Canceled"),
    }[view]


def view_explanation(view: View) -> str:
    """The filter's tooltip: what it holds."""
    tr = QCoreApplication.translate
    return {
        View.ALL: tr("View", "Every order in this database."),
        View.PENDING: tr("View", "Amazon is still verifying the payment: do not ship these yet."),
        View.UNSHIPPED: tr(
            "View", "Payment verified, units still to ship (partially shipped orders included)."
        ),
        View.LATE: tr("View", "Units still to ship and the ship-by date has passed."),
        View.BUYER_REQUESTED: tr(
            "View",
            "The buyer used Request cancellation: cancelling with reason Buyer canceled "
            "does not count in your rate.",
        ),
        View.AT_RISK: tr(
            "View",
            "Late orders Amazon may cancel automatically within a few days (7 days after the "
            "ship-by date).",
        ),
        View.SHIPPED: tr("View", "Every unit is shipment-confirmed."),
        View.CANCELED: tr("View", "Cancelled by you, by the buyer or by Amazon."),
    }[view]


def empty_view_text(view: View, searching: bool) -> str:
    """What an empty list says, and what to do next."""
    tr = QCoreApplication.translate
    if searching:
        return tr(
            "View",
            "No order matches your search in this list. Search looks in order ids, buyer "
            "names, SKUs and product names; try fewer words or choose All orders.",
        )
    return {
        View.ALL: tr("View", "No orders yet. Import an order report from Seller Central."),
        View.PENDING: tr("View", "No pending orders: every payment is verified."),
        View.UNSHIPPED: tr("View", "Nothing to ship. Well done!"),
        View.LATE: tr("View", "No late orders: every order left on time."),
        View.BUYER_REQUESTED: tr("View", "No buyer has requested a cancellation."),
        View.AT_RISK: tr("View", "No order is at risk of being cancelled automatically."),
        View.SHIPPED: tr("View", "No shipped orders yet. Confirm a shipment from Unshipped."),
        View.CANCELED: tr("View", "No cancelled orders."),
    }[view]


def deadline_label(value: Deadline) -> str:
    tr = QCoreApplication.translate
    if value.kind is DeadlineKind.AT_RISK:
        if value.days_left <= 0:
            return tr("Deadline", "auto-cancel due now")
        if value.days_left == 1:
            return tr("Deadline", "auto-cancel in 1 day")
        return tr("Deadline", "auto-cancel in {days} days").format(days=value.days_left)
    if value.kind is DeadlineKind.LATE:
        if value.days_late == 0:
            return tr("Deadline", "late")
        if value.days_late == 1:
            return tr("Deadline", "late by 1 day")
        return tr("Deadline", "late by {days} days").format(days=value.days_late)
    return ""


def deadline_explanation(value: Deadline) -> str:
    tr = QCoreApplication.translate
    if value.kind is DeadlineKind.AT_RISK:
        return tr(
            "Deadline",
            "{late} day(s) past the ship-by date. Amazon may cancel this order automatically "
            "7 days after that date; ship it or cancel it now.",
        ).format(late=value.days_late)
    if value.kind is DeadlineKind.LATE:
        return tr(
            "Deadline",
            "Past the ship-by date: ship it now. Amazon may cancel it automatically in "
            "{days} day(s).",
        ).format(days=value.days_left)
    return ""
