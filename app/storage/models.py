"""Database tables as SQLAlchemy 2.x typed mappings.

Money is stored as integer minor units (exact on every backend) and read back
as ``Decimal``; datetimes are stored in UTC and read back timezone-aware. The
summary columns on ``orders`` (item count, SKUs, total) are kept up to date by
the write paths so the order list can sort and filter on them in SQL.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    case,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.money import from_minor_units, to_minor_units


class Money(TypeDecorator[Decimal]):
    """A Decimal amount stored exactly as integer cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_minor_units(Decimal(value))

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_minor_units(int(value))


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
        return None if value is None else value.replace(tzinfo=UTC)


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


def _enum(kind: type[enum.StrEnum]) -> Enum:
    # Stored as the marketplace's own words, not as Python member names.
    return Enum(
        kind,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        validate_strings=True,
        length=32,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012 (SQLAlchemy's own class hook)
        Decimal: Money,
        datetime: UTCDateTime,
        date: Date,
        str: String(255),
    }


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[str] = mapped_column(String(19), unique=True)
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus), index=True)
    purchase_date: Mapped[datetime] = mapped_column(index=True)
    payment_date: Mapped[datetime | None] = mapped_column(index=True)
    earliest_ship_date: Mapped[datetime | None]
    latest_ship_date: Mapped[datetime | None] = mapped_column(index=True)
    currency: Mapped[str | None] = mapped_column(String(3))
    # Migration 0004; orders from the unshipped and orders reports are the seller's.
    # No index of its own (0011): Amazon's orders have ix_orders_marketplace_purchased.
    fulfilled_by: Mapped[FulfilledBy] = mapped_column(
        _enum(FulfilledBy), default=FulfilledBy.SELLER, server_default="seller"
    )
    sales_channel: Mapped[str | None]
    ship_service_level: Mapped[str | None]
    is_business_order: Mapped[bool | None]
    is_prime: Mapped[bool | None]

    buyer_name: Mapped[str | None] = mapped_column(index=True)
    buyer_email: Mapped[str | None]
    buyer_phone: Mapped[str | None]
    recipient_name: Mapped[str | None]
    ship_address_1: Mapped[str | None]
    ship_address_2: Mapped[str | None]
    ship_address_3: Mapped[str | None]
    ship_city: Mapped[str | None]
    ship_state: Mapped[str | None]
    ship_postal_code: Mapped[str | None] = mapped_column(String(32))
    ship_country: Mapped[str | None] = mapped_column(String(2))

    buyer_requested_cancel: Mapped[bool] = mapped_column(default=False, index=True)
    buyer_cancel_reason: Mapped[str | None]
    buyer_cancel_seen_at: Mapped[datetime | None]
    # Cancelled on the marketplace as a report told us, with no local cancellation.
    canceled_on_marketplace: Mapped[bool] = mapped_column(default=False)
    # The buyer asked to cancel by message before any cancellation (S5; migration 0008).
    asked_to_cancel_by_message: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Either request (official or by message): one index walks the Buyer requested filter
    # newest first (app.order_actions.message_choice keeps it; migration 0008).
    cancel_requested: Mapped[bool] = mapped_column(default=False, server_default=false())

    item_count: Mapped[int] = mapped_column(default=0)
    skus: Mapped[str] = mapped_column(Text, default="")
    titles: Mapped[str] = mapped_column(Text, default="")
    total: Mapped[Decimal | None]
    # Buyer name (once shown), SKUs and titles without accents or case, for the
    # search (app.order_views.search_text keeps it; migration 0008).
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The order's version and a digest of the report lines last merged into it (migration
    # 0013): the same lines again on that version change nothing, so a re-import skips it.
    import_fingerprint: Mapped[str | None] = mapped_column(String(64))

    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id"
    )
    shipments: Mapped[list[Shipment]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Shipment.id"
    )
    cancellations: Mapped[list[Cancellation]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Cancellation.id"
    )
    refunds: Mapped[list[Refund]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Refund.id"
    )
    returns: Mapped[list[Return]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Return.id"
    )
    messages: Mapped[list[Message]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Message.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own hook)
    __table_args__ = (
        Index("ix_orders_status_ship_by", "status", "latest_ship_date"),
        Index("ix_orders_item_count", "item_count"),  # migration 0002: order list sorting
        Index("ix_orders_total", "total"),
        # migration 0007: each filter walks an index in its default sort (newest first)
        Index("ix_orders_status_purchased", "status", "purchase_date"),
        Index("ix_orders_buyer_requested_purchased", "buyer_requested_cancel", "purchase_date"),
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
        # migration 0010: a rare searched word is looked for in this narrow copy (SQLite)
        Index("ix_orders_search", "search_text", "order_id").ddl_if(dialect="sqlite"),
    )


class OrderItem(Base):
    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_pk: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_item_id: Mapped[str | None] = mapped_column(String(32))
    sku: Mapped[str] = mapped_column(index=True)
    title: Mapped[str | None] = mapped_column(Text)
    asin: Mapped[str | None] = mapped_column(String(16))
    quantity: Mapped[int]
    quantity_shipped: Mapped[int] = mapped_column(default=0)
    quantity_cancelled: Mapped[int] = mapped_column(default=0)
    item_price: Mapped[Decimal | None]
    item_tax: Mapped[Decimal | None]
    shipping_price: Mapped[Decimal | None]
    shipping_tax: Mapped[Decimal | None]
    item_promotion_discount: Mapped[Decimal | None]
    ship_promotion_discount: Mapped[Decimal | None]
    promotion_ids: Mapped[str | None]

    order: Mapped[Order] = relationship(back_populates="items")

    __table_args__ = (
        UniqueConstraint("order_pk", "order_item_id"),
        Index("ix_order_items_order_sku", "order_pk", "sku"),
    )

    @hybrid_property
    def quantity_open(self) -> int:
        """Units neither shipped nor cancelled: what still has to go."""
        return max(0, self.quantity - self.quantity_shipped - self.quantity_cancelled)

    @quantity_open.inplace.expression
    @classmethod
    def _quantity_open_expression(cls) -> ColumnElement[int]:
        # The same rule in SQL, so lists of many orders add it up in the database.
        left = cls.quantity - cls.quantity_shipped - cls.quantity_cancelled
        return case((left > 0, left), else_=0)

    @property
    def ref(self) -> str:
        """How a seller names the item: its order-item id, else its SKU."""
        return self.order_item_id or self.sku


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_pk: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    ship_date: Mapped[date]
    carrier_code: Mapped[str] = mapped_column(String(64))
    carrier_name: Mapped[str | None] = mapped_column(String(50))
    tracking_number: Mapped[str | None] = mapped_column(String(64))
    ship_method: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(index=True)
    export_batch_id: Mapped[int | None] = mapped_column(ForeignKey("export_batches.id"))
    # Migration 0004: written as one order-level row (its items had no ids yet); a
    # rewritten batch writes it the same way even once a report has brought the ids.
    sent_as_order_row: Mapped[bool] = mapped_column(default=False, server_default=false())

    order: Mapped[Order] = relationship(back_populates="shipments")
    lines: Mapped[list[ShipmentLine]] = relationship(
        back_populates="shipment", cascade="all, delete-orphan", order_by="ShipmentLine.id"
    )


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(
        ForeignKey("shipments.id", ondelete="CASCADE"), index=True
    )
    order_item_pk: Mapped[int] = mapped_column(ForeignKey("order_items.id", ondelete="CASCADE"))
    quantity: Mapped[int]

    shipment: Mapped[Shipment] = relationship(back_populates="lines")
    item: Mapped[OrderItem] = relationship()


class Cancellation(Base):
    __tablename__ = "cancellations"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_pk: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    reason: Mapped[str | None] = mapped_column(String(64))
    initiator: Mapped[Initiator] = mapped_column(_enum(Initiator))
    counts_in_rate: Mapped[bool]
    whole_order: Mapped[bool]
    # "local" (done in SellerDesk), "file" (bulk cancellation file), "report" (seen in a report)
    source: Mapped[str] = mapped_column(String(16), default="local")
    export_batch_id: Mapped[int | None] = mapped_column(ForeignKey("export_batches.id"))
    # Migration 0004: the seller sent it as a bare order-id row (its items had no codes
    # yet), so its reason never reached the marketplace; a rewritten batch says the same.
    sent_without_reason: Mapped[bool] = mapped_column(default=False, server_default=false())

    order: Mapped[Order] = relationship(back_populates="cancellations")
    lines: Mapped[list[CancellationLine]] = relationship(
        back_populates="cancellation", cascade="all, delete-orphan", order_by="CancellationLine.id"
    )


class CancellationLine(Base):
    __tablename__ = "cancellation_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    cancellation_id: Mapped[int] = mapped_column(
        ForeignKey("cancellations.id", ondelete="CASCADE"), index=True
    )
    order_item_pk: Mapped[int] = mapped_column(ForeignKey("order_items.id", ondelete="CASCADE"))
    quantity: Mapped[int]
    item_price: Mapped[Decimal | None]
    item_tax: Mapped[Decimal | None]
    shipping_price: Mapped[Decimal | None]
    shipping_tax: Mapped[Decimal | None]

    cancellation: Mapped[Cancellation] = relationship(back_populates="lines")
    item: Mapped[OrderItem] = relationship()


class Refund(Base):
    """One refund action on an order; its lines say what each item got back."""

    __tablename__ = "refunds"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_pk: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(String(64))
    condition: Mapped[str | None] = mapped_column(String(16))
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"))
    export_batch_id: Mapped[int | None] = mapped_column(ForeignKey("export_batches.id"))

    order: Mapped[Order] = relationship(back_populates="refunds")
    lines: Mapped[list[RefundLine]] = relationship(
        back_populates="refund", cascade="all, delete-orphan", order_by="RefundLine.id"
    )


class RefundLine(Base):
    __tablename__ = "refund_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id", ondelete="CASCADE"), index=True)
    order_item_pk: Mapped[int] = mapped_column(ForeignKey("order_items.id", ondelete="CASCADE"))
    item_price: Mapped[Decimal]
    item_tax: Mapped[Decimal]
    shipping_price: Mapped[Decimal]
    shipping_tax: Mapped[Decimal]
    restocking_fee: Mapped[Decimal]

    refund: Mapped[Refund] = relationship(back_populates="lines")
    item: Mapped[OrderItem] = relationship()


class Return(Base):
    __tablename__ = "returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_pk: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    status: Mapped[ReturnStatus] = mapped_column(_enum(ReturnStatus))
    carrier_return: Mapped[bool] = mapped_column(default=False)  # S16: the carrier brings it back
    requested_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None] = mapped_column(index=True)
    condition: Mapped[str | None] = mapped_column(String(16))
    refund_due: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)

    order: Mapped[Order] = relationship(back_populates="returns")


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_pk: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
    template: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str | None]
    body: Mapped[str] = mapped_column(Text)

    order: Mapped[Order] = relationship(back_populates="messages")


class Event(Base):
    """Append-only audit log: every change, who, when, before and after."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_pk: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)  # English, for the CLI and old readers
    # The same sentence as app.text.to_json wrote it, for the window to translate; NULL before 0003.
    summary_text: Mapped[str | None] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON


class ExportBatch(Base):
    """One upload file written for Seller Central; numbers are one sequence per database."""

    __tablename__ = "export_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # cancellations | adjustments | shipments
    created_at: Mapped[datetime]
    row_count: Mapped[int]
    file_name: Mapped[str | None] = mapped_column(Text)


class AdjustmentExport(Base):
    """Marks a partial cancellation as written into an adjustment batch.

    A partial cancellation can be in a cancellation batch never and an
    adjustment batch once, so it needs its own mark beside Cancellation's.
    """

    __tablename__ = "adjustment_exports"

    cancellation_id: Mapped[int] = mapped_column(
        ForeignKey("cancellations.id", ondelete="CASCADE"), primary_key=True
    )
    export_batch_id: Mapped[int] = mapped_column(ForeignKey("export_batches.id"))


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FeedSubmission(Base):
    """An export batch sent to Seller Central through the Feeds API, and how far it got.

    ``state`` is what the seller sees (written → sent → processing → done | failed);
    ``step`` is the last thing done towards the marketplace, recorded before and after
    each call so a run killed half-way resumes without sending the file twice.
    """

    __tablename__ = "feed_submissions"

    export_batch_id: Mapped[int] = mapped_column(
        ForeignKey("export_batches.id", ondelete="CASCADE"), primary_key=True
    )
    feed_type: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), index=True)
    step: Mapped[str] = mapped_column(String(16))
    content: Mapped[bytes] = mapped_column(LargeBinary)  # the exact bytes of the upload file
    feed_document_id: Mapped[str | None] = mapped_column(String(128))
    submitting_since: Mapped[datetime | None]  # createFeed was asked at this moment
    feed_id: Mapped[str | None] = mapped_column(String(128), index=True)
    accepted: Mapped[int | None]
    refused: Mapped[int | None]
    problem: Mapped[str | None] = mapped_column(Text)  # English, last trouble met
    queued_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class FeedLine(Base):
    """One row of a sent upload file, the local action it carries and its outcome."""

    __tablename__ = "feed_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    export_batch_id: Mapped[int] = mapped_column(
        ForeignKey("feed_submissions.export_batch_id", ondelete="CASCADE"), index=True
    )
    record: Mapped[int]  # the row's number among the file's data rows, from 1
    order_pk: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # shipment | cancellation | refund
    action_id: Mapped[int]
    outcome: Mapped[str | None] = mapped_column(String(16))  # accepted | refused | None
    message: Mapped[str | None] = mapped_column(Text)  # the marketplace's words when refused
    # A refused line stays on the health page until the seller deals with it.
    settled_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_feed_lines_action", "action", "action_id"),)


class SyncRun(Base):
    """One sync with Seller Central: when, what it did, and whether it could connect."""

    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    finished_at: Mapped[datetime | None]
    pulled: Mapped[bool] = mapped_column(default=False)
    pushed: Mapped[bool] = mapped_column(default=False)
    offline: Mapped[bool] = mapped_column(default=False)
    added: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    batches_sent: Mapped[int] = mapped_column(default=0)
    lines_refused: Mapped[int] = mapped_column(default=0)
    # Where the next "All Orders by last update" report starts.
    orders_updated_until: Mapped[datetime | None]
    problem: Mapped[str | None] = mapped_column(Text)
