"""Issue 12 item 8: a buyer who asked to cancel only by message (S5) is flagged in the
order list beside "Buyer requested", in the same filter, decided once in app/."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.marketplace_files.importer import import_reports
from app.order_actions.orders import cancel
from app.order_views.order_details import order_details
from app.order_views.order_list import ListQuery, page, view_counts
from app.order_views.queries import View
from app.storage import audit
from app.storage.db import open_database
from app.storage.models import Order, OrderStatus
from tests.conftest import ON_POSTGRES
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.migrations import file_downgraded
from tests.reportfiles import ORDERS_REPORT

ORDER = "405-1234567-1234567"
OTHER = "405-7654321-7654321"


def buyer_writes(db, at=NOW - timedelta(hours=2), order_id: str = ORDER) -> None:
    with db.transaction() as session:
        order = session.scalars(select(Order).where(Order.order_id == order_id)).one()
        audit.record(
            session, order, kind="buyer-message", summary="please cancel", at=at, actor="buyer"
        )


def row(db, view: View = View.ALL):
    return {r.order_id: r for r in page(db, ListQuery(view), as_of=NOW)}


def test_a_request_by_message_is_flagged_and_in_the_buyer_requested_filter(db):
    add_order(db)
    add_order(db, OrderSpec(order_id=OTHER, buyer_requested_cancel=True))
    assert view_counts(db, as_of=NOW)[View.BUYER_REQUESTED] == 1
    buyer_writes(db)
    rows = row(db, View.BUYER_REQUESTED)
    assert set(rows) == {ORDER, OTHER}
    assert rows[ORDER].asked_by_message and not rows[ORDER].buyer_requested_cancel
    assert rows[OTHER].buyer_requested_cancel and not rows[OTHER].asked_by_message
    assert view_counts(db, as_of=NOW)[View.BUYER_REQUESTED] == 2
    details = order_details(db, ORDER, NOW)
    assert details.asked_by_message
    assert details.suggested_message == "s5_request_cancellation"


def test_the_official_request_wins_over_the_message(db):
    add_order(db, OrderSpec(buyer_requested_cancel=True))
    buyer_writes(db)
    assert not row(db)[ORDER].asked_by_message
    assert row(db)[ORDER].buyer_requested_cancel


def test_once_cancelled_or_shipped_the_request_is_no_longer_flagged(db):
    add_order(db)
    add_order(
        db,
        OrderSpec(
            order_id=OTHER,
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(quantity_shipped=1)],
        ),
    )
    buyer_writes(db)
    buyer_writes(db, order_id=OTHER)
    cancel(db, ORDER, "BuyerCanceled", at=NOW)
    rows = row(db)
    assert not rows[ORDER].asked_by_message and not rows[OTHER].asked_by_message
    assert view_counts(db, as_of=NOW)[View.BUYER_REQUESTED] == 0


def test_a_message_after_the_cancellation_is_not_a_request(db):
    add_order(db)
    cancel(db, ORDER, "NoInventory", at=NOW - timedelta(hours=3))
    buyer_writes(db, at=NOW - timedelta(hours=1))
    with db.reading() as session:
        assert not session.scalars(select(Order)).one().asked_to_cancel_by_message
    assert order_details(db, ORDER, NOW).suggested_message == "s8_place_new_order"


def test_show_json_says_so_and_keeps_every_earlier_field(db, cli):
    add_order(db)
    before = set(json.loads(cli("show", ORDER, "--json").out))
    buyer_writes(db)
    data = json.loads(cli("show", ORDER, "--json").out)
    assert before <= set(data)
    assert data["asked_to_cancel_by_message"] is True
    assert "asked to cancel by message" in cli("show", ORDER).out


@pytest.mark.skipif(ON_POSTGRES, reason="the file downgrade below is SQLite's")
def test_a_request_by_message_written_before_0008_is_found_after_the_upgrade(db, db_path):
    add_order(db)
    add_order(db, OrderSpec(order_id=OTHER))
    buyer_writes(db)
    cancel(db, OTHER, "NoInventory", at=NOW - timedelta(hours=3))
    buyer_writes(db, at=NOW - timedelta(hours=1), order_id=OTHER)  # after: not a request
    db.dispose()
    file_downgraded(db_path, "0007")
    with sqlite3.connect(db_path) as connection:
        columns = {r[1] for r in connection.execute("PRAGMA table_info(orders)")}
    assert "asked_to_cancel_by_message" not in columns
    reopened = open_database(str(db_path))
    try:
        rows = row(reopened)
        assert rows[ORDER].asked_by_message and not rows[OTHER].asked_by_message
    finally:
        reopened.dispose()


def test_an_imported_official_request_is_in_the_buyer_requested_filter(db):
    import_reports(db, [ORDERS_REPORT], at=NOW)
    with db.reading() as session:
        requested = set(
            session.scalars(select(Order.order_id).where(Order.buyer_requested_cancel.is_(True)))
        )
    assert requested  # the report flags some
    shown = {r.order_id for r in page(db, ListQuery(View.BUYER_REQUESTED), as_of=NOW)}
    open_ones = {
        r.order_id
        for r in page(db, ListQuery(View.ALL), as_of=NOW)
        if r.order_id in requested and r.status in (OrderStatus.UNSHIPPED, OrderStatus.PENDING)
    }
    assert open_ones and open_ones <= shown
