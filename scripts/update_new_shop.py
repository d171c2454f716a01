#!/usr/bin/env python3
"""Write ``app/storage/new_shop.json`` again: the schema every migration builds.

Run it after adding a migration (a test says so when it is behind):

    python scripts/update_new_shop.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.storage import new_shop  # noqa: E402
from app.storage.db import head_revision, open_database  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "shop.sqlite"), by_migrations=True)
        try:
            with db.engine.connect() as connection:
                statements = new_shop.schema_of(connection)
        finally:
            db.dispose()
    revision = head_revision()
    if revision is None:
        print("the migrations have more than one head", file=sys.stderr)
        return 1
    new_shop.save(revision, statements)
    print(f"{new_shop.SCHEMA_FILE.relative_to(ROOT)}: {len(statements)} statements, {revision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
