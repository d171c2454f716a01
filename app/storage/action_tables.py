"""An order's items and what was done to them (shipments, cancellations, returns,
refunds) as Core tables, declared once: ``app.storage.models`` maps its classes onto
these very tables.

The health report reads only their columns: declared here, ``health --json`` runs
without importing SQLAlchemy's ORM and the mapped classes (half a second of a
one-second command), as ``app.storage.order_table`` lets the order list do.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    Integer,
    SQLColumnExpression,
    String,
    Table,
    Text,
    UniqueConstraint,
    case,
    false,
)

from app.storage.order_table import (
    Initiator,
    Money,
    ReturnStatus,
    UTCDateTime,
    _flag,
    _text,
    enum_type,
    metadata,
)


def _id() -> Column[int]:
    return Column("id", Integer(), primary_key=True)


def _of(name: str, target: str, **options: object) -> Column[int]:
    """A required link to another table's row, gone with it."""
    link = ForeignKey(target, ondelete="CASCADE")
    return Column(name, Integer(), link, nullable=False, **options)  # type: ignore[arg-type]


def _count(name: str, **options: object) -> Column[int]:
    return Column(name, Integer(), nullable=False, **options)  # type: ignore[arg-type]


def _money(name: str, nullable: bool = True) -> Column[object]:
    return Column(name, Money(), nullable=nullable)


def _moment(name: str, nullable: bool = False, **options: object) -> Column[object]:
    return Column(name, UTCDateTime(), nullable=nullable, **options)  # type: ignore[arg-type]


def _batch() -> Column[int]:
    return Column("export_batch_id", Integer(), ForeignKey("export_batches.id"), nullable=True)


order_items = Table(
    "order_items",
    metadata,
    _id(),
    # Not indexed alone: both indexes below lead with it (migration 0021).
    _of("order_pk", "orders.id"),
    _text("order_item_id", 32),
    Column("sku", String(255), nullable=False, index=True),
    Column("title", Text(), nullable=True),
    _text("asin", 16),
    _count("quantity"),
    _count("quantity_shipped", default=0),
    _count("quantity_cancelled", default=0),
    _money("item_price"),
    _money("item_tax"),
    _money("shipping_price"),
    _money("shipping_tax"),
    _money("item_promotion_discount"),
    _money("ship_promotion_discount"),
    _text("promotion_ids"),
    UniqueConstraint("order_pk", "order_item_id"),
    Index("ix_order_items_order_sku", "order_pk", "sku"),
)


def units_open_in_sql(
    quantity: SQLColumnExpression[int],
    shipped: SQLColumnExpression[int],
    cancelled: SQLColumnExpression[int],
) -> ColumnElement[int]:
    """``OrderItem.quantity_open`` in SQL, over any item columns: the table's own columns
    (``order_items.c``) let a read-only query run without the ORM."""
    left = quantity - shipped - cancelled
    return case((left > 0, left), else_=0)


def has_units_open_in_sql(
    quantity: SQLColumnExpression[int],
    shipped: SQLColumnExpression[int],
    cancelled: SQLColumnExpression[int],
) -> ColumnElement[bool]:
    """An item with units still open (``quantity_open > 0``), without a constant: a query
    saying it so can walk ``ix_order_items_open`` (SQLite matches a partial index's
    condition only against the same expression, and a bound 0 is not one)."""
    return quantity > shipped + cancelled


# The open items of each order: the late list looks one up per open late order without
# reading item rows (migration 0017). Partial: open items are a shop's few recent ones.
Index(
    "ix_order_items_open",
    order_items.c.order_pk,
    sqlite_where=has_units_open_in_sql(
        order_items.c.quantity, order_items.c.quantity_shipped, order_items.c.quantity_cancelled
    ),
)


shipments = Table(
    "shipments",
    metadata,
    _id(),
    _of("order_pk", "orders.id", index=True),
    Column("ship_date", Date(), nullable=False),
    Column("carrier_code", String(64), nullable=False),
    _text("carrier_name", 50),
    _text("tracking_number", 64),
    _text("ship_method", 64),
    _moment("created_at", index=True),
    _batch(),
    # Migration 0004: written as one order-level row (its items had no ids yet); a
    # rewritten batch writes it the same way even once a report has brought the ids.
    _flag("sent_as_order_row", server_default=false()),
)

shipment_lines = Table(
    "shipment_lines",
    metadata,
    _id(),
    _of("shipment_id", "shipments.id", index=True),
    _of("order_item_pk", "order_items.id"),
    _count("quantity"),
)

cancellations = Table(
    "cancellations",
    metadata,
    _id(),
    _of("order_pk", "orders.id", index=True),
    _moment("created_at", index=True),
    _text("reason", 64),
    Column("initiator", enum_type(Initiator), nullable=False),
    Column("counts_in_rate", Boolean(), nullable=False),
    Column("whole_order", Boolean(), nullable=False),
    # "local" (done in SellerDesk), "file" (bulk cancellation file), "report" (seen in a report)
    Column("source", String(16), nullable=False, default="local"),
    _batch(),
    # Migration 0004: the seller sent it as a bare order-id row (its items had no codes
    # yet), so its reason never reached the marketplace; a rewritten batch says the same.
    _flag("sent_without_reason", server_default=false()),
)

cancellation_lines = Table(
    "cancellation_lines",
    metadata,
    _id(),
    _of("cancellation_id", "cancellations.id", index=True),
    _of("order_item_pk", "order_items.id"),
    _count("quantity"),
    _money("item_price"),
    _money("item_tax"),
    _money("shipping_price"),
    _money("shipping_tax"),
)

refunds = Table(
    "refunds",
    metadata,
    _id(),
    _of("order_pk", "orders.id", index=True),
    _moment("created_at", index=True),
    Column("reason", String(64), nullable=False),
    _text("condition", 16),
    Column("return_id", Integer(), ForeignKey("returns.id"), nullable=True),
    _batch(),
)

returns = Table(
    "returns",
    metadata,
    _id(),
    _of("order_pk", "orders.id", index=True),
    Column("status", enum_type(ReturnStatus), nullable=False),
    # S16: the carrier brings it back
    _flag("carrier_return"),
    _moment("requested_at", nullable=True),
    _moment("received_at", nullable=True, index=True),
    _text("condition", 16),
    Column("refund_due", Date(), nullable=True),
    Column("note", Text(), nullable=True),
)
