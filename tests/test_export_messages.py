"""What the seller reads about an upload file, word for word (FORMATS.md §2–§4).

The held-back reasons, the warning of a cancellation sent without its reason, the
refusals of a wrong batch and the one-line results are the seller's only way to
know what is in the file and what is not: each is written out here in full.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import BadInput
from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.exports import ExportKind, export_new, preview, rewrite_batch
from app.order_actions.orders import ItemQuantity, ShipmentRequest, cancel, confirm_shipment
from app.storage.models import Event, ExportBatch
from app.text import from_json
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.test_exports import add_refund, shipped_order
from tests.test_rule_edges import in_french

ORDER = "405-1234567-1234567"
NO_CODES = "171-0000001-0000002"


def two_items(db, order_id: str = ORDER, ids: tuple[str | None, str | None] = ("1", "2")) -> None:
    items = [
        ItemSpec(sku="MUG", order_item_id=ids[0], quantity=2),
        ItemSpec(sku="TEA", order_item_id=ids[1]),
    ]
    add_order(db, OrderSpec(order_id=order_id, items=items))


def refused(call, *args, **options) -> str:
    with pytest.raises(BadInput) as error:
        call(*args, **options)
    return error.value.message.english()


def test_a_cancellation_without_item_codes_is_held_back_saying_what_to_do(db):
    two_items(db, NO_CODES, (None, None))
    cancel(db, NO_CODES, "BuyerCanceled", at=NOW)
    shown = preview(db, ExportKind.CANCELLATIONS)
    assert shown.rows == []
    assert [held.english() for held in shown.held_back] == [
        f"Held back: the cancellation of order {NO_CODES}: item MUG has no order-item id yet, "
        "and the marketplace takes a reason only with the item code. Import the unshipped "
        "orders report or the order report that lists it, then export again; or send it "
        f"without its reason (export cancellations --without-reason {NO_CODES}), which may "
        "count in your cancellation rate."
    ]
    assert shown.held_back[0].context == "Exports"


def test_a_cancellation_sent_without_its_reason_warns_that_it_may_count(db):
    two_items(db, NO_CODES, (None, None))
    cancel(db, NO_CODES, "BuyerCanceled", at=NOW)
    shown = preview(db, ExportKind.CANCELLATIONS, without_reason=[NO_CODES])
    assert shown.rows == [[NO_CODES, "", ""]]
    assert shown.held_back == []
    assert [warning.english() for warning in shown.warnings] == [
        f"Order {NO_CODES} goes without its reason BuyerCanceled: the marketplace records no "
        "reason, so this cancellation may count in your cancellation rate."
    ]


def test_without_reason_naming_an_order_not_held_back_exports_nothing(db, tmp_path):
    two_items(db)
    two_items(db, "405-7654321-7654321")
    says = (
        "No cancellation of 405-1234567-1234567, 405-7654321-7654321 waits to be exported: "
        "--without-reason names orders whose cancellation is held back for want of item "
        "codes. Nothing was exported."
    )
    order_ids = ["405-7654321-7654321", ORDER]
    assert refused(preview, db, ExportKind.CANCELLATIONS, without_reason=order_ids) == says
    out = tmp_path / "c.txt"
    assert refused(export_new, db, ExportKind.CANCELLATIONS, out, without_reason=order_ids) == says
    assert not out.exists()


def test_a_split_shipment_of_items_without_ids_is_held_back(db):
    two_items(db, ids=(None, None))
    request = ShipmentRequest(resolve_carrier("UPS"), items=[ItemQuantity("TEA")])
    confirm_shipment(db, ORDER, request, at=NOW)
    assert [held.english() for held in preview(db, ExportKind.SHIPMENTS).held_back] == [
        f"Held back: the shipment of order {ORDER} sends only some of its items, and item "
        "TEA has no order-item id yet: a split shipment must name its items. Import the "
        "unshipped orders report or the order report that lists it, then export again."
    ]


def test_a_refund_whose_fee_leaves_a_debit_is_held_back_with_the_amount(db):
    shipped_order(db)
    add_refund(db, ORDER, "11111111111111", fee="5.00", item_price="2.00", item_tax="0.40")
    shown = preview(db, ExportKind.ADJUSTMENTS)
    assert shown.rows == []
    assert [held.english() for held in shown.held_back] == [
        f"Held back: the refund of order {ORDER}, item 11111111111111: after the restocking "
        "fee it gives the buyer -2.60 EUR, and an adjustment row must be a credit to the buyer."
    ]


def test_a_refund_the_fee_takes_entirely_sends_no_row_and_holds_nothing_back(db):
    shipped_order(db)
    add_refund(db, ORDER, "11111111111111", fee="2.00", item_price="2.00")
    shown = preview(db, ExportKind.ADJUSTMENTS)
    assert (shown.rows, shown.held_back) == ([], [])


def test_a_refund_with_a_fee_is_one_row_of_what_the_buyer_gets_back(db):
    shipped_order(db)
    add_refund(db, ORDER, "11111111111111", fee="1.00", item_price="2.00", shipping_price="0.50")
    (row,) = preview(db, ExportKind.ADJUSTMENTS).rows
    assert row[:4] == [ORDER, "11111111111111", "CustomerReturn", "EUR"]
    assert row[4:8] == ["1.00", "0.00", "0.50", "0.00"]  # the fee comes off the item price


def test_a_batch_that_does_not_exist_or_holds_another_file_is_refused(db, tmp_path):
    two_items(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt", at=NOW)
    assert refused(preview, db, ExportKind.CANCELLATIONS, 7) == (
        "There is no batch 7 in this database."
    )
    assert refused(preview, db, ExportKind.SHIPMENTS, 1) == (
        "Batch 1 holds the order cancellation file, not the shipping confirmation file."
    )
    assert refused(rewrite_batch, db, ExportKind.ADJUSTMENTS, 1, tmp_path / "a.txt") == (
        "Batch 1 holds the order cancellation file, not the order adjustment file."
    )
    assert not (tmp_path / "a.txt").exists()


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (ExportKind.CANCELLATIONS, "order cancellation file"),
        (ExportKind.ADJUSTMENTS, "order adjustment file"),
        (ExportKind.SHIPMENTS, "shipping confirmation file"),
    ],
)
def test_nothing_new_writes_no_file_and_says_so(db, tmp_path, kind, label):
    out = tmp_path / "f.txt"
    result = export_new(db, kind, out)
    assert (result.kind, result.batch_id, result.row_count, result.path) == (kind, None, 0, None)
    assert result.message.english() == f"Nothing new for the {label}: no file was written."
    assert not out.exists()


def test_a_written_batch_says_how_many_rows_and_where_and_again_the_same(db, tmp_path):
    two_items(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    out = tmp_path / "c.txt"
    result = export_new(db, ExportKind.CANCELLATIONS, out, at=NOW)
    assert (result.kind, result.batch_id, result.row_count, result.path) == (
        ExportKind.CANCELLATIONS,
        1,
        2,
        out,
    )
    assert result.message.english() == (
        f"Batch 1: 2 rows written to {out}. Upload this file in Seller Central."
    )
    again = rewrite_batch(db, ExportKind.CANCELLATIONS, 1, tmp_path / "again.txt")
    assert (again.batch_id, again.row_count, again.path) == (1, 2, tmp_path / "again.txt")
    assert again.message.english() == f"Batch 1 written again to {tmp_path / 'again.txt'} (2 rows)."


def test_one_row_is_said_in_the_singular(db, tmp_path):
    add_order(db, OrderSpec(order_id=ORDER))
    cancel(db, ORDER, "NoInventory", at=NOW)
    out = tmp_path / "c.txt"
    assert export_new(db, ExportKind.CANCELLATIONS, out).message.english() == (
        f"Batch 1: 1 row written to {out}. Upload this file in Seller Central."
    )


# -- the rows themselves ------------------------------------------------------------------


def test_a_refund_that_nets_exactly_nothing_is_held_back(db):
    shipped_order(db)
    add_refund(db, ORDER, "11111111111111", fee="2.50", item_price="2.00", shipping_price="0.50")
    shown = preview(db, ExportKind.ADJUSTMENTS)
    assert shown.rows == []
    assert [held.english() for held in shown.held_back] == [
        f"Held back: the refund of order {ORDER}, item 11111111111111: after the restocking "
        "fee it gives the buyer 0.00 EUR, and an adjustment row must be a credit to the buyer."
    ]


def test_a_partial_cancellation_gives_back_each_component_of_the_cancelled_unit(db):
    items = [
        ItemSpec(order_item_id="11111111111111", quantity=2, item_price=Decimal("29.80")),
        ItemSpec(sku="TOTE-LIN-NAT", order_item_id="22222222222222"),
    ]
    add_order(db, OrderSpec(order_id=ORDER, items=items))
    cancel(db, ORDER, "NoInventory", items=[ItemQuantity("11111111111111", 1)], at=NOW)
    confirm_shipment(db, ORDER, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    (row,) = preview(db, ExportKind.ADJUSTMENTS).rows
    # Half of each line total of the two mugs: 29.80, 2.48, 4.90 and 0.82.
    assert row[:8] == [
        ORDER,
        "11111111111111",
        "NoInventory",
        "EUR",
        "14.90",
        "1.24",
        "2.45",
        "0.41",
    ]
    assert row[-1] == "1"  # quantity-cancelled


def test_a_whole_order_of_one_item_without_id_is_one_order_row_without_tracking(db):
    add_order(db, OrderSpec(order_id=ORDER, items=[ItemSpec(sku="MUG", order_item_id=None)]))
    confirm_shipment(db, ORDER, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    shown = preview(db, ExportKind.SHIPMENTS)
    assert shown.held_back == []
    (row,) = shown.rows
    cells = dict(zip(shown.columns, row, strict=True))
    assert (cells["order-id"], cells["order-item-id"], cells["quantity"]) == (ORDER, "", "")
    assert cells["tracking-number"] == ""


def partly_cancelled_then_shipped(db, order_id: str) -> None:
    items = [
        ItemSpec(order_item_id=f"{order_id[-7:]}1", quantity=2),
        ItemSpec(sku="TOTE-LIN-NAT", order_item_id=f"{order_id[-7:]}2"),
    ]
    add_order(db, OrderSpec(order_id=order_id, items=items))
    cancel(db, order_id, "NoInventory", items=[ItemQuantity(f"{order_id[-7:]}1", 1)], at=NOW)
    confirm_shipment(db, order_id, ShipmentRequest(resolve_carrier("UPS")), at=NOW)


def test_a_past_adjustment_batch_holds_only_its_own_partial_cancellations(db, tmp_path):
    partly_cancelled_then_shipped(db, ORDER)
    export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "1.txt", at=NOW)
    partly_cancelled_then_shipped(db, "405-7654321-7654321")
    export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "2.txt", at=NOW)
    assert [row[0] for row in preview(db, ExportKind.ADJUSTMENTS, 1).rows] == [ORDER]
    assert [row[0] for row in preview(db, ExportKind.ADJUSTMENTS, 2).rows] == [
        "405-7654321-7654321"
    ]


def test_the_batch_is_on_the_timeline_and_handed_over_with_its_file(db, tmp_path):
    two_items(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    handed = []
    out = tmp_path / "c.txt"
    export_new(
        db,
        ExportKind.CANCELLATIONS,
        out,
        at=NOW,
        # What the hook records goes in the export's own transaction: it sees the batch.
        on_batch=lambda session, *batch: handed.append(
            (session.get(ExportBatch, batch[0]).row_count, *batch)
        ),
    )
    ((row_count, batch_id, kind, data, columns, rows),) = handed
    assert row_count == 2
    assert (batch_id, kind, data) == (1, ExportKind.CANCELLATIONS, out.read_bytes())
    assert columns == ["order-id", "cancellation-reason-code", "amazon-order-item-code"]
    assert rows == [[ORDER, "NoInventory", "1"], [ORDER, "NoInventory", "2"]]
    with db.reading() as session:
        (event,) = session.scalars(select(Event).where(Event.kind == "exported"))
        assert event.summary == f"Batch 1: order cancellation file with 2 rows written to {out}."
        assert event.actor == "seller"


def test_every_export_sentence_reads_in_french_in_the_french_window(db, qapp, tmp_path):
    two_items(db, NO_CODES, (None, None))
    cancel(db, NO_CODES, "BuyerCanceled", at=NOW)
    (warning,) = preview(db, ExportKind.CANCELLATIONS, without_reason=[NO_CODES]).warnings
    with pytest.raises(BadInput) as not_held_back:
        preview(db, ExportKind.CANCELLATIONS, without_reason=[ORDER])
    two_items(db, ids=(None, None))
    split = ShipmentRequest(resolve_carrier("UPS"), items=[ItemQuantity("TEA")])
    confirm_shipment(db, ORDER, split, at=NOW)
    (split_held_back,) = preview(db, ExportKind.SHIPMENTS).held_back
    shipped_order(db, "405-7654321-7654321")
    add_refund(db, "405-7654321-7654321", "11111111111111", fee="5", item_price="2", item_tax="0.4")
    (debit_held_back,) = preview(db, ExportKind.ADJUSTMENTS).held_back
    out, again = tmp_path / "c.txt", tmp_path / "again.txt"
    written = export_new(db, ExportKind.CANCELLATIONS, out, at=NOW, without_reason=[NO_CODES])
    with pytest.raises(BadInput) as no_batch:
        preview(db, ExportKind.CANCELLATIONS, 7)
    with pytest.raises(BadInput) as other_file:
        preview(db, ExportKind.SHIPMENTS, 1)
    rewritten = rewrite_batch(db, ExportKind.CANCELLATIONS, 1, again)
    nothing_new = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "none.txt").message
    with db.reading() as session:
        (event,) = session.scalars(select(Event).where(Event.kind == "exported"))
        on_the_timeline = from_json(event.summary_text)

    said = [
        warning,
        not_held_back.value.message,
        split_held_back,
        debit_held_back,
        written.message,
        no_batch.value.message,
        rewritten.message,
        on_the_timeline,
    ]
    assert [in_french(qapp, sentence) for sentence in said] == [
        f"La commande {NO_CODES} part sans son motif BuyerCanceled\u00a0: Amazon n’enregistre "
        "aucun motif, cette annulation peut donc compter dans votre taux d’annulations.",
        f"Aucune annulation de {ORDER} n’attend d’être exportée\u00a0: --without-reason "
        "désigne les commandes dont l’annulation est retenue faute de codes d’articles. Rien "
        "n’a été exporté.",
        f"Retenue\u00a0: l’expédition de la commande {ORDER} n’envoie qu’une partie de ses "
        "articles, et l’article TEA n’a pas encore d’identifiant d’article de commande\u00a0: "
        "une expédition partielle doit nommer ses articles. Importez le rapport sur les "
        "commandes non expédiées ou le rapport sur les commandes qui le contient, puis "
        "exportez à nouveau.",
        "Retenu\u00a0: le remboursement de la commande 405-7654321-7654321, article "
        "11111111111111\u00a0: après déduction des frais de restockage, l'acheteur recevrait "
        "-2,60\u00a0€, alors qu'une ligne d'ajustement doit être un crédit en faveur de "
        "l'acheteur.",
        f"Lot 1\u00a0: 1 ligne écrite dans {out}. Chargez ce fichier dans Seller Central.",
        "Il n'y a pas de lot 7 dans cette base de données.",
        f"Lot 1 réécrit dans {again} (1 ligne).",
        f"Lot 1\u00a0: fichier d'annulation de commandes de 1 ligne écrit dans {out}.",
    ]
    assert in_french(qapp, other_file.value.message) == (
        "Le lot 1 correspond au fichier d'annulation de commandes, pas au fichier de "
        "confirmation d'expédition."
    )
    assert in_french(qapp, nothing_new) == (
        "Rien de nouveau pour le fichier d'annulation de commandes\u00a0: aucun fichier n'a "
        "été écrit."
    )


def test_the_timeline_says_who_exported_each_batch(db, tmp_path):
    two_items(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt", at=NOW)
    two_items(db, "405-7654321-7654321")
    confirm_shipment(db, "405-7654321-7654321", ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    export_new(db, ExportKind.SHIPMENTS, tmp_path / "s.txt", at=NOW, actor="Claire")
    with db.reading() as session:
        events = session.scalars(select(Event).where(Event.kind == "exported").order_by(Event.id))
        assert [event.actor for event in events] == ["seller", "Claire"]
