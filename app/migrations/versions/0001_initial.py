"""orders, items, shipments, cancellations, refunds, returns, messages, events, exports

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "export_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_batches")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.String(length=19), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "Pending",
                "Unshipped",
                "PartiallyShipped",
                "Shipped",
                "Canceled",
                name="orderstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("purchase_date", sa.DateTime(), nullable=False),
        sa.Column("payment_date", sa.DateTime(), nullable=True),
        sa.Column("earliest_ship_date", sa.DateTime(), nullable=True),
        sa.Column("latest_ship_date", sa.DateTime(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("sales_channel", sa.String(length=255), nullable=True),
        sa.Column("ship_service_level", sa.String(length=255), nullable=True),
        sa.Column("is_business_order", sa.Boolean(), nullable=True),
        sa.Column("is_prime", sa.Boolean(), nullable=True),
        sa.Column("buyer_name", sa.String(length=255), nullable=True),
        sa.Column("buyer_email", sa.String(length=255), nullable=True),
        sa.Column("buyer_phone", sa.String(length=255), nullable=True),
        sa.Column("recipient_name", sa.String(length=255), nullable=True),
        sa.Column("ship_address_1", sa.String(length=255), nullable=True),
        sa.Column("ship_address_2", sa.String(length=255), nullable=True),
        sa.Column("ship_address_3", sa.String(length=255), nullable=True),
        sa.Column("ship_city", sa.String(length=255), nullable=True),
        sa.Column("ship_state", sa.String(length=255), nullable=True),
        sa.Column("ship_postal_code", sa.String(length=32), nullable=True),
        sa.Column("ship_country", sa.String(length=2), nullable=True),
        sa.Column("buyer_requested_cancel", sa.Boolean(), nullable=False),
        sa.Column("buyer_cancel_reason", sa.String(length=255), nullable=True),
        sa.Column("buyer_cancel_seen_at", sa.DateTime(), nullable=True),
        sa.Column("canceled_on_marketplace", sa.Boolean(), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("skus", sa.Text(), nullable=False),
        sa.Column("titles", sa.Text(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("order_id", name=op.f("uq_orders_order_id")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_buyer_name"), ["buyer_name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_orders_buyer_requested_cancel"), ["buyer_requested_cancel"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_orders_latest_ship_date"), ["latest_ship_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_orders_purchase_date"), ["purchase_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_orders_status"), ["status"], unique=False)
        batch_op.create_index(
            "ix_orders_status_ship_by", ["status", "latest_ship_date"], unique=False
        )

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "cancellations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column(
            "initiator",
            sa.Enum(
                "buyer_request",
                "buyer_message",
                "seller",
                "marketplace",
                name="initiator",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("counts_in_rate", sa.Boolean(), nullable=False),
        sa.Column("whole_order", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("export_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["export_batch_id"],
            ["export_batches.id"],
            name=op.f("fk_cancellations_export_batch_id_export_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["order_pk"],
            ["orders.id"],
            name=op.f("fk_cancellations_order_pk_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cancellations")),
    )
    with op.batch_alter_table("cancellations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cancellations_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cancellations_order_pk"), ["order_pk"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_pk"], ["orders.id"], name=op.f("fk_events_order_pk_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_order_pk"), ["order_pk"], unique=False)

    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_pk"],
            ["orders.id"],
            name=op.f("fk_messages_order_pk_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_messages_order_pk"), ["order_pk"], unique=False)

    op.create_table(
        "order_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=False),
        sa.Column("order_item_id", sa.String(length=32), nullable=True),
        sa.Column("sku", sa.String(length=255), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("asin", sa.String(length=16), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("quantity_shipped", sa.Integer(), nullable=False),
        sa.Column("quantity_cancelled", sa.Integer(), nullable=False),
        sa.Column("item_price", sa.BigInteger(), nullable=True),
        sa.Column("item_tax", sa.BigInteger(), nullable=True),
        sa.Column("shipping_price", sa.BigInteger(), nullable=True),
        sa.Column("shipping_tax", sa.BigInteger(), nullable=True),
        sa.Column("item_promotion_discount", sa.BigInteger(), nullable=True),
        sa.Column("ship_promotion_discount", sa.BigInteger(), nullable=True),
        sa.Column("promotion_ids", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_pk"],
            ["orders.id"],
            name=op.f("fk_order_items_order_pk_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_items")),
        sa.UniqueConstraint("order_pk", "order_item_id", name=op.f("uq_order_items_order_pk")),
    )
    with op.batch_alter_table("order_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_items_order_pk"), ["order_pk"], unique=False)
        batch_op.create_index("ix_order_items_order_sku", ["order_pk", "sku"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_items_sku"), ["sku"], unique=False)

    op.create_table(
        "returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("requested", "received", name="returnstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("carrier_return", sa.Boolean(), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("condition", sa.String(length=16), nullable=True),
        sa.Column("refund_due", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_pk"], ["orders.id"], name=op.f("fk_returns_order_pk_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returns")),
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_order_pk"), ["order_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_received_at"), ["received_at"], unique=False)

    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=False),
        sa.Column("ship_date", sa.Date(), nullable=False),
        sa.Column("carrier_code", sa.String(length=64), nullable=False),
        sa.Column("carrier_name", sa.String(length=50), nullable=True),
        sa.Column("tracking_number", sa.String(length=64), nullable=True),
        sa.Column("ship_method", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("export_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["export_batch_id"],
            ["export_batches.id"],
            name=op.f("fk_shipments_export_batch_id_export_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["order_pk"],
            ["orders.id"],
            name=op.f("fk_shipments_order_pk_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments")),
    )
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipments_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_shipments_order_pk"), ["order_pk"], unique=False)

    op.create_table(
        "adjustment_exports",
        sa.Column("cancellation_id", sa.Integer(), nullable=False),
        sa.Column("export_batch_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cancellation_id"],
            ["cancellations.id"],
            name=op.f("fk_adjustment_exports_cancellation_id_cancellations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["export_batch_id"],
            ["export_batches.id"],
            name=op.f("fk_adjustment_exports_export_batch_id_export_batches"),
        ),
        sa.PrimaryKeyConstraint("cancellation_id", name=op.f("pk_adjustment_exports")),
    )
    op.create_table(
        "cancellation_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cancellation_id", sa.Integer(), nullable=False),
        sa.Column("order_item_pk", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("item_price", sa.BigInteger(), nullable=True),
        sa.Column("item_tax", sa.BigInteger(), nullable=True),
        sa.Column("shipping_price", sa.BigInteger(), nullable=True),
        sa.Column("shipping_tax", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cancellation_id"],
            ["cancellations.id"],
            name=op.f("fk_cancellation_lines_cancellation_id_cancellations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["order_item_pk"],
            ["order_items.id"],
            name=op.f("fk_cancellation_lines_order_item_pk_order_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cancellation_lines")),
    )
    with op.batch_alter_table("cancellation_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cancellation_lines_cancellation_id"), ["cancellation_id"], unique=False
        )

    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("condition", sa.String(length=16), nullable=True),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("export_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["export_batch_id"],
            ["export_batches.id"],
            name=op.f("fk_refunds_export_batch_id_export_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["order_pk"], ["orders.id"], name=op.f("fk_refunds_order_pk_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["return_id"], ["returns.id"], name=op.f("fk_refunds_return_id_returns")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_refunds_order_pk"), ["order_pk"], unique=False)

    op.create_table(
        "shipment_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("order_item_pk", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_item_pk"],
            ["order_items.id"],
            name=op.f("fk_shipment_lines_order_item_pk_order_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            name=op.f("fk_shipment_lines_shipment_id_shipments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_lines")),
    )
    with op.batch_alter_table("shipment_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shipment_lines_shipment_id"), ["shipment_id"], unique=False
        )

    op.create_table(
        "refund_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_id", sa.Integer(), nullable=False),
        sa.Column("order_item_pk", sa.Integer(), nullable=False),
        sa.Column("item_price", sa.BigInteger(), nullable=False),
        sa.Column("item_tax", sa.BigInteger(), nullable=False),
        sa.Column("shipping_price", sa.BigInteger(), nullable=False),
        sa.Column("shipping_tax", sa.BigInteger(), nullable=False),
        sa.Column("restocking_fee", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_item_pk"],
            ["order_items.id"],
            name=op.f("fk_refund_lines_order_item_pk_order_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["refund_id"],
            ["refunds.id"],
            name=op.f("fk_refund_lines_refund_id_refunds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_lines")),
    )
    with op.batch_alter_table("refund_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refund_lines_refund_id"), ["refund_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("refund_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refund_lines_refund_id"))

    op.drop_table("refund_lines")
    with op.batch_alter_table("shipment_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipment_lines_shipment_id"))

    op.drop_table("shipment_lines")
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refunds_order_pk"))
        batch_op.drop_index(batch_op.f("ix_refunds_created_at"))

    op.drop_table("refunds")
    with op.batch_alter_table("cancellation_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cancellation_lines_cancellation_id"))

    op.drop_table("cancellation_lines")
    op.drop_table("adjustment_exports")
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipments_order_pk"))
        batch_op.drop_index(batch_op.f("ix_shipments_created_at"))

    op.drop_table("shipments")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_returns_received_at"))
        batch_op.drop_index(batch_op.f("ix_returns_order_pk"))

    op.drop_table("returns")
    with op.batch_alter_table("order_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_items_sku"))
        batch_op.drop_index("ix_order_items_order_sku")
        batch_op.drop_index(batch_op.f("ix_order_items_order_pk"))

    op.drop_table("order_items")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_messages_order_pk"))

    op.drop_table("messages")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_order_pk"))
        batch_op.drop_index(batch_op.f("ix_events_at"))

    op.drop_table("events")
    with op.batch_alter_table("cancellations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cancellations_order_pk"))
        batch_op.drop_index(batch_op.f("ix_cancellations_created_at"))

    op.drop_table("cancellations")
    op.drop_table("settings")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_status_ship_by")
        batch_op.drop_index(batch_op.f("ix_orders_status"))
        batch_op.drop_index(batch_op.f("ix_orders_purchase_date"))
        batch_op.drop_index(batch_op.f("ix_orders_latest_ship_date"))
        batch_op.drop_index(batch_op.f("ix_orders_buyer_requested_cancel"))
        batch_op.drop_index(batch_op.f("ix_orders_buyer_name"))

    op.drop_table("orders")
    op.drop_table("export_batches")
