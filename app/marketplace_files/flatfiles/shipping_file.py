"""The shipping confirmation file (FORMATS.md §4).

One row per shipped item with its quantity, the ship date as ``yyyy-mm-dd``,
a marketplace carrier code, or ``Other`` with the carrier's name. A shipment
of every open item of an order may be one row with the order id alone, item
id and quantity blank (FORMATS.md §4, updated).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.marketplace_files.flatfiles.tsv import read_table, write_table

ORDER_ID = "order-id"
ORDER_ITEM_ID = "order-item-id"
QUANTITY = "quantity"
SHIP_DATE = "ship-date"
CARRIER_CODE = "carrier-code"
CARRIER_NAME = "carrier-name"
TRACKING_NUMBER = "tracking-number"
SHIP_METHOD = "ship-method"
COLUMNS = (
    ORDER_ID,
    ORDER_ITEM_ID,
    QUANTITY,
    SHIP_DATE,
    CARRIER_CODE,
    CARRIER_NAME,
    TRACKING_NUMBER,
    SHIP_METHOD,
)


# Not frozen: a frozen dataclass costs 7 µs per row, most of a 10,000-row export.
@dataclass(slots=True)
class ShippingRow:
    order_id: str
    order_item_id: str  # blank on an order-level row
    quantity: int | None  # None on an order-level row
    ship_date: date
    carrier_code: str
    carrier_name: str = ""
    tracking_number: str = ""
    ship_method: str = ""


def table_of(rows: Sequence[ShippingRow]) -> tuple[list[str], list[list[str]]]:
    return list(COLUMNS), [
        [
            row.order_id,
            row.order_item_id,
            "" if row.quantity is None else str(row.quantity),
            row.ship_date.isoformat(),
            row.carrier_code,
            row.carrier_name,
            row.tracking_number,
            row.ship_method,
        ]
        for row in rows
    ]


def encode(columns: Sequence[str], cells: Iterable[Sequence[str]]) -> bytes:
    """The file's bytes from :func:`table_of`'s columns and cells."""
    return write_table(columns, cells)


def write_shipping_file(rows: Sequence[ShippingRow]) -> bytes:
    return encode(*table_of(rows))


def read_shipping_file(data: bytes) -> list[ShippingRow]:
    table = read_table(data, required=(ORDER_ID, SHIP_DATE))
    return [
        ShippingRow(
            order_id=row.get(ORDER_ID),
            order_item_id=row.get(ORDER_ITEM_ID),
            quantity=int(row.get(QUANTITY)) if row.get(QUANTITY) else None,
            ship_date=date.fromisoformat(row.get(SHIP_DATE)),
            carrier_code=row.get(CARRIER_CODE),
            carrier_name=row.get(CARRIER_NAME),
            tracking_number=row.get(TRACKING_NUMBER),
            ship_method=row.get(SHIP_METHOD),
        )
        for row in table.rows
    ]
