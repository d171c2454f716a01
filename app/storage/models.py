"""Database tables as SQLAlchemy 2.x typed mappings.

``orders`` itself, the column types (money, UTC datetimes) and the kinds (statuses,
who fulfils, who cancelled) are declared in :mod:`app.storage.order_table`, which
reads without the ORM; they are named here too, as every other module knows them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    SQLColumnExpression,
    String,
    Text,
    UniqueConstraint,
    case,
    false,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.storage import order_table
from app.storage.order_table import FulfilledBy as FulfilledBy
from app.storage.order_table import Initiator as Initiator
from app.storage.order_table import Money as Money
from app.storage.order_table import OrderStatus as OrderStatus
from app.storage.order_table import ReturnStatus as ReturnStatus
from app.storage.order_table import UTCDateTime as UTCDateTime
from app.storage.order_table import enum_type as _enum
from app.storage.order_table import orders


class Base(DeclarativeBase):
    metadata = order_table.metadata
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012 (SQLAlchemy's own class hook)
        Decimal: Money,
        datetime: UTCDateTime,
        date: Date,
        str: String(255),
    }


class Order(Base):
    # The table is declared on its own (app.storage.order_table): the order list reads it
    # with Core, without this module.
    __table__ = orders

    id: Mapped[int]
    order_id: Mapped[str]
    status: Mapped[OrderStatus]
    purchase_date: Mapped[datetime]
    payment_date: Mapped[datetime | None]
    earliest_ship_date: Mapped[datetime | None]
    latest_ship_date: Mapped[datetime | None]
    currency: Mapped[str | None]
    fulfilled_by: Mapped[FulfilledBy]
    sales_channel: Mapped[str | None]
    ship_service_level: Mapped[str | None]
    is_business_order: Mapped[bool | None]
    is_prime: Mapped[bool | None]
    buyer_name: Mapped[str | None]
    buyer_email: Mapped[str | None]
    buyer_phone: Mapped[str | None]
    recipient_name: Mapped[str | None]
    ship_address_1: Mapped[str | None]
    ship_address_2: Mapped[str | None]
    ship_address_3: Mapped[str | None]
    ship_city: Mapped[str | None]
    ship_state: Mapped[str | None]
    ship_postal_code: Mapped[str | None]
    ship_country: Mapped[str | None]
    buyer_requested_cancel: Mapped[bool]
    buyer_cancel_reason: Mapped[str | None]
    buyer_cancel_seen_at: Mapped[datetime | None]
    canceled_on_marketplace: Mapped[bool]
    asked_to_cancel_by_message: Mapped[bool]
    cancel_requested: Mapped[bool]
    item_count: Mapped[int]
    skus: Mapped[str]
    titles: Mapped[str]
    total: Mapped[Decimal | None]
    search_text: Mapped[str]
    import_fingerprint: Mapped[str | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int]

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

    __mapper_args__ = {"version_id_col": orders.c.version}  # noqa: RUF012 (SQLAlchemy's own hook)


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
        return units_open_in_sql(cls.quantity, cls.quantity_shipped, cls.quantity_cancelled)

    @property
    def ref(self) -> str:
        """How a seller names the item: its order-item id, else its SKU."""
        return self.order_item_id or self.sku


def units_open_in_sql(
    quantity: SQLColumnExpression[int],
    shipped: SQLColumnExpression[int],
    cancelled: SQLColumnExpression[int],
) -> ColumnElement[int]:
    """``OrderItem.quantity_open`` in SQL, over any item columns: the table's own columns
    (``OrderItem.__table__.c``) let a read-only query run without configuring the ORM."""
    left = quantity - shipped - cancelled
    return case((left > 0, left), else_=0)


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


# The columns every change of an order keeps written (its search text, either cancellation
# request), by every write through the ORM; the rules live beside the reads that use them.
def _keep_derived_columns() -> None:
    from sqlalchemy import event

    from app.order_actions.message_choice import keep_cancel_requested
    from app.order_views.search_text import keep_search_text

    for moment in ("before_insert", "before_update"):
        event.listen(Order, moment, keep_cancel_requested)
        event.listen(Order, moment, keep_search_text)


_keep_derived_columns()
