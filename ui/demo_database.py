"""A throw-away database with demo orders, in a temporary folder (never the real data)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.demo import fill_demo
from app.storage.db import Database, open_database


class DemoDatabase:
    """Owns the temporary folder; :meth:`close` disposes the database and removes it."""

    def __init__(self, orders: int = 200, seed: int = 1) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="sellerdesk-demo-")
        self.path = Path(self._folder.name) / "demo.sqlite"
        self.db: Database = open_database(str(self.path))
        try:
            fill_demo(self.db, orders=orders, seed=seed)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self.db.dispose()
        self._folder.cleanup()
