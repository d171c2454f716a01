"""Reading the marketplace's order reports into plain, checked rows.

Three layouts share one reader (FORMATS.md §1): the orders report (with prices),
the unshipped orders report and the all-orders report. Columns are read by
header name only, in any order and any case; unknown columns are ignored.
Encoding is UTF-8 (with or without BOM) or, failing that, Windows-1252.

A file that cannot be a report (binary, empty, required columns missing)
raises :class:`BadInput`. Bad rows do not: they are collected as
:class:`LineProblem` so the importer can refuse the file or skip their orders.
Nothing here touches the database.
"""

from __future__ import annotations

import codecs
import enum
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from app import limits
from app.cycle_collector import collector_paused
from app.errors import BadInput
from app.marketplace_files.flatfiles.tsv import unquote_cells
from app.order_actions.orders import ORDER_ID
from app.storage import files
from app.storage.models import FulfilledBy, OrderStatus

# The shipping address's and the buyer's contact columns (never stored for a Pending
# order, S9) are declared with the orders table: the order list reads them without this.
from app.storage.order_table import ADDRESS_FIELDS as ADDRESS_FIELDS
from app.storage.order_table import CONTACT_FIELDS as CONTACT_FIELDS
from app.text import QT_TRANSLATE_NOOP, Text, plural, text

CTX = "Import"
ENCODINGS = ("utf-8-sig", "cp1252")  # a report is UTF-8 (with or without BOM), else Windows-1252
BLOCK = 1 << 20  # bytes read at a time while a file is checked
REMEMBERED = 1_000  # parsed values a column remembers; memory stays bounded
MAX_LINE = 1_000_000  # characters; a longer line is no report line (a cell is at most 2,000)
TEXT_BLOCK = 1 << 16  # characters of a report read at a time
DAY_PART = len("2026-11-20T")


class Layout(enum.StrEnum):
    ORDERS = "orders"  # the scheduled order report, with prices
    UNSHIPPED = "unshipped"  # the unshipped orders report
    ALL_ORDERS = "all-orders"  # the all-orders report, with statuses


# Report status words (any case) → the order status they mean.
STATUS_WORDS: dict[str, OrderStatus] = {
    "pending": OrderStatus.PENDING,
    "invoiceunconfirmed": OrderStatus.PENDING,
    "pendingavailability": OrderStatus.PENDING,
    "unshipped": OrderStatus.UNSHIPPED,
    "partiallyshipped": OrderStatus.PARTIALLY_SHIPPED,
    "shipped": OrderStatus.SHIPPED,
    "canceled": OrderStatus.CANCELED,
    "cancelled": OrderStatus.CANCELED,
}

# Real all-orders reports add how far a shipped parcel got ("Shipped - Delivered to Buyer").
SHIPPED_PREFIX = "shipped - "

# item-status words: the state of one line. Others ("Shipping" on an Amazon-fulfilled
# order) say nothing SellerDesk acts on and are read as unknown.
ITEM_STATUS_WORDS: dict[str, OrderStatus] = {
    "pending": OrderStatus.PENDING,
    "unshipped": OrderStatus.UNSHIPPED,
    "shipped": OrderStatus.SHIPPED,
    "canceled": OrderStatus.CANCELED,
    "cancelled": OrderStatus.CANCELED,
}

# fulfillment-channel words (FORMATS.md §1, updated).
CHANNEL_WORDS: dict[str, FulfilledBy] = {
    "merchant": FulfilledBy.SELLER,
    "mfn": FulfilledBy.SELLER,
    "amazon": FulfilledBy.MARKETPLACE,
    "afn": FulfilledBy.MARKETPLACE,
}

TRUE_WORDS = frozenset({"true", "yes", "y", "1"})
FALSE_WORDS = frozenset({"false", "no", "n", "0"})


ORDER_ID_COLUMNS = ("order-id", "amazon-order-id")
QUANTITY_COLUMNS = ("quantity-purchased", "quantity")
BUYER_CANCEL_COLUMNS = ("is-buyer-requested-cancellation", "is-buyer-requested-cancelation")


def _string(raw: str) -> str:
    return raw


class _Moments(dict[str, datetime]):
    """Report timestamps (``2026-11-20T09:15:00+00:00``) → their moments, remembered.

    A new one is read as its day and the rest: a report has few days and repeats
    times of day, so both are remembered too and the moment is one addition.
    Every text is read by :func:`app.limits.moment`'s rules: a day by
    :func:`app.limits.day` (its years), the rest as that time on a fixed day;
    any other shape goes to ``moment`` whole. Bounded: memory stays flat.
    """

    REFERENCE = "2050-06-15"  # a day well inside limits' years: any offset stays inside
    KEEP = 20_000

    def __init__(self) -> None:
        super().__init__()
        self.days: dict[str, datetime] = {}  # "2026-11-20T" → its midnight, UTC
        self.rests: dict[str, timedelta] = {}  # "09:15:00+00:00" → from that midnight
        self.midnight = datetime.combine(date.fromisoformat(self.REFERENCE), time(), UTC)

    def __missing__(self, raw: str) -> datetime:
        day = self.days.get(raw[:DAY_PART])
        rest = self.rests.get(raw[DAY_PART:])
        if day is not None and rest is not None:
            moment = day + rest
        else:
            try:
                moment = self._learn(raw)
            except ValueError:
                moment = limits.moment(raw)  # its refusal, or a shape read whole (a day alone)
        if len(self) >= self.KEEP:
            self.clear()
        self[raw] = moment
        return moment

    def _learn(self, raw: str) -> datetime:
        if len(raw) <= DAY_PART or raw[DAY_PART - 1] not in "T " or raw != raw.strip():
            raise ValueError(raw)
        for found in (self.days, self.rests):
            if len(found) >= self.KEEP:
                found.clear()
        day = self.days[raw[:DAY_PART]] = datetime.combine(
            limits.day(raw[: DAY_PART - 1]), time(), UTC
        )
        rest = self.rests[raw[DAY_PART:]] = (
            limits.moment(f"{self.REFERENCE}T{raw[DAY_PART:]}") - self.midnight
        )
        return day + rest


_timestamp = _Moments().__getitem__


def _amount(raw: str) -> Decimal:
    """A signed amount (a promotion discount) within app.limits' range."""
    return limits.amount(raw)


def _price(raw: str) -> Decimal:
    """A price or tax: never negative, within app.limits' range."""
    return limits.amount(raw, signed=False)


def _boolean(raw: str) -> bool:
    word = raw.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(raw)


def _channel(raw: str) -> FulfilledBy:
    channel = CHANNEL_WORDS.get(raw.lower())
    if channel is None:
        raise ValueError(raw)
    return channel


def _item_status(raw: str) -> OrderStatus | None:
    word = raw.lower()
    if word.startswith(SHIPPED_PREFIX):
        return OrderStatus.SHIPPED
    return ITEM_STATUS_WORDS.get(word)


def order_status(word: str) -> OrderStatus | None:
    """An all-orders report's order-status (any case), or None when SellerDesk does not know it."""
    lowered = word.lower()
    if lowered.startswith(SHIPPED_PREFIX):
        return OrderStatus.SHIPPED
    return STATUS_WORDS.get(lowered)


def _units(raw: str) -> int:
    return limits.units(raw)


@dataclass(frozen=True)
class Kind:
    """How a cell is parsed and what a seller is told when it cannot be."""

    parse: Callable[[str], Any]
    problem: str


STRING = Kind(_string, "")
# The ranges (app.limits) are in the README; the messages stay short.
DATE = Kind(
    _timestamp, QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not a date')
)
AMOUNT = Kind(
    _amount, QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not an amount')
)
PRICE = Kind(_price, AMOUNT.problem)
UNITS = Kind(
    _units,
    QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not a whole number of units'),
)
BOOLEAN = Kind(
    _boolean, QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not true or false')
)
CHANNEL = Kind(
    _channel,
    QT_TRANSLATE_NOOP(
        "Import",
        'line {line}: {column} "{value}" is not a fulfilment channel '
        "(Merchant, MFN, Amazon or AFN)",
    ),
)
ITEM_STATUS = Kind(_item_status, "")  # never refused: an unknown word is left unread


@dataclass(frozen=True)
class Column:
    """A report column (by any of its names) and the field it fills."""

    names: tuple[str, ...]
    target: str
    kind: Kind = STRING


# Order-level fields (the same on every row of an order).
ORDER_COLUMNS = (
    Column(("purchase-date",), "purchase_date", DATE),
    Column(("payments-date", "payment-date"), "payment_date", DATE),
    Column(("earliest-ship-date",), "earliest_ship_date", DATE),
    Column(("promise-date", "latest-ship-date"), "latest_ship_date", DATE),
    Column(("currency",), "currency"),
    Column(("fulfillment-channel", "fulfilment-channel"), "fulfilled_by", CHANNEL),
    Column(("sales-channel",), "sales_channel"),
    Column(("ship-service-level",), "ship_service_level"),
    Column(("is-business-order",), "is_business_order", BOOLEAN),
    Column(("is-prime",), "is_prime", BOOLEAN),
)
CONTACT_COLUMNS = (
    Column(("buyer-name",), "buyer_name"),
    Column(("buyer-email",), "buyer_email"),
    Column(("buyer-phone-number",), "buyer_phone"),
    Column(("recipient-name",), "recipient_name"),
    Column(("ship-address-1",), "ship_address_1"),
    Column(("ship-address-2",), "ship_address_2"),
    Column(("ship-address-3",), "ship_address_3"),
    Column(("ship-city",), "ship_city"),
    Column(("ship-state",), "ship_state"),
    Column(("ship-postal-code",), "ship_postal_code"),
    Column(("ship-country",), "ship_country"),
)
ITEM_COLUMNS = (
    Column(("order-item-id",), "order_item_id"),
    Column(("sku",), "sku"),
    Column(("product-name", "item-name"), "title"),
    Column(("asin",), "asin"),
    Column(QUANTITY_COLUMNS, "quantity", UNITS),
    Column(("item-price",), "item_price", PRICE),
    Column(("item-tax",), "item_tax", PRICE),
    Column(("shipping-price",), "shipping_price", PRICE),
    Column(("shipping-tax",), "shipping_tax", PRICE),
    Column(("item-promotion-discount",), "item_promotion_discount", AMOUNT),
    Column(("ship-promotion-discount",), "ship_promotion_discount", AMOUNT),
    Column(("promotion-ids",), "promotion_ids"),
)
QUANTITY_SHIPPED = Column(("quantity-shipped",), "quantity_shipped", UNITS)
BUYER_CANCEL = Column(BUYER_CANCEL_COLUMNS, "buyer_requested_cancel", BOOLEAN)
BUYER_CANCEL_REASON = Column(("buyer-requested-cancel-reason",), "buyer_cancel_reason")
ITEM_STATUS_COLUMN = Column(("item-status",), "item_status", ITEM_STATUS)
EXTRA_COLUMNS = (QUANTITY_SHIPPED, BUYER_CANCEL, BUYER_CANCEL_REASON, ITEM_STATUS_COLUMN)
# ReportRow's own fields, in its order.
EXTRA_FIELDS = tuple(column.target for column in EXTRA_COLUMNS)


# Not frozen: a frozen dataclass costs several µs per row, a fifth of reading a line.
@dataclass(slots=True)
class ReportRow:
    """One good report line: only the cells that were filled (empty = unknown)."""

    line: int
    order_id: str
    status: OrderStatus | None  # only the all-orders report says it
    order: dict[str, Any]  # Order fields
    contact: dict[str, Any]  # buyer contact and address (hidden while Pending)
    item: dict[str, Any]  # OrderItem fields, always with sku and quantity
    quantity_shipped: int | None
    buyer_requested_cancel: bool | None
    buyer_cancel_reason: str | None
    item_status: OrderStatus | None = None  # the line's own state (all-orders report)


@dataclass(frozen=True, slots=True)
class LineProblem:
    """A line that cannot be imported; ``order_id`` is its order's id when readable."""

    line: int
    order_id: str | None
    text: Text


@dataclass(frozen=True)
class Report:
    name: str
    layout: Layout
    rows: list[ReportRow]
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def line_count(self) -> int:
        return len(self.rows) + len({problem.line for problem in self.problems})


def normalise_header(name: str) -> str:
    """``" Order-ID "`` → ``"order-id"``: any case, stray spaces, underscores."""
    return "-".join(name.strip().strip("\ufeff").lower().replace("_", "-").split())


def decode(data: bytes, name: str) -> str:
    """The file's text: UTF-8 (BOM or not), else Windows-1252; junk is refused."""
    if b"\x00" in data:
        raise _not_text(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise _not_text(name) from None


def _not_text(name: str) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Import",
                "{file} is not a text report (it holds binary data); nothing was imported.",
            ),
            file=name,
        )
    )


def detect_layout(headers: set[str]) -> Layout:
    if "amazon-order-id" in headers or "order-status" in headers:
        return Layout.ALL_ORDERS
    if "item-price" in headers or "currency" in headers:
        return Layout.ORDERS
    return Layout.UNSHIPPED


def _position(index: dict[str, int], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in index:
            return index[name]
    return None


def _missing_columns(index: dict[str, int], layout: Layout) -> list[str]:
    missing = []
    if _position(index, ORDER_ID_COLUMNS) is None:
        missing.append("amazon-order-id" if layout is Layout.ALL_ORDERS else "order-id")
    if "purchase-date" not in index:
        missing.append("purchase-date")
    if "sku" not in index:
        missing.append("sku")
    if _position(index, QUANTITY_COLUMNS) is None:
        missing.append("quantity" if layout is Layout.ALL_ORDERS else "quantity-purchased")
    if layout is Layout.ALL_ORDERS and "order-status" not in index:
        missing.append("order-status")
    return missing


# Where a parsed cell goes in a ReportRow.
ORDER, CONTACT, ITEM, EXTRA = range(4)
REQUIRED = frozenset({"purchase_date", "sku", "quantity"})
EMPTY = QT_TRANSLATE_NOOP("Import", "line {line}: {column} is empty")
BAD_ORDER_ID = QT_TRANSLATE_NOOP(
    "Import",
    'line {line}: {column} "{value}" is not an order id (it looks like 123-1234567-1234567)',
)
BAD_STATUS = QT_TRANSLATE_NOOP(
    "Import", 'line {line}: order-status "{value}" is not a status SellerDesk knows'
)
TOO_LONG = QT_TRANSLATE_NOOP(
    "Import", 'line {line}: {column} "{value}" is longer than 2000 characters'
)
ZERO_UNITS = QT_TRANSLATE_NOOP(
    "Import", "line {line}: {column} is 0, but only a cancelled item has no units"
)


@dataclass(frozen=True, slots=True)
class _Cell:
    position: int
    column: str  # the name a seller sees in messages
    slot: int  # ORDER, CONTACT, ITEM or EXTRA
    target: str
    parse: Callable[[str], Any] | None  # None: kept as text
    problem: str


def _found(index: dict[str, int], column: Column, slot: int) -> _Cell | None:
    for name in column.names:
        if name in index:
            parse = None if column.kind is STRING else column.kind.parse
            return _Cell(index[name], name, slot, column.target, parse, column.kind.problem)
    return None


class _RowReader:
    """Turns the cells of one line into a ReportRow or a list of problems.

    Built once per file from its header; the per-line loop is kept flat because
    a report can have a hundred thousand lines.
    """

    def __init__(self, name: str, index: dict[str, int]) -> None:
        self.name = name
        order_id = _found(index, Column(ORDER_ID_COLUMNS, "order_id"), EXTRA)
        assert order_id is not None  # checked with the required columns
        self.order_id = order_id
        self.status = _found(index, Column(("order-status",), "status"), EXTRA)
        groups = (
            (ORDER_COLUMNS, ORDER),
            (CONTACT_COLUMNS, CONTACT),
            (ITEM_COLUMNS, ITEM),
            (EXTRA_COLUMNS, EXTRA),
        )
        self.cells = [
            cell
            for columns, slot in groups
            for column in columns
            if (cell := _found(index, column, slot)) is not None
        ]
        # Plain tuples: the loop below runs for every cell of every line. Each parsed
        # column remembers the values of the texts it has seen (a report repeats its
        # dates, amounts and words), a bounded number of them.
        self.plan: list[
            tuple[int, int, str, Callable[[str], Any] | None, dict[str, Any] | None, _Cell]
        ] = [
            (c.position, c.slot, c.target, c.parse, None if c.parse is None else {}, c)
            for c in self.cells
        ]
        self.quantity_column = next(c.column for c in self.cells if c.target == "quantity")
        self.width = max(index.values()) + 1

    def _problem(self, line: int, order_id: str | None, source: str, **args: Any) -> LineProblem:
        return LineProblem(line, order_id, text(CTX, source, line=line, file=self.name, **args))

    def read(self, line: int, values: list[str]) -> ReportRow | list[LineProblem]:
        if len(values) < self.width:
            values = values + [""] * (self.width - len(values))
        problems: list[LineProblem] = []
        order_id = values[self.order_id.position].strip()
        if not order_id:
            problems.append(self._problem(line, None, EMPTY, column=self.order_id.column))
        elif not ORDER_ID.match(order_id):
            problems.append(
                self._problem(
                    line,
                    limits.shown(order_id),
                    BAD_ORDER_ID,
                    column=self.order_id.column,
                    value=limits.shown(order_id),
                )
            )
        key = order_id or None
        status: OrderStatus | None = None
        if self.status is not None:
            word = values[self.status.position].strip()
            if not word:
                problems.append(self._problem(line, key, EMPTY, column=self.status.column))
            else:
                status = order_status(word)
                if status is None:
                    problems.append(self._problem(line, key, BAD_STATUS, value=limits.shown(word)))
        parts: tuple[dict[str, Any], ...] = ({}, {}, {}, {})
        for position, slot, target, parse, seen, cell in self.plan:
            raw = values[position].strip()
            if seen is not None:
                value = seen.get(raw)
                if value is not None:
                    parts[slot][target] = value
                    continue
            if not raw:
                if target in REQUIRED:
                    problems.append(self._problem(line, key, EMPTY, column=cell.column))
            elif len(raw) > limits.MAX_CELL:
                problems.append(
                    self._problem(line, key, TOO_LONG, column=cell.column, value=limits.shown(raw))
                )
            elif parse is None or seen is None:
                parts[slot][target] = raw
            else:
                try:
                    value = parse(raw)
                except ValueError:
                    problems.append(
                        self._problem(
                            line, key, cell.problem, column=cell.column, value=limits.shown(raw)
                        )
                    )
                    continue
                if len(seen) >= REMEMBERED:
                    seen.clear()
                seen[raw] = value
                parts[slot][target] = value
        order, contact, item, extra = parts
        item_status = extra.get("item_status")
        if item.get("quantity") == 0 and OrderStatus.CANCELED not in (status, item_status):
            problems.append(self._problem(line, key, ZERO_UNITS, column=self.quantity_column))
        if problems:
            return problems
        return ReportRow(
            line=line,
            order_id=order_id,
            status=status,
            order=order,
            contact=contact,
            item=item,
            quantity_shipped=extra.get("quantity_shipped"),
            buyer_requested_cancel=extra.get("buyer_requested_cancel"),
            buyer_cancel_reason=extra.get("buyer_cancel_reason"),
            item_status=item_status,
        )


class _Remembered(dict[str, Any]):
    """A column's texts → their values: a report repeats its dates, amounts and
    words, so most are parsed once. Bounded: memory stays flat. A text that is
    no value raises ValueError (from the column's parser).
    """

    def __init__(self, parse: Callable[[str], Any]) -> None:
        super().__init__()
        self.parse = parse

    def __missing__(self, raw: str) -> Any:
        value = self.parse(raw)
        if len(self) >= REMEMBERED:
            self.clear()
        self[raw] = value
        return value


QuickRead = Callable[[int, str], "ReportRow | None"]


def _quick_reader(reader: _RowReader) -> QuickRead:
    """A reader of good lines written for this header, straight-line code per cell.

    A report has a hundred thousand lines of some thirty cells: a loop over the
    cells costs more than everything else together. So, like ``dataclasses``
    and ``namedtuple``, the reader's source is written from the header and
    compiled once per file; it holds only positions and SellerDesk's own field
    names, never text from the file. A line it cannot vouch for (a cell too
    long, empty where a value is required, unreadable, zero units, an unknown
    status) gives None and is read by :class:`_RowReader`, which says what is
    wrong; every other line gives the same row from both
    (tests/test_report_reading.py).
    """
    names: dict[str, Any] = {
        "MAX_CELL": limits.MAX_CELL,
        "ORDER_ID": ORDER_ID.match,
        "ReportRow": ReportRow,
        "_Remembered": _Remembered,
        "order_status": order_status,
    }
    code = [
        "def read(line, raw):",
        "    if len(raw) > MAX_CELL:",
        "        return None",
        "    v = raw.split('\\t')",
        f"    if len(v) < {reader.width}:",
        f"        v += [''] * ({reader.width} - len(v))",
        f"    order_id = v[{reader.order_id.position}].strip()",
        "    if not ORDER_ID(order_id):",
        "        return None",
        "    order, contact, item = {}, {}, {}",
        *(f"    {name} = None" for name in EXTRA_FIELDS),
        "    try:",
    ]
    if reader.status is None:
        code.append("        status = None")
    else:
        names["statuses"] = _Remembered(order_status)
        code += [
            f"        status = statuses[v[{reader.status.position}].strip()]",
            "        if status is None:",
            "            return None",
        ]
    slots = {ORDER: "order[{}]", CONTACT: "contact[{}]", ITEM: "item[{}]", EXTRA: "{}"}
    for number, cell in enumerate(reader.cells):
        code += [
            f"        x = v[{cell.position}].strip()",
            "        if x:",
        ]
        if cell.parse is None:
            value = "x"
        elif cell.parse is _timestamp:
            names["moments"] = names.get("moments") or _Moments()  # one for all date columns
            value = "moments[x]"
        else:
            names[f"parse{number}"] = _Remembered(cell.parse)
            value = f"parse{number}[x]"
        target = cell.target if cell.slot == EXTRA else repr(cell.target)
        code.append(f"            {slots[cell.slot].format(target)} = {value}")
        if cell.target in REQUIRED:
            code += ["        else:", "            return None"]
    code += [
        "    except ValueError:",
        "        return None",
        "    if item['quantity'] == 0:",
        "        return None",
        "    return ReportRow(line, order_id, status, order, contact, item,",
        f"        {', '.join(EXTRA_FIELDS)})",
    ]
    exec(compile("\n".join(code), "<report line reader>", "exec"), names)
    read: QuickRead = names["read"]
    return read


def _lines_of(content: str) -> Iterator[tuple[int, str]]:
    """Numbered lines of a text; any line end (\\r\\n, \\r, \\n) ends a line."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return enumerate(_unquoted(lines) if '"' in content else lines, start=1)


def _unquoted(lines: list[str]) -> list[str]:
    """The lines with the cells a spreadsheet wrapped in double quotes unwrapped."""
    return [unquote_cells(line) if '"' in line else line for line in lines]


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive report lines, whole orders: the rows read, the problems found."""

    rows: list[ReportRow]
    problems: list[LineProblem]
    lines: int  # the file's lines read so far after the header (progress)


@dataclass(frozen=True, slots=True)
class Lines:
    """A chunk's lines before they are read: (line number, text), blank lines left out."""

    numbered: list[tuple[int, str]]
    lines: int  # the file's lines read so far after the header (progress)


class ReportStream:
    """A report read line by line: its layout from the header, then its rows in chunks."""

    def __init__(self, name: str, lines: Iterator[tuple[int, str]]) -> None:
        self.name = name
        self._lines = lines
        header: str | None = None
        self.header_line = 0
        for number, raw in lines:
            if raw.strip():
                header, self.header_line = raw, number
                break
        if header is None:
            raise BadInput(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP("Import", "{file} is empty: there is nothing to import."),
                    file=name,
                )
            )
        index: dict[str, int] = {}
        for position, cell in enumerate(header.split("\t")):
            index.setdefault(normalise_header(cell), position)
        self.layout = detect_layout(set(index))
        missing = _missing_columns(index, self.layout)
        if missing:
            raise BadInput(
                plural(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "{file} lacks %n required column(s): {columns}; nothing was imported.",
                    ),
                    len(missing),
                    file=name,
                    columns=", ".join(missing),
                )
            )
        self._reader = _RowReader(name, index)
        self._quick = _quick_reader(self._reader)

    def chunks(self, size: int) -> Iterator[Chunk]:
        """The rest of the report, ``size`` lines or a little more at a time.

        A chunk ends where an order's lines end, so an order listed on
        consecutive lines (as the marketplace writes them) is read in one chunk.
        """
        for lines in self.lines(size):
            rows, problems = self.read(lines.numbered)
            yield Chunk(rows, problems, lines.lines)

    def lines(self, size: int) -> Iterator[Lines]:
        """The chunks of :meth:`chunks` before they are read, so that a reader may
        leave some lines unread (see :meth:`read`).

        A chunk ends before the first good line, once it holds ``size`` lines,
        whose order is not the last good line's: the lines there are read to
        know, the others are not.
        """
        read = self._read_line
        numbered: list[tuple[int, str]] = []
        last: str | None = None  # the order of the last good line before numbered[known:]
        known = 0
        number = self.header_line
        for number, raw in self._lines:
            if not raw.strip():
                continue  # blank lines are ignored
            if len(numbered) >= size:
                for earlier in reversed(numbered[known:]):
                    found = read(*earlier)
                    if isinstance(found, ReportRow):
                        last = found.order_id
                        break
                row = read(number, raw)
                if isinstance(row, ReportRow):
                    if row.order_id != last:
                        yield Lines(numbered, number - 1 - self.header_line)
                        numbered = []
                    last = row.order_id
                known = len(numbered) + 1
            numbered.append((number, raw))
        yield Lines(numbered, number - self.header_line)

    def read(self, numbered: list[tuple[int, str]]) -> tuple[list[ReportRow], list[LineProblem]]:
        """These lines' rows, and the problems of the lines that are not good.

        Python's cycle collector is paused meanwhile: a chunk's rows and their
        dicts form no cycles, but each line makes several of them, and the
        collector would walk the chunk's rows again and again as they are made
        (a quarter of reading). It runs as usual once the chunk is read.
        """
        quick = self._quick
        careful = self._reader.read
        rows: list[ReportRow] = []
        problems: list[LineProblem] = []
        with collector_paused():
            for number, raw in numbered:
                row = quick(number, raw)
                if row is None:
                    result = careful(number, raw.split("\t"))
                    if not isinstance(result, ReportRow):
                        problems.extend(result)
                        continue
                    row = result
                rows.append(row)
        return rows, problems

    def _read_line(self, number: int, raw: str) -> ReportRow | list[LineProblem]:
        row = self._quick(number, raw)
        return self._reader.read(number, raw.split("\t")) if row is None else row

    def order_id(self, raw: str) -> str:
        """The order id a line's row (if it is good) has, without reading the line."""
        position = self._reader.order_id.position
        cells = raw.split("\t", position + 1)
        return cells[position].strip() if len(cells) > position else ""

    def order_ids(self, raws: list[str]) -> list[str]:
        """:meth:`order_id` of each of these lines, in one pass."""
        position = self._reader.order_id.position
        if position == 0:  # as the marketplace writes its reports
            return [raw.partition("\t")[0].strip() for raw in raws]
        order_id = self.order_id
        return [order_id(raw) for raw in raws]

    def whole(self) -> Report:
        """The rest of the report at once (a small file, or tests)."""
        rows: list[ReportRow] = []
        problems: list[LineProblem] = []
        for chunk in self.chunks(sys.maxsize):
            rows.extend(chunk.rows)
            problems.extend(chunk.problems)
        return Report(name=self.name, layout=self.layout, rows=rows, problems=problems)


def parse_report(data: bytes, name: str) -> Report:
    """Read one report file's bytes; ``name`` is how messages call the file."""
    return ReportStream(name, _lines_of(decode(data, name))).whole()


@dataclass(frozen=True)
class Source:
    """A report file found readable: its text encoding and how many lines follow its header."""

    path: Path
    encoding: str
    lines: int

    @property
    def name(self) -> str:
        return self.path.name


def check_file(path: Path) -> Source:
    """Check a report file before it is read as a stream; an unreadable one is BadInput.

    The whole file is checked once, a block at a time (memory stays flat
    whatever its size): binary data is refused before anything is imported,
    and the encoding chosen holds for every line (UTF-8 by decoding it,
    Windows-1252 by looking for the bytes it leaves undefined).
    """
    if not path.exists() and not path.is_symlink():
        raise BadInput(
            text(CTX, QT_TRANSLATE_NOOP("Import", "There is no file {file}."), file=str(path))
        )
    with files.open_input(path) as handle:
        for encoding in ENCODINGS:
            handle.seek(0)
            decoder = (
                _Windows1252Check()
                if encoding == "cp1252"
                else codecs.getincrementaldecoder(encoding)()
            )
            try:
                lines = _scan(handle, decoder, path.name)
            except UnicodeDecodeError:
                continue
            return Source(path, encoding, max(0, lines - 1))
    raise _not_text(path.name)


class _Windows1252Check:
    """Decodes nothing, but refuses what Python's Windows-1252 decoder refuses.

    That decoder fails on exactly five bytes, which the code page leaves undefined.
    Looking for them takes a few milliseconds for a 40 MB report; decoding it
    only to check it took seventy (the reading decodes it again anyway), which made
    re-importing a European report ~8 % slower than a UTF-8 one.
    """

    UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")

    def decode(self, block: bytes, final: bool = False) -> str:
        for byte in self.UNDEFINED:
            where = block.find(byte)
            if where >= 0:
                raise UnicodeDecodeError(
                    "cp1252", block, where, where + 1, "character maps to <undefined>"
                )
        return ""


def _scan(
    handle: BinaryIO, decoder: codecs.IncrementalDecoder | _Windows1252Check, name: str
) -> int:
    """Decode (or check) the file to its end; the number of lines (any line end)."""
    lines = 0
    last = b""
    while block := handle.read(BLOCK):
        if b"\x00" in block:
            raise _not_text(name)
        decoder.decode(block)
        # A \r\n split between two blocks is one line end, not two.
        returns = block.count(b"\r")
        lines += block.count(b"\n") + returns - (block.count(b"\r\n") if returns else 0)
        if last == b"\r" and block[:1] == b"\n":
            lines -= 1
        last = block[-1:]
    decoder.decode(b"", final=True)
    return lines + (1 if last not in (b"", b"\n", b"\r") else 0)


Tap = Callable[[Iterator[tuple[int, str]]], Iterator[tuple[int, str]]]


@contextmanager
def open_report(source: Source, tap: Tap | None = None) -> Iterator[ReportStream]:
    """The report in a checked file, read as a stream (see :func:`check_file`).

    ``tap``: sees the numbered lines (the header too) on their way to the reading.
    """
    with (
        files.open_input(source.path) as handle,
        io.TextIOWrapper(handle, encoding=source.encoding, newline=None) as content,
    ):
        lines = _file_lines(content, source.name)
        yield ReportStream(source.name, lines if tap is None else tap(lines))


def _file_lines(content: io.TextIOWrapper, name: str) -> Iterator[tuple[int, str]]:
    """Numbered lines of a text file, read a block at a time (line ends already \\n)."""
    lines: Iterator[str] = _blocks_of_lines(content, name)
    return enumerate(lines, start=1)


def _blocks_of_lines(content: io.TextIOWrapper, name: str) -> Iterator[str]:
    rest = ""
    read = 0  # lines given so far
    while block := content.read(TEXT_BLOCK):
        joined = rest + block
        lines = joined.split("\n")
        rest = lines.pop()
        if '"' in joined:  # a spreadsheet saved it
            lines = _unquoted(lines)
        if len(rest) > MAX_LINE or (lines and max(map(len, lines)) > MAX_LINE):
            good = next((n for n, line in enumerate(lines) if len(line) > MAX_LINE), len(lines))
            yield from lines[:good]
            raise _too_long(name, read + good + 1)
        read += len(lines)
        yield from lines
    if rest:
        yield from _unquoted([rest])


def _too_long(name: str, line: int) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Import",
                "{file} is not a report: line {line} is longer than a million "
                "characters; nothing was imported.",
            ),
            file=name,
            line=line,
        )
    )


def read_report(path: Path) -> Report:
    """Read a report file from disk at once; an unreadable file is BadInput."""
    with open_report(check_file(path)) as stream:
        return stream.whole()
