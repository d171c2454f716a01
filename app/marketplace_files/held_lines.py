"""The lines of orders held to their file's end, kept on disk until they are merged.

A report sorted in a spreadsheet lists an order's lines apart; such an order is
merged once, at the file's end, with all its lines (``importer._FileMerge``).
Up to its end, those lines (most of such a file) are kept here, not in memory,
so an import's memory stays flat whatever the file's size.

They go to a private temporary SQLite database of their own (the standard
``sqlite3`` module, whatever the shop's database is): SQLite creates its file
readable by the seller only (0600) and unlinks it as soon as it is open, so no
other account can read it, and nothing is left behind once it is closed, nor
when the process is killed. It holds MEMORY_KIB in memory (SQLite's page
cache); the rest is on disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from types import TracebackType

Numbered = tuple[int, str]  # a report line: its number, its text
MEMORY_KIB = 2_000  # what the held lines take in memory (SQLite's page cache); the rest on disk


class HeldLines:
    """Report lines by order: added as the file is read, read back a few orders at a time.

    A context manager: the database is deleted when it ends, success or failure.
    """

    def __init__(self) -> None:
        self._database: sqlite3.Connection | None = None  # opened at the first held line

    def __enter__(self) -> HeldLines:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Delete what is held (SQLite removes its temporary file)."""
        if self._database is not None:
            self._database.close()
            self._database = None

    def add(self, lines: list[tuple[str, int, str]]) -> None:
        """Hold these lines: (order id, line number, text) each."""
        if not lines:
            return
        database = self._database
        if database is None:
            database = self._database = self._open()
        database.executemany("INSERT INTO held (order_id, line, raw) VALUES (?, ?, ?)", lines)

    def orders(self, size: int) -> Iterator[list[Numbered]]:
        """The lines held, ``size`` orders at a time in the order the file first names
        them, each order with all its lines; a part's lines in the file's order.
        What is read back is deleted with the database, at :meth:`close`."""
        database = self._database
        if database is None:
            return
        # Each order's rank, by its first line: the parts follow it.
        # An order's lines by the index, in the file's order: no sorting of their text.
        database.execute("CREATE INDEX held_by_order ON held (order_id, line)")
        database.execute(
            "INSERT INTO firsts (order_id)"
            " SELECT order_id FROM held GROUP BY order_id ORDER BY min(line)"
        )
        ranks = database.execute("SELECT max(rank) FROM firsts").fetchone()[0] or 0
        for start in range(1, ranks + 1, size):
            part = database.execute(
                "SELECT held.line, held.raw FROM firsts JOIN held USING (order_id)"
                " WHERE firsts.rank BETWEEN ? AND ? ORDER BY held.line",
                (start, start + size - 1),
            ).fetchall()
            yield part

    @staticmethod
    def _open() -> sqlite3.Connection:
        # "": a temporary database on disk, deleted when it is closed (SQLite's own
        # temporary file: mode 0600, unlinked at once). Nothing here needs to survive a
        # crash: no journal, no syncing.
        database = sqlite3.connect("", isolation_level=None)
        database.execute("PRAGMA journal_mode = OFF")
        database.execute("PRAGMA synchronous = OFF")
        database.execute(f"PRAGMA cache_size = -{MEMORY_KIB}")
        database.execute(
            "CREATE TABLE held"
            " (line INTEGER PRIMARY KEY, order_id TEXT NOT NULL, raw TEXT NOT NULL)"
        )
        database.execute("CREATE TABLE firsts (rank INTEGER PRIMARY KEY, order_id TEXT NOT NULL)")
        return database
