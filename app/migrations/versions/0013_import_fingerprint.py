"""Remember which report lines were last merged into each order.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, no default: adding it rewrites no row on either database, and an order
    # without one is simply merged in full by its next import.
    op.add_column("orders", sa.Column("import_fingerprint", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("orders", "import_fingerprint")
