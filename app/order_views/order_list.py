"""The order list's rows, pages and counts, in SQL (no Qt).

The window's table holds order keys and the few cells a row shows; it asks
this module for one page at a time, sorted and filtered by the database, so a
million orders open as fast as a hundred. Filters are the views of
:mod:`app.order_views.queries`, never re-derived here.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import itertools
import operator
import re
import threading
import time
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Enum,
    Select,
    String,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.visitors import replacement_traverse

from app import clock
from app.account_health.deadlines import close_to_auto_cancel, days_before_auto_cancel
from app.clock import as_utc, whole_days
from app.order_actions.message_choice import asked_only_by_message_condition
from app.order_actions.rules import buyer_disclosed
from app.order_views.queries import (
    OPEN_STATUSES,
    View,
    likely_rare,
    rare_words,
    search_condition,
    view_condition,
)
from app.storage.db import Database
from app.storage.order_table import CONTACT_FIELDS, FulfilledBy, OrderStatus, orders
from app.text import QT_TRANSLATE_NOOP

# The list reads the orders table with Core alone: SQLAlchemy's ORM and the mapped
# classes load after the window's first paint (and never for `sellerdesk list`).
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PAGE_SIZE = 200
# SQLite virtual-machine steps between two looks at a stop test: well under a
# millisecond, so a budget is not overrun by much on a busy machine (a look costs ~1 µs).
CHECK_EVERY = 1_000

Stop = Callable[[], bool]


class Interrupted(Exception):
    """A list query was stopped before it finished: over its budget, or no longer wanted."""


# How often a PostgreSQL query's stop test is asked (a cancel then reaches the server).
CANCEL_POLL_S = 0.004
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement stopped by a cancel


def can_interrupt(db: Database) -> bool:
    """Whether a running list query can be stopped: SQLite's progress handler, or a
    cancel sent to the PostgreSQL server."""
    return db.engine.dialect.name in ("sqlite", "postgresql")


def within(*, steps: int | None = None, ms: float | None = None) -> Stop:
    """A stop test: stop a query after about ``steps`` virtual-machine steps or ``ms`` milliseconds.

    Time is what a seller feels (a step that reads a page from disk costs far
    more than one that compares two values); steps give tests a budget that
    does not depend on how busy the machine is.
    """
    checks = itertools.count(1)
    allowed = None if steps is None else max(1, steps // CHECK_EVERY)
    deadline = None if ms is None else time.perf_counter() + ms / 1000

    def stop() -> bool:
        if allowed is not None and next(checks) > allowed:
            return True
        return deadline is not None and time.perf_counter() > deadline

    if deadline is not None:
        BUDGETS[stop] = (deadline, steps is None)
    return stop


# The deadline of each time budget made by within(), and whether time is all it
# counts: PostgreSQL enforces the deadline on the server (statement_timeout), without
# waiting for a cancel to travel there; a budget of time alone needs nothing else.
BUDGETS: weakref.WeakKeyDictionary[Stop, tuple[float, bool]] = weakref.WeakKeyDictionary()


@contextmanager
def stoppable(reading: Session | Connection, stop: Stop | None) -> Iterator[None]:
    """Run the block's statements so that ``stop()`` answering True ends them with Interrupted.

    SQLite asks ``stop`` every CHECK_EVERY steps; on PostgreSQL the server stops a
    statement past a time budget's deadline, and for any other stop a watcher asks
    it every few milliseconds and cancels the running statement on the server.
    Other databases run the statements to their end (see :func:`can_interrupt`).
    """
    if stop is None:
        yield
        return
    connection = reading if isinstance(reading, Connection) else reading.connection()
    dialect = connection.dialect.name
    if dialect == "sqlite":
        with _progress_handler(connection, stop):
            yield
    elif dialect == "postgresql":
        with _cancelled_on_server(connection, stop):
            yield
    else:
        yield


@contextmanager
def _progress_handler(connection: Connection, stop: Stop) -> Iterator[None]:
    raw = connection.connection.driver_connection
    raw.set_progress_handler(lambda: 1 if stop() else 0, CHECK_EVERY)  # type: ignore[union-attr]
    try:
        yield
    except OperationalError as error:
        if "interrupted" in str(error.orig).lower():
            raise Interrupted from None
        raise
    finally:
        raw.set_progress_handler(None, 0)  # type: ignore[union-attr]


@contextmanager
def _cancelled_on_server(connection: Connection, stop: Stop) -> Iterator[None]:
    """PostgreSQL: a watcher thread cancels the statement running when ``stop()`` says so."""
    raw: Any = connection.connection.driver_connection
    deadline, only_time = BUDGETS.get(stop, (None, False))
    if deadline is not None:  # for this transaction only (a reading is rolled back)
        left_ms = max(1, int((deadline - time.perf_counter()) * 1000))
        # By the driver: the setting has no result to read (a fraction of the page's cost).
        raw.execute(f"SET LOCAL statement_timeout = {left_ms}")
        if only_time:  # the server stops the statement itself: no watcher to start
            with _cancel_is_interrupted(sent=False):
                yield
            return
    finished = threading.Event()
    sent: list[bool] = []

    def watch() -> None:
        while not finished.wait(CANCEL_POLL_S):
            if stop():
                sent.append(True)
                raw.cancel_safe()
                return

    watcher = threading.Thread(target=watch, name="list-query-cancel", daemon=True)
    watcher.start()
    try:
        with _cancel_is_interrupted(sent=lambda: bool(sent)):
            yield
    finally:
        finished.set()
        watcher.join()


@contextmanager
def _cancel_is_interrupted(*, sent: bool | Callable[[], bool]) -> Iterator[None]:
    """A statement the server stopped (a cancel ``sent``, or its statement_timeout) ends
    the block with Interrupted."""
    try:
        yield
    except DBAPIError as error:
        cancelled = sent() if callable(sent) else sent
        if cancelled or getattr(error.orig, "sqlstate", None) == QUERY_CANCELED:
            raise Interrupted from None
        raise


# What a column reads: an orders column (``orders.c.total``) or an SQL expression (labelled).
Readable = ColumnElement[Any]


@dataclass(frozen=True)
class ListColumn:
    """One column of the order list, declared once: :class:`Column`'s members carry it.

    The rows' SELECT, the sort, keyset paging's cursor and the header's words are
    derived from it; the window's one entry per column (``ui/models/order_columns.py``)
    says how its cells are drawn.
    """

    # The header's logical index, which a saved column layout keeps: a new column takes
    # the next number, at the end; never renumber one.
    number: int
    title: str  # QT_TRANSLATE_NOOP("OrderTableModel", …), or a mark shown as it is
    tooltip: str  # QT_TRANSLATE_NOOP("OrderTableModel", …): what the header's tooltip says
    # The database value the column shows and sorts on: keep an index on it (a sort
    # walks it, and stops after one page, at a million orders); the cursor holds it.
    sorts_on: Readable
    reads: tuple[Readable, ...] = ()  # other values its cells show


class Column(enum.IntEnum):
    """The list's columns, in display order, each declared once (its number first)."""

    declared: ListColumn

    def __new__(cls, declared: ListColumn | int) -> Column:
        # An int only in a lookup by number (Column(3)), which Enum answers without this.
        assert isinstance(declared, ListColumn)
        member = int.__new__(cls, declared.number)
        member._value_ = declared.number
        member.declared = declared
        return member

    ORDER_ID = ListColumn(
        0,
        QT_TRANSLATE_NOOP("OrderTableModel", "Order id"),
        QT_TRANSLATE_NOOP("OrderTableModel", "The marketplace's order id"),
        orders.c.order_id,
    )
    PURCHASED = ListColumn(
        1,
        QT_TRANSLATE_NOOP("OrderTableModel", "Purchased"),
        QT_TRANSLATE_NOOP("OrderTableModel", "When the buyer placed the order"),
        orders.c.purchase_date,
    )
    SHIP_BY = ListColumn(
        2,
        QT_TRANSLATE_NOOP("OrderTableModel", "Ship by"),
        QT_TRANSLATE_NOOP("OrderTableModel", "The latest ship date, and how late the order is"),
        orders.c.latest_ship_date,
    )
    STATUS = ListColumn(
        3,
        QT_TRANSLATE_NOOP("OrderTableModel", "Status"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Where the order stands on the marketplace"),
        orders.c.status,
    )
    BUYER = ListColumn(
        4,
        QT_TRANSLATE_NOOP("OrderTableModel", "Buyer"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Hidden while Amazon verifies the payment"),
        orders.c.buyer_name,
    )
    ITEMS = ListColumn(
        5,
        QT_TRANSLATE_NOOP("OrderTableModel", "Items"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Units ordered and their SKUs"),
        orders.c.item_count,
        reads=(orders.c.skus,),
    )
    TOTAL = ListColumn(
        6,
        QT_TRANSLATE_NOOP("OrderTableModel", "Total"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Items, tax and shipping, less promotions"),
        orders.c.total,
        reads=(orders.c.currency,),
    )
    BUYER_REQUESTED = ListColumn(
        7,
        # A mark, not a word: the column stays in sight at laptop size (its tooltip
        # and each cell's say what the marks mean).
        "⚑",
        QT_TRANSLATE_NOOP(
            "OrderTableModel",
            "⚑ The buyer used Request cancellation on the marketplace; ✉ the buyer asked "
            "to cancel by message only",
        ),
        orders.c.buyer_requested_cancel,
        reads=(asked_only_by_message_condition().label("asked_by_message"),),
    )

    @property
    def title(self) -> str:
        return self.declared.title

    @property
    def tooltip(self) -> str:
        return self.declared.tooltip

    @property
    def sorts_on(self) -> ColumnElement[Any]:
        return _expression(self.declared.sorts_on)


def _expression(value: Readable) -> ColumnElement[Any]:
    """The SQL expression a column reads (the list's columns are Core columns already)."""
    return value


class DeadlineKind(enum.StrEnum):
    NONE = "none"  # nothing left to ship, or no ship-by date
    ON_TIME = "on-time"
    LATE = "late"  # past the latest ship date (S10)
    AT_RISK = "at-risk"  # close to the marketplace's automatic cancellation (S11)


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    days_late: int = 0
    days_left: int = 0  # before the marketplace may cancel automatically


def deadline(
    status: OrderStatus,
    latest_ship_date: datetime | None,
    as_of: datetime,
    fulfilled_by: FulfilledBy = FulfilledBy.SELLER,
) -> Deadline:
    """Where an order stands against its ship-by date, as the Late and At risk views count it.

    The marketplace's own deadlines for an order it fulfils are not the seller's.
    """
    if (
        latest_ship_date is None
        or status not in OPEN_STATUSES
        or fulfilled_by is FulfilledBy.MARKETPLACE
    ):
        return Deadline(DeadlineKind.NONE)
    if as_utc(latest_ship_date) >= as_of:
        return _ON_TIME
    return _late_by(whole_days(as_of, latest_ship_date))


# Deadlines are values: the rows of a page share them (a page of late orders holds a few
# days late each, and building one per row cost a tenth of its Late filter's switch).
_ON_TIME = Deadline(DeadlineKind.ON_TIME)


@functools.lru_cache(maxsize=4096)
def _late_by(days_late: int) -> Deadline:
    days_left = days_before_auto_cancel(days_late)
    kind = DeadlineKind.AT_RISK if close_to_auto_cancel(days_late) else DeadlineKind.LATE
    return Deadline(kind, days_late, days_left)


@dataclass(frozen=True)
class OrderRow:
    """The cells of one line of the order list, as plain values."""

    key: int
    order_id: str
    purchase_date: datetime
    latest_ship_date: datetime | None
    status: OrderStatus
    buyer_name: str | None
    buyer_hidden: bool
    item_count: int
    skus: str
    total: Decimal | None
    currency: str | None
    buyer_requested_cancel: bool
    deadline: Deadline
    fulfilled_by: FulfilledBy = FulfilledBy.SELLER
    asked_by_message: bool = False  # asked to cancel by message only (S5): cancelling counts
    # Where this row stands in the list's sort: the next page starts after it.
    cursor: Cursor | None = None
    # Every value read for the row, by name (see _ROW_VALUES); the buyer's contact and
    # address are None while the payment is verified (S9). A column reads its own
    # with :meth:`value`.
    values: tuple[object, ...] = ()

    def value(self, column: Column) -> object:
        """The value ``column`` shows and sorts on, as the database gives it."""
        return self.values[_SORTED_AT[column]] if self.values else None


# The value of the sorted column and the order's key: the last row shown of a page.
Cursor = tuple[object, int]


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: a view, the words searched, the sort.

    ``after``: the cursor of the last row already shown; the page starts after
    it (keyset paging: the 5,000th row comes as fast as the first, where an
    OFFSET walks past every row before it).
    """

    view: View = View.ALL
    search: str = ""
    sort: Column = Column.PURCHASED
    descending: bool = True
    after: Cursor | None = None
    # How the database looks: the searched orders first (see _where), for a search
    # that did not answer at once; the same rows either way.
    search_first: bool = False


def _where(
    view: View,
    search: str,
    as_of: datetime,
    *,
    search_first: bool = False,
    rare: Sequence[str] = (),
) -> list[ColumnElement[bool]]:
    """The view's and the search's conditions.

    ``search_first``: the orders the search finds are looked for on their own
    first (in the search's narrow index where there is one), then sorted; for a
    rare word that beats walking the sort's index past a million orders that
    do not match. A common word is found faster the other way (the first
    orders in the sort match), which is how the list asks on the GUI thread.
    """
    found = [view_condition(view, as_of)]
    if search.strip():
        condition = search_condition(search, rare=rare)
        if search_first:
            condition = orders.c.id.in_(select(orders.c.id).where(condition).correlate(None))
        found.append(condition)
    return found


# What every row reads besides its columns' own values: its key, and what the deadline
# and S9 depend on (the status, who ships it).
_ROW_FACTS: tuple[Readable, ...] = (orders.c.id, orders.c.status, orders.c.fulfilled_by)


def _read_once(values: Iterator[Readable]) -> tuple[ColumnElement[Any], ...]:
    """Each value once, an orders column as the table's own: the same SQL as the mapped
    attribute, but a page's result then finds its columns by identity (the ORM's copies
    are matched by comparing SQL expressions, which cost more than the page on
    PostgreSQL)."""
    named: dict[str, ColumnElement[Any]] = {}
    table = orders.c
    for value in map(_expression, values):
        key = str(value.key)
        named.setdefault(key, table.get(key, value))
    return tuple(named.values())


def _as_stored(value: ColumnElement[Any]) -> ColumnElement[Any]:
    """A column of words (a status) read as the words stored: :func:`_row` looks their
    members up itself."""
    if isinstance(value.type, Enum):
        return type_coerce(value, String()).label(str(value.key))
    return value


# The SELECT of a row: its key, each column's values in display order, then the facts.
_ROW_VALUES = tuple(
    map(
        _as_stored,
        _read_once(
            itertools.chain(
                _ROW_FACTS[:1],
                *((column.declared.sorts_on, *column.declared.reads) for column in Column),
                _ROW_FACTS[1:],
            )
        ),
    )
)
_NAMES = tuple(str(value.key) for value in _ROW_VALUES)
# Where each column's sorted value is in a row: the cursor and OrderRow.value read it there.
_SORTED_AT = {column: _NAMES.index(str(column.sorts_on.key)) for column in Column}
# S9: the values that are the buyer's contact or address, blanked while Pending.
_CONTACT = frozenset(CONTACT_FIELDS)


_CONTACT_AT = tuple(number for number, name in enumerate(_NAMES) if name in _CONTACT)


def _blank_contact(values: Sequence[object]) -> tuple[object, ...]:
    blanked = list(values)
    for number in _CONTACT_AT:
        blanked[number] = None
    return tuple(blanked)


# S9: the statuses whose buyer is hidden, from the rule itself.
_BUYER_HIDDEN = frozenset(status for status in OrderStatus if not buyer_disclosed(status))
# The statuses and who ships, as a page reads them (stored words, see _as_stored): each
# word's member by a lookup, where SQLAlchemy's own conversion costs two Python calls a
# value, a tenth of a PostgreSQL page.
_STATUS_OF = {member.value: member for member in OrderStatus}
_FULFILLED_BY_OF: dict[str | None, FulfilledBy | None] = {None: None}
_FULFILLED_BY_OF.update((member.value, member) for member in FulfilledBy)
_STATUS_AT = _NAMES.index("status")
_FULFILLED_BY_AT = _NAMES.index("fulfilled_by")
# The values a line's cells and facts are read from, in this order (one C call a row).
_CELLS = operator.itemgetter(
    *map(
        _NAMES.index,
        (
            "id",
            "order_id",
            "purchase_date",
            "latest_ship_date",
            "buyer_name",
            "item_count",
            "skus",
            "total",
            "currency",
            "buyer_requested_cancel",
            "asked_by_message",
        ),
    )
)
_new_row = object.__new__

# A row with nothing left to ship (most of a list) has no deadline: one answer for all.
_NO_DEADLINE = Deadline(DeadlineKind.NONE)
_OPEN = frozenset(OPEN_STATUSES)


def _row(values: Sequence[object], as_of: datetime, sorted_at: int) -> OrderRow:
    """One line of the list from the values the SELECT read; ``sorted_at``: where the
    sorted column's value is (see _SORTED_AT)."""
    read: list[Any] = list(values)
    status: OrderStatus = _STATUS_OF[read[_STATUS_AT]]
    fulfilled_by = _FULFILLED_BY_OF[read[_FULFILLED_BY_AT]]
    read[_STATUS_AT], read[_FULFILLED_BY_AT] = status, fulfilled_by
    fulfilled_by = fulfilled_by or FulfilledBy.SELLER
    (key, order_id, purchased, ship_by, buyer, items, skus, total, currency, requested, asked) = (
        _CELLS(read)
    )
    hidden = status in _BUYER_HIDDEN
    key = int(key)
    row = _new_row(OrderRow)
    # The fields set straight into the frozen row: a page of 200 rows is built in half
    # the time that the dataclass's __init__ takes, one object.__setattr__ per field.
    row.__dict__.update(
        {
            "key": key,
            "order_id": str(order_id),
            "purchase_date": purchased,
            "latest_ship_date": ship_by,
            "status": status,
            "buyer_name": None if hidden else buyer,
            "buyer_hidden": hidden,
            "item_count": int(items or 0),
            "skus": str(skus or ""),
            "total": total,
            "currency": currency,
            "buyer_requested_cancel": bool(requested),
            "deadline": deadline(status, ship_by, as_of, fulfilled_by)
            if status in _OPEN
            else _NO_DEADLINE,
            "fulfilled_by": fulfilled_by,
            "asked_by_message": bool(asked),
            "cursor": (read[sorted_at], key),
            "values": _blank_contact(read) if hidden else tuple(read),
        }
    )
    return row


def _nulls_first(db: Database) -> bool:
    """Whether the database puts an empty sort value first in ascending order (SQLite
    does; PostgreSQL puts it last): the keyset cursor must know which."""
    return db.engine.dialect.name != "postgresql"


def _after(query: ListQuery, nulls_first_ascending: bool) -> ColumnElement[bool]:
    """The rows that come after ``query.after`` in the query's sort (keyset paging).

    NULLs sort where the database puts them (first going up on SQLite, last on
    PostgreSQL), so the order stays the one the sort indexes give for free.
    """
    assert query.after is not None
    value, key = query.after
    column = query.sort.sorts_on
    tie = orders.c.id
    bound = literal(value, column.type)  # a bool compares with < too, once bound
    beyond, later = (column < bound, tie < key) if query.descending else (column > bound, tie > key)
    nulls_come_last = nulls_first_ascending == query.descending
    if value is None:
        same = and_(column.is_(None), later)
        return same if nulls_come_last else or_(column.is_not(None), same)
    found = or_(beyond, and_(column == bound, later))
    return or_(found, column.is_(None)) if nulls_come_last else found


def page_query(
    query: ListQuery,
    as_of: datetime,
    offset: int,
    limit: int,
    *,
    nulls_first: bool = True,
    search_first: bool = False,
    rare: Sequence[str] = (),
) -> Select[tuple[object]]:
    # Only the filters that change with the clock (MOMENT_VIEWS) depend on the moment:
    # every other page of the same shape is one statement, built once.
    keyset = query.after is not None
    shape = (query.view, query.search, query.sort, query.descending, limit)
    where = (None if keyset else offset, search_first, tuple(rare))
    if query.view in MOMENT_VIEWS:
        shared, moments = _moment_page_statement(*shape, *where)
        found = shared.params({name: as_of + offset for name, offset in moments.items()})
    else:
        found = _shared_page_statement(*shape, *where, _ANY_MOMENT)
    return found.where(_after(query, nulls_first)) if keyset else found


def _page_statement(
    view: View,
    search: str,
    sort: Column,
    descending: bool,
    limit: int,
    offset: int | None,
    search_first: bool,
    rare: tuple[str, ...],
    as_of: datetime,
) -> Select[tuple[object]]:
    column = sort.sorts_on
    tie = orders.c.id
    ordering = (column.desc(), tie.desc()) if descending else (column.asc(), tie.asc())
    found = (
        select(*_ROW_VALUES)
        .where(*_where(view, search, as_of, search_first=search_first, rare=rare))
        .order_by(*ordering)
        .limit(limit)
    )
    return found if offset is None else found.offset(offset)


# A page's SELECT for a filter that does not change with the clock, built once and
# shared (SQLAlchemy's statements may be): building it again cost a filter switch a
# tenth of its time on PostgreSQL. The moment it is given is never read.
_shared_page_statement = functools.lru_cache(maxsize=256)(_page_statement)
_ANY_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)


@functools.lru_cache(maxsize=64)
def _moment_page_statement(
    view: View,
    search: str,
    sort: Column,
    descending: bool,
    limit: int,
    offset: int | None,
    search_first: bool,
    rare: tuple[str, ...],
) -> tuple[Select[tuple[object]], dict[str, timedelta]]:
    """A page's SELECT for a filter that changes with the clock (Late, At risk), built once:
    each moment its conditions compare with (the moment, or a fixed time before it) is a
    named parameter, given with the moment of each page. Its names and how far each is
    from the moment come with it.

    Building the statement again for each switch cost a sixth of the Late filter's
    switch on PostgreSQL. tests/test_order_list_paging.py checks that the statement asks
    what one built at the moment would, for every such filter.
    """
    built = _page_statement(
        view, search, sort, descending, limit, offset, search_first, rare, _ANY_MOMENT
    )
    moments: dict[str, timedelta] = {}

    def named(element: Any, **_: Any) -> Any:
        if isinstance(element, BindParameter) and isinstance(element.value, datetime):
            name = f"moment_{len(moments)}"
            moments[name] = element.value - _ANY_MOMENT
            return bindparam(name, type_=element.type)
        return None

    shared = cast("Select[tuple[object]]", replacement_traverse(built, {}, named))
    return shared, moments


def page(
    db: Database,
    query: ListQuery,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    as_of: datetime | None = None,
    *,
    stop: Stop | None = None,
) -> list[OrderRow]:
    """One page of the list, sorted and filtered by the database.

    ``stop`` (asked while the database works) ends the query early with
    :class:`Interrupted`: a budget on the GUI thread, or a search typed over.
    """
    moment = as_of or clock.now()
    nulls_first = _nulls_first(db)
    # Plain rows from a connection: no ORM session or bookkeeping for a list's cells.
    with db.connected() as connection, stoppable(connection, stop):
        # Looking for the searched orders first: a rare word's in the search index (on
        # PostgreSQL also at the first try, when the planner expects few orders).
        if query.search_first:
            rare = rare_words(connection, query.search)
        else:
            rare = likely_rare(connection, query.search)
        found = connection.execute(
            page_query(
                query,
                moment,
                offset,
                limit,
                nulls_first=nulls_first,
                search_first=query.search_first or bool(rare),
                rare=rare,
            )
        ).all()
    sorted_at = _SORTED_AT[query.sort]
    return [_row(values, moment, sorted_at) for values in found]


def rows_of(
    db: Database, query: ListQuery, order_ids: Collection[str], as_of: datetime
) -> list[OrderRow]:
    """The rows of ``order_ids`` that ``query`` still shows, as its pages give them: an
    action re-reads the rows it changed instead of the page (an order missing from the
    answer has left the filter or the search)."""
    if not order_ids:
        return []
    nulls_first = _nulls_first(db)
    whole = dataclasses.replace(query, after=None)
    with db.connected() as connection:
        found = connection.execute(
            page_query(whole, as_of, 0, len(order_ids), nulls_first=nulls_first).where(
                orders.c.order_id.in_(list(order_ids))
            )
        ).all()
    sorted_at = _SORTED_AT[query.sort]
    return [_row(values, as_of, sorted_at) for values in found]


def view_counts(
    db: Database, search: str = "", as_of: datetime | None = None, *, stop: Stop | None = None
) -> dict[View, int]:
    """How many orders each view holds (with the search applied), for the filter list.

    Without a search each count is answered from an index; with one, a single
    pass over the orders counts every view at once. ``stop`` as for :func:`page`.
    """
    moment = as_of or clock.now()
    with db.connected() as connection, stoppable(connection, stop):
        if not search.strip():
            return {
                view: int(
                    connection.scalar(
                        select(func.count()).select_from(orders).where(view_condition(view, moment))
                    )
                    or 0
                )
                for view in View
            }
        sums = [
            func.coalesce(func.sum(case((view_condition(view, moment), 1), else_=0)), 0)
            for view in View
        ]
        values = connection.execute(
            select(*sums)
            .select_from(orders)
            .where(search_condition(search, rare=rare_words(connection, search)))
        ).one()
        return {view: int(value) for view, value in zip(View, values, strict=True)}


# The filters whose orders change with the clock alone (an order turns late while nobody
# touches it): a count of none holds for them only at the moment it was taken.
MOMENT_VIEWS = frozenset({View.LATE, View.AT_RISK})


def known_empty(counts: Mapping[View, int]) -> frozenset[View]:
    """The filters that :func:`view_counts` found empty and that stay empty until an order
    changes: the list shows them empty without asking the database again."""
    return frozenset(
        view for view, found in counts.items() if found == 0 and view not in MOMENT_VIEWS
    )


# The filters a search is offered in when the one shown has none of its orders: each
# order's own list first (its status), then every order.
SWITCH_TO = (
    View.PENDING,
    View.UNSHIPPED,
    View.SHIPPED,
    View.CANCELED,
    View.FULFILLED_BY_AMAZON,
    View.ALL,
)
WHOLE_ORDER_ID = re.compile(r"\d{3}-\d{7}-\d{7}")


@dataclass(frozen=True)
class FoundElsewhere:
    """What a search finds outside the filter shown: where, how many, which order."""

    view: View
    count: int
    order_id: str | None = None  # the order id typed, when that is what was searched


def found_elsewhere(view: View, search: str, counts: dict[View, int]) -> FoundElsewhere | None:
    """The filter to offer when the search finds nothing in ``view`` but does elsewhere.

    ``counts`` are :func:`view_counts` for the same search. An order id typed while
    the Shipped filter is on still finds a cancelled order: the window says it is in
    Canceled and offers to switch.
    """
    if not search.strip() or counts.get(view, 0) or not counts.get(View.ALL, 0):
        return None
    target = next(v for v in SWITCH_TO if counts.get(v, 0) and v is not view)
    typed = search.strip()
    order_id = typed if WHOLE_ORDER_ID.fullmatch(typed) and counts[target] == 1 else None
    return FoundElsewhere(target, counts[target], order_id)


def count(db: Database, query: ListQuery, as_of: datetime | None = None) -> int:
    moment = as_of or clock.now()
    with db.connected() as connection:
        rare = rare_words(connection, query.search)
        found = connection.scalar(
            select(func.count())
            .select_from(orders)
            .where(and_(*_where(query.view, query.search, moment, rare=rare)))
        )
        return int(found or 0)


def total_orders(db: Database) -> int:
    with db.connected() as connection:
        return int(connection.scalar(select(func.count()).select_from(orders)) or 0)


def has_orders(db: Database) -> bool:
    """Whether the database holds any order at all (the welcome state when not)."""
    with db.connected() as connection:
        return connection.scalar(select(orders.c.id).limit(1)) is not None


def refresh_statistics(db: Database, *, force: bool = False) -> None:
    """Let SQLite's planner know the orders table (ANALYZE) so filters use the right index.

    Without statistics SQLite picks the status index for "Unshipped, newest
    first" and sorts every unshipped order; with them it walks the purchase
    date index and stops after one page. Runs when statistics are missing (or
    ``force``, after an import); other databases keep their own statistics.
    """
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.begin() as connection:
        if not force:
            known = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).first()
            if (
                known
                and connection.exec_driver_sql(
                    "SELECT 1 FROM sqlite_stat1 WHERE tbl = 'orders'"
                ).first()
            ):
                return
        connection.exec_driver_sql("ANALYZE orders")
