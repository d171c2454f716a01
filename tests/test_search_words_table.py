"""Issue 13, PostgreSQL (migration 0019): the searched words of each order live in a table
of their own with the trigram indexes, so that writing an order without changing its
words (a cancellation, a shipment) never touches those indexes; triggers keep the table
equal to what orders say, and a first import builds its indexes once at the end."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import delete, event, select, text, update

from app.marketplace_files import importer
from app.marketplace_files.importer import import_reports
from app.order_actions.orders import cancel, verify_payment
from app.order_views.order_list import ListQuery, page
from app.order_views.queries import View
from app.storage import bulk, search_index
from app.storage.db import Database
from app.storage.models import Order, OrderStatus
from tests.conftest import ON_POSTGRES
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.migrations import downgraded, upgraded
from tests.reportfiles import ORDERS_REPORT

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL's table (SQLite: FTS5)")

TRIGRAM_INDEXES = {"ix_orders_search_order_id_trigrams", "ix_orders_search_search_text_trigrams"}


def _differing(db: Database) -> int:
    """Orders whose row in orders_search is missing, extra or says other words."""
    with db.reading() as session:
        return int(
            session.execute(
                text(
                    "SELECT count(*) FROM orders o FULL JOIN orders_search s"
                    " ON s.order_pk = o.id WHERE s.order_pk IS NULL OR o.id IS NULL"
                    " OR s.order_id <> o.order_id OR s.search_text <> o.search_text"
                )
            ).scalar_one()
        )


def _indexes(db: Database, table: str) -> set[str]:
    with db.reading() as session:
        return set(
            session.scalars(
                text("SELECT indexname FROM pg_indexes WHERE tablename = :t"), {"t": table}
            )
        )


def _words_row_version(db: Database, order_id: str) -> str:
    """The system column that changes with every write of the row (its transaction)."""
    with db.reading() as session:
        return str(
            session.execute(
                text("SELECT xmin::text FROM orders_search WHERE order_id = :o"), {"o": order_id}
            ).scalar_one()
        )


def test_only_a_change_of_the_searched_words_writes_their_row(db):
    assert _indexes(db, "orders_search") >= TRIGRAM_INDEXES
    assert not {name for name in _indexes(db, "orders") if name.endswith("_trigrams")}
    add_order(db, OrderSpec(status=OrderStatus.PENDING, items=[ItemSpec(sku="CAFÉ-01")]))
    add_order(db, OrderSpec(order_id="406-1234567-1234567"))
    written = _words_row_version(db, "406-1234567-1234567")
    cancel(db, "406-1234567-1234567", "NoInventory", at=NOW)
    assert _words_row_version(db, "406-1234567-1234567") == written  # status is not searched
    with db.transaction() as session:
        session.scalars(
            select(Order).where(Order.status == OrderStatus.PENDING)
        ).one().buyer_name = "Zoé Lemaître"
    verify_payment(db, "405-1234567-1234567", at=NOW)  # S9: the name becomes searchable
    assert _differing(db) == 0
    assert [row.order_id for row in page(db, ListQuery(View.ALL, "lemaitre"), as_of=NOW)] == [
        "405-1234567-1234567"
    ]
    with db.transaction() as session:
        session.execute(
            update(Order)
            .where(Order.order_id == "405-1234567-1234567")
            .values(order_id="405-7654321-7654321")
        )
        session.execute(delete(Order).where(Order.order_id == "406-1234567-1234567"))
    assert _differing(db) == 0
    with db.transaction() as session:
        session.execute(text("TRUNCATE orders CASCADE"))
    assert _differing(db) == 0


def _statements(db: Database) -> list[str]:
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_a_first_import_builds_the_trigram_indexes_once_at_the_end(db, monkeypatch):
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)  # the same rule, on a small file
    seen = _statements(db)
    import_reports(db, [ORDERS_REPORT], at=NOW)
    dropped = [s for s in seen if s.startswith("DROP INDEX")]
    assert sorted(dropped) == sorted(f"DROP INDEX {name}" for name in TRIGRAM_INDEXES)
    assert _indexes(db, "orders_search") >= TRIGRAM_INDEXES
    assert _differing(db) == 0
    seen.clear()
    import_reports(db, [ORDERS_REPORT], at=NOW)  # no more than is stored: kept
    assert not [s for s in seen if s.startswith("DROP INDEX")]


def test_a_failed_first_import_leaves_the_trigram_indexes(db, monkeypatch):
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)
    with pytest.raises(importer.ImportCancelled):
        import_reports(db, [ORDERS_REPORT], at=NOW, cancelled=iter([False, True]).__next__)
    assert _indexes(db, "orders_search") >= TRIGRAM_INDEXES
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM orders_search")).scalar_one() == 0


def test_two_first_imports_at_once_take_turns_with_the_trigram_indexes(db):
    # A second shop computer starts its first import while the first one's is loading:
    # it waits for the search table instead of reading index definitions being dropped
    # (PostgreSQL then failed with "cache lookup failed for attribute 1 of relation").
    first_dropped, first_may_end = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def first() -> None:
        with (
            db.engine.begin() as connection,
            search_index.new_orders_indexed_at_end(connection, 0, 1_000_000),
        ):
            first_dropped.set()
            first_may_end.wait(10)

    def second() -> None:
        try:
            with (
                db.engine.begin() as connection,
                search_index.new_orders_indexed_at_end(connection, 0, 1_000_000),
            ):
                pass
        except BaseException as error:  # what the second import met, asserted below
            failures.append(error)

    one = threading.Thread(target=first)
    one.start()
    assert first_dropped.wait(10)
    two = threading.Thread(target=second)
    two.start()
    two.join(1.0)  # the second is now waiting on the first, not failing
    first_may_end.set()
    one.join(10)
    two.join(10)
    assert not failures
    assert _indexes(db, "orders_search") >= TRIGRAM_INDEXES


def test_the_upgrade_moves_the_indexes_and_the_downgrade_moves_them_back(db):
    add_order(db, OrderSpec(items=[ItemSpec(sku="RARE-SKU-77")]))
    downgraded(db.engine, "0018")
    assert "orders_search" not in _tables(db)
    assert {"ix_orders_order_id_trigrams", "ix_orders_search_text_trigrams"} <= _indexes(
        db, "orders"
    )
    add_order(db, OrderSpec(order_id="406-1234567-1234567", items=[ItemSpec(sku="RARE-SKU-78")]))
    upgraded(db.engine)
    assert _indexes(db, "orders_search") >= TRIGRAM_INDEXES
    assert not {name for name in _indexes(db, "orders") if name.endswith("_trigrams")}
    assert _differing(db) == 0
    found = page(db, ListQuery(View.ALL, "rare-sku-78", search_first=True), as_of=NOW)
    assert [row.order_id for row in found] == ["406-1234567-1234567"]


def _tables(db: Database) -> set[str]:
    with db.reading() as session:
        return set(
            session.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        )
