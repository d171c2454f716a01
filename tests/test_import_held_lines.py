"""The lines of orders held to their file's end wait on disk, privately, until merged."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import BadInput, SellerDeskError
from app.marketplace_files import held_lines, importer
from app.marketplace_files.held_lines import HeldLines, Numbered
from app.marketplace_files.importer import ImportCancelled, import_reports
from app.storage.db import Database
from app.storage.models import Order
from tests.reportfiles import order_line, report

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ORDERS = 150  # each with two lines, ORDERS lines apart: 120 kB, well over the spill's memory
PROC_FDS = Path("/proc/self/fd")


def _order_id(number: int) -> str:
    return f"405-{number:07d}-{number:07d}"


def _apart(bad_order: int | None = None) -> list[dict[str, str]]:
    """A report sorted by SKU: each order's second line ORDERS lines after its first."""
    first = [order_line(order_id=_order_id(n), order_item_id=f"{n:014d}") for n in range(ORDERS)]
    second = [
        order_line(
            order_id=_order_id(n),
            order_item_id=f"9{n:013d}",
            sku="SECOND-SKU",
            quantity_purchased="many" if n == bad_order else "1",
        )
        for n in range(ORDERS)
    ]
    return [*first, *second]


def _unlinked_files() -> dict[int, int]:
    """The files this process has open that no folder names any more: their modes."""
    found: dict[int, int] = {}
    for name in os.listdir(PROC_FDS):
        try:
            if os.readlink(PROC_FDS / name).endswith(" (deleted)"):
                found[os.fstat(int(name)).st_ino] = os.fstat(int(name)).st_mode & 0o777
        except OSError:
            continue  # the listing's own descriptor, closed by now
    return found


@pytest.mark.parametrize("buffered", [1, 3, 1000])
def test_held_lines_come_back_by_order_in_the_files_order(
    monkeypatch: pytest.MonkeyPatch, buffered: int
) -> None:
    monkeypatch.setattr(held_lines, "BUFFERED_LINES", buffered)  # written to disk this often
    with HeldLines({"A", "B", "C", "D"}, 2) as held:
        first = [(1, "x1"), (2, "b1"), (3, "a1"), (4, "c1")]
        assert held.set_aside(first, ["X", "B", "A", "C"]) == [(1, "x1")]
        later = [(5, "b2"), (6, "d1"), (7, "a2"), (8, "x2"), (9, "c2")]
        assert held.set_aside(later, ["B", "D", "A", "X", "C"]) == [(8, "x2")]
        parts = list(held.parts())
    # Orders by their first line (B, A, C, D), two at a time; a part's lines in file order.
    assert parts == [
        [(2, "b1"), (3, "a1"), (5, "b2"), (7, "a2")],
        [(4, "c1"), (6, "d1"), (9, "c2")],
    ]
    with HeldLines((), 2) as nothing:
        assert not nothing.holds_any and list(nothing.parts()) == []


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, dict[int, int]]]]:
    """What the held lines' store holds as it gives back its first part: the lines in
    it and the unlinked files open then. A tiny memory, so that it goes to disk."""
    monkeypatch.setattr(importer, "CHUNK_LINES", 2)
    monkeypatch.setattr(held_lines, "MEMORY_KIB", 1)
    monkeypatch.setattr(held_lines, "BUFFERED_LINES", 10)
    seen: list[tuple[int, dict[int, int]]] = []
    parts = HeldLines.parts

    def watching(self: HeldLines) -> Iterator[list[Numbered]]:
        for number, part in enumerate(parts(self)):
            if number == 0:
                assert self._database is not None
                [(lines,)] = self._database.execute(
                    "SELECT sum(length(numbers)) / 8 FROM held"
                ).fetchall()
                seen.append((lines, _unlinked_files()))
            yield part

    monkeypatch.setattr(HeldLines, "parts", watching)
    yield seen


@pytest.mark.skipif(not PROC_FDS.is_dir(), reason="lists open files through /proc")
def test_held_lines_wait_on_disk_readable_by_the_seller_only_and_go_with_the_import(
    db: Database, tmp_path: Path, watched: list[tuple[int, dict[int, int]]]
) -> None:
    before = _unlinked_files()
    result = import_reports(db, [report(tmp_path / "r.txt", _apart())], at=AT)
    assert result.added == ORDERS
    [(lines, files)] = watched
    assert lines == 2 * ORDERS  # every line of the file but the header: none in memory
    spilled = {inode: mode for inode, mode in files.items() if inode not in before}
    # On disk, in files no folder names (SQLite unlinks them as it opens them), the seller's alone.
    assert spilled and set(spilled.values()) == {0o600}
    assert set(_unlinked_files()) <= set(before)  # closed with the import


@pytest.mark.skipif(not PROC_FDS.is_dir(), reason="lists open files through /proc")
@pytest.mark.parametrize("failure", ["cancelled", "bad line"])
def test_a_failed_import_leaves_no_held_lines(
    db: Database, tmp_path: Path, watched: list[tuple[int, dict[int, int]]], failure: str
) -> None:
    before = _unlinked_files()
    if failure == "cancelled":  # as the held lines are read back (the file's end)
        path = report(tmp_path / "r.txt", _apart())
        with pytest.raises(ImportCancelled):
            import_reports(db, [path], at=AT, cancelled=lambda: bool(watched))
    else:  # the last order's second line, read last
        path = report(tmp_path / "r.txt", _apart(bad_order=ORDERS - 1))
        with pytest.raises(BadInput):
            import_reports(db, [path], at=AT)
    assert watched and watched[0][0] == 2 * ORDERS
    assert set(_unlinked_files()) <= set(before)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0


def test_a_full_temporary_folder_stops_the_import_in_the_sellers_words(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "CHUNK_LINES", 2)
    monkeypatch.setattr(held_lines, "BUFFERED_LINES", 10)
    opened = held_lines._open

    def tiny() -> sqlite3.Connection:
        database = opened()
        database.execute("PRAGMA max_page_count = 3")  # full after a few lines: SQLITE_FULL
        return database

    monkeypatch.setattr(held_lines, "_open", tiny)
    with pytest.raises(SellerDeskError) as refused:
        import_reports(db, [report(tmp_path / "r.txt", _apart())], at=AT)
    assert refused.value.message.english() == (
        "Cannot import: the lines an order has apart in the report could not be set aside on "
        "disk (database or disk is full). Free some space in the temporary folder and try "
        "again; nothing was imported."
    )
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0
