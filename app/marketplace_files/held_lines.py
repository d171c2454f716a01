"""The lines of orders held to their file's end, kept on disk until they are merged.

A report sorted in a spreadsheet lists an order's lines apart; such an order is
merged once, at the file's end, with all its lines (``importer._FileMerge``).
Up to its end, those lines (most of such a file) are kept here, not in memory,
so an import's memory stays flat whatever the file's size.

They go to a private temporary SQLite database of their own (the standard
``sqlite3`` module, whatever the shop's database is): SQLite creates its file
readable by the seller only (0600) and unlinks it as soon as it is open, so no
other account can read it, and nothing is left behind once it is closed, nor
when the process is killed. In memory stay BUFFERED_LINES lines at most, SQLite's
page cache (MEMORY_KIB) and each held order's part number.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from types import TracebackType

from app.errors import SellerDeskError
from app.text import QT_TRANSLATE_NOOP, text

Numbered = tuple[int, str]  # a report line: its number, its text
MEMORY_KIB = 2_000  # SQLite's page cache; the rest is on disk
# Lines gathered before they go to disk, a row per part: a row per line cost SQLite 0.3 s
# CPU for a 100k-line file sorted by SKU (a re-import takes 1.0 s); 5,000 lines weigh
# about 8 MB.
BUFFERED_LINES = 5_000
NOT_HELD = -1


class HeldLines:
    """The lines of the ``held`` orders, set aside as a file is read and given back at
    its end in parts of ``orders_per_part`` orders, in the order the file first names
    them, each order with all its lines, a part's lines in the file's order.

    A context manager: what it holds is deleted when it ends, success or failure.
    """

    def __init__(self, held: Collection[str], orders_per_part: int) -> None:
        # Each held order's part, set where the file first names it.
        self._parts: dict[str, int | None] = dict.fromkeys(held)
        self._per_part = orders_per_part
        self._met = 0  # held orders the file named so far
        self._part = 0  # the part of the last of them (one int object for all its orders)
        self._buffer: dict[int, list[Numbered]] = {}
        self._buffered = 0
        self._database: sqlite3.Connection | None = None  # opened at the first write

    def __enter__(self) -> HeldLines:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def holds_any(self) -> bool:
        """Whether any order is held (else every line is read where it is)."""
        return bool(self._parts)

    def close(self) -> None:
        """Delete what is held (SQLite removes its temporary file)."""
        self._buffer = {}
        if self._database is not None:
            self._database.close()
            self._database = None

    def set_aside(self, numbered: list[Numbered], order_ids: list[str]) -> list[Numbered]:
        """The lines left to read now; the held orders' lines (by ``order_ids``, each
        line's) are kept for :meth:`parts`."""
        parts = self._parts
        get = parts.get
        per_part = self._per_part
        met = self._met
        part_now = self._part
        buffer = self._buffer
        rest: list[Numbered] = []
        kept = 0
        for line, order_id in zip(numbered, order_ids, strict=True):
            part = get(order_id, NOT_HELD)
            if part is None:  # the order's first line: the part with room
                if met % per_part == 0:
                    part_now = met // per_part
                met += 1
                part = parts[order_id] = part_now
            elif part == NOT_HELD:
                rest.append(line)
                continue
            lines = buffer.get(part)
            if lines is None:
                buffer[part] = [line]
            else:
                lines.append(line)
            kept += 1
        self._met = met
        self._part = part_now
        self._buffered += kept
        if self._buffered >= BUFFERED_LINES:
            self._write()
        return rest

    def parts(self) -> Iterator[list[Numbered]]:
        """The held lines, a part at a time (read back from disk as it is given)."""
        if not self._met:
            return
        self._write()
        database = self._database
        assert database is not None  # written just now
        with _on_disk():
            database.execute("CREATE INDEX held_by_part ON held (part, id)")
            for part in range(self._part + 1):
                numbered: list[Numbered] = []
                rows = database.execute(
                    "SELECT numbers, texts FROM held WHERE part = ? ORDER BY id", (part,)
                )
                for numbers, texts in rows:
                    found = array("q")
                    found.frombytes(numbers)
                    numbered.extend(zip(found, texts.split("\n"), strict=True))
                yield numbered  # in the file's order: each row's lines, rows as written

    def _write(self) -> None:
        """The buffered lines to disk: a row per part, its line numbers and their texts
        (a report line holds no line end)."""
        if not self._buffer:
            return
        rows = [
            (
                part,
                array("q", [number for number, _ in lines]).tobytes(),
                "\n".join([raw for _, raw in lines]),
            )
            for part, lines in self._buffer.items()
        ]
        with _on_disk():
            database = self._database
            if database is None:
                database = self._database = _open()
            database.executemany("INSERT INTO held (part, numbers, texts) VALUES (?, ?, ?)", rows)
        self._buffer = {}
        self._buffered = 0


@contextmanager
def _on_disk() -> Iterator[None]:
    """SQLite's failure with the temporary file (a full temporary folder, most often) as
    the seller's sentence: the import stops and its transaction writes nothing."""
    try:
        yield
    except sqlite3.Error as error:
        raise SellerDeskError(
            text(
                "Import",
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Cannot import: the lines an order has apart in the report could not be "
                    "set aside on disk ({detail}). Free some space in the temporary folder "
                    "and try again; nothing was imported.",
                ),
                detail=" ".join(str(error).split()),
            )
        ) from None


def _open() -> sqlite3.Connection:
    # "": a temporary database on disk, deleted when it is closed (SQLite's own temporary
    # file: mode 0600, unlinked at once). Nothing here needs to survive a crash: no
    # journal, no syncing.
    database = sqlite3.connect("", isolation_level=None)
    database.execute("PRAGMA journal_mode = OFF")
    database.execute("PRAGMA synchronous = OFF")
    database.execute(f"PRAGMA cache_size = -{MEMORY_KIB}")
    database.execute(
        "CREATE TABLE held (id INTEGER PRIMARY KEY, part INTEGER NOT NULL,"
        " numbers BLOB NOT NULL, texts TEXT NOT NULL)"
    )
    return database
