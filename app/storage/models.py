"""Database tables as SQLAlchemy 2.x typed mappings.

``orders`` itself, the column types (money, UTC datetimes) and the kinds (statuses,
who fulfils, who cancelled) are declared in :mod:`app.storage.order_table`, which
reads without the ORM; they are named here too, as every other module knows them. The
items and what was done to them (shipments, cancellations, returns, refunds) are
declared in :mod:`app.storage.action_tables`, for the health report to read the same way.
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
    String,
    Text,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.storage import action_tables, order_table
from app.storage.action_tables import units_open_in_sql as units_open_in_sql
from app.storage.core_tables import settings as settings_table
from app.storage.core_tables import sync_runs
from app.storage.order_table import FulfilledBy as FulfilledBy
from app.storage.order_table import Initiator as Initiator
from app.storage.order_table import Money as Money
from app.storage.order_table import OrderStatus as OrderStatus
from app.storage.order_table import ReturnStatus as ReturnStatus
from app.storage.order_table import UTCDateTime as UTCDateTime
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
    __table__ = action_tables.order_items

    id: Mapped[int]
    order_pk: Mapped[int]
    order_item_id: Mapped[str | None]
    sku: Mapped[str]
    title: Mapped[str | None]
    asin: Mapped[str | None]
    quantity: Mapped[int]
    quantity_shipped: Mapped[int]
    quantity_cancelled: Mapped[int]
    item_price: Mapped[Decimal | None]
    item_tax: Mapped[Decimal | None]
    shipping_price: Mapped[Decimal | None]
    shipping_tax: Mapped[Decimal | None]
    item_promotion_discount: Mapped[Decimal | None]
    ship_promotion_discount: Mapped[Decimal | None]
    promotion_ids: Mapped[str | None]

    order: Mapped[Order] = relationship(back_populates="items")

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


class Shipment(Base):
    __table__ = action_tables.shipments

    id: Mapped[int]
    order_pk: Mapped[int]
    ship_date: Mapped[date]
    carrier_code: Mapped[str]
    carrier_name: Mapped[str | None]
    tracking_number: Mapped[str | None]
    ship_method: Mapped[str | None]
    created_at: Mapped[datetime]
    export_batch_id: Mapped[int | None]
    sent_as_order_row: Mapped[bool]

    order: Mapped[Order] = relationship(back_populates="shipments")
    lines: Mapped[list[ShipmentLine]] = relationship(
        back_populates="shipment", cascade="all, delete-orphan", order_by="ShipmentLine.id"
    )


class ShipmentLine(Base):
    __table__ = action_tables.shipment_lines

    id: Mapped[int]
    shipment_id: Mapped[int]
    order_item_pk: Mapped[int]
    quantity: Mapped[int]

    shipment: Mapped[Shipment] = relationship(back_populates="lines")
    item: Mapped[OrderItem] = relationship()


class Cancellation(Base):
    __table__ = action_tables.cancellations

    id: Mapped[int]
    order_pk: Mapped[int]
    created_at: Mapped[datetime]
    reason: Mapped[str | None]
    initiator: Mapped[Initiator]
    counts_in_rate: Mapped[bool]
    whole_order: Mapped[bool]
    source: Mapped[str]
    export_batch_id: Mapped[int | None]
    sent_without_reason: Mapped[bool]

    order: Mapped[Order] = relationship(back_populates="cancellations")
    lines: Mapped[list[CancellationLine]] = relationship(
        back_populates="cancellation", cascade="all, delete-orphan", order_by="CancellationLine.id"
    )


class CancellationLine(Base):
    __table__ = action_tables.cancellation_lines

    id: Mapped[int]
    cancellation_id: Mapped[int]
    order_item_pk: Mapped[int]
    quantity: Mapped[int]
    item_price: Mapped[Decimal | None]
    item_tax: Mapped[Decimal | None]
    shipping_price: Mapped[Decimal | None]
    shipping_tax: Mapped[Decimal | None]

    cancellation: Mapped[Cancellation] = relationship(back_populates="lines")
    item: Mapped[OrderItem] = relationship()


class Refund(Base):
    """One refund action on an order; its lines say what each item got back."""

    __table__ = action_tables.refunds

    id: Mapped[int]
    order_pk: Mapped[int]
    created_at: Mapped[datetime]
    reason: Mapped[str]
    condition: Mapped[str | None]
    return_id: Mapped[int | None]
    export_batch_id: Mapped[int | None]

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
    __table__ = action_tables.returns

    id: Mapped[int]
    order_pk: Mapped[int]
    status: Mapped[ReturnStatus]
    carrier_return: Mapped[bool]
    requested_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None]
    condition: Mapped[str | None]
    refund_due: Mapped[date | None]
    note: Mapped[str | None]

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
    # Declared on its own (app.storage.core_tables): settings are read and written with
    # Core, without this module.
    __table__ = settings_table

    key: Mapped[str]
    value: Mapped[str]


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

    # Declared on its own (app.storage.core_tables): the window's status bar reads the
    # last one with Core, without this module.
    __table__ = sync_runs

    id: Mapped[int]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    pulled: Mapped[bool]
    pushed: Mapped[bool]
    offline: Mapped[bool]
    added: Mapped[int]
    updated: Mapped[int]
    batches_sent: Mapped[int]
    lines_refused: Mapped[int]
    orders_updated_until: Mapped[datetime | None]
    problem: Mapped[str | None]


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
