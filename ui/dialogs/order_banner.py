"""The line at the top of every order dialog that says which order it acts on:
its id, its buyer and its total, so the seller never acts on the wrong one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.errors import SellerDeskError
from app.order_views.order_details import OrderDetails, order_details
from app.storage.db import Database
from ui.i18n import money


class OrderBanner(QLabel):
    def __init__(self, details: OrderDetails | None, order_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("order_banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        if details is None:
            self.setText(self.tr("Order {order}").format(order=order_id))
            return
        buyer = details.buyer.name if details.buyer and details.buyer.name else None
        self.setText(
            self.tr("Order {order} · {buyer} · {total}").format(
                order=details.order_id,
                buyer=buyer or self.tr("buyer hidden until payment is verified"),
                total=money(details.total, details.currency),
            )
        )

    @classmethod
    def of(cls, db: Database, order_id: str, parent: QWidget) -> OrderBanner:
        try:
            details: OrderDetails | None = order_details(db, order_id)
        except SellerDeskError:
            details = None  # the dialog says what is wrong with the order
        return cls(details, order_id, parent)
