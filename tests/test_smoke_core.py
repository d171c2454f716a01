"""A first walk through an order's life from the command line."""

from __future__ import annotations

from app.storage.models import OrderStatus
from tests.factories import OrderSpec, add_order


def test_pending_order_is_verified_shipped_and_shown(db, cli):
    add_order(db, OrderSpec(order_id="405-1234567-1234567", status=OrderStatus.PENDING))
    assert cli("ship", "405-1234567-1234567", "--carrier", "UPS").status == 1
    assert cli("verify-payment", "405-1234567-1234567").status == 0
    result = cli("ship", "405-1234567-1234567", "--carrier", "Colissimo", "--tracking", "6A123")
    assert result.status == 0, result.err
    shown = cli("show", "405-1234567-1234567", "--json")
    assert '"status": "Shipped"' in shown.out
    assert '"carrier_name": "Colissimo"' in shown.out
