"""A re-import skips the orders whose lines it merged last, and only those."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, update

from app.marketplace_files import importer, order_fingerprints
from app.marketplace_files.importer import import_reports
from app.storage.db import Database
from app.storage.models import Order
from tests.reportfiles import ORDERS_COLUMNS, ORDERS_REPORT, order_line, render, report, write

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ORDER_ID = "405-1234567-1234567"
# The statement that fetches stored fingerprints (the merge's loading reads more columns).
PRINTS_FETCHED = "SELECT orders.order_id, orders.version, orders.import_fingerprint FROM"


def _buyer(db: Database) -> tuple[str | None, str | None]:
    with db.reading() as session:
        found = session.execute(
            select(Order.buyer_name, Order.recipient_name).where(Order.order_id == ORDER_ID)
        ).one()
    return found[0], found[1]


def test_an_order_changed_since_its_import_is_merged_again(db: Database, tmp_path: Path) -> None:
    path = report(tmp_path / "orders.txt", [order_line()])
    import_reports(db, [path], at=AT)
    with db.transaction() as session:  # another writer: the order's version moves on
        order = session.scalars(select(Order).where(Order.order_id == ORDER_ID)).one()
        order.buyer_name = "Someone Else"
    again = import_reports(db, [path], at=AT + timedelta(days=1))
    assert (again.added, again.updated, again.unchanged) == (0, 1, 0)
    assert _buyer(db)[0] == "Aurélien Garçon"  # the report's name is back


def test_the_same_lines_under_another_header_are_merged(db: Database, tmp_path: Path) -> None:
    line = order_line(recipient_name="Noël Faure")
    import_reports(db, [report(tmp_path / "orders.txt", [line])], at=AT)
    swapped = [
        {"buyer-name": "recipient-name", "recipient-name": "buyer-name"}.get(name, name)
        for name in ORDERS_COLUMNS
    ]
    # The same text on every line, but the two names' columns have swapped places.
    cells = [line.get(name, "") for name in ORDERS_COLUMNS]
    path = write(tmp_path / "swapped.txt", render(swapped, [cells]))
    again = import_reports(db, [path], at=AT + timedelta(days=1))
    assert (again.added, again.updated, again.unchanged) == (0, 1, 0)
    assert _buyer(db) == ("Noël Faure", "Aurélien Garçon")


def test_an_order_without_fingerprint_is_merged_and_then_skipped(db: Database) -> None:
    first = import_reports(db, [ORDERS_REPORT], at=AT)
    with db.transaction() as session:  # as after the upgrade that added the column
        session.execute(update(Order).values(import_fingerprint=None))
    again = import_reports(db, [ORDERS_REPORT], at=AT + timedelta(days=1))
    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added)
    with db.reading() as session:
        prints = session.scalars(select(Order.import_fingerprint)).all()
        versions = session.scalars(select(Order.version)).all()
    assert all(prints) and set(versions) == {1}  # remembered, nothing else written


def test_lines_not_seen_as_text_are_merged_in_full(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Should the reading ever bypass the tap, orders lose their fingerprint, not their merge.
    monkeypatch.setattr(order_fingerprints.LineTexts, "tap", lambda self, lines: lines)
    first = import_reports(db, [ORDERS_REPORT], at=AT)
    again = import_reports(db, [ORDERS_REPORT], at=AT + timedelta(days=1))
    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added)
    with db.reading() as session:
        assert not any(session.scalars(select(Order.import_fingerprint)))


def _two_orders(tmp_path: Path, name: str, second_price: str = "9.90") -> Path:
    other = "405-7654321-7654321"
    return report(
        tmp_path / name,
        [
            order_line(),
            order_line(order_id=other, order_item_id="22222222222222", item_price="5.00"),
            order_line(order_id=other, order_item_id="33333333333333", item_price=second_price),
        ],
    )


def test_the_lines_of_unchanged_orders_are_not_read_again(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_reports(db, [_two_orders(tmp_path, "first.txt")], at=AT)
    read: list[int] = []
    reading = importer.ReportStream.read

    def counted(self: importer.ReportStream, numbered: list[tuple[int, str]]) -> Any:
        read.extend(number for number, _ in numbered)
        return reading(self, numbered)

    monkeypatch.setattr(importer.ReportStream, "read", counted)
    again = import_reports(db, [_two_orders(tmp_path, "changed.txt", "8.90")], at=AT)
    assert (again.added, again.updated, again.unchanged) == (0, 1, 1)
    assert read == [3, 4]  # only the changed order's lines


def test_a_bad_line_in_an_unchanged_order_is_still_refused(db: Database, tmp_path: Path) -> None:
    import_reports(db, [_two_orders(tmp_path, "first.txt")], at=AT)
    bad = _two_orders(tmp_path, "bad.txt", "abc")  # the order's other line is as it was
    with pytest.raises(importer.BadRows) as refused:
        import_reports(db, [bad], at=AT + timedelta(days=1))
    assert [line.english() for line in refused.value.details] == [
        'line 4: item-price "abc" is not an amount'
    ]
    skipped = import_reports(db, [bad], skip_bad_rows=True, at=AT + timedelta(days=1))
    assert (skipped.added, skipped.updated, skipped.unchanged) == (0, 0, 1)
    assert [line.english() for line in skipped.refused] == [
        "line 3: left out with order 405-7654321-7654321, which has a bad line",
        'line 4: item-price "abc" is not an amount',
    ]


def test_the_stored_fingerprints_are_fetched_once_per_chunk(db: Database, tmp_path: Path) -> None:
    import_reports(db, [_two_orders(tmp_path, "first.txt")], at=AT)
    fetched: list[str] = []

    def seen(*args: Any) -> None:
        statement = args[2]
        if " ".join(statement.split()).startswith(PRINTS_FETCHED):
            fetched.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        again = import_reports(db, [_two_orders(tmp_path, "changed.txt", "8.90")], at=AT)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert (again.added, again.updated, again.unchanged) == (0, 1, 1)
    # The changed order is merged on what skipping the other fetched: not looked up again.
    assert len(fetched) == 1
