"""audit events: the summary also as a translatable Text (JSON), for the timeline in French

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Events written before this keep NULL: the window shows their English summary.
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summary_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("summary_text")
