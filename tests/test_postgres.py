"""The same code on PostgreSQL (DESIGN.md §7): what only a database server shows.

Collected only with SELLERDESK_TEST_PG_URL set (see tests/conftest.py); every
other test file then runs on PostgreSQL through the ``db``, ``db_path`` and
``cli`` fixtures. Here: the states × actions table, which keeps its own shared
database, runs on PostgreSQL too; a server that cannot be reached is
explained in one line, without the password of the URL; and two desks exporting
at the same moment (which SQLite's one writer at a time never shows) do not
put the same row in two batches.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app import files
from app.cli.main import main
from app.db import open_database
from app.exports import ExportKind, batches, export_new
from app.models import Order
from app.orders import cancel
from tests.conftest import ON_POSTGRES, PG_URL
from tests.factories import NOW, OrderSpec, add_order

# The table tests of test_rules, collected here again with ``shared_db`` on PostgreSQL.
from tests.test_rules import (  # noqa: F401 - collected by pytest from this module
    test_a_refused_action_says_the_rule_and_changes_nothing,
    test_an_allowed_action_changes_the_order_and_logs_one_event,
    test_random_actions_follow_an_independent_model_of_the_rules,
)

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="needs SELLERDESK_TEST_PG_URL")


@pytest.fixture(scope="module")
def shared_db(_postgres):
    """One PostgreSQL database for the many small table tests (each on its own order)."""
    with _postgres.fresh() as location:
        database = open_database(location)
        yield database
        database.dispose()


def test_the_table_tests_really_ran_on_postgresql(shared_db):
    assert shared_db.engine.dialect.name == "postgresql"
    add_order(shared_db, OrderSpec(order_id="405-9999999-0000001"))
    with shared_db.reading() as session:
        assert session.scalar(select(func.count(Order.id))) >= 1


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password(capsys):
    unreachable = make_url(PG_URL).set(host="127.0.0.1", port=1, password="s3cret-pw")
    status = main(["--db", unreachable.render_as_string(hide_password=False), "list"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("sellerdesk: The database could not be used (")
    assert err.endswith("nothing was changed.\n")
    assert err.count("\n") == 1
    assert "s3cret-pw" not in err and "Traceback" not in err


def test_an_unknown_database_on_the_server_is_explained(capsys):
    missing = make_url(PG_URL).set(database="sellerdesk_no_such_shop")
    status = main(["--db", missing.render_as_string(hide_password=False), "list"])
    err = capsys.readouterr().err
    assert status == 2
    assert 'database "sellerdesk_no_such_shop" does not exist' in err
    assert err.count("\n") == 1


def _waiting_for_a_lock(db) -> bool:
    with db.engine.connect() as connection:
        waiting = connection.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).scalar()
    return bool(waiting)


def test_two_exports_at_the_same_moment_never_upload_a_cancellation_twice(
    db, tmp_path, monkeypatch
):
    """Two desks share the database: the second export waits, then finds nothing new."""
    add_order(db, OrderSpec(order_id="405-1234567-1234567"))
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    first_file, second_file = tmp_path / "first.txt", tmp_path / "second.txt"
    second_waits = threading.Event()
    write_aside = files.write_aside

    def write_once_the_second_waits(path, data):
        # Whichever export gathered first holds its rows here until the other is queued.
        assert second_waits.wait(10)
        return write_aside(path, data)

    monkeypatch.setattr(files, "write_aside", write_once_the_second_waits)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(export_new, db, ExportKind.CANCELLATIONS, first_file)
        second = pool.submit(export_new, db, ExportKind.CANCELLATIONS, second_file)
        deadline = time.monotonic() + 10
        while not _waiting_for_a_lock(db):  # one export blocks on the other's rows
            assert time.monotonic() < deadline, "neither export waited for the other"
        second_waits.set()
        results = [first.result(10), second.result(10)]

    written = [result for result in results if result.batch_id is not None]
    assert len(written) == 1
    assert "405-1234567-1234567\tNoInventory" in written[0].path.read_text(encoding="utf-8")
    [nothing] = [result for result in results if result.batch_id is None]
    assert nothing.message.english().startswith("Nothing new")
    assert len(batches(db)) == 1


def test_a_slow_list_query_is_cancelled_on_the_server_and_the_database_stays_usable(shared_db):
    from sqlalchemy import text

    from app.order_list import Interrupted, ListQuery, page, stoppable, within

    started = time.perf_counter()
    with (
        pytest.raises(Interrupted),
        shared_db.reading() as session,
        stoppable(session, within(ms=30)),
    ):
        session.execute(text("SELECT pg_sleep(5)"))
    # The window's budget is 25 ms: a page over it must come back, not hold the window.
    assert time.perf_counter() - started < 1.0
    assert isinstance(page(shared_db, ListQuery(), stop=within(ms=5_000)), list)
