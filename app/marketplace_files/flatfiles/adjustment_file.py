"""The order adjustment file (FORMATS.md §3): refunds and partial cancellations.

Amounts are line totals, positive when refunded to the buyer, written with a
dot and two decimals. The promotion columns are left out entirely unless a row
uses them (the feed fails on empty ones). Every other column is required, so
``quantity-cancelled`` is always written, ``0`` on rows that cancel nothing
(DESIGN.md §8, updated).
Gift wrap is not tracked by SellerDesk: its two required columns carry 0.00.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.marketplace_files.flatfiles.tsv import amount, read_table, write_table
from app.money import ZERO, parse_amount

ORDER_ID = "order-id"
ORDER_ITEM_ID = "order-item-id"
REASON = "adjustment-reason-code"
CURRENCY = "currency"
ITEM_PRICE = "item-price-adj"
ITEM_TAX = "item-tax-adj"
SHIPPING_PRICE = "shipping-price-adj"
SHIPPING_TAX = "shipping-tax-adj"
GIFT_WRAP_PRICE = "gift-wrap-price-adj"
GIFT_WRAP_TAX = "gift-wrap-tax-adj"
ITEM_PROMOTION = "item-promotion-adj"
ITEM_PROMOTION_ID = "item-promotion-id"
SHIP_PROMOTION = "ship-promotion-adj"
SHIP_PROMOTION_ID = "ship-promotion-id"
QUANTITY_CANCELLED = "quantity-cancelled"

ALL_COLUMNS = (
    ORDER_ID,
    ORDER_ITEM_ID,
    REASON,
    CURRENCY,
    ITEM_PRICE,
    ITEM_TAX,
    SHIPPING_PRICE,
    SHIPPING_TAX,
    GIFT_WRAP_PRICE,
    GIFT_WRAP_TAX,
    ITEM_PROMOTION,
    ITEM_PROMOTION_ID,
    SHIP_PROMOTION,
    SHIP_PROMOTION_ID,
    QUANTITY_CANCELLED,
)
REQUIRED = ALL_COLUMNS[:10]  # what a file read back must have (older files lack the quantity)


# Not frozen: a frozen dataclass costs 7 µs per row, most of a 10,000-row export.
@dataclass(slots=True)
class AdjustmentRow:
    """One item of one refund or partial cancellation; amounts positive = refunded."""

    order_id: str
    order_item_id: str
    reason: str
    currency: str
    item_price: Decimal = ZERO
    item_tax: Decimal = ZERO
    shipping_price: Decimal = ZERO
    shipping_tax: Decimal = ZERO
    gift_wrap_price: Decimal = ZERO
    gift_wrap_tax: Decimal = ZERO
    item_promotion: Decimal | None = None
    item_promotion_id: str | None = None
    ship_promotion: Decimal | None = None
    ship_promotion_id: str | None = None
    quantity_cancelled: int | None = None

    @property
    def net(self) -> Decimal:
        """What the buyer gets back on this row (promotions are negative adjustments)."""
        return (
            self.item_price
            + self.item_tax
            + self.shipping_price
            + self.shipping_tax
            + self.gift_wrap_price
            + self.gift_wrap_tax
            + (self.item_promotion or ZERO)
            + (self.ship_promotion or ZERO)
        )


def columns_for(rows: Sequence[AdjustmentRow]) -> list[str]:
    """Every required column (quantity-cancelled too), promotion ones only when a row uses them."""
    columns = list(REQUIRED)
    if any(row.item_promotion is not None or row.item_promotion_id for row in rows):
        columns += [ITEM_PROMOTION, ITEM_PROMOTION_ID]
    if any(row.ship_promotion is not None or row.ship_promotion_id for row in rows):
        columns += [SHIP_PROMOTION, SHIP_PROMOTION_ID]
    columns.append(QUANTITY_CANCELLED)
    return columns


CELLS: dict[str, Callable[[AdjustmentRow], str]] = {
    ORDER_ID: lambda row: row.order_id,
    ORDER_ITEM_ID: lambda row: row.order_item_id,
    REASON: lambda row: row.reason,
    CURRENCY: lambda row: row.currency,
    ITEM_PRICE: lambda row: amount(row.item_price),
    ITEM_TAX: lambda row: amount(row.item_tax),
    SHIPPING_PRICE: lambda row: amount(row.shipping_price),
    SHIPPING_TAX: lambda row: amount(row.shipping_tax),
    GIFT_WRAP_PRICE: lambda row: amount(row.gift_wrap_price),
    GIFT_WRAP_TAX: lambda row: amount(row.gift_wrap_tax),
    ITEM_PROMOTION: lambda row: amount(row.item_promotion),
    ITEM_PROMOTION_ID: lambda row: row.item_promotion_id or "",
    SHIP_PROMOTION: lambda row: amount(row.ship_promotion),
    SHIP_PROMOTION_ID: lambda row: row.ship_promotion_id or "",
    QUANTITY_CANCELLED: lambda row: str(row.quantity_cancelled or 0),
}


def table_of(rows: Sequence[AdjustmentRow]) -> tuple[list[str], list[list[str]]]:
    """The columns and cells exactly as they will be written."""
    columns = columns_for(rows)
    cells = [CELLS[name] for name in columns]
    return columns, [[cell(row) for cell in cells] for row in rows]


def encode(columns: Sequence[str], cells: Iterable[Sequence[str]]) -> bytes:
    """The file's bytes from :func:`table_of`'s columns and cells."""
    return write_table(columns, cells)


def write_adjustment_file(rows: Sequence[AdjustmentRow]) -> bytes:
    return encode(*table_of(rows))


def read_adjustment_file(data: bytes) -> list[AdjustmentRow]:
    """Read an adjustment file back (round-trip checks and re-reading an export)."""
    table = read_table(data, required=REQUIRED)

    def money(cells: dict[str, str], name: str) -> Decimal | None:
        raw = cells.get(name, "").strip()
        return parse_amount(raw) if raw else None

    def promotion(cells: dict[str, str], name: str, id_name: str) -> Decimal | None:
        # A row without a promotion in a file where another row has one reads 0.00 and no id.
        value = money(cells, name)
        return value if value or cells.get(id_name, "").strip() else None

    rows = []
    for row in table.rows:
        cells = row.cells
        quantity = row.get(QUANTITY_CANCELLED)
        rows.append(
            AdjustmentRow(
                order_id=row.get(ORDER_ID),
                order_item_id=row.get(ORDER_ITEM_ID),
                reason=row.get(REASON),
                currency=row.get(CURRENCY),
                item_price=money(cells, ITEM_PRICE) or ZERO,
                item_tax=money(cells, ITEM_TAX) or ZERO,
                shipping_price=money(cells, SHIPPING_PRICE) or ZERO,
                shipping_tax=money(cells, SHIPPING_TAX) or ZERO,
                gift_wrap_price=money(cells, GIFT_WRAP_PRICE) or ZERO,
                gift_wrap_tax=money(cells, GIFT_WRAP_TAX) or ZERO,
                item_promotion=promotion(cells, ITEM_PROMOTION, ITEM_PROMOTION_ID),
                item_promotion_id=row.get(ITEM_PROMOTION_ID) or None,
                ship_promotion=promotion(cells, SHIP_PROMOTION, SHIP_PROMOTION_ID),
                ship_promotion_id=row.get(SHIP_PROMOTION_ID) or None,
                quantity_cancelled=int(quantity) if quantity and quantity != "0" else None,
            )
        )
    return rows
