"""Branches of the rules a seller meets rarely but must get right (issue 17).

Rows held back from the upload files, a return on an order already refunded in
full, an item named by an unknown or ambiguous SKU. Expected messages and rows
are written out here.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.exports import ExportKind, export_new, preview
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_order,
)
from app.order_actions.refunds import Component, ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_actions.returns import Outcome, receive_return
from app.storage.models import Order, OrderItem, OrderStatus, ReturnStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

ORDER = "405-1234567-1234567"
ITEM = "11111111111111"


def shipped(db, *items: ItemSpec, currency: str | None = "EUR") -> None:
    for item in items:
        item.quantity_shipped = item.quantity
    add_order(
        db,
        OrderSpec(status=OrderStatus.SHIPPED, items=list(items), currency=currency),  # type: ignore[arg-type]
    )


def give_currency(db, currency: str = "EUR") -> None:
    with db.transaction() as session:
        session.scalars(select(Order)).one().currency = currency


def give_item_id(db, sku: str, order_item_id: str) -> None:
    with db.transaction() as session:
        session.scalars(
            select(OrderItem).where(OrderItem.sku == sku)
        ).one().order_item_id = order_item_id


def full_refund(db, ref: str = ITEM) -> None:
    refund(db, ORDER, RefundRequest((ItemRefund.full(ref),), "CustomerReturn"), at=NOW)


def partial_cancel_then_ship(db) -> None:
    """Two mugs and a tote: one mug cancelled, the rest shipped: an adjustment row is due."""
    add_order(
        db,
        OrderSpec(
            items=[
                ItemSpec(order_item_id=ITEM, quantity=2, item_price=Decimal("29.80")),
                ItemSpec(sku="TOTE-LIN-NAT", order_item_id="22222222222222"),
            ]
        ),
    )
    cancel(db, ORDER, "NoInventory", items=[ItemQuantity(ITEM, 1)], at=NOW)
    confirm_shipment(db, ORDER, ShipmentRequest(resolve_carrier("UPS")), at=NOW)


# --- upload rows held back ------------------------------------------------------------


def test_a_refund_of_an_order_without_currency_is_held_back_until_it_has_one(db, tmp_path):
    shipped(db, ItemSpec(order_item_id=ITEM), currency=None)
    full_refund(db)
    held = export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "a.txt")
    assert held.batch_id is None and not (tmp_path / "a.txt").exists()
    assert [t.english() for t in held.held_back] == [
        f"Held back: the refund of order {ORDER}: the order has no currency yet. Import the "
        "order report with prices, then export again."
    ]
    give_currency(db)
    sent = export_new(db, ExportKind.ADJUSTMENTS, tmp_path / "a.txt")
    assert (sent.batch_id, sent.row_count, sent.held_back) == (1, 1, [])
    row = (tmp_path / "a.txt").read_text(encoding="utf-8").splitlines()[1].split("\t")
    assert row[:4] == [ORDER, ITEM, "CustomerReturn", "EUR"]


def test_a_refund_of_an_item_without_order_item_id_is_held_back_until_a_report_gives_it(db):
    shipped(db, ItemSpec(sku="MUG-CERAM-01", order_item_id=None))
    full_refund(db, "MUG-CERAM-01")
    held = preview(db, ExportKind.ADJUSTMENTS)
    assert held.rows == []
    assert [t.english() for t in held.held_back] == [
        f"Held back: the refund of order {ORDER}: item MUG-CERAM-01 has no order-item id yet "
        "and the file cannot name it by SKU. Import an order report that lists it, then "
        "export again."
    ]
    give_item_id(db, "MUG-CERAM-01", "99999999999999")
    sent = preview(db, ExportKind.ADJUSTMENTS)
    assert sent.held_back == []
    cells = dict(zip(sent.columns, sent.rows[0], strict=True))
    assert (cells["order-item-id"], cells["item-price-adj"]) == ("99999999999999", "14.90")


def test_a_partial_cancellation_without_currency_is_held_back(db):
    partial_cancel_then_ship(db)
    give_currency(db, "")
    held = preview(db, ExportKind.ADJUSTMENTS)
    assert held.rows == []
    assert [t.english() for t in held.held_back] == [
        f"Held back: the partial cancellation of order {ORDER}: the order has no currency yet. "
        "Import the order report with prices, then export again."
    ]
    give_currency(db)
    sent = preview(db, ExportKind.ADJUSTMENTS)
    cells = dict(zip(sent.columns, sent.rows[0], strict=True))
    assert (cells["quantity-cancelled"], cells["item-price-adj"], cells["currency"]) == (
        "1",
        "14.90",
        "EUR",
    )


def test_a_partial_cancellation_of_an_item_without_order_item_id_is_held_back(db):
    partial_cancel_then_ship(db)
    with db.transaction() as session:
        find_order(session, ORDER).items[0].order_item_id = None
    held = preview(db, ExportKind.ADJUSTMENTS)
    assert held.rows == []
    assert [t.english() for t in held.held_back] == [
        f"Held back: the partial cancellation of order {ORDER}: item MUG-CERAM-01 has no "
        "order-item id yet and the file cannot name it by SKU. Import an order report that "
        "lists it, then export again."
    ]


def _refund_without_currency(db) -> None:
    shipped(db, ItemSpec(order_item_id=ITEM), currency=None)
    full_refund(db)


def _refund_without_item_id(db) -> None:
    shipped(db, ItemSpec(sku="MUG-CERAM-01", order_item_id=None))
    full_refund(db, "MUG-CERAM-01")


def _partial_without_currency(db) -> None:
    partial_cancel_then_ship(db)
    give_currency(db, "")


def _partial_without_item_id(db) -> None:
    partial_cancel_then_ship(db)
    with db.transaction() as session:
        find_order(session, ORDER).items[0].order_item_id = None


ENGLISH = {"held", "back", "the", "refund", "partial", "cancellation", "of", "order", "item"}
ENGLISH |= {"has", "no", "yet", "currency", "import", "export", "again", "then", "with"}


@pytest.mark.parametrize(
    ("held_back_by", "french_start"),
    [
        (_refund_without_currency, "Retenu\u00a0: le remboursement de la commande"),
        (_refund_without_item_id, "Retenu\u00a0: le remboursement de la commande"),
        (_partial_without_currency, "Retenue\u00a0: l’annulation partielle de la commande"),
        (_partial_without_item_id, "Retenue\u00a0: l’annulation partielle de la commande"),
    ],
)
def test_a_held_back_row_is_said_wholly_in_french_in_the_french_window(
    db, qapp, held_back_by, french_start
):
    from PySide6.QtCore import QLocale

    from ui.i18n import tr_text
    from ui.translation import install_translators

    held_back_by(db)
    (held,) = preview(db, ExportKind.ADJUSTMENTS).held_back
    previous = QLocale()
    try:
        assert install_translators(qapp, "fr") == "fr"
        french = tr_text(held)
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(previous)
    assert french.startswith(f"{french_start} {ORDER}\u00a0: ")
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", french.replace(ORDER, ""))}
    assert not words & ENGLISH, french


# --- a return on an order already refunded in full -------------------------------------


def test_a_return_on_an_order_refunded_in_full_is_recorded_with_nothing_left_to_refund(db, cli):
    shipped(db, ItemSpec(order_item_id=ITEM))
    full_refund(db)
    result = receive_return(db, ORDER, "used", at=NOW + timedelta(days=1))
    assert result.outlook.outcome is Outcome.NOTHING_LEFT
    assert result.outlook.refund_due is None
    assert result.suggestion is None and result.suggested_plan is None
    assert result.outlook.message is not None
    assert result.outlook.message.english() == (
        "Shipment was confirmed, but the buyer is already refunded in full: the return is "
        "recorded, nothing is left to refund."
    )
    with db.reading() as session:
        order = find_order(session, ORDER)
        (back,) = order.returns
        assert (back.status, back.condition, back.refund_due) == (
            ReturnStatus.RECEIVED,
            "used",
            None,
        )
        assert order.status is OrderStatus.SHIPPED
        assert len(order.refunds) == 1  # no second refund
    shown = json.loads(cli("show", ORDER, "--json").out)
    assert "Return received (used); the buyer was already refunded." in [
        event["summary"] for event in shown["events"]
    ]
    health = json.loads(
        cli("health", "--as-of", (NOW + timedelta(days=9)).isoformat(), "--json").out
    )
    assert health["overdue_refunds"] == []  # nothing is due, so nothing is ever overdue


# --- items named by SKU in a refund -----------------------------------------------------


def test_a_refund_naming_an_unknown_item_lists_the_order_s_items(db, cli):
    shipped(db, ItemSpec(order_item_id=ITEM), ItemSpec(sku="TOTE-LIN-NAT", order_item_id=None))
    result = cli("refund", ORDER, "--item", "PLAID-LAINE-XL", "--full", "--reason", "NoInventory")
    assert result.status == 2
    assert result.err.strip() == (
        f"sellerdesk: Order {ORDER} has no item PLAID-LAINE-XL. Its items: {ITEM}, TOTE-LIN-NAT."
    )
    assert json.loads(cli("show", ORDER, "--json").out)["refunds"] == []


def test_a_refund_naming_a_sku_that_two_items_share_asks_for_the_order_item_id(db, cli):
    shipped(
        db,
        ItemSpec(order_item_id=ITEM, title="Mug bleu"),
        ItemSpec(order_item_id="22222222222222", title="Mug vert"),
    )
    result = cli("refund", ORDER, "--item", "MUG-CERAM-01", "--full", "--reason", "NoInventory")
    assert result.status == 2
    assert result.err.strip() == (
        f"sellerdesk: Order {ORDER} has several items with SKU MUG-CERAM-01: "
        "name the order-item id."
    )
    named = cli("refund", ORDER, "--item", "22222222222222", "--full", "--reason", "NoInventory")
    assert named.status == 0, named.err
    (only,) = json.loads(cli("show", ORDER, "--json").out)["refunds"]
    assert (only["order_item_id"], only["item_price"]) == ("22222222222222", "14.90")


# --- a refund told in French: the timeline, the refusals --------------------------------------


def in_french(qapp, said) -> str:
    from PySide6.QtCore import QLocale

    from ui.i18n import tr_text
    from ui.translation import install_translators

    previous = QLocale()
    try:
        assert install_translators(qapp, "fr") == "fr"
        return tr_text(said)
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(previous)


def test_a_refund_with_a_restocking_fee_is_told_wholly_in_french_on_the_french_timeline(db, qapp):
    from app.storage.models import Event
    from app.text import from_json

    shipped(db, ItemSpec(order_item_id=ITEM))  # 14.90 + 2.48 + 4.90 + 0.82 = 23.10 EUR
    with_fee = ItemRefund.full(ITEM, Share(amount=Decimal("3.00")))
    refund(db, ORDER, RefundRequest((with_fee,), "CustomerReturn", "used"), at=NOW)
    with db.reading() as session:
        (event,) = session.scalars(select(Event).where(Event.kind == "refunded"))
    assert in_french(qapp, from_json(event.summary_text)) == (
        "Remboursement de 20,10\u00a0€ à l'acheteur (motif «\u00a0Retour client\u00a0»)\u00a0: "
        "MUG-CERAM-01 «\u00a0Mug céramique\u00a0» 23,10\u00a0€ moins 3,00\u00a0€ de frais de "
        "restockage."
    )


def _too_much_item_price(db) -> RefundRequest:
    return RefundRequest(
        (ItemRefund(ITEM, {Component.ITEM_PRICE: Share(amount=Decimal("20"))}),),
        "GeneralAdjustment",
    )


def _a_second_fee_above_the_ceiling(db) -> RefundRequest:
    first = ItemRefund(
        ITEM, {Component.ITEM_PRICE: Share(amount=Decimal("5"))}, Share(amount=Decimal("3"))
    )
    refund(db, ORDER, RefundRequest((first,), "CustomerReturn", "used"), at=NOW)
    second = ItemRefund(
        ITEM, {Component.ITEM_PRICE: Share(amount=Decimal("9.90"))}, Share(amount=Decimal("5"))
    )
    return RefundRequest((second,), "CustomerReturn", "used")


def _the_item_named_twice(db) -> RefundRequest:
    return RefundRequest((ItemRefund.full(ITEM), ItemRefund.full("MUG-CERAM-01")), "CustomerReturn")


@pytest.mark.parametrize(
    ("asked", "french"),
    [
        (
            _too_much_item_price,
            "Article 11111111111111\u00a0: il ne reste que 14,90\u00a0€ à rembourser sur "
            "«\u00a0prix de l'article\u00a0» (facturé 14,90\u00a0€, déjà remboursé "
            "0,00\u00a0€)\u202f; vous avez demandé 20,00\u00a0€.",
        ),
        (
            _a_second_fee_above_the_ceiling,
            "Article 11111111111111\u00a0: des frais de restockage de 5,00\u00a0€ dépassent le "
            "plafond pour un retour à l'état «\u00a0utilisé\u00a0» (50\u00a0% du prix de "
            "l'article, 14,90\u00a0€, dont 3,00\u00a0€ déjà déduits)\u202f; au plus 4,45\u00a0€.",
        ),
        (
            _the_item_named_twice,
            "L'article 11111111111111 est indiqué deux fois.",
        ),
    ],
)
def test_a_refused_refund_is_said_wholly_in_french(db, qapp, asked, french):
    from app.errors import SellerDeskError
    from app.order_actions.refunds import load_refund_context, plan_refund

    shipped(db, ItemSpec(order_item_id=ITEM))
    request = asked(db)
    with pytest.raises(SellerDeskError) as refused:
        plan_refund(load_refund_context(db, ORDER), request)
    assert in_french(qapp, refused.value.message) == french
