"""marketplace connection: batches sent through the Feeds API, their lines, sync runs

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_submissions",
        sa.Column("export_batch_id", sa.Integer(), nullable=False),
        sa.Column("feed_type", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("feed_document_id", sa.String(length=128), nullable=True),
        sa.Column("submitting_since", sa.DateTime(), nullable=True),
        sa.Column("feed_id", sa.String(length=128), nullable=True),
        sa.Column("accepted", sa.Integer(), nullable=True),
        sa.Column("refused", sa.Integer(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["export_batch_id"],
            ["export_batches.id"],
            name=op.f("fk_feed_submissions_export_batch_id_export_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("export_batch_id", name=op.f("pk_feed_submissions")),
    )
    with op.batch_alter_table("feed_submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feed_submissions_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_feed_submissions_feed_id"), ["feed_id"], unique=False)

    op.create_table(
        "feed_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("export_batch_id", sa.Integer(), nullable=False),
        sa.Column("record", sa.Integer(), nullable=False),
        sa.Column("order_pk", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["export_batch_id"],
            ["feed_submissions.export_batch_id"],
            name=op.f("fk_feed_lines_export_batch_id_feed_submissions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["order_pk"],
            ["orders.id"],
            name=op.f("fk_feed_lines_order_pk_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_lines")),
    )
    with op.batch_alter_table("feed_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_feed_lines_export_batch_id"), ["export_batch_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_feed_lines_order_pk"), ["order_pk"], unique=False)
        batch_op.create_index("ix_feed_lines_action", ["action", "action_id"], unique=False)

    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("pulled", sa.Boolean(), nullable=False),
        sa.Column("pushed", sa.Boolean(), nullable=False),
        sa.Column("offline", sa.Boolean(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("batches_sent", sa.Integer(), nullable=False),
        sa.Column("lines_refused", sa.Integer(), nullable=False),
        sa.Column("orders_updated_until", sa.DateTime(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    with op.batch_alter_table("sync_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_runs_started_at"), ["started_at"], unique=False)


def downgrade() -> None:
    op.drop_table("sync_runs")
    op.drop_table("feed_lines")
    op.drop_table("feed_submissions")
