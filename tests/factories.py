"""Build orders directly in the database for tests, in any state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.order_actions.orders import refresh_summary
from app.storage.db import Database
from app.storage.models import FulfilledBy, Order, OrderItem, OrderStatus

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@dataclass
class ItemSpec:
    sku: str = "MUG-CERAM-01"
    quantity: int = 1
    order_item_id: str | None = None
    title: str = "Mug céramique"
    item_price: Decimal | None = Decimal("14.90")
    item_tax: Decimal | None = Decimal("2.48")
    shipping_price: Decimal | None = Decimal("4.90")
    shipping_tax: Decimal | None = Decimal("0.82")
    quantity_shipped: int = 0
    quantity_cancelled: int = 0


@dataclass
class OrderSpec:
    order_id: str = "405-1234567-1234567"
    status: OrderStatus = OrderStatus.UNSHIPPED
    purchase_date: datetime = NOW - timedelta(days=2)
    latest_ship_date: datetime | None = NOW + timedelta(days=1)
    buyer_requested_cancel: bool = False
    items: list[ItemSpec] = field(
        default_factory=lambda: [ItemSpec(order_item_id="11111111111111")]
    )
    currency: str = "EUR"
    fulfilled_by: FulfilledBy = FulfilledBy.SELLER


def add_order(db: Database, spec: OrderSpec | None = None, **changes: object) -> str:
    """Insert one order as a report would have left it; returns its order id."""
    spec = spec or OrderSpec()
    for key, value in changes.items():
        setattr(spec, key, value)
    spec.status = OrderStatus(spec.status)
    pending = spec.status is OrderStatus.PENDING
    with db.transaction() as session:
        order = Order(
            order_id=spec.order_id,
            status=spec.status,
            purchase_date=spec.purchase_date,
            payment_date=None if pending else spec.purchase_date + timedelta(hours=1),
            latest_ship_date=spec.latest_ship_date,
            currency=spec.currency,
            fulfilled_by=FulfilledBy(spec.fulfilled_by),
            buyer_name=None if pending else "Aurélien Garçon",
            buyer_email=None if pending else "abc@marketplace.amazon.fr",
            recipient_name=None if pending else "Aurélien Garçon",
            ship_address_1=None if pending else "7 place du Marché",
            ship_city=None if pending else "Clermont-Ferrand",
            ship_postal_code=None if pending else "63000",
            ship_country=None if pending else "FR",
            buyer_requested_cancel=spec.buyer_requested_cancel,
            created_at=spec.purchase_date,
            updated_at=spec.purchase_date,
        )
        for item in spec.items:
            order.items.append(
                OrderItem(
                    order_item_id=item.order_item_id,
                    sku=item.sku,
                    title=item.title,
                    quantity=item.quantity,
                    quantity_shipped=item.quantity_shipped,
                    quantity_cancelled=item.quantity_cancelled,
                    item_price=item.item_price,
                    item_tax=item.item_tax,
                    shipping_price=item.shipping_price,
                    shipping_tax=item.shipping_tax,
                )
            )
        refresh_summary(order)
        session.add(order)
    return spec.order_id
