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

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.clock import parse_timestamp
from app.errors import BadInput
from app.models import OrderStatus
from app.money import parse_amount
from app.orders import ORDER_ID
from app.text import QT_TRANSLATE_NOOP, Text, text

CTX = "Import"


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

TRUE_WORDS = frozenset({"true", "yes", "y", "1"})
FALSE_WORDS = frozenset({"false", "no", "n", "0"})

# Buyer contact and address: never stored for a Pending order (S9).
CONTACT_FIELDS = (
    "buyer_name",
    "buyer_email",
    "buyer_phone",
    "recipient_name",
    "ship_address_1",
    "ship_address_2",
    "ship_address_3",
    "ship_city",
    "ship_state",
    "ship_postal_code",
    "ship_country",
)

ORDER_ID_COLUMNS = ("order-id", "amazon-order-id")
QUANTITY_COLUMNS = ("quantity-purchased", "quantity")
BUYER_CANCEL_COLUMNS = ("is-buyer-requested-cancellation", "is-buyer-requested-cancelation")


def _string(raw: str) -> str:
    return raw


def _timestamp(raw: str) -> Any:
    return parse_timestamp(raw)


def _boolean(raw: str) -> bool:
    word = raw.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(raw)


def _units(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError(raw)
    return value


@dataclass(frozen=True)
class Kind:
    """How a cell is parsed and what a seller is told when it cannot be."""

    parse: Callable[[str], Any]
    problem: str


STRING = Kind(_string, "")
DATE = Kind(
    _timestamp, QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not a date')
)
AMOUNT = Kind(
    parse_amount, QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not an amount')
)
UNITS = Kind(
    _units,
    QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not a whole number of units'),
)
BOOLEAN = Kind(
    _boolean, QT_TRANSLATE_NOOP("Import", 'line {line}: {column} "{value}" is not true or false')
)


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
    Column(("product-name",), "title"),
    Column(("asin",), "asin"),
    Column(QUANTITY_COLUMNS, "quantity", UNITS),
    Column(("item-price",), "item_price", AMOUNT),
    Column(("item-tax",), "item_tax", AMOUNT),
    Column(("shipping-price",), "shipping_price", AMOUNT),
    Column(("shipping-tax",), "shipping_tax", AMOUNT),
    Column(("item-promotion-discount",), "item_promotion_discount", AMOUNT),
    Column(("ship-promotion-discount",), "ship_promotion_discount", AMOUNT),
    Column(("promotion-ids",), "promotion_ids"),
)
QUANTITY_SHIPPED = Column(("quantity-shipped",), "quantity_shipped", UNITS)
BUYER_CANCEL = Column(BUYER_CANCEL_COLUMNS, "buyer_requested_cancel", BOOLEAN)
BUYER_CANCEL_REASON = Column(("buyer-requested-cancel-reason",), "buyer_cancel_reason")


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True)
class _Cell:
    position: int
    column: str  # the name a seller sees in messages
    target: str
    kind: Kind


def _cells(index: dict[str, int], columns: tuple[Column, ...]) -> list[_Cell]:
    found = []
    for column in columns:
        position = _position(index, column.names)
        if position is not None:
            name = next(name for name in column.names if name in index)
            found.append(_Cell(position, name, column.target, column.kind))
    return found


def _cell(index: dict[str, int], column: Column) -> _Cell | None:
    cells = _cells(index, (column,))
    return cells[0] if cells else None


class _RowReader:
    """Turns the cells of one line into a ReportRow or a list of problems."""

    def __init__(self, name: str, index: dict[str, int], layout: Layout) -> None:
        self.name = name
        self.layout = layout
        self.order_id = _cell(index, Column(ORDER_ID_COLUMNS, "order_id"))
        self.status = _cell(index, Column(("order-status",), "status"))
        self.order = _cells(index, ORDER_COLUMNS)
        self.contact = _cells(index, CONTACT_COLUMNS)
        self.item = _cells(index, ITEM_COLUMNS)
        self.quantity_shipped = _cell(index, QUANTITY_SHIPPED)
        self.buyer_cancel = _cell(index, BUYER_CANCEL)
        self.buyer_cancel_reason = _cell(index, BUYER_CANCEL_REASON)
        self.required = {"purchase_date", "sku", "quantity"}

    def _problem(self, line: int, order_id: str | None, source: str, **args: Any) -> LineProblem:
        return LineProblem(line, order_id, text(CTX, source, line=line, file=self.name, **args))

    def _fill(
        self,
        cells: list[_Cell],
        values: list[str],
        line: int,
        order_id: str | None,
        into: dict[str, Any],
        problems: list[LineProblem],
    ) -> None:
        width = len(values)
        for cell in cells:
            raw = values[cell.position].strip() if cell.position < width else ""
            if not raw:
                if cell.target in self.required:
                    problems.append(self._empty(line, order_id, cell.column))
                continue
            try:
                into[cell.target] = cell.kind.parse(raw)
            except ValueError:
                problems.append(
                    self._problem(line, order_id, cell.kind.problem, column=cell.column, value=raw)
                )

    def _empty(self, line: int, order_id: str | None, column: str) -> LineProblem:
        return self._problem(
            line,
            order_id,
            QT_TRANSLATE_NOOP("Import", "line {line}: {column} is empty"),
            column=column,
        )

    def _raw(self, cell: _Cell | None, values: list[str]) -> str:
        if cell is None or cell.position >= len(values):
            return ""
        return values[cell.position].strip()

    def read(self, line: int, values: list[str]) -> ReportRow | list[LineProblem]:
        problems: list[LineProblem] = []
        assert self.order_id is not None
        order_id = self._raw(self.order_id, values)
        if not order_id:
            problems.append(self._empty(line, None, self.order_id.column))
        elif not ORDER_ID.match(order_id):
            problems.append(
                self._problem(
                    line,
                    order_id,
                    QT_TRANSLATE_NOOP(
                        "Import",
                        'line {line}: {column} "{value}" is not an order id '
                        "(it looks like 123-1234567-1234567)",
                    ),
                    column=self.order_id.column,
                    value=order_id,
                )
            )
        key = order_id or None
        status: OrderStatus | None = None
        if self.status is not None:
            word = self._raw(self.status, values)
            if not word:
                problems.append(self._empty(line, key, self.status.column))
            else:
                status = STATUS_WORDS.get(word.lower())
                if status is None:
                    problems.append(
                        self._problem(
                            line,
                            key,
                            QT_TRANSLATE_NOOP(
                                "Import",
                                'line {line}: order-status "{value}" is not a status '
                                "SellerDesk knows",
                            ),
                            value=word,
                        )
                    )
        order: dict[str, Any] = {}
        contact: dict[str, Any] = {}
        item: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        self._fill(self.order, values, line, key, order, problems)
        self._fill(self.contact, values, line, key, contact, problems)
        self._fill(self.item, values, line, key, item, problems)
        singles = [
            cell
            for cell in (self.quantity_shipped, self.buyer_cancel, self.buyer_cancel_reason)
            if cell is not None
        ]
        self._fill(singles, values, line, key, extra, problems)
        if item.get("quantity") == 0 and status is not OrderStatus.CANCELED:
            quantity = next(cell for cell in self.item if cell.target == "quantity")
            problems.append(
                self._problem(
                    line,
                    key,
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "line {line}: {column} is 0, but only a cancelled item has no units",
                    ),
                    column=quantity.column,
                )
            )
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
        )


def parse_report(data: bytes, name: str) -> Report:
    """Read one report file's bytes; ``name`` is how messages call the file."""
    content = decode(data, name)
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header_at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_at is None:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Import", "{file} is empty: there is nothing to import."),
                file=name,
            )
        )
    index: dict[str, int] = {}
    for position, header in enumerate(lines[header_at].split("\t")):
        index.setdefault(normalise_header(header), position)
    layout = detect_layout(set(index))
    missing = _missing_columns(index, layout)
    if missing:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Import",
                    "{file} lacks the required column(s) {columns}; nothing was imported.",
                ),
                file=name,
                columns=", ".join(missing),
            )
        )
    reader = _RowReader(name, index, layout)
    rows: list[ReportRow] = []
    problems: list[LineProblem] = []
    for number in range(header_at + 1, len(lines)):
        raw = lines[number]
        if not raw.strip():
            continue  # blank lines are ignored
        result = reader.read(number + 1, raw.split("\t"))
        if isinstance(result, ReportRow):
            rows.append(result)
        else:
            problems.extend(result)
    return Report(name=name, layout=layout, rows=rows, problems=problems)


def read_report(path: Path) -> Report:
    """Read a report file from disk; an unreadable file is BadInput."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(
            text(CTX, QT_TRANSLATE_NOOP("Import", "There is no file {file}."), file=str(path))
        ) from None
    except OSError as error:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Import", "{file} cannot be read ({detail})."),
                file=str(path),
                detail=error.strerror or str(error),
            )
        ) from None
    return parse_report(data, path.name)
