"""Alembic environment: always run from app.storage.db with a live connection."""

from __future__ import annotations

from alembic import context

from app.storage.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only change tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
