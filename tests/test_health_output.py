"""``health --json`` is written from rows (app/cli/health_output.py): byte for byte
what the report's own JSON gives, on a shop of every kind of order."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, update

from app.account_health.health import health
from app.cli.common import print_json
from app.order_actions.orders import cancel
from app.storage.models import FulfilledBy, Order, OrderItem, OrderStatus
from tests.factories import NOW

STATUSES = list(OrderStatus)


def _cancel_unshipped(db: Any, ids: list[str], count: int) -> None:
    """Cancels ``count`` of the shop's unshipped orders at known moments, over the last
    four days (some count in the rate, some come after an as-of moment)."""
    unshipped = [
        order_id
        for n, order_id in enumerate(ids, start=1)
        if STATUSES[n % len(STATUSES)] is OrderStatus.UNSHIPPED and n % 7
    ]
    for number, order_id in enumerate(unshipped[:count]):
        cancel(db, order_id, "NoInventory", at=NOW - timedelta(days=number % 4))


def _shop(db: Any, count: int) -> list[str]:
    orders: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for n in range(1, count + 1):
        status = STATUSES[n % len(STATUSES)]
        purchased = NOW - timedelta(hours=7 * n % (24 * 40))
        shipped = n % 3 if status is OrderStatus.PARTIALLY_SHIPPED else 0
        orders.append(
            {
                "id": n,
                "order_id": f"{100 + n % 900:03d}-{n:07d}-{n * 7 % 10_000_000:07d}",
                "status": status,
                "purchase_date": purchased,
                "payment_date": None if status is OrderStatus.PENDING else purchased,
                "latest_ship_date": None if n % 11 == 0 else purchased + timedelta(hours=n % 97),
                "currency": "EUR",
                "item_count": 1,
                "skus": "MUG-CERAM-01",
                "fulfilled_by": FulfilledBy.MARKETPLACE if n % 7 == 0 else FulfilledBy.SELLER,
                "canceled_on_marketplace": n % 13 == 0,
                "created_at": purchased,
                "updated_at": purchased,
            }
        )
        items.append(
            {
                "id": n,
                "order_pk": n,
                "order_item_id": f"{n:014d}",
                "sku": "MUG-CERAM-01",
                "quantity": 3,
                "quantity_shipped": 3 if status is OrderStatus.SHIPPED else shipped,
                "quantity_cancelled": 3 if status is OrderStatus.CANCELED else n % 2,
            }
        )
    if not orders:
        return []
    with db.transaction() as session:
        session.execute(insert(Order), orders)
        session.execute(insert(OrderItem), items)
    return [order["order_id"] for order in orders]


def _report_json(db: Any, as_of: datetime) -> str:
    written = io.StringIO()
    with redirect_stdout(written):
        print_json(health(db, as_of).to_json())
    return written.getvalue()


def test_health_json_is_byte_for_byte_the_reports_json(db, cli):
    ids = _shop(db, 3_000)
    # Cancellations made at known moments: some count in the rate, some were made
    # after an as-of moment below (their units were still open then).
    _cancel_unshipped(db, ids, 40)
    for as_of in (NOW, NOW - timedelta(days=2), NOW + timedelta(days=30)):
        expected = _report_json(db, as_of)
        assert expected.count('"order_id"') > 500  # a real comparison, not two empty lists
        result = cli("health", "--json", "--as-of", as_of.isoformat())
        assert result.status == 0
        assert result.out == expected


@pytest.mark.parametrize("late", [0, 1])
def test_an_empty_or_one_entry_list_is_written_as_before(db, cli, late):
    _shop(db, late)
    result = cli("health", "--json", "--as-of", NOW.isoformat())
    assert result.out == _report_json(db, NOW)


def test_health_json_reads_without_the_orm(db_location):
    # The ORM and the mapped classes cost `health --json` half a second of its start: it
    # reads the Core tables (app.storage.order_table, app.storage.action_tables).
    from tests.test_start import modules_loaded_by

    loaded = modules_loaded_by(db_location, "health", "--json")
    assert "app.storage.action_tables" in loaded
    assert not loaded & {"sqlalchemy.orm", "app.storage.models"}


def test_order_ids_json_escapes_are_written_as_the_report_writes_them(db, cli):
    # Order ids are checked on the way in; still, ids holding what JSON escapes (a
    # quote, a backslash, a control character) or characters that are not printable
    # must come out as the report's encoder writes them, in runs beside plain ones.
    _shop(db, 600)
    odd = ['"', "\\", "\t", "\u00a0", "é", "\u2028"]
    with db.transaction() as session:
        for n, text in enumerate(odd, start=1):
            session.execute(
                update(Order)
                .where(Order.id % (len(odd) + 7) == n)
                .values(order_id=func.replace(Order.order_id, "-", text))
            )
    expected = _report_json(db, NOW)
    assert all(json.dumps(text, ensure_ascii=False)[1:-1] in expected for text in odd)
    assert cli("health", "--json", "--as-of", NOW.isoformat()).out == expected
