"""orders_search: FTS5 gathers 8 MiB of new words in memory before writing them (issue 13)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.exc import OperationalError

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# FTS5 keeps the words of orders being indexed in memory and writes them out as a new
# segment of the index whenever they pass 'hashsize' bytes (1 MiB by default), merging
# segments as they pile up. A fresh import of 58,881 orders (27 MB of index) wrote some
# thirty segments and merged them: 0.75 s of CPU. With 8 MiB, 0.41 s; more memory gains
# little (16 MiB: 0.41 s, 64 MiB: 0.38 s). Only a large write fills it (an import, a
# rebuild); an action writes a few hundred bytes. What a search finds is unchanged.
PENDING_BYTES = 8 * 1024 * 1024
FTS5_DEFAULT = 1024 * 1024
SET = "INSERT INTO orders_search (orders_search, rank) VALUES ('hashsize', ?)"


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL's trigram indexes are kept by the database itself
    # An SQLite whose FTS5 lacks the setting refuses it; the index then works as before.
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(SET, (PENDING_BYTES,))
    except OperationalError:
        return


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    # Back to the default through FTS5 (a connection still open rereads its settings),
    # then no row at all, as migration 0015 left the table.
    if connection.exec_driver_sql(
        "SELECT 1 FROM orders_search_config WHERE k = 'hashsize'"
    ).first():
        connection.exec_driver_sql(SET, (FTS5_DEFAULT,))
        connection.exec_driver_sql("DELETE FROM orders_search_config WHERE k = 'hashsize'")
