"""Merging order reports into the database: in bulk, all or nothing, as a stream.

One import (one or several files) is one transaction. Each file is checked
first (readable text, :func:`app.marketplace_files.reports.check_file`), then read as a stream
of chunks of whole orders (:class:`app.marketplace_files.reports.ReportStream`), so memory stays
flat whatever the file's size. For each chunk, the orders it names are looked
up with two queries, merged in memory on the model's own items
(:mod:`app.marketplace_files.order_merge`: :class:`OrderItem`, its rules and
:mod:`app.order_actions.rules`), and written back with a handful of executemany
statements (new orders, changed orders, new and changed items, audit events built
by :mod:`app.marketplace_files.import_events` on :mod:`app.storage.audit`, as every
action's are). Values cross into and out of the database through
:mod:`app.storage.bulk`, which converts each distinct date or amount once instead
of once per cell.

A bad line refuses the whole import (the transaction is rolled back) unless the
caller asked to skip the orders with bad lines: then, once the lines found bad
are known, the import starts again and leaves those orders out.

Merge rules (DESIGN.md §8, FORMATS.md §1):
- orders match by order id, items by order-item id, else by SKU within the
  order (an item stored without an id gets the report's id);
- an empty cell means unknown: it never blanks what an earlier report said;
- the status only moves forward; a report's Shipped ships the open units, its
  Canceled cancels them (recorded as cancelled on the marketplace, with no
  Cancellation row: it does not count in SellerDesk's rate);
- where lines carry an item-status, each line goes its own way (a Cancelled
  line in a shipped order is cancelled on the marketplace, not shipped) and the
  order's status follows from its lines;
- fulfillment-channel says who ships (the all-orders report only); an order
  no report says that of is the seller's;
- a Pending order never gets buyer contact or address (S9);
- an unchanged order is not written and gets no event, so re-importing the
  same file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import BindParameter, Connection, Table, bindparam, func, select

from app import clock
from app.changes import ALL_ORDERS, Changes
from app.cycle_collector import collector_paused
from app.errors import BadInput, SellerDeskError
from app.marketplace_files.held_lines import HeldLines
from app.marketplace_files.import_events import (
    ACTOR,
    EVENT_FIELDS,
    NewOrderSentences,
    import_event,
)
from app.marketplace_files.import_tally import (
    ADDED,
    UNCHANGED,
    UPDATED,
    OrderOutcomes,
    WrittenOrders,
)
from app.marketplace_files.order_fingerprints import (
    FINGERPRINT,
    LineTexts,
    file_digest,
    file_key,
    order_fingerprint,
)
from app.marketplace_files.order_merge import (
    ITEM_FIELDS,
    ITEM_SNAPSHOT,
    ORDER_COLUMNS,
    ORDER_FIELDS,
    ORDERS,
    OrderMerge,
    item_snapshot,
    merged_item,
)
from app.marketplace_files.reports import (
    Chunk,
    Layout,
    LineProblem,
    ReportRow,
    ReportStream,
    Source,
    check_file,
    open_report,
)
from app.storage.bulk import (
    BulkTable,
    Row,
    indexes_rebuilt,
    new_keys,
    planned_for_their_values,
)
from app.storage.db import Database, changed_elsewhere
from app.storage.models import Event, OrderItem
from app.storage.search_index import new_orders_indexed_at_end
from app.text import QT_TRANSLATE_NOOP, Text, plural, text

CTX = "Import"
CHUNK = 500  # orders per round trip; well under every backend's parameter limit
CHUNK_LINES = 2_000  # report lines read at a time: what an import holds in memory

ITEMS = OrderItem.__table__
EVENTS = cast(Table, Event.__table__)

ORDER_ID_AT = ORDER_COLUMNS.index("order_id")
# A new order's row, from its values once its key is among them.
NEW_ORDER_ROW = itemgetter(*ORDER_COLUMNS)
CHANGED_ORDER_VALUES = itemgetter(*ORDER_FIELDS)


class ImportCancelled(SellerDeskError):
    """The seller stopped the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Import", "The import was cancelled; nothing was imported."),
            )
        )


@dataclass(frozen=True)
class FileResult:
    """What one file of the import did, in the order the files were merged."""

    name: str
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class ImportResult:
    """Orders added, updated and unchanged by the whole import (each order once)."""

    added: int
    updated: int
    unchanged: int
    refused: list[Text]  # per-line problems of skipped rows (empty unless skip_bad_rows)
    files: list[str]
    by_file: list[FileResult] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return ALL_ORDERS if self.added or self.updated else Changes()


class _Tables:
    """The tables an import writes, as :class:`BulkTable` for the session's database."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        dialect = connection.dialect
        self.orders = BulkTable(ORDERS, dialect)
        self.items = BulkTable(ITEMS, dialect)
        self.events = BulkTable(EVENTS, dialect)
        self.counts_updates = dialect.supports_sane_multi_rowcount
        self.sentences = NewOrderSentences()
        # Whether the database held no order when the import began (set once it is known):
        # then the only stored orders are those it wrote itself (``written``).
        self.began_empty = False
        self.written = WrittenOrders()
        # Compiled once for CHUNK ids (a shorter list repeats its first id): handed to the
        # driver as it is, without SQLAlchemy expanding a list for every chunk.
        asked: list[BindParameter[Any]] = [bindparam(f"order_id_{n}") for n in range(CHUNK)]
        prints = self.orders.select("order_id", "version", FINGERPRINT).where(
            self.orders.column("order_id").in_(asked)
        )
        compiled = prints.compile(dialect=dialect)
        self.stored_prints = compiled.string
        # The driver's parameters: in order (qmark) or by name (pyformat).
        self.prints_by_name: list[str] | None = (
            None if compiled.positional else [bind.key for bind in asked]
        )


class _FileMerge:
    """Merges one report's rows into the database, chunk by chunk, inside the transaction."""

    def __init__(
        self,
        tables: _Tables,
        name: str,
        layout: Layout,
        at: datetime,
        actor: str = ACTOR,
        held: HeldLines | None = None,
        key: bytes | None = None,
    ) -> None:
        self.tables = tables
        self.key = key
        self.digest = file_digest(key)
        # The stored fingerprints unread() fetched for the chunk about to be merged
        # (asked: every order it asked about, stored or not): not fetched twice.
        self.asked: set[str] = set()
        self.looked_up: dict[str, str | None] = {}
        self.actor = actor
        self.name = name
        self.layout = layout
        self.at = at
        self.tally = OrderOutcomes()
        # Orders whose lines are apart in the file: merged once, at its end. Their lines
        # are kept as text (a parsed row weighs several times its line), on disk: most of
        # a file sorted in a spreadsheet (``held``: the caller closes it).
        self.held_lines = HeldLines((), CHUNK) if held is None else held
        # The last event before this file's: its events are the ones after.
        self.events_before = tables.connection.scalar(select(func.max(EVENTS.c.id))) or 0
        # An order merged again in this file was written by this import (updated_at).
        self.revisited = False

    def hold(self, stream: ReportStream, numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The lines of a chunk left to read now: the held orders' lines (by the order id
        each line gives) are set aside, unread, for :meth:`held_chunks`."""
        if not self.held_lines.holds_any:
            return numbered
        return self.held_lines.set_aside(numbered, stream.order_ids([raw for _, raw in numbered]))

    def held_chunks(self) -> Iterator[list[tuple[int, str]]]:
        """The held orders' lines, CHUNK orders at a time (as one merge writes them), each
        order with all its lines, in the file's order (read back from disk a chunk at a
        time)."""
        return self.held_lines.parts()

    def finish(self) -> set[str]:
        """The orders this file gave two events (empty normally), once the held ones are
        merged.

        The stream keeps an order's consecutive lines in one chunk; an order
        whose lines are apart in the file is held to its end (found before it is
        read, :func:`scattered_orders`) and merged once with all its lines: one
        order, one event, as when a file was merged at once, and the fingerprint
        of all its lines. Should an order still get two events, it is found
        here (only when an order was merged twice at all), and the import starts
        again holding it back too.
        """
        self._forget_looked_up()
        if not self.revisited:
            return set()
        query = (
            select(ORDERS.c.order_id)
            .join(EVENTS, EVENTS.c.order_pk == ORDERS.c.id)
            .where(EVENTS.c.id > self.events_before, EVENTS.c.kind == "imported")
            .group_by(ORDERS.c.order_id)
            .having(func.count() > 1)
        )
        return set(self.tables.connection.scalars(query))

    def merge(self, rows: list[ReportRow], texts: list[str | None]) -> None:
        """Merge the rows of a chunk (``texts``: their lines): their orders, CHUNK orders
        per round trip."""
        groups: dict[str, list[ReportRow]] = {}
        lines: dict[str, list[str | None]] = {}
        for row, line in zip(rows, texts, strict=True):
            group = groups.get(row.order_id)
            if group is None:
                groups[row.order_id] = [row]
                lines[row.order_id] = [line]
            else:
                group.append(row)
                lines[row.order_id].append(line)
        digest = self.digest
        prints = {order_id: order_fingerprint(digest, found) for order_id, found in lines.items()}
        order_ids = list(groups)
        try:
            for start in range(0, len(order_ids), CHUNK):
                self._merge_orders(order_ids[start : start + CHUNK], groups, prints)
        finally:
            self._forget_looked_up()  # written now: what was fetched may be stale

    def unread(
        self,
        stream: ReportStream,
        numbered: list[tuple[int, str]],
        tainted: set[str] | None,
    ) -> list[tuple[int, str]]:
        """The lines of a chunk left to read: those of the orders whose lines (by the
        order id each line gives) are the ones last merged into them are not read
        again, and those orders are counted unchanged.

        The same as reading them and merging their rows: a stored fingerprint is
        made of good lines only (a file with a bad line is refused, or that
        order left out), and the same lines under the same header and rules
        read the same (nothing in reading depends on the clock). Orders left
        out are read as before; a held order's lines come here at the file's end,
        all of them (:meth:`held_chunks`).
        """
        self._forget_looked_up()
        digest = self.digest
        if digest is None:
            return numbered
        ids = stream.order_ids([raw for _, raw in numbered])
        groups: dict[str, list[str | None]] = {}
        for (_, raw), found in zip(numbered, ids, strict=True):
            group = groups.get(found)
            if group is None:
                groups[found] = [raw]
            else:
                group.append(raw)
        prints: dict[str, str] = {}
        for found, texts in groups.items():
            if tainted is not None and found in tainted:
                continue
            fingerprint = order_fingerprint(digest, texts)
            if fingerprint is not None:
                prints[found] = fingerprint
        wanted = list(prints)
        stored = self._stored_prints(wanted)
        unchanged = {
            found for found, stored_print in stored.items() if stored_print == prints[found]
        }
        # The orders left to read are merged next: their stored fingerprints are known.
        self.asked = set(wanted)
        self.looked_up = stored
        if not unchanged:
            return numbered
        self.tally.note_all(unchanged, UNCHANGED)  # the same lines on the state they left
        return [line for line, found in zip(numbered, ids, strict=True) if found not in unchanged]

    def _forget_looked_up(self) -> None:
        self.asked = set()
        self.looked_up = {}

    def _stored_prints(self, order_ids: list[str]) -> dict[str, str | None]:
        """The stored orders among these: their fingerprint as it would read if the
        lines last merged into them were merged again on their current version."""
        asked = self.asked
        found: dict[str, str | None] = {}
        if asked:  # what unread() fetched for this chunk
            looked_up = self.looked_up
            found = {
                order_id: looked_up[order_id] for order_id in order_ids if order_id in looked_up
            }
            order_ids = [order_id for order_id in order_ids if order_id not in asked]
        tables = self.tables
        if tables.began_empty:  # no order is stored but those this import wrote
            order_ids = tables.written.may_hold(order_ids)
        connection = tables.connection
        by_name = tables.prints_by_name
        for start in range(0, len(order_ids), CHUNK):
            some = order_ids[start : start + CHUNK]
            some += [some[0]] * (CHUNK - len(some))  # the statement's CHUNK ids
            params = tuple(some) if by_name is None else dict(zip(by_name, some, strict=True))
            rows = connection.exec_driver_sql(tables.stored_prints, params).all()
            for order_id, version, stored in rows:
                prefix = f"{version}:"
                found[order_id] = (
                    stored[len(prefix) :] if stored and stored.startswith(prefix) else None
                )
        return found

    def _load(self, order_ids: list[str], stored_ids: int) -> dict[str, OrderMerge]:
        """Merges for these orders; ``stored_ids``: how many of them are stored."""
        tables = self.tables
        connection = tables.connection
        orders = tables.orders
        stored: dict[str, dict[str, Any]] = {}
        if stored_ids:
            query = orders.select(*ORDER_COLUMNS).where(orders.column("order_id").in_(order_ids))
            decoded = orders.decode(ORDER_COLUMNS, connection.execute(query).all())
            stored = {
                row[ORDER_ID_AT]: dict(zip(ORDER_COLUMNS, row, strict=True)) for row in decoded
            }
        items: dict[int, list[OrderItem]] = {}
        if stored:
            pks = [order["id"] for order in stored.values()]
            names = ("order_pk", "id", *ITEM_FIELDS)
            query = (
                tables.items.select(*names)
                .where(tables.items.column("order_pk").in_(pks))
                .order_by(tables.items.column("id"))
            )
            for order_pk, *item in tables.items.decode(names, connection.execute(query).all()):
                found = merged_item(dict(zip(names[1:], item, strict=True)))
                items.setdefault(order_pk, []).append(found)
        merges = {}
        for order_id in order_ids:
            values = stored.get(order_id)
            found_items = [] if values is None else items.get(values["id"], [])
            merges[order_id] = OrderMerge(order_id, values, found_items, self.at)
        return merges

    def _merge_orders(
        self,
        order_ids: list[str],
        groups: dict[str, list[ReportRow]],
        prints: dict[str, str | None],
    ) -> None:
        note = self.tally.note
        stored = self._stored_prints(order_ids)
        merged: list[str] = []
        for order_id in order_ids:
            fingerprint = prints[order_id]
            if fingerprint is not None and order_id in stored and stored[order_id] == fingerprint:
                note(order_id, UNCHANGED)  # the same lines on the state they left
            else:
                merged.append(order_id)
        if not merged:
            return
        merges = self._load(merged, sum(order_id in stored for order_id in merged))
        if not self.revisited:
            at = self.at
            self.revisited = any(
                not merge.created and merge.before["updated_at"] == at for merge in merges.values()
            )
        new: list[OrderMerge] = []
        added: list[str] = []
        changed: list[OrderMerge] = []
        printed: list[Row] = []  # unchanged orders whose fingerprint was not this one
        layout = self.layout
        for order_id, merge in merges.items():
            for row in groups[order_id]:
                merge.apply(row, layout)
            merge.settle()
            values = merge.values
            fingerprint = prints[order_id]
            values[FINGERPRINT] = (
                None if fingerprint is None else f"{values['version']}:{fingerprint}"
            )
            if merge.created:
                new.append(merge)
                added.append(order_id)
            elif merge.changes:
                changed.append(merge)
                note(order_id, UPDATED)
            else:
                note(order_id, UNCHANGED)
                if fingerprint is not None and values[FINGERPRINT] != merge.before[FINGERPRINT]:
                    printed.append((merge.pk, values[FINGERPRINT]))
        self.tally.note_all(added, ADDED)
        self._write(new, changed, printed)

    def _write(self, new: list[OrderMerge], changed: list[OrderMerge], printed: list[Row]) -> None:
        tables = self.tables
        connection = tables.connection
        # Only the fingerprint: the order itself is as it was (no version, no event).
        tables.orders.update_many(connection, ("id",), (FINGERPRINT,), printed)
        if new:
            # The keys the insert would give, taken before it: no reading them back by id
            # (0.6 s of a 100k-line first import on PostgreSQL, whose COPY returns none).
            keys = new_keys(connection, ORDERS, len(new))
            for key, merge in zip(keys, new, strict=True):
                merge.pk = merge.values["id"] = key
            rows = list(map(NEW_ORDER_ROW, [merge.values for merge in new]))
            tables.orders.insert_many(connection, ORDER_COLUMNS, rows)
            tables.written.add([merge.values["order_id"] for merge in new])
        if changed:
            rows = [
                (merge.pk, merge.before["version"], *CHANGED_ORDER_VALUES(merge.values))
                for merge in changed
            ]
            matched = tables.orders.update_many(connection, ("id", "version"), ORDER_FIELDS, rows)
            if tables.counts_updates and matched != len(rows):
                raise changed_elsewhere()
        # A new order's items are all new (the report's, in its order).
        item_inserts: list[Row] = [
            (merge.pk, *ITEM_SNAPSHOT(item.__dict__)) for merge in new for item in merge.items
        ]
        item_updates: list[Row] = []
        for merge in changed:
            for item in merge.items:
                snapshot = item_snapshot(item)
                item_id = item.__dict__["id"]
                if item_id is None:
                    item_inserts.append((merge.pk, *snapshot))
                elif snapshot != merge.items_before[id(item)]:
                    item_updates.append((item_id, *snapshot))
        tables.items.insert_many(connection, ("order_pk", *ITEM_FIELDS), item_inserts)
        tables.items.update_many(connection, ("id",), ITEM_FIELDS, item_updates)
        sentences = tables.sentences
        events = [
            import_event(merge, self.name, sentences, self.actor) for merge in (*new, *changed)
        ]
        tables.events.insert_many(connection, EVENT_FIELDS, events)


def _left_out(row: ReportRow, file_name: str) -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Import", "line {line}: left out with order {order_id}, which has a bad line"
        ),
        line=row.line,
        file=file_name,
        order_id=row.order_id,
    )


class BadRows(BadInput):
    """Some lines cannot be read; the other orders can be imported (``skip_bad_rows``)."""


def _refuse(files: list[str], problems: list[LineProblem]) -> BadRows:
    lines = len({(problem.text.args.get("file"), problem.line) for problem in problems})
    return BadRows(
        plural(
            CTX,
            QT_TRANSLATE_NOOP(
                "Import",
                "%n line(s) of {files} cannot be read, so nothing was imported. "
                "Correct them, or skip the orders they belong to.",
            ),
            lines,
            files=", ".join(files),
        ),
        details=[problem.text for problem in problems],
    )


class _ReadAgain(Exception):
    """A reading found what the next one must leave out or hold back: start again.

    ``tainted``: orders with a bad line, left out (the caller skips them), or
    None; ``scattered``: orders whose lines are apart in their file, merged at
    the file's end.
    """

    def __init__(self, tainted: set[str] | None, scattered: set[str]) -> None:
        super().__init__()
        self.tainted = tainted
        self.scattered = scattered


def import_reports(
    db: Database,
    paths: Sequence[Path],
    *,
    skip_bad_rows: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    at: datetime | None = None,
    actor: str = ACTOR,
) -> ImportResult:
    """Import order reports in one transaction; see the module docstring for the rules.

    Raises BadInput (nothing written) for an unreadable file, missing required
    columns, or bad rows unless ``skip_bad_rows``; ImportCancelled when
    ``cancelled()`` returns True (polled between chunks). ``progress(done, total)``
    counts report lines read.
    """
    # An import builds many small objects (rows, cells, merges) per chunk, none in a
    # cycle: the collector would walk them over and over (a third of an import).
    with collector_paused():
        sources: list[Source] = []
        for path in paths:
            if cancelled is not None and cancelled():
                raise ImportCancelled
            sources.append(check_file(Path(path)))
        run = _Import(db, sources, at or clock.now(), actor, progress, cancelled)
        tainted: set[str] | None = None
        # Known before the first reading, so that it need not be rolled back and read again.
        held = frozenset(chain.from_iterable(scattered_orders(s, cancelled) for s in sources))
        while True:
            try:
                return run.merge(tainted, held, skip_bad_rows)
            except _ReadAgain as again:
                if again.tainted is not None:
                    tainted = again.tainted
                elif again.scattered <= held:  # holding them back cannot give one event
                    raise AssertionError("an order merged twice in one file") from None
                held = held | again.scattered


def scattered_orders(source: Source, cancelled: Callable[[], bool] | None = None) -> set[str]:
    """The orders whose lines fall in more than one chunk of the file's stream (their
    lines apart, as in a report sorted in a spreadsheet), from the order-id cells alone.

    Merged chunk by chunk, such an order would be merged (and its event recorded)
    once per chunk, and its fingerprint would be of some of its lines only: it is
    held to the file's end instead (:class:`_FileMerge`). The chunks are the
    stream's own (:meth:`ReportStream.lines`), so this finds exactly those orders.
    """
    # The orders of the chunks before, by their ids' hashes: every id of the file is
    # remembered, and a hash weighs half its text (1M lines: 96 MB at the peak, not 115).
    # Two ids of one hash (about one import in fifty million) only hold one order more.
    seen: set[int] = set()
    scattered: set[str] = set()
    with open_report(source) as stream:
        for part in stream.lines(CHUNK_LINES):
            if cancelled is not None and cancelled():
                raise ImportCancelled
            ids = stream.order_ids([raw for _, raw in part.numbered])
            keys = set(map(hash, ids))
            again = keys & seen
            if again:
                scattered.update(order_id for order_id in ids if hash(order_id) in again)
            seen |= keys
    return scattered


class _Import:
    """One import of checked files, in one transaction."""

    def __init__(
        self,
        db: Database,
        sources: list[Source],
        at: datetime,
        actor: str,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.db = db
        self.sources = sources
        self.at = at
        self.actor = actor
        self.progress = progress or (lambda done, total: None)
        self.cancelled = cancelled or (lambda: False)

    def merge(
        self, tainted: set[str] | None, held: frozenset[str], skip_bad_rows: bool
    ) -> ImportResult:
        """Read and merge every file. ``tainted``: None on the first reading; else the
        orders with a bad line, left out (known from the first reading). ``held``:
        orders merged at the end of their file (see :func:`scattered_orders`)."""
        total = sum(source.lines for source in self.sources)
        done = 0
        self.progress(done, total)
        problems: list[LineProblem] = []
        bad_files: list[str] = []
        refused: list[Text] = []
        by_file: list[FileResult] = []
        everything = OrderOutcomes()
        scattered: set[str] = set()
        with self.db.transaction() as session, ExitStack() as loading:
            connection = session.connection()
            loading.enter_context(planned_for_their_values(connection))
            tables = _Tables(connection)
            stored = tables.connection.scalar(select(func.max(ORDERS.c.id))) or 0
            tables.began_empty = stored == 0
            loading.enter_context(
                indexes_rebuilt(tables.connection, (ORDERS, ITEMS, EVENTS), total, stored)
            )
            loading.enter_context(new_orders_indexed_at_end(tables.connection, stored, total))
            for number, source in enumerate(self.sources):
                # Only stored orders can be skipped unread (a fresh import reads on).
                skipping = number > 0 or stored > 0
                lines = LineTexts()
                with open_report(source, lines.tap) as stream, HeldLines(held, CHUNK) as spill:
                    header = lines.texts.pop(stream.header_line, None)
                    merge = _FileMerge(
                        tables,
                        stream.name,
                        stream.layout,
                        self.at,
                        self.actor,
                        spill,
                        None if header is None else file_key(stream.layout, header),
                    )
                    texts: list[tuple[int, Text]] = []
                    first_problem = len(problems)
                    # The held orders' lines are set aside as the file is read, and read
                    # and merged after it, all of an order's lines at once.
                    parts = chain(
                        (
                            (merge.hold(stream, part.numbered), part.lines)
                            for part in stream.lines(CHUNK_LINES)
                        ),
                        ((held_part, source.lines) for held_part in merge.held_chunks()),
                    )
                    for unread, read_so_far in parts:
                        if self.cancelled():
                            raise ImportCancelled
                        if skipping and (tainted is not None or not problems):
                            unread = merge.unread(stream, unread, tainted)
                        lines.keep(unread)
                        rows, found = stream.read(unread)
                        chunk = Chunk(rows, found, read_so_far)
                        if chunk.problems:
                            if not problems or bad_files[-1] != stream.name:
                                bad_files.append(stream.name)
                            problems.extend(chunk.problems)
                        if tainted is None:
                            if not problems:
                                merge.merge(chunk.rows, lines.take(chunk.rows))
                            # else: nothing more is merged; the problems are only collected
                        else:
                            texts.extend((problem.line, problem.text) for problem in chunk.problems)
                            keep = [row for row in chunk.rows if row.order_id not in tainted]
                            if len(keep) < len(chunk.rows):
                                texts.extend(
                                    (row.line, _left_out(row, stream.name))
                                    for row in chunk.rows
                                    if row.order_id in tainted
                                )
                            merge.merge(keep, lines.take(keep))
                        self.progress(done + chunk.lines, total)
                    if not problems or tainted is not None:
                        scattered |= merge.finish()
                    # The held orders' problems were found last: in the file's order again.
                    problems[first_problem:] = sorted(
                        problems[first_problem:], key=attrgetter("line")
                    )
                    done += source.lines
                    self.progress(done, total)
                texts.sort(key=lambda entry: entry[0])
                refused.extend(entry[1] for entry in texts)
                counts = merge.tally.counts()
                by_file.append(
                    FileResult(stream.name, counts[ADDED], counts[UPDATED], counts[UNCHANGED])
                )
                if len(self.sources) > 1:  # one file's counts are the import's
                    everything.extend(merge.tally)
            if problems and tainted is None:
                if not skip_bad_rows:
                    raise _refuse(bad_files, problems)
                raise _ReadAgain({p.order_id for p in problems if p.order_id}, scattered)
            if scattered:
                raise _ReadAgain(None, scattered)
            if self.cancelled():
                raise ImportCancelled
        if len(self.sources) != 1:
            counts = everything.counts()
        return ImportResult(
            added=counts[ADDED],
            updated=counts[UPDATED],
            unchanged=counts[UNCHANGED],
            refused=refused,
            files=[source.name for source in self.sources],
            by_file=by_file,
        )
