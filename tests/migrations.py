"""A test database's schema moved to another revision, as Alembic moves it: the
database an older SellerDesk left (downgraded), then upgraded again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, create_engine

from app.storage.db import _alembic_config


def downgraded(engine: Engine, revision: str) -> None:
    """The schema behind ``engine`` taken down to ``revision``, in one transaction."""
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def upgraded(engine: Engine, revision: str = "head") -> None:
    """The schema behind ``engine`` taken up to ``revision``, in one transaction."""
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def file_downgraded(path: Path, revision: str) -> None:
    """The SQLite file at ``path`` taken down to ``revision`` (no SellerDesk open on it)."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        downgraded(engine, revision)
    finally:
        engine.dispose()
