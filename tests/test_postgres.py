"""The same code on PostgreSQL (DESIGN.md §7): what only a database server shows.

Collected only with SELLERDESK_TEST_PG_URL set (see tests/conftest.py); every
other test file then runs on PostgreSQL through the ``db``, ``db_path`` and
``cli`` fixtures. Here: the states × actions table, which keeps its own shared
database, runs on PostgreSQL too; a server that cannot be reached is
explained in one line, without the password of the URL; and two desks exporting
at the same moment (which SQLite's one writer at a time never shows) do not
put the same row in two batches, nor refund or receive the same return twice.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.cli.main import main
from app.errors import RuleRefused
from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.exports import ExportKind, batches, export_new
from app.order_actions import refunds, returns
from app.order_actions.orders import ShipmentRequest, cancel, confirm_shipment
from app.order_actions.refunds import ItemRefund, RefundRequest
from app.storage import files
from app.storage.db import open_database
from app.storage.models import Order, OrderStatus, Refund, Return, ReturnStatus
from tests.conftest import ON_POSTGRES, PG_URL
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

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


def _two_exports_at_once(db, kind, tmp_path, monkeypatch) -> list:
    """Two desks export ``kind`` at the same moment; the one that gathered first holds its
    rows until the other is seen waiting for them. Both results, in submission order."""
    second_waits = threading.Event()
    write_aside = files.write_aside

    def write_once_the_second_waits(path, data):
        # Whichever export gathered first holds its rows here until the other is queued.
        assert second_waits.wait(10)
        return write_aside(path, data)

    monkeypatch.setattr(files, "write_aside", write_once_the_second_waits)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(export_new, db, kind, tmp_path / "first.txt")
        second = pool.submit(export_new, db, kind, tmp_path / "second.txt")
        deadline = time.monotonic() + 10
        while not _waiting_for_a_lock(db):  # one export blocks on the other's rows
            assert time.monotonic() < deadline, "neither export waited for the other"
        second_waits.set()
        return [first.result(10), second.result(10)]


def test_two_exports_at_the_same_moment_never_upload_a_cancellation_twice(
    db, tmp_path, monkeypatch
):
    """Two desks share the database: the second export waits, then finds nothing new."""
    add_order(db, OrderSpec(order_id="405-1234567-1234567"))
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    results = _two_exports_at_once(db, ExportKind.CANCELLATIONS, tmp_path, monkeypatch)

    written = [result for result in results if result.batch_id is not None]
    assert len(written) == 1
    assert "405-1234567-1234567\tNoInventory" in written[0].path.read_text(encoding="utf-8")
    [nothing] = [result for result in results if result.batch_id is None]
    assert nothing.message.english().startswith("Nothing new")
    assert len(batches(db)) == 1


def _shipped(db) -> str:
    add_order(db, OrderSpec(order_id="405-1234567-1234567"))
    confirm_shipment(db, "405-1234567-1234567", ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    return "405-1234567-1234567\t11111111111111\t1\t"


def _refunded(db) -> str:
    spec = ItemSpec(order_item_id="11111111111111", quantity_shipped=1)
    add_order(
        db, OrderSpec(order_id="405-1234567-1234567", status=OrderStatus.SHIPPED, items=[spec])
    )
    request = RefundRequest((ItemRefund.full("11111111111111"),), "CustomerReturn")
    refunds.refund(db, "405-1234567-1234567", request, at=NOW)
    return "405-1234567-1234567\t11111111111111\tCustomerReturn\t"


@pytest.mark.parametrize(
    ("kind", "make"), [(ExportKind.SHIPMENTS, _shipped), (ExportKind.ADJUSTMENTS, _refunded)]
)
def test_two_exports_at_the_same_moment_never_upload_a_shipment_or_refund_twice(
    db, tmp_path, monkeypatch, kind, make
):
    """The row locks of the shipments and refunds read (exports._gather_shipments,
    _refund_rows): the second export waits, then finds nothing new."""
    row = make(db)
    results = _two_exports_at_once(db, kind, tmp_path, monkeypatch)

    (written,) = [result for result in results if result.batch_id is not None]
    assert row in written.path.read_text(encoding="utf-8")
    assert len(batches(db)) == 1


def test_a_slow_list_query_is_cancelled_on_the_server_and_the_database_stays_usable(shared_db):
    from sqlalchemy import text

    from app.order_views.order_list import Interrupted, ListQuery, page, stoppable, within

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


ORDER = "405-1234567-1234567"


def _shipped(db) -> None:
    item = ItemSpec(order_item_id="11111111111111", quantity_shipped=1)  # 23.10 EUR charged
    add_order(db, OrderSpec(order_id=ORDER, status=OrderStatus.SHIPPED, items=[item]))


def _at_once(db, monkeypatch, module, name: str, action) -> list[object]:
    """``action`` from two desks at the same moment. Whichever reads the order first
    writes (``module.name``) only once the other is queued behind its lock; without
    the lock both would read the same balances and write twice."""
    other_waits = threading.Event()
    real = getattr(module, name)

    def once_the_other_waits(*args, **kwargs):
        assert other_waits.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, once_the_other_waits)
    outcomes: list[object] = []
    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(action) for _ in range(2)]
        deadline = time.monotonic() + 10
        while not _waiting_for_a_lock(db):
            assert time.monotonic() < deadline, "neither desk waited for the other"
        other_waits.set()
        for run in runs:
            try:
                outcomes.append(run.result(10))
            except RuleRefused as refused:
                outcomes.append(refused)
    return outcomes


def _count(db, table) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(table.id)))


def _refused(outcomes: list[object]) -> list[str]:
    return [str(o) for o in outcomes if isinstance(o, RuleRefused)]


def test_two_desks_refunding_the_same_item_at_once_refund_it_once(db, monkeypatch):
    _shipped(db)
    full = RefundRequest((ItemRefund.full("11111111111111"),), "GeneralAdjustment")
    outcomes = _at_once(
        db, monkeypatch, refunds, "record_refund", lambda: refunds.refund(db, ORDER, full, at=NOW)
    )
    assert [o.net for o in outcomes if isinstance(o, refunds.RefundPlan)] == [Decimal("23.10")]
    assert _refused(outcomes) == [
        "Item 11111111111111 is already refunded in full: nothing is left."
    ]
    assert _count(db, Refund) == 1


def test_two_desks_receiving_a_return_at_once_record_two_parcels_as_one_after_the_other(
    db, monkeypatch
):
    _shipped(db)
    returns.request_return(db, ORDER, at=NOW)
    outcomes = _at_once(
        db,
        monkeypatch,
        returns,
        "receive_return_in_session",
        lambda: returns.receive_return(db, ORDER, "new", at=NOW),
    )
    assert [o.outlook.outcome for o in outcomes] == [returns.Outcome.REFUND_DUE] * 2
    with db.reading() as session:
        found = session.scalars(select(Return).order_by(Return.id)).all()
    # The expected parcel, then a second one nobody announced: never the same one twice.
    assert [(r.status, r.requested_at) for r in found] == [
        (ReturnStatus.RECEIVED, NOW),
        (ReturnStatus.RECEIVED, None),
    ]


def test_two_desks_asking_for_the_same_return_at_once_ask_once(db, monkeypatch):
    _shipped(db)
    outcomes = _at_once(
        db,
        monkeypatch,
        returns,
        "request_return_in_session",
        lambda: returns.request_return(db, ORDER, at=NOW),
    )
    assert _refused(outcomes) == [
        "A return is already expected for this order (recorded 2026-11-20T12:00:00+00:00): "
        "record it as received when the parcel is back."
    ]
    assert _count(db, Return) == 1
