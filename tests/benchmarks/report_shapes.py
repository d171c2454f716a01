"""The same order report written in the shapes real Seller Central files come in.

Issue 13's figures are to hold on files the benchmark did not write itself
(FORMATS.md §1, reading rules and "(updated)" lines): a shape is one way of
writing the same orders, so a benchmark run on each compares the reading paths,
not the data. Each shape says how its bare baseline opens the file (its
``encoding``; ``csv`` handles either line end) so that baseline stays fair.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from zlib import crc32

Cells = dict[str, str]  # one report line: the orders report's column → its cell


@dataclass(frozen=True)
class Shape:
    name: str
    about: str
    encoding: str  # written in, and read back by the bare load ("utf-8-sig": with a BOM)
    newline: str
    header: list[str]  # the header as written
    line: Callable[[Cells], list[str]]  # a line's cells, in the header's order
    # Lines sorted by this column, as a spreadsheet's sort leaves them: an order's lines
    # are then apart in the file (None: an order's lines together, as the marketplace writes).
    sorted_by: str | None = None


# 33-column real headers and the 2009 US order report add these (FORMATS.md §1, updated).
UNKNOWN_COLUMNS = {
    "url": "https://sellercentral.amazon.fr/orders-v3/order/{order}",
    "is-sold-by-ab": "false",
    "cpf": "",
    "number-of-items": "1",
    "ship-service-name": "Standard",
    "customized-url": "",
    "customized-page": "",
    "verge-of-cancellation": "false",
    "verge-of-lateShipment": "false",
    "signature-confirmation-recommended": "false",
    "buyer-identification-number": "",
    "buyer-identification-type": "",
    "ship-phone-number": "+33 6 11 45 28 20",
    "delivery-start-date": "",
    "delivery-end-date": "",
    "delivery-time-zone": "Europe/Paris",
    "delivery-Instructions": "Sonner deux fois, 2e étage",
}
ALL_ORDERS_HEADER = [
    "amazon-order-id",
    "merchant-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "sales-channel",
    "order-channel",
    "ship-service-level",
    "product-name",
    "sku",
    "asin",
    "item-status",
    "quantity",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "gift-wrap-price",
    "gift-wrap-tax",
    "item-promotion-discount",
    "ship-promotion-discount",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "promotion-ids",
    "cpf",
    "is-business-order",
    "purchase-order-number",
    "price-designation",
]
# The EU order report's spellings of three columns (FORMATS.md §1, updated).
EU_NAMES = {
    "product-name": "item-name",
    "item-price": "item price",
    "quantity-purchased": "quantity",
}


def _share(order_id: str) -> int:
    """0–99, fixed for an order: which status or channel it gets, the same in every run."""
    return crc32(order_id.encode()) % 100


def _all_orders_line(cells: Cells, channels: bool) -> list[str]:
    order_id = cells["order-id"]
    share = _share(order_id)
    status = "Unshipped" if share < 70 else "Shipped" if share < 88 else "Pending"
    if share >= 96:
        status = "Cancelled"
    channel = "Merchant"
    item_status = status
    if channels and share % 3 == 0:  # a third fulfilled by the marketplace
        channel = "Amazon" if share % 2 else "AFN"
        if status == "Shipped":
            status = "Shipped - Delivered to Buyer"
        item_status = "Shipping" if status == "Unshipped" else item_status
    elif channels and share % 3 == 1:
        channel = "MFN"
    named = {
        "amazon-order-id": order_id,
        "merchant-order-id": "",
        "last-updated-date": cells["payments-date"],
        "order-status": status,
        "fulfillment-channel": channel,
        "order-channel": "",
        "asin": f"B0{crc32(cells['sku'].encode()):08X}",
        "item-status": item_status,
        "quantity": cells["quantity-purchased"],
        "gift-wrap-price": "",
        "gift-wrap-tax": "",
        "item-promotion-discount": "0.00",
        "ship-promotion-discount": "",
        "promotion-ids": "",
        "cpf": "",
    }
    return [named[name] if name in named else cells[name] for name in ALL_ORDERS_HEADER]


def _spreadsheet_cell(cell: str) -> str:
    # A spreadsheet saving tab-separated text wraps a cell holding a comma or a quote.
    if "," in cell or '"' in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def shapes(columns: list[str]) -> dict[str, Shape]:
    """Every shape of a report whose lines have ``columns`` (the orders report's)."""

    def plain(cells: Cells) -> list[str]:
        return [cells[name] for name in columns]

    wide = [*columns, *UNKNOWN_COLUMNS]
    random.Random(13).shuffle(wide)
    if wide[0] == "order-id":
        wide.append(wide.pop(0))
    # Header names in any case: upper, title and lower in turns.
    cased = [(str.upper, str.title, str.lower)[n % 3](name) for n, name in enumerate(wide)]

    def shuffled(cells: Cells) -> list[str]:
        order = cells["order-id"]
        return [
            cells[name] if name in cells else UNKNOWN_COLUMNS[name].format(order=order)
            for name in wide
        ]

    blanks = ("buyer-phone-number", "ship-state", "item-tax", "shipping-tax", "days-past-promise")

    def spreadsheet(cells: Cells) -> list[str]:
        return ["" if name in blanks else _spreadsheet_cell(cells[name]) for name in columns]

    return {
        shape.name: shape
        for shape in (
            Shape("us", "US headers, UTF-8, LF, our column order", "utf-8", "\n", columns, plain),
            Shape("crlf-bom", "UTF-8 with a BOM, CRLF", "utf-8-sig", "\r\n", columns, plain),
            Shape(
                "eu-cp1252",
                "Windows-1252, CRLF, EU spellings (item-name, item price, quantity)",
                "cp1252",
                "\r\n",
                [EU_NAMES.get(name, name) for name in columns],
                plain,
            ),
            Shape(
                "shuffled-wide",
                f"{len(wide)} columns in another order ({len(UNKNOWN_COLUMNS)} unknown), any case",
                "utf-8",
                "\n",
                cased,
                shuffled,
            ),
            Shape(
                "all-orders",
                "the all-orders report, statuses mixed, seller-fulfilled",
                "utf-8",
                "\n",
                ALL_ORDERS_HEADER,
                lambda cells: _all_orders_line(cells, channels=False),
            ),
            Shape(
                "afn-mixed",
                "the all-orders report, a third fulfilled by the marketplace (Amazon/AFN)",
                "utf-8",
                "\n",
                ALL_ORDERS_HEADER,
                lambda cells: _all_orders_line(cells, channels=True),
            ),
            Shape(
                "sorted-by-sku",
                "sorted by SKU in a spreadsheet: an order's lines are apart",
                "utf-8",
                "\n",
                columns,
                plain,
                sorted_by="sku",
            ),
            Shape(
                "spreadsheet",
                "saved by a spreadsheet: quoted cells (commas), empty optional cells, CRLF",
                "utf-8",
                "\r\n",
                columns,
                spreadsheet,
            ),
        )
    }


def write(
    path: str, shape: Shape, lines: Callable[[], Iterable[list[str]]], columns: list[str]
) -> set[str]:
    """Write the ``lines()`` (cells in ``columns``' order) in ``shape``; their order ids.

    A sorted shape reads the lines once per value of its column, so that neither
    the file nor this process's memory (which a benchmark's child counts) holds them all.
    """
    orders: set[str] = set()
    values: list[str | None] = [None]
    if shape.sorted_by is not None:
        position = columns.index(shape.sorted_by)
        values = sorted({cells[position] for cells in lines()})
    with open(path, "w", encoding=shape.encoding, newline=shape.newline) as handle:
        handle.write("\t".join(shape.header) + "\n")
        for value in values:
            for found in lines():
                cells = dict(zip(columns, found, strict=True))
                if value is not None and cells[str(shape.sorted_by)] != value:
                    continue
                orders.add(cells["order-id"])
                handle.write("\t".join(shape.line(cells)) + "\n")
    return orders
