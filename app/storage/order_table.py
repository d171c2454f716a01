"""The ``orders`` table as a Core table, and the column types and kinds every table uses.

Reading the order list (the window's first page, ``sellerdesk list``) needs only this
table: SQLAlchemy's ORM and the other mapped classes (``app.storage.models``, which maps
``Order`` onto this very table) cost a command or the window's start a third of a second
to import and set up, so they are loaded only by what reads or writes through them.

Money is stored as integer minor units (exact on every backend) and read back as
``Decimal``; datetimes are stored in UTC and read back timezone-aware. The summary
columns (item count, SKUs, total) are kept up to date by the write paths so the order
list can sort and filter on them in SQL.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Enum,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    false,
    text,
)
from sqlalchemy.engine import Dialect

from app.money import from_minor_units, to_minor_units


class Money(TypeDecorator[Decimal]):
    """A Decimal amount stored exactly as integer cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_minor_units(Decimal(value))

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return _amount(value)

    def result_processor(self, dialect: Dialect, coltype: object) -> Converter:
        return _after_impl(self, dialect, coltype, _amount)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as naive UTC (portable to SQLite)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return _in_utc(value)

    def result_processor(self, dialect: Dialect, coltype: object) -> Converter:
        return _after_impl(self, dialect, coltype, _in_utc)


def _amount(value: int | None) -> Decimal | None:
    return None if value is None else from_minor_units(int(value))


_combine = datetime.combine


def _in_utc(value: datetime | None) -> datetime | None:
    # combine() makes the same datetime as replace(tzinfo=UTC) at a quarter of the cost
    # (a list page reads two per row).
    return None if value is None else _combine(value, value.timetz(), UTC)


Converter = Callable[[Any], Any]


def _after_impl(
    decorator: TypeDecorator[Any], dialect: Dialect, coltype: object, convert: Converter
) -> Converter:
    """What TypeDecorator's own result processor does (the stored type's conversion, then
    ``convert``), without its wrapper: a list page reads three such values per row, and
    the wrapper cost a tenth of a PostgreSQL page."""
    stored = decorator.impl_instance.dialect_impl(dialect).result_processor(dialect, coltype)
    if stored is None:
        return convert
    return lambda value: convert(stored(value))


# The shipping address's columns.
ADDRESS_FIELDS = (
    "recipient_name",
    "ship_address_1",
    "ship_address_2",
    "ship_address_3",
    "ship_city",
    "ship_state",
    "ship_postal_code",
    "ship_country",
)
# Buyer contact and address: never stored for a Pending order (S9).
CONTACT_FIELDS = ("buyer_name", "buyer_email", "buyer_phone", *ADDRESS_FIELDS)


class OrderStatus(enum.StrEnum):
    PENDING = "Pending"
    UNSHIPPED = "Unshipped"
    PARTIALLY_SHIPPED = "PartiallyShipped"
    SHIPPED = "Shipped"
    CANCELED = "Canceled"


class Initiator(enum.StrEnum):
    """Who started a cancellation; decides whether it counts in the rate."""

    BUYER_REQUEST = "buyer_request"  # the official Request cancellation button (S4)
    BUYER_MESSAGE = "buyer_message"  # asked only by message (S5)
    SELLER = "seller"
    MARKETPLACE = "marketplace"  # automatic cancellation or seen only in a report (S11)


class FulfilledBy(enum.StrEnum):
    """Who ships an order: the seller, or the marketplace from its own warehouse (FBA)."""

    SELLER = "seller"  # fulfillment-channel Merchant / MFN
    MARKETPLACE = "marketplace"  # fulfillment-channel Amazon / AFN: read-only in SellerDesk


class ReturnStatus(enum.StrEnum):
    REQUESTED = "requested"
    RECEIVED = "received"


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# Every SellerDesk table's (app.storage.models.Base.metadata is this one).
metadata = MetaData(naming_convention=NAMING)


def enum_type(kind: type[enum.StrEnum]) -> Enum:
    # Stored as the marketplace's own words, not as Python member names.
    return Enum(
        kind,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        validate_strings=True,
        length=32,
    )


def _text(name: str, length: int = 255, **options: object) -> Column[str]:
    """An optional short text column (the models' plain ``str``)."""
    return Column(name, String(length), nullable=True, **options)  # type: ignore[arg-type]


def _flag(name: str, **options: object) -> Column[bool]:
    """A yes/no column, no until a write says yes."""
    return Column(name, Boolean(), nullable=False, default=False, **options)  # type: ignore[arg-type]


orders = Table(
    "orders",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("order_id", String(19), nullable=False, unique=True),
    Column("status", enum_type(OrderStatus), nullable=False, index=True),
    Column("purchase_date", UTCDateTime(), nullable=False, index=True),
    Column("payment_date", UTCDateTime(), nullable=True, index=True),
    Column("earliest_ship_date", UTCDateTime(), nullable=True),
    Column("latest_ship_date", UTCDateTime(), nullable=True, index=True),
    _text("currency", 3),
    # Migration 0004; orders from the unshipped and orders reports are the seller's.
    # No index of its own (0011): Amazon's orders have ix_orders_marketplace_purchased.
    Column(
        "fulfilled_by",
        enum_type(FulfilledBy),
        nullable=False,
        default=FulfilledBy.SELLER,
        server_default="seller",
    ),
    _text("sales_channel"),
    _text("ship_service_level"),
    Column("is_business_order", Boolean(), nullable=True),
    Column("is_prime", Boolean(), nullable=True),
    _text("buyer_name", index=True),
    _text("buyer_email"),
    _text("buyer_phone"),
    _text("recipient_name"),
    _text("ship_address_1"),
    _text("ship_address_2"),
    _text("ship_address_3"),
    _text("ship_city"),
    _text("ship_state"),
    _text("ship_postal_code", 32),
    _text("ship_country", 2),
    _flag("buyer_requested_cancel", index=True),
    _text("buyer_cancel_reason"),
    Column("buyer_cancel_seen_at", UTCDateTime(), nullable=True),
    # Cancelled on the marketplace as a report told us, with no local cancellation.
    _flag("canceled_on_marketplace"),
    # The buyer asked to cancel by message before any cancellation (S5; migration 0008).
    _flag("asked_to_cancel_by_message", server_default=false()),
    # Either request (official or by message): one index walks the Buyer requested filter
    # newest first (app.order_actions.message_choice keeps it; migration 0008).
    _flag("cancel_requested", server_default=false()),
    Column("item_count", Integer(), nullable=False, default=0),
    Column("skus", Text(), nullable=False, default=""),
    Column("titles", Text(), nullable=False, default=""),
    Column("total", Money(), nullable=True),
    # Buyer name (once shown), SKUs and titles without accents or case, for the
    # search (app.order_views.search_text keeps it; migration 0008).
    Column("search_text", Text(), nullable=False, default="", server_default=""),
    # The order's version and a digest of the report lines last merged into it (migration
    # 0013): the same lines again on that version change nothing, so a re-import skips it.
    _text("import_fingerprint", 64),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("version", Integer(), nullable=False, default=1),
    Index("ix_orders_status_ship_by", "status", "latest_ship_date"),
    Index("ix_orders_item_count", "item_count"),  # migration 0002: order list sorting
    Index("ix_orders_total", "total"),
    # migration 0007: each filter walks an index in its default sort (newest first)
    Index("ix_orders_status_purchased", "status", "purchase_date"),
    # migration 0008: the Buyer requested filter takes requests by message too (S5)
    Index("ix_orders_cancel_requested_purchased", "cancel_requested", "purchase_date"),
    # migration 0010: the Fulfilled by Amazon filter, newest first (its orders only).
    # The migration makes it partial on PostgreSQL too; saying so here (postgresql_where)
    # would load SQLAlchemy's PostgreSQL dialect on every start, a tenth of a command's.
    Index(
        "ix_orders_marketplace_purchased",
        "purchase_date",
        sqlite_where=text("fulfilled_by = 'marketplace'"),
    ),
    # migration 0014: health's orders cancelled on the marketplace (a handful), oldest first
    Index(
        "ix_orders_marketplace_cancelled_purchased",
        "purchase_date",
        sqlite_where=text("canceled_on_marketplace IS 1"),
    ),
    # migration 0017: health's late list reads the open orders' columns from this index,
    # not from 100,000 order rows (the open statuses, as health's query writes them).
    Index(
        "ix_orders_open_late",
        *("status", "latest_ship_date", "fulfilled_by", "purchase_date", "payment_date"),
        "order_id",
        sqlite_where=text("status IN ('Unshipped', 'PartiallyShipped')"),
    ),
    # migration 0010: a rare searched word is looked for in this narrow copy (SQLite)
    Index("ix_orders_search", "search_text", "order_id").ddl_if(dialect="sqlite"),
)
