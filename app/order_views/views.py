"""Orders as plain data for the command line's JSON and the window.

Sessions are short, so nothing outside ``app/`` ever holds an ORM object: the
functions here turn an order into dictionaries of JSON-ready values (amounts
as two-decimal strings, datetimes as ISO-8601 in UTC). Buyer contact and
address are left out while an order is Pending (S9).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso
from app.money import format_amount
from app.order_actions.message_choice import (
    asked_only_by_message,
    order_asked_only_by_message,
    story_of,
)
from app.order_actions.order_money import order_money
from app.order_actions.rules import buyer_disclosed
from app.storage.models import Event, FulfilledBy, Order, OrderItem


def item_json(item: OrderItem) -> dict[str, Any]:
    return {
        "order_item_id": item.order_item_id,
        "sku": item.sku,
        "title": item.title,
        "asin": item.asin,
        "quantity": item.quantity,
        "quantity_shipped": item.quantity_shipped,
        "quantity_cancelled": item.quantity_cancelled,
        "quantity_open": item.quantity_open,
        "item_price": format_amount(item.item_price),
        "item_tax": format_amount(item.item_tax),
        "shipping_price": format_amount(item.shipping_price),
        "shipping_tax": format_amount(item.shipping_tax),
        "item_promotion_discount": format_amount(item.item_promotion_discount),
        "ship_promotion_discount": format_amount(item.ship_promotion_discount),
    }


def order_json(order: Order) -> dict[str, Any]:
    """The order object every command prints: what a list row needs."""
    return {
        "order_id": order.order_id,
        "status": order.status.value,
        "purchase_date": iso(order.purchase_date),
        "payment_date": iso(order.payment_date),
        "earliest_ship_date": iso(order.earliest_ship_date),
        "latest_ship_date": iso(order.latest_ship_date),
        "buyer_requested_cancel": order.buyer_requested_cancel,
        "buyer_cancel_reason": order.buyer_cancel_reason,
        "canceled_on_marketplace": order.canceled_on_marketplace,
        "fulfilled_by": (order.fulfilled_by or FulfilledBy.SELLER).value,
        "currency": order.currency,
        "sales_channel": order.sales_channel,
        "ship_service_level": order.ship_service_level,
        "total": format_amount(order.total),
        "items": [item_json(item) for item in order.items],
        # Added for issue 12 (extend, never rename): a request by message only (S5).
        "asked_to_cancel_by_message": order_asked_only_by_message(order),
    }


def buyer_json(order: Order) -> dict[str, Any] | None:
    if not buyer_disclosed(order.status):
        return None
    return {"name": order.buyer_name, "email": order.buyer_email, "phone": order.buyer_phone}


def address_json(order: Order) -> dict[str, Any] | None:
    if not buyer_disclosed(order.status):
        return None
    return {
        "recipient_name": order.recipient_name,
        "address_1": order.ship_address_1,
        "address_2": order.ship_address_2,
        "address_3": order.ship_address_3,
        "city": order.ship_city,
        "state": order.ship_state,
        "postal_code": order.ship_postal_code,
        "country": order.ship_country,
    }


def _item_ref(order: Order, order_item_pk: int) -> dict[str, Any]:
    for item in order.items:
        if item.id == order_item_pk:
            return {"order_item_id": item.order_item_id, "sku": item.sku}
    return {"order_item_id": None, "sku": None}


def events_json(session: Session, order: Order) -> list[dict[str, Any]]:
    events = session.scalars(select(Event).where(Event.order_pk == order.id).order_by(Event.id))
    return [
        {
            "at": iso(event.at),
            "actor": event.actor,
            "kind": event.kind,
            "summary": event.summary,
            "before": None if event.before is None else json.loads(event.before),
            "after": None if event.after is None else json.loads(event.after),
        }
        for event in events
    ]


def order_detail_json(session: Session, order: Order) -> dict[str, Any]:
    """``show --json``: the order with buyer, address, shipments, cancellations, events."""
    data = order_json(order)
    data["buyer"] = buyer_json(order)
    data["address"] = address_json(order)
    data["shipments"] = [
        {
            "ship_date": shipment.ship_date.isoformat(),
            "carrier_code": shipment.carrier_code,
            "carrier_name": shipment.carrier_name,
            "tracking_number": shipment.tracking_number,
            "ship_method": shipment.ship_method,
            "created_at": iso(shipment.created_at),
            "items": [
                {**_item_ref(order, line.order_item_pk), "quantity": line.quantity}
                for line in shipment.lines
            ],
        }
        for shipment in order.shipments
    ]
    data["cancellations"] = [
        {
            "created_at": iso(cancellation.created_at),
            "reason": cancellation.reason,
            "initiator": cancellation.initiator.value,
            "counts_in_rate": cancellation.counts_in_rate,
            "whole_order": cancellation.whole_order,
            "source": cancellation.source,
            "items": [
                {
                    **_item_ref(order, line.order_item_pk),
                    "quantity": line.quantity,
                    "item_price": format_amount(line.item_price),
                    "item_tax": format_amount(line.item_tax),
                    "shipping_price": format_amount(line.shipping_price),
                    "shipping_tax": format_amount(line.shipping_tax),
                }
                for line in cancellation.lines
            ],
        }
        for cancellation in order.cancellations
    ]
    data["refunds"] = refunds_json(order)
    # Added for issue 12 (extend, never rename): the money balance and an S5 request.
    data["money"] = order_money(session, order).to_json()
    data["asked_to_cancel_by_message"] = asked_only_by_message(story_of(order, ()))
    data["returns"] = returns_json(order)
    data["events"] = events_json(session, order)
    return data


def refunds_json(order: Order) -> list[dict[str, Any]]:
    """One object per item per refund: what was refunded of each component, before the fee."""
    return [
        {
            **_item_ref(order, line.order_item_pk),
            "item_price": format_amount(line.item_price),
            "item_tax": format_amount(line.item_tax),
            "shipping_price": format_amount(line.shipping_price),
            "shipping_tax": format_amount(line.shipping_tax),
            "restocking_fee": format_amount(line.restocking_fee),
            "net": format_amount(
                line.item_price
                + line.item_tax
                + line.shipping_price
                + line.shipping_tax
                - line.restocking_fee
            ),
            "reason": refund.reason,
            "condition": refund.condition,
            "created_at": iso(refund.created_at),
        }
        for refund in order.refunds
        for line in refund.lines
    ]


def returns_json(order: Order) -> list[dict[str, Any]]:
    return [
        {
            "status": row.status.value,
            "carrier_return": row.carrier_return,
            "requested_at": iso(row.requested_at),
            "received_at": iso(row.received_at),
            "condition": row.condition,
            "refund_due": row.refund_due.isoformat() if row.refund_due else None,
        }
        for row in order.returns
    ]
