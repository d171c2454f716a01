"""Issue 12, layout: an order id is never broken over two lines in the details pane."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextBrowser
from sqlalchemy import update

from app.order_views.order_details import order_details
from app.storage.models import Order
from tests.factories import OrderSpec, add_order
from ui.details_pane import NARROWEST, DetailsPane
from ui.translation import install_translators

ORDER_ID = "405-8794179-8794179"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_heading_keeps_the_order_id_on_one_line_in_the_narrowest_pane(
    db, qtbot, qapp, language
):
    add_order(db, OrderSpec(order_id=ORDER_ID))
    install_translators(qapp, language)
    try:
        pane = DetailsPane()
        qtbot.addWidget(pane)
        pane.resize(NARROWEST, 700)
        pane.show()
        pane.show_order(order_details(db, ORDER_ID), [])
        browser = pane.findChild(QTextBrowser, "details_text")
        document = browser.document()
        document.setTextWidth(browser.viewport().width())
        block = document.findBlock(document.toPlainText().index(ORDER_ID))
        assert block.text() == ORDER_ID
        assert block.layout().lineCount() == 1, "the order id is broken over two lines"
        line = block.layout().lineAt(0)
        assert line.naturalTextWidth() <= document.textWidth() - 2 * document.documentMargin()
        assert browser.horizontalScrollBar().maximum() == 0, "the order id is cut"
    finally:
        install_translators(qapp, "en")


def test_a_long_buyer_email_wraps_inside_the_narrowest_pane(db, qtbot):
    """A marketplace e-mail has no space to wrap at: it breaks (Qt's wrap-anywhere default), never
    runs off the pane."""
    email = "2175df0d2c8e4b1f9a6c3e7d5b0a1f2c@marketplace.amazon.fr"
    add_order(db, OrderSpec(order_id=ORDER_ID))
    with db.transaction() as session:
        session.execute(update(Order).where(Order.order_id == ORDER_ID).values(buyer_email=email))
    pane = DetailsPane()
    qtbot.addWidget(pane)
    pane.resize(NARROWEST, 700)
    pane.show()
    pane.show_order(order_details(db, ORDER_ID), [])
    browser = pane.findChild(QTextBrowser, "details_text")
    document = browser.document()
    document.setTextWidth(browser.viewport().width())
    room = document.textWidth() - 2 * document.documentMargin()
    block = document.findBlock(document.toPlainText().index(email[:10]))
    layout = block.layout()
    assert layout.lineCount() >= 2, "the e-mail did not fit yet was not broken"
    assert all(layout.lineAt(i).naturalTextWidth() <= room for i in range(layout.lineCount()))
    assert browser.horizontalScrollBar().maximum() == 0, "the e-mail runs off the pane"
