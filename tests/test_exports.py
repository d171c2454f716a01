"""Export batches: what is new, nothing twice, nothing forgotten, past batches again."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

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
