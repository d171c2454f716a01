"""The same code on PostgreSQL (DESIGN.md §7): what only a database server shows.

Collected only with SELLERDESK_TEST_PG_URL set (see tests/conftest.py); every
other test file then runs on PostgreSQL through the ``db``, ``db_path`` and
``cli`` fixtures. Here: the states × actions table, which keeps its own shared
database, runs on PostgreSQL too; and a server that cannot be reached is
explained in one line, without the password of the URL.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.cli.main import main
from app.db import open_database
from app.models import Order
from tests.conftest import ON_POSTGRES, PG_URL
from tests.factories import OrderSpec, add_order

# The table tests of test_rules, collected here again with ``shared_db`` on PostgreSQL.
from tests.test_rules import (  # noqa: F401 - collected by pytest from this module
    test_a_refused_action_says_the_rule_and_changes_nothing,
    test_an_allowed_action_changes_the_order_and_logs_one_event,
    test_random_actions_keep_the_invariants,
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
