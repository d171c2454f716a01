"""The order's timeline reads in the window's language; events from before stay as written."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import ShipmentRequest, confirm_shipment, find_order
from app.order_actions.refunds import ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.storage import audit
from tests.factories import NOW, OrderSpec, add_order
from ui import translation
from ui.i18n import money, short_date
from ui.main_window import MainWindow

ORDER = "405-1234567-1234567"
OLD_SENTENCE = "Shipment confirmed by hand before the timeline was translatable."


@pytest.fixture
def shipped_with_an_old_event(db):
    add_order(db, OrderSpec())
    with db.transaction() as session:  # an event as SellerDesk wrote them before 0003
        order = find_order(session, ORDER)
        audit.record(session, order, kind="note", summary=OLD_SENTENCE, at=NOW - timedelta(hours=2))
    request = ShipmentRequest(resolve_carrier("Colissimo"), "6A12345678901", date(2026, 11, 20))
    confirm_shipment(db, ORDER, request, at=NOW - timedelta(hours=1))
    full = ItemRefund.full("11111111111111", Share(percent=Decimal("20")))
    refunding = RefundRequest((full,), "CustomerReturn", "opened")
    refund(db, ORDER, refunding, at=NOW - timedelta(minutes=30))
    return db


def window_on_the_order(db, qtbot) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    window.select_order(ORDER)
    return window


def test_the_french_window_shows_the_timeline_in_french(
    shipped_with_an_old_event, qtbot, qapp, frozen_now
):
    previous = QLocale()
    try:
        assert translation.install_translators(qapp, "fr") == "fr"
        window = window_on_the_order(shipped_with_an_old_event, qtbot)
        try:
            shown = window.details.text.replace("\u00a0", " ")
            assert (
                "Expédition confirmée (Colissimo, suivi 6A12345678901, 20/11/2026) : "
                "MUG-CERAM-01 « Mug céramique » × 1." in shown
            )
            assert "Shipment confirmed (Colissimo" not in shown
            # Amounts as a French seller writes them, not the file form "20.12 EUR".
            assert (
                "Remboursement de 20,12 € à l'acheteur (motif « Retour client ») : "
                "MUG-CERAM-01 « Mug céramique » 23,10 € moins 2,98 € de frais de restockage."
                in shown
            )
            assert "20.12" not in shown and "2026-11-20" not in shown
            assert OLD_SENTENCE in shown  # no translatable form: shown as it was stored
            assert "(vendeur)" in shown
        finally:
            window.shutdown()
    finally:
        translation.install_translators(qapp, "en")
        QLocale.setDefault(previous)


def test_the_english_window_shows_the_stored_english(shipped_with_an_old_event, qtbot, frozen_now):
    window = window_on_the_order(shipped_with_an_old_event, qtbot)
    try:
        shown = window.details.text.replace("\u00a0", " ")
        # English wording; the amounts and the date as the system's locale writes them.
        day = short_date(date(2026, 11, 20))
        assert f"Shipment confirmed (Colissimo, tracking 6A12345678901, {day})" in shown
        paid, price, fee = (
            money(Decimal(v), c).replace("\u00a0", " ")
            for v, c in (("20.12", "EUR"), ("23.10", "EUR"), ("2.98", "EUR"))
        )
        assert (
            f"Refunded {paid} to the buyer (reason Customer return): "
            f"MUG-CERAM-01 “Mug céramique” {price} minus restocking fee {fee}." in shown
        )
        assert OLD_SENTENCE in shown and "(seller)" in shown
    finally:
        window.shutdown()
