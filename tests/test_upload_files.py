"""The upload files as the marketplace takes them (FORMATS.md §2–§4, updated).

- cancellation file: a reason goes with its item code, one row per item; an order
  whose item codes are unknown is held back, or sent bare when the seller accepts it;
- reading other tools' cancellation files, order-id-only rows with a given reason;
- adjustment file: quantity-cancelled on every row;
- shipping confirmation: one order-level row for a whole order without item ids;
- the carrier-code list, each code with its marketplaces and where it was found;
- round trips: what SellerDesk writes, SellerDesk (or the marketplace) reads back.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from app.marketplace_files import bulk_cancel
from app.marketplace_files.carriers import marketplace_carrier_codes, resolve_carrier
from app.marketplace_files.exports import ExportKind, export_new, preview, rewrite_batch
from app.marketplace_files.flatfiles.adjustment_file import read_adjustment_file
from app.marketplace_files.flatfiles.cancellation_file import read_cancellation_file
from app.marketplace_files.flatfiles.shipping_file import read_shipping_file
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_order,
)
from app.storage.db import Database, open_database
from app.storage.models import OrderItem, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

TWO_ITEMS = "405-1234567-1234567"
NO_CODES = "171-0000001-0000002"
HEADER = "order-id\tcancellation-reason-code\tamazon-order-item-code"


def _two_items(db: Database, order_id: str = TWO_ITEMS, ids: tuple[str, str] = ("1", "2")) -> str:
    items = [
        ItemSpec(sku="MUG", order_item_id=ids[0] or None, quantity=2),
        ItemSpec(sku="TEA", order_item_id=ids[1] or None),
    ]
    return add_order(db, OrderSpec(order_id=order_id, items=items, buyer_requested_cancel=True))


def _give_item_ids(db: Database, order_id: str) -> None:
    """What importing the unshipped orders report does for items known by SKU only."""
    with db.transaction() as session:
        order = find_order(session, order_id)
        for number, item in enumerate(order.items, start=1):
            session.execute(
                update(OrderItem).where(OrderItem.id == item.id).values(order_item_id=f"9{number}")
            )


# --- cancellation file (write) ---------------------------------------------------------


def test_a_two_item_whole_order_cancellation_is_two_rows_with_reason_and_item_code(db, tmp_path):
    _two_items(db)
    cancel(db, TWO_ITEMS, "BuyerCanceled", at=NOW)
    result = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert result.row_count == 2
    assert (tmp_path / "c.txt").read_bytes().split(b"\n")[2:] == [
        b"405-1234567-1234567\tBuyerCanceled\t1",
        b"405-1234567-1234567\tBuyerCanceled\t2",
        b"",
    ]


def test_an_order_without_item_codes_is_held_back_saying_which_report_brings_them(db, tmp_path):
    _two_items(db, NO_CODES, ("", ""))
    cancel(db, NO_CODES, "BuyerCanceled", at=NOW)
    shown = preview(db, ExportKind.CANCELLATIONS)
    assert shown.rows == []
    (held,) = shown.held_back
    assert NO_CODES in held.english() and "unshipped orders report" in held.english()
    assert "--without-reason" in held.english()
    assert export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt").batch_id is None
    # Once a report brings the codes, the reason goes with them.
    _give_item_ids(db, NO_CODES)
    assert preview(db, ExportKind.CANCELLATIONS).rows == [
        [NO_CODES, "BuyerCanceled", "91"],
        [NO_CODES, "BuyerCanceled", "92"],
    ]


def test_without_reason_sends_a_bare_row_warns_and_a_rewrite_stays_bare(db, cli, tmp_path):
    _two_items(db, NO_CODES, ("", ""))
    _two_items(db)
    cancel(db, NO_CODES, "BuyerCanceled", at=NOW)
    cancel(db, TWO_ITEMS, "NoInventory", at=NOW + timedelta(minutes=1))
    out = tmp_path / "c.txt"
    result = cli("export", "cancellations", str(out), "--without-reason", NO_CODES)
    assert result.status == 0, result.err
    assert "without its reason BuyerCanceled" in result.err and "may count" in result.err
    assert out.read_bytes().split(b"\n")[2:] == [
        b"171-0000001-0000002\t\t",
        b"405-1234567-1234567\tNoInventory\t1",
        b"405-1234567-1234567\tNoInventory\t2",
        b"",
    ]
    _give_item_ids(db, NO_CODES)
    rewrite_batch(db, ExportKind.CANCELLATIONS, 1, tmp_path / "again.txt")
    assert (tmp_path / "again.txt").read_bytes() == out.read_bytes()


def test_without_reason_naming_an_order_with_nothing_to_send_exports_nothing(db, cli, tmp_path):
    _two_items(db)
    result = cli("export", "cancellations", str(tmp_path / "c.txt"), "--without-reason", TWO_ITEMS)
    assert result.status == 2 and "Nothing was exported" in result.err
    assert not (tmp_path / "c.txt").exists()
    result = cli("export", "shipments", str(tmp_path / "s.txt"), "--without-reason", TWO_ITEMS)
    assert result.status == 2


def test_the_cancellation_file_round_trips_into_another_database(db, tmp_path):
    _two_items(db)
    add_order(db, order_id="302-0000003-0000004")
    cancel(db, TWO_ITEMS, "BuyerCanceled", at=NOW)
    cancel(db, "302-0000003-0000004", "NoInventory", at=NOW)
    export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    other = open_database(str(tmp_path / "other.sqlite"))
    try:
        _two_items(other)
        add_order(other, order_id="302-0000003-0000004")
        result = bulk_cancel.apply(other, (tmp_path / "c.txt").read_bytes(), at=NOW)
        assert len(result.applied) == 3 and result.skipped == []
        for order_id in (TWO_ITEMS, "302-0000003-0000004"):
            with db.reading() as session:
                here = [(i.ref, i.quantity_cancelled) for i in find_order(session, order_id).items]
            with other.reading() as session:
                there = find_order(session, order_id)
                assert there.status is OrderStatus.CANCELED
                assert [(i.ref, i.quantity_cancelled) for i in there.items] == here
                reasons = {c.reason for c in there.cancellations}
            assert reasons == ({"BuyerCanceled"} if order_id == TWO_ITEMS else {"NoInventory"})
    finally:
        other.dispose()


# --- cancellation file (read) ----------------------------------------------------------


OTHER_TOOL = (
    "TemplateType=OrderCancellation    Version=1.0/1.0.1    This row for Amazon.com use only.  "
    "Do not modify or delete.\r\n"
    "order-id\tmerchant-order-id\tcancellation-reason-code\tamazon-order-item-code\r\n"
    "405-1234567-1234567\tM-1\tNoInventory\t1\r\n"
    "171-0000001-0000002\tM-2\t\t\r\n"
)


def test_another_tools_file_is_read_spaces_version_merchant_order_id_crlf(db):
    read = read_cancellation_file(OTHER_TOOL.encode())
    assert read.had_template and read.problems == []
    assert [(r.order_id, r.reason, r.item_code) for r in read.rows] == [
        (TWO_ITEMS, "NoInventory", "1"),
        (NO_CODES, "", ""),
    ]


def test_order_id_only_rows_need_a_reason_from_the_seller(db, cli, tmp_path):
    _two_items(db)
    _two_items(db, NO_CODES, ("", ""))
    path = tmp_path / "other.txt"
    path.write_bytes(OTHER_TOOL.encode())
    refused = cli("import-cancellations", str(path))
    assert refused.status == 2 and "line 4" in refused.err.lower()
    assert "reason code is blank" in refused.err
    with db.reading() as session:
        assert find_order(session, TWO_ITEMS).cancellations == []
    done = cli("import-cancellations", str(path), "--reason", "BuyerCanceled")
    assert done.status == 0, done.err
    with db.reading() as session:
        order = find_order(session, NO_CODES)
        assert order.status is OrderStatus.CANCELED
        assert [c.reason for c in order.cancellations] == ["BuyerCanceled"]
        # The row with its own reason keeps it.
        assert [c.reason for c in find_order(session, TWO_ITEMS).cancellations] == ["NoInventory"]
    assert cli("import-cancellations", str(path), "--reason", "Whatever").status == 2


@pytest.mark.parametrize("version", ["1.0/1.0.1", "1.0/1.0.2", "1.0/1.0.3"])
def test_every_template_version_is_read(version):
    data = f"TemplateType=OrderCancellation\tVersion={version}\n{HEADER}\n{TWO_ITEMS}\t\t\n"
    assert [r.order_id for r in read_cancellation_file(data.encode()).rows] == [TWO_ITEMS]


def test_an_old_sellerdesk_whole_order_row_with_a_reason_and_no_item_code_is_read(db):
    _two_items(db)
    data = f"{HEADER}\n{TWO_ITEMS}\tNoInventory\t\n".encode()
    result = bulk_cancel.apply(db, data, at=NOW)
    assert "whole order" in result.applied[0].outcome.english()


# --- adjustment file -------------------------------------------------------------------


def test_the_adjustment_file_always_carries_quantity_cancelled_and_round_trips(db, tmp_path):
    _two_items(db)
    cancel(db, TWO_ITEMS, "NoInventory", items=[ItemQuantity("TEA")], at=NOW)
    confirm_shipment(db, TWO_ITEMS, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "a.txt")
    data = (tmp_path / "a.txt").read_bytes()
    header = data.split(b"\n")[0].split(b"\t")
    assert header[-1] == b"quantity-cancelled"
    (row,) = read_adjustment_file(data)
    assert (row.order_id, row.order_item_id, row.quantity_cancelled) == (TWO_ITEMS, "2", 1)


# --- shipping confirmation file --------------------------------------------------------


def test_a_whole_order_without_item_ids_ships_as_one_order_row(db, tmp_path):
    _two_items(db, NO_CODES, ("", ""))
    request = ShipmentRequest(resolve_carrier("Colissimo"), "6A123")
    confirm_shipment(db, NO_CODES, request, at=NOW)
    result = export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt")
    data = (tmp_path / "s.txt").read_bytes()
    assert result.row_count == 1
    ship_date = NOW.date().isoformat().encode()
    assert data.split(b"\n")[1] == b"171-0000001-0000002\t\t\t" + ship_date + (
        b"\tOther\tColissimo\t6A123\t"
    )
    (row,) = read_shipping_file(data)
    assert (row.order_id, row.order_item_id, row.quantity) == (NO_CODES, "", None)
    # Written again after a report brought the ids: still the same order row.
    _give_item_ids(db, NO_CODES)
    rewrite_batch(db, ExportKind.SHIPMENTS, result.batch_id, tmp_path / "again.txt")
    assert (tmp_path / "again.txt").read_bytes() == data


def test_a_split_shipment_without_item_ids_is_held_back(db, tmp_path):
    _two_items(db, NO_CODES, ("", ""))
    request = ShipmentRequest(resolve_carrier("UPS"), items=[ItemQuantity("MUG", 1)])
    confirm_shipment(db, NO_CODES, request, at=NOW)
    shown = preview(db, ExportKind.SHIPMENTS)
    assert shown.rows == []
    assert "split shipment must name its items" in shown.held_back[0].english()


def test_shipments_with_item_ids_stay_one_row_per_item_and_round_trip(db, tmp_path):
    _two_items(db)
    confirm_shipment(db, TWO_ITEMS, ShipmentRequest(resolve_carrier("UPS"), "1Z"), at=NOW)
    export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt")
    rows = read_shipping_file((tmp_path / "s.txt").read_bytes())
    assert [(r.order_item_id, r.quantity, r.carrier_code) for r in rows] == [
        ("1", 2, "UPS"),
        ("2", 1, "UPS"),
    ]


# --- carrier codes ---------------------------------------------------------------------


def test_the_carrier_list_covers_every_marketplace_with_where_each_code_was_found():
    path = Path(__file__).parents[1] / "resources" / "carrier-codes.txt"
    entries = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all(len(entry) == 3 and entry[2] for entry in entries)
    codes = marketplace_carrier_codes()
    assert len(codes) == len(entries) > 300
    assert len({code.lower() for code in codes}) == len(codes)
    places = " ".join(entry[1] for entry in entries)
    for marketplace in ("US", "EU", "UK", "JP", "IN", "AU", "SG", "AE"):
        assert marketplace in places, marketplace
    for code in ("USPS", "Royal Mail", "YAMATO", "BlueDart", "Yanwen", "4PX", "SF Express"):
        assert code in codes
    assert "Australia Post-Consignment" in codes and "DHL eCommerce" in codes
    # FORMATS.md §4: Colissimo and Mondial Relay still go as Other with their name.
    assert resolve_carrier("Colissimo").code == "Other"
    assert resolve_carrier("mondial relay").name == "mondial relay"


def test_bad_without_reason_order_id_is_bad_input(db, cli, tmp_path):
    result = cli("export", "cancellations", str(tmp_path / "c.txt"), "--without-reason", "12")
    assert result.status == 2
