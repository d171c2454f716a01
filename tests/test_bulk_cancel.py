"""Bulk cancel from a cancellation file: a plan per line, then all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import BadInput, RuleRefused
from app.marketplace_files import bulk_cancel
from app.marketplace_files.exports import ExportKind, preview
from app.marketplace_files.flatfiles.cancellation_file import TEMPLATE_LINE
from app.order_actions.orders import ItemQuantity, cancel, find_order
from app.storage.models import Cancellation, Event, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

HEADER = "order-id\tcancellation-reason-code\tamazon-order-item-code"


def cancellation_file(*rows: str, template: bool = True, end: str = "\n") -> bytes:
    lines = ([TEMPLATE_LINE] if template else []) + [HEADER, *rows]
    return (end.join(lines) + end).encode("utf-8")


def status(db, order_id: str) -> OrderStatus:
    with db.reading() as session:
        return find_order(session, order_id).status


def cancellation_count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Cancellation))


@pytest.fixture
def shop(db):
    add_order(db, order_id="405-0000001-0000001")
    add_order(db, order_id="405-0000002-0000002", buyer_requested_cancel=True)
    add_order(db, order_id="405-0000003-0000003", status=OrderStatus.PENDING)
    shipped = ItemSpec(order_item_id="31", quantity_shipped=1)
    add_order(
        db, OrderSpec(order_id="405-0000004-0000004", status=OrderStatus.SHIPPED, items=[shipped])
    )
    two = [ItemSpec(sku="A", order_item_id="51", quantity=2), ItemSpec(sku="B", order_item_id="52")]
    add_order(db, OrderSpec(order_id="405-0000005-0000005", items=two))
    return db


def test_plan_says_per_line_what_happens_and_the_rate_effect_and_changes_nothing(shop):
    data = cancellation_file(
        "405-0000001-0000001\tNoInventory\t",
        "405-0000002-0000002\tBuyerCanceled\t",
        "405-0000005-0000005\tNoInventory\tA",
    )
    plan = bulk_cancel.plan(shop, data, at=NOW)
    assert plan.exit_status == 0
    first, second, third = plan.rows
    assert (first.line, second.line, third.line) == (3, 4, 5)
    assert "whole order" in first.outcome.english() and first.counts_in_rate
    assert second.counts_in_rate is False
    assert "does not count" in second.rate_effect.english().lower()
    assert "item 51 (2 units)" in third.outcome.english()
    assert plan.counted == 2
    # Five orders in the window, two more counted: the file takes the rate to 40 %.
    assert plan.rate_before.percent == 0
    assert plan.rate_after.seller_cancellations == 2
    assert "0.00 % now, 40.00 % after" in plan.rate_summary().english()
    assert status(shop, "405-0000001-0000001") is OrderStatus.UNSHIPPED
    assert cancellation_count(shop) == 0


def test_apply_cancels_all_rows_in_one_go_from_the_file_source(shop):
    data = cancellation_file(
        "405-0000001-0000001\tNoInventory\t",
        "405-0000005-0000005\tNoInventory\t52",
    )
    result = bulk_cancel.apply(shop, data)
    assert len(result.applied) == 2
    assert status(shop, "405-0000001-0000001") is OrderStatus.CANCELED
    with shop.reading() as session:
        order = find_order(session, "405-0000005-0000005")
        assert [i.quantity_cancelled for i in order.items] == [0, 1]
        sources = session.scalars(select(Cancellation.source)).all()
        assert sources == ["file", "file"]
        assert session.scalar(select(Event).where(Event.kind == "bulk-cancelled")) is not None
    # The whole-order row goes into the cancellation file; the item row waits for shipment.
    assert [row[0] for row in preview(shop, ExportKind.CANCELLATIONS).rows] == [
        "405-0000001-0000001"
    ]


def event_count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Event))


def many_orders(db, count: int) -> bytes:
    ids = [f"406-{n:07d}-0000001" for n in range(count)]
    for order_id in ids:
        add_order(db, order_id=order_id)
    return cancellation_file(*(f"{order_id}\tNoInventory\t" for order_id in ids))


def test_plan_and_apply_tell_their_progress_up_to_every_line(shop):
    data = many_orders(shop, 60)
    for run in (
        lambda told: bulk_cancel.plan(shop, data, at=NOW, progress=lambda *p: told.append(p)),
        lambda told: bulk_cancel.apply(shop, data, at=NOW, progress=lambda *p: told.append(p)),
    ):
        told: list[tuple[int, int]] = []
        run(told)
        assert told[0] == (0, 60) and told[-1] == (60, 60)
        assert [done for done, _total in told] == sorted(done for done, _total in told)
        assert len(told) > 2  # in between too, not only at the ends
    assert status(shop, "406-0000059-0000001") is OrderStatus.CANCELED


def test_stopping_an_apply_half_way_cancels_nothing(shop):
    data = many_orders(shop, 60)
    events = event_count(shop)
    told: list[int] = []
    with pytest.raises(bulk_cancel.BulkCancelStopped) as stopped:
        bulk_cancel.apply(
            shop,
            data,
            at=NOW,
            progress=lambda done, _total: told.append(done),
            cancelled=lambda: bool(told) and told[-1] >= 25,  # after some rows were cancelled
        )
    assert "nothing was cancelled" in stopped.value.message.english()
    assert cancellation_count(shop) == 0 and event_count(shop) == events
    assert status(shop, "406-0000000-0000001") is OrderStatus.UNSHIPPED


def test_stopping_a_plan_raises_and_changes_nothing(shop):
    data = many_orders(shop, 3)
    with pytest.raises(bulk_cancel.BulkCancelStopped):
        bulk_cancel.plan(shop, data, at=NOW, cancelled=lambda: True)
    assert cancellation_count(shop) == 0


def test_any_refused_row_applies_nothing_and_lists_every_problem_by_line(shop):
    data = cancellation_file(
        "405-0000001-0000001\tNoInventory\t",  # fine
        "405-0000003-0000003\tNoInventory\t",  # pending
        "405-0000004-0000004\tNoInventory\t",  # shipped
    )
    with pytest.raises(RuleRefused) as refused:
        bulk_cancel.apply(shop, data)
    details = [d.english() for d in refused.value.details]
    assert details[0].startswith("Line 4: ") and "pending" in details[0]
    assert details[1].startswith("Line 5: ") and "shipped" in details[1]
    assert status(shop, "405-0000001-0000001") is OrderStatus.UNSHIPPED
    assert cancellation_count(shop) == 0


def test_malformed_rows_give_exit_two_with_per_line_messages(shop):
    data = cancellation_file(
        "405-0000001-0000001\tNoInventory\t",
        "405-0000001-0000001\tNoInventory\t",  # repeated
        "405-0000002-0000002\t\t",  # blank reason
        "405-0000005-0000005\tOutOfStock\t",  # unknown reason
        "405-9999999-9999999\tNoInventory\t",  # unknown order
        "4051234567\tNoInventory\t",  # not an order id
        "405-0000005-0000005\tNoInventory\tZZZ",  # unknown item
    )
    plan = bulk_cancel.plan(shop, data)
    assert plan.exit_status == 2
    problems = {row.line: row.problem.english() for row in plan.invalid_rows}
    assert "This row repeats line 3" in problems[4]
    assert "The reason code is blank" in problems[5]
    assert "Unknown cancellation reason code 'OutOfStock'" in problems[6]
    assert "no order 405-9999999-9999999" in problems[7]
    assert "is not an order id" in problems[8]
    assert "has no item ZZZ" in problems[9]
    with pytest.raises(BadInput):
        bulk_cancel.apply(shop, data)
    assert cancellation_count(shop) == 0


def test_skip_invalid_applies_the_valid_rows_only(shop):
    data = cancellation_file(
        "405-0000001-0000001\tNoInventory\t",
        "405-0000004-0000004\tNoInventory\t",
    )
    result = bulk_cancel.apply(shop, data, skip_invalid=True)
    assert [row.line for row in result.applied] == [3]
    assert [row.line for row in result.skipped] == [4]
    assert "1 cancellation applied; lines skipped: 1" in result.message.english()
    assert status(shop, "405-0000001-0000001") is OrderStatus.CANCELED


def test_a_later_row_sees_what_an_earlier_row_did(shop):
    data = cancellation_file(
        "405-0000005-0000005\tNoInventory\t",
        "405-0000005-0000005\tNoInventory\t51",
    )
    plan = bulk_cancel.plan(shop, data)
    assert plan.rows[0].valid
    assert "after line 3" in plan.rows[1].problem.english()


def test_reads_the_file_as_a_spreadsheet_saves_it(shop):
    data = (
        "Order-ID\tCANCELLATION-REASON-CODE\r\n\r\n405-0000001-0000001\tnoinventory\r\n\r\n"
    ).encode("cp1252")
    plan = bulk_cancel.plan(shop, b"\xef\xbb\xbf" + data)
    assert plan.exit_status == 0 and len(plan.rows) == 1


def test_bad_files_are_refused_whole_or_per_line_and_change_nothing(shop, tmp_path):
    wrong = b"TemplateType=OrderFulfillment\tVersion=1\nsku\n"
    with pytest.raises(BadInput, match=r"Line 1: this file.s template is OrderFulfillment"):
        bulk_cancel.plan(shop, wrong)
    with pytest.raises(BadInput, match="no cancellation rows"):
        bulk_cancel.plan(shop, cancellation_file())
    mixed = (
        b"order-id\tcancellation-reason-code\tnote\n"
        + "405-0000001-0000001\tNoInventory\tcafé\n".encode()
        + "405-0000005-0000005\tNoInventory\tcafé\n".encode("cp1252")
    )
    plan = bulk_cancel.plan(shop, mixed)
    assert plan.exit_status == 2
    assert [row.line for row in plan.invalid_rows] == [3]
    with pytest.raises(BadInput):
        bulk_cancel.apply(shop, mixed)
    assert cancellation_count(shop) == 0


def test_cli_dry_run_apply_and_exit_statuses(shop, cli, tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_bytes(cancellation_file("405-0000001-0000001\tNoInventory\t", end="\r\n"))
    refused = tmp_path / "refused.txt"
    refused.write_bytes(cancellation_file("405-0000004-0000004\tNoInventory\t"))
    malformed = tmp_path / "malformed.txt"
    malformed.write_bytes(cancellation_file("405-0000001-0000001\tNope\t"))

    dry = cli("import-cancellations", str(good), "--dry-run")
    assert dry.status == 0 and "line 3" in dry.out and "nothing was changed" in dry.out
    assert status(shop, "405-0000001-0000001") is OrderStatus.UNSHIPPED
    assert cli("import-cancellations", str(refused)).status == 1
    bad = cli("import-cancellations", str(malformed))
    assert bad.status == 2 and "Line 3:" in bad.err
    assert cli("import-cancellations", str(tmp_path / "missing.txt")).status == 2
    done = cli("import-cancellations", str(good))
    assert done.status == 0 and "1 cancellation applied" in done.out
    assert status(shop, "405-0000001-0000001") is OrderStatus.CANCELED


def test_two_item_rows_of_one_order_each_keep_their_own_units_and_amounts(shop):
    data = cancellation_file(
        "405-0000005-0000005\tNoInventory\t51",
        "405-0000001-0000001\tNoInventory\t",
        "405-0000005-0000005\tBuyerCanceled\t52",
    )
    bulk_cancel.apply(shop, data, at=NOW)
    with shop.reading() as session:
        order = find_order(session, "405-0000005-0000005")
        assert order.status is OrderStatus.CANCELED
        items = {item.id: item.order_item_id for item in order.items}
        found = [
            (
                c.reason,
                c.whole_order,
                [(items[line.order_item_pk], line.quantity) for line in c.lines],
            )
            for c in sorted(order.cancellations, key=lambda c: c.reason)
        ]
    # The second row takes the order's last unit: only it is the whole order's end.
    assert found == [("BuyerCanceled", True, [("52", 1)]), ("NoInventory", False, [("51", 2)])]


def test_a_files_cancellations_are_stored_between_those_done_by_hand_before_and_after(shop):
    # The file's cancellations take their keys themselves (no key read back per row):
    # they must follow the ones already there, and leave the next to a later one.
    cancel(shop, "405-0000005-0000005", "NoInventory", items=[ItemQuantity("51", 1)], at=NOW)
    data = cancellation_file(
        "405-0000001-0000001\tNoInventory\t", "405-0000005-0000005\tNoInventory\t"
    )
    bulk_cancel.apply(shop, data, at=NOW)
    cancel(shop, "405-0000002-0000002", "BuyerCanceled", at=NOW)
    with shop.reading() as session:
        found = {}
        for order_id in ("405-0000001-0000001", "405-0000002-0000002", "405-0000005-0000005"):
            order = find_order(session, order_id)
            items = {item.id: item.order_item_id for item in order.items}
            found[order_id] = [
                (c.source, sorted((items[line.order_item_pk], line.quantity) for line in c.lines))
                for c in sorted(order.cancellations, key=lambda c: c.id)
            ]
    assert found == {
        "405-0000001-0000001": [("file", [("11111111111111", 1)])],
        "405-0000002-0000002": [("local", [("11111111111111", 1)])],
        "405-0000005-0000005": [("local", [("51", 1)]), ("file", [("51", 1), ("52", 1)])],
    }
