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
