"""Each action says what it changed (app.changes), so the window refreshes that only.

The expectations are literal: a refund that suddenly claimed to move the order in
the list, or a shipment that forgot the counts, fails here before a seller sees a
stale filter count.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.changes import ALL_ORDERS, Changes, order_state, order_story
from app.marketplace.connection import SyncResult
from app.marketplace_files import bulk_cancel
from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.exports import ExportKind, export_new
from app.marketplace_files.importer import import_reports
from app.order_actions.asked_by_message import record_asked_by_message
from app.order_actions.messages import compose, log_message
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    verify_payment,
)
from app.order_actions.refunds import ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_actions.returns import receive_return, request_return
from app.order_views.order_list import ListQuery, rows_of
from app.order_views.queries import View
from app.storage.models import OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.reportfiles import ALL_ORDERS_REPORT
from tests.test_bulk_cancel import cancellation_file

ORDER = "405-1234567-1234567"
OTHER = "405-7654321-7654321"
ITEM = "11111111111111"

# An order whose state changed: its row, the counts, health.
STATE = Changes(frozenset({ORDER}), list_rows=True, counts=True, health=True)


def shipped(db, order_id: str = ORDER) -> str:
    return add_order(
        db,
        OrderSpec(
            order_id=order_id,
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id=ITEM, quantity_shipped=1)],
        ),
    )


def test_verifying_a_payment_moves_the_order_between_filters(db):
    add_order(db, OrderSpec(status=OrderStatus.PENDING))
    assert verify_payment(db, ORDER, at=NOW) == STATE


def test_a_shipment_changes_the_row_the_counts_and_health(db):
    add_order(db)
    request = ShipmentRequest(carrier=resolve_carrier("UPS"), tracking_number="1Z")
    assert confirm_shipment(db, ORDER, request, at=NOW) == STATE


def test_a_cancellation_whole_or_of_items_changes_the_row_the_counts_and_health(db):
    add_order(db)
    assert cancel(db, ORDER, "NoInventory", at=NOW).changes == STATE
    two = [ItemSpec(order_item_id="1", sku="A"), ItemSpec(order_item_id="2", sku="B")]
    add_order(db, OrderSpec(order_id=OTHER, items=two))
    some = cancel(db, OTHER, "NoInventory", items=[ItemQuantity("1", 1)], at=NOW)
    assert some.changes == Changes(frozenset({OTHER}), list_rows=True, counts=True, health=True)


def test_a_refund_changes_the_story_and_the_refunds_due_not_the_list(db):
    shipped(db)
    plan = refund(db, ORDER, RefundRequest((ItemRefund.full(ITEM),), "CustomerReturn"), at=NOW)
    assert plan.changes == Changes(frozenset({ORDER}), health=True)


def test_a_restocking_fee_is_part_of_the_refund_and_changes_the_same(db):
    shipped(db)
    request_return(db, ORDER, at=NOW - timedelta(days=3))
    receive_return(db, ORDER, "used", at=NOW - timedelta(days=1))
    full = ItemRefund.full(ITEM, Share(percent=Decimal("10")))
    plan = refund(db, ORDER, RefundRequest((full,), "CustomerReturn", "used"), at=NOW)
    assert plan.total_fee > 0
    assert plan.changes == Changes(frozenset({ORDER}), health=True)


def test_a_return_on_its_way_is_the_order_story_only(db):
    shipped(db)
    assert request_return(db, ORDER, at=NOW).changes == Changes(frozenset({ORDER}))
    assert order_story(ORDER) == Changes(frozenset({ORDER}))


def test_a_return_received_starts_the_refund_clock(db):
    shipped(db)
    received = receive_return(db, ORDER, "new", at=NOW)
    assert received.changes == Changes(frozenset({ORDER}), health=True)


def test_a_return_received_before_shipment_cancels_the_order(db):
    add_order(db)
    received = receive_return(db, ORDER, "new", at=NOW)
    assert received.cancellation is not None
    assert received.changes == STATE


def test_a_request_by_message_flags_the_row_and_its_filter_not_health(db):
    add_order(db)
    noted = record_asked_by_message(db, ORDER, at=NOW - timedelta(hours=1))
    assert noted.changes == Changes(frozenset({ORDER}), list_rows=True, counts=True)


def test_a_logged_message_is_on_the_timeline_only(db):
    add_order(db)
    message = compose(db, ORDER, "s5_request_cancellation", "en")
    assert log_message(db, message, at=NOW) == Changes(frozenset({ORDER}))


def test_a_file_of_cancellations_reloads_the_whole_list(db):
    add_order(db)
    add_order(db, order_id=OTHER)
    result = bulk_cancel.apply(
        db, cancellation_file(f"{ORDER}\tNoInventory\t", f"{OTHER}\tNoInventory\t"), at=NOW
    )
    assert result.changes == Changes(
        frozenset({ORDER, OTHER}), list_rows=True, all_orders=True, counts=True, health=True
    )


def test_an_import_changes_any_order_or_nothing_when_nothing_is_new(db):
    first = import_reports(db, [ALL_ORDERS_REPORT], at=NOW)
    assert first.changes == Changes(all_orders=True, counts=True, health=True) == ALL_ORDERS
    again = import_reports(db, [ALL_ORDERS_REPORT], at=NOW + timedelta(hours=1))
    assert again.added == again.updated == 0
    assert again.changes == Changes()
    assert not again.changes


def test_an_export_changes_the_batches_only(db, tmp_path):
    add_order(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    written = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert written.changes == Changes(batches=True)
    nothing = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "again.txt")
    assert nothing.changes == Changes()


def test_a_sync_changes_any_order_and_the_batches():
    assert SyncResult().changes == Changes(all_orders=True, counts=True, health=True, batches=True)


def test_changes_merge_and_say_whether_anything_changed():
    story = order_story(OTHER)
    merged = STATE | story | Changes(batches=True)
    assert merged == Changes(
        frozenset({ORDER, OTHER}), list_rows=True, counts=True, health=True, batches=True
    )
    assert order_state([ORDER], health=False) == Changes(
        frozenset({ORDER}), list_rows=True, counts=True
    )
    assert not Changes()
    assert story and Changes(health=True)


def test_the_rows_of_changed_orders_as_the_list_shows_them(db):
    add_order(db)
    add_order(db, order_id=OTHER, purchase_date=NOW - timedelta(days=3))
    to_ship = ListQuery(View.UNSHIPPED)
    before = {row.order_id: row for row in rows_of(db, to_ship, [ORDER, OTHER], NOW)}
    assert set(before) == {ORDER, OTHER}
    request = ShipmentRequest(carrier=resolve_carrier("UPS"))
    confirm_shipment(db, ORDER, request, at=NOW)
    # Shipped: it left "To ship"; in All orders its row says Shipped, in the same place.
    assert [row.order_id for row in rows_of(db, to_ship, [ORDER, OTHER], NOW)] == [OTHER]
    (row,) = rows_of(db, ListQuery(View.ALL), [ORDER], NOW)
    assert row.status is OrderStatus.SHIPPED
    assert row.cursor == before[ORDER].cursor
    assert rows_of(db, ListQuery(), [], NOW) == []
