"""Many rows into and out of one table at once, each distinct value converted once.

Executing a statement with thousands of parameter sets, SQLAlchemy runs every
value of every row through its column type (Money to cents, UTCDateTime to
naive UTC, an enum to its word, then the driver's own form) and builds a
parameter dictionary per row. For a 100,000-line report import that is most
of the time spent. :class:`BulkTable` asks the same column types for the same
converters once, remembers the stored form of each distinct value (a report
repeats its dates, amounts and statuses), and runs statements that SQLAlchemy
compiled for the connection's dialect with plain rows. The SQL is what Core
would send on any backend; only the per-row Python work is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    MetaData,
    Select,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.types import NullType

from app.storage import faults
from app.storage.order_table import UTCDateTime

Row = tuple[Any, ...]
Converter = Callable[[Any], Any]
# A whole column converted at once, or None when its values need the converter one by one.
ColumnConverter = Callable[[tuple[Any, ...]], Iterable[Any] | None]
_Key = tuple[str, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A statement, its bind names in row order, and its SQL for the dialect."""

    statement: Insert | Update
    binds: list[str]
    sql: str
    positions: list[int] | None  # row positions in the SQL's parameter order, if positional


# Distinct values a converter remembers: a report repeats its amounts and words, while
# each order has its own dates, and a million-line import must not keep them all.
REMEMBERED = 10_000


class _Remembered(dict[Any, Any]):
    """A converter that converts each distinct value once (its hits stay in C)."""

    __slots__ = ("convert",)

    def __init__(self, convert: Converter) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, value: Any) -> Any:
        if len(self) >= REMEMBERED:
            self.clear()  # memory stays bounded; the values still in use come back
        stored = self[value] = self.convert(value)
        return stored


def _convert_columns(
    converters: dict[str, Converter],
    names: Sequence[str | None],
    rows: Iterable[Row],
    order: Sequence[int] | None = None,
    at_once: dict[str, ColumnConverter] | None = None,
) -> list[Row]:
    """Convert rows a column at a time; ``order``: the input columns to output, in order;
    ``at_once``: the columns that may be converted whole."""
    found: list[tuple[Any, ...]] = list(zip(*rows, strict=True))
    if not found:
        return []
    columns: list[Iterable[Any]] = list(found)
    for position, name in enumerate(names):
        convert = converters.get(name) if name is not None else None
        if convert is not None:
            column = found[position]
            first = column[0]
            if column[-1] == first and column.count(first) == len(column):
                # One value all down the column (an import's clock, a default): converted
                # once. Equal values are stored alike (as the remembered converters assume).
                columns[position] = repeat(convert(first), len(column))
            else:
                columns[position] = _converted(convert, column, name, at_once)
    if order is not None:
        columns = [columns[position] for position in order]
    return list(zip(*columns, strict=True))


def _literal(value: Any) -> str | None:
    """``value`` (as stored) written as an SQLite literal that stores what binding it
    does, or None (a type or a value a literal might store otherwise)."""
    if value is None:
        return "NULL"
    kind = type(value)
    if kind is str:
        return None if "\0" in value else "'" + value.replace("'", "''") + "'"
    if kind is int and -(2**63) < value < 2**63:
        return str(value)
    return None


def _converted(
    convert: Converter,
    column: tuple[Any, ...],
    name: str | None,
    at_once: dict[str, ColumnConverter] | None,
) -> Iterable[Any]:
    whole = None if at_once is None or name is None else at_once.get(name)
    converted = None if whole is None else whole(column)
    return map(convert, column) if converted is None else converted


def _split_constants(
    converters: dict[str, Converter],
    names: Sequence[str],
    rows: list[Row],
    at_once: dict[str, ColumnConverter] | None = None,
) -> tuple[list[Row], list[str | None]]:
    """The rows' stored values with their columns of one value taken out, and for each
    column that literal (None: the column stays in the rows)."""
    found: list[tuple[Any, ...]] = list(zip(*rows, strict=True))
    kept: list[Iterable[Any]] = []
    literals: list[str | None] = []
    for position, name in enumerate(names):
        column = found[position]
        convert = converters.get(name)
        first = column[0]
        literal = None
        # One value all down (equal values are stored alike, as the remembered converters
        # assume; plain numbers only if they all are: 1 and 1.0 store apart in text).
        # The last value tells most columns apart without a pass over them.
        if (
            column[-1] == first
            and column.count(first) == len(column)
            and (convert is not None or type(first) is not int or set(map(type, column)) == {int})
        ):
            literal = _literal(first if convert is None else convert(first))
        literals.append(literal)
        if literal is None:
            kept.append(column if convert is None else _converted(convert, column, name, at_once))
    return list(zip(*kept, strict=True)) if kept else [() for _ in rows], literals


# Moments the SQLite shortcut below must store as the column type does, or it is not used.
_MOMENTS = (
    datetime(2026, 10, 1, 9, 5, 7, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 59, 59, 999_999, tzinfo=UTC),
    datetime(1999, 12, 31, 23, 0, 0, 5, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
    datetime(2027, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=2))),
)


MOMENT_TEXT = len("2026-10-01 09:05:07.000000")  # an aware moment's isoformat, less its offset


def _utc_text(value: datetime) -> str:
    """An aware moment as SQLite's DATETIME column stores it: naive UTC, as text."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


_ZONE = attrgetter("tzinfo")
_WITHOUT_OFFSET = itemgetter(slice(0, MOMENT_TEXT))


def _utc_column(column: tuple[Any, ...]) -> Iterable[Any] | None:
    """A column of UTC moments (a report's, the clock's) as :func:`_moment_text` writes
    each, by the datetime's own code all down (a third of the cost); None unless all are."""
    if set(map(type, column)) != {datetime} or set(map(_ZONE, column)) != {UTC}:
        return None
    return map(
        _WITHOUT_OFFSET, map(datetime.isoformat, column, repeat(" "), repeat("microseconds"))
    )


def _moment_text(bind: Converter, dialect: Dialect) -> Converter:
    """A UTCDateTime column's converter on SQLite, made by the datetime itself.

    The type's processor (naive UTC, then SQLAlchemy's format string fed a dict of
    seven fields) costs about twice this, once per distinct moment, and an import
    brings several per order. Used only if it gives the processor's very text
    (checked here); None and naive values still go to the processor (None, or its
    refusal).
    """
    if dialect.name != "sqlite":
        return bind

    def convert(value: datetime | None) -> Any:
        if value is None or value.tzinfo is None:
            return bind(value)
        if value.tzinfo is UTC:  # a report's and the clock's moments: only the offset goes
            return value.isoformat(" ", "microseconds")[:MOMENT_TEXT]
        return _utc_text(value)

    if any(convert(moment) != bind(moment) for moment in _MOMENTS):
        return bind
    return convert


class BulkTable:
    """One table seen as its driver stores it: untyped columns, values converted here."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.dialect = dialect
        # The same table without types: SQLAlchemy neither converts nor checks its values.
        self.plain = Table(
            table.name,
            MetaData(),
            *(Column(column.name, NullType()) for column in table.columns),
            schema=table.schema,
        )
        self._to_storage: dict[str, Converter] = {}
        self._at_once: dict[str, ColumnConverter] = {}
        self._from_storage: dict[str, Converter] = {}
        for column in table.columns:
            impl = column.type.dialect_impl(dialect)
            bind: Converter | None = impl.bind_processor(dialect)
            if bind is not None and isinstance(column.type, UTCDateTime):
                # Moments are mostly each row's own (an order's dates): remembering them
                # costs more (hashing an aware datetime, filling the memory) than it saves.
                moment = self._to_storage[column.name] = _moment_text(bind, dialect)
                if moment is not bind:  # SQLite's text, checked against the type's
                    self._at_once[column.name] = _utc_column
            elif bind is not None:
                self._to_storage[column.name] = _Remembered(bind).__getitem__
            result = impl.result_processor(dialect, None)
            if result is not None:
                self._from_storage[column.name] = _Remembered(result).__getitem__
        self._statements: dict[_Key, _Prepared] = {}
        self._copies: dict[tuple[str, ...], str] = {}
        self._types = {column.name: column.type for column in table.columns}
        self._joined: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}

    def select(self, *names: str) -> Select[Any]:
        """``SELECT`` of untyped columns: rows come back as stored (see :meth:`decode`)."""
        return select(*(self.plain.c[name] for name in names))

    def column(self, name: str) -> Column[Any]:
        """An untyped column, for the WHERE clause of :meth:`select`."""
        return self.plain.c[name]

    def encode(self, names: Sequence[str | None], rows: Iterable[Row]) -> list[Row]:
        """Rows of Python values (columns ``names``; None: leave as is) in stored form."""
        return _convert_columns(self._to_storage, names, rows, at_once=self._at_once)

    def decode(self, names: Sequence[str], rows: Iterable[Row]) -> list[Row]:
        """Rows as stored (columns ``names``) back to the Python values the model reads."""
        return _convert_columns(self._from_storage, names, rows)

    def insert_many(self, connection: Connection, names: Sequence[str], rows: list[Row]) -> None:
        """``INSERT`` one table row per row of Python values (columns ``names``)."""
        if rows and _copies(connection.dialect):
            self._copy(connection, names, rows)
            return
        if len(rows) > 1 and connection.dialect.name == "sqlite":
            self._insert_constants_once(connection, names, rows)
            return
        key = ("insert", (), tuple(names))
        if key not in self._statements:
            values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in names}
            self._prepare(key, insert(self.plain).values(values), [f"v_{n}" for n in names])
        self._run(connection, self._statements[key], names, rows)

    def update_many(
        self,
        connection: Connection,
        keys: Sequence[str],
        names: Sequence[str],
        rows: list[Row],
    ) -> int:
        """``UPDATE … SET names WHERE keys``, once per row of Python values (keys, then names).

        Returns the number of table rows matched, as the driver counts them.
        PostgreSQL (psycopg 3), each row naming its own table row: one statement.
        """
        if rows and _copies(connection.dialect) and _distinct_keys(len(keys), rows):
            return self._update_joined(connection, keys, names, rows)
        key = ("update", tuple(keys), tuple(names))
        if key not in self._statements:
            statement = update(self.plain)
            for name in keys:
                statement = statement.where(self.plain.c[name] == bindparam(f"k_{name}"))
            statement = statement.values({name: bindparam(f"v_{name}") for name in names})
            binds = [*(f"k_{name}" for name in keys), *(f"v_{name}" for name in names)]
            self._prepare(key, statement, binds)
        return self._run(connection, self._statements[key], (*keys, *names), rows)

    def _copy(self, connection: Connection, names: Sequence[str], rows: list[Row]) -> None:
        """PostgreSQL: the rows in one ``COPY … FROM STDIN`` of their stored values, the
        same rows an ``INSERT`` per row would make (defaults, keys in row order, triggers
        and checks) for a fraction of the server's work per row."""
        sql = self._copies.get(tuple(names))
        if sql is None:
            quote = self.dialect.identifier_preparer
            columns = ", ".join(quote.quote(name) for name in names)
            sql = f"COPY {quote.format_table(self.plain)} ({columns}) FROM STDIN"
            self._copies[tuple(names)] = sql
        faults.step(sql)  # one statement to the driver, as the INSERT it replaces
        driver: Any = connection.connection.driver_connection
        try:
            with driver.cursor() as cursor, cursor.copy(sql) as copy:
                for row in self.encode(names, rows):
                    copy.write_row(row)
        except self.dialect.loaded_dbapi.Error as error:  # as SQLAlchemy raises it elsewhere
            raise DBAPIError.instance(
                sql, None, error, self.dialect.loaded_dbapi.Error, dialect=self.dialect
            ) from error

    def _insert_constants_once(
        self, connection: Connection, names: Sequence[str], rows: list[Row]
    ) -> None:
        """SQLite: the columns holding one value in every row are written into the
        ``INSERT`` as literals, the others bound row by row, the same rows stored.

        The driver binds every value of every row; a first import's new orders hold
        a third of their 47 columns alike (the clock, flags, defaults): 0.1 s of a
        100,000-line import's orders. A literal and a bound value go through the
        column's affinity alike (:func:`_literal` writes only those that do).
        """
        varying, literals = _split_constants(self._to_storage, names, rows, self._at_once)
        quote = self.dialect.identifier_preparer
        columns = ", ".join(quote.quote(name) for name in names)
        values = ", ".join("?" if literal is None else literal for literal in literals)
        sql = f"INSERT INTO {quote.format_table(self.plain)} ({columns}) VALUES ({values})"
        connection.exec_driver_sql(sql, varying)

    def _update_joined(
        self, connection: Connection, keys: Sequence[str], names: Sequence[str], rows: list[Row]
    ) -> int:
        """PostgreSQL: ``UPDATE … FROM unnest(one array per column)``, the rows' values
        joined to the table rows by their keys: one statement planned and run once, not
        one per row (5,000 items of a bulk cancel: 0.2 s row by row). The same rows
        end up written, each once, as the keys are distinct."""
        sql = self._joined.get((tuple(keys), tuple(names)))
        if sql is None:
            quote = self.dialect.identifier_preparer.quote
            columns = [*keys, *names]
            arrays = ", ".join(
                f"%s::{self._types[name].compile(dialect=self.dialect)}[]" for name in columns
            )
            given = ", ".join(f"v{position}" for position in range(len(columns)))
            sets = ", ".join(
                f"{quote(name)} = v{position}"
                for position, name in enumerate(columns)
                if position >= len(keys)
            )
            matches = " AND ".join(
                f"t.{quote(name)} = v{position}" for position, name in enumerate(keys)
            )
            table = self.dialect.identifier_preparer.format_table(self.plain)
            joined = f"FROM unnest({arrays}) AS v({given}) WHERE {matches}"
            sql = f"UPDATE {table} AS t SET {sets} {joined}"
            self._joined[(tuple(keys), tuple(names))] = sql
        values = tuple(map(list, zip(*self.encode((*keys, *names), rows), strict=True)))
        return int(connection.exec_driver_sql(sql, values).rowcount)

    def _prepare(self, key: _Key, statement: Insert | Update, binds: list[str]) -> None:
        compiled = statement.compile(dialect=self.dialect)
        positions = None
        if compiled.positional:
            assert compiled.positiontup is not None
            positions = [binds.index(name) for name in compiled.positiontup]
        self._statements[key] = _Prepared(statement, binds, compiled.string, positions)

    def _run(
        self, connection: Connection, prepared: _Prepared, names: Sequence[str], rows: list[Row]
    ) -> int:
        """Execute a prepared statement for rows of Python values; the table rows it matched.

        A dialect that batches many rows into one ``INSERT … VALUES`` gets them
        through Core, which does that; the others get the compiled SQL and the
        stored values, which is what Core would hand the driver.
        """
        if not rows:
            return 0
        binds = prepared.binds
        positions = prepared.positions
        in_batches = isinstance(prepared.statement, Insert) and (
            connection.dialect.use_insertmanyvalues_wo_returning
        )
        if in_batches or positions is None:
            named = [dict(zip(binds, row, strict=True)) for row in self.encode(names, rows)]
            if in_batches:
                return int(connection.execute(prepared.statement, named).rowcount)
            return int(connection.exec_driver_sql(prepared.sql, named).rowcount)
        params = _convert_columns(self._to_storage, names, rows, positions, self._at_once)
        return int(connection.exec_driver_sql(prepared.sql, params).rowcount)


def new_keys(connection: Connection, table: Table, count: int) -> list[int]:
    """The keys the next ``count`` rows of ``table`` get, taken here in one query, so
    the rows and the rows that point at them go in without a key read back per row.

    PostgreSQL: from the key column's own sequence, as an insert would take them
    (sorted: in the order the rows of one insert take them).
    SQLite: a new row's key is one past the largest (the tables have no
    AUTOINCREMENT); only for a transaction that already holds the write lock (an
    import's or a bulk cancel's BEGIN IMMEDIATE, a plan's update of the orders just
    before), so no other writer can take them in between.
    """
    if connection.dialect.name == "postgresql":
        taken = connection.execute(
            select(func.nextval(func.pg_get_serial_sequence(table.name, "id"))).select_from(
                func.generate_series(1, count)
            )
        )
        return sorted(key for (key,) in taken)
    largest = connection.execute(select(func.max(table.c.id))).scalar()
    first = (largest or 0) + 1
    return list(range(first, first + count))


def _distinct_keys(count: int, rows: list[Row]) -> bool:
    """Whether no two rows name the same table row (their first ``count`` values)."""
    return len({row[:count] for row in rows}) == len(rows)


def _copies(dialect: Dialect) -> bool:
    """Whether rows are inserted with ``COPY … FROM STDIN`` (psycopg 3 on PostgreSQL)."""
    return dialect.name == "postgresql" and dialect.driver == "psycopg"


# A bulk load this many times larger than what a table holds builds its indexes afresh.
REBUILD_FACTOR = 2
REBUILD_MIN_ROWS = 20_000


def rebuilding_pays(rows: int, stored: int) -> bool:
    """Whether loading ``rows`` rows where ``stored`` are builds indexes faster afresh at
    the end than row by row (SQLite's plain indexes, PostgreSQL's search indexes)."""
    return rows >= REBUILD_MIN_ROWS and rows >= REBUILD_FACTOR * stored


@contextmanager
def planned_for_their_values(connection: Connection) -> Iterator[None]:
    """PostgreSQL (psycopg): the statements sent inside are planned for their own values
    every time, none kept prepared by the driver.

    A bulk load's tables grow chunk by chunk inside its transaction: a plan kept while
    they were small (psycopg prepares a statement run five times) would read every row
    for each later chunk. Only the statements sent from here are concerned: the
    server's own, its foreign-key checks above all, keep their cached plans, which
    ``SET plan_cache_mode = force_custom_plan`` would have it make again for every row
    written (twice the time of inserting an import's items).
    """
    driver: Any = connection.connection.driver_connection
    if connection.dialect.name != "postgresql" or not hasattr(driver, "prepare_threshold"):
        yield
        return
    kept = driver.prepare_threshold
    driver.prepare_threshold = None
    try:
        yield
    finally:
        driver.prepare_threshold = kept


@contextmanager
def dropped_meanwhile(connection: Connection, indexes: Sequence[tuple[str, str]]) -> Iterator[None]:
    """``indexes`` (quoted name, definition) dropped inside, built again from their
    definitions at the end, both in the caller's transaction (should it fail, they are
    back as they were)."""
    for name, _ in indexes:
        connection.exec_driver_sql(f"DROP INDEX {name}")
    yield
    for _, definition in indexes:
        connection.exec_driver_sql(definition)


@contextmanager
def indexes_rebuilt(
    connection: Connection, tables: Sequence[Table], rows: int, stored: int
) -> Iterator[None]:
    """Load ``rows`` rows into tables that hold ``stored``: on SQLite, when the load is
    much larger, their plain indexes are dropped and built again at the end.

    Sorting a million keys once is several times cheaper than inserting them one
    by one into a dozen B-trees. Both happen inside the caller's transaction, so
    a failed load leaves the indexes as they were; readers in WAL mode keep
    their snapshot with its indexes meanwhile. Unique indexes stay (they check
    and find rows during the load). PostgreSQL keeps its indexes: dropping one
    would lock the table against readers until the load ends.
    """
    if connection.dialect.name != "sqlite" or not rebuilding_pays(rows, stored):
        yield
        return
    names = [table.name for table in tables]
    marks = ", ".join("?" for _ in names)
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE%'",
        tuple(names),
    ).all()
    with dropped_meanwhile(connection, [(f'"{name}"', sql) for name, sql in found]):
        yield
