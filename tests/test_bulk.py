"""Bulk writes store exactly what the ORM stores, and read back as the same values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Table, event, insert, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import IntegrityError

from app.order_views.search_text import order_search_text
from app.storage.bulk import BulkTable, planned_for_their_values
from app.storage.db import Database
from app.storage.models import Event, Order, OrderStatus
from tests.conftest import ON_POSTGRES

ORDERS = cast(Table, Order.__table__)
EVENTS = cast(Table, Event.__table__)
PARIS = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

VALUES = {
    "status": OrderStatus.PARTIALLY_SHIPPED,
    "purchase_date": datetime(2026, 11, 18, 10, 15, 30, 250, tzinfo=PARIS),
    "latest_ship_date": datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
    "is_prime": True,
    "is_business_order": False,
    "buyer_name": "Aurélien Garçon",
    "buyer_requested_cancel": False,
    "canceled_on_marketplace": False,
    "item_count": 3,
    "skus": "MUG-CERAM-01 THE-VERT-100",
    "titles": "Mug | Thé",
    "total": Decimal("37.25"),
    "created_at": AT,
    "updated_at": AT,
    "version": 1,
}
# Columns the app derives on every write (the ORM by its hooks, the importer by hand).
VALUES["search_text"] = order_search_text(
    VALUES["status"], VALUES["buyer_name"], VALUES["skus"], VALUES["titles"]
)
VALUES["cancel_requested"] = False


def _stored(db: Database, order_id: str) -> tuple[object, ...]:
    """The row as the database holds it, without the key."""
    with db.reading() as session:
        connection = session.connection()
        bulk = BulkTable(ORDERS, connection.dialect)
        names = [column.name for column in ORDERS.columns if column.name != "id"]
        query = bulk.select(*names).where(bulk.column("order_id") == order_id)
        return tuple(connection.execute(query).one())


def test_a_bulk_insert_stores_what_the_orm_stores(db: Database) -> None:
    with db.transaction() as session:
        session.add(Order(order_id="405-0000001-0000001", **VALUES))
    names = ("order_id", *VALUES)
    with db.transaction() as session:
        connection = session.connection()
        BulkTable(ORDERS, connection.dialect).insert_many(
            connection, names, [("405-0000002-0000002", *VALUES.values())]
        )
    by_orm, by_bulk = _stored(db, "405-0000001-0000001"), _stored(db, "405-0000002-0000002")
    assert by_bulk[1:] == by_orm[1:]
    with db.reading() as session:
        order = session.scalars(select(Order).where(Order.order_id == "405-0000002-0000002")).one()
        assert order.total == Decimal("37.25")
        assert order.purchase_date == VALUES["purchase_date"]  # same moment, now in UTC
        assert order.status is OrderStatus.PARTIALLY_SHIPPED
        assert order.is_prime is True


# Texts a bulk load must keep as they are (PostgreSQL receives the rows as COPY text).
AWKWARD = ["a\ttab", "two\nlines\r\n", "back\\slash \\N", "\\N", "", "« guillemets » 😀", None]


def test_a_bulk_insert_keeps_every_text_as_an_insert_does(db: Database) -> None:
    names = ("order_pk", "at", "actor", "kind", "summary", "summary_text", "before", "after")
    rows = [
        (None, AT, "seller", "note", text or "-", text, text, '{"k": "\\t"}') for text in AWKWARD
    ]
    with db.transaction() as session:
        connection = session.connection()
        for row in rows:
            connection.execute(insert(EVENTS).values(dict(zip(names, row, strict=True))))
        BulkTable(EVENTS, connection.dialect).insert_many(connection, names, rows)
    with db.reading() as session:
        stored = session.execute(select(*(EVENTS.c[name] for name in names))).all()
    assert [tuple(row) for row in stored] == rows + rows


def test_a_bulk_insert_refused_by_the_database_is_explained_as_an_insert_is(db: Database) -> None:
    with db.transaction() as session:
        session.add(Order(order_id="405-0000001-0000001", **VALUES))
    names = ("order_id", *VALUES)
    row = ("405-0000001-0000001", *VALUES.values())
    refusals = []
    for write in (
        lambda connection: connection.execute(
            insert(ORDERS).values(dict(zip(names, row, strict=True)))
        ),
        lambda connection: BulkTable(ORDERS, connection.dialect).insert_many(
            connection, names, [row]
        ),
    ):
        with pytest.raises(Exception) as refused, db.transaction() as session:
            write(session.connection())
        refusals.append((type(refused.value), str(refused.value)))
    by_insert, by_bulk = refusals
    assert by_bulk == by_insert
    assert by_bulk[0] is not IntegrityError or "order_id" in by_bulk[1]
    with db.reading() as session:
        assert session.scalar(select(Order.order_id)) == "405-0000001-0000001"


def test_decoded_rows_are_what_the_orm_reads(db: Database) -> None:
    with db.transaction() as session:
        session.add(Order(order_id="405-0000001-0000001", **VALUES))
    with db.reading() as session:
        connection = session.connection()
        bulk = BulkTable(ORDERS, connection.dialect)
        names = [column.name for column in ORDERS.columns]
        (row,) = bulk.decode(names, connection.execute(bulk.select(*names)).all())
        order = session.scalars(select(Order)).one()
        assert row == tuple(getattr(order, name) for name in names)


def test_an_update_keyed_on_a_stale_version_matches_nothing(db: Database) -> None:
    with db.transaction() as session:
        session.add(Order(order_id="405-0000001-0000001", **VALUES))
    with db.transaction() as session:
        connection = session.connection()
        bulk = BulkTable(ORDERS, connection.dialect)
        key = session.scalar(select(Order.id))
        keys, names = ("id", "version"), ("total", "version")
        stale = bulk.update_many(connection, keys, names, [(key, 7, Decimal("1.00"), 8)])
        current = bulk.update_many(connection, keys, names, [(key, 1, Decimal("9.99"), 2)])
    assert (stale, current) == (0, 1)
    with db.reading() as session:
        order = session.scalars(select(Order)).one()
        assert (order.total, order.version) == (Decimal("9.99"), 2)


SQLITE = sqlite.dialect()
ON_SQLITE = BulkTable(ORDERS, SQLITE)
OWN_MOMENT_TEXT = ORDERS.c.purchase_date.type.dialect_impl(SQLITE).bind_processor(SQLITE)


@settings(max_examples=150, deadline=None)
# A report's and the clock's moments are in UTC, which the writer turns into text the
# shortest way: always tried, whatever the examples drawn.
@example(moment=datetime(2026, 10, 1, 9, 5, 7, tzinfo=UTC))
@example(moment=datetime(1900, 1, 2, 0, 0, 0, 1, tzinfo=UTC))
@example(moment=datetime(2199, 12, 30, 23, 59, 59, 999_999, tzinfo=UTC))
@given(
    moment=st.datetimes(
        min_value=datetime(1900, 1, 2),
        max_value=datetime(2199, 12, 30),
        timezones=st.builds(
            timezone, st.integers(-14 * 60, 14 * 60).map(lambda m: timedelta(minutes=m))
        ),
    )
)
def test_a_moment_is_stored_as_its_column_type_stores_it(moment: datetime) -> None:
    """On SQLite the bulk writer makes a moment's text itself (cheaper); it is the
    text the column's own type makes, whatever the moment and its offset."""
    dialect = sqlite.dialect()
    own = ORDERS.c.purchase_date.type.dialect_impl(dialect).bind_processor(dialect)
    assert own is not None
    table = BulkTable(ORDERS, dialect)
    assert table.encode(["purchase_date", "created_at"], [(moment, None)]) == [(own(moment), None)]


def _statements(db: Database) -> list[tuple[str, object]]:
    """Every statement sent to the driver from now on, with its parameters."""
    sent: list[tuple[str, object]] = []

    def seen(
        _conn: object, _cursor: object, statement: str, parameters: object, *_: object
    ) -> None:
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    return sent


# Values one column may hold in every row: texts a literal must quote or cannot hold,
# numbers at the edges of SQLite's integers, and numbers that store apart in a text column.
ALIKE: list[list[object]] = [
    ["it's \"quoted\" 'twice'"],
    ["nul \0 inside"],
    ["« 😀 »", "« 😀 »"],
    [2**63 - 1],
    [-(2**63)],
    [-(2**63) + 1],
    [None],
    [1, 1.0, True],
    [0, False],
]


@pytest.mark.parametrize("values", ALIKE)
def test_a_column_of_one_value_is_stored_as_binding_it_row_by_row_stores_it(
    db: Database, values: list[object]
) -> None:
    """SQLite: columns alike in every row are written into the statement once (cheaper
    than binding them row after row); what is stored is what binding them stores."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("only SQLite writes the columns alike into the statement")
    names = ("order_pk", "at", "actor", "kind", "summary", "summary_text", "before", "after")
    rows = [
        (None, AT, "import", "imported", f"event {n}", values[n % len(values)], "{}", "{}")
        for n in range(4)
    ]
    sent = _statements(db)
    with db.transaction() as session:
        connection = session.connection()
        for row in rows:
            connection.execute(insert(EVENTS).values(dict(zip(names, row, strict=True))))
        BulkTable(EVENTS, connection.dialect).insert_many(connection, names, rows)
    query = "SELECT summary, summary_text, typeof(summary_text), at, typeof(at) FROM events"
    with db.reading() as session:
        stored = [tuple(row) for row in session.execute(text(query + " ORDER BY id"))]
    assert stored[4:] == stored[:4]
    [bound] = [params for sql, params in sent if "INSERT" in sql and isinstance(params, list)]
    assert len(bound[0]) < len(names)  # the columns alike went into the statement, once


MOMENTS = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(2199, 12, 30),
    timezones=st.one_of(
        st.just(UTC),
        st.builds(timezone, st.integers(-14 * 60, 14 * 60).map(lambda m: timedelta(minutes=m))),
    ),
)


@settings(max_examples=100, deadline=None)
@example(moments=[AT, AT + timedelta(microseconds=1), datetime(2026, 3, 29, 1, 59, tzinfo=UTC)])
@example(moments=[AT, None, AT.astimezone(PARIS)])
@given(moments=st.lists(st.one_of(st.none(), MOMENTS), min_size=2, max_size=6))
def test_a_column_of_moments_is_stored_as_its_column_type_stores_each(
    moments: list[datetime | None],
) -> None:
    """A column of UTC moments is turned into text all at once on SQLite; the texts are
    those the column's own type makes, one by one, whatever the moments."""
    own = ORDERS.c.purchase_date.type.dialect_impl(SQLITE).bind_processor(SQLITE)
    assert own is not None
    rows = [(moment,) for moment in moments]
    expected = [(own(moment),) for moment in moments]
    assert BulkTable(ORDERS, SQLITE).encode(["purchase_date"], rows) == expected


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: psycopg prepares statements")
def test_a_bulk_load_has_its_lookups_planned_for_their_values_then_the_driver_as_it_was(
    db: Database,
) -> None:
    looked_up = "SELECT count(*) FROM orders WHERE order_id = %s"
    # As the server keeps it: psycopg sends its parameters as $1, $2…
    kept_on_the_server = "SELECT count(*) FROM pg_prepared_statements WHERE statement = %s"
    as_kept = looked_up.replace("%s", "$1")
    with db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        threshold = driver.prepare_threshold
        with planned_for_their_values(connection):
            for _ in range(10):
                connection.exec_driver_sql(looked_up, ("401-0000001-0000001",))
            # A plan kept now would be the plan of a table still small.
            assert connection.exec_driver_sql(kept_on_the_server, (as_kept,)).scalar() == 0
        assert driver.prepare_threshold == threshold
        for _ in range(10):
            connection.exec_driver_sql(looked_up, ("401-0000001-0000001",))
        # Elsewhere the driver prepares what runs often, as it did before.
        assert connection.exec_driver_sql(kept_on_the_server, (as_kept,)).scalar() == 1
