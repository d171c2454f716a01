"""The marketplace's deadlines on open orders (S11), without the health report around them.

The order list's Late and At risk filters read these (app.order_views.queries), and so
do the health lists (app.account_health.health): the list starts without loading the
report's code.
"""

from __future__ import annotations

from app.storage.order_table import OrderStatus

AUTO_CANCEL_DAYS = 7  # S11
# The window's At risk filter: late orders this close to the auto-cancellation.
AT_RISK_NOTICE_DAYS = 3
AT_RISK_FROM_DAYS_LATE = AUTO_CANCEL_DAYS - AT_RISK_NOTICE_DAYS
# Units still to ship: the health lists and the order list's Unshipped view.
OPEN_STATUSES = (OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED)


def close_to_auto_cancel(days_late: int) -> bool:
    """A late order in the "At risk of auto-cancellation" group: the marketplace may cancel it
    within AT_RISK_NOTICE_DAYS (S11). The list's filter asks the same in SQL
    (:func:`app.order_views.queries.is_close_to_auto_cancel`), the health page and
    the list's warning ask here.

    Not what the health JSON calls ``at_risk_of_auto_cancel``: that list holds every late
    order with its countdown (the window's "Late" group); this is its last days."""
    return days_late >= AT_RISK_FROM_DAYS_LATE


def days_before_auto_cancel(days_late: int) -> int:
    """Whole days before the marketplace may cancel a late order itself (S11);
    zero or less: it may do so now."""
    return AUTO_CANCEL_DAYS - days_late
