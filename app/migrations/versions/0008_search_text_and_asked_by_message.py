"""orders: an accent-free search copy; the buyer's cancellation request by message (issue 12)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 2_000
# As app.order_views.search_text folds them at the time of writing
# (a migration never changes later).
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def _fold(words: str) -> str:
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(LIGATURES)


def upgrade() -> None:
    # Plain ALTER TABLE, not batch mode: copying the orders table on SQLite would drop
    # the old one, and with foreign keys on that deletes every order's items and events.
    op.add_column("orders", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "orders",
        sa.Column(
            "asked_to_cancel_by_message", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )
    op.add_column(
        "orders",
        sa.Column("cancel_requested", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    connection = op.get_bind()
    orders = sa.table(
        "orders",
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("buyer_name", sa.String),
        sa.column("skus", sa.Text),
        sa.column("titles", sa.Text),
        sa.column("search_text", sa.Text),
        sa.column("asked_to_cancel_by_message", sa.Boolean),
        sa.column("buyer_requested_cancel", sa.Boolean),
        sa.column("cancel_requested", sa.Boolean),
    )
    last = 0
    while True:
        rows = connection.execute(
            sa.select(
                orders.c.id, orders.c.status, orders.c.buyer_name, orders.c.skus, orders.c.titles
            )
            .where(orders.c.id > last)
            .order_by(orders.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        last = rows[-1].id
        connection.execute(
            orders.update().where(orders.c.id == sa.bindparam("pk")),
            [
                {
                    "pk": row.id,
                    "search_text": _fold(
                        "\n".join(
                            (
                                (row.buyer_name or "") if row.status != "Pending" else "",
                                row.skus or "",
                                row.titles or "",
                            )
                        )
                    ),
                }
                for row in rows
            ],
        )
    # A buyer message before any cancellation of the order (what the window's S5 reply answers).
    events = sa.table(
        "events",
        sa.column("order_pk", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("at", sa.String),
    )
    cancellations = sa.table(
        "cancellations", sa.column("order_pk", sa.Integer), sa.column("created_at", sa.String)
    )
    asked = (
        sa.select(events.c.order_pk)
        .where(
            events.c.kind == "buyer-message",
            ~sa.exists().where(
                cancellations.c.order_pk == events.c.order_pk,
                cancellations.c.created_at <= events.c.at,
            ),
        )
        .scalar_subquery()
    )
    connection.execute(
        orders.update().where(orders.c.id.in_(asked)).values(asked_to_cancel_by_message=True)
    )
    connection.execute(
        orders.update()
        .where(
            sa.or_(
                orders.c.buyer_requested_cancel.is_(True),
                orders.c.asked_to_cancel_by_message.is_(True),
            )
        )
        .values(cancel_requested=True)
    )
    op.create_index(
        "ix_orders_cancel_requested_purchased",
        "orders",
        ["cancel_requested", "purchase_date"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_orders_cancel_requested_purchased", table_name="orders")
    op.drop_column("orders", "cancel_requested")
    op.drop_column("orders", "asked_to_cancel_by_message")  # SQLite 3.35+ drops in place
    op.drop_column("orders", "search_text")
