"""Small tables read at the window's start, declared on Core: the shop's settings (the
interface language, the marketplace connection) and the syncs with Seller Central (the
status bar's last sync).

The window reads them before its first paint, and ``app.settings`` is imported by every
command: reading them with Core keeps SQLAlchemy's ORM (a third of a second or more to
import) off those paths. ``app.storage.models.Setting`` and ``SyncRun`` are mapped onto
these very tables, so each is declared once.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from app.storage.order_table import UTCDateTime, metadata

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# One sync with Seller Central: when, what it did, and whether it could connect.
sync_runs = Table(
    "sync_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", UTCDateTime(), nullable=False, index=True),
    Column("finished_at", UTCDateTime(), nullable=True),
    Column("pulled", Boolean(), nullable=False, default=False),
    Column("pushed", Boolean(), nullable=False, default=False),
    Column("offline", Boolean(), nullable=False, default=False),
    Column("added", Integer(), nullable=False, default=0),
    Column("updated", Integer(), nullable=False, default=0),
    Column("batches_sent", Integer(), nullable=False, default=0),
    Column("lines_refused", Integer(), nullable=False, default=0),
    # Where the next "All Orders by last update" report starts.
    Column("orders_updated_until", UTCDateTime(), nullable=True),
    Column("problem", Text(), nullable=True),
)
