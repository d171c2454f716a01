"""Issue 16 item 4: each order-list column is declared once (app.order_views.order_list.Column);
the rows' SELECT, the sort, keyset paging's cursor and S9's blanking are derived from it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert

from app.order_views.order_list import _ROW_VALUES, Column, ListQuery, page
from app.order_views.queries import View
from app.storage.models import Order, OrderStatus

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def test_each_column_keeps_the_number_a_saved_layout_knows_it_by():
    # A saved header layout stores columns by number: renumbering one would show a seller's
    # widths, hidden and moved columns on the wrong column. New columns come after these.
    numbers = [(column.name, int(column)) for column in Column]
    assert numbers[:8] == [
        ("ORDER_ID", 0),
        ("PURCHASED", 1),
        ("SHIP_BY", 2),
        ("STATUS", 3),
        ("BUYER", 4),
        ("ITEMS", 5),
        ("TOTAL", 6),
        ("BUYER_REQUESTED", 7),
    ]
    assert [number for _, number in numbers] == list(range(len(Column)))  # one per header


def test_every_column_sorts_on_a_value_an_index_starts_with():
    # A sort walks its index and stops after a page; without one, a million orders are sorted.
    table = Order.__table__
    leading = {index.columns[0].name for index in table.indexes}
    leading |= {c.name for c in table.columns if c.unique or c.primary_key}
    for column in Column:
        assert column.sorts_on.key in leading, column.name


def test_the_rows_read_every_columns_values_once():
    names = [value.key for value in _ROW_VALUES]
    assert len(names) == len(set(names))
    for column in Column:
        declared = [column.declared.sorts_on, *column.declared.reads]
        assert {value.key for value in declared} <= set(names), column.name


def _add(db, n: int, status: OrderStatus, buyer: str | None) -> None:
    with db.transaction() as session:
        session.execute(
            insert(Order),
            [
                {
                    "id": n,
                    "order_id": f"402-000000{n}-0000000",
                    "status": status,
                    "purchase_date": NOW - timedelta(hours=n),
                    "latest_ship_date": NOW + timedelta(days=1),
                    "buyer_name": buyer,
                    "item_count": n,
                    "total": Decimal("12.50") * n,
                    "currency": "EUR",
                    "search_text": "mug",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
            ],
        )


def test_a_row_gives_each_column_the_value_it_sorts_on(db):
    _add(db, 1, OrderStatus.UNSHIPPED, "Aurélien Garçon")
    _add(db, 2, OrderStatus.SHIPPED, "Clément Chevalier")
    for column in Column:
        rows = page(db, ListQuery(View.ALL, sort=column), as_of=NOW)
        assert [row.cursor[0] for row in rows] == [row.value(column) for row in rows], column
    row = page(db, ListQuery(View.ALL, sort=Column.TOTAL, descending=False), as_of=NOW)[0]
    assert row.value(Column.TOTAL) == Decimal("12.50")
    assert row.value(Column.BUYER) == "Aurélien Garçon"
    assert row.value(Column.ITEMS) == 1
    assert row.value(Column.STATUS) == OrderStatus.UNSHIPPED


def test_a_pending_orders_buyer_is_blank_in_its_row_even_if_the_database_holds_one(db):
    # S9: an older database may hold a name for a Pending order; the list never shows it.
    _add(db, 1, OrderStatus.PENDING, "Aurélien Garçon")
    _add(db, 2, OrderStatus.UNSHIPPED, "Clément Chevalier")
    rows = {row.order_id: row for row in page(db, ListQuery(View.ALL), as_of=NOW)}
    pending, unshipped = rows["402-0000001-0000000"], rows["402-0000002-0000000"]
    assert pending.value(Column.BUYER) is None
    assert pending.buyer_name is None and pending.buyer_hidden
    assert "Aurélien Garçon" not in pending.values
    assert unshipped.value(Column.BUYER) == "Clément Chevalier"
