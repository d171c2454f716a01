"""Export batches: what is new, nothing twice, nothing forgotten, past batches again."""

from __future__ import annotations

import gc
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.marketplace_files import exports
from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.exports import ExportKind, batches, export_new, preview, rewrite_batch
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_item,
    find_order,
)
from app.order_actions.refunds import ItemRefund, RefundRequest, refund
from app.storage.models import (
    Cancellation,
    Event,
    Initiator,
    OrderItem,
    OrderStatus,
    Refund,
    RefundLine,
    Shipment,
    ShipmentLine,
)
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

GOLDEN = Path(__file__).with_name("golden")
ORDER_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")


def add_refund(db, order_id, ref, *, fee="0", at=NOW, reason="CustomerReturn", **amounts):
    values = {
        name: Decimal("0") for name in ("item_price", "item_tax", "shipping_price", "shipping_tax")
    }
    values.update({name: Decimal(value) for name, value in amounts.items()})
    with db.transaction() as session:
        order = find_order(session, order_id)
        refund = Refund(created_at=at, reason=reason)
        refund.lines.append(
            RefundLine(
                order_item_pk=find_item(order, ref).id, restocking_fee=Decimal(fee), **values
            )
        )
        order.refunds.append(refund)


def shipped_order(db, order_id="405-1234567-1234567", item_id="11111111111111", **item):
    spec = ItemSpec(order_item_id=item_id, quantity_shipped=item.pop("quantity", 1), **item)
    spec.quantity = spec.quantity_shipped
    return add_order(db, OrderSpec(order_id=order_id, status=OrderStatus.SHIPPED, items=[spec]))


def body(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# --- cancellation file ---------------------------------------------------------------


def test_whole_order_cancellations_go_out_once_and_a_past_batch_comes_back_identical(db, tmp_path):
    two_items = [
        ItemSpec(order_item_id="11111111111111"),
        ItemSpec(sku="TOTE-LIN-NAT", order_item_id="11111111111112"),
    ]
    add_order(db, OrderSpec(order_id="405-1234567-1234567", items=two_items))
    add_order(
        db,
        OrderSpec(
            order_id="171-0000001-0000002",
            buyer_requested_cancel=True,
            items=[ItemSpec(order_item_id="22222222222222")],
        ),
    )
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    cancel(db, "171-0000001-0000002", "BuyerCanceled", at=NOW + timedelta(minutes=1))

    first = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c1.txt")
    assert first.batch_id == 1 and first.row_count == 3
    assert (tmp_path / "c1.txt").read_bytes() == (GOLDEN / "cancellations.txt").read_bytes()

    again = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c2.txt")
    assert again.batch_id is None
    assert "Nothing new" in again.message.english()
    assert not (tmp_path / "c2.txt").exists()

    add_order(db, order_id="302-0000003-0000004")
    cancel(db, "302-0000003-0000004", "PricingError", at=NOW + timedelta(hours=1))
    second = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c3.txt")
    assert second.batch_id == 2
    assert body(tmp_path / "c3.txt")[2:] == ["302-0000003-0000004\tPricingError\t11111111111111"]

    rewrite_batch(db, ExportKind.CANCELLATIONS, 1, tmp_path / "c1-again.txt")
    assert (tmp_path / "c1-again.txt").read_bytes() == (tmp_path / "c1.txt").read_bytes()


def test_cancellations_seen_in_a_report_and_item_cancellations_stay_out(db, tmp_path):
    add_order(db, order_id="405-1234567-1234567")
    two_items = [
        ItemSpec(sku="A", order_item_id="1"),
        ItemSpec(sku="B", order_item_id="2"),
    ]
    add_order(db, OrderSpec(order_id="171-0000001-0000002", items=two_items))
    cancel(db, "171-0000001-0000002", "NoInventory", items=[ItemQuantity("A")])
    with db.transaction() as session:
        order = find_order(session, "405-1234567-1234567")
        order.status = OrderStatus.CANCELED
        order.cancellations.append(
            Cancellation(
                created_at=NOW,
                reason=None,
                initiator=Initiator.MARKETPLACE,
                counts_in_rate=False,
                whole_order=True,
                source="report",
            )
        )
    result = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert result.batch_id is None
    assert not (tmp_path / "c.txt").exists()


# --- shipping confirmation file ------------------------------------------------------


def test_shipments_one_row_per_item_with_date_and_carrier_as_golden(db, tmp_path):
    add_order(
        db,
        OrderSpec(
            order_id="405-1234567-1234567",
            items=[
                ItemSpec(sku="A", order_item_id="11111111111111"),
                ItemSpec(sku="B", order_item_id="11111111111112", quantity=2),
            ],
        ),
    )
    add_order(
        db,
        OrderSpec(order_id="171-0000001-0000002", items=[ItemSpec(order_item_id="22222222222222")]),
    )
    confirm_shipment(
        db,
        "405-1234567-1234567",
        ShipmentRequest(resolve_carrier("UPS"), "1Z999", date(2026, 11, 20)),
        at=NOW,
    )
    confirm_shipment(
        db,
        "171-0000001-0000002",
        ShipmentRequest(resolve_carrier("Colissimo"), "6A123", date(2026, 11, 19), "Standard"),
        at=NOW + timedelta(minutes=1),
    )
    shown = preview(db, ExportKind.SHIPMENTS)
    assert len(shown.rows) == 3 and shown.held_back == []
    export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt")
    assert (tmp_path / "s.txt").read_bytes() == (GOLDEN / "shipments.txt").read_bytes()


def test_an_item_without_order_item_id_is_held_back_said_and_not_forgotten(db, tmp_path):
    # A split shipment must name its items; a whole order without ids is one order row
    # (tests/test_upload_files.py).
    items = [ItemSpec(sku="MUG", order_item_id=None), ItemSpec(sku="TEA", order_item_id=None)]
    add_order(db, OrderSpec(items=items))
    request = ShipmentRequest(resolve_carrier("UPS"), items=[ItemQuantity("MUG")])
    confirm_shipment(db, "405-1234567-1234567", request, at=NOW)
    result = export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt")
    assert result.batch_id is None and not (tmp_path / "s.txt").exists()
    assert "MUG has no order-item id" in result.held_back[0].english()

    with db.transaction() as session:  # a later report gives the id
        mug = session.scalars(select(OrderItem).where(OrderItem.sku == "MUG")).one()
        mug.order_item_id = "99999999999999"
    result = export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt")
    assert result.batch_id == 1 and result.held_back == []
    assert body(tmp_path / "s.txt")[1].startswith("405-1234567-1234567\t99999999999999\t1\t")


# --- order adjustment file -----------------------------------------------------------


def test_refunds_and_partial_cancellations_as_golden_once_the_rest_ships(db, tmp_path):
    shipped_order(db)
    add_refund(
        db,
        "405-1234567-1234567",
        "11111111111111",
        fee="2.98",
        item_price="14.90",
        item_tax="2.48",
        shipping_price="4.90",
        shipping_tax="0.82",
    )
    item = ItemSpec(
        order_item_id="22222222222222",
        quantity=3,
        item_price=Decimal("15.00"),
        item_tax=Decimal("3.00"),
        shipping_price=None,
        shipping_tax=None,
    )
    add_order(db, OrderSpec(order_id="171-0000001-0000002", items=[item]))
    cancel(
        db,
        "171-0000001-0000002",
        "NoInventory",
        items=[ItemQuantity("22222222222222", 2)],
        at=NOW + timedelta(hours=1),
    )
    # One unit is still open: the partial cancellation waits, the refund alone goes.
    waiting = preview(db, ExportKind.ADJUSTMENTS)
    assert len(waiting.rows) == 1 and waiting.columns[-1] == "quantity-cancelled"
    assert waiting.rows[0][-1] == "0"

    confirm_shipment(
        db,
        "171-0000001-0000002",
        ShipmentRequest(resolve_carrier("UPS")),
        at=NOW + timedelta(hours=2),
    )
    result = export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "a.txt")
    assert result.row_count == 2
    assert (tmp_path / "a.txt").read_bytes() == (GOLDEN / "adjustments-partial.txt").read_bytes()
    assert export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "a2.txt").batch_id is None

    rewrite_batch(db, ExportKind.ADJUSTMENTS, result.batch_id, tmp_path / "again.txt")
    assert (tmp_path / "again.txt").read_bytes() == (tmp_path / "a.txt").read_bytes()


def test_refund_only_file_matches_golden_and_buyer_cancel_becomes_customer_cancel(db, tmp_path):
    shipped_order(db)
    add_refund(
        db,
        "405-1234567-1234567",
        "11111111111111",
        fee="2.98",
        item_price="14.90",
        item_tax="2.48",
        shipping_price="4.90",
        shipping_tax="0.82",
    )
    export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_bytes() == (GOLDEN / "adjustments-refund.txt").read_bytes()

    items = [ItemSpec(sku="A", order_item_id="1"), ItemSpec(sku="B", order_item_id="2")]
    add_order(
        db, OrderSpec(order_id="171-0000001-0000002", items=items, buyer_requested_cancel=True)
    )
    cancel(db, "171-0000001-0000002", "BuyerCanceled", items=[ItemQuantity("B")])
    confirm_shipment(db, "171-0000001-0000002", ShipmentRequest(resolve_carrier("UPS")))
    shown = preview(db, ExportKind.ADJUSTMENTS)
    cells = dict(zip(shown.columns, shown.rows[0], strict=True))
    assert cells["adjustment-reason-code"] == "CustomerCancel"
    assert cells["quantity-cancelled"] == "1"
    assert cells["item-price-adj"] == "14.90"


def test_partial_cancellation_of_an_order_cancelled_in_the_end_stays_out_of_adjustments(
    db, tmp_path
):
    items = [ItemSpec(sku="A", order_item_id="1"), ItemSpec(sku="B", order_item_id="2")]
    add_order(db, OrderSpec(items=items))
    cancel(db, "405-1234567-1234567", "NoInventory", items=[ItemQuantity("A")])
    cancel(db, "405-1234567-1234567", "NoInventory")
    assert preview(db, ExportKind.ADJUSTMENTS).rows == []
    # The cancellation file covers both items, the one cancelled first included.
    assert preview(db, ExportKind.CANCELLATIONS).rows == [
        ["405-1234567-1234567", "NoInventory", "1"],
        ["405-1234567-1234567", "NoInventory", "2"],
    ]


def test_a_refund_whose_fee_leaves_no_credit_is_held_back(db, tmp_path):
    shipped_order(db)
    add_refund(db, "405-1234567-1234567", "11111111111111", fee="5.00", item_price="2.00")
    shown = preview(db, ExportKind.ADJUSTMENTS)
    assert shown.rows == []
    assert "must be a credit to the buyer" in shown.held_back[0].english()


def test_every_amount_has_two_decimals_and_every_order_id_its_3_7_7_form(db, tmp_path):
    for n in range(5):
        order_id = f"405-{n:07d}-{n:07d}"
        shipped_order(db, order_id, f"{n:014d}", quantity=3, item_price=Decimal("10"))
        add_refund(db, order_id, f"{n:014d}", item_price=f"{n}.5", item_tax="0.1")
    export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "a.txt")
    header, *rows = [line.split("\t") for line in body(tmp_path / "a.txt")]
    assert len(rows) == 5
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        assert ORDER_ID.match(cells["order-id"])
        for name in header[4:-1]:
            assert re.fullmatch(r"\d+\.\d{2}", cells[name]), (name, cells[name])
        assert cells["quantity-cancelled"] == "0"


# --- batches -------------------------------------------------------------------------


def test_batch_numbers_are_one_sequence_across_file_types_and_recorded(db, tmp_path):
    add_order(db, order_id="405-1234567-1234567")
    add_order(db, order_id="171-0000001-0000002")
    cancel(db, "405-1234567-1234567", "NoInventory")
    confirm_shipment(db, "171-0000001-0000002", ShipmentRequest(resolve_carrier("UPS")))
    assert export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt").batch_id == 1
    assert export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt").batch_id == 2
    assert [(b.id, b.kind, b.row_count) for b in batches(db)] == [
        (2, ExportKind.CANCELLATIONS, 1),
        (1, ExportKind.SHIPMENTS, 1),
    ]
    with db.reading() as session:
        kinds = session.scalars(select(Event.kind).where(Event.kind == "exported")).all()
    assert len(kinds) == 2


def test_nothing_twice_nothing_forgotten_across_many_exports(db, tmp_path):
    written: list[str] = []
    for n in range(12):
        order_id = f"405-{n:07d}-0000000"
        add_order(db, order_id=order_id)
        cancel(db, order_id, "NoInventory", at=NOW + timedelta(minutes=n))
        if n % 4 == 3:
            result = export_new(db, ExportKind.CANCELLATIONS, tmp_path / f"{n}.txt")
            written += [line.split("\t")[0] for line in body(tmp_path / f"{n}.txt")[2:]]
            assert result.row_count == 4
    assert sorted(written) == sorted(f"405-{n:07d}-0000000" for n in range(12))


def test_cli_export_nothing_new_past_batch_and_wrong_batches(db, cli, tmp_path):
    add_order(db)
    cancel(db, "405-1234567-1234567", "NoInventory")
    out = tmp_path / "c.txt"
    result = cli("export", "cancellations", str(out))
    assert result.status == 0 and "Batch 1: 1 row written" in result.out
    nothing = cli("export", "cancellations", str(tmp_path / "none.txt"))
    assert nothing.status == 0 and "Nothing new" in nothing.out
    assert not (tmp_path / "none.txt").exists()
    again = cli("export", "cancellations", str(tmp_path / "again.txt"), "--batch", "1")
    assert again.status == 0
    assert (tmp_path / "again.txt").read_bytes() == out.read_bytes()
    wrong = cli("export", "shipments", str(tmp_path / "x.txt"), "--batch", "1")
    assert wrong.status == 2
    assert "Batch 1 holds the order cancellation file" in wrong.err
    assert cli("export", "shipments", str(tmp_path / "x.txt"), "--batch", "7").status == 2
    assert not (tmp_path / "x.txt").exists()


def test_a_file_that_cannot_be_written_exports_nothing(db, cli, tmp_path):
    add_order(db)
    cancel(db, "405-1234567-1234567", "NoInventory")
    result = cli("export", "cancellations", str(tmp_path / "missing-folder" / "c.txt"))
    assert result.status == 2 and "Cannot write" in result.err
    assert batches(db) == []
    assert len(preview(db, ExportKind.CANCELLATIONS).rows) == 1


def test_a_refund_made_with_the_refund_tool_goes_into_the_adjustment_file(db, tmp_path):
    shipped_order(db)
    refund(
        db,
        "405-1234567-1234567",
        RefundRequest((ItemRefund.full("11111111111111"),), "CustomerReturn"),
        at=NOW,
    )
    shown = preview(db, ExportKind.ADJUSTMENTS)
    assert shown.rows == [
        [
            "405-1234567-1234567",
            "11111111111111",
            "CustomerReturn",
            "EUR",
            "14.90",
            "2.48",
            "4.90",
            "0.82",
            "0.00",
            "0.00",
            "0",
        ]
    ]


def test_a_cancellation_recorded_without_a_reason_goes_out_as_a_bare_order_row(db, tmp_path):
    # A database from before reasons were required holds cancellations without one.
    add_order(db, OrderSpec(items=[ItemSpec(order_item_id="11111111111111")]))
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    with db.transaction() as session:
        session.execute(select(Cancellation)).scalar_one().reason = None

    result = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert result.row_count == 1
    assert body(tmp_path / "c.txt")[2:] == ["405-1234567-1234567\t\t"]


def test_a_batch_written_before_reasons_took_item_codes_comes_back_with_its_reason(db, tmp_path):
    add_order(db, OrderSpec(items=[ItemSpec(order_item_id="11111111111111")]))
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    first = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert body(tmp_path / "c.txt")[2:] == ["405-1234567-1234567\tNoInventory\t11111111111111"]
    # Then the file held the reason without an item code: the item had none yet.
    with db.transaction() as session:
        session.execute(select(OrderItem)).scalar_one().order_item_id = None

    rewrite_batch(db, ExportKind.CANCELLATIONS, first.batch_id, tmp_path / "again.txt")
    assert body(tmp_path / "again.txt")[2:] == ["405-1234567-1234567\tNoInventory\t"]


def test_an_item_the_marketplace_listed_with_no_units_gets_no_cancellation_row(db, tmp_path):
    items = [
        ItemSpec(order_item_id="11111111111111"),
        ItemSpec(sku="TOTE-LIN-NAT", quantity=0, order_item_id="11111111111112"),
    ]
    add_order(db, OrderSpec(items=items))
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)

    export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert body(tmp_path / "c.txt")[2:] == ["405-1234567-1234567\tNoInventory\t11111111111111"]


def test_a_partial_cancellation_lists_its_items_in_the_order_the_seller_named_them(db, tmp_path):
    items = [
        ItemSpec(order_item_id="11111111111111", quantity=2),
        ItemSpec(sku="TOTE-LIN-NAT", order_item_id="11111111111112", quantity=2),
    ]
    add_order(db, OrderSpec(items=items))
    cancel(
        db,
        "405-1234567-1234567",
        "NoInventory",
        items=[ItemQuantity("11111111111112", 1), ItemQuantity("11111111111111", 1)],
        at=NOW,
    )
    confirm_shipment(db, "405-1234567-1234567", ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    rows = preview(db, ExportKind.ADJUSTMENTS).rows
    assert [row[1] for row in rows] == ["11111111111112", "11111111111111"]


def test_a_partial_cancellation_keeps_the_order_its_items_were_named_whatever_index_is_read(db):
    # Without ORDER BY a database returns rows in the order of whatever index it reads;
    # PostgreSQL's planner may pick any. This index, by item and covering every column
    # the export reads, makes SQLite read a cancellation's lines by item, not as named.
    items = [
        ItemSpec(order_item_id="11111111111111", quantity=2),
        ItemSpec(sku="TOTE-LIN-NAT", order_item_id="11111111111112", quantity=2),
        ItemSpec(sku="CANDLE-SOJA", order_item_id="11111111111113", quantity=2),
    ]
    add_order(db, OrderSpec(items=items))
    named = ["11111111111113", "11111111111111", "11111111111112"]
    cancel(
        db, "405-1234567-1234567", "NoInventory", items=[ItemQuantity(r, 1) for r in named], at=NOW
    )
    confirm_shipment(db, "405-1234567-1234567", ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE INDEX lines_by_item ON cancellation_lines (cancellation_id, order_item_pk DESC,"
            " quantity, item_price, item_tax, shipping_price, shipping_tax)"
        )
    rows = preview(db, ExportKind.ADJUSTMENTS).rows
    assert [row[1] for row in rows] == ["11111111111113", "11111111111111", "11111111111112"]


# --- the rows' order, whatever the database reads first (issue 17) ---------------------
# A file lists what was done in the order it was done, then by number. Without a
# tie-break a database returns rows in whatever order the table or index it reads
# first gives, and PostgreSQL's planner may pick any index, so each test makes that
# order differ from the expected one. (Ties of cancellations were read in the orders'
# order until migration 0011 dropped ix_orders_fulfilled_by; the tie test below no
# longer makes SQLite differ there.)

A, B, C = "405-0000001-0000001", "405-0000002-0000002", "405-0000003-0000003"


def read_lines_by_item_descending(db, table: str, parent: str, columns: str) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            f"CREATE INDEX lines_by_item ON {table} ({parent}, order_item_pk DESC, {columns})"
        )


def three_orders(db, **item) -> None:
    for n, order_id in enumerate((A, B, C), start=1):
        add_order(db, OrderSpec(order_id=order_id, items=[ItemSpec(order_item_id=f"{n}", **item)]))


def test_cancellations_go_out_in_the_order_they_were_made_then_by_number(db):
    three_orders(db)
    cancel(db, A, "NoInventory", at=NOW + timedelta(hours=2))  # the first number, made last
    cancel(db, C, "NoInventory", at=NOW)  # the same moment as B's, numbered before it
    cancel(db, B, "NoInventory", at=NOW)
    assert preview(db, ExportKind.CANCELLATIONS).rows == [
        [C, "NoInventory", "3"],
        [B, "NoInventory", "2"],
        [A, "NoInventory", "1"],
    ]


def test_a_cancellation_lists_the_order_s_items_in_the_order_s_order(db):
    items = [ItemSpec(sku=sku, order_item_id=ref) for sku, ref in (("X", "7"), ("Y", "8"))]
    add_order(db, OrderSpec(order_id=A, items=[*items, ItemSpec(sku="Z", order_item_id="9")]))
    cancel(db, A, "NoInventory", at=NOW)
    with db.engine.begin() as connection:  # items read by code, highest first
        connection.exec_driver_sql(
            "CREATE INDEX items_by_code ON order_items"
            " (order_pk, order_item_id DESC, sku, quantity_cancelled)"
        )
    assert preview(db, ExportKind.CANCELLATIONS).rows == [
        [A, "NoInventory", "7"],
        [A, "NoInventory", "8"],
        [A, "NoInventory", "9"],
    ]


def ups(order_id: str, *refs: str, at=NOW) -> tuple:
    items = [ItemQuantity(ref) for ref in refs] or None
    return order_id, ShipmentRequest(resolve_carrier("UPS"), "1Z", items=items)


def test_shipments_go_out_in_the_order_they_were_made_then_by_number(db):
    three_orders(db)
    confirm_shipment(db, *ups(A), at=NOW + timedelta(hours=2))
    confirm_shipment(db, *ups(C), at=NOW)
    confirm_shipment(db, *ups(B), at=NOW)
    day = NOW.date().isoformat()
    assert preview(db, ExportKind.SHIPMENTS).rows == [
        [C, "3", "1", day, "UPS", "", "1Z", ""],
        [B, "2", "1", day, "UPS", "", "1Z", ""],
        [A, "1", "1", (NOW + timedelta(hours=2)).date().isoformat(), "UPS", "", "1Z", ""],
    ]


def test_shipments_of_the_same_moment_go_by_shipment_number_not_by_their_lines_numbers(db):
    # Two desks confirming two orders at once on PostgreSQL draw shipment and line
    # numbers from two sequences: the first shipment's line may be numbered after the
    # second's.
    three_orders(db)
    with db.transaction() as session:
        for order_id in (A, B):
            order = find_order(session, order_id)
            order.shipments.append(
                Shipment(ship_date=NOW.date(), carrier_code="UPS", created_at=NOW)
            )
    with db.transaction() as session:
        for order_id in (B, A):
            order = find_order(session, order_id)
            session.add(
                ShipmentLine(
                    shipment_id=order.shipments[0].id, order_item_pk=order.items[0].id, quantity=1
                )
            )
            session.flush()
    assert [row[:2] for row in preview(db, ExportKind.SHIPMENTS).rows] == [[A, "1"], [B, "2"]]


def test_a_shipment_lists_its_items_in_the_order_the_seller_named_them(db):
    items = [ItemSpec(sku=f"S{n}", order_item_id=f"{n}") for n in (1, 2, 3)]
    add_order(db, OrderSpec(order_id=A, items=items))
    confirm_shipment(db, *ups(A, "3", "1", "2"), at=NOW)
    read_lines_by_item_descending(db, "shipment_lines", "shipment_id", "quantity")
    assert [row[1] for row in preview(db, ExportKind.SHIPMENTS).rows] == ["3", "1", "2"]


def refund_without_lines(db, order_id: str) -> None:
    with db.transaction() as session:
        order = find_order(session, order_id)
        order.refunds.append(Refund(created_at=NOW, reason="CustomerReturn"))


def add_lines(db, order_id: str, refund_id: int, *refs: str, price="1.00") -> None:
    with db.transaction() as session:
        order = find_order(session, order_id)
        for ref in refs:
            session.add(
                RefundLine(
                    refund_id=refund_id,
                    order_item_pk=find_item(order, ref).id,
                    item_price=Decimal(price),
                    item_tax=Decimal("0"),
                    shipping_price=Decimal("0"),
                    shipping_tax=Decimal("0"),
                    restocking_fee=Decimal("0"),
                )
            )


def test_refunds_go_out_in_the_order_they_were_made_then_by_number(db):
    for order_id in (A, B, C):
        shipped_order(db, order_id, f"{order_id[-1]}")
    add_refund(db, A, "1", at=NOW + timedelta(hours=2), item_price="1.00")
    add_refund(db, C, "3", at=NOW, item_price="3.00")
    add_refund(db, B, "2", at=NOW, item_price="2.00")
    assert [row[:5] for row in preview(db, ExportKind.ADJUSTMENTS).rows] == [
        [C, "3", "CustomerReturn", "EUR", "3.00"],
        [B, "2", "CustomerReturn", "EUR", "2.00"],
        [A, "1", "CustomerReturn", "EUR", "1.00"],
    ]


def test_a_refund_lists_its_items_in_the_order_the_seller_named_them(db):
    items = [ItemSpec(sku=f"S{n}", order_item_id=f"{n}", quantity_shipped=1) for n in (1, 2, 3)]
    add_order(db, OrderSpec(order_id=A, status=OrderStatus.SHIPPED, items=items))
    refund_without_lines(db, A)
    add_lines(db, A, 1, "3", "1", "2")
    read_lines_by_item_descending(
        db,
        "refund_lines",
        "refund_id",
        "item_price, item_tax, shipping_price, shipping_tax, restocking_fee",
    )
    assert [row[1] for row in preview(db, ExportKind.ADJUSTMENTS).rows] == ["3", "1", "2"]


# --- shipping confirmation: order rows, held-back shipments, each batch once ---------------


def test_whole_orders_without_item_ids_are_order_rows_beside_item_rows_and_go_once(db, tmp_path):
    for order_id, method in ((A, "Standard"), (B, None)):  # whole orders, no item ids yet
        add_order(db, OrderSpec(order_id=order_id, items=[ItemSpec(order_item_id=None)]))
        request = ShipmentRequest(resolve_carrier("UPS"), ship_method=method)
        confirm_shipment(db, order_id, request, at=NOW)
    items = [ItemSpec(sku="MUG", order_item_id=None, quantity=2), ItemSpec(sku="TEA")]
    add_order(db, OrderSpec(order_id=C, items=items))  # a split shipment without ids
    split = ShipmentRequest(resolve_carrier("DHL"), items=[ItemQuantity("MUG")])
    confirm_shipment(db, C, split, at=NOW)
    add_order(db, OrderSpec(order_id="405-0000004-0000004"))  # item ids known, no tracking
    request = ShipmentRequest(resolve_carrier("Colissimo"), ship_method="Lettre suivie")
    confirm_shipment(db, "405-0000004-0000004", request, at=NOW)

    result = export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt", at=NOW)
    day = NOW.date().isoformat()
    assert body(tmp_path / "s.txt")[1:] == [
        f"{A}\t\t\t{day}\tUPS\t\t\tStandard",
        f"{B}\t\t\t{day}\tUPS\t\t\t",
        f"405-0000004-0000004\t11111111111111\t1\t{day}\tOther\tColissimo\t\tLettre suivie",
    ]
    (held,) = result.held_back
    assert held.english().startswith(f"Held back: the shipment of order {C} sends only some")
    again = export_new(db, ExportKind.SHIPMENTS, tmp_path / "again.txt", at=NOW)
    assert (again.batch_id, again.row_count, len(again.held_back)) == (None, 0, 1)
    assert [(b.id, b.row_count) for b in batches(db)] == [(1, 3)]


def test_the_rest_of_an_order_without_ids_shipped_at_once_is_one_order_row(db):
    items = [
        ItemSpec(sku="MUG", order_item_id=None, quantity=3),
        ItemSpec(sku="TEA", order_item_id=None),
    ]
    add_order(db, OrderSpec(order_id=A, items=items))
    # One mug and the only tea are cancelled first: the shipment sends all that is left.
    cancel(db, A, "NoInventory", items=[ItemQuantity("MUG", 1), ItemQuantity("TEA", 1)], at=NOW)
    confirm_shipment(db, A, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    shown = preview(db, ExportKind.SHIPMENTS)
    assert (shown.rows, shown.held_back) == (
        [[A, "", "", NOW.date().isoformat(), "UPS", "", "", ""]],
        [],
    )


def test_a_past_order_row_of_one_item_comes_back_as_it_went_once_its_id_is_known(db, tmp_path):
    add_order(db, OrderSpec(order_id=A, items=[ItemSpec(order_item_id=None)]))
    confirm_shipment(db, A, ShipmentRequest(resolve_carrier("UPS"), "1Z"), at=NOW)
    first = export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt", at=NOW)
    with db.transaction() as session:  # a later report gives the id
        session.execute(select(OrderItem)).scalar_one().order_item_id = "11111111111111"
    again = rewrite_batch(db, ExportKind.SHIPMENTS, first.batch_id, tmp_path / "again.txt")
    assert (tmp_path / "again.txt").read_bytes() == (tmp_path / "s.txt").read_bytes()
    assert body(tmp_path / "again.txt")[1] == f"{A}\t\t\t{NOW.date().isoformat()}\tUPS\t\t1Z\t"
    assert (again.kind, again.batch_id, again.row_count) == (ExportKind.SHIPMENTS, 1, 1)
    shown = preview(db, ExportKind.SHIPMENTS, first.batch_id)
    assert (shown.kind, shown.batch_id, shown.rows) == (
        ExportKind.SHIPMENTS,
        1,
        [[A, "", "", NOW.date().isoformat(), "UPS", "", "1Z", ""]],
    )


def test_the_batch_list_says_when_each_file_was_written_and_where(db, tmp_path):
    three_orders(db)
    cancel(db, A, "NoInventory", at=NOW)
    export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt", at=NOW + timedelta(minutes=5))
    confirm_shipment(db, *ups(B), at=NOW)
    export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt", at=NOW + timedelta(minutes=9))
    assert [(b.id, b.kind, b.created_at, b.row_count, b.file_name) for b in batches(db)] == [
        (2, ExportKind.SHIPMENTS, NOW + timedelta(minutes=9), 1, str(tmp_path / "s.txt")),
        (1, ExportKind.CANCELLATIONS, NOW + timedelta(minutes=5), 1, str(tmp_path / "c.txt")),
    ]


# --- order adjustment file: refunds and partial cancellations in the order made ----------------


def partly_cancelled(db, order_id: str, ref: str, at) -> None:
    items = [ItemSpec(order_item_id=ref, quantity=2)]
    add_order(db, OrderSpec(order_id=order_id, items=items))
    cancel(db, order_id, "NoInventory", items=[ItemQuantity(ref, 1)], at=at)
    confirm_shipment(db, order_id, ShipmentRequest(resolve_carrier("UPS")), at=at)


def test_refunds_and_partial_cancellations_share_one_timeline(db):
    later, last = NOW + timedelta(hours=1), NOW + timedelta(hours=2)
    partly_cancelled(db, A, "1", last)  # partial cancellation number 1, made last
    shipped_order(db, B, "2")
    add_refund(db, B, "2", at=later, item_price="2.00")  # refund number 1
    shipped_order(db, C, "3")
    add_refund(db, C, "3", at=last, item_price="3.00")  # refund number 2, with the first partial
    partly_cancelled(db, "405-0000004-0000004", "4", NOW)  # partial number 2, made first
    rows = preview(db, ExportKind.ADJUSTMENTS).rows
    # At the same moment a refund goes before a partial cancellation.
    assert [(row[0], row[2], row[-1]) for row in rows] == [
        ("405-0000004-0000004", "NoInventory", "1"),
        (B, "CustomerReturn", "0"),
        (C, "CustomerReturn", "0"),
        (A, "NoInventory", "1"),
    ]


def test_a_held_back_refund_holds_back_only_itself(db):
    add_order(
        db,
        OrderSpec(
            order_id=A,
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id=None, quantity=1, quantity_shipped=1)],
        ),
    )
    add_refund(db, A, "MUG-CERAM-01", at=NOW, item_price="1.00")
    shipped_order(db, B, "2")
    add_refund(db, B, "2", at=NOW + timedelta(hours=1), item_price="2.00")
    shown = preview(db, ExportKind.ADJUSTMENTS)
    assert [row[:5] for row in shown.rows] == [[B, "2", "CustomerReturn", "EUR", "2.00"]]
    (held,) = shown.held_back
    assert held.english().startswith(f"Held back: the refund of order {A}: item MUG-CERAM-01 has")


def test_an_item_the_fee_takes_entirely_leaves_the_refund_s_other_items_in_the_file(db):
    items = [ItemSpec(sku=f"S{n}", order_item_id=f"{n}", quantity_shipped=1) for n in (1, 2)]
    add_order(db, OrderSpec(order_id=A, status=OrderStatus.SHIPPED, items=items))
    refund_without_lines(db, A)
    with db.transaction() as session:
        order = find_order(session, A)
        for ref, price, fee in (("1", "2.00", "2.00"), ("2", "5.00", "1.00")):
            session.add(
                RefundLine(
                    refund_id=1,
                    order_item_pk=find_item(order, ref).id,
                    item_price=Decimal(price),
                    item_tax=Decimal("0"),
                    shipping_price=Decimal("0"),
                    shipping_tax=Decimal("0"),
                    restocking_fee=Decimal(fee),
                )
            )
    shown = preview(db, ExportKind.ADJUSTMENTS)
    assert [row[:5] for row in shown.rows] == [[A, "2", "CustomerReturn", "EUR", "4.00"]]
    assert shown.held_back == []


def test_a_partial_cancellation_seen_in_a_report_is_not_uploaded_again(db):
    add_order(db, OrderSpec(order_id=A, items=[ItemSpec(order_item_id="1", quantity=2)]))
    cancel(db, A, "NoInventory", items=[ItemQuantity("1", 1)], at=NOW, source="report")
    confirm_shipment(db, A, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    assert preview(db, ExportKind.ADJUSTMENTS).rows == []


def test_cancellations_read_a_few_orders_at_a_time_are_each_written_once(db, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK", 1)
    three_orders(db)
    for order_id in (A, B, C):
        cancel(db, order_id, "NoInventory", at=NOW)
    assert preview(db, ExportKind.CANCELLATIONS).rows == [
        [A, "NoInventory", "1"],
        [B, "NoInventory", "2"],
        [C, "NoInventory", "3"],
    ]


def test_a_held_back_cancellation_holds_back_only_itself(db):
    add_order(db, OrderSpec(order_id=A, items=[ItemSpec(order_item_id=None)]))
    add_order(db, OrderSpec(order_id=B, items=[ItemSpec(order_item_id="2")]))
    cancel(db, A, "NoInventory", at=NOW)
    cancel(db, B, "NoInventory", at=NOW + timedelta(hours=1))
    shown = preview(db, ExportKind.CANCELLATIONS)
    assert shown.rows == [[B, "NoInventory", "2"]]
    (held,) = shown.held_back
    assert held.english().startswith(f"Held back: the cancellation of order {A}: item MUG-CERAM")


def test_an_export_that_fails_before_its_file_is_placed_leaves_the_file_there_alone(db, tmp_path):
    add_order(db)
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    out = tmp_path / "c.txt"
    out.write_text("the seller's own file", encoding="utf-8")

    def fails(*_batch):
        raise OSError("the marketplace connection is down")

    with pytest.raises(OSError):
        export_new(db, ExportKind.CANCELLATIONS, out, on_batch=fails)
    assert out.read_text(encoding="utf-8") == "the seller's own file"
    assert batches(db) == []


def test_the_garbage_collector_runs_again_after_an_export(db, tmp_path):
    # An export pauses it while building the file; left off, a window open all day grows.
    add_order(db)
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert gc.isenabled()
