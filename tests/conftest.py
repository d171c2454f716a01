"""Shared fixtures: a fresh database per test, no display, no real data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli.main import main
from app.db import Database, open_database


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Never touch the seller's real data folder or settings."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SELLERDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    monkeypatch.delenv("SELLERDESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(str(db_path))
    yield database
    database.dispose()


@dataclass
class CliResult:
    status: int
    out: str
    err: str


@pytest.fixture
def cli(db_path: Path, capsys):
    """Run ``sellerdesk --db <test db> ARGS...`` in-process; returns status, stdout, stderr."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        status = main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return CliResult(status, captured.out, captured.err)

    return run
