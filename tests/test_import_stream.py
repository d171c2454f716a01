"""An import read as a stream: chunk borders, large loads, and files no report can be."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, func, select, text

from app.errors import BadInput
from app.marketplace_files import importer
from app.marketplace_files.import_tally import OrderOutcomes
from app.marketplace_files.importer import import_reports
from app.storage import bulk
from app.storage.db import Database
from app.storage.models import Event, Order, OrderItem
from tests.reportfiles import order_line, report

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _order_id(number: int) -> str:
    return f"405-{number:07d}-{number:07d}"


def _indexes(db: Database) -> list[tuple[str, str]]:
    with db.reading() as session:
        found = session.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        )
        return [tuple(row) for row in found]


def _counts(db: Database) -> tuple[int, int, int]:
    with db.reading() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model))
            for model in (Order, OrderItem, Event)
        )


def test_an_order_split_across_chunks_is_one_order_counted_once(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "CHUNK_LINES", 2)
    lines = [order_line(order_id=_order_id(n), order_item_id=f"{n:014d}") for n in range(1, 6)]
    # The first order's second item comes last, in another chunk.
    lines.append(order_line(order_id=_order_id(1), order_item_id="9" * 14, sku="SECOND-SKU"))
    result = import_reports(db, [report(tmp_path / "r.txt", lines)], at=AT)
    assert (result.added, result.updated, result.unchanged) == (5, 0, 0)
    assert result.by_file[0].added == 5
    assert _counts(db)[:2] == (5, 6)
    again = import_reports(db, [report(tmp_path / "r.txt", lines)], at=AT)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


def test_a_first_import_looks_up_only_the_orders_it_wrote_itself(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is stored before a first import: its orders are not looked up one chunk
    after another, but for an order it wrote already (named again by a later file), found
    and merged. An order whose lines are apart in one file is held to its end: not looked
    up either."""
    monkeypatch.setattr(importer, "CHUNK_LINES", 2)
    lines = [order_line(order_id=_order_id(n), order_item_id=f"{n:014d}") for n in range(1, 6)]
    lines.append(order_line(order_id=_order_id(1), order_item_id="9" * 14, sku="SECOND-SKU"))
    asked: set[object] = set()  # by the look-up of stored orders' fingerprints
    lookup = "SELECT orders.order_id, orders.version, orders.import_fingerprint FROM orders"

    def seen(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        if " ".join(statement.split()).startswith(lookup):
            asked.update(parameters.values() if isinstance(parameters, dict) else parameters)

    event.listen(db.engine, "before_cursor_execute", seen)
    later = [order_line(order_id=_order_id(2), order_item_id=f"{2:014d}", sku="OTHER-SKU")]
    files = [report(tmp_path / "r.txt", lines), report(tmp_path / "later.txt", later)]
    result = import_reports(db, files, at=AT)
    assert (result.added, result.updated, result.unchanged) == (5, 0, 0)
    assert _counts(db)[:2] == (5, 6)
    assert asked == {_order_id(2)}


def _stored(db: Database) -> list[tuple[Any, ...]]:
    """Every order and item as stored, fingerprints and versions included."""
    with db.reading() as session:
        return [
            tuple(row)
            for table in (Order.__table__, OrderItem.__table__)
            for row in session.execute(select(table).order_by(table.c.id))
        ]


def test_an_order_whose_lines_are_apart_is_read_once_and_left_alone_when_read_again(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found before the file is merged, such an order is held from the start (the file is
    read once, nothing rolled back) and stored with the fingerprint of all its lines:
    read again, it is unchanged and not written, its fingerprint neither."""
    monkeypatch.setattr(importer, "CHUNK_LINES", 2)
    readings: list[object] = []
    read = importer._Import.merge

    def counted(self: importer._Import, *args: Any) -> importer.ImportResult:
        readings.append(self)
        return read(self, *args)

    monkeypatch.setattr(importer._Import, "merge", counted)
    lines = [order_line(order_id=_order_id(n), order_item_id=f"{n:014d}") for n in range(1, 6)]
    lines.append(order_line(order_id=_order_id(1), order_item_id="9" * 14, sku="SECOND-SKU"))
    lines.append(order_line(order_id=_order_id(3), order_item_id="8" * 14, sku="THIRD-SKU"))
    path = report(tmp_path / "r.txt", lines)
    assert import_reports(db, [path], at=AT).added == 5
    assert len(readings) == 1
    stored = _stored(db)
    again = import_reports(db, [path], at=AT)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert _stored(db) == stored
    assert _counts(db) == (5, 7, 5)


def _imported_events(db: Database, order_id: str) -> list[Event]:
    with db.reading() as session:
        return list(
            session.scalars(
                select(Event)
                .join(Order, Order.id == Event.order_pk)
                .where(Order.order_id == order_id, Event.kind == "imported")
                .order_by(Event.id)
            )
        )


def test_an_order_whose_lines_are_apart_gets_one_event_per_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "CHUNK_LINES", 2)
    lines = [order_line(order_id=_order_id(n), order_item_id=f"{n:014d}") for n in range(1, 6)]
    lines.append(order_line(order_id=_order_id(1), order_item_id="9" * 14, sku="SECOND-SKU"))
    import_reports(db, [report(tmp_path / "r.txt", lines)])  # now, to the microsecond
    [added] = _imported_events(db, _order_id(1))
    assert "new order, Unshipped, 2 items" in added.summary
    assert [len(_imported_events(db, _order_id(n))) for n in range(2, 6)] == [1, 1, 1, 1]
    # A later file changes both items, on lines five lines apart: one event names both.
    later = [
        order_line(order_id=_order_id(1), order_item_id=f"{1:014d}", quantity_shipped="1"),
        *lines[1:5],
        order_line(
            order_id=_order_id(1), order_item_id="9" * 14, sku="SECOND-SKU", quantity_shipped="1"
        ),
    ]
    result = import_reports(db, [report(tmp_path / "later.txt", later)], at=AT)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 4)
    _added, update = _imported_events(db, _order_id(1))
    assert "Unshipped → Shipped" in update.summary
    # Both items' shipments are in the one event, named by SKU (issue 12's wording).
    assert "MUG-CERAM-01 “Mug céramique” (shipped 0 → 1)" in update.summary
    assert "SECOND-SKU “Mug céramique” (shipped 0 → 1)" in update.summary
    with db.reading() as session:
        order = session.scalar(select(Order).where(Order.order_id == _order_id(1)))
        assert order is not None and order.version == 2


def test_a_large_load_builds_the_indexes_again_and_a_failed_one_keeps_them(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("only SQLite sets its indexes aside during a large load")
    before = _indexes(db)
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)
    lines = [order_line(order_id=_order_id(n), order_item_id=f"{n:014d}") for n in range(1, 30)]
    bad = [*lines, order_line(order_id=_order_id(99), quantity_purchased="many")]
    with pytest.raises(BadInput):
        import_reports(db, [report(tmp_path / "bad.txt", bad)], at=AT)
    assert _indexes(db) == before and _counts(db) == (0, 0, 0)
    result = import_reports(db, [report(tmp_path / "good.txt", lines)], at=AT)
    assert result.added == 29 and _indexes(db) == before
    with db.reading() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_a_line_longer_than_any_report_line_refuses_the_file_in_one_line(
    db: Database, tmp_path: Path
) -> None:
    path = report(tmp_path / "r.txt", [order_line()])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("x" * 1_200_000)
    with pytest.raises(BadInput) as refused:
        import_reports(db, [path], at=AT)
    message = refused.value.message.english()
    assert "r.txt" in message and "line 3" in message and "\n" not in message
    assert _counts(db) == (0, 0, 0)


def test_a_file_larger_than_the_old_256_mb_limit_is_not_refused_for_its_size(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.storage import files

    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 100)  # what read_input would refuse
    path = report(tmp_path / "r.txt", [order_line(order_id=_order_id(n)) for n in range(1, 4)])
    assert path.stat().st_size > 100
    assert import_reports(db, [path], at=AT).added == 3


@given(st.lists(st.tuples(st.integers(1, 60), st.sampled_from([0, 1, 2])), max_size=80))
def test_each_order_is_counted_once_by_its_highest_outcome(merges):
    tally = OrderOutcomes()
    for number, outcome in merges:
        tally.note(_order_id(number), outcome)
    highest: dict[int, int] = {}
    for number, outcome in merges:
        highest[number] = max(outcome, highest.get(number, 0))
    expected = {outcome: list(highest.values()).count(outcome) for outcome in (0, 1, 2)}
    assert tally.counts() == expected
