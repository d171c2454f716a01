"""A pytest plugin for mutation runs only: each test's SQLite file starts as a copy.

Creating and migrating a database costs more than most rule tests themselves, and a
mutation run repeats every test once per mutant. The mutated modules are rules, not
the schema, so the file is migrated once (``open_database``, the same code the tests
use) and each test's ``shop.sqlite`` starts as a copy of it; ``open_database`` then
finds it up to date with one query. The default test run never loads this plugin.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from app.storage.db import MIGRATIONS, open_database


def _template() -> Path:
    """The migrated file, made once per schema and shared by every mutant."""
    schema = hashlib.sha256()
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        schema.update(script.read_bytes())
    path = Path(tempfile.gettempdir()) / f"sellerdesk-mutation-{schema.hexdigest()[:16]}.sqlite"
    if not path.exists():
        folder = Path(tempfile.mkdtemp(prefix="sellerdesk-mutation-"))
        fresh = folder / "shop.sqlite"
        open_database(str(fresh)).dispose()
        os.replace(fresh, path)  # whole or not at all: workers may race to make it
        shutil.rmtree(folder, ignore_errors=True)
    return path


@pytest.fixture(autouse=True)
def _migrated_database(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    if "db_location" in request.fixturenames and not os.environ.get("SELLERDESK_TEST_PG_URL"):
        target = tmp_path / "shop.sqlite"
        shutil.copyfile(_template(), target)
        target.chmod(0o600)
